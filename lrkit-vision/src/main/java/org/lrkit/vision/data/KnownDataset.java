package org.lrkit.vision.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Datasets} knows about each named dataset: the folder or archive names to look for under a
 * search root, whether a candidate holds a split, how to read it, and how to get it.
 */
enum KnownDataset {

    FASHION_MNIST("fashion-mnist", "fashion-mnist") {
        @Override
        ImageSet read(Path found, String split) throws IOException {
            return readIdx(found, split, ClassNames.FASHION_MNIST, id() + "/" + split);
        }

        @Override
        String howToGet() {
            return "\n  install: apt-get install -y dataset-fashion-mnist   (Debian/Ubuntu; installs "
                    + DatasetLocations.SYSTEM_ROOT.resolve("fashion-mnist") + ")\n  or download: " + downloadCommand()
                    + "\n  or use the subset inside the jar: Datasets.load(\"fashion-mnist-embedded\", split)"
                    + " (6,000 train / 1,000 test images)";
        }
    },

    MNIST("mnist", "mnist") {
        @Override
        ImageSet read(Path found, String split) throws IOException {
            return readIdx(found, split, ClassNames.MNIST, id() + "/" + split);
        }

        @Override
        String howToGet() {
            return "\n  download: " + downloadCommand();
        }
    },

    CIFAR10("cifar10", "cifar10") {
        @Override
        List<Path> candidates(Path root) {
            return List.of(root.resolve(folder()), root.resolve("cifar-10-batches-bin"),
                    root.resolve("cifar-10-binary.tar.gz"));
        }

        @Override
        Path probe(Path candidate, String split) {
            return probeCifar(candidate, split, CifarBinaryReader.cifar10(), "cifar-10-batches-bin",
                    "cifar-10-binary.tar.gz");
        }

        @Override
        ImageSet read(Path found, String split) throws IOException {
            return CifarBinaryReader.cifar10().read(found, split);
        }

        @Override
        String expected(String split) {
            return "cifar-10-binary.tar.gz, or the cifar-10-batches-bin/ folder it extracts to (with "
                    + String.join(", ", CifarBinaryReader.cifar10().files(split)) + ")";
        }

        @Override
        String howToGet() {
            return "\n  download (170 MB): " + downloadCommand();
        }
    },

    CIFAR100("cifar100", "cifar100") {
        @Override
        List<Path> candidates(Path root) {
            return List.of(root.resolve(folder()), root.resolve("cifar-100-binary"),
                    root.resolve("cifar-100-binary.tar.gz"));
        }

        @Override
        Path probe(Path candidate, String split) {
            return probeCifar(candidate, split, CifarBinaryReader.cifar100(), "cifar-100-binary",
                    "cifar-100-binary.tar.gz");
        }

        @Override
        ImageSet read(Path found, String split) throws IOException {
            return CifarBinaryReader.cifar100().read(found, split);
        }

        @Override
        String expected(String split) {
            return "cifar-100-binary.tar.gz, or the cifar-100-binary/ folder it extracts to (with " + split + ".bin)";
        }

        @Override
        String howToGet() {
            return "\n  download (169 MB): " + downloadCommand();
        }
    },

    CIFAR10_JPEG("cifar10-jpeg", "cifar10-jpeg") {
        @Override
        List<Path> candidates(Path root) {
            return List.of(root.resolve("cifar10-jpeg.tar.gz"), root.resolve(folder()));
        }

        @Override
        Path probe(Path candidate, String split) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (!Files.isDirectory(candidate)) {
                return null;
            }
            for (String archive : List.of("cifar10-jpeg.tar.gz", "cifar10-jpeg.tar")) {
                if (Files.isRegularFile(candidate.resolve(archive))) {
                    return candidate.resolve(archive);
                }
            }
            if (Files.isDirectory(candidate.resolve(split))) {
                return candidate;
            }
            if (Files.isDirectory(candidate.resolve("cifar10").resolve(split))) {
                return candidate.resolve("cifar10");
            }
            return null;
        }

        @Override
        ImageSet read(Path found, String split) throws IOException {
            return ImageFolderReader.withChannels(3).withImageSize(32, 32).read(found, split, id() + "/" + split);
        }

        @Override
        String expected(String split) {
            return "cifar10-jpeg.tar.gz (a tree cifar10/{train,test}/<class>/*.jpg), or a folder holding " + split
                    + "/<class>/*.jpg";
        }

        @Override
        String howToGet() {
            return "\n  there is no download for this re-encoded copy: put cifar10-jpeg.tar.gz in one of the folders"
                    + " above (in the lrkit workspace: export " + DatasetLocations.ENVIRONMENT_VARIABLE
                    + "=<repository>/../shared/datasets), or pass its path";
        }
    },

    FASHION_MNIST_EMBEDDED("fashion-mnist-embedded", null) {
        @Override
        List<Path> candidates(Path root) {
            return List.of();
        }

        @Override
        Path probe(Path candidate, String split) {
            return null;
        }

        @Override
        ImageSet read(Path found, String split) {
            return split.equals("train") ? EmbeddedFashionMnist.train() : EmbeddedFashionMnist.test();
        }

        @Override
        String howToGet() {
            return " it is inside the lrkit-vision jar";
        }
    };

    private final String id;
    private final String folder;

    KnownDataset(String id, String folder) {
        this.id = id;
        this.folder = folder;
    }

    /** The name {@link Datasets} knows it by. */
    String id() {
        return id;
    }

    /** The folder name under a search root (also where the downloader puts it). */
    String folder() {
        return folder;
    }

    /** True if the dataset is read from disk (not embedded). */
    boolean onDisk() {
        return folder != null;
    }

    /** The paths under a search root that may hold the dataset, in order of preference. */
    List<Path> candidates(Path root) {
        return List.of(root.resolve(folder));
    }

    /** The path to read the split from if {@code candidate} holds it, else {@code null}. */
    Path probe(Path candidate, String split) {
        return Files.isDirectory(candidate) && idxFile(candidate, split, "images-idx3") != null
                && idxFile(candidate, split, "labels-idx1") != null ? candidate : null;
    }

    /** Reads the split from what {@link #probe} returned. */
    abstract ImageSet read(Path found, String split) throws IOException;

    /** What a location must hold, for the not-found message. */
    String expected(String split) {
        String prefix = idxPrefix(split);
        return prefix + "-images-idx3-ubyte.gz and " + prefix + "-labels-idx1-ubyte.gz (or the same without .gz)";
    }

    /** How to get the dataset, for the not-found message: lines, each starting with a line break. */
    abstract String howToGet();

    String downloadCommand() {
        return "java -cp <lrkit-vision jar> " + DatasetDownloader.class.getName() + " " + id
                + "   (into $" + DatasetLocations.ENVIRONMENT_VARIABLE + ", else ~/.lrkit/datasets)";
    }

    /** The known dataset called {@code id}, or {@code null}. */
    static KnownDataset byId(String id) {
        for (KnownDataset dataset : values()) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        return null;
    }

    /** Every id, in declaration order. */
    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (KnownDataset dataset : values()) {
            ids.add(dataset.id);
        }
        return List.copyOf(ids);
    }

    static ImageSet readIdx(Path dir, String split, List<String> classNames, String name) throws IOException {
        Path images = idxFile(dir, split, "images-idx3");
        Path labels = idxFile(dir, split, "labels-idx1");
        if (images == null || labels == null) {
            throw new DatasetNotFoundException(dir + " has no " + (images == null ? "image" : "label") + " file for "
                    + split + "; expected " + idxPrefix(split) + "-" + (images == null ? "images-idx3" : "labels-idx1")
                    + "-ubyte[.gz]");
        }
        return IdxReader.read(images, labels, classNames, name);
    }

    /** {@code <prefix>-<kind>-ubyte.gz}, {@code <prefix>-<kind>-ubyte} or {@code <prefix>-images.idx3-ubyte}. */
    static Path idxFile(Path dir, String split, String kind) {
        String prefix = idxPrefix(split);
        String dotted = kind.replace('-', '.');
        for (String name : List.of(prefix + "-" + kind + "-ubyte.gz", prefix + "-" + kind + "-ubyte",
                prefix + "-" + dotted + "-ubyte")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static String idxPrefix(String split) {
        return split.equals("train") ? "train" : "t10k";
    }

    static Path probeCifar(Path candidate, String split, CifarBinaryReader reader, String extracted, String archive) {
        if (Files.isRegularFile(candidate)) {
            return candidate;
        }
        if (!Files.isDirectory(candidate)) {
            return null;
        }
        for (Path dir : List.of(candidate.resolve(extracted), candidate)) {
            if (reader.files(split).stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                return dir;
            }
        }
        if (Files.isRegularFile(candidate.resolve(archive))) {
            return candidate.resolve(archive);
        }
        return null;
    }
}
