package org.lrkit.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.djl.testing.Runs;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** The optimizer's state copies out, survives its binary form, and restores into a fresh optimizer exactly. */
class OptimizerStateTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Block newBlock() {
        Block block = Linear.builder().setUnits(3).build();
        block.initialize(manager, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 4));
        return block;
    }

    private static void steps(ScheduledOptimizer optimizer, Block block, int count, long seed) {
        Random random = new Random(seed);
        for (int s = 0; s < count; s++) {
            for (Pair<String, Parameter> pair : block.getParameters()) {
                NDArray weight = pair.getValue().getArray();
                float[] values = new float[(int) weight.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) random.nextGaussian();
                }
                try (NDArray gradient = weight.getManager().create(values, weight.getShape())) {
                    optimizer.update(pair.getValue().getId(), weight, gradient);
                }
            }
        }
    }

    @Test
    void restoredSgdContinuesBitIdentically() throws IOException {
        assertRestoresExactly(() -> Runs.sgd(Runs.oneCycle(0.1, 20)));
    }

    @Test
    void restoredFusedSgdContinuesBitIdentically() throws IOException {
        assertRestoresExactly(() -> ScheduledSgd.builder(Runs.oneCycle(0.1, 20)).momentum(0.9).weightDecay(5e-4).build());
    }

    @Test
    void restoredAdamWContinuesBitIdentically() throws IOException {
        assertRestoresExactly(() -> ScheduledAdamW.adamW(Runs.oneCycle(0.01, 20)).build());
    }

    private void assertRestoresExactly(Supplier<ScheduledOptimizer> factory) throws IOException {
        Block original = newBlock();
        ScheduledOptimizer first = factory.get().bind(original);
        steps(first, original, 6, 1);
        OptimizerState saved = first.state();
        ModelWeights weights = ModelWeights.capture(original);
        assertThat(saved.step()).isEqualTo(6);
        assertThat(saved.parameters()).containsOnlyKeys("weight", "bias");
        assertThat(saved.parameters().get("weight").updates()).isEqualTo(6);
        if (first instanceof ScheduledSgd sgd && !sgd.nesterov()) {
            assertThat(saved.parameters().get("weight").scale("momentum"))
                    .as("the fused update keeps the buffer multiplied by the last learning rate")
                    .isEqualTo(first.lastApplied().orElseThrow().learningRate());
        }

        OptimizerState decoded = OptimizerState.fromBytes(saved.toBytes());
        assertThat(decoded).isEqualTo(saved);

        steps(first, original, 5, 2);

        Block fresh = newBlock();
        weights.restoreInto(fresh);
        ScheduledOptimizer second = factory.get().bind(fresh);
        second.restore(decoded);
        assertThat(second.step()).isEqualTo(6);
        assertThat(second.state()).as("state of a restored optimizer before its next step").isEqualTo(saved);
        steps(second, fresh, 5, 2);

        assertThat(ModelWeights.capture(fresh)).isEqualTo(ModelWeights.capture(original));
        assertThat(second.state()).isEqualTo(first.state());
    }

    @Test
    void aScaledBufferRestoredIntoNesterovSgdIsUsedAtItsValue() {
        Policy policy = Policy.of(Schedule.constant(0.1));
        Block original = newBlock();
        ScheduledSgd classical = ScheduledSgd.builder(policy).momentum(0.9).build();
        classical.bind(original);
        steps(classical, original, 3, 1);
        OptimizerState saved = classical.state();
        assertThat(saved.parameters().get("bias").scale("momentum")).isEqualTo(0.1);
        float[] scaledBuffer = toFloats(saved.parameters().get("bias").buffers().get("momentum"));
        float[] before = parameter(original, "bias").getArray().toFloatArray();

        ScheduledSgd nesterov = ScheduledSgd.builder(policy).momentum(0.9).nesterov(true).build();
        nesterov.bind(original);
        nesterov.restore(saved);
        NDArray bias = parameter(original, "bias").getArray();
        try (NDArray zero = bias.zerosLike()) {
            nesterov.update(parameter(original, "bias").getId(), bias, zero);
        }
        float[] after = bias.toFloatArray();
        for (int i = 0; i < after.length; i++) {
            double buffer = 0.9 * (scaledBuffer[i] / 0.1);
            assertThat((double) after[i]).as("bias[%d]: w - lr * m * (m * b) with b the buffer's value", i)
                    .isCloseTo(before[i] - 0.1 * 0.9 * buffer, within(1e-6));
        }
        assertThat(nesterov.state().parameters().get("bias").scale("momentum")).isEqualTo(1.0);
    }

    private float[] toFloats(StoredArray stored) {
        try (NDArray array = manager.zeros(stored.djlShape())) {
            stored.copyInto(array);
            return array.toFloatArray();
        }
    }

    private static Parameter parameter(Block block, String name) {
        return block.getParameters().get(name);
    }

    @Test
    void versionOneStatesAreReadWithEveryBufferAtScaleOne() throws IOException {
        StoredArray momentum = StoredArray.of(manager.create(new float[] {1.5f, -2f}));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x4c524f53);
            out.writeInt(1);
            out.writeUTF("sgd");
            out.writeLong(3);
            out.writeInt(1);
            out.writeUTF("bias");
            out.writeLong(3);
            out.writeInt(1);
            out.writeUTF("momentum");
            momentum.writeTo(out);
        }
        OptimizerState state = OptimizerState.fromBytes(bytes.toByteArray());
        assertThat(state.parameters().get("bias").buffers()).containsExactly(Map.entry("momentum", momentum));
        assertThat(state.parameters().get("bias").scales()).isEmpty();
        assertThat(state.parameters().get("bias").scale("momentum")).isEqualTo(1.0);
    }

    @Test
    void scalesMustNameABufferAndBeFiniteAndNotZero() {
        StoredArray array = StoredArray.of(manager.create(new float[] {1f}));
        assertThatThrownBy(() -> new OptimizerState.ParameterState(1, Map.of("momentum", array), Map.of("exp_avg", 2.0)))
                .hasMessage("scale given for buffer 'exp_avg', which is not among the buffers [momentum]");
        assertThatThrownBy(() -> new OptimizerState.ParameterState(1, Map.of("momentum", array), Map.of("momentum", 0.0)))
                .hasMessage("scale of momentum must not be 0, got 0.0");
        assertThatThrownBy(() -> new OptimizerState.ParameterState(1, Map.of("momentum", array),
                Map.of("momentum", Double.NaN))).hasMessageContaining("scale of momentum");
    }

    @Test
    void stateBeforeTheFirstStepIsEmpty() {
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        assertThat(sgd.state()).isEqualTo(new OptimizerState("sgd", 0, Map.of()));
        assertThat(sgd.lastApplied()).isEmpty();
    }

    @Test
    void resetForgetsEverything() {
        Block block = newBlock();
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        sgd.bind(block);
        steps(sgd, block, 3, 1);
        sgd.reset();
        assertThat(sgd.step()).isZero();
        assertThat(sgd.state().parameters()).isEmpty();
    }

    @Test
    void restoreRejectsAnotherKindOfOptimizer() {
        Block block = newBlock();
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        sgd.bind(block);
        steps(sgd, block, 2, 1);
        ScheduledAdamW adam = ScheduledAdamW.adam(Runs.oneCycle(0.1, 20)).build();
        assertThatThrownBy(() -> adam.restore(sgd.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot restore a 'sgd' optimizer state into a 'adamw' optimizer");
    }

    @Test
    void restoreRejectsParametersTheBlockLacks() {
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        sgd.bind(newBlock());
        StoredArray array = new StoredArray("FLOAT32", new long[] {1}, new byte[4]);
        OptimizerState foreign = new OptimizerState("sgd", 1,
                Map.of("07Conv2d_weight", new OptimizerState.ParameterState(1, Map.of("momentum", array))));
        assertThatThrownBy(() -> sgd.restore(foreign)).hasMessageContaining("[07Conv2d_weight]")
                .hasMessageContaining("lacks");
    }

    @Test
    void restoreRejectsUnknownBuffers() {
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        StoredArray array = new StoredArray("FLOAT32", new long[] {1}, new byte[4]);
        OptimizerState odd = new OptimizerState("sgd", 1,
                Map.of("weight", new OptimizerState.ParameterState(1, Map.of("exp_avg", array))));
        assertThatThrownBy(() -> sgd.restore(odd)).hasMessageContaining("no buffer 'exp_avg'");
    }

    @Test
    void updateBeforeBindingSaysHowToBind() {
        Block block = newBlock();
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        Parameter weight = block.getParameters().get("weight");
        assertThatThrownBy(() -> sgd.update(weight.getId(), weight.getArray(), weight.getArray()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call bind(model.getBlock())");
    }

    @Test
    void binaryFormRejectsDamage() {
        Block block = newBlock();
        ScheduledSgd sgd = Runs.sgd(Runs.oneCycle(0.1, 20));
        sgd.bind(block);
        steps(sgd, block, 2, 1);
        byte[] bytes = sgd.state().toBytes();
        assertThatThrownBy(() -> OptimizerState.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IOException.class);
        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] = 0;
        assertThatThrownBy(() -> OptimizerState.fromBytes(wrongMagic)).hasMessageContaining("not an lrkit optimizer state");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> OptimizerState.fromBytes(longer)).hasMessageContaining("unexpected bytes");
    }

    @Test
    void policyGivingNegativeLearningRateIsReported() {
        Block block = newBlock();
        ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(step -> -0.1)).build();
        sgd.bind(block);
        assertThatThrownBy(() -> steps(sgd, block, 1, 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("learning rate -0.1 at step 0");
    }
}
