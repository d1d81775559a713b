package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * The engine a command trains on: {@code --device} and {@code --threads}, mixed in with {@code @Mixin} by
 * {@link RunOptions}, {@link TrainingOptions} and {@code reproduce}. {@code --threads} is checked here, for
 * all of them.
 */
public final class EngineOptions {

    @Option(names = "--device", paramLabel = "cpu|gpu", description = "cpu (the default) or gpu.")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "libtorch threads (default: the engine's, one per core). Runs are bit-identical at a"
                    + " fixed thread count.")
    Integer threads;

    /** {@code --device}, or {@code cpu} when it is not given. */
    String device() {
        return device != null ? device : "cpu";
    }

    /** {@code --device} as given, or {@code null} when it is not (a resumed run then keeps its own). */
    String requestedDevice() {
        return device;
    }

    /**
     * Checks {@code --threads}.
     *
     * @throws IllegalArgumentException if it is given and not {@code > 0}
     */
    void check() {
        if (threads != null && threads <= 0) {
            throw new IllegalArgumentException("--threads must be > 0, got " + threads);
        }
    }

    /** {@code --threads}, checked, or 0 (the engine's default) when it is not given. */
    int threadCount() {
        check();
        return threads != null ? threads : 0;
    }

    /** {@code --threads}, checked, or {@code null} when it is not given (a resumed run then keeps its own). */
    Integer requestedThreads() {
        check();
        return threads;
    }
}
