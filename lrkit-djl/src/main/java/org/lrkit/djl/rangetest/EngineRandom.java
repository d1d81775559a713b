package org.lrkit.djl.rangetest;

import ai.djl.engine.Engine;
import ai.djl.util.RandomUtils;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import org.lrkit.Checks;

/**
 * The random state a tool that trains "on the side" (a range test, a curvature probe) disturbs, saved and put
 * back: the engine's seed and DJL's Java-side generator {@link RandomUtils#RANDOM} (used by DJL's samplers and
 * some transforms), which {@link Engine#setRandomSeed} also reseeds.
 *
 * <p>The Java generator is restored exactly, including a Gaussian it holds in reserve (if that was drawn
 * within the last 4096 draws; otherwise the reserve is dropped). The engine's own
 * generator (PyTorch's, behind dropout) cannot be read through DJL, so it is reseeded with the last seed
 * given to {@link Engine#setRandomSeed}: that is its exact state only if nothing random ran since that seed
 * was set. A training loop that reseeds the engine before every step, as lrkit's {@code TrainingRun} does,
 * therefore continues bit-identically.
 */
final class EngineRandom {

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    private static final long INVERSE = inverse(MULTIPLIER);
    /** The fields at the end of {@code java.util.Random}'s serial form: haveNextNextGaussian, nextNextGaussian, seed. */
    private static final int TAIL = 1 + 8 + 8 + 1;
    /** How many draws back a reserved Gaussian is looked for. */
    private static final int MAX_BACK = 4096;

    private final Engine engine;
    private final Integer seed;
    private final byte[] javaState;

    private EngineRandom(Engine engine, Integer seed, byte[] javaState) {
        this.engine = engine;
        this.seed = seed;
        this.javaState = javaState;
    }

    /** Saves the random state of {@code engine}. */
    static EngineRandom capture(Engine engine) {
        Checks.notNull("engine", engine);
        return new EngineRandom(engine, engine.getSeed(), state(RandomUtils.RANDOM));
    }

    /** The engine's last explicit seed, or null if none was ever set. */
    Integer seed() {
        return seed;
    }

    /**
     * Puts the saved state back: the engine reseeded with its last seed (if it had one), then DJL's Java
     * generator set to exactly the saved state.
     */
    void restore() {
        if (seed != null) {
            engine.setRandomSeed(seed);
        }
        restoreJava(RandomUtils.RANDOM, javaState);
    }

    /** Whether {@link RandomUtils#RANDOM} is in the saved state now. */
    boolean javaStateMatches() {
        return Arrays.equals(state(RandomUtils.RANDOM), javaState);
    }

    /** The serialized form of a generator: its last bytes hold its complete state. */
    static byte[] state(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new UncheckedIOException("serializing a java.util.Random to memory cannot fail", e);
        }
        byte[] all = bytes.toByteArray();
        return Arrays.copyOfRange(all, all.length - TAIL, all.length);
    }

    /** Sets {@code random} to the state {@link #state} returned. */
    static void restoreJava(Random random, byte[] state) {
        if (random.getClass() != Random.class) {
            return; // a subclass may keep state we cannot see; leave it alone
        }
        long internal;
        boolean haveGaussian;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            haveGaussian = in.readBoolean();
            in.readDouble();
            internal = in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a saved generator state from memory cannot fail", e);
        }
        if (!haveGaussian) {
            random.setSeed(internal ^ MULTIPLIER);
            return;
        }
        // A Gaussian is held in reserve: it was made, with its twin, some draws ago. Step the generator back
        // draw by draw until one Gaussian drawn from there, then plain draws up to the saved position, recreate
        // the saved state (the reserved value, 64 bits, must match too).
        long candidate = internal;
        for (int back = 1; back <= MAX_BACK; back++) {
            candidate = ((candidate - ADDEND) * INVERSE) & MASK;
            Random probe = new Random();
            probe.setSeed(candidate ^ MULTIPLIER);
            probe.nextGaussian();
            byte[] probed = state(probe);
            long position = internalOf(probed);
            int more = -1;
            for (int m = 0; m <= back; m++) {
                if (position == internal) {
                    more = m;
                    break;
                }
                position = (position * MULTIPLIER + ADDEND) & MASK;
            }
            if (more >= 0 && Arrays.equals(Arrays.copyOf(probed, 9), Arrays.copyOf(state, 9))) {
                random.setSeed(candidate ^ MULTIPLIER);
                random.nextGaussian();
                for (int m = 0; m < more; m++) {
                    random.nextInt();
                }
                return;
            }
        }
        random.setSeed(internal ^ MULTIPLIER); // reserved too long ago: the reserved Gaussian is dropped
    }

    private static long internalOf(byte[] state) {
        long value = 0;
        for (int i = 9; i < 17; i++) {
            value = (value << 8) | (state[i] & 0xFF);
        }
        return value;
    }

    /** The inverse of an odd number modulo 2^48 (Newton's iteration doubles the correct bits each round). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x & MASK;
    }
}
