package org.lrkit.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a whole number of steps written as {@code 1000}, {@code 1_000_000} or {@code 1e6}. The sign is
 * kept, so that the command can reject a value {@code <= 0} with a message that names its rule.
 */
public final class StepCountConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        String digits = text.strip().replace("_", "");
        try {
            return new BigDecimal(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number of steps"
                    + " (write e.g. 1000, 1_000_000 or 1e6)");
        }
    }
}
