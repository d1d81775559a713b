package org.lrkit.experiment.reproduce;

import java.util.Locale;

/**
 * How large a reproduction runs. {@link #FULL} is the paper's own setting; {@link #CPU} is cut down to fit a
 * two-core machine in about an hour (fewer iterations or epochs, smaller networks or training subsets, each
 * cut stated in the plan's description); {@link #CI} is a smoke test of a few seconds on the Fashion-MNIST
 * images inside lrkit, whose numbers are no evidence for or against a paper.
 */
public enum Scale {
    /** Seconds on the embedded Fashion-MNIST subset: checks that the plan runs, not what it finds. */
    CI,
    /** About an hour per experiment on two CPU cores. */
    CPU,
    /** The paper's setting (a GPU's work). */
    FULL;

    /**
     * The word on the command line and in the files: {@code ci}, {@code cpu} or {@code full}.
     *
     * @return the lower-case name
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code --scale}.
     *
     * @param text the option's value; case and surrounding blanks are ignored, {@code null} fails
     * @return the scale
     * @throws IllegalArgumentException naming the option and the value, e.g. {@code --scale must be ci, cpu or
     *     full, got 'fast'}
     */
    public static Scale parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Scale scale : values()) {
            if (scale.word().equals(word)) {
                return scale;
            }
        }
        throw new IllegalArgumentException("--scale must be ci, cpu or full, got '" + text + "'");
    }

    /**
     * Whether runs at this scale can support a verdict on the paper's claim (every scale but {@link #CI}).
     *
     * @return whether this scale is not {@link #CI}
     */
    public boolean isEvidence() {
        return this != CI;
    }
}
