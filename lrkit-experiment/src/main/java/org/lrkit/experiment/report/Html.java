package org.lrkit.experiment.report;

/**
 * What lrkit's HTML pages share: escaping and the style sheet, so that {@code report.html} of a run and of a
 * sweep look alike.
 */
public final class Html {

    private Html() {
    }

    /**
     * {@code text} with {@code < > & " '} replaced by their character references, safe in an element or a
     * quoted attribute.
     *
     * @param text the text; null reads as empty
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The style sheet of lrkit's reports, for a {@code <style>} element. */
    public static final String STYLE = """
            body { margin: 0; background: #f6f7f9; color: #222; font: 15px/1.5 system-ui, -apple-system, "Segoe UI",
                   Roboto, "DejaVu Sans", Arial, sans-serif; }
            main { max-width: 1060px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
            h1 { font-size: 26px; margin: 8px 0 4px; }
            h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #e3e3e3; }
            .subtitle { color: #555; margin-top: 0; }
            .headline { font-size: 16px; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0; }
            table.narrow { width: auto; min-width: 50%; }
            th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e8e8e8; vertical-align: top; }
            td:first-child { white-space: nowrap; }
            thead th { background: #f0f2f5; font-weight: 600; }
            tbody th { font-weight: 600; color: #444; white-space: nowrap; }
            table.results td:not(:first-child) { font-variant-numeric: tabular-nums; }
            tr.strong td { font-weight: 600; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 8px;
                      vertical-align: -1px; }
            .role { color: #666; font-size: 13px; margin-top: 2px; }
            td:first-child .role { margin-left: 20px; white-space: normal; }
            code { font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f3f3f3;
                   padding: 1px 4px; border-radius: 3px; overflow-wrap: break-word; }
            figure { margin: 10px 0 4px; }
            figure img { width: 100%; height: auto; border: 1px solid #e3e3e3; }
            figcaption { color: #555; font-size: 13px; margin-top: 4px; }
            .note { color: #555; font-size: 13px; }
            .warning { background: #fff6e0; border-left: 4px solid #f0ad4e; padding: 6px 10px; }
            ul.files { columns: 2; font-size: 13px; }
            footer { margin-top: 36px; color: #777; font-size: 13px; }
            """;
}
