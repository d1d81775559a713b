/**
 * Learning-rate schedules and training policies: the front door of lrkit's API.
 *
 * <p><b>Schedule.</b> A {@link org.lrkit.schedule.Schedule} is a hyperparameter value (learning rate,
 * momentum, Adam's beta1) as a pure function of the 0-based <em>optimizer step</em>:
 * {@code valueAt(k)} is the value the optimizer applies in its {@code k}-th update. Every length, period and
 * milestone in this package is counted in optimizer steps, not epochs or batches; with gradient accumulation
 * one optimizer step spans several batches. {@link org.lrkit.schedule.TrainingClock} converts epochs to
 * steps ({@code clock.steps(10)} for 10 epochs). Schedules are immutable and answer any step in any order.
 *
 * <p><b>Policy.</b> A {@link org.lrkit.schedule.Policy} is what an optimizer follows: the learning-rate
 * schedule and, optionally, schedules of the momentum (SGD) and of Adam's beta1, all on the same step.
 *
 * <p><b>The common schedules.</b>
 * <ul>
 *   <li>one-cycle (Smith &amp; Topin 2018): {@link org.lrkit.schedule.OneCycle#builder()}, usually with the
 *       mirrored momentum {@link org.lrkit.schedule.OneCycle#mirrored};
 *   <li>SGDR, cosine annealing with warm restarts (Loshchilov &amp; Hutter 2017):
 *       {@link org.lrkit.schedule.Sgdr#builder()};
 *   <li>cyclical learning rates (Smith 2017): {@link org.lrkit.schedule.Cyclical#triangular},
 *       {@link org.lrkit.schedule.Cyclical#triangular2}, {@link org.lrkit.schedule.Cyclical#expRange};
 *   <li>step decay: {@link org.lrkit.schedule.StepDecay}, {@link org.lrkit.schedule.MultiStepDecay},
 *       {@link org.lrkit.schedule.ExponentialDecay}, {@link org.lrkit.schedule.InverseTimeDecay};
 *   <li>one interpolation between two values: {@code Schedule.linear}, {@code Schedule.cosine},
 *       {@code Schedule.exponential}, {@code Schedule.polynomial} (curves:
 *       {@link org.lrkit.schedule.Interpolation}); several: {@link org.lrkit.schedule.Piecewise}.
 * </ul>
 *
 * <p><b>Composing.</b> Like {@link java.util.Comparator}, static factories build the primitives and
 * {@code default} methods wrap them into new schedules: {@code withWarmup}, {@code followedBy},
 * {@code skipping}, {@code scaledBy}, {@code plus}, {@code clampedTo}. What happens after the planned end
 * of a finite schedule is its {@link org.lrkit.schedule.PastEnd} rule (hold the last value by default).
 *
 * <pre>{@code
 * long steps = 30 * 390;                                     // 30 epochs of 390 optimizer steps
 * OneCycle oneCycle = OneCycle.builder().peak(0.1).totalSteps(steps).build();
 * Policy policy = Policy.of(oneCycle).withMomentum(oneCycle.mirrored(0.95, 0.85));
 *
 * Schedule sgdr = Sgdr.builder().peak(0.05).firstPeriod(10 * 390).periodMultiplier(2).build();
 * Schedule clr = Cyclical.triangular(0.001, 0.006, 2000);    // 0.001 -> 0.006 -> 0.001 every 4000 steps
 * Schedule step = new StepDecay(0.1, 10 * 390, 0.1);         // x0.1 every 10 epochs
 * Schedule warm = Schedule.cosine(0.1, 0.0, steps - 500)     // cosine annealing
 *         .withWarmup(Interpolation.LINEAR, 500, 0.0)        // after 500 steps of linear warm-up
 *         .clampedTo(1e-5, 1.0);
 * double lr = warm.valueAt(500);                             // 0.1
 * }</pre>
 *
 * <p>Built-in schedules and policies print as text ({@code toSpec()}) that {@code org.lrkit.spec.Specs}
 * reads back, e.g. {@code Specs.parsePolicy("oneCyclePolicy(peak=0.1, totalSteps=11700)")}.
 */
package org.lrkit.schedule;
