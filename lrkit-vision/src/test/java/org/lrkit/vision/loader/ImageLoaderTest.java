package org.lrkit.vision.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Cutout;
import org.lrkit.vision.transform.Draw;
import org.lrkit.vision.transform.HorizontalFlip;
import org.lrkit.vision.transform.Normalization;
import org.lrkit.vision.transform.RandomCrop;
import org.lrkit.vision.transform.Rng;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImageLoaderTest {

    /** 50 random 3x8x8 images of 4 classes: 7 batches of 8, the last of 2. */
    private static final ImageSet IMAGES = TestImages.cycling(50, 3, 8, 8, 4);
    private static final Augmentation AUGMENT = Augmentation.builder(Normalization.fromData(IMAGES))
            .crop(RandomCrop.reflectPadded(2)).flip(HorizontalFlip.half()).cutout(Cutout.centeredAnywhere(3)).build();

    private static NDManager manager;

    /** What a batch held, copied out of its arrays. */
    private record Seen(float[] data, float[] labels, List<?> indices, Shape shape, long progress) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && Arrays.equals(data, s.data) && Arrays.equals(labels, s.labels)
                    && indices.equals(s.indices) && shape.equals(s.shape) && progress == s.progress;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }
    }

    @BeforeAll
    static void startEngine() {
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void stopEngine() {
        manager.close();
    }

    private static ImageLoader.Builder loader() {
        return ImageLoader.builder(IMAGES, 8, AUGMENT).seed(11);
    }

    private static List<Seen> collect(Iterable<Batch> batches) {
        List<Seen> seen = new ArrayList<>();
        for (Batch batch : batches) {
            try (batch) {
                seen.add(new Seen(batch.getData().singletonOrThrow().toFloatArray(),
                        batch.getLabels().singletonOrThrow().toType(DataType.FLOAT32, false).toFloatArray(),
                        batch.getIndices(), batch.getData().singletonOrThrow().getShape(), batch.getProgress()));
            }
        }
        return seen;
    }

    @Test
    void sameSeedGivesTheSameBatchesWhateverTheWorkers() {
        List<Seen> one = collect(loader().workers(1).prefetch(1).build().epoch(manager, 2));
        List<Seen> three = collect(loader().workers(3).prefetch(5).build().epoch(manager, 2));
        assertThat(one).hasSize(7).isEqualTo(three);
        assertThat(collect(loader().workers(2).build().epoch(manager, 2))).isEqualTo(one);
        List<Seen> otherSeed = collect(loader().seed(12).build().epoch(manager, 2));
        List<Seen> otherEpoch = collect(loader().build().epoch(manager, 3));
        for (int b = 0; b < 6; b++) {
            assertThat(otherSeed.get(b).data()).isNotEqualTo(one.get(b).data());
            assertThat(otherEpoch.get(b).indices()).isNotEqualTo(one.get(b).indices());
        }
    }

    @Test
    void eachBatchHoldsTheAugmentedImagesOfItsPositions() {
        ImageLoader loader = loader().build();
        int[] order = loader.order(4);
        List<Seen> seen = collect(loader.epoch(manager, 4));
        int floats = IMAGES.imageBytes();
        Rng rng = new Rng(0);
        float[] expected = new float[floats];
        for (int position = 0; position < IMAGES.size(); position++) {
            Seen batch = seen.get(position / 8);
            int j = position % 8;
            int image = order[position];
            rng.reset(Rng.seedFor(11, 4, position, BatchFiller.STREAM));
            Draw draw = AUGMENT.draw(rng, 8, 8);
            AUGMENT.apply(IMAGES, image, draw, expected, 0);
            assertThat(Arrays.copyOfRange(batch.data(), j * floats, (j + 1) * floats)).isEqualTo(expected);
            assertThat(batch.labels()[j]).isEqualTo(IMAGES.labels()[image]);
            assertThat(batch.indices().get(j)).isEqualTo(image);
        }
        assertThat(seen.get(0).shape()).isEqualTo(new Shape(8, 3, 8, 8));
        assertThat(seen.get(6).shape()).isEqualTo(new Shape(2, 3, 8, 8));
        assertThat(seen.stream().map(Seen::progress)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void aResumedEpochDeliversTheRestOfTheSameBatches() {
        ImageLoader loader = loader().workers(2).build();
        List<Seen> full = collect(loader.epoch(manager, 5));
        assertThat(collect(loader.epoch(manager, 5, 3))).isEqualTo(full.subList(3, 7));
        assertThat(collect(loader.epoch(manager, 5, 7))).isEmpty();

        // As a DJL Dataset: resume at (5, 3), then epoch 6 from its start.
        loader.resumeAt(5, 3);
        assertThat(collect(loader.getData(manager))).isEqualTo(full.subList(3, 7));
        assertThat(loader.nextEpoch()).isEqualTo(6);
        assertThat(collect(loader.getData(manager))).isEqualTo(collect(loader.epoch(manager, 6)));
        assertThat(loader.nextEpoch()).isEqualTo(7);
    }

    @Test
    void evaluationOrderIsTheDatasetOrderAndOnlyNormalized() {
        Normalization norm = Normalization.fromData(IMAGES);
        ImageLoader eval = ImageLoader.builder(IMAGES, 16, Augmentation.normalizeOnly(norm)).shuffle(false)
                .labelType(LabelType.INT64).build();
        List<Seen> seen = collect(eval.epoch(manager, 9));
        assertThat(seen).hasSize(4);
        assertThat(seen.get(3).shape()).isEqualTo(new Shape(2, 3, 8, 8));
        int position = 0;
        for (Seen batch : seen) {
            for (int j = 0; j < batch.indices().size(); j++, position++) {
                assertThat(batch.indices().get(j)).isEqualTo(position);
                assertThat(batch.labels()[j]).isEqualTo(position % 4);
            }
        }
        assertThat(seen.get(0).data()[64]).isEqualTo(norm.apply(1, IMAGES.pixels()[64] & 0xFF));
        assertThat(collect(eval.epoch(manager, 3))).isEqualTo(seen);
    }

    @Test
    void labelTypesAndDropLast() {
        try (EpochBatches batches = loader().labelType(LabelType.INT32).dropLast(true).build().epoch(manager, 0)) {
            int count = 0;
            for (Batch batch : batches) {
                try (batch) {
                    assertThat(batch.getLabels().singletonOrThrow().getDataType()).isEqualTo(DataType.INT32);
                    assertThat(batch.getData().singletonOrThrow().getDataType()).isEqualTo(DataType.FLOAT32);
                    assertThat(batch.getSize()).isEqualTo(8);
                    count++;
                }
            }
            assertThat(count).isEqualTo(6);
        }
        assertThat(loader().dropLast(true).build().batchesPerEpoch()).isEqualTo(6);
        assertThat(loader().build().batchesPerEpoch()).isEqualTo(7);
    }

    @Test
    void stoppingEarlyEndsTheWorkers() {
        EpochBatches batches = loader().workers(2).prefetch(2).build().epoch(manager, 0);
        Iterator<Batch> it = batches.iterator();
        it.next().close();
        batches.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("lrkit-loader-cycling"));
        assertThatThrownBy(batches::iterator).hasMessageContaining("can be iterated once");
    }

    @Test
    void feedsADjlTrainingLoop() throws Exception {
        ImageLoader train = loader().build();
        try (Model model = Model.newInstance("mlp")) {
            model.setBlock(Models.build("mlp", 4, new Shape(3, 8, 8)));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 3, 8, 8));
                int steps = 0;
                for (Batch batch : trainer.iterateDataset(train)) {
                    EasyTrain.trainBatch(trainer, batch);
                    trainer.step();
                    batch.close();
                    steps++;
                }
                assertThat(steps).isEqualTo(7);
                assertThat(train.nextEpoch()).isEqualTo(1);
            }
        }
    }

    @Test
    void rejectsBadSettingsWithTheRuleAndAFix() {
        assertThatThrownBy(() -> ImageLoader.builder(IMAGES, 0, AUGMENT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be >= 1, got 0");
        assertThatThrownBy(() -> ImageLoader.builder(IMAGES, 64, AUGMENT).dropLast(true).build())
                .hasMessageContaining("dropLast(false)");
        assertThatThrownBy(() -> loader().workers(4).prefetch(2).build())
                .hasMessageContaining("prefetch must be >= workers (4)").hasMessageContaining("got 2");
        assertThatThrownBy(() -> loader().workers(0).build()).hasMessageContaining("workers must be >= 1, got 0");
        assertThatThrownBy(() -> ImageLoader.builder(IMAGES, 8, Augmentation.padCropFlip(Normalization.MNIST)).build())
                .hasMessageContaining("cycling has 3 channels, the normalization 1");
        assertThatThrownBy(() -> loader().build().epoch(manager, 0, 8))
                .hasMessageContaining("firstBatch must be in [0, 7]").hasMessageContaining("got 8");
        assertThatThrownBy(() -> loader().build().resumeAt(-1, 0)).hasMessageContaining("epoch must be >= 0, got -1");
    }
}
