package org.lrkit.experiment.plot;

import java.awt.FontMetrics;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** Small layout helpers for {@link LineChart}: wrapping and shortening text, counting covered points. */
final class TextLayout {

    private static final String ELLIPSIS = "\u2026";

    private TextLayout() {
    }

    /**
     * Splits {@code text} into at most {@code maxLines} lines no wider than {@code maxWidth}, breaking
     * after spaces and commas where possible; the last line ends with an ellipsis if text is left over.
     */
    static List<String> wrap(String text, FontMetrics metrics, int maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (metrics.stringWidth(rest) <= maxWidth) {
                lines.add(rest);
                return lines;
            }
            if (lines.size() == maxLines - 1) {
                lines.add(ellipsize(rest, metrics, maxWidth));
                return lines;
            }
            int fit = longestFittingPrefix(rest, metrics, maxWidth);
            int cut = breakBefore(rest, fit, " ");
            if (cut < 0) {
                cut = breakBefore(rest, fit, ",(");
            }
            if (cut < 0) {
                cut = fit;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return lines;
    }

    /**
     * The largest index in the second half of {@code text[0, fit)} just after one of {@code breakChars},
     * or -1 if none.
     */
    private static int breakBefore(String text, int fit, String breakChars) {
        for (int i = fit; i > fit / 2; i--) {
            if (breakChars.indexOf(text.charAt(i - 1)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text}, or as much of it as fits in {@code maxWidth} followed by an ellipsis. */
    static String ellipsize(String text, FontMetrics metrics, int maxWidth) {
        if (metrics.stringWidth(text) <= maxWidth) {
            return text;
        }
        String mark = metrics.getFont().canDisplay('\u2026') ? ELLIPSIS : "...";
        int fit = longestFittingPrefix(text, metrics, maxWidth - metrics.stringWidth(mark));
        return text.substring(0, fit).stripTrailing() + mark;
    }

    private static int longestFittingPrefix(String text, FontMetrics metrics, int maxWidth) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (metrics.stringWidth(text.substring(0, mid)) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Math.max(1, lo);
    }

    /** How many vertices of {@code path} lie inside {@code box}. */
    static long pointsInside(Path2D path, Rectangle2D box) {
        long count = 0;
        double[] coords = new double[6];
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(coords);
            if (type != PathIterator.SEG_CLOSE && box.contains(coords[0], coords[1])) {
                count++;
            }
        }
        return count;
    }
}
