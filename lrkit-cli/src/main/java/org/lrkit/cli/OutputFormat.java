package org.lrkit.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@code lrkit schedule} prints the values: CSV for programs or an aligned table for people. */
public enum OutputFormat {
    /** {@code step,lr,momentum} then one row per step; the stable format that scripts read. */
    CSV,
    /** Right-aligned columns under the header {@code step  lr  momentum}. */
    TABLE;

    /** The word for this format on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code csv} or {@code table}, in any case. */
    public static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String text) {
            for (OutputFormat format : values()) {
                if (format.word().equalsIgnoreCase(text.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException("expected csv or table, got '" + text + "'");
        }
    }
}
