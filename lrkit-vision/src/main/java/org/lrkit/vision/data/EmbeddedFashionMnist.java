package org.lrkit.vision.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A class-balanced subset of Fashion-MNIST that ships inside the lrkit-vision jar, so demos and tests run on
 * a machine with no dataset installed: 6,000 training images (the first 600 of each class in the official
 * training file) and 1,000 test images (the first 100 of each class in the official test file), 1x28x28,
 * in their original order. About 3 MB of gzipped IDX under
 * {@code org/lrkit/vision/data/fashion-mnist-subset/}; how it was made and its licence (MIT, Zalando SE) are
 * in the README there and in {@code tools/embedded-data/}.
 *
 * <p>Each split is read once, on first use, and the same {@link ImageSet} is returned afterwards (its arrays
 * are shared: treat them as read-only).
 */
public final class EmbeddedFashionMnist {

    /** Training images in the subset. */
    public static final int TRAIN_SIZE = 6_000;
    /** Test images in the subset. */
    public static final int TEST_SIZE = 1_000;

    private static final String FOLDER = "fashion-mnist-subset/";

    private static ImageSet train;
    private static ImageSet test;

    private EmbeddedFashionMnist() {
    }

    /**
     * The 6,000 training images, named {@code fashion-mnist-embedded/train}.
     *
     * @return the training subset, the same shared instance on every call
     * @throws java.io.UncheckedIOException if the jar's resources are missing or damaged
     */
    public static synchronized ImageSet train() {
        if (train == null) {
            train = load("train", "train");
        }
        return train;
    }

    /**
     * The 1,000 test images, named {@code fashion-mnist-embedded/test}.
     *
     * @return the test subset, the same shared instance on every call
     * @throws java.io.UncheckedIOException if the jar's resources are missing or damaged
     */
    public static synchronized ImageSet test() {
        if (test == null) {
            test = load("t10k", "test");
        }
        return test;
    }

    private static ImageSet load(String prefix, String split) {
        String images = FOLDER + prefix + "-images-idx3-ubyte.gz";
        String labels = FOLDER + prefix + "-labels-idx1-ubyte.gz";
        try (InputStream imageStream = open(images); InputStream labelStream = open(labels)) {
            return IdxReader.read(imageStream, "jar:" + images, labelStream, "jar:" + labels, ClassNames.FASHION_MNIST,
                    "fashion-mnist-embedded/" + split);
        } catch (IOException e) {
            throw new UncheckedIOException("the Fashion-MNIST subset inside the lrkit-vision jar cannot be read; "
                    + "the jar is damaged or was built without its resources", e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = EmbeddedFashionMnist.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource " + EmbeddedFashionMnist.class.getPackageName().replace('.', '/') + "/"
                    + resource + " is missing");
        }
        return in;
    }
}
