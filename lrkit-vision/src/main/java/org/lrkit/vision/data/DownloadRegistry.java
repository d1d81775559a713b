package org.lrkit.vision.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which files make up each downloadable dataset, where to get them and their digests. {@link #official()}
 * holds the published addresses of MNIST, Fashion-MNIST, CIFAR-10 and CIFAR-100; {@link #of} builds any other
 * registry (tests point one at a local server). Immutable.
 *
 * <p>The pinned SHA-256 values of {@link #official()} and where they come from:
 * <ul>
 *   <li>Fashion-MNIST: verified here. Debian's {@code dataset-fashion-mnist} ships the upstream files with only
 *       the gzip header normalised; restoring the original header rebuilds them byte for byte, their MD5 equals
 *       the one in Zalando's README, and their SHA-256 is pinned
 *       ({@code tools/embedded-data/verify_fashion_mnist_checksums.py}). The same values and sizes are in
 *       TensorFlow Datasets' {@code url_checksums/fashion_mnist.txt}.</li>
 *   <li>MNIST, CIFAR-10, CIFAR-100: taken from TensorFlow Datasets' {@code url_checksums} ({@code mnist.txt},
 *       {@code cifar10.txt}, {@code cifar100.txt}), the registry TFDS verifies its own downloads with; not
 *       re-checked against the bytes here (no copy of those files was available).</li>
 * </ul>
 */
public final class DownloadRegistry {

    private static final String FASHION_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
    private static final String FASHION_SOURCE = "verified from Debian dataset-fashion-mnist + Zalando README MD5 "
            + "(tools/embedded-data/verify_fashion_mnist_checksums.py); equals TFDS url_checksums/fashion_mnist.txt";
    private static final String MNIST_OFFICIAL = "http://yann.lecun.com/exdb/mnist/";
    private static final String MNIST_CVDF = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    private static final String MNIST_OSSCI = "https://ossci-datasets.s3.amazonaws.com/mnist/";
    private static final String MNIST_SOURCE = "TFDS url_checksums/mnist.txt (not re-checked here)";
    private static final String CIFAR_URL = "https://www.cs.toronto.edu/~kriz/";

    private final Map<String, List<RemoteFile>> files;

    private DownloadRegistry(Map<String, List<RemoteFile>> files) {
        this.files = files;
    }

    /**
     * A registry of the given datasets, by the name {@link Datasets} uses (the downloader saves each into a
     * folder of that name).
     *
     * @param files each dataset's name (a plain folder name) and its files, at least one; copied
     * @return a registry of those datasets, in the map's iteration order
     * @throws IllegalArgumentException if a name is null, blank or contains {@code /}, or a dataset lists no file
     */
    public static DownloadRegistry of(Map<String, List<RemoteFile>> files) {
        Objects.requireNonNull(files, "files");
        Map<String, List<RemoteFile>> copy = new LinkedHashMap<>();
        files.forEach((name, list) -> {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("dataset names must be plain folder names, got '" + name + "'");
            }
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("dataset " + name + " must list at least one file, got none");
            }
            copy.put(name, List.copyOf(list));
        });
        return new DownloadRegistry(java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * The official addresses and digests of MNIST, Fashion-MNIST, CIFAR-10 and CIFAR-100.
     *
     * @return a registry of {@code fashion-mnist}, {@code mnist}, {@code cifar10} and {@code cifar100}
     */
    public static DownloadRegistry official() {
        Map<String, List<RemoteFile>> files = new LinkedHashMap<>();
        files.put("fashion-mnist", List.of(
                fashion("train-images-idx3-ubyte.gz", "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                        26_421_880),
                fashion("train-labels-idx1-ubyte.gz", "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                        29_515),
                fashion("t10k-images-idx3-ubyte.gz", "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                        4_422_102),
                fashion("t10k-labels-idx1-ubyte.gz", "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                        5_148)));
        files.put("mnist", List.of(
                mnist("train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                        9_912_422),
                mnist("train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                        28_881),
                mnist("t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                        1_648_877),
                mnist("t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                        4_542)));
        files.put("cifar10", List.of(RemoteFile.pinned("cifar-10-binary.tar.gz",
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", 170_052_171,
                "TFDS url_checksums/cifar10.txt (not re-checked here)", CIFAR_URL + "cifar-10-binary.tar.gz")));
        files.put("cifar100", List.of(RemoteFile.pinned("cifar-100-binary.tar.gz",
                "58a81ae192c23a4be8b1804d68e518ed807d710a4eb253b1f2a199162a40d8ec", 168_513_733,
                "TFDS url_checksums/cifar100.txt (not re-checked here)", CIFAR_URL + "cifar-100-binary.tar.gz")));
        return of(files);
    }

    /**
     * The files of {@code dataset}.
     *
     * @param dataset one of {@link #datasets()}
     * @return its files, unmodifiable
     * @throws IllegalArgumentException if the registry does not know {@code dataset}
     */
    public List<RemoteFile> files(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        List<RemoteFile> list = files.get(dataset);
        if (list == null) {
            throw new IllegalArgumentException("dataset must be one of " + String.join(", ", datasets())
                    + " (the downloadable ones), got \"" + dataset + "\"");
        }
        return list;
    }

    /**
     * The datasets this registry can download.
     *
     * @return their names, in registration order (a new list)
     */
    public List<String> datasets() {
        return new ArrayList<>(files.keySet());
    }

    private static RemoteFile fashion(String name, String sha256, long size) {
        return RemoteFile.pinned(name, sha256, size, FASHION_SOURCE, FASHION_URL + name);
    }

    private static RemoteFile mnist(String name, String sha256, long size) {
        return RemoteFile.pinned(name, sha256, size, MNIST_SOURCE, MNIST_OFFICIAL + name, MNIST_CVDF + name,
                MNIST_OSSCI + name);
    }
}
