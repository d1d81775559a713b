package org.lrkit.cli.reproduce;

/** What a reproduction says about a claim; see {@link ClaimCheck} for the rules. */
public enum Verdict {
    /** The fast policy matched the baseline within the tolerance, with the claimed saving. */
    REPRODUCED("reproduced"),
    /** Close (within twice the tolerance), or the baseline's accuracy was reached without the claimed saving. */
    PARTLY("partly"),
    /** Neither. */
    NOT_REPRODUCED("not reproduced"),
    /** A ci-scale run: it checks the plan, not the paper. */
    SMOKE_TEST("smoke test");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** The verdict as the row and the files write it. */
    public String words() {
        return words;
    }
}
