package org.lrkit.djl.checkpoint;

import java.io.IOException;

/**
 * A checkpoint belongs to another run than the one asked to resume from it: its recorded owner (run id,
 * policy, seed, data, model) differs from the resuming run's. lrkit neither resumes nor overwrites such a file;
 * the message names the file, whose it is and what to do.
 */
public final class ForeignCheckpointException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message naming the file, its owner and the fix.
     *
     * @param message the file, the run it belongs to and what to do
     */
    public ForeignCheckpointException(String message) {
        super(message);
    }
}
