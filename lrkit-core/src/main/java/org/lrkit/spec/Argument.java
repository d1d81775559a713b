package org.lrkit.spec;

/**
 * One named argument of a {@link Spec}: a key and its value, printed as {@code key=value}.
 *
 * <p>Keys are identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}); the value is any {@link SpecValue}.
 *
 * <pre>{@code
 * Argument a = Argument.of("max_lr", SpecValue.of(0.1));
 * a.toString();   // "max_lr=0.1"
 * }</pre>
 *
 * @param key   the argument name, an identifier such as {@code max_lr}
 * @param value the argument value
 */
public record Argument(String key, SpecValue value) {

    /**
     * Validates the key and the value.
     *
     * @param key the argument name, an identifier such as {@code max_lr}
     * @param value the argument value, not null ({@link SpecValue#none()} for "not set")
     * @throws IllegalArgumentException if {@code key} is not an identifier or {@code value} is null
     */
    public Argument {
        if (key == null) {
            throw new IllegalArgumentException("argument name must not be null");
        }
        if (!Spec.isIdentifier(key)) {
            throw new IllegalArgumentException("argument name must be an identifier like max_lr "
                    + "(letters, digits and '_', not starting with a digit), got '" + key + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of argument '" + key + "' must not be null "
                    + "(use SpecValue.none() for \"not set\")");
        }
    }

    /**
     * Same as {@code new Argument(key, value)}.
     *
     * @param key the argument name, an identifier such as {@code max_lr}
     * @param value the argument value, not null
     * @return the argument
     * @throws IllegalArgumentException if {@code key} is not an identifier or {@code value} is null
     */
    public static Argument of(String key, SpecValue value) {
        return new Argument(key, value);
    }

    /** The canonical text {@code key=value}, e.g. {@code milestones=[30, 60, 90]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        Spec.write(out, this);
        return out.toString();
    }
}
