package org.lrkit.experiment.reproduce;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An experiment of {@link ExperimentCatalog}, of one of two kinds: a {@link PaperExperiment} trains policies and
 * compares their accuracies and budgets (CLR, SGDR, super-convergence); an {@link EstimateExperiment} trains
 * briefly and measures a quantity during training against the paper's range (the Hessian-free estimate of the
 * optimal learning rate). Both are declared and versioned, with a paper reference, a plan at every {@link Scale}
 * and their departures from the paper.
 */
public sealed interface CatalogExperiment permits PaperExperiment, EstimateExperiment {

    /**
     * The name on the command line, e.g. {@code clr}.
     *
     * @return the id: 1-40 lower-case letters, digits or {@code -}
     */
    String id();

    /**
     * The configuration's version, from 1; it goes up whenever a plan changes its numbers.
     *
     * @return the version, {@code >= 1}
     */
    int version();

    /**
     * What is reproduced, in a few words.
     *
     * @return the title
     */
    String title();

    /**
     * The paper and where in it the numbers are.
     *
     * @return the paper's authors, title and place of the numbers
     */
    String paper();

    /**
     * Where lrkit's setting differs from the paper's at every scale, and how.
     *
     * @return the deviations, one sentence each
     */
    List<String> deviations();

    /**
     * The seeds a plan runs by default at {@code scale}.
     *
     * @param scale the scale
     * @return the number of seeds, {@code >= 1}
     */
    int seeds(Scale scale);

    /**
     * Checks an experiment's id and version.
     *
     * @param id the experiment's id
     * @param version the configuration's version
     * @throws IllegalArgumentException if the id is not 1-40 lower-case letters, digits or '-' (starting with a
     *     letter or digit), or the version is below 1
     */
    static void checkIdAndVersion(String id, int version) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("an experiment id must be 1-40 lower-case letters, digits or '-',"
                    + " got '" + id + "'");
        }
        if (version < 1) {
            throw new IllegalArgumentException(id + ": version must be >= 1, got " + version);
        }
    }

    /**
     * An unmodifiable copy of {@code plans} after checking that every scale has a plan made for it.
     *
     * @param id the experiment's id, for the message
     * @param plans the plan of each scale
     * @param scaleOf the scale a plan says it is for
     * @param <P> the type of plan
     * @return the plans, by scale
     * @throws IllegalArgumentException naming the first scale without a matching plan
     */
    static <P> Map<Scale, P> planAtEveryScale(String id, Map<Scale, P> plans, Function<P, Scale> scaleOf) {
        Map<Scale, P> copy = new EnumMap<>(Scale.class);
        copy.putAll(plans);
        for (Scale scale : Scale.values()) {
            P plan = copy.get(scale);
            if (plan == null || scaleOf.apply(plan) != scale) {
                throw new IllegalArgumentException(id + ": a plan for scale " + scale.word() + " is needed");
            }
        }
        return Collections.unmodifiableMap(copy);
    }
}
