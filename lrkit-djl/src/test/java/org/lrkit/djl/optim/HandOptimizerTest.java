package org.lrkit.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * The optimizers' updates against a hand computation in double precision: DJL calls {@code update} on a
 * real block's parameters with known gradients, and the weights must follow PyTorch's formulas with the
 * policy's learning rate and momentum of each step.
 */
class HandOptimizerTest {

    private static final int STEPS = 8;
    private static final double TOLERANCE = 2e-6;

    private NDManager manager;
    private Block block;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
        block = Linear.builder().setUnits(2).build();
        block.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3));
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** A one-cycle policy over the test's steps, with momentum mirrored from 0.95 down to 0.85. */
    private static Policy oneCycle() {
        OneCycle lr = OneCycle.of(0.02, 0.2, 0.001, STEPS, 0.4, 0.0, Interpolation.LINEAR);
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    @Test
    void sgdMomentumFollowsPytorchConventionWithScheduledLearningRateAndMomentum() {
        Policy policy = oneCycle();
        ScheduledSgd sgd = ScheduledSgd.builder(policy).build();
        check(sgd, policy, Variant.SGD, 0, WeightDecayMode.L2, ParameterGroups.uniform());
    }

    @Test
    void sgdMomentumKeepsPytorchsBufferThroughStepsAtLearningRateZeroAndMomentumZero() {
        double[] rates = {0.1, 0.0, 0.0, 0.05, 0.2, 0.0, 1e-6, 0.3};
        double[] momenta = {0.9, 0.9, 0.8, 0.0, 0.9, 0.95, 0.9, 0.85};
        Schedule lr = step -> rates[(int) step];
        Policy policy = Policy.of(lr).withMomentum(step -> momenta[(int) step]);
        ScheduledSgd sgd = ScheduledSgd.builder(policy).weightDecay(0.05).build();
        check(sgd, policy, Variant.SGD, 0.05, WeightDecayMode.L2, ParameterGroups.uniform());
    }

    @Test
    void nesterovWithL2WeightDecayMatchesHandComputation() {
        Policy policy = oneCycle();
        ScheduledSgd sgd = ScheduledSgd.builder(policy).nesterov(true).weightDecay(0.05).build();
        check(sgd, policy, Variant.NESTEROV, 0.05, WeightDecayMode.L2, ParameterGroups.uniform());
    }

    @Test
    void decoupledWeightDecayWithGroupMultiplierAndBiasExemption() {
        Policy policy = oneCycle();
        ParameterGroups groups = ParameterGroups.uniform().withLearningRateMultiplier("bias", 0.5)
                .exemptingBiasAndNormFromWeightDecay();
        ScheduledSgd sgd = ScheduledSgd.builder(policy).weightDecay(0.1).weightDecayMode(WeightDecayMode.DECOUPLED)
                .groups(groups).build();
        check(sgd, policy, Variant.SGD, 0.1, WeightDecayMode.DECOUPLED, groups);
    }

    @Test
    void plainSgdWithoutMomentum() {
        Policy policy = Policy.of(Schedule.linear(0.1, 0.01, STEPS));
        ScheduledSgd sgd = ScheduledSgd.builder(policy).weightDecay(0.01).build();
        check(sgd, policy, Variant.PLAIN, 0.01, WeightDecayMode.L2, ParameterGroups.uniform());
    }

    @Test
    void adamWithScheduledBeta1AndL2Decay() {
        OneCycle lr = OneCycle.of(0.001, 0.01, 0.0001, STEPS, 0.4, 0.0, Interpolation.COSINE);
        Policy policy = Policy.of(lr).withBeta1(lr.mirrored(0.95, 0.85));
        ScheduledAdamW adam = ScheduledAdamW.adam(policy).weightDecay(0.02).build();
        check(adam, policy, Variant.ADAM, 0.02, WeightDecayMode.L2, ParameterGroups.uniform());
    }

    @Test
    void adamWTakesBeta1FromTheMomentumScheduleAndDecaysDecoupled() {
        Policy policy = oneCycle();
        ScheduledAdamW adamW = ScheduledAdamW.adamW(policy).weightDecay(0.1).build();
        check(adamW, policy, Variant.ADAM, 0.1, WeightDecayMode.DECOUPLED, ParameterGroups.uniform());
    }

    @Test
    void policyIsEvaluatedOncePerStepNotPerParameter() {
        AtomicInteger lrCalls = new AtomicInteger();
        AtomicInteger momentumCalls = new AtomicInteger();
        Schedule lr = step -> {
            lrCalls.incrementAndGet();
            return 0.1;
        };
        Schedule momentum = step -> {
            momentumCalls.incrementAndGet();
            return 0.9;
        };
        ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(lr).withMomentum(momentum)).build();
        sgd.bind(block);
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        for (int step = 0; step < 5; step++) {
            for (Pair<String, Parameter> pair : parameters) {
                try (NDArray gradient = pair.getValue().getArray().onesLike()) {
                    sgd.update(pair.getValue().getId(), pair.getValue().getArray(), gradient);
                }
            }
        }
        assertThat(parameters).hasSize(2);
        assertThat(lrCalls.get()).as("learning-rate evaluations for 5 steps of 2 parameters").isEqualTo(5);
        assertThat(momentumCalls.get()).as("momentum evaluations for 5 steps of 2 parameters").isEqualTo(5);
        assertThat(sgd.step()).isEqualTo(5);
    }

    private enum Variant { PLAIN, SGD, NESTEROV, ADAM }

    /**
     * Runs {@link #STEPS} updates with random gradients through DJL's {@code update} calls and compares every
     * weight after every step with the double-precision formula; also checks the recorded applied values.
     */
    private void check(ScheduledOptimizer optimizer, Policy policy, Variant variant, double weightDecay,
            WeightDecayMode mode, ParameterGroups groups) {
        optimizer.bind(block);
        List<AppliedValues> applied = new ArrayList<>();
        optimizer.addObserver(applied::add);
        List<Pair<String, Parameter>> parameters = block.getParameters().stream().toList();
        int count = parameters.size();
        double[][] weights = new double[count][];
        double[][] first = new double[count][];
        double[][] second = new double[count][];
        for (int p = 0; p < count; p++) {
            weights[p] = toDouble(parameters.get(p).getValue().getArray().toFloatArray());
            first[p] = new double[weights[p].length];
            second[p] = new double[weights[p].length];
        }
        Random random = new Random(11);
        Schedule momentumSchedule = variant == Variant.ADAM
                ? policy.beta1().orElseGet(() -> policy.momentum().orElseThrow())
                : policy.momentum().orElse(Schedule.constant(0.0));
        for (int step = 0; step < STEPS; step++) {
            double lr = policy.learningRate().valueAt(step);
            double momentum = momentumSchedule.valueAt(step);
            for (int p = 0; p < count; p++) {
                Parameter parameter = parameters.get(p).getValue();
                ParameterGroups.Settings settings = groups.settingsFor(parameters.get(p).getKey(), parameter.getType());
                double rate = lr * settings.learningRateMultiplier();
                double decay = settings.weightDecay() ? weightDecay : 0;
                double[] g = new double[weights[p].length];
                float[] gFloat = new float[g.length];
                for (int i = 0; i < g.length; i++) {
                    gFloat[i] = (float) random.nextGaussian();
                    g[i] = gFloat[i];
                }
                try (NDArray gradient = manager.create(gFloat, parameter.getArray().getShape())) {
                    optimizer.update(parameter.getId(), parameter.getArray(), gradient);
                }
                for (int i = 0; i < g.length; i++) {
                    double w = weights[p][i];
                    double d = g[i];
                    if (mode == WeightDecayMode.L2) {
                        d += decay * w;
                    } else {
                        w *= 1 - rate * decay;
                    }
                    switch (variant) {
                        case PLAIN -> w -= rate * d;
                        case SGD -> {
                            first[p][i] = momentum * first[p][i] + d;
                            w -= rate * first[p][i];
                        }
                        case NESTEROV -> {
                            first[p][i] = momentum * first[p][i] + d;
                            w -= rate * (d + momentum * first[p][i]);
                        }
                        case ADAM -> {
                            double beta2 = 0.999;
                            first[p][i] = momentum * first[p][i] + (1 - momentum) * d;
                            second[p][i] = beta2 * second[p][i] + (1 - beta2) * d * d;
                            double correction1 = 1 - Math.pow(momentum, step + 1);
                            double correction2 = 1 - Math.pow(beta2, step + 1);
                            w -= rate / correction1 * first[p][i]
                                    / (Math.sqrt(second[p][i]) / Math.sqrt(correction2) + 1e-8);
                        }
                    }
                    weights[p][i] = w;
                }
                float[] actual = parameter.getArray().toFloatArray();
                for (int i = 0; i < actual.length; i++) {
                    assertThat((double) actual[i]).as("step %d, %s[%d]", step, parameters.get(p).getKey(), i)
                            .isCloseTo(weights[p][i], within(TOLERANCE * Math.max(1, Math.abs(weights[p][i]))));
                }
            }
            AppliedValues values = applied.get(applied.size() - 1);
            assertThat(values.step()).isEqualTo(step);
            assertThat(values.learningRate()).as("learning rate applied at step %d", step).isEqualTo(lr);
            assertThat(values.momentum()).as("momentum applied at step %d", step).isEqualTo(momentum);
        }
        assertThat(applied).hasSize(STEPS);
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
