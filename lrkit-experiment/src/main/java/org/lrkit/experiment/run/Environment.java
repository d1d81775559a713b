package org.lrkit.experiment.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What a run directory records about where it ran: the versions of lrkit, DJL, libtorch and the JDK, the git
 * commit lrkit was built from, as the build recorded it (or {@code unknown}), and the machine (cores, OS, CPU
 * model, memory). The commit is the build's, not the checkout's at run time: a saved jar run from a checkout
 * that has moved on records the code it runs.
 */
public final class Environment {

    private Environment() {
    }

    /**
     * The environment as the {@code environment} object of {@code config.json}. Call it after the engine
     * started (it asks the engine for the libtorch version).
     *
     * @param lrkitVersion the running lrkit's version
     * @return the versions, git commit and machine, by name
     */
    public static Map<String, Object> capture(String lrkitVersion) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", lrkitVersion);
        map.put("djl", safe(Engine::getDjlVersion));
        map.put("libtorch", safe(() -> {
            Engine engine = Engine.getInstance();
            return engine.getEngineName() + " " + engine.getVersion();
        }));
        map.put("jdk", jdk());
        map.putAll(buildCommit(recordedBuild()));
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        machine.put("cpu", cpuModel());
        machine.put("javaMaxMemory", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        map.put("machine", machine);
        return map;
    }

    /**
     * The running JDK: {@code 17.0.17 (Debian, OpenJDK 64-Bit Server VM)}.
     *
     * @return the Java version, vendor and VM
     */
    public static String jdk() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
    }

    /**
     * DJL's version, without starting the engine, or {@code unknown}.
     *
     * @return the version, or {@code unknown}
     */
    public static String djl() {
        return safe(Engine::getDjlVersion);
    }

    /**
     * The libtorch build on the class path, read from its native jar without loading it:
     * {@code 2.7.1-20250812 (cpu, linux-x86_64)}, or {@code none on the class path} (DJL then needs to go
     * online to download one).
     *
     * @return the version, build flavour and platform, or {@code none on the class path}
     */
    public static String bundledLibtorch() {
        try (InputStream in = Environment.class.getResourceAsStream("/native/lib/pytorch.properties")) {
            if (in == null) {
                return "none on the class path";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown") + " (" + properties.getProperty("flavor", "?") + ", "
                    + properties.getProperty("classifier", "?") + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String safe(java.util.function.Supplier<String> supplier) {
        try {
            String value = supplier.get();
            return value == null || value.isBlank() ? "unknown" : value;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /**
     * The lrkit checkout the running code was built in: the nearest folder above the jar or classes folder
     * that holds {@code .git}, or else {@code pom.xml} beside {@code lrkit-cli}; {@code null} if none.
     *
     * @return the checkout's folder, or {@code null}
     */
    public static Path checkout() {
        Path code = DataSource.codeLocation();
        if (code == null) {
            return null;
        }
        for (Path dir = code.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        for (Path dir = code.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("lrkit-cli"))) {
                return dir;
            }
        }
        return null;
    }

    /**
     * The commit the build recorded in {@code build-commit.properties} beside this class ({@code git.commit.id},
     * {@code git.dirty}; written by git-commit-id-maven-plugin), as {@code gitCommit} and
     * {@code gitUncommittedChanges} ("yes" or "no"); {@code gitCommit} is {@code unknown} for a build outside
     * a git checkout, and the second key is left out when the build did not say.
     *
     * @param recorded the properties the build wrote (empty when there are none)
     * @return the one or two entries, in that order
     */
    static Map<String, Object> buildCommit(Properties recorded) {
        Map<String, Object> map = new LinkedHashMap<>();
        String commit = recorded.getProperty("git.commit.id", "").strip();
        map.put("gitCommit", commit.matches("[0-9a-f]{40}") ? commit : "unknown");
        String dirty = recorded.getProperty("git.dirty", "").strip();
        if (dirty.equals("true") || dirty.equals("false")) {
            map.put("gitUncommittedChanges", dirty.equals("true") ? "yes" : "no");
        }
        return map;
    }

    /** What the build wrote to {@code build-commit.properties}; empty when it wrote nothing or it is unreadable. */
    static Properties recordedBuild() {
        Properties properties = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("build-commit.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            properties.clear();
        }
        return properties;
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }
}
