package org.lrkit.vision.data;

import java.io.IOException;

/**
 * A downloaded or existing file whose SHA-256 differs from the pinned one. The message names the file, the
 * expected and the actual digest; the downloader has already removed its temporary file.
 */
public class ChecksumMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The pinned digest. */
    private final String expectedSha256;
    /** The digest of the bytes received. */
    private final String actualSha256;

    /**
     * @param file the file that failed verification, for the message
     * @param expectedSha256 the pinned digest, lower-case hex
     * @param actualSha256 the digest of the bytes received, lower-case hex
     * @param fix what the caller can do about it
     */
    public ChecksumMismatchException(String file, String expectedSha256, String actualSha256, String fix) {
        super(file + ": SHA-256 mismatch, expected " + expectedSha256 + ", got " + actualSha256 + ". " + fix);
        this.expectedSha256 = expectedSha256;
        this.actualSha256 = actualSha256;
    }

    /**
     * The digest the file should have had.
     *
     * @return the pinned digest, lower-case hex
     */
    public String expectedSha256() {
        return expectedSha256;
    }

    /**
     * The digest the file actually has.
     *
     * @return the digest of the bytes received, lower-case hex
     */
    public String actualSha256() {
        return actualSha256;
    }
}
