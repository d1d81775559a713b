package org.lrkit.experiment.run;

/**
 * A run that failed for a reason other than bad usage: data that cannot be found or read, a checkpoint that
 * cannot be resumed, a training that diverged, a file that cannot be written. The message is one line.
 */
public final class RunFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a one-line message and its cause (shown under {@code --verbose}).
     *
     * @param message the one-line message
     * @param cause the cause
     */
    public RunFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failure with a one-line message.
     *
     * @param message the one-line message
     */
    public RunFailure(String message) {
        super(message);
    }
}
