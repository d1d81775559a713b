package org.lrkit.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.Constant;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.ExponentialDecay;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.InverseTimeDecay;
import org.lrkit.schedule.Join;
import org.lrkit.schedule.MultiStepDecay;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Polynomial;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.StepDecay;
import org.lrkit.schedule.Warmup;
import org.lrkit.spec.Specs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of one {@link Schedule#valueAt(long)} call, for every built-in schedule type.
 *
 * <p>{@link #valueAt} asks one schedule (chosen by the {@code schedule} parameter) for its value at a step
 * that changes on every call: a counter kept in the state and advanced by a large odd stride (about
 * 0.618 of the run, coprime with it) modulo the run length, so successive calls land in different
 * phases and cycles and the JIT can neither constant-fold the step nor hoist the call. The modulo is a
 * compare and a subtraction, not a division, to keep the harness cost small; {@link #stepOnly} measures
 * that cost alone. Scattered steps also defeat the branch predictor on phase and segment tests, which a
 * training loop does not: {@link #valueAtSequential} asks steps 0, 1, 2, ... as training does. Each
 * parameter runs in its own forked JVM, so the call site sees one schedule class, as in a training loop.
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must be 0 B/op for every schedule (evaluating a
 * schedule must not allocate). See {@code docs/benchmarks.md} for the commands and the last results.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScheduleBenchmark {

    /** Steps in the run every native schedule plans for: 10^7. */
    static final long RUN = 10_000_000L;

    /** Steps in the PyTorch {@code OneCycleLR} compat spec's run. */
    static final long TORCH_RUN = 100_000L;

    /** One schedule of each built-in type, with the parameters of a real training run. */
    @State(Scope.Thread)
    public static class Schedules {

        /** Which schedule to time; every name is a key of {@link #all()}. */
        @Param({
            "constant",
            "linear",
            "cosine",
            "exponential",
            "polynomial",
            "stepDecay",
            "multiStepDecay",
            "exponentialDecay",
            "inverseTimeDecay",
            "warmupCosine",
            "join",
            "cyclicalTriangular",
            "cyclicalTriangular2",
            "cyclicalExpRange",
            "sgdrMult2",
            "sgdrMult1.5",
            "oneCycle3Phase",
            "scaledClamped",
            "torch.OneCycleLR",
            "keras.CosineDecay",
            "keras.CosineDecayRestarts",
            "timm.CosineLRScheduler",
        })
        public String schedule;

        // Native schedules, each planned over RUN steps where it has an end.
        final Schedule constant = new Constant(0.1);
        final Schedule linear = new Anneal(Interpolation.LINEAR, 0.1, 0.0, RUN, PastEnd.HOLD);
        final Schedule cosine = new Anneal(Interpolation.COSINE, 0.1, 1e-5, RUN, PastEnd.HOLD);
        final Schedule exponential = new Anneal(Interpolation.EXPONENTIAL, 0.1, 1e-4, RUN, PastEnd.HOLD);
        /** DeepLab's "poly" policy: power 0.9. */
        final Schedule polynomial = new Polynomial(0.01, 0.0, RUN, 0.9, PastEnd.HOLD);
        /** x0.1 three times over the run. */
        final Schedule stepDecay = new StepDecay(0.1, RUN / 4, 0.1);
        /** The wide-ResNet recipe: x0.2 at 30%, 60% and 80% of the run. */
        final Schedule multiStepDecay =
                new MultiStepDecay(0.1, new long[] {3 * RUN / 10, 6 * RUN / 10, 8 * RUN / 10}, 0.2);
        /** 0.1 down to 1e-4 over the run, a factor at every step. */
        final Schedule exponentialDecay = new ExponentialDecay(0.1, Math.pow(1e-3, 1.0 / RUN));
        /** Caffe's LeNet "inv" policy. */
        final Schedule inverseTimeDecay = new InverseTimeDecay(0.01, 1e-4, 0.75);
        /** 1% linear warm-up from 0, then cosine annealing over the rest of the run. */
        final Schedule warmupCosine =
                new Warmup(Interpolation.LINEAR, RUN / 100, 0.0, new Anneal(Interpolation.COSINE, 0.1, 0.0,
                        RUN - RUN / 100, PastEnd.HOLD));
        /** Warm-up-stable-decay: constant for 80% of the run, then a linear decay to 0. */
        final Schedule join = new Join(new Constant(0.1), 8 * RUN / 10,
                new Anneal(Interpolation.LINEAR, 0.1, 0.0, 2 * RUN / 10, PastEnd.HOLD));
        /** The CLR paper's CIFAR-10 bounds and half-cycle of 2000 steps. */
        final Schedule cyclicalTriangular = Cyclical.triangular(0.001, 0.006, 2000);
        final Schedule cyclicalTriangular2 = Cyclical.triangular2(0.001, 0.006, 2000);
        /** gamma = 0.99994, the CLR reference code's example. */
        final Schedule cyclicalExpRange = Cyclical.expRange(0.001, 0.006, 2000, 0.99994);
        /** SGDR, T0 = 10 epochs of 390 steps, T_mult = 2, decay per restart, warm-up of the first cycle. */
        final Schedule sgdrMult2 = Sgdr.of(0.05, 1e-4, 3900, 2.0).withDecay(0.8, 0.8).withWarmup(390, false);
        /** SGDR with a real multiplier, warm-up at every restart. */
        final Schedule sgdrMult15 = Sgdr.of(0.05, 1e-4, 3900, 1.5).withDecay(0.9, 0.7).withWarmup(195, true);
        /** Smith and Topin's three-phase one-cycle: 45% up, 45% down, 10% annihilation. */
        final Schedule oneCycle3Phase = OneCycle.of(0.004, 0.1, 4e-7, RUN, 0.45, 0.1, Interpolation.COSINE);
        /** The wrappers: a per-layer multiplier on a cosine, clamped. */
        final Schedule scaledClamped =
                new Anneal(Interpolation.COSINE, 0.1, 0.0, RUN, PastEnd.HOLD).scaledBy(0.1).clampedTo(1e-5, 1.0);

        // Compatibility specs, built from text as a user would.
        /** Piecewise cosine with fractional knots; the spec is a policy (momentum too), keep its lr. */
        final Schedule torchOneCycle =
                Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=" + TORCH_RUN + ")").learningRate();
        /** Warmup(linear) into Anneal(cosine). */
        final Schedule kerasCosineDecay = Specs.parseSchedule("keras.CosineDecay(initial_learning_rate=0.0, "
                + "decay_steps=" + (RUN - RUN / 100) + ", alpha=0.01, warmup_target=0.1, warmup_steps="
                + RUN / 100 + ")");
        /** Offset(Sgdr) with m_mul. */
        final Schedule kerasCosineDecayRestarts = Specs.parseSchedule("keras.CosineDecayRestarts("
                + "initial_learning_rate=0.1, first_decay_steps=3900, t_mul=2.0, m_mul=0.9, alpha=0.001)");
        /** Join(Anneal(linear), Skip(Sgdr with cycle limit 1)): timm's default warm-up overlapping the cycle. */
        final Schedule timmCosine = Specs.parseSchedule("timm.CosineLRScheduler(base_lr=0.1, t_initial=" + RUN
                + ", lr_min=1e-5, warmup_t=" + RUN / 100 + ", warmup_lr_init=1e-6)");

        private Schedule target;
        private long horizon;
        private long stride;
        private long step;
        private long sequentialStep = -1;

        /** Every schedule by its parameter name, in the order of the {@code @Param} list. */
        Map<String, Schedule> all() {
            Map<String, Schedule> all = new LinkedHashMap<>();
            all.put("constant", constant);
            all.put("linear", linear);
            all.put("cosine", cosine);
            all.put("exponential", exponential);
            all.put("polynomial", polynomial);
            all.put("stepDecay", stepDecay);
            all.put("multiStepDecay", multiStepDecay);
            all.put("exponentialDecay", exponentialDecay);
            all.put("inverseTimeDecay", inverseTimeDecay);
            all.put("warmupCosine", warmupCosine);
            all.put("join", join);
            all.put("cyclicalTriangular", cyclicalTriangular);
            all.put("cyclicalTriangular2", cyclicalTriangular2);
            all.put("cyclicalExpRange", cyclicalExpRange);
            all.put("sgdrMult2", sgdrMult2);
            all.put("sgdrMult1.5", sgdrMult15);
            all.put("oneCycle3Phase", oneCycle3Phase);
            all.put("scaledClamped", scaledClamped);
            all.put("torch.OneCycleLR", torchOneCycle);
            all.put("keras.CosineDecay", kerasCosineDecay);
            all.put("keras.CosineDecayRestarts", kerasCosineDecayRestarts);
            all.put("timm.CosineLRScheduler", timmCosine);
            return Collections.unmodifiableMap(all);
        }

        /** The steps a schedule is sampled over: its planned run. */
        static long horizonOf(String name) {
            return name.equals("torch.OneCycleLR") ? TORCH_RUN : RUN;
        }

        @Setup
        public void setup() {
            target = all().get(schedule);
            if (target == null) {
                throw new IllegalArgumentException("unknown schedule '" + schedule + "'; known: " + all().keySet());
            }
            horizon = horizonOf(schedule);
            stride = strideFor(horizon);
            step = 0;
            sequentialStep = -1;
        }

        /** The next step: {@code (step + stride) mod horizon}, without a division. */
        long nextStep() {
            long next = step + stride;
            if (next >= horizon) {
                next -= horizon;
            }
            step = next;
            return next;
        }

        /** The step after the previous one, back to 0 at the end of the run. */
        long nextSequentialStep() {
            long next = sequentialStep + 1;
            if (next >= horizon) {
                next = 0;
            }
            sequentialStep = next;
            return next;
        }

        Schedule target() {
            return target;
        }
    }

    /** Only the step counter, for the harness cost. */
    @State(Scope.Thread)
    public static class Steps {
        private final long horizon = RUN;
        private final long stride = strideFor(RUN);
        private long step;

        long nextStep() {
            long next = step + stride;
            if (next >= horizon) {
                next -= horizon;
            }
            step = next;
            return next;
        }
    }

    /**
     * An odd stride close to {@code horizon / golden ratio} and coprime with {@code horizon}: the counter
     * visits every step of the run once per {@code horizon} calls, scattered evenly over it.
     */
    static long strideFor(long horizon) {
        long stride = Math.round(horizon * 0.6180339887498949) | 1L;
        while (gcd(stride, horizon) != 1) {
            stride += 2;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }

    /** One evaluation of the chosen schedule at the next step. */
    @Benchmark
    public double valueAt(Schedules schedules) {
        return schedules.target().valueAt(schedules.nextStep());
    }

    /** One evaluation at the step after the previous call's: the access pattern of a training loop. */
    @Benchmark
    public double valueAtSequential(Schedules schedules) {
        return schedules.target().valueAt(schedules.nextSequentialStep());
    }

    /** The harness cost alone: advancing the step counter, no schedule. Subtract it from {@link #valueAt}. */
    @Benchmark
    public long stepOnly(Steps steps) {
        return steps.nextStep();
    }
}
