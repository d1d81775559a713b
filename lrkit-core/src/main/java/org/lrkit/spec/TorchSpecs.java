package org.lrkit.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lrkit.Checks;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.CycleScaling;
import org.lrkit.schedule.Cyclical;
import org.lrkit.schedule.ExponentialDecay;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.MultiStepDecay;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Piecewise;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Sgdr;
import org.lrkit.schedule.StepDecay;

/**
 * PyTorch's {@code torch.optim.lr_scheduler} classes under their own names, argument names and defaults,
 * giving the values PyTorch writes into the optimizer at each step (the value for step {@code t} is the
 * one in effect after {@code t} calls of {@code scheduler.step()}). The base learning rate that PyTorch
 * reads from the optimizer is the argument {@code base_lr}.
 */
final class TorchSpecs {

    private static final Map<String, Interpolation> ANNEAL = NativeSpecs.words(
            new Interpolation[] {Interpolation.COSINE, Interpolation.LINEAR},
            shape -> shape == Interpolation.COSINE ? "cos" : "linear");
    private static final Map<String, String> MODES = NativeSpecs.words(
            new String[] {"triangular", "triangular2", "exp_range"}, mode -> mode);
    private static final String PAST_END =
            "lrkit's rule past the planned end: hold, error or extrapolate (PyTorch's formula)";

    private TorchSpecs() {
    }

    static List<SpecType> types() {
        return List.of(oneCycle(), cyclic(),
                SpecType.named("torch.CosineAnnealingWarmRestarts",
                                "PyTorch's SGDR; lrkit also accepts a real T_mult >= 1")
                        .required("base_lr", "the optimizer's learning rate, the peak of each cycle")
                        .required("T_0", "steps in the first cycle")
                        .optional("T_mult", "1", "period multiplier per restart")
                        .optional("eta_min", "0.0", "the floor")
                        .builds(a -> {
                            Checks.positive("T_0", a.integer("T_0"));
                            Checks.atLeast("T_mult", a.real("T_mult"), 1.0);
                            return Sgdr.of(a.real("base_lr"), a.real("eta_min"), a.integer("T_0"), a.real("T_mult"));
                        }),
                SpecType.named("torch.CosineAnnealingLR",
                                "PyTorch's cosine annealing; periodic past T_max as in PyTorch unless past_end says otherwise")
                        .required("base_lr", "the optimizer's learning rate")
                        .required("T_max", "steps of the half cosine")
                        .optional("eta_min", "0.0", "the value at T_max")
                        .optional("past_end", "extrapolate", PAST_END)
                        .builds(a -> new Anneal(Interpolation.COSINE, a.real("base_lr"), a.real("eta_min"),
                                Checks.positive("T_max", a.integer("T_max")), a.choice("past_end", NativeSpecs.PAST_END))),
                SpecType.named("torch.StepLR", "PyTorch's StepLR: times gamma every step_size steps")
                        .required("base_lr", "the optimizer's learning rate")
                        .required("step_size", "steps between decays")
                        .optional("gamma", "0.1", "multiplier per decay")
                        .builds(a -> new StepDecay(a.real("base_lr"), Checks.positive("step_size", a.integer("step_size")),
                                Checks.positive("gamma", a.real("gamma")))),
                SpecType.named("torch.MultiStepLR", "PyTorch's MultiStepLR: times gamma at each milestone "
                                + "(sorted, as PyTorch does; repeated milestones decay twice)")
                        .required("base_lr", "the optimizer's learning rate")
                        .required("milestones", "steps of the decays")
                        .optional("gamma", "0.1", "multiplier per milestone")
                        .builds(a -> {
                            long[] milestones = a.integers("milestones");
                            Arrays.sort(milestones);
                            return new MultiStepDecay(a.real("base_lr"), milestones,
                                    Checks.positive("gamma", a.real("gamma")));
                        }),
                SpecType.named("torch.ExponentialLR", "PyTorch's ExponentialLR: times gamma every step")
                        .required("base_lr", "the optimizer's learning rate")
                        .required("gamma", "multiplier per step")
                        .builds(a -> new ExponentialDecay(a.real("base_lr"), Checks.positive("gamma", a.real("gamma")))),
                SpecType.named("torch.LinearLR", "PyTorch's LinearLR: base_lr times a factor moving linearly "
                                + "from start_factor to end_factor over total_iters steps, then held")
                        .required("base_lr", "the optimizer's learning rate")
                        .optional("start_factor", "0.3333333333333333", "factor at step 0, in (0, 1]")
                        .optional("end_factor", "1.0", "factor from total_iters on, in [0, 1]")
                        .optional("total_iters", "5", "steps of the ramp")
                        .builds(a -> {
                            double base = a.real("base_lr");
                            double startFactor = a.real("start_factor");
                            if (!(startFactor > 0 && startFactor <= 1)) {
                                throw new IllegalArgumentException("start_factor must be in (0, 1], got " + startFactor);
                            }
                            double endFactor = Checks.fraction("end_factor", a.real("end_factor"));
                            return new Anneal(Interpolation.LINEAR, base * startFactor, base * endFactor,
                                    Checks.positive("total_iters", a.integer("total_iters")), PastEnd.HOLD);
                        }));
    }

    private static SpecType oneCycle() {
        return SpecType.named("torch.OneCycleLR", "PyTorch's OneCycleLR, fractional phase ends included")
                .required("max_lr", "the peak learning rate")
                .optional("total_steps", "none", "steps in the run (or give epochs and steps_per_epoch)")
                .optional("epochs", "none", "epochs in the run, with steps_per_epoch")
                .optional("steps_per_epoch", "none", "steps per epoch, with epochs")
                .optional("pct_start", "0.3", "fraction of the run spent rising, in [0, 1]")
                .optional("anneal_strategy", "cos", "cos or linear")
                .optional("cycle_momentum", "true", "schedule momentum inversely")
                .optional("base_momentum", "0.85", "momentum at the peak learning rate")
                .optional("max_momentum", "0.95", "momentum at the start and end")
                .optional("div_factor", "25.0", "initial learning rate = max_lr / div_factor")
                .optional("final_div_factor", "10000.0", "final learning rate = initial / final_div_factor")
                .optional("three_phase", "false", "add the annihilation phase of the paper")
                .optional("past_end", "extrapolate", PAST_END + "; PyTorch extrapolates at step "
                        + "total_steps and raises after it")
                .buildsPolicy(a -> {
                    long total = totalSteps(a);
                    double pct = Checks.fraction("pct_start", a.real("pct_start"));
                    double maxLr = a.real("max_lr");
                    double initial = maxLr / Checks.positive("div_factor", a.real("div_factor"));
                    double min = initial / Checks.positive("final_div_factor", a.real("final_div_factor"));
                    boolean three = a.flag("three_phase");
                    double[] knots = three
                            ? new double[] {0, pct * total - 1, 2 * pct * total - 2, total - 1}
                            : new double[] {0, pct * total - 1, total - 1};
                    for (int i = 1; i < knots.length; i++) {
                        if (!(knots[i] > knots[i - 1])) {
                            throw new IllegalArgumentException("pct_start=" + pct + " with total_steps=" + total
                                    + " gives phase " + (i - 1) + " no length (it would end at step " + knots[i]
                                    + "); PyTorch divides by zero or skips the warm-up here. Choose pct_start "
                                    + "so that pct_start * total_steps > 1" + (three ? " and pct_start < 0.5" : "")
                                    + ", or use more steps");
                        }
                    }
                    Interpolation shape = a.choice("anneal_strategy", ANNEAL);
                    PastEnd pastEnd = a.choice("past_end", NativeSpecs.PAST_END);
                    double[] lrs = three ? new double[] {initial, maxLr, initial, min} : new double[] {initial, maxLr, min};
                    Policy policy = Policy.of(new Piecewise(shape, knots, lrs, pastEnd));
                    if (!a.flag("cycle_momentum")) {
                        return policy;
                    }
                    double high = a.real("max_momentum");
                    double low = a.real("base_momentum");
                    double[] momenta = three ? new double[] {high, low, high, high} : new double[] {high, low, high};
                    return policy.withMomentum(new Piecewise(shape, knots, momenta, pastEnd));
                });
    }

    private static long totalSteps(Arguments a) {
        if (a.isSet("total_steps")) {
            if (a.isSet("epochs") || a.isSet("steps_per_epoch")) {
                throw new IllegalArgumentException("give either total_steps or epochs with steps_per_epoch, not both");
            }
            return Checks.positive("total_steps", a.integer("total_steps"));
        }
        if (!a.isSet("epochs") || !a.isSet("steps_per_epoch")) {
            throw new IllegalArgumentException("needs total_steps, or both epochs and steps_per_epoch");
        }
        return Math.multiplyExact(Checks.positive("epochs", a.integer("epochs")),
                Checks.positive("steps_per_epoch", a.integer("steps_per_epoch")));
    }

    private static SpecType cyclic() {
        return SpecType.named("torch.CyclicLR", "PyTorch's CyclicLR with its cyclical momentum")
                .required("base_lr", "lower bound of the cycle")
                .required("max_lr", "upper bound of the cycle")
                .optional("step_size_up", "2000", "steps rising")
                .optional("step_size_down", "none", "steps falling (default: step_size_up)")
                .optional("mode", "triangular", "triangular, triangular2 or exp_range")
                .optional("gamma", "1.0", "exp_range decay per step, in (0, 1]")
                .optional("cycle_momentum", "true", "schedule momentum inversely")
                .optional("base_momentum", "0.8", "momentum at the peak learning rate")
                .optional("max_momentum", "0.9", "momentum at the base learning rate")
                .buildsPolicy(a -> {
                    long up = Checks.positive("step_size_up", a.integer("step_size_up"));
                    long down = a.isSet("step_size_down") ? Checks.positive("step_size_down", a.integer("step_size_down")) : up;
                    CycleScaling scaling = switch (a.choice("mode", MODES)) {
                        case "triangular" -> new CycleScaling.Triangular();
                        case "triangular2" -> new CycleScaling.Triangular2();
                        default -> new CycleScaling.ExpRange(Checks.positiveFraction("gamma", a.real("gamma")),
                                CycleScaling.ExpRangeDecay.AMPLITUDE);
                    };
                    Cyclical lr = new Cyclical(a.real("base_lr"), a.real("max_lr"), up, down, scaling);
                    Policy policy = Policy.of(lr);
                    return a.flag("cycle_momentum")
                            ? policy.withMomentum(lr.withBounds(a.real("max_momentum"), a.real("base_momentum")))
                            : policy;
                });
    }
}
