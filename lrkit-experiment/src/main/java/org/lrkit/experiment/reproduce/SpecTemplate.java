package org.lrkit.experiment.reproduce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy spec whose step counts may be written in epochs, {@code {4.5 epochs}}, because papers state
 * them so while the spec language counts optimizer steps. {@link #resolve} replaces each placeholder by
 * {@code round(epochs * stepsPerEpoch)}, which the data fixes only when it is read:
 *
 * <pre>{@code
 * new SpecTemplate("sgdr(peak=0.05, firstPeriod={1 epoch}, periodMultiplier=2)").resolve(390)
 *     // sgdr(peak=0.05, firstPeriod=390, periodMultiplier=2)
 * }</pre>
 *
 * <p>Anything else in braces is refused, so that a typo cannot pass through to the spec parser unnoticed.
 *
 * @param text the spec with placeholders
 */
public record SpecTemplate(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern EPOCHS = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s+epochs?\\s*");

    /**
     * Checks that every placeholder reads as a number of epochs.
     *
     * @param text the spec with placeholders, not blank
     * @throws IllegalArgumentException if the text is blank or a placeholder does not read as a number of epochs
     */
    public SpecTemplate {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a policy spec is needed, got '" + text + "'");
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            epochs(matcher.group(1), text);
        }
    }

    /**
     * Whether the spec has placeholders, i.e. depends on the steps per epoch.
     *
     * @return whether the text has a {@code {x epochs}} placeholder
     */
    public boolean usesEpochs() {
        return PLACEHOLDER.matcher(text).find();
    }

    /**
     * The spec with every {@code {x epochs}} replaced by {@code round(x * stepsPerEpoch)} steps.
     *
     * @param stepsPerEpoch optimizer steps per epoch of the data, {@code >= 1}
     * @return the spec text without placeholders
     * @throws IllegalArgumentException if {@code stepsPerEpoch < 1} or a placeholder comes to 0 steps
     */
    public String resolve(long stepsPerEpoch) {
        if (stepsPerEpoch < 1) {
            throw new IllegalArgumentException("stepsPerEpoch must be >= 1, got " + stepsPerEpoch);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            double epochs = epochs(matcher.group(1), text);
            long steps = Math.round(epochs * stepsPerEpoch);
            if (steps < 1) {
                throw new IllegalArgumentException("{" + matcher.group(1) + "} comes to 0 steps at " + stepsPerEpoch
                        + " steps per epoch in '" + text + "'");
            }
            matcher.appendReplacement(out, Long.toString(steps));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static double epochs(String placeholder, String text) {
        Matcher matcher = EPOCHS.matcher(placeholder);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a placeholder must read {<number> epochs}, got {" + placeholder
                    + "} in '" + text + "'");
        }
        double epochs = Double.parseDouble(matcher.group(1));
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("a placeholder must be > 0 epochs, got {" + placeholder + "} in '"
                    + text + "'");
        }
        return epochs;
    }

    @Override
    public String toString() {
        return text;
    }
}
