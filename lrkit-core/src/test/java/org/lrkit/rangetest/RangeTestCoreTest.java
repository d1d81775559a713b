package org.lrkit.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Specs;

class RangeTestCoreTest {

    /**
     * A typical range-test loss: flat at 2.3 for tiny rates, falling fastest around lr = 1e-2 (a logistic
     * in log10(lr)) to 0.5, then blowing up past lr = 1.
     */
    static double typicalLoss(double lr) {
        double x = Math.log10(lr);
        double fall = 2.3 - 1.8 / (1 + Math.exp(-3 * (x + 2)));
        return fall + (lr > 1 ? 5 * (lr - 1) : 0);
    }

    static RangeTestCurve run(Sweep sweep, java.util.function.DoubleUnaryOperator loss, double noise, long seed) {
        Random random = new Random(seed);
        RangeTestRecorder recorder = new RangeTestRecorder(sweep, 0.98, DivergenceRule.standard());
        while (!recorder.finished()) {
            double lr = recorder.nextLearningRate();
            recorder.record(loss.applyAsDouble(lr) + noise * random.nextGaussian());
        }
        return recorder.curve();
    }

    @Test
    void sweepVisitsBothEndsEvenly() {
        Sweep sweep = Sweep.exponential(1e-7, 10, 9);
        assertThat(sweep.learningRate(0)).isEqualTo(1e-7);
        assertThat(sweep.learningRate(8)).isEqualTo(10);
        for (int i = 1; i < 8; i++) {
            assertThat(Math.log10(sweep.learningRate(i + 1)) - Math.log10(sweep.learningRate(i)))
                    .isCloseTo(1.0, within(1e-12));
        }
        Sweep linear = Sweep.linear(0.0001, 3.0001, 4);
        assertThat(linear.learningRate(1)).isCloseTo(1.0001, within(1e-12));
        assertThat(linear.learningRate(3)).isEqualTo(3.0001);
        assertThat(sweep.scaledBy(10).learningRate(8)).isCloseTo(100, within(1e-12));
    }

    @Test
    void sweepValidation() {
        assertThatThrownBy(() -> Sweep.exponential(0, 1, 10)).hasMessageContaining("start must be > 0, got 0.0");
        assertThatThrownBy(() -> Sweep.exponential(1, 0.1, 10)).hasMessageContaining("end must be > start");
        assertThatThrownBy(() -> Sweep.exponential(1e-7, 1, 1)).hasMessageContaining("steps must be >= 2");
    }

    @Test
    void smootherIsDebiased() {
        LossSmoother smoother = new LossSmoother(0.98);
        assertThat(smoother.add(2.0)).isCloseTo(2.0, within(1e-14));
        assertThat(smoother.add(2.0)).isCloseTo(2.0, within(1e-14));
        assertThat(smoother.add(5.0)).isBetween(2.0, 3.1);
        assertThat(new LossSmoother(0).add(7)).isEqualTo(7);
    }

    @Test
    void divergenceRuleWorksForNegativeLosses() {
        DivergenceRule rule = DivergenceRule.standard();
        assertThat(rule.diverged(5, 4.1, 1.0)).isTrue();
        assertThat(rule.diverged(5, 3.9, 1.0)).isFalse();
        // a log-likelihood loss: best -10, now -5 is 5 above, less than 3 * 10
        assertThat(rule.diverged(5, -5, -10)).isFalse();
        assertThat(rule.diverged(5, 21, -10)).isTrue();
        assertThat(rule.diverged(5, Double.NaN, 1.0)).isTrue();
        assertThat(rule.diverged(0, 100, 1.0)).isFalse();
    }

    @Test
    void recorderStopsOnDivergenceAndNonFiniteLoss() {
        RangeTestCurve curve = run(Sweep.exponential(1e-6, 100, 200), RangeTestCoreTest::typicalLoss, 0, 1);
        assertThat(curve.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(curve.learningRate(curve.size() - 1)).isGreaterThan(1).isLessThan(100);

        RangeTestRecorder recorder = new RangeTestRecorder(Sweep.exponential(1e-6, 1, 10), 0.9, DivergenceRule.standard());
        recorder.record(1.0);
        recorder.record(1.0);
        assertThat(recorder.record(Double.NaN)).isFalse();
        assertThat(recorder.curve().stopReason()).isEqualTo(StopReason.NON_FINITE_LOSS);
        assertThatThrownBy(recorder::nextLearningRate).hasMessageContaining("has ended (NON_FINITE_LOSS)");
    }

    @Test
    void suggestionsFindTheValley() {
        RangeTestCurve curve = run(Sweep.exponential(1e-6, 10, 300), RangeTestCoreTest::typicalLoss, 0, 1);
        RangeTestAdvice advice = Suggestions.advise(curve, OptimizerFamily.SGD);
        // steepest descent of the logistic is at lr = 1e-2 (smoothing delays it a little)
        assertThat(Suggestions.steepest(curve).learningRate()).isBetween(5e-3, 5e-2);
        assertThat(advice.consensus()).isBetween(1e-3, 1e-1);
        assertThat(advice.clrLower()).isLessThan(advice.clrUpper());
        assertThat(advice.clrLower()).isBetween(1e-4, 1e-2);
        assertThat(advice.clrUpper()).isBetween(1e-2, 1.0);
        assertThat(advice.suggestions()).extracting(Suggestion::method)
                .containsExactly("steepest", "valley", "minimum/10", "slide");
        assertThat(advice.intervalLow()).isLessThanOrEqualTo(advice.consensus());
        assertThat(advice.intervalHigh()).isGreaterThanOrEqualTo(advice.consensus());
    }

    @Test
    void steepestIsMeasuredInLogLearningRateWhateverTheSpacing() {
        // unsmoothed, so that only the spacing differs: steepest descent of the logistic is at lr = 1e-2
        for (Sweep sweep : List.of(Sweep.exponential(1e-5, 1, 41), Sweep.exponential(1e-5, 1, 4001),
                Sweep.linear(0.002, 0.03, 10_001))) {
            double[] lrs = new double[sweep.steps()];
            double[] losses = new double[sweep.steps()];
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = sweep.learningRate(i);
                losses[i] = typicalLoss(lrs[i]);
            }
            RangeTestCurve curve = RangeTestCurve.ofLosses(lrs, losses, 0.0, StopReason.COMPLETED);
            assertThat(Suggestions.steepest(curve).learningRate()).as(sweep.toString()).isBetween(0.8e-2, 1.25e-2);
        }
    }

    @Test
    void flatAndEarlyDivergingCurvesAreFlagged() {
        RangeTestCurve flat = run(Sweep.exponential(1e-6, 1e-3, 100), lr -> 1.0 + 1e-4 * lr, 0, 1);
        assertThat(Suggestions.advise(flat, OptimizerFamily.SGD).warnings()).anyMatch(w -> w.startsWith("flat curve"));
        assertThat(Suggestions.advise(flat, OptimizerFamily.SGD).clearValley()).isFalse();

        RangeTestCurve explodes = run(Sweep.exponential(1, 1e4, 100), lr -> lr, 0, 1);
        assertThat(explodes.stopReason()).isEqualTo(StopReason.DIVERGED);
        assertThat(Suggestions.advise(explodes, OptimizerFamily.SGD).warnings()).anyMatch(w -> w.startsWith("diverged almost at once"));
    }

    @Test
    void validationModeUsesAccuracyForSmithsBounds() {
        Sweep sweep = Sweep.linear(0.001, 1.0, 100);
        RangeTestRecorder recorder = new RangeTestRecorder(sweep, 0.9, DivergenceRule.standard());
        while (!recorder.finished()) {
            double lr = recorder.nextLearningRate();
            recorder.record(1.0);
            if (recorder.recordedSteps() % 5 == 0) {
                // accuracy rises from 0.1 between lr 0.1 and 0.3, peaks at 0.5, then falls
                double accuracy = lr < 0.1 ? 0.1 : lr < 0.5 ? 0.1 + 0.8 * Math.min(1, (lr - 0.1) / 0.4) : 0.9 - (lr - 0.5);
                recorder.recordValidation(1 - accuracy, accuracy);
            }
        }
        double[] bounds = Suggestions.clrBounds(recorder.curve());
        assertThat(bounds[0]).isBetween(0.1, 0.2);
        assertThat(bounds[1]).isBetween(0.45, 0.55);
    }

    @Test
    void medianBandOfSeveralSeeds() {
        Sweep sweep = Sweep.exponential(1e-6, 10, 200);
        List<RangeTestCurve> curves = List.of(run(sweep, RangeTestCoreTest::typicalLoss, 0.05, 1),
                run(sweep, RangeTestCoreTest::typicalLoss, 0.05, 2), run(sweep, RangeTestCoreTest::typicalLoss, 0.05, 3));
        CurveBand band = CurveBand.of(curves);
        for (int i = 0; i < band.median().length; i++) {
            assertThat(band.lowerQuartile()[i]).isLessThanOrEqualTo(band.median()[i]);
            assertThat(band.upperQuartile()[i]).isGreaterThanOrEqualTo(band.median()[i]);
        }
        assertThat(CurveBand.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
        assertThat(Suggestions.advise(band.medianCurve(), OptimizerFamily.SGD).consensus()).isBetween(1e-3, 1e-1);
        assertThatThrownBy(() -> CurveBand.of(List.of(curves.get(0), run(Sweep.exponential(1e-5, 10, 200),
                RangeTestCoreTest::typicalLoss, 0, 1)))).hasMessageContaining("same sweep");
    }

    @Test
    void adviceBuildsPoliciesAndAutoSpecsFromThePeak() {
        RangeTestCurve curve = run(Sweep.exponential(1e-6, 10, 300), RangeTestCoreTest::typicalLoss, 0, 1);
        RangeTestAdvice advice = Suggestions.advise(curve, OptimizerFamily.SGD);
        long steps = 1000;
        double peak = PeakRule.read(curve, OptimizerFamily.SGD).peak(steps);
        assertThat(advice.peak(steps)).isEqualTo(peak);
        assertThat(advice.heldRate(steps)).isEqualTo(peak / 4);
        Cyclical clr = advice.cyclical(200, steps);
        assertThat(clr.peak()).isEqualTo(peak / 4);
        assertThat(clr.base()).isEqualTo(peak / 16);
        Policy oneCycle = advice.oneCycle(steps);
        assertThat(((OneCycle) oneCycle.learningRate()).peak()).isEqualTo(peak);
        assertThat(advice.sgdr(100, 2, steps).peak()).isEqualTo(peak / 4);
        Policy auto = Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=1000)", advice.autoValues(steps));
        assertThat(auto.learningRate().valueAt(300)).isEqualTo(peak);
        Policy torch = Specs.parsePolicy("torch.OneCycleLR(max_lr=auto, total_steps=1000)", advice.autoValues(steps));
        assertThat(torch.learningRate().valueAt(299)).isCloseTo(peak, within(1e-3 * peak));
        Policy cyclic = Specs.parsePolicy("torch.CyclicLR(base_lr=auto, max_lr=auto, step_size_up=10)",
                advice.autoValues(steps));
        assertThat(cyclic.learningRate().valueAt(0)).isEqualTo(peak / 16);
        assertThat(cyclic.learningRate().valueAt(10)).isEqualTo(peak / 4);
        Policy sgdr = Specs.parsePolicy("sgdr(peak=auto, firstPeriod=100)", advice.autoValues(steps));
        assertThat(sgdr.learningRate().valueAt(0)).isEqualTo(peak / 4);
        Policy step = Specs.parsePolicy("multiStepDecay(initial=auto, milestones=[500], factor=0.1)",
                advice.autoValues(steps));
        assertThat(step.learningRate().valueAt(0)).isEqualTo(peak / 4);
        assertThatThrownBy(() -> Specs.parsePolicy("oneCyclePolicy(peak=auto, totalSteps=1000)"))
                .hasMessageContaining("peak must be a number");
        assertThatThrownBy(() -> Specs.parsePolicy("stepDecay(initial=1, stepSize=auto)", advice.autoValues(steps)))
                .hasMessageContaining("stepSize=auto needs a value from a learning-rate range test");
    }

    @Test
    void gridPicksTheLowestCurve() {
        Sweep sweep = Sweep.exponential(1e-6, 10, 100);
        RangeTestGrid grid = new RangeTestGrid("weightDecay", new double[] {1e-5, 1e-4, 1e-3}, List.of(
                run(sweep, lr -> typicalLoss(lr) + 0.2, 0, 1), run(sweep, RangeTestCoreTest::typicalLoss, 0, 1),
                run(sweep, lr -> typicalLoss(lr) + 0.1, 0, 1)));
        assertThat(grid.bestValue()).isEqualTo(1e-4);
    }
}
