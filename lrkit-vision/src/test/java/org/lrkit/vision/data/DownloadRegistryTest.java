package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DownloadRegistryTest {

    private static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void theOfficialRegistryPinsEveryFile() {
        DownloadRegistry registry = DownloadRegistry.official();

        assertThat(registry.datasets()).containsExactly("fashion-mnist", "mnist", "cifar10", "cifar100");
        for (String dataset : registry.datasets()) {
            for (RemoteFile file : registry.files(dataset)) {
                assertThat(file.isPinned()).as(file.fileName()).isTrue();
                assertThat(file.size()).as(file.fileName()).isPositive();
                assertThat(file.checksumSource()).as(file.fileName()).isNotBlank();
            }
        }
        assertThat(registry.files("cifar10")).extracting(RemoteFile::fileName).containsExactly("cifar-10-binary.tar.gz");
        assertThat(registry.files("cifar100").get(0).urls().get(0).toString())
                .isEqualTo("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz");
        assertThat(registry.files("mnist").get(0).urls().get(0).toString())
                .isEqualTo("http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz");
    }

    /**
     * Rebuilds the official Fashion-MNIST downloads from Debian's files (the same as
     * tools/embedded-data/verify_fashion_mnist_checksums.py): Debian only normalised the gzip header, so putting
     * back the original file name and time gives the published bytes; their MD5 is the one in Zalando's README
     * and their SHA-256 must be the pinned one.
     */
    @Test
    void theFashionMnistDigestsFollowFromTheDebianFiles() throws Exception {
        assumeTrue(Files.isDirectory(DEBIAN), "Debian's dataset-fashion-mnist is not installed ("
                + DEBIAN + " missing): apt-get install -y dataset-fashion-mnist to run this check");
        Map<String, Long> mtimes = Map.of("train-images-idx3-ubyte", 1504176606L, "train-labels-idx1-ubyte", 1504176606L,
                "t10k-images-idx3-ubyte", 1504176627L, "t10k-labels-idx1-ubyte", 1504176627L);
        Map<String, String> readmeMd5 = Map.of("train-images-idx3-ubyte", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte", "25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte", "bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte", "bb300cfdad3c16e7a12a480ee83cd310");
        List<RemoteFile> pinned = DownloadRegistry.official().files("fashion-mnist");
        for (RemoteFile file : pinned) {
            String stem = file.fileName().replace(".gz", "");
            byte[] official = rebuild(Files.readAllBytes(DEBIAN.resolve(file.fileName())), stem, mtimes.get(stem));
            assertThat(digest("MD5", official)).as("MD5 of rebuilt " + stem).isEqualTo(readmeMd5.get(stem));
            assertThat(digest("SHA-256", official)).as("SHA-256 of " + stem).isEqualTo(file.sha256());
            assertThat((long) official.length).isEqualTo(file.size());
        }
    }

    private static byte[] rebuild(byte[] debian, String name, long mtime) throws IOException {
        assertThat(debian[3]).as("Debian gzip flags").isZero();
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[debian.length + nameBytes.length];
        System.arraycopy(debian, 0, out, 0, 10);
        out[3] = 0x08; // FNAME
        for (int i = 0; i < 4; i++) {
            out[4 + i] = (byte) (mtime >>> (8 * i));
        }
        System.arraycopy(nameBytes, 0, out, 10, nameBytes.length);
        System.arraycopy(debian, 10, out, 10 + nameBytes.length, debian.length - 10);
        return out;
    }

    private static String digest(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }
}
