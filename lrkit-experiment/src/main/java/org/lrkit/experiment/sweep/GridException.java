package org.lrkit.experiment.sweep;

import java.util.List;

/**
 * A grid file that cannot be run: its message has one line naming the file and the number of errors, then
 * one line per error, each with its line number, the rule and the fix when there is one.
 *
 * <pre>
 * grid.txt has 2 errors:
 *   line 3: unknown axis 'lr': not an option of lrkit train, and no policy uses {lr}
 *   line 5: axis 'peak' has no values; list them, e.g. peak = 0.01, 0.1
 * </pre>
 */
public final class GridException extends IllegalArgumentException {

    /** The serialized form's version. */
    private static final long serialVersionUID = 1L;

    /** The errors, one line each. */
    private final List<String> errors;

    /**
     * An exception for the errors of one grid file.
     *
     * @param source the file's name as the user gave it
     * @param errors the errors, one line each, at least one
     */
    public GridException(String source, List<String> errors) {
        super(message(source, errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The errors, one line each, in the order of the file.
     *
     * @return the errors
     */
    public List<String> errors() {
        return errors;
    }

    private static String message(String source, List<String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a GridException needs at least one error");
        }
        StringBuilder text = new StringBuilder(source).append(" has ").append(errors.size())
                .append(errors.size() == 1 ? " error:" : " errors:");
        for (String error : errors) {
            text.append("\n  ").append(error);
        }
        return text.toString();
    }
}
