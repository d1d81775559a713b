package org.lrkit.djl.checkpoint;

/**
 * A run was resumed with a policy other than the one its checkpoint recorded, and no elastic rule says how
 * to reconcile them (or the rule cannot apply). The message shows both policies and the ways forward.
 */
public final class PolicyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem without the advice for Java callers. */
    private final String problem;

    /**
     * An exception with a message that shows both policies and the fix.
     *
     * @param message both policies and the ways forward; also the {@link #problem()}
     */
    public PolicyMismatchException(String message) {
        super(message);
        this.problem = message;
    }

    /**
     * An exception whose message is {@code problem} followed by {@code advice}: the ways forward in the Java API
     * (the elastic rules of {@link Resume}), which a caller without them (the command line) leaves out through
     * {@link #problem()}.
     *
     * @param problem what does not fit (both policies)
     * @param advice the ways forward in the Java API, appended to {@code problem} in the message
     */
    public PolicyMismatchException(String problem, String advice) {
        super(problem + advice);
        this.problem = problem;
    }

    /**
     * An exception with a message and the cause (an elastic rule that could not apply).
     *
     * @param message what does not fit and why the rule cannot apply; also the {@link #problem()}
     * @param cause the error of the elastic rule
     */
    public PolicyMismatchException(String message, Throwable cause) {
        super(message, cause);
        this.problem = message;
    }

    /**
     * What does not fit (both policies), without the advice about elastic rules.
     *
     * @return the problem, or the whole message if there is no separate advice
     */
    public String problem() {
        return problem;
    }
}
