package org.lrkit;

/**
 * Argument checks shared by lrkit's types. Every failure is an {@link IllegalArgumentException} whose
 * message names the parameter, the rule, the value received and, where one is known, the fix:
 * {@code "stepsUp must be > 0, got 0"}.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Rejects NaN and infinities.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN or infinite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value {@code > 0}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN, infinite or {@code <= 0}
     */
    public static double positive(String name, double value) {
        finite(name, value);
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value {@code >= 0}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN, infinite or {@code < 0}
     */
    public static double nonNegative(String name, double value) {
        finite(name, value);
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value > 0}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value <= 0}
     */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value in {@code [0, 1]}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check, a fraction (not a percentage)
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code [0, 1]}
     */
    public static double fraction(String name, double value) {
        finite(name, value);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1] (a fraction, not a percentage), got "
                    + value);
        }
        return value;
    }

    /**
     * Requires a finite value in {@code (0, 1]}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check, a fraction
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN or outside {@code (0, 1]}
     */
    public static double positiveFraction(String name, double value) {
        finite(name, value);
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    /**
     * Requires a finite value {@code >= min}.
     *
     * @param name the parameter's name, used in the error message
     * @param value the value to check
     * @param min the smallest value allowed
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is NaN, infinite or {@code < min}
     */
    public static double atLeast(String name, double value, double min) {
        finite(name, value);
        if (!(value >= min)) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /**
     * Requires a non-null reference.
     *
     * @param <T> the reference's type
     * @param name the parameter's name, used in the error message
     * @param value the reference to check
     * @return {@code value}, unchanged
     * @throws IllegalArgumentException if {@code value} is null
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * Requires a 0-based step {@code >= 0}.
     *
     * @param step the optimizer step to check, 0-based
     * @return {@code step}, unchanged
     * @throws IllegalArgumentException if {@code step < 0}
     */
    public static long step(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0 (steps are 0-based), got " + step);
        }
        return step;
    }
}
