package org.lrkit.vision.data;

import java.nio.file.Path;

/**
 * What {@link DatasetDownloader} did for one file.
 *
 * @param file where the file now is
 * @param sha256 its SHA-256, lower-case hex (pin this value if {@code verified} is false)
 * @param bytes its size
 * @param resumedFrom bytes of an earlier partial download that were kept (0 when it started from scratch)
 * @param verified true if the digest matched a pinned one
 * @param alreadyPresent true if the file was there already and nothing was downloaded
 */
public record DownloadResult(Path file, String sha256, long bytes, long resumedFrom, boolean verified,
        boolean alreadyPresent) {
}
