package org.lrkit.djl.engine;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * libtorch's C++ log level: what {@code TORCH_CPP_LOG_LEVEL} asks for ({@code INFO}, {@code WARNING},
 * {@code ERROR}, {@code FATAL} or {@code 0} to {@code 3}), {@code ERROR} when it is not set, so that the
 * deprecation warning libtorch prints when DJL first trains or loads a checkpoint ("AutoNonVariableTypeMode is
 * deprecated") stays off the screen.
 *
 * <p>libtorch reads that variable only when Python starts it, never under DJL; so once the engine has loaded,
 * {@link #apply()} writes the level into libtorch's own flags ({@code FLAGS_caffe2_log_level} and
 * {@code FLAGS_minloglevel} of {@code libc10}), found through {@code /proc/self/maps}. Where that cannot be done
 * (not Linux, another libtorch) nothing changes and libtorch logs as it always does.
 */
final class NativeLogLevel {

    /** The environment variable PyTorch reads. */
    static final String VARIABLE = "TORCH_CPP_LOG_LEVEL";

    /** libtorch's {@code ERROR} level. */
    static final int ERROR = 2;

    private static final List<String> NAMES = List.of("INFO", "WARNING", "ERROR", "FATAL");
    private static final String LEVEL_FLAG = "FLAGS_caffe2_log_level";
    private static final String MIN_LEVEL_FLAG = "FLAGS_minloglevel";

    private NativeLogLevel() {
    }

    /** The level a value of {@code TORCH_CPP_LOG_LEVEL} stands for: {@link #ERROR} when unset, empty if unknown. */
    static OptionalInt level(String value) {
        if (value == null || value.isBlank()) {
            return OptionalInt.of(ERROR);
        }
        String text = value.strip().toUpperCase(Locale.ROOT);
        int named = NAMES.indexOf(text);
        if (named >= 0) {
            return OptionalInt.of(named);
        }
        if (text.matches("[0-3]")) {
            return OptionalInt.of(Integer.parseInt(text));
        }
        return OptionalInt.empty();
    }

    /**
     * Sets libtorch's log level from {@code TORCH_CPP_LOG_LEVEL}; call it after the engine has loaded.
     *
     * @return whether the level was set
     */
    static boolean apply() {
        OptionalInt level = level(System.getenv(VARIABLE));
        if (level.isEmpty()) {
            return false;
        }
        return flags().map(flags -> {
            flags[0].setInt(0, level.getAsInt());
            flags[1].setInt(0, level.getAsInt());
            return true;
        }).orElse(false);
    }

    /** libtorch's current log level, if its flags can be found. */
    static OptionalInt current() {
        return flags().map(flags -> OptionalInt.of(flags[0].getInt(0))).orElse(OptionalInt.empty());
    }

    private static Optional<Pointer[]> flags() {
        try {
            Optional<String> library = Files.readAllLines(Path.of("/proc/self/maps"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.endsWith("/libc10.so") && line.contains(" /"))
                    .map(line -> line.substring(line.indexOf(" /") + 1)).findFirst();
            if (library.isEmpty()) {
                return Optional.empty();
            }
            NativeLibrary c10 = NativeLibrary.getInstance(library.get());
            return Optional.of(new Pointer[] {c10.getGlobalVariableAddress(LEVEL_FLAG),
                c10.getGlobalVariableAddress(MIN_LEVEL_FLAG)});
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
