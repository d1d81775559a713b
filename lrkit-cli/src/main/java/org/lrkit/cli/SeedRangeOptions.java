package org.lrkit.cli;

import java.util.stream.LongStream;
import picocli.CommandLine.Option;

/**
 * The seeds {@code S, S+1, ..., S+N-1} that {@code compare} and {@code demo} train each policy with:
 * {@code --seed} and {@code --seeds}, mixed in with {@code @Mixin}. {@link #checkCount(int)} is the rule for
 * a number of seeds that {@code find} and {@code reproduce} apply to their own {@code --seeds}.
 */
public final class SeedRangeOptions {

    /** The most seeds a command trains with. */
    static final int MAX_SEEDS = 100;

    /** The first seed; also the seed of the range test. */
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "The first seed (0).")
    long first;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Seeds per policy: S, S+1, ..., S+N-1 (1).")
    int count;

    /**
     * The seeds {@code S .. S+N-1}.
     *
     * @throws IllegalArgumentException if {@code --seeds} is out of {@code [1, 100]}
     */
    long[] seeds() {
        checkCount(count);
        return LongStream.range(first, first + count).toArray();
    }

    /**
     * Checks a number of seeds given as {@code --seeds}.
     *
     * @return {@code count}
     * @throws IllegalArgumentException if it is out of {@code [1, 100]}
     */
    static int checkCount(int count) {
        if (count < 1 || count > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be in [1, " + MAX_SEEDS + "], got " + count);
        }
        return count;
    }
}
