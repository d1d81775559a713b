package org.lrkit.djl.checkpoint;

import java.io.IOException;

/**
 * A checkpoint or snapshot file that cannot be trusted: not an lrkit file, an unsupported format version,
 * truncated, or failing its checksums. The message names the file, what is wrong and what to do; lrkit never
 * loads such a file partially.
 */
public final class CorruptCheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message naming the file and the problem.
     *
     * @param message the file, what is wrong and what to do
     */
    public CorruptCheckpointException(String message) {
        super(message);
    }

    /**
     * An exception with a message naming the file and the problem, and its cause.
     *
     * @param message the file, what is wrong and what to do
     * @param cause the error that revealed the problem (a truncated read, ...)
     */
    public CorruptCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
