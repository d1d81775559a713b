package org.lrkit.djl.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.testing.Fixtures;

/** Host copies of arrays and of a model's parameters restore bit for bit, and refuse a different architecture. */
class ModelWeightsTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private Block initialized(Block block, Shape input) {
        block.initialize(manager, DataType.FLOAT32, input);
        return block;
    }

    @Test
    void storedArrayRoundTripsInPlace() {
        NDArray array = manager.randomNormal(new Shape(2, 3));
        StoredArray stored = StoredArray.of(array);
        float[] before = array.toFloatArray();
        NDArray same = array;
        array.muli(3);
        stored.copyInto(array);
        assertThat(same.toFloatArray()).isEqualTo(before);
        assertThat(stored.shape()).containsExactly(2, 3);
        assertThat(stored.dataType()).isEqualTo("FLOAT32");
        assertThat(stored).isEqualTo(StoredArray.of(array)).hasSameHashCodeAs(StoredArray.of(array));
    }

    @Test
    void storedArrayRejectsMismatchedTargetsAndData() {
        StoredArray stored = StoredArray.of(manager.zeros(new Shape(2, 3)));
        assertThatThrownBy(() -> stored.copyInto(manager.zeros(new Shape(3, 2))))
                .hasMessageContaining("cannot copy a FLOAT32 array of shape (2, 3) into a FLOAT32 array of shape (3, 2)");
        assertThatThrownBy(() -> new StoredArray("FLOAT32", new long[] {2}, new byte[4]))
                .hasMessageContaining("data must hold 8 bytes");
        assertThatThrownBy(() -> new StoredArray("FLOAT99", new long[] {1}, new byte[4]))
                .hasMessageContaining("dataType must be a DJL DataType name");
    }

    @Test
    void weightsIncludingBatchNormStatisticsRestoreIntoAFreshModel() throws IOException {
        Block trained = initialized(Fixtures.cnn(), Fixtures.cnnInput());
        trained.getParameters().get("02BatchNorm_runningMean").getArray().addi(0.25f);
        ModelWeights weights = ModelWeights.capture(trained);
        assertThat(weights.arrays().keySet()).contains("01Conv2d_weight", "02BatchNorm_runningMean",
                "02BatchNorm_runningVar", "06Linear_bias");

        ModelWeights decoded = ModelWeights.fromBytes(weights.toBytes());
        assertThat(decoded).isEqualTo(weights);

        Block fresh = initialized(Fixtures.cnn(), Fixtures.cnnInput());
        assertThat(ModelWeights.capture(fresh)).isNotEqualTo(weights);
        decoded.restoreInto(fresh);
        assertThat(ModelWeights.capture(fresh)).isEqualTo(weights);
    }

    @Test
    void restoringIntoAnotherArchitectureIsRefusedWithoutChangingIt() {
        ModelWeights cnn = ModelWeights.capture(initialized(Fixtures.cnn(), Fixtures.cnnInput()));
        Block mlp = initialized(Fixtures.mlp(), Fixtures.mlpInput());
        ModelWeights before = ModelWeights.capture(mlp);
        assertThatThrownBy(() -> cnn.restoreInto(mlp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different architecture");
        assertThat(ModelWeights.capture(mlp)).isEqualTo(before);

        Block wider = initialized(Linear.builder().setUnits(4).build(), new Shape(1, 3));
        Block narrower = initialized(Linear.builder().setUnits(2).build(), new Shape(1, 3));
        assertThatThrownBy(() -> ModelWeights.capture(wider).restoreInto(narrower))
                .hasMessageContaining("parameter 'weight' is FLOAT32 (2, 3) in the model but FLOAT32 (4, 3)");
    }

    @Test
    void truncatedBinaryFormIsRejected() {
        byte[] bytes = ModelWeights.capture(initialized(Fixtures.mlp(), Fixtures.mlpInput())).toBytes();
        assertThatThrownBy(() -> ModelWeights.fromBytes(Arrays.copyOf(bytes, bytes.length - 10)))
                .isInstanceOf(IOException.class);
    }
}
