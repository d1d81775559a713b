package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reads the test split of the shared CIFAR-10 JPEG tarball, {@code <repository>/../shared/datasets/
 * cifar10-jpeg.tar.gz}, when this workspace has it; skipped elsewhere.
 */
class SharedCifar10JpegTest {

    static Path sharedTarball() {
        Path dir = Path.of("").toAbsolutePath();
        // tests run in the module folder; the repository root is the first folder up holding lrkit-core/
        while (dir != null && !Files.isDirectory(dir.resolve("lrkit-core"))) {
            dir = dir.getParent();
        }
        return dir == null ? null : dir.resolveSibling("shared").resolve("datasets").resolve("cifar10-jpeg.tar.gz");
    }

    @Test
    void readsTheTestSplit() throws IOException {
        Path tarball = sharedTarball();
        assumeTrue(tarball != null && Files.isRegularFile(tarball),
                "no shared CIFAR-10 JPEG tarball at <repository>/../shared/datasets/cifar10-jpeg.tar.gz ("
                        + tarball + "); this workspace does not have it");

        long start = System.nanoTime();
        ImageSet test = Datasets.load("cifar10-jpeg", "test", tarball);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("cifar10-jpeg test split: %d images read from %s in %.2f s%n", test.size(), tarball, seconds);

        assertThat(test.name()).isEqualTo("cifar10-jpeg/test");
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.channels()).isEqualTo(3);
        assertThat(test.height()).isEqualTo(32);
        assertThat(test.width()).isEqualTo(32);
        assertThat(test.classNames()).isEqualTo(ClassNames.CIFAR10);
        assertThat(test.classCounts()).containsOnly(1_000);
        double mean = 0;
        for (byte b : test.pixels()) {
            mean += b & 0xff;
        }
        mean /= test.pixels().length;
        // CIFAR-10's mean pixel is about 121 (0.47 of 255); a decoding bug (wrong channel order aside) moves it a lot
        assertThat(mean).isBetween(110.0, 135.0);
        assertThat(Arrays.copyOf(test.pixels(), 3072)).isNotEqualTo(new byte[3072]);
    }
}
