package org.lrkit.djl.checkpoint;

/**
 * A run was resumed with a policy other than the one its checkpoint recorded, and no elastic rule says how
 * to reconcile them (or the rule cannot apply). The message shows both policies and the ways forward.
 */
public final class PolicyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problem without the advice for Java callers. */
    private final String problem;

    /** An exception with a message that shows both policies and the fix. */
    public PolicyMismatchException(String message) {
        super(message);
        this.problem = message;
    }

    /**
     * An exception whose message is {@code problem} followed by {@code advice}: the ways forward in the Java API
     * (the elastic rules of {@link Resume}), which a caller without them (the command line) leaves out through
     * {@link #problem()}.
     */
    public PolicyMismatchException(String problem, String advice) {
        super(problem + advice);
        this.problem = problem;
    }

    /** An exception with a message and the cause (an elastic rule that could not apply). */
    public PolicyMismatchException(String message, Throwable cause) {
        super(message, cause);
        this.problem = message;
    }

    /** What does not fit (both policies), without the advice about elastic rules; the whole message if none. */
    public String problem() {
        return problem;
    }
}
