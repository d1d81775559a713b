package org.lrkit.cli;

import java.util.ArrayList;
import java.util.List;
import org.lrkit.spec.ParameterDescription;
import org.lrkit.spec.SpecDescription;

/**
 * The text of {@code lrkit schedule --list}: every spec name, its summary and its arguments with their
 * defaults, long descriptions wrapped to fit a terminal.
 */
final class CatalogListing {

    /** Lines are wrapped at this width where a description allows. */
    private static final int WIDTH = 100;

    private CatalogListing() {
    }

    static String format(List<SpecDescription> catalog) {
        StringBuilder text = new StringBuilder();
        text.append("Specs for --spec, written name(argument=value, ...). Arguments marked 'required' have no")
                .append(" default.\n");
        for (SpecDescription spec : catalog) {
            text.append('\n').append(spec.name()).append('\n');
            if (spec.summary() != null && !spec.summary().isBlank()) {
                for (String line : wrap(spec.summary(), WIDTH - 4)) {
                    text.append("    ").append(line).append('\n');
                }
            }
            int nameWidth = 0;
            int defaultWidth = 0;
            for (ParameterDescription parameter : spec.parameters()) {
                nameWidth = Math.max(nameWidth, parameter.name().length());
                defaultWidth = Math.max(defaultWidth, defaultText(parameter).length());
            }
            String indent = " ".repeat(6 + nameWidth + 2 + defaultWidth + 2);
            for (ParameterDescription parameter : spec.parameters()) {
                StringBuilder line = new StringBuilder("      ");
                padRight(line, parameter.name(), nameWidth).append("  ");
                padRight(line, defaultText(parameter), defaultWidth).append("  ");
                String description = parameter.description() == null ? "" : parameter.description();
                List<String> lines = wrap(description, Math.max(30, WIDTH - indent.length()));
                for (int i = 0; i < lines.size(); i++) {
                    if (i > 0) {
                        line.append('\n').append(indent);
                    }
                    line.append(lines.get(i));
                }
                text.append(line.toString().stripTrailing()).append('\n');
            }
        }
        return text.toString();
    }

    private static String defaultText(ParameterDescription parameter) {
        return parameter.defaultText() == null ? "required" : "= " + parameter.defaultText();
    }

    private static StringBuilder padRight(StringBuilder text, String value, int width) {
        text.append(value);
        for (int i = value.length(); i < width; i++) {
            text.append(' ');
        }
        return text;
    }

    /** Splits text at spaces into lines of at most {@code width} characters (longer words stay whole). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
