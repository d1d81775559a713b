package org.lrkit.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.lrkit.vision.data.ImageSet;
import org.lrkit.vision.loader.ImageLoader;
import org.lrkit.vision.model.Models;
import org.lrkit.vision.transform.Augmentation;
import org.lrkit.vision.transform.Normalization;

/**
 * Is the data pipeline fast enough? Measures, for each batch size, the images per second of the
 * {@link ImageLoader} alone (CIFAR-sized synthetic images, 4-pixel zero-padded random crop, horizontal flip,
 * normalization, one worker thread, NDArray creation included) and of DJL training ResNet-20 alone (forward,
 * backward and SGD update on a fixed synthetic batch), and prints both and their ratio. Not a JMH benchmark
 * and not a test: a plain {@code main}.
 *
 * <pre>
 * mvn -B -q -pl lrkit-bench -am package -DskipTests
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp lrkit-bench/target/benchmarks.jar:$HOME/.m2/repository/ai/djl/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar \
 *   org.lrkit.bench.LoaderThroughput [--batch 128,512] [--images 10000] [--epochs 3] [--steps 5] [--workers 1]
 * </pre>
 *
 * The native jar supplies libtorch for CPU (DJL would otherwise download it); any other libtorch build
 * for DJL 0.36 works the same way.
 */
public final class LoaderThroughput {

    private LoaderThroughput() {
    }

    /** Runs the measurement; see the class comment for the options. */
    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, "--batch", "--images", "--epochs", "--steps", "--workers");
        List<Integer> batches = options.positiveList("--batch", List.of(128, 512));
        int images = options.positive("--images", 10_000);
        int epochs = options.positive("--epochs", 3);
        int steps = options.positive("--steps", 5);
        int workers = options.positive("--workers", 1);

        ImageSet cifar = syntheticCifar(images);
        Augmentation augmentation = Augmentation.padCropFlip(Normalization.CIFAR10);
        System.out.printf(Locale.ROOT, "engine %s %s, %d processors, %d synthetic 3x32x32 images, %s%n",
                Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(),
                Runtime.getRuntime().availableProcessors(), images, augmentation);
        System.out.printf(Locale.ROOT, "%6s %22s %24s %8s%n", "batch", "loader img/s (" + workers + " worker)",
                "resnet20 train img/s", "ratio");
        for (int batch : batches) {
            double loader = loaderRate(cifar, augmentation, batch, workers, epochs);
            double trainer = trainerRate(batch, steps);
            System.out.printf(Locale.ROOT, "%6d %22.0f %24.1f %8.1f%n", batch, loader, trainer, loader / trainer);
        }
    }

    private static ImageSet syntheticCifar(int size) {
        byte[] pixels = new byte[size * 3 * 32 * 32];
        new Random(1).nextBytes(pixels);
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % 10;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            names.add("class" + c);
        }
        return new ImageSet("synthetic-cifar", 3, 32, 32, pixels, labels, names);
    }

    /** Images per second of the loader alone over {@code epochs} epochs, after one warm-up epoch. */
    private static double loaderRate(ImageSet images, Augmentation augmentation, int batch, int workers, int epochs) {
        ImageLoader loader = ImageLoader.builder(images, batch, augmentation).seed(7).workers(workers)
                .prefetch(Math.max(4, 2 * workers)).build();
        try (NDManager manager = NDManager.newBaseManager()) {
            drain(loader, manager, 0);
            long start = System.nanoTime();
            long delivered = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                delivered += drain(loader, manager, epoch);
            }
            return delivered / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static long drain(ImageLoader loader, NDManager manager, int epoch) {
        long count = 0;
        for (Batch b : loader.epoch(manager, epoch)) {
            count += b.getSize();
            b.close();
        }
        return count;
    }

    /** Images per second of ResNet-20 forward + backward + SGD update, after two warm-up steps. */
    private static double trainerRate(int batch, int steps) {
        Shape input = new Shape(batch, 3, 32, 32);
        try (Model model = Model.newInstance("resnet20")) {
            model.setBlock(Models.build("resnet20", 10, new Shape(3, 32, 32)));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.05f)).optMomentum(0.9f)
                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(input);
                NDManager manager = trainer.getManager();
                NDArray data = manager.randomNormal(input);
                NDArray labels = manager.randomInteger(0, 10, new Shape(batch), ai.djl.ndarray.types.DataType.INT32)
                        .toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                for (int i = 0; i < 2; i++) {
                    step(trainer, data, labels, batch);
                }
                long start = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    step(trainer, data, labels, batch);
                }
                return (double) steps * batch / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void step(Trainer trainer, NDArray data, NDArray labels, int batch) {
        NDManager batchManager = trainer.getManager().newSubManager();
        // The batch closes its own manager only; the shared data stays with the trainer's manager.
        try (Batch b = new Batch(batchManager, new NDList(data.duplicate()), new NDList(labels.duplicate()), batch,
                Batchifier.STACK, Batchifier.STACK, 0, 1)) {
            EasyTrain.trainBatch(trainer, b);
            trainer.step();
        }
    }
}
