package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path tmp;

    private Path env;
    private Path home;
    private Path system;

    private Datasets datasets(boolean envSet) throws IOException {
        return new Datasets(locations(envSet));
    }

    private DatasetLocations locations(boolean envSet) throws IOException {
        env = Files.createDirectories(tmp.resolve("env"));
        home = Files.createDirectories(tmp.resolve("home"));
        system = Files.createDirectories(tmp.resolve("usr-share-datasets"));
        Map<String, String> variables = envSet ? Map.of("LRKIT_DATA", env.toString()) : Map.of();
        return DatasetLocations.of(variables::get, home, system);
    }

    /** Writes a tiny Fashion-MNIST-style split (gzipped IDX) whose first pixel is {@code marker}. */
    private static void writeIdx(Path folder, String prefix, int marker) throws IOException {
        Files.createDirectories(folder);
        byte[] pixels = new byte[2 * 28 * 28];
        pixels[0] = (byte) marker;
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), TestFiles.gzip(TestFiles.idxImages(2, 28, 28, pixels)));
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idxLabels(new byte[] {9, 0})));
    }

    private static int firstPixel(ImageSet set) {
        return set.pixels()[0] & 0xff;
    }

    @Test
    void searchesEnvironmentThenHomeThenSystem() throws IOException {
        Datasets datasets = datasets(true);
        writeIdx(system.resolve("fashion-mnist"), "train", 3);
        assertThat(firstPixel(datasets.read("fashion-mnist", "train"))).isEqualTo(3);

        writeIdx(home.resolve(".lrkit/datasets/fashion-mnist"), "train", 2);
        assertThat(firstPixel(datasets.read("fashion-mnist", "train"))).isEqualTo(2);

        writeIdx(env.resolve("fashion-mnist"), "train", 1);
        ImageSet train = datasets.read("fashion-mnist", "train");
        assertThat(firstPixel(train)).isEqualTo(1);
        assertThat(train.name()).isEqualTo("fashion-mnist/train");
        assertThat(train.classNames()).isEqualTo(ClassNames.FASHION_MNIST);
        assertThat(train.labels()).containsExactly(9, 0);
        assertThat(datasets.locate("fashion-mnist", "train")).isEqualTo(env.resolve("fashion-mnist"));
    }

    @Test
    void findsEachSplitWhereverItIs() throws IOException {
        Datasets datasets = datasets(true);
        writeIdx(env.resolve("mnist"), "train", 1);
        writeIdx(system.resolve("mnist"), "t10k", 2);

        assertThat(firstPixel(datasets.read("mnist", "train"))).isEqualTo(1);
        assertThat(firstPixel(datasets.read("mnist", "test"))).isEqualTo(2);
        assertThat(datasets.read("mnist", "test").classNames()).isEqualTo(ClassNames.MNIST);
    }

    @Test
    void anExplicitPathIsTheOnlyPlaceLookedAt() throws IOException {
        DatasetLocations locations = locations(true);
        writeIdx(env.resolve("fashion-mnist"), "train", 1);
        Path explicitRoot = tmp.resolve("explicit");
        writeIdx(explicitRoot.resolve("fashion-mnist"), "train", 4);
        Path explicitDataset = tmp.resolve("mine");
        writeIdx(explicitDataset, "train", 5);

        // the dataset folder itself, or a folder holding it under its usual name
        assertThat(firstPixel(new Datasets(locations.withExplicit(explicitDataset)).read("fashion-mnist", "train")))
                .isEqualTo(5);
        assertThat(firstPixel(new Datasets(locations.withExplicit(explicitRoot)).read("fashion-mnist", "train")))
                .isEqualTo(4);
        // a wrong explicit path fails even though $LRKIT_DATA has the data
        Path wrong = tmp.resolve("typo");
        assertThatThrownBy(() -> new Datasets(locations.withExplicit(wrong)).read("fashion-mnist", "train"))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("1. " + wrong + "  (explicit path: missing)")
                .hasMessageContaining("2. " + wrong.resolve("fashion-mnist") + "  (explicit path: missing)")
                .hasMessageNotContaining(env.toString());
    }

    @Test
    void theNotFoundMessageListsEveryPlaceAndHowToGetTheData() throws IOException {
        Datasets datasets = datasets(false);
        Files.createDirectories(home.resolve(".lrkit/datasets/fashion-mnist"));

        assertThatThrownBy(() -> datasets.read("fashion-mnist", "test"))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessage("fashion-mnist (test split) not found. Looked in, in order:\n"
                        + "  1. $LRKIT_DATA (not set)\n"
                        + "  2. " + home.resolve(".lrkit/datasets/fashion-mnist")
                        + "  (~/.lrkit/datasets: folder without the expected files)\n"
                        + "  3. " + system.resolve("fashion-mnist") + "  (Debian dataset packages: missing)\n"
                        + "A location must hold t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (or the same"
                        + " without .gz).\n"
                        + "To get it:\n"
                        + "  install: apt-get install -y dataset-fashion-mnist   (Debian/Ubuntu; installs"
                        + " /usr/share/datasets/fashion-mnist)\n"
                        + "  or download: java -cp <lrkit-vision jar> org.lrkit.vision.data.DatasetDownloader"
                        + " fashion-mnist   (into $LRKIT_DATA, else ~/.lrkit/datasets)\n"
                        + "  or use the subset inside the jar: Datasets.load(\"fashion-mnist-embedded\", split)"
                        + " (6,000 train / 1,000 test images)");
    }

    @Test
    void everyDatasetSaysHowToGetIt() throws IOException {
        Datasets datasets = datasets(true);
        for (String name : List.of("mnist", "cifar10", "cifar100")) {
            assertThatThrownBy(() -> datasets.read(name, "train"))
                    .isInstanceOf(DatasetNotFoundException.class)
                    .hasMessageContaining(env.resolve(name) + "  ($LRKIT_DATA: missing)")
                    .hasMessageContaining("DatasetDownloader " + name);
        }
        assertThatThrownBy(() -> datasets.read("cifar10-jpeg", "test"))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining(env.resolve("cifar10-jpeg.tar.gz") + "  ($LRKIT_DATA: missing)")
                .hasMessageContaining("../shared/datasets");
    }

    @Test
    void readsCifar10DownloadedArchiveAndCifar10JpegFolder() throws IOException {
        Datasets datasets = datasets(true);
        TestFiles.Tar tar = new TestFiles.Tar();
        tar.file("cifar-10-batches-bin/test_batch.bin", TestFiles.cifarRecords(new byte[][] {{7}}, new byte[3072]));
        Files.createDirectories(env.resolve("cifar10"));
        Files.write(env.resolve("cifar10/cifar-10-binary.tar.gz"), TestFiles.gzip(tar.bytes()));
        Path jpegTree = env.resolve("cifar10-jpeg/cifar10/test/cat");
        Files.createDirectories(jpegTree);
        Files.write(jpegTree.resolve("0001.png"), TestFiles.png(TestFiles.rgbImage(32, 32, 1, 2, 3)));

        ImageSet cifar = datasets.read("cifar10", "test");
        ImageSet jpeg = datasets.read("cifar10-jpeg", "test");

        assertThat(cifar.name()).isEqualTo("cifar10/test");
        assertThat(cifar.labels()).containsExactly(7);
        assertThat(jpeg.name()).isEqualTo("cifar10-jpeg/test");
        assertThat(jpeg.classNames()).containsExactly("cat");
        assertThat(datasets.locate("cifar10-jpeg", "test")).isEqualTo(env.resolve("cifar10-jpeg/cifar10"));
    }

    @Test
    void theEmbeddedSubsetNeedsNoLocation() throws IOException {
        Datasets datasets = datasets(false);

        assertThat(datasets.read("fashion-mnist-embedded", "test").size()).isEqualTo(1_000);
        assertThat(datasets.locate("fashion-mnist-embedded", "train")).isNull();
    }

    @Test
    void validatesNameAndSplit() throws IOException {
        Datasets datasets = datasets(false);

        assertThatThrownBy(() -> datasets.read("Fashion_MNIST", "train"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name must be one of fashion-mnist, mnist, cifar10, cifar100, cifar10-jpeg,"
                        + " fashion-mnist-embedded; got \"Fashion_MNIST\" (did you mean fashion-mnist?)");
        assertThatThrownBy(() -> datasets.read("cifar10", "validation"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("split must be \"train\" or \"test\", got \"validation\" (these datasets have no validation"
                        + " split: hold out part of train with ImageSet.select)");
        assertThat(Datasets.NAMES).containsExactly("fashion-mnist", "mnist", "cifar10", "cifar100", "cifar10-jpeg",
                "fashion-mnist-embedded");
    }

    @Test
    void locationsAreInjectable() throws IOException {
        DatasetLocations withEnv = locations(true);
        DatasetLocations without = DatasetLocations.of(name -> "  ", home, system);

        assertThat(withEnv.roots()).extracting(DatasetLocations.Root::path)
                .containsExactly(env, home.resolve(".lrkit/datasets"), system);
        assertThat(without.roots()).extracting(DatasetLocations.Root::origin)
                .containsExactly("~/.lrkit/datasets", "Debian dataset packages");
        assertThat(withEnv.downloadRoot()).isEqualTo(env);
        assertThat(without.downloadRoot()).isEqualTo(home.resolve(".lrkit/datasets"));
        assertThat(DatasetLocations.standard().roots()).extracting(DatasetLocations.Root::path)
                .endsWith(Path.of("/usr/share/datasets"));
    }
}
