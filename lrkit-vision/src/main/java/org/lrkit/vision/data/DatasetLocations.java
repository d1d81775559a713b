package org.lrkit.vision.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where datasets are looked for, in order:
 *
 * <ol>
 *   <li>an explicit path, if one is given: the dataset's own folder or archive, or a folder holding it
 *       under its usual name. When given, it is the only place looked at: a wrong explicit path is an
 *       error, never a silent fall-back to another copy;</li>
 *   <li>the folder named by the environment variable {@value #ENVIRONMENT_VARIABLE};</li>
 *   <li>{@code ~/.lrkit/datasets};</li>
 *   <li>{@code /usr/share/datasets}, where Debian's {@code dataset-*} packages install
 *       ({@code apt-get install dataset-fashion-mnist} gives {@code /usr/share/datasets/fashion-mnist}).</li>
 * </ol>
 *
 * The environment, the home folder and the system folder are injectable, so tests need not touch the real
 * ones. Instances are immutable.
 */
public final class DatasetLocations {

    /** The environment variable naming a folder of datasets. */
    public static final String ENVIRONMENT_VARIABLE = "LRKIT_DATA";
    /** Where Debian's dataset packages install. */
    public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

    private final Path explicit;
    private final Function<String, String> environment;
    private final Path home;
    private final Path systemRoot;

    private DatasetLocations(Path explicit, Function<String, String> environment, Path home, Path systemRoot) {
        this.explicit = explicit;
        this.environment = environment;
        this.home = home;
        this.systemRoot = systemRoot;
    }

    /**
     * The real environment ({@link System#getenv}), home ({@code user.home}) and {@link #SYSTEM_ROOT}.
     *
     * @return the locations of this machine, without an explicit path
     */
    public static DatasetLocations standard() {
        return of(System::getenv, Path.of(System.getProperty("user.home")), SYSTEM_ROOT);
    }

    /**
     * Locations from an injected environment lookup, home folder and system folder.
     *
     * @param environment looks up an environment variable, {@code null} when unset
     * @param home the user's home folder ({@code ~})
     * @param systemRoot the system-wide dataset folder, normally {@link #SYSTEM_ROOT}
     * @return the locations, without an explicit path
     */
    public static DatasetLocations of(Function<String, String> environment, Path home, Path systemRoot) {
        return new DatasetLocations(null, Objects.requireNonNull(environment, "environment"),
                Objects.requireNonNull(home, "home"), Objects.requireNonNull(systemRoot, "systemRoot"));
    }

    /**
     * The same locations with {@code path} given explicitly: it becomes the only place looked at.
     *
     * @param path the dataset's folder or archive, or a folder holding it under its usual name; not null
     * @return new locations; these are unchanged
     */
    public DatasetLocations withExplicit(Path path) {
        return new DatasetLocations(Objects.requireNonNull(path, "path"), environment, home, systemRoot);
    }

    /**
     * The path given with {@link #withExplicit}.
     *
     * @return the explicit path, or {@code null} when none was given
     */
    public Path explicit() {
        return explicit;
    }

    /**
     * The folders to search, in order, each with where it came from; a set but empty
     * {@value #ENVIRONMENT_VARIABLE} counts as unset. With an explicit path, just that one.
     *
     * @return the folders, in search order (a new list)
     */
    public List<Root> roots() {
        List<Root> roots = new ArrayList<>();
        if (explicit != null) {
            roots.add(new Root(explicit, "explicit path"));
            return roots;
        }
        String env = environment.apply(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            roots.add(new Root(Path.of(env.strip()), "$" + ENVIRONMENT_VARIABLE));
        }
        roots.add(new Root(home.resolve(".lrkit").resolve("datasets"), "~/.lrkit/datasets"));
        roots.add(new Root(systemRoot, "Debian dataset packages"));
        return roots;
    }

    /**
     * Where downloads go: {@value #ENVIRONMENT_VARIABLE} when set, else {@code ~/.lrkit/datasets} (the
     * explicit path, when given).
     *
     * @return the folder that holds one folder per downloaded dataset
     */
    public Path downloadRoot() {
        if (explicit != null) {
            return explicit;
        }
        String env = environment.apply(ENVIRONMENT_VARIABLE);
        if (env != null && !env.isBlank()) {
            return Path.of(env.strip());
        }
        return home.resolve(".lrkit").resolve("datasets");
    }

    /** True if {@value #ENVIRONMENT_VARIABLE} is set to a non-blank value. */
    boolean environmentSet() {
        String env = environment.apply(ENVIRONMENT_VARIABLE);
        return env != null && !env.isBlank();
    }

    /**
     * One folder searched for datasets.
     *
     * @param path the folder
     * @param origin why it is searched, for messages ({@code "$LRKIT_DATA"}, {@code "~/.lrkit/datasets"}, ...)
     */
    public record Root(Path path, String origin) {
    }
}
