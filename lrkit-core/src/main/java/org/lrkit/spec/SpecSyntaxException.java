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
 * gives the 1-based line and column. A line longer than {@value #WINDOW} characters is cut to the
 * {@value #WINDOW} around the position, {@code ...} marking the cuts, and a problem that quotes a huge token
 * is cut in its middle, so that a megabyte of spec never comes back whole in a message.
 */
public final class SpecSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The most characters of the text shown around the position. */
    public static final int WINDOW = 120;
    private static final int MAX_PROBLEM = 200;

    /** The problem without the position and caret, e.g. {@code "missing value for argument 'a'"}. */
    private final String problem;
    /** The whole text being parsed. */
    private final String text;
    /** The 0-based index into {@link #text} at which the problem was found. */
    private final int position;

    /**
     * Creates an exception for a problem in {@code text} at {@code position}.
     *
     * @param problem  what is wrong or was expected, e.g. {@code "expected '(' after spec name 'cos'"}
     * @param text     the whole text being parsed
     * @param position 0-based index into {@code text}, between 0 and {@code text.length()} inclusive
     */
    public SpecSyntaxException(String problem, String text, int position) {
        super(render(shorten(problem), text, position));
        this.problem = shorten(problem);
        this.text = text;
        this.position = position;
    }

    /**
     * The 0-based index into {@link #text()} at which the problem was found (may equal its length).
     *
     * @return the position, between 0 and the text's length inclusive
     */
    public int position() {
        return position;
    }

    /**
     * The whole text that failed to parse.
     *
     * @return the text as given to the parser
     */
    public String text() {
        return text;
    }

    /**
     * The text around the position on one line: at most {@value #WINDOW} characters of it (line breaks shown
     * as spaces), with {@code ...} where it was cut; the whole text when it is short.
     *
     * @return the excerpt, on one line
     */
    public String excerpt() {
        String all = text == null ? "" : text;
        int pos = Math.max(0, Math.min(position, all.length()));
        int[] window = window(all.length(), pos);
        return (window[0] > 0 ? "..." : "") + all.substring(window[0], window[1]).replaceAll("\\s*\\R\\s*", " ")
                + (window[1] < all.length() ? "..." : "");
    }

    /**
     * The problem alone, without the position and the caret picture (a huge quoted token cut in its middle).
     *
     * @return the problem, e.g. {@code "missing value for argument 'a'"}
     */
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
        if (lineEnd > lineStart && text.charAt(lineEnd - 1) == '\r') {
            lineEnd--;
        }
        int[] window = window(lineEnd - lineStart, pos - lineStart);
        int from = lineStart + window[0];
        int to = lineStart + window[1];
        String line = (from > lineStart ? "..." : "") + text.substring(from, to) + (to < lineEnd ? "..." : "");
        StringBuilder pad = new StringBuilder(from > lineStart ? "   " : "");
        for (int i = from; i < pos; i++) {
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

    /** The {@code [from, to)} of a text of {@code length} to show around {@code pos}: at most {@value #WINDOW}. */
    private static int[] window(int length, int pos) {
        if (length <= WINDOW) {
            return new int[] {0, length};
        }
        int from = Math.max(0, Math.min(pos - WINDOW / 2, length - WINDOW));
        return new int[] {from, from + WINDOW};
    }

    private static String shorten(String problem) {
        if (problem == null || problem.length() <= MAX_PROBLEM) {
            return problem;
        }
        int head = MAX_PROBLEM * 2 / 3;
        int tail = MAX_PROBLEM - head;
        return problem.substring(0, head) + "..." + problem.substring(problem.length() - tail);
    }
}
