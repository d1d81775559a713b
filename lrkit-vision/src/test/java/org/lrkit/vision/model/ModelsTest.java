package org.lrkit.vision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import ai.djl.util.Pair;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelsTest {

    /**
     * name, input, our exact count (hand-counted, see each class's Javadoc), published count (0 = none). The
     * published counts are rounded to 2-3 significant digits; ours must lie within 2% of them.
     */
    static Stream<Arguments> registered() {
        Shape mnist = new Shape(1, 28, 28);
        Shape cifar = new Shape(3, 32, 32);
        return Stream.of(
                Arguments.of("mlp", mnist, 636_010L, 0L),
                Arguments.of("lenet5", mnist, 431_080L, 431_080L),
                Arguments.of("cifar10_full", cifar, 89_578L, 89_578L),
                Arguments.of("resnet20", cifar, 269_722L, 270_000L),
                Arguments.of("resnet56", cifar, 853_018L, 850_000L),
                Arguments.of("resnet110", cifar, 1_727_962L, 1_700_000L),
                Arguments.of("resnet9", cifar, 6_573_120L, 6_500_000L),
                Arguments.of("wrn16_4", cifar, 2_748_890L, 2_700_000L),
                Arguments.of("wrn28_10", cifar, 36_479_194L, 36_500_000L),
                Arguments.of("fashion_cnn", mnist, 421_738L, 0L));
    }

    @Test
    void registryListsEveryNetworkWithItsReference() {
        assertThat(Models.names()).containsExactly("mlp", "lenet5", "cifar10_full", "resnet20", "resnet56",
                "resnet110", "resnet9", "wrn16_4", "wrn28_10", "fashion_cnn");
        for (String name : Models.names()) {
            ModelInfo info = Models.info(name);
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.reference()).isNotBlank();
            assertThat(info.typicalInput().dimension()).isEqualTo(3);
        }
        assertThat(registered().map(a -> a.get()[0])).containsExactlyElementsOf(Models.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void parameterCountAndOneTrainingStep(String name, Shape input, long exact, long published) {
        Block block = Models.build(name, 10, input);
        try (Model model = Model.newInstance(name)) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape batchShape = new Shape(2, input.get(0), input.get(1), input.get(2));
                trainer.initialize(batchShape);
                long count = ParameterCount.trainable(block);
                assertThat(count).isEqualTo(exact);
                if (published > 0) {
                    assertThat((double) count).isCloseTo(published, within(0.02 * published));
                }

                NDManager manager = trainer.getManager();
                NDManager batchManager = manager.newSubManager();
                NDArray x = batchManager.randomNormal(batchShape);
                NDArray y = batchManager.create(new float[] {3, 7});
                try (Batch batch = new Batch(batchManager, new NDList(x), new NDList(y), 2, Batchifier.STACK,
                        Batchifier.STACK, 0, 1)) {
                    assertThat(block.getOutputShapes(new Shape[] {batchShape})).containsExactly(new Shape(2, 10));
                    EasyTrain.trainBatch(trainer, batch);
                    double gradient = 0;
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        if (p.getValue().requiresGradient()) {
                            NDArray g = p.getValue().getArray().getGradient();
                            float sum = g.abs().sum().getFloat();
                            assertThat(Float.isFinite(sum)).as("gradient of %s", p.getKey()).isTrue();
                            gradient += sum;
                        }
                    }
                    assertThat(gradient).isPositive();
                    trainer.step();
                }
            }
        }
    }

    @Test
    void projectionShortcutAddsTheTwoProjections() {
        Block block = CifarResNet.build(20, CifarResNet.Shortcut.PROJECTION, 10, new Shape(3, 32, 32));
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            // 16->32 and 32->64 1x1 convolutions with batch norm: 512 + 64 + 2048 + 128.
            assertThat(ParameterCount.trainable(block)).isEqualTo(269_722L + 2_752L);
            assertThat(ParameterCount.stored(block)).isGreaterThan(ParameterCount.trainable(block));
        }
    }

    @Test
    void wideResNetDropoutIsParameterFreeAndTrains() {
        Block block = WideResNet.build(10, 1, 0.3, 10, new Shape(3, 8, 8));
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape shape = new Shape(2, 3, 8, 8);
            block.initialize(manager, DataType.FLOAT32, shape);
            Block plain = WideResNet.build(10, 1, 0, 10, new Shape(3, 8, 8));
            plain.initialize(manager, DataType.FLOAT32, shape);
            assertThat(ParameterCount.trainable(block)).isEqualTo(ParameterCount.trainable(plain));
            NDArray out = block.forward(new ai.djl.training.ParameterStore(manager, false),
                    new NDList(manager.randomNormal(shape)), true).singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 10));
        }
    }

    @Test
    void patternsBuildOtherDepthsAndWidths() {
        assertThat(Models.info("resnet32").description()).contains("5 basic blocks");
        assertThat(Models.info("wrn28_20").description()).contains("320/640/1280");
        Block resnet32 = Models.build("resnet32", 100, new Shape(3, 32, 32));
        try (NDManager manager = NDManager.newBaseManager()) {
            resnet32.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            // ResNet-32 has 0.46M parameters (He et al. 2016, Table 6); 100 classes add 90 * 65.
            assertThat(ParameterCount.trainable(resnet32)).isEqualTo(464_154L + 90L * 65);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheRuleAndAFix() {
        assertThatThrownBy(() -> Models.build("resnet21", 10, new Shape(3, 32, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6n + 2").hasMessageContaining("21");
        assertThatThrownBy(() -> Models.build("vgg16", 10, new Shape(3, 32, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vgg16'")
                .hasMessageContaining("resnet20");
        assertThatThrownBy(() -> Models.build("lenet5", 0, new Shape(1, 28, 28)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numClasses must be >= 1, got 0");
        assertThatThrownBy(() -> Models.build("lenet5", 10, new Shape(28, 28)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(channels, height, width)");
        assertThatThrownBy(() -> Models.build("lenet5", 10, new Shape(1, 12, 28)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too small for lenet5").hasMessageContaining("conv2")
                .hasMessageContaining("at least 15x15");
        assertThatThrownBy(() -> Models.build("resnet9", 10, new Shape(3, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8x8");
        assertThatThrownBy(() -> WideResNet.build(28, 10, 1.0, 10, new Shape(3, 32, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout must be in [0, 1)");
        assertThatThrownBy(() -> Mlp.build(10, new Shape(1, 28, 28), 100, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hidden[1]");
    }

    @Test
    void theSmallestInputNamedInTheMessageWorks() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String name : new String[] {"lenet5", "cifar10_full", "resnet9", "fashion_cnn"}) {
                String message = catchMessage(() -> Models.build(name, 10, new Shape(1, 1, 1)));
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("at least (\\d+)x\\1").matcher(message);
                assertThat(m.find()).as(message).isTrue();
                int size = Integer.parseInt(m.group(1));
                Block block = Models.build(name, 10, new Shape(1, size, size));
                Shape shape = new Shape(1, 1, size, size);
                block.initialize(manager, DataType.FLOAT32, shape);
                NDArray out = block.forward(new ai.djl.training.ParameterStore(manager, false),
                        new NDList(manager.ones(shape)), false).singletonOrThrow();
                assertThat(out.getShape()).as(name).isEqualTo(new Shape(1, 10));
                assertThat(catchMessage(() -> Models.build(name, 10, new Shape(1, size - 1, size))))
                        .as(name).contains("at least " + size + "x" + size);
            }
        }
        // Caffe's rounding-up pooling: 15 -> conv 11 -> pool 6 -> conv 2 -> pool 1 for LeNet.
        assertThat(catchMessage(() -> Models.build("lenet5", 10, new Shape(1, 14, 14)))).contains("at least 15x15");
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an IllegalArgumentException");
    }
}
