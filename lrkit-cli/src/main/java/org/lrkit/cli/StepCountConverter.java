package org.lrkit.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a whole number of steps written as {@code 1000}, {@code 1_000_000} or {@code 1e6}. The sign is
 * kept, so that the command can reject a value {@code <= 0} with a message that names its rule; a number
 * beyond a {@code long} is refused as too large, naming the most.
 */
public final class StepCountConverter implements ITypeConverter<Long> {

    private static final BigDecimal MOST = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LEAST = BigDecimal.valueOf(Long.MIN_VALUE);

    @Override
    public Long convert(String text) {
        String digits = text.strip().replace("_", "");
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException | ArithmeticException e) {
            throw notWhole(text);
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw notWhole(text);
        }
        if (value.compareTo(MOST) > 0) {
            throw new TypeConversionException("'" + text + "' is too large: the most is " + Long.MAX_VALUE
                    + " (about 9.2e18) steps");
        }
        if (value.compareTo(LEAST) < 0) {
            throw new TypeConversionException("'" + text + "' is negative and too large a number; give a number of"
                    + " steps > 0 and at most " + Long.MAX_VALUE);
        }
        return value.longValueExact();
    }

    private static TypeConversionException notWhole(String text) {
        return new TypeConversionException("'" + text + "' is not a whole number of steps"
                + " (write e.g. 1000, 1_000_000 or 1e6)");
    }
}
