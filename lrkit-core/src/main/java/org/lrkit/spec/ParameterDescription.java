package org.lrkit.spec;

/**
 * One argument of a spec in the catalog.
 *
 * @param name the argument name as written in a spec
 * @param defaultText the default in spec syntax, or {@code null} when the argument is required
 * @param description what the argument means, with its unit
 */
public record ParameterDescription(String name, String defaultText, String description) {

    /**
     * Whether a spec must give this argument.
     *
     * @return true if the argument has no default
     */
    public boolean required() {
        return defaultText == null;
    }
}
