package org.lrkit.vision.transform;

/**
 * A small, fast, re-seedable pseudo-random generator (SplitMix64, Steele, Lea and Flood, <i>Fast Splittable
 * Pseudorandom Number Generators</i>, OOPSLA 2014) for the augmentation draws and the epoch order.
 *
 * <p>Every random decision of the pipeline is made from a generator seeded by {@link #seedFor} from the
 * run's seed and the decision's coordinates (epoch, position in the epoch, stream), never from a generator
 * shared between threads. This is what makes the batches identical for the same seed whatever the number
 * of worker threads and whatever their timing. Instances are not thread-safe; each worker owns one and
 * re-seeds it with {@link #reset(long)} per image (no allocation).
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * A generator starting from {@code seed}.
     *
     * @param seed the initial state, any value (use {@link #seedFor} to derive one per decision)
     */
    public Rng(long seed) {
        this.state = seed;
    }

    /**
     * Restarts this generator from {@code seed}, as if newly built with it.
     *
     * @param seed the new state, any value
     */
    public void reset(long seed) {
        this.state = seed;
    }

    /**
     * The next 64 random bits.
     *
     * @return a uniformly distributed long
     */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /**
     * A random int in {@code [0, bound)}, by the multiply-shift method (bias below {@code bound / 2^32},
     * negligible for image sizes).
     *
     * @param bound the exclusive upper limit, {@code > 0}
     * @return an int in {@code [0, bound)}; consumes one draw
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * A random double in {@code [0, 1)} with 53 random bits.
     *
     * @return a double in {@code [0, 1)}; consumes one draw
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * A seed derived from a run seed and three coordinates, e.g. {@code (seed, epoch, position, stream)};
     * different coordinates give statistically independent streams.
     *
     * @param seed the run's seed
     * @param a the first coordinate, e.g. the epoch
     * @param b the second coordinate, e.g. the position in the epoch
     * @param c the third coordinate, e.g. the stream tag of the kind of decision
     * @return the seed for a generator dedicated to those coordinates
     */
    public static long seedFor(long seed, long a, long b, long c) {
        long h = mix(seed ^ 0x632BE59BD9B4E019L);
        h = mix(h ^ (a * GOLDEN + 0x1B873593L));
        h = mix(h ^ (b * GOLDEN + 0xCC9E2D51L));
        return mix(h ^ (c * GOLDEN + 0x85EBCA6BL));
    }

    /** The SplitMix64 output function (a bijective 64-bit finalizer). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
