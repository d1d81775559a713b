package org.lrkit.experiment.run;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a run directory records about where it ran: the versions of lrkit, DJL, libtorch and the JDK, the git
 * commit of the lrkit checkout (or {@code unknown}), and the machine (cores, OS, CPU model, memory).
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
        Path checkout = checkout();
        map.put("gitCommit", checkout == null ? "unknown" : commit(checkout));
        String dirty = checkout == null ? null : dirty(checkout);
        if (dirty != null) {
            map.put("gitUncommittedChanges", dirty);
        }
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

    /** The commit {@code HEAD} of the git checkout at {@code root} names, read from {@code .git}; or "unknown". */
    static String commit(Path root) {
        try {
            Path git = gitDirectory(root);
            if (git == null) {
                return "unknown";
            }
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("ref: ")) {
                return head.matches("[0-9a-f]{40}") ? head : "unknown";
            }
            String ref = head.substring(5).strip();
            Path common = commonDirectory(git);
            for (Path base : List.of(git, common)) {
                Path loose = base.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    return Files.readString(loose, StandardCharsets.UTF_8).strip();
                }
            }
            Path packed = common.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "unknown (" + ref + " has no commit yet)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path gitDirectory(Path root) throws IOException {
        Path dotGit = root.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return dotGit;
        }
        if (Files.isRegularFile(dotGit)) {
            String text = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
            if (text.startsWith("gitdir:")) {
                Path dir = Path.of(text.substring(7).strip());
                return dir.isAbsolute() ? dir : root.resolve(dir).normalize();
            }
        }
        return null;
    }

    private static Path commonDirectory(Path git) {
        try {
            Path file = git.resolve("commondir");
            if (Files.isRegularFile(file)) {
                Path dir = Path.of(Files.readString(file, StandardCharsets.UTF_8).strip());
                return dir.isAbsolute() ? dir : git.resolve(dir).normalize();
            }
        } catch (IOException | RuntimeException e) {
            // a plain checkout
        }
        return git;
    }

    /** "yes" or "no" from {@code git diff}, when git is installed and answers within a few seconds. */
    private static String dirty(Path root) {
        try {
            Process process = new ProcessBuilder("git", "-C", root.toString(), "diff", "--quiet", "HEAD", "--")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                return null;
            }
            return switch (process.exitValue()) {
                case 0 -> "no";
                case 1 -> "yes";
                default -> null;
            };
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
