package org.lrkit.experiment.reproduce;

import org.lrkit.experiment.report.Numbers;

/**
 * A claim that a quantity measured during training lies in a range, e.g. that the Hessian-free estimate of the
 * optimal learning rate lies between 2 and 6 during the first iterations of a 0.1-3 cycle. {@link EstimateCheck}
 * reads the verdict.
 *
 * @param statement the claim in a few words
 * @param paperFigure the paper's numbers and setting, e.g. {@code ResNet-56 CIFAR-10 batch 1000: estimates 2-6}
 * @param lower the lower end of the paper's range, {@code > 0}
 * @param upper the upper end of the paper's range, {@code > lower}
 */
public record EstimateClaim(String statement, String paperFigure, double lower, double upper) {

    /**
     * Checks the values.
     *
     * @param statement the claim in a few words, not blank
     * @param paperFigure the paper's numbers and setting, not blank
     * @param lower the lower end of the paper's range, finite and {@code > 0}
     * @param upper the upper end of the paper's range, finite and {@code > lower}
     * @throws IllegalArgumentException if a text is missing or a bound is out of range
     */
    public EstimateClaim {
        if (statement == null || statement.isBlank() || paperFigure == null || paperFigure.isBlank()) {
            throw new IllegalArgumentException("a claim needs a statement and the paper's figure");
        }
        if (!(lower > 0) || Double.isInfinite(lower)) {
            throw new IllegalArgumentException("lower must be > 0 and finite, got " + lower);
        }
        if (!(upper > lower) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("upper must be > lower (" + lower + ") and finite, got " + upper);
        }
    }

    /**
     * The paper's range for people: {@code 2-6}.
     *
     * @return the range, e.g. {@code 2-6}
     */
    public String range() {
        return Numbers.number(lower) + "-" + Numbers.number(upper);
    }
}
