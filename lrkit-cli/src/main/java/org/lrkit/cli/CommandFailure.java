package org.lrkit.cli;

/**
 * A run that failed for a reason other than bad usage, such as an I/O error; {@code lrkit} prints the
 * message after {@code lrkit: error: } and exits with {@link ExitCode#FAILURE}.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what failed and why, e.g. {@code "could not write plot x.png: disk full"}
     * @param cause the underlying exception, shown under {@code --verbose}
     */
    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
