package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Values of the primitive schedules (constant, interpolations, polynomial and the decays), pinned to numbers
 * worked out by hand from the formulas in their Javadoc.
 */
class BasicSchedulesTest {

    private static final double TOLERANCE = 1e-15;

    private static double[] values(Schedule schedule, int steps) {
        return LongStream.range(0, steps).mapToDouble(schedule::valueAt).toArray();
    }

    // ---- constant ------------------------------------------------------------------------------------

    @Test
    void constantIsTheSameAtEveryStep() {
        Schedule lr = Schedule.constant(0.1);
        assertThat(lr).isEqualTo(new Constant(0.1));
        assertThat(lr.valueAt(0)).isEqualTo(0.1);
        assertThat(lr.valueAt(12_345)).isEqualTo(0.1);
        assertThat(lr.valueAt(Long.MAX_VALUE)).isEqualTo(0.1);
        assertThat(lr.toSpec()).isEqualTo("constant(value=0.1)");
        assertThat(lr.cycles()).isEmpty();
    }

    // ---- anneal --------------------------------------------------------------------------------------

    @Test
    void linearEndpointsAreExactAndMidpointsOnTheLine() {
        Schedule lr = Schedule.linear(1.0, 0.0, 10);
        assertThat(lr.valueAt(0)).isEqualTo(1.0);
        assertThat(lr.valueAt(5)).isEqualTo(0.5);
        assertThat(lr.valueAt(3)).isCloseTo(0.7, within(TOLERANCE));
        assertThat(lr.valueAt(10)).isEqualTo(0.0);
        assertThat(lr.valueAt(11)).isEqualTo(0.0);
        assertThat(lr.valueAt(1_000_000)).isEqualTo(0.0);
    }

    @Test
    void linearEndpointsAreExactEvenWhereTheFormulaRounds() {
        // (0.1 - 0.7) * 1 + 0.7 rounds to 0.09999999999999998; the end must still be 0.1 bit for bit.
        Schedule down = Schedule.linear(0.7, 0.1, 10);
        assertThat(down.valueAt(10)).isEqualTo(0.1);
        assertThat(down.valueAt(0)).isEqualTo(0.7);
        // 0.1 + (0.004 - 0.1) rounds to 0.0040000000000000036 in the cosine formula.
        Schedule cosine = Schedule.cosine(0.004, 0.1, 10);
        assertThat(cosine.valueAt(0)).isEqualTo(0.004);
        assertThat(cosine.valueAt(10)).isEqualTo(0.1);
    }

    @Test
    void cosineFollowsTheHalfCosine() {
        Schedule lr = Schedule.cosine(1.0, 0.0, 10);
        assertThat(values(lr, 11)).containsExactly(new double[] {1.0, 0.9755282581475768, 0.9045084971874737,
                0.7938926261462366, 0.6545084971874737, 0.5, 0.34549150281252633, 0.2061073738537635,
                0.09549150281252633, 0.024471741852423234, 0.0}, within(TOLERANCE));
        assertThat(lr.valueAt(5)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(lr.valueAt(0)).isEqualTo(1.0);
        assertThat(lr.valueAt(10)).isEqualTo(0.0);
        assertThat(lr.valueAt(17)).isEqualTo(0.0);
    }

    @Test
    void cosineBetweenNonZeroValues() {
        // to + (from - to)/2 (1 + cos(pi t/T)): 0.1 + 0.45 * (1 + cos(pi/4)) at t = 2 of 8
        Schedule lr = Schedule.cosine(1.0, 0.1, 8);
        assertThat(lr.valueAt(2)).isCloseTo(0.1 + 0.9 * 0.8535533905932737, within(TOLERANCE));
        assertThat(lr.valueAt(4)).isCloseTo(0.55, within(TOLERANCE));
        assertThat(lr.valueAt(8)).isEqualTo(0.1);
    }

    @Test
    void exponentialIsGeometric() {
        Schedule lr = Schedule.exponential(1.0, 0.01, 10);
        assertThat(values(lr, 11)).containsExactly(new double[] {1.0, 0.6309573444801932, 0.39810717055349726,
                0.251188643150958, 0.15848931924611134, 0.1, 0.06309573444801933, 0.039810717055349734,
                0.025118864315095798, 0.015848931924611134, 0.01}, within(TOLERANCE));
        assertThat(lr.valueAt(10)).isEqualTo(0.01);
        assertThat(lr.valueAt(11)).isEqualTo(0.01);
        Schedule negative = Schedule.exponential(-1.0, -0.01, 2);
        assertThat(negative.valueAt(1)).isCloseTo(-0.1, within(TOLERANCE));
    }

    @Test
    void annealPastEndRules() {
        Anneal hold = new Anneal(Interpolation.LINEAR, 1.0, 0.0, 10, PastEnd.HOLD);
        Anneal extrapolate = new Anneal(Interpolation.LINEAR, 1.0, 0.0, 10, PastEnd.EXTRAPOLATE);
        Anneal error = new Anneal(Interpolation.LINEAR, 1.0, 0.0, 10, PastEnd.ERROR);
        assertThat(hold.valueAt(15)).isEqualTo(0.0);
        assertThat(extrapolate.valueAt(15)).isCloseTo(-0.5, within(TOLERANCE));
        assertThat(extrapolate.valueAt(30)).isCloseTo(-2.0, within(TOLERANCE));
        assertThat(error.valueAt(10)).isEqualTo(0.0);
        assertThatThrownBy(() -> error.valueAt(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 11 is past the end of linear(from=1.0, to=0.0, steps=10, pastEnd=error)")
                .hasMessageContaining("pastEnd=hold");
    }

    @Test
    void cosineExtrapolatesPeriodically() {
        Anneal lr = new Anneal(Interpolation.COSINE, 1.0, 0.0, 10, PastEnd.EXTRAPOLATE);
        // cos(pi * 12/10) = cos(pi * 8/10): the curve rises again like PyTorch's CosineAnnealingLR
        assertThat(lr.valueAt(12)).isCloseTo(0.09549150281252633, within(TOLERANCE));
        assertThat(lr.valueAt(15)).isCloseTo(0.5, within(TOLERANCE));
        assertThat(lr.valueAt(20)).isCloseTo(1.0, within(TOLERANCE));
        Anneal exponential = new Anneal(Interpolation.EXPONENTIAL, 1.0, 0.01, 10, PastEnd.EXTRAPOLATE);
        assertThat(exponential.valueAt(20)).isCloseTo(1e-4, within(1e-18));
    }

    @Test
    void annealSpecs() {
        assertThat(Schedule.cosine(0.1, 0.0, 1000).toSpec())
                .isEqualTo("cosine(from=0.1, to=0.0, steps=1000, pastEnd=hold)");
        assertThat(new Anneal(Interpolation.EXPONENTIAL, 1.0, 1e-3, 5, PastEnd.EXTRAPOLATE).toString())
                .isEqualTo("exponential(from=1.0, to=0.001, steps=5, pastEnd=extrapolate)");
        assertThat(Schedule.linear(1, 0, 3)).isEqualTo(new Anneal(Interpolation.LINEAR, 1, 0, 3, PastEnd.HOLD));
    }

    // ---- polynomial ----------------------------------------------------------------------------------

    @Test
    void polynomialDecay() {
        Schedule square = Schedule.polynomial(1.0, 0.0, 10, 2.0);
        assertThat(square.valueAt(0)).isEqualTo(1.0);
        assertThat(square.valueAt(5)).isEqualTo(0.25);
        assertThat(square.valueAt(8)).isCloseTo(0.04, within(TOLERANCE));
        assertThat(square.valueAt(10)).isEqualTo(0.0);
        assertThat(square.valueAt(15)).isEqualTo(0.0);
        assertThat(Schedule.polynomial(1.0, 0.0, 10, 0.5).valueAt(5)).isCloseTo(0.7071067811865476, within(TOLERANCE));
        assertThat(Schedule.polynomial(0.1, 0.01, 10, 2.0).valueAt(5)).isCloseTo(0.0325, within(TOLERANCE));
        assertThat(Schedule.polynomial(0.1, 0.01, 10, 1.0).valueAt(5)).isCloseTo(0.055, within(TOLERANCE));
    }

    @Test
    void polynomialExtrapolationRisesAgain() {
        Polynomial lr = new Polynomial(1.0, 0.0, 10, 2.0, PastEnd.EXTRAPOLATE);
        assertThat(lr.valueAt(15)).isCloseTo(0.25, within(TOLERANCE));
        assertThat(lr.valueAt(20)).isCloseTo(1.0, within(TOLERANCE));
        assertThat(lr.toSpec()).isEqualTo("polynomial(from=1.0, to=0.0, steps=10, power=2.0, pastEnd=extrapolate)");
        Polynomial error = new Polynomial(1.0, 0.0, 10, 2.0, PastEnd.ERROR);
        assertThatThrownBy(() -> error.valueAt(11)).hasMessageContaining("step 11 is past the end");
    }

    // ---- decays --------------------------------------------------------------------------------------

    @Test
    void stepDecay() {
        StepDecay lr = new StepDecay(0.1, 3, 0.5);
        assertThat(values(lr, 8)).containsExactly(0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025);
        assertThat(lr.valueAt(30)).isCloseTo(0.1 / 1024, within(1e-18));
        assertThat(lr.toSpec()).isEqualTo("stepDecay(initial=0.1, stepSize=3, factor=0.5)");
    }

    @Test
    void multiStepDecayRepeatedMilestonesDecayTwice() {
        MultiStepDecay lr = new MultiStepDecay(1.0, new long[] {2, 5, 5, 9}, 0.1);
        assertThat(lr.valueAt(0)).isEqualTo(1.0);
        assertThat(lr.valueAt(1)).isEqualTo(1.0);
        assertThat(lr.valueAt(2)).isCloseTo(0.1, within(TOLERANCE));
        assertThat(lr.valueAt(4)).isCloseTo(0.1, within(TOLERANCE));
        assertThat(lr.valueAt(5)).isCloseTo(1e-3, within(1e-17));
        assertThat(lr.valueAt(8)).isCloseTo(1e-3, within(1e-17));
        assertThat(lr.valueAt(9)).isCloseTo(1e-4, within(1e-18));
        assertThat(lr.valueAt(1_000_000)).isCloseTo(1e-4, within(1e-18));
        assertThat(lr.toSpec()).isEqualTo("multiStepDecay(initial=1.0, milestones=[2, 5, 5, 9], factor=0.1)");
    }

    @Test
    void multiStepDecayMilestoneZeroAndNoMilestones() {
        assertThat(new MultiStepDecay(1.0, new long[] {0}, 0.5).valueAt(0)).isEqualTo(0.5);
        MultiStepDecay none = new MultiStepDecay(2.0, new long[0], 0.5);
        assertThat(none.valueAt(0)).isEqualTo(2.0);
        assertThat(none.valueAt(Long.MAX_VALUE)).isEqualTo(2.0);
        assertThat(none.toSpec()).isEqualTo("multiStepDecay(initial=2.0, milestones=[], factor=0.5)");
    }

    @Test
    void multiStepDecayCopiesItsMilestonesAndComparesByContent() {
        long[] milestones = {3, 6};
        MultiStepDecay lr = new MultiStepDecay(1.0, milestones, 0.5);
        milestones[0] = 100;
        assertThat(lr.valueAt(3)).isEqualTo(0.5);
        lr.milestones()[1] = 0;
        assertThat(lr.milestones()).containsExactly(3, 6);
        assertThat(lr).isEqualTo(new MultiStepDecay(1.0, new long[] {3, 6}, 0.5))
                .hasSameHashCodeAs(new MultiStepDecay(1.0, new long[] {3, 6}, 0.5))
                .isNotEqualTo(new MultiStepDecay(1.0, new long[] {3, 7}, 0.5))
                .isNotEqualTo(new MultiStepDecay(1.0, new long[] {3, 6}, 0.25));
    }

    @Test
    void exponentialDecay() {
        ExponentialDecay lr = new ExponentialDecay(2.0, 0.5);
        assertThat(values(lr, 4)).containsExactly(2.0, 1.0, 0.5, 0.25);
        assertThat(new ExponentialDecay(0.1, 0.9999).valueAt(10_000)).isCloseTo(0.1 * Math.exp(10_000 * Math.log(0.9999)),
                within(1e-15));
        assertThat(lr.toSpec()).isEqualTo("exponentialDecay(initial=2.0, factor=0.5)");
    }

    @Test
    void inverseTimeDecayMatchesCaffeInv() {
        // Caffe's LeNet solver: base_lr 0.01, gamma 1e-4, power 0.75
        InverseTimeDecay lr = new InverseTimeDecay(0.01, 1e-4, 0.75);
        assertThat(lr.valueAt(0)).isEqualTo(0.01);
        assertThat(lr.valueAt(10_000)).isCloseTo(0.005946035575013605, within(1e-17));
        assertThat(lr.valueAt(30_000)).isCloseTo(0.003535533905932738, within(1e-17));
        InverseTimeDecay harmonic = new InverseTimeDecay(1.0, 1.0, 1.0);
        assertThat(harmonic.valueAt(3)).isEqualTo(0.25);
        assertThat(new InverseTimeDecay(0.5, 0.0, 0.75).valueAt(1_000)).isEqualTo(0.5);
        assertThat(new InverseTimeDecay(0.5, 1.0, 0.0).valueAt(1_000)).isEqualTo(0.5);
        assertThat(lr.toSpec()).isEqualTo("inverseTimeDecay(initial=0.01, gamma=1.0E-4, power=0.75)");
    }

    // ---- lambdas ---------------------------------------------------------------------------------------

    @Test
    void aLambdaIsAScheduleWithoutTextForm() {
        Schedule lambda = step -> 1.0 / (step + 1);
        assertThat(lambda.valueAt(3)).isEqualTo(0.25);
        assertThat(lambda.cycles()).isEmpty();
        assertThatThrownBy(lambda::toSpec).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("has no text form");
        assertThat(lambda.scaledBy(2).valueAt(1)).isEqualTo(1.0);
    }
}
