package org.lrkit.vision.data;

import java.io.IOException;

/**
 * A dataset file that is not what its reader expects: wrong magic number, wrong or truncated size, a label
 * outside the class range, an undecodable image, a corrupt archive. The message names the file (or archive
 * entry), what was expected and what was found, e.g.
 * {@code "/data/mnist/train-labels-idx1-ubyte.gz: expected IDX magic 0x00000801 (unsigned bytes, 1
 * dimension: labels), got 0x00000803"}.
 */
public class DatasetFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file or archive entry the problem is in. */
    private final String source;

    /**
     * @param source the file or archive entry that is wrong, as it should appear in the message
     * @param problem what was expected and what was found
     */
    public DatasetFormatException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    /**
     * @param source the file or archive entry that is wrong, as it should appear in the message
     * @param problem what was expected and what was found
     * @param cause the lower-level failure (for example a {@link java.util.zip.ZipException})
     */
    public DatasetFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /**
     * Where the problem is.
     *
     * @return the file or archive entry the problem is in, as the message names it
     */
    public String source() {
        return source;
    }
}
