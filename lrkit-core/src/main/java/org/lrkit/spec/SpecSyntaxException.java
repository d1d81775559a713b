package org.lrkit.spec;

/**
 * Thrown by {@link Spec#parse(String)} when a text is not a well-formed spec.
 *
 * <p>The message says what was expected, gives the 0-based {@linkplain #position() position} of the problem
 * and repeats the offending line of text with a caret under that position:
 *
 * <pre>{@code
 * expected '=' after argument name 'max_lr' at position 24:
 *   torch.OneCycleLR(max_lr 0.1)
 *                           ^
 * }</pre>
 *
 * <p>When the text spans several lines only the line holding the position is shown, and the message also
 * gives the 1-based line and column.
 */
public final class SpecSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problem without the position and caret, e.g. {@code "missing value for argument 'a'"}. */
    private final String problem;
    private final String text;
    private final int position;

    /**
     * Creates an exception for a problem in {@code text} at {@code position}.
     *
     * @param problem  what is wrong or was expected, e.g. {@code "expected '(' after spec name 'cos'"}
     * @param text     the whole text being parsed
     * @param position 0-based index into {@code text}, between 0 and {@code text.length()} inclusive
     */
    public SpecSyntaxException(String problem, String text, int position) {
        super(render(problem, text, position));
        this.problem = problem;
        this.text = text;
        this.position = position;
    }

    /** The 0-based index into {@link #text()} at which the problem was found (may equal its length). */
    public int position() {
        return position;
    }

    /** The whole text that failed to parse. */
    public String text() {
        return text;
    }

    /** The problem alone, without the position and the caret picture. */
    public String problem() {
        return problem;
    }

    private static String render(String problem, String text, int position) {
        if (text == null) {
            text = "";
        }
        int pos = Math.max(0, Math.min(position, text.length()));
        int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
        int lineEnd = text.indexOf('\n', pos);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        StringBuilder pad = new StringBuilder();
        for (int i = lineStart; i < pos; i++) {
            pad.append(text.charAt(i) == '\t' ? '\t' : ' ');
        }
        StringBuilder message = new StringBuilder(problem).append(" at position ").append(position);
        boolean multiLine = text.indexOf('\n') >= 0;
        if (multiLine) {
            int lineNumber = 1;
            for (int i = 0; i < lineStart; i++) {
                if (text.charAt(i) == '\n') {
                    lineNumber++;
                }
            }
            message.append(" (line ").append(lineNumber).append(", column ").append(pos - lineStart + 1)
                    .append(')');
        }
        return message.append(":\n  ").append(line).append("\n  ").append(pad).append('^').toString();
    }
}
