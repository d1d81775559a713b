package org.lrkit.experiment.reproduce;

/**
 * What a reproduction says about a claim; see {@link ClaimCheck} for the rules of policy comparisons and
 * {@link EstimateCheck} for those of measured ranges.
 */
public enum Verdict {
    /**
     * With at least {@link #SEEDS_NEEDED} seeds: the fast policy's mean matched the baseline's within the
     * tolerance, with the claimed saving (the claimed budget ratio or speed-up); or the measured range lies inside
     * the paper's.
     */
    REPRODUCED("reproduced"),
    /**
     * With at least {@link #SEEDS_NEEDED} seeds: the means within twice the tolerance, or their difference within
     * the seeds' spread (the saving aside); or the measurement is outside the paper's range but the
     * (momentum-corrected) estimates lie above the learning rate in use.
     */
    PARTLY("partly"),
    /** Neither. */
    NOT_REPRODUCED("not reproduced"),
    /** Fewer than {@link #SEEDS_NEEDED} completed seeds per policy: too few to judge (rule of 2026-12-04). */
    INCONCLUSIVE("inconclusive"),
    /** A ci-scale run: it checks the plan, not the paper. */
    SMOKE_TEST("smoke test");

    /** The completed seeds a verdict needs per policy (or per estimate), fixed on 2026-12-04 before the runs. */
    public static final int SEEDS_NEEDED = 3;

    /** Why a ci-scale run gets {@link #SMOKE_TEST}, as every kind of row says it. */
    public static final String SMOKE_TEST_REASON = "ci scale checks that the plan runs; its numbers are not evidence"
            + " for or against the paper";

    /**
     * Why a run with {@code seeds} completed seeds gets {@link #INCONCLUSIVE}: {@code inconclusive: 1 seed; ...}.
     *
     * @param seeds the completed seeds, fewer than a verdict needs
     * @return the reason, on one line
     */
    public static String inconclusiveReason(int seeds) {
        return "inconclusive: " + seeds + (seeds == 1 ? " seed" : " seeds") + "; a verdict needs " + SEEDS_NEEDED;
    }

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /**
     * The verdict as the row and the files write it.
     *
     * @return the words, e.g. {@code inconclusive}
     */
    public String words() {
        return words;
    }
}
