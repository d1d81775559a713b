package org.lrkit.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;
import org.lrkit.spec.Specs;

/**
 * Learning-rate policies with {@code lrkit-core} alone (no DJL, no dependencies): a one-cycle policy with
 * cyclical momentum, SGDR with warm restarts, a composition, and the same one-cycle written the way PyTorch's
 * {@code OneCycleLR} is, as a spec. Each is a pure function of the 0-based optimizer step; any training loop
 * asks it for step {@code n} before update {@code n}.
 *
 * <pre>
 * java -cp lrkit-core.jar:lrkit-examples.jar org.lrkit.examples.SchedulesOnly
 * </pre>
 */
public final class SchedulesOnly {

    /** Optimizer steps of the example run (10 epochs of 100 steps). */
    public static final long STEPS = 1000;

    private SchedulesOnly() {
    }

    /** One-cycle to 0.1 over {@link #STEPS} steps, momentum from 0.95 down to 0.85 and back. */
    public static Policy oneCycle() {
        OneCycle lr = OneCycle.builder().peak(0.1).totalSteps(STEPS).build();
        return Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85));
    }

    /** SGDR from 0.05: cosine periods of 100, 200 and 400 steps, each restarting at the peak. */
    public static Schedule sgdr() {
        return Sgdr.builder().peak(0.05).firstPeriod(100).periodMultiplier(2).build();
    }

    /** A composition: 50 steps of linear warm-up to 0.05, then a cosine down to 0 over the rest. */
    public static Schedule warmupThenCosine() {
        return Schedule.cosine(0.05, 0, STEPS - 50).withWarmup(Interpolation.LINEAR, 50, 0);
    }

    /** The one-cycle as PyTorch writes it, read from text. */
    public static Policy torchOneCycle() {
        return Specs.parsePolicy("torch.OneCycleLR(max_lr=0.1, total_steps=" + STEPS + ")");
    }

    /** Every {@code every}-th step of the four, as CSV: {@code step,one_cycle,momentum,sgdr,warmup_cosine,torch}. */
    public static List<String> table(int every) {
        Policy oneCycle = oneCycle();
        Schedule sgdr = sgdr();
        Schedule composed = warmupThenCosine();
        Policy torch = torchOneCycle();
        List<String> lines = new ArrayList<>();
        lines.add("step,one_cycle,momentum,sgdr,warmup_cosine,torch");
        for (long step = 0; step < STEPS; step += every) {
            lines.add(String.format(Locale.ROOT, "%d,%.6g,%.4f,%.6g,%.6g,%.6g", step,
                    oneCycle.learningRate().valueAt(step), oneCycle.momentum().orElseThrow().valueAt(step),
                    sgdr.valueAt(step), composed.valueAt(step), torch.learningRate().valueAt(step)));
        }
        return lines;
    }

    /** Prints the table for every 50th step. */
    public static void main(String[] args) {
        table(50).forEach(System.out::println);
    }
}
