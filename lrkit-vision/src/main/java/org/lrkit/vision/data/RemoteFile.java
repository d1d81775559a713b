package org.lrkit.vision.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of a dataset as published: its name, where to get it (the official address first, then mirrors,
 * tried in order), and the SHA-256 it must have.
 *
 * @param fileName the name to save it under, without folders (e.g. {@code cifar-10-binary.tar.gz})
 * @param urls where to get it, tried in order; {@code http} or {@code https}
 * @param sha256 the pinned digest (64 hex digits, stored lower-case), or {@code null} when none has been
 *     verified yet: the downloader then refuses the file unless the caller allows unverified files
 * @param size the size in bytes when known, else {@code -1}
 * @param checksumSource where the digest comes from and how it was checked, for the record and for messages
 */
public record RemoteFile(String fileName, List<URI> urls, String sha256, long size, String checksumSource) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    /** The text used for {@link #checksumSource} when no digest is pinned. */
    public static final String NOT_PINNED = "to be pinned on first verified download";

    /**
     * Checks every component; see the record description for the rules.
     *
     * @param fileName a plain file name: not empty, no {@code /} or {@code \}, not starting with a dot
     * @param urls at least one {@code http} or {@code https} address; copied
     * @param sha256 64 hex digits in either case (stored lower-case), or {@code null} when not pinned
     * @param size the size in bytes, {@code > 0}, or {@code -1} when unknown
     * @param checksumSource where the digest comes from; {@code null} becomes {@value #NOT_PINNED} without a
     *     digest and {@code "given by the caller"} with one
     * @throws IllegalArgumentException if a component breaks one of these rules
     */
    public RemoteFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(urls, "urls");
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("fileName must be a plain file name (no folders, not hidden), got '"
                    + fileName + "'");
        }
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("urls must hold at least one address for " + fileName + ", got none");
        }
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("urls must be http or https addresses, got " + url + " for "
                        + fileName);
            }
        }
        if (sha256 != null) {
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits (or null when not pinned), got '"
                        + sha256 + "' for " + fileName);
            }
            sha256 = sha256.toLowerCase(Locale.ROOT);
        }
        if (size < -1 || size == 0) {
            throw new IllegalArgumentException("size must be > 0, or -1 when unknown, got " + size + " for " + fileName);
        }
        checksumSource = checksumSource == null ? (sha256 == null ? NOT_PINNED : "given by the caller") : checksumSource;
    }

    /**
     * A file with a pinned digest and known size.
     *
     * @param fileName the name to save it under, without folders
     * @param sha256 the pinned digest, 64 hex digits, not null
     * @param size the size in bytes, {@code > 0}, or {@code -1} when unknown
     * @param checksumSource where the digest comes from and how it was checked
     * @param urls the official address first, then mirrors; {@code http} or {@code https}, at least one
     * @return the file
     * @throws IllegalArgumentException if an address is malformed or a component breaks the record's rules
     */
    public static RemoteFile pinned(String fileName, String sha256, long size, String checksumSource, String... urls) {
        Objects.requireNonNull(sha256, "sha256");
        return new RemoteFile(fileName, toUris(urls), sha256, size, checksumSource);
    }

    /**
     * A file without a pinned digest ({@value #NOT_PINNED}) and of unknown size.
     *
     * @param fileName the name to save it under, without folders
     * @param urls the official address first, then mirrors; {@code http} or {@code https}, at least one
     * @return the file; the downloader refuses it unless unverified files are allowed
     * @throws IllegalArgumentException if an address is malformed or a component breaks the record's rules
     */
    public static RemoteFile unpinned(String fileName, String... urls) {
        return new RemoteFile(fileName, toUris(urls), null, -1, NOT_PINNED);
    }

    /**
     * Whether the file can be verified.
     *
     * @return true if a digest is pinned
     */
    public boolean isPinned() {
        return sha256 != null;
    }

    private static List<URI> toUris(String... urls) {
        return java.util.Arrays.stream(urls).map(URI::create).toList();
    }
}
