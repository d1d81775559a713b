package org.lrkit.djl.train;

/**
 * Derives independent seeds from a run's seed, so that every random stream of a run (data order of each
 * epoch, the engine's generator at each step) is a pure function of the seed and a position. A resumed run
 * therefore needs no generator state: the seed and the position recreate it exactly.
 *
 * <pre>{@code
 * long orderSeed = Seeds.derive(runSeed, Seeds.DATA_ORDER, epoch);
 * }</pre>
 */
public final class Seeds {

    /** Stream tag for the data order of an epoch. */
    public static final long DATA_ORDER = 1;
    /** Stream tag for the engine's generator at an optimizer step. */
    public static final long ENGINE_STEP = 2;
    /** Stream tag for weight initialisation. */
    public static final long INITIALIZATION = 3;
    /**
     * Stream tag for the engine's generator at the second and later batches of an optimizer step under gradient
     * accumulation, indexed within the step (the first batch uses {@link #ENGINE_STEP}).
     */
    public static final long ACCUMULATED_BATCH = 4;

    private Seeds() {
    }

    /**
     * A seed for position {@code index} of stream {@code stream} of a run seeded with {@code seed}.
     *
     * @param seed the run's seed, any value
     * @param stream the stream tag, such as {@link #DATA_ORDER} or {@link #ENGINE_STEP}; distinct tags give
     *     independent streams
     * @param index the position in the stream: the epoch for {@link #DATA_ORDER}, the 0-based optimizer step
     *     for {@link #ENGINE_STEP}, the batch's index in the step for {@link #ACCUMULATED_BATCH}
     * @return the derived seed, any {@code long}; the same arguments always give the same seed
     */
    public static long derive(long seed, long stream, long index) {
        return mix(mix(mix(seed) ^ stream) + index);
    }

    /**
     * {@link #derive} folded to the {@code int} that DJL's {@code Engine.setRandomSeed} takes.
     *
     * @param seed the run's seed, any value
     * @param stream the stream tag, as for {@link #derive}
     * @param index the position in the stream, as for {@link #derive}
     * @return the derived seed folded to an {@code int} in {@code [0, Integer.MAX_VALUE]}
     */
    public static int engineSeed(long seed, long stream, long index) {
        long value = derive(seed, stream, index);
        return (int) (value ^ (value >>> 32)) & Integer.MAX_VALUE;
    }

    /** The SplitMix64 finaliser: a bijection of {@code long}s that scatters nearby inputs. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
