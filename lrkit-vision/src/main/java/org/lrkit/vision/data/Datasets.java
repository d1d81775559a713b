package org.lrkit.vision.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Loads a dataset by name and split, finding it where {@link DatasetLocations} says to look.
 *
 * <pre>{@code
 * ImageSet train = Datasets.load("fashion-mnist", "train");         // $LRKIT_DATA, ~/.lrkit/datasets, Debian
 * ImageSet test = Datasets.load("cifar10", "test", Path.of("/data/cifar10"));  // only there
 * ImageSet demo = Datasets.load("fashion-mnist-embedded", "train");  // inside the jar, always there
 * }</pre>
 *
 * <table>
 *   <caption>Names</caption>
 *   <tr><th>name</th><th>images</th><th>looked for under a search folder</th></tr>
 *   <tr><td>{@code fashion-mnist}</td><td>1x28x28, 60,000 + 10,000</td>
 *       <td>{@code fashion-mnist/} with the four IDX files, gzipped or not</td></tr>
 *   <tr><td>{@code mnist}</td><td>1x28x28, 60,000 + 10,000</td><td>{@code mnist/}, likewise</td></tr>
 *   <tr><td>{@code cifar10}</td><td>3x32x32, 50,000 + 10,000</td>
 *       <td>{@code cifar10/} holding {@code cifar-10-binary.tar.gz} or {@code cifar-10-batches-bin/};
 *       {@code cifar-10-batches-bin/}; {@code cifar-10-binary.tar.gz}</td></tr>
 *   <tr><td>{@code cifar100}</td><td>3x32x32, 50,000 + 10,000, fine labels</td>
 *       <td>{@code cifar100/}, {@code cifar-100-binary/}, {@code cifar-100-binary.tar.gz}</td></tr>
 *   <tr><td>{@code cifar10-jpeg}</td><td>3x32x32, 50,000 + 10,000 (JPEG re-encoded)</td>
 *       <td>{@code cifar10-jpeg.tar.gz}, or {@code cifar10-jpeg/} holding it or the extracted tree</td></tr>
 *   <tr><td>{@code fashion-mnist-embedded}</td><td>1x28x28, 6,000 + 1,000</td><td>nowhere: in the jar</td></tr>
 * </table>
 *
 * Splits are {@code "train"} and {@code "test"}. When a dataset is in none of the places, the
 * {@link DatasetNotFoundException} lists each place looked at and how to get the data.
 */
public final class Datasets {

    /** The dataset names, in the order of the table above. */
    public static final List<String> NAMES = KnownDataset.ids();
    /** The split names. */
    public static final List<String> SPLITS = List.of("train", "test");

    private final DatasetLocations locations;

    /**
     * A loader searching {@code locations}.
     *
     * @param locations where to look for datasets on disk, in order
     */
    public Datasets(DatasetLocations locations) {
        this.locations = Objects.requireNonNull(locations, "locations");
    }

    /**
     * Loads a split, searching the standard locations.
     *
     * @param name one of {@link #NAMES}, e.g. {@code cifar10}
     * @param split {@code "train"} or {@code "test"}
     * @return the split's images with their labels, named {@code <name>/<split>}
     * @throws IllegalArgumentException if {@code name} or {@code split} is unknown
     * @throws DatasetNotFoundException if no location holds the split; the message lists them and how to get it
     * @throws DatasetFormatException if the files found are not what the dataset's reader expects
     * @throws IOException if the files cannot be read
     */
    public static ImageSet load(String name, String split) throws IOException {
        return new Datasets(DatasetLocations.standard()).read(name, split);
    }

    /**
     * Loads a split from {@code location} only: the dataset's own folder or archive, or a folder holding it
     * under its usual name.
     *
     * @param name one of {@link #NAMES}, e.g. {@code cifar10}
     * @param split {@code "train"} or {@code "test"}
     * @param location the only place looked at
     * @return the split's images with their labels, named {@code <name>/<split>}
     * @throws IllegalArgumentException if {@code name} or {@code split} is unknown
     * @throws DatasetNotFoundException if {@code location} does not hold the split
     * @throws DatasetFormatException if the files found are not what the dataset's reader expects
     * @throws IOException if the files cannot be read
     */
    public static ImageSet load(String name, String split, Path location) throws IOException {
        return new Datasets(DatasetLocations.standard().withExplicit(location)).read(name, split);
    }

    /**
     * Loads a split from the first location holding it ({@code fashion-mnist-embedded} from the jar).
     *
     * @param name one of {@link #NAMES}, e.g. {@code cifar10}
     * @param split {@code "train"} or {@code "test"}
     * @return the split's images with their labels, named {@code <name>/<split>}
     * @throws IllegalArgumentException if {@code name} or {@code split} is unknown
     * @throws DatasetNotFoundException if no location holds the split; the message lists them and how to get it
     * @throws DatasetFormatException if the files found are not what the dataset's reader expects
     * @throws IOException if the files cannot be read
     */
    public ImageSet read(String name, String split) throws IOException {
        KnownDataset dataset = dataset(name);
        requireSplit(split);
        if (!dataset.onDisk()) {
            return dataset.read(null, split);
        }
        return dataset.read(locate(dataset, split), split);
    }

    /**
     * The folder or archive a split would be read from (for a dataset inside the jar, {@code null}).
     *
     * @param name one of {@link #NAMES}, e.g. {@code cifar10}
     * @param split {@code "train"} or {@code "test"}
     * @return the first location holding the split, or {@code null} for {@code fashion-mnist-embedded}
     * @throws IllegalArgumentException if {@code name} or {@code split} is unknown
     * @throws DatasetNotFoundException if no location holds it; the message lists them and how to get it
     */
    public Path locate(String name, String split) throws DatasetNotFoundException {
        KnownDataset dataset = dataset(name);
        requireSplit(split);
        return dataset.onDisk() ? locate(dataset, split) : null;
    }

    private Path locate(KnownDataset dataset, String split) throws DatasetNotFoundException {
        List<String> looked = new ArrayList<>();
        if (!locations.environmentSet() && locations.explicit() == null) {
            looked.add("$" + DatasetLocations.ENVIRONMENT_VARIABLE + " (not set)");
        }
        for (DatasetLocations.Root root : locations.roots()) {
            List<Path> candidates = new ArrayList<>();
            if (locations.explicit() != null) {
                candidates.add(root.path());
            }
            candidates.addAll(dataset.candidates(root.path()));
            for (Path candidate : candidates) {
                Path found = dataset.probe(candidate, split);
                if (found != null) {
                    return found;
                }
                looked.add(candidate + "  (" + root.origin() + ": " + describe(candidate) + ")");
            }
        }
        StringBuilder message = new StringBuilder();
        message.append(dataset.id()).append(" (").append(split).append(" split) not found. Looked in, in order:\n");
        for (int i = 0; i < looked.size(); i++) {
            message.append("  ").append(i + 1).append(". ").append(looked.get(i)).append('\n');
        }
        message.append("A location must hold ").append(dataset.expected(split)).append(".\n");
        message.append("To get it:").append(dataset.howToGet());
        throw new DatasetNotFoundException(message.toString());
    }

    private static String describe(Path candidate) {
        if (Files.isDirectory(candidate)) {
            return "folder without the expected files";
        }
        if (Files.exists(candidate)) {
            return "not a folder";
        }
        return "missing";
    }

    private static KnownDataset dataset(String name) {
        Objects.requireNonNull(name, "name");
        KnownDataset dataset = KnownDataset.byId(name);
        if (dataset == null) {
            throw new IllegalArgumentException("name must be one of " + String.join(", ", NAMES) + "; got \"" + name
                    + "\"" + suggestion(name));
        }
        return dataset;
    }

    private static String suggestion(String name) {
        String typed = normalise(name);
        for (String known : NAMES) {
            if (normalise(known).equals(typed)) {
                return " (did you mean " + known + "?)";
            }
        }
        return "";
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    }

    private static void requireSplit(String split) {
        Objects.requireNonNull(split, "split");
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("split must be \"train\" or \"test\", got \"" + split + "\""
                    + (split.equalsIgnoreCase("validation") || split.equalsIgnoreCase("val")
                            ? " (these datasets have no validation split: hold out part of train with ImageSet.select)"
                            : ""));
        }
    }
}
