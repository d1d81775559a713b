package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class EmbeddedFashionMnistTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void trainHasSixHundredImagesPerClass() {
        ImageSet train = EmbeddedFashionMnist.train();

        assertThat(train.name()).isEqualTo("fashion-mnist-embedded/train");
        assertThat(train.size()).isEqualTo(EmbeddedFashionMnist.TRAIN_SIZE).isEqualTo(6_000);
        assertThat(train.channels()).isEqualTo(1);
        assertThat(train.height()).isEqualTo(28);
        assertThat(train.width()).isEqualTo(28);
        assertThat(train.classNames()).isEqualTo(ClassNames.FASHION_MNIST);
        assertThat(train.classCounts()).containsOnly(600);
        assertThat(EmbeddedFashionMnist.train()).isSameAs(train);
    }

    @Test
    void testHasOneHundredImagesPerClass() {
        ImageSet test = EmbeddedFashionMnist.test();

        assertThat(test.name()).isEqualTo("fashion-mnist-embedded/test");
        assertThat(test.size()).isEqualTo(1_000);
        assertThat(test.classCounts()).containsOnly(100);
    }

    @Test
    void pixelStatisticsAreThoseOfFashionMnist() {
        // Fashion-MNIST's training pixels have mean 0.2860 and standard deviation 0.3530 (of 255)
        for (ImageSet set : new ImageSet[] {EmbeddedFashionMnist.train(), EmbeddedFashionMnist.test()}) {
            double sum = 0;
            double squares = 0;
            int zeros = 0;
            for (byte b : set.pixels()) {
                int v = b & 0xff;
                sum += v;
                squares += (double) v * v;
                zeros += v == 0 ? 1 : 0;
            }
            double n = set.pixels().length;
            double mean = sum / n / 255;
            double std = Math.sqrt(squares / n - (sum / n) * (sum / n)) / 255;
            assertThat(mean).as("mean of %s", set.name()).isBetween(0.27, 0.30);
            assertThat(std).as("standard deviation of %s", set.name()).isBetween(0.34, 0.37);
            assertThat(zeros / n).as("share of black pixels in %s", set.name()).isBetween(0.4, 0.6);
        }
    }

    @Test
    void theResourcesHoldTheBytesTheReadmeLists() throws Exception {
        // tools/embedded-data/README.md lists these digests of the decompressed IDX files (the gzip bytes
        // themselves may differ with the zlib version used to regenerate them)
        assertThat(decompressedSha256("train-images-idx3-ubyte.gz"))
                .isEqualTo("cf313073c7eb485392848071d5c433571d7166043e971e3345b095cc30518084");
        assertThat(decompressedSha256("train-labels-idx1-ubyte.gz"))
                .isEqualTo("097b93fbcf9bd5bc648b1a457ddc55c9e4ab49afb33f9ecae8ce068399a75e3a");
        assertThat(decompressedSha256("t10k-images-idx3-ubyte.gz"))
                .isEqualTo("7cee33c3c6414b1b86c25e665a6c4f41584269de3b7cc9768b1d351922845eef");
        assertThat(decompressedSha256("t10k-labels-idx1-ubyte.gz"))
                .isEqualTo("3128d790775889812b73c4f13923559c8b9e281d112c6ea7862acf60a206a909");
    }

    @Test
    void theSubsetIsTheFirstImagesOfEachClassOfTheDebianFiles() throws IOException {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed ("
                + DEBIAN + " missing): apt-get install -y dataset-fashion-mnist to run this check");
        ImageSet full = Datasets.load("fashion-mnist", "test", DEBIAN);
        ImageSet subset = EmbeddedFashionMnist.test();

        int[] taken = new int[10];
        int[] keep = new int[subset.size()];
        int kept = 0;
        for (int i = 0; i < full.size() && kept < keep.length; i++) {
            if (taken[full.labels()[i]]++ < 100) {
                keep[kept++] = i;
            }
        }
        ImageSet expected = full.select(keep, "expected");

        assertThat(subset.labels()).isEqualTo(expected.labels());
        assertThat(Arrays.equals(subset.pixels(), expected.pixels())).isTrue();
    }

    private static String decompressedSha256(String name) throws Exception {
        try (InputStream in = EmbeddedFashionMnist.class.getResourceAsStream("fashion-mnist-subset/" + name)) {
            assertThat(in).as(name).isNotNull();
            byte[] data = new GZIPInputStream(in).readAllBytes();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        }
    }
}
