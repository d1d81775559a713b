package org.lrkit.spec;

import java.util.List;
import org.lrkit.Checks;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.Join;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Piecewise;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.Warmup;

/**
 * The schedules of Keras, fastai, optax and timm under their own names, argument names and defaults.
 * Values follow each library's documented formula in double precision; restart indices are exact where
 * the libraries use a floating logarithm that can miss a restart by one step.
 */
final class LibrarySpecs {

    private LibrarySpecs() {
    }

    static List<SpecType> types() {
        return List.of(kerasCosineDecay(), kerasCosineDecayRestarts(), fastaiOneCycle(), fastaiSgdr(),
                optaxOneCycle(), optaxSgdr(), timmCosine());
    }

    private static SpecType kerasCosineDecay() {
        return SpecType.named("keras.CosineDecay", "Keras 3 CosineDecay, with its optional linear warm-up")
                .required("initial_learning_rate", "learning rate at step 0")
                .required("decay_steps", "steps of the cosine decay")
                .optional("alpha", "0.0", "final learning rate as a fraction of the decayed-from rate")
                .optional("warmup_target", "none", "learning rate reached by the warm-up, decayed from then on")
                .optional("warmup_steps", "0", "steps of linear warm-up from initial_learning_rate")
                .builds(a -> {
                    double alpha = Checks.fraction("alpha", a.real("alpha"));
                    long decaySteps = Checks.positive("decay_steps", a.integer("decay_steps"));
                    long warmupSteps = Checks.nonNegative("warmup_steps", a.integer("warmup_steps"));
                    double initial = a.real("initial_learning_rate");
                    double top = a.isSet("warmup_target") ? a.real("warmup_target") : initial;
                    Schedule decay = new Anneal(Interpolation.COSINE, top, alpha * top, decaySteps, PastEnd.HOLD);
                    return a.isSet("warmup_target") && warmupSteps > 0
                            ? new Warmup(Interpolation.LINEAR, warmupSteps, initial, decay) : decay;
                });
    }

    private static SpecType kerasCosineDecayRestarts() {
        return SpecType.named("keras.CosineDecayRestarts", "Keras SGDR: floor alpha*initial, amplitude times "
                        + "m_mul per restart, real t_mul")
                .required("initial_learning_rate", "learning rate at step 0")
                .required("first_decay_steps", "steps in the first cycle")
                .optional("t_mul", "2.0", "period multiplier per restart (>= 1)")
                .optional("m_mul", "1.0", "amplitude multiplier per restart")
                .optional("alpha", "0.0", "floor as a fraction of initial_learning_rate")
                .builds(a -> {
                    double initial = a.real("initial_learning_rate");
                    double alpha = Checks.fraction("alpha", a.real("alpha"));
                    Sgdr restarts = Sgdr.of((1 - alpha) * initial, 0.0,
                                    Checks.positive("first_decay_steps", a.integer("first_decay_steps")),
                                    Checks.atLeast("t_mul", a.real("t_mul"), 1.0))
                            .withDecay(Checks.positive("m_mul", a.real("m_mul")), 1.0);
                    return restarts.plus(alpha * initial);
                });
    }

    private static SpecType fastaiOneCycle() {
        return SpecType.named("fastai.fit_one_cycle", "fastai v2 one-cycle: cosine phases, batch i at "
                        + "position i/total_steps, with momentum")
                .required("lr_max", "the peak learning rate")
                .required("total_steps", "batches in the run (epochs * batches per epoch)")
                .optional("div", "25.0", "initial learning rate = lr_max / div")
                .optional("div_final", "100000.0", "final learning rate = lr_max / div_final")
                .optional("pct_start", "0.25", "fraction of the run spent rising, in (0, 1)")
                .optional("moms", "[0.95, 0.85, 0.95]", "momentum at the start, the peak and the end")
                .buildsPolicy(a -> {
                    double pct = a.real("pct_start");
                    if (!(pct > 0 && pct < 1)) {
                        throw new IllegalArgumentException("pct_start must be in (0, 1), got " + pct);
                    }
                    long total = Checks.positive("total_steps", a.integer("total_steps"));
                    double lrMax = a.real("lr_max");
                    double[] knots = {0, pct * total, total};
                    double[] moms = a.reals("moms");
                    if (moms.length != 3) {
                        throw new IllegalArgumentException("moms must list 3 values (start, peak, end), got "
                                + moms.length);
                    }
                    double[] lrs = {lrMax / Checks.positive("div", a.real("div")), lrMax,
                            lrMax / Checks.positive("div_final", a.real("div_final"))};
                    return Policy.of(new Piecewise(Interpolation.COSINE, knots, lrs, PastEnd.HOLD))
                            .withMomentum(new Piecewise(Interpolation.COSINE, knots, moms, PastEnd.HOLD));
                });
    }

    private static SpecType fastaiSgdr() {
        return SpecType.named("fastai.fit_sgdr", "fastai v2 SGDR: n_cycles cosine cycles from lr_max to 0; "
                        + "cycle_mult=1 works (fastai divides by zero)")
                .required("n_cycles", "number of cycles")
                .required("cycle_len", "epochs in the first cycle")
                .required("lr_max", "learning rate after each restart")
                .required("steps_per_epoch", "batches per epoch")
                .optional("cycle_mult", "2", "period multiplier per cycle")
                .builds(a -> {
                    long firstPeriod = Math.multiplyExact(Checks.positive("cycle_len", a.integer("cycle_len")),
                            Checks.positive("steps_per_epoch", a.integer("steps_per_epoch")));
                    return Sgdr.of(a.real("lr_max"), 0.0, firstPeriod, Checks.positive("cycle_mult", a.integer("cycle_mult")))
                            .withCycleLimit(Checks.positive("n_cycles", a.integer("n_cycles")));
                });
    }

    private static SpecType optaxOneCycle() {
        return SpecType.named("optax.cosine_onecycle_schedule", "optax one-cycle: peak at int(pct_start*T), "
                        + "final value at T, then held")
                .required("transition_steps", "steps of the cycle, T")
                .required("peak_value", "the peak")
                .optional("pct_start", "0.3", "fraction of T spent rising")
                .optional("div_factor", "25.0", "initial value = peak_value / div_factor")
                .optional("final_div_factor", "10000.0", "final value = initial / final_div_factor")
                .builds(a -> {
                    long total = Checks.positive("transition_steps", a.integer("transition_steps"));
                    double pct = Checks.fraction("pct_start", a.real("pct_start"));
                    long peakStep = (long) (pct * total);
                    if (peakStep <= 0 || peakStep >= total) {
                        throw new IllegalArgumentException("int(pct_start * transition_steps) = " + peakStep
                                + " leaves a phase with no step; it must lie strictly between 0 and "
                                + "transition_steps=" + total);
                    }
                    double peak = a.real("peak_value");
                    double initial = peak / Checks.positive("div_factor", a.real("div_factor"));
                    double last = initial / Checks.positive("final_div_factor", a.real("final_div_factor"));
                    return new Piecewise(Interpolation.COSINE, new double[] {0, peakStep, total},
                            new double[] {initial, peak, last}, PastEnd.HOLD);
                });
    }

    private static SpecType optaxSgdr() {
        return SpecType.named("optax.sgdr_schedule", "optax SGDR: cycles of warmup_cosine_decay_schedule "
                        + "(decay_steps includes the warm-up); each value a number or one per cycle")
                .required("cycles", "number of cycles")
                .required("init_value", "start of each warm-up")
                .required("peak_value", "value reached by each warm-up")
                .required("warmup_steps", "steps of each warm-up")
                .required("decay_steps", "steps of each cycle, warm-up included")
                .optional("end_value", "0.0", "value at the end of each cycle")
                .builds(a -> {
                    int cycles = Math.toIntExact(Checks.positive("cycles", a.integer("cycles")));
                    double[] init = perCycle(a.reals("init_value"), cycles, "init_value");
                    double[] peak = perCycle(a.reals("peak_value"), cycles, "peak_value");
                    double[] end = perCycle(a.reals("end_value"), cycles, "end_value");
                    long[] warmup = perCycle(a.integers("warmup_steps"), cycles, "warmup_steps");
                    long[] decay = perCycle(a.integers("decay_steps"), cycles, "decay_steps");
                    Schedule schedule = null;
                    for (int i = cycles - 1; i >= 0; i--) {
                        Checks.nonNegative("warmup_steps[" + i + "]", warmup[i]);
                        if (decay[i] <= warmup[i]) {
                            throw new IllegalArgumentException("decay_steps must be > warmup_steps (decay_steps "
                                    + "includes the warm-up), got decay_steps=" + decay[i] + ", warmup_steps="
                                    + warmup[i] + " in cycle " + i);
                        }
                        Schedule cosine = new Anneal(Interpolation.COSINE, peak[i], end[i], decay[i] - warmup[i],
                                PastEnd.HOLD);
                        Schedule cycle = warmup[i] > 0 ? new Warmup(Interpolation.LINEAR, warmup[i], init[i],
                                cosine) : cosine;
                        schedule = schedule == null ? cycle : new Join(cycle, decay[i], schedule);
                    }
                    return schedule;
                });
    }

    private static double[] perCycle(double[] values, int cycles, String name) {
        if (values.length == 1) {
            double[] repeated = new double[cycles];
            java.util.Arrays.fill(repeated, values[0]);
            return repeated;
        }
        checkPerCycle(values.length, cycles, name);
        return values;
    }

    private static long[] perCycle(long[] values, int cycles, String name) {
        if (values.length == 1) {
            long[] repeated = new long[cycles];
            java.util.Arrays.fill(repeated, values[0]);
            return repeated;
        }
        checkPerCycle(values.length, cycles, name);
        return values;
    }

    private static void checkPerCycle(int length, int cycles, String name) {
        if (length != cycles) {
            throw new IllegalArgumentException(name + " must be one number or a list of " + cycles
                    + " (one per cycle), got a list of " + length);
        }
    }

    private static SpecType timmCosine() {
        return SpecType.named("timm.CosineLRScheduler", "timm's cosine scheduler with cycles, decay, limit, "
                        + "k-decay and warm-up, t counted in steps")
                .required("base_lr", "the optimizer's learning rate, the first peak")
                .required("t_initial", "steps in the first cycle")
                .optional("lr_min", "0.0", "the floor")
                .optional("cycle_mul", "1.0", "period multiplier per cycle")
                .optional("cycle_decay", "1.0", "peak multiplier per cycle")
                .optional("cycle_limit", "1", "cycles before holding lr_min (>= 1)")
                .optional("warmup_t", "0", "steps of linear warm-up")
                .optional("warmup_lr_init", "0.0", "learning rate at step 0 of the warm-up")
                .optional("warmup_prefix", "false", "true: cycles start after the warm-up; false: the warm-up "
                        + "overlaps the first cycle (and the rate jumps at its end)")
                .optional("k_decay", "1.0", "k-decay exponent")
                .builds(a -> {
                    Sgdr cosine = Sgdr.builder()
                            .peak(a.real("base_lr"))
                            .floor(a.real("lr_min"))
                            .firstPeriod(Checks.positive("t_initial", a.integer("t_initial")))
                            .periodMultiplier(Checks.atLeast("cycle_mul", a.real("cycle_mul"), 1.0))
                            .peakDecay(Checks.positive("cycle_decay", a.real("cycle_decay")))
                            .cycleLimit(Checks.positive("cycle_limit", a.integer("cycle_limit")))
                            .timeExponent(Checks.positive("k_decay", a.real("k_decay")))
                            .build();
                    long warmup = Checks.nonNegative("warmup_t", a.integer("warmup_t"));
                    if (warmup == 0) {
                        return cosine;
                    }
                    double warmupStart = a.real("warmup_lr_init");
                    if (a.flag("warmup_prefix")) {
                        return new Warmup(Interpolation.LINEAR, warmup, warmupStart, cosine);
                    }
                    return new Join(new Anneal(Interpolation.LINEAR, warmupStart, a.real("base_lr"), warmup,
                            PastEnd.HOLD),
                            warmup, cosine.skipping(warmup));
                });
    }
}
