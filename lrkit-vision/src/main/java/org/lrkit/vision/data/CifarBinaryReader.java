package org.lrkit.vision.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the official binary versions of CIFAR-10 and CIFAR-100 ({@code cifar-10-binary.tar.gz},
 * {@code cifar-100-binary.tar.gz}) into 3x32x32 {@link ImageSet}s, from the archive itself or from its
 * extracted folder.
 *
 * <ul>
 *   <li>CIFAR-10: records of 1 label byte + 3072 pixel bytes (1024 red, 1024 green, 1024 blue, rows top to
 *       bottom) in {@code data_batch_1.bin} to {@code data_batch_5.bin} (train) and {@code test_batch.bin}
 *       (test); class names from {@code batches.meta.txt}.</li>
 *   <li>CIFAR-100: records of a coarse label byte, a fine label byte + 3072 pixel bytes in {@code train.bin}
 *       and {@code test.bin}; fine labels (100 classes) by default, coarse (20) on request; names from
 *       {@code fine_label_names.txt} / {@code coarse_label_names.txt}.</li>
 * </ul>
 *
 * When the name file is missing the built-in {@link ClassNames} are used. A file whose size is not a whole
 * number of records, or with a label out of range, is a {@link DatasetFormatException} naming the file, the
 * record size expected and what was found.
 */
public final class CifarBinaryReader {

    /** Which CIFAR-100 label to use. */
    public enum Labels {
        /** The 100 fine classes (the usual CIFAR-100 task). */
        FINE,
        /** The 20 coarse superclasses. */
        COARSE
    }

    private static final int PIXELS = 3 * 32 * 32;

    private final String datasetName;
    private final String folderName;
    private final int labelBytes;
    private final int labelOffset;
    private final int classCount;
    private final List<String> trainFiles;
    private final List<String> testFiles;
    private final String namesFile;
    private final List<String> builtInNames;

    private CifarBinaryReader(String datasetName, String folderName, int labelBytes, int labelOffset, int classCount,
            List<String> trainFiles, List<String> testFiles, String namesFile, List<String> builtInNames) {
        this.datasetName = datasetName;
        this.folderName = folderName;
        this.labelBytes = labelBytes;
        this.labelOffset = labelOffset;
        this.classCount = classCount;
        this.trainFiles = trainFiles;
        this.testFiles = testFiles;
        this.namesFile = namesFile;
        this.builtInNames = builtInNames;
    }

    /**
     * A reader of CIFAR-10 ({@code cifar-10-binary.tar.gz}, folder {@code cifar-10-batches-bin}).
     *
     * @return a reader of the 10-class binary version
     */
    public static CifarBinaryReader cifar10() {
        return new CifarBinaryReader("cifar10", "cifar-10-batches-bin", 1, 0, 10,
                List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                        "data_batch_5.bin"),
                List.of("test_batch.bin"), "batches.meta.txt", ClassNames.CIFAR10);
    }

    /**
     * A reader of CIFAR-100 with its fine labels.
     *
     * @return a reader of the binary version with its 100 fine classes
     */
    public static CifarBinaryReader cifar100() {
        return cifar100(Labels.FINE);
    }

    /**
     * A reader of CIFAR-100 ({@code cifar-100-binary.tar.gz}, folder {@code cifar-100-binary}).
     *
     * @param labels which label byte to use: {@link Labels#FINE} (100 classes) or {@link Labels#COARSE} (20)
     * @return a reader of the binary version with those labels
     */
    public static CifarBinaryReader cifar100(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        boolean fine = labels == Labels.FINE;
        return new CifarBinaryReader("cifar100", "cifar-100-binary", 2, fine ? 1 : 0, fine ? 100 : 20,
                List.of("train.bin"), List.of("test.bin"), fine ? "fine_label_names.txt" : "coarse_label_names.txt",
                fine ? ClassNames.CIFAR100_FINE : ClassNames.CIFAR100_COARSE);
    }

    /**
     * The size of one record in the batch files.
     *
     * @return the label bytes plus 3072 pixel bytes: 3073 for CIFAR-10, 3074 for CIFAR-100
     */
    public int recordBytes() {
        return labelBytes + PIXELS;
    }

    /**
     * The batch files that make up a split.
     *
     * @param split {@code "train"} or {@code "test"}
     * @return the file names in reading order, e.g. {@code [test_batch.bin]}
     * @throws IllegalArgumentException if {@code split} is neither {@code "train"} nor {@code "test"}
     */
    public List<String> files(String split) {
        return switch (requireSplit(split)) {
            case "train" -> trainFiles;
            default -> testFiles;
        };
    }

    /**
     * Reads split {@code "train"} or {@code "test"} from {@code location}: the official {@code .tar.gz} (or
     * {@code .tar}), the folder it extracts to ({@code cifar-10-batches-bin/}, {@code cifar-100-binary/}), or
     * a folder holding that folder. The set is named {@code <dataset>/<split>}.
     *
     * @param location the archive, its extracted folder, or a folder holding that folder
     * @param split {@code "train"} or {@code "test"}
     * @return the 3x32x32 images of the split with their labels, in file and record order
     * @throws IllegalArgumentException if {@code split} is neither {@code "train"} nor {@code "test"}
     * @throws DatasetNotFoundException if {@code location} does not exist
     * @throws DatasetFormatException if a batch file is missing, is not a whole number of records, holds a
     *     label out of range, or the name file does not list one name per class
     * @throws IOException if a file cannot be read
     */
    public ImageSet read(Path location, String split) throws IOException {
        Objects.requireNonNull(location, "location");
        List<String> files = files(split);
        String name = datasetName + "/" + split;
        if (Files.isRegularFile(location)) {
            return readArchive(location, files, name);
        }
        if (!Files.isDirectory(location)) {
            throw new DatasetNotFoundException(location + " does not exist; expected the " + datasetName
                    + " binary archive or the " + folderName + "/ folder it extracts to");
        }
        Path dir = Files.isDirectory(location.resolve(folderName)) ? location.resolve(folderName) : location;
        List<byte[]> contents = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String file : files) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new DatasetFormatException(dir.toString(), "has no " + file + "; expected " + String.join(", ", files)
                        + " of the " + datasetName + " binary version" + pythonVersionHint(dir, file));
            }
            try (InputStream in = Streams.open(path)) {
                contents.add(Streams.readAll(in, path.toString()));
            }
            sources.add(path.toString());
        }
        Path names = dir.resolve(namesFile);
        List<String> classNames = Files.isRegularFile(names)
                ? parseNames(Files.readAllBytes(names), names.toString())
                : builtInNames;
        return parse(contents, sources, classNames, name);
    }

    /**
     * Reads records from {@code in} (gzipped or raw; read to its end, not closed) into a set with the given
     * class names; {@code source} names the stream in messages.
     *
     * @param in the records of one or more batches, gzipped or raw
     * @param source what to call the stream in messages (its file or resource name)
     * @param classNames the name of each class: 10 for CIFAR-10, 100 or 20 for CIFAR-100 as this reader's labels
     * @param name the set's name
     * @return the 3x32x32 images with their labels, in record order
     * @throws IllegalArgumentException if {@code classNames} does not hold one name per class
     * @throws DatasetFormatException if the stream is empty, not a whole number of records, or holds a label
     *     out of range
     * @throws IOException if the stream cannot be read
     */
    public ImageSet read(InputStream in, String source, List<String> classNames, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(classNames, "classNames");
        if (classNames.size() != classCount) {
            throw new IllegalArgumentException("classNames must hold " + classCount + " names for " + datasetName
                    + ", got " + classNames.size());
        }
        byte[] content = Streams.readAll(Streams.maybeGunzip(in, source), source);
        return parse(new ArrayList<>(List.of(content)), List.of(source), classNames, name);
    }

    private ImageSet readArchive(Path archive, List<String> files, String name) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        Map<String, String> foundPath = new HashMap<>();
        byte[] names = null;
        String namesSource = null;
        try (TarReader tar = TarReader.open(archive)) {
            for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
                if (!entry.isFile()) {
                    continue;
                }
                String base = entry.name().substring(entry.name().lastIndexOf('/') + 1);
                if (files.contains(base)) {
                    found.put(base, tar.readContent());
                    foundPath.put(base, archive + "!" + entry.name());
                } else if (base.equals(namesFile)) {
                    names = tar.readContent();
                    namesSource = archive + "!" + entry.name();
                }
            }
        }
        List<byte[]> contents = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String file : files) {
            if (!found.containsKey(file)) {
                throw new DatasetFormatException(archive.toString(), "has no entry " + file + "; expected "
                        + String.join(", ", files) + " (the official " + datasetName + " binary archive)");
            }
            contents.add(found.get(file));
            sources.add(foundPath.get(file));
        }
        List<String> classNames = names != null ? parseNames(names, namesSource) : builtInNames;
        return parse(contents, sources, classNames, name);
    }

    /** Parses the batches in order; {@code contents} must be mutable (each batch is released once copied). */
    private ImageSet parse(List<byte[]> contents, List<String> sources, List<String> classNames, String name)
            throws DatasetFormatException {
        int record = recordBytes();
        long total = 0;
        for (int f = 0; f < contents.size(); f++) {
            int length = contents.get(f).length;
            if (length == 0 || length % record != 0) {
                throw new DatasetFormatException(sources.get(f), "holds " + length + " bytes, not a whole number of "
                        + record + "-byte records (" + labelBytes + " label byte" + (labelBytes == 1 ? "" : "s")
                        + " + 3072 pixel bytes); expected a " + datasetName + " binary batch" + sizeHint(length));
            }
            total += length / record;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException(sources.get(0), total + " images do not fit in one Java array");
        }
        int count = (int) total;
        byte[] pixels = new byte[count * PIXELS];
        int[] labels = new int[count];
        int image = 0;
        for (int f = 0; f < contents.size(); f++) {
            byte[] content = contents.get(f);
            int records = content.length / record;
            for (int r = 0; r < records; r++, image++) {
                int offset = r * record;
                int label = content[offset + labelOffset] & 0xff;
                if (label >= classCount) {
                    throw new DatasetFormatException(sources.get(f), "record " + r + " (byte " + offset + ") has label "
                            + label + "; expected a class index in [0, " + classCount + ")" + labelHint());
                }
                labels[image] = label;
                System.arraycopy(content, offset + labelBytes, pixels, image * PIXELS, PIXELS);
            }
            contents.set(f, null); // let the batch go before the next is copied
        }
        return new ImageSet(name, 3, 32, 32, pixels, labels, classNames);
    }

    private List<String> parseNames(byte[] content, String source) throws DatasetFormatException {
        List<String> names = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != classCount) {
            throw new DatasetFormatException(source, "lists " + names.size() + " class names; expected " + classCount
                    + " (one per line)");
        }
        return names;
    }

    private String sizeHint(int length) {
        if (length == 0) {
            return " (the file is empty)";
        }
        if (labelBytes == 1 && length % (PIXELS + 2) == 0) {
            return " (its size fits 3074-byte CIFAR-100 records: is it a CIFAR-100 file?)";
        }
        if (labelBytes == 2 && length % (PIXELS + 1) == 0) {
            return " (its size fits 3073-byte CIFAR-10 records: is it a CIFAR-10 file?)";
        }
        return " (truncated or not a " + datasetName + " file)";
    }

    private String labelHint() {
        return labelBytes == 1 ? " (not a CIFAR-10 file? CIFAR-100 records are 3074 bytes)" : "";
    }

    private static String pythonVersionHint(Path dir, String file) {
        String stem = file.endsWith(".bin") ? file.substring(0, file.length() - 4) : file;
        if (Files.exists(dir.resolve(stem))) {
            return " (" + stem + " without .bin is the Python pickle version: get the binary version, "
                    + "cifar-10-binary.tar.gz / cifar-100-binary.tar.gz)";
        }
        return "";
    }

    private static String requireSplit(String split) {
        Objects.requireNonNull(split, "split");
        if (!split.equals("train") && !split.equals("test")) {
            throw new IllegalArgumentException("split must be \"train\" or \"test\", got \"" + split + "\"");
        }
        return split;
    }
}
