package org.lrkit.djl.checkpoint;

/**
 * A run was resumed with a policy other than the one its checkpoint recorded, and no elastic rule says how
 * to reconcile them (or the rule cannot apply). The message shows both policies and the ways forward.
 */
public final class PolicyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that shows both policies and the fix. */
    public PolicyMismatchException(String message) {
        super(message);
    }

    /** An exception with a message and the cause (an elastic rule that could not apply). */
    public PolicyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
