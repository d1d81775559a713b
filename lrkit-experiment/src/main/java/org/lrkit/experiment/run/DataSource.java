package org.lrkit.experiment.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lrkit.vision.data.DatasetNotFoundException;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.data.ImageSet;

/**
 * Finds and reads a dataset split: from {@code --data} only when it is given; otherwise from the standard
 * places ({@code $LRKIT_DATA}, {@code ~/.lrkit/datasets}, {@code /usr/share/datasets}) and then from
 * {@code shared/datasets} beside the working folder or the lrkit checkout. {@code cifar10} falls back to the
 * JPEG copy ({@code cifar10-jpeg}) where the binary one is missing.
 */
public final class DataSource {

    private DataSource() {
    }

    /**
     * A split read, with the dataset it came as and where from.
     *
     * @param images the images
     * @param name the dataset actually read ({@code cifar10-jpeg} for a {@code cifar10} fallback)
     * @param source where it was read from, for people
     */
    public record Loaded(ImageSet images, String name, String source) {
    }

    /**
     * Checks that {@code name} is a dataset lrkit knows.
     *
     * @param name the dataset name
     * @throws IllegalArgumentException if lrkit does not know it
     */
    public static void checkName(String name) {
        if (!Datasets.NAMES.contains(name)) {
            throw new IllegalArgumentException("--dataset must be one of " + String.join(", ", Datasets.NAMES)
                    + ", got '" + name + "'");
        }
    }

    /**
     * Reads split {@code split} ({@code train} or {@code test}) of {@code name}.
     *
     * @param name a dataset lrkit knows
     * @param split {@code train} or {@code test}
     * @param explicit the only place to look, or {@code null} for the standard places
     * @return the images and where they were found
     * @throws RunFailure if the dataset is nowhere, with one line saying where it was looked for and how to
     *     get it
     * @throws IllegalArgumentException if lrkit does not know the dataset
     * @throws IOException if the files cannot be read
     */
    public static Loaded load(String name, String split, Path explicit) throws IOException {
        checkName(name);
        if (name.equals("fashion-mnist-embedded")) {
            return new Loaded(Datasets.load(name, split), name, "inside the lrkit jar");
        }
        List<String> names = name.equals("cifar10") ? List.of("cifar10", "cifar10-jpeg") : List.of(name);
        DatasetNotFoundException first = null;
        if (explicit != null) {
            for (String candidate : names) {
                try {
                    return new Loaded(Datasets.load(candidate, split, explicit), candidate, explicit.toString());
                } catch (DatasetNotFoundException e) {
                    first = first == null ? e : first;
                }
            }
            throw notFound(first, List.of());
        }
        for (String candidate : names) {
            try {
                return new Loaded(Datasets.load(candidate, split), candidate, "the standard dataset folders");
            } catch (DatasetNotFoundException e) {
                first = first == null ? e : first;
            }
        }
        List<Path> roots = sharedRoots();
        for (Path root : roots) {
            for (String candidate : names) {
                try {
                    return new Loaded(Datasets.load(candidate, split, root), candidate, root.toString());
                } catch (DatasetNotFoundException e) {
                    // try the next place
                }
            }
        }
        throw notFound(first, roots);
    }

    private static RunFailure notFound(DatasetNotFoundException e, List<Path> roots) {
        String message = e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        String rest = message.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
        StringBuilder text = new StringBuilder(firstLine);
        if (!roots.isEmpty()) {
            text.append(" (nor in ").append(String.join(", ", roots.stream().map(Path::toString).toList()))
                    .append(")");
        }
        return new RunFailure(text.append(' ').append(onTheCommandLine(rest)).append(
                " or point --data DIR or $LRKIT_DATA at a folder that holds it").toString().strip(), e);
    }

    /** The library's advice on getting a dataset, with command lines for its Java calls. */
    static String onTheCommandLine(String advice) {
        Path code = codeLocation();
        String jar = code != null && code.toString().endsWith(".jar") ? code.toString() : "lrkit-cli/target/lrkit.jar";
        return advice.replace("java -cp <lrkit-vision jar> ", "java -cp " + jar + " ")
                .replaceAll("Datasets\\.load\\(\"([a-z0-9-]+)\", split\\)", "--dataset $1");
    }

    /** {@code shared/datasets} next to the working folder and next to the checkout lrkit was built in. */
    static List<Path> sharedRoots() {
        List<Path> roots = new ArrayList<>();
        Path cwd = Path.of("").toAbsolutePath();
        addIfDirectory(roots, cwd.resolve("shared").resolve("datasets"));
        addIfDirectory(roots, cwd.resolveSibling("shared").resolve("datasets"));
        Path checkout = Environment.checkout();
        if (checkout != null) {
            addIfDirectory(roots, checkout.resolve("shared").resolve("datasets"));
            addIfDirectory(roots, checkout.resolveSibling("shared").resolve("datasets"));
        }
        return roots;
    }

    private static void addIfDirectory(List<Path> roots, Path path) {
        Path normal = path.normalize();
        if (Files.isDirectory(normal) && !roots.contains(normal)) {
            roots.add(normal);
        }
    }

    /** The folder holding the code of lrkit: {@code <checkout>/lrkit-cli/target/lrkit.jar} or its classes. */
    static Path codeLocation() {
        try {
            return Path.of(DataSource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }
}
