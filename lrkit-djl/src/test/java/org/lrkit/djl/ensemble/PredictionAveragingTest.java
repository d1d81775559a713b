package org.lrkit.djl.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prediction averaging: mean of probabilities, not of weights or votes, and its accuracy. */
class PredictionAveragingTest {

    @Test
    void softmaxIsStableAndNormalised() {
        double[] p = PredictionAveraging.softmax(new double[] {1000, 1001, 1002});
        double e1 = Math.exp(-2);
        double e2 = Math.exp(-1);
        double sum = e1 + e2 + 1;
        assertThat(p[0]).isCloseTo(e1 / sum, within(1e-15));
        assertThat(p[1]).isCloseTo(e2 / sum, within(1e-15));
        assertThat(p[2]).isCloseTo(1 / sum, within(1e-15));
    }

    @Test
    void averagesProbabilitiesElementWise() {
        double[][] a = {{0.6, 0.4}, {0.2, 0.8}};
        double[][] b = {{0.2, 0.8}, {0.4, 0.6}};
        double[][] mean = PredictionAveraging.mean(List.of(a, b));
        assertThat(mean[0]).containsExactly(new double[] {0.4, 0.6}, within(1e-15));
        assertThat(mean[1]).containsExactly(new double[] {0.30000000000000004, 0.7}, within(1e-15));
    }

    @Test
    void averagingCanBeatEveryMemberAndDiffersFromMajorityVote() {
        // three models, three examples of class 0; each model is confidently wrong on one example
        double[][] m1 = {{0.1, 0.9}, {0.9, 0.1}, {0.9, 0.1}};
        double[][] m2 = {{0.9, 0.1}, {0.1, 0.9}, {0.9, 0.1}};
        double[][] m3 = {{0.9, 0.1}, {0.9, 0.1}, {0.1, 0.9}};
        int[] labels = {0, 0, 0};
        for (double[][] model : List.of(m1, m2, m3)) {
            assertThat(PredictionAveraging.accuracy(model, labels)).isCloseTo(2.0 / 3, within(1e-15));
        }
        assertThat(PredictionAveraging.accuracy(PredictionAveraging.mean(List.of(m1, m2, m3)), labels)).isEqualTo(1.0);

        // a confident member outweighs two hesitant ones, unlike a vote
        double[][] sure = {{0.99, 0.01}};
        double[][] unsure = {{0.45, 0.55}};
        assertThat(PredictionAveraging.argMax(PredictionAveraging.mean(List.of(sure, unsure, unsure))[0])).isZero();
    }

    @Test
    void accuracyCountsTopOneHitsWithTiesToTheLowerClass() {
        double[][] p = {{0.5, 0.5}, {0.2, 0.8}, {0.7, 0.3}, {0.1, 0.9}};
        assertThat(PredictionAveraging.accuracy(p, new int[] {0, 1, 1, 1})).isEqualTo(0.75);
    }

    @Test
    void rejectsMismatchedShapes() {
        assertThatThrownBy(() -> PredictionAveraging.mean(List.of())).hasMessageContaining("at least one model");
        assertThatThrownBy(() -> PredictionAveraging.mean(List.of(new double[2][3], new double[3][3])))
                .hasMessageContaining("model 1 has 3 examples, model 0 has 2");
        assertThatThrownBy(() -> PredictionAveraging.accuracy(new double[2][3], new int[3]))
                .hasMessageContaining("2 rows but labels has 3");
    }
}
