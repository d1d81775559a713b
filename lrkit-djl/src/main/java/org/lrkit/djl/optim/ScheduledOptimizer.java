package org.lrkit.djl.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.lrkit.Checks;
import org.lrkit.djl.optim.OptimizerState.ParameterState;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.schedule.Policy;

/**
 * A DJL {@link Optimizer} whose learning rate and momentum (or Adam's beta1) follow an lrkit
 * {@link Policy}, evaluated once per optimizer step at the 0-based step, and whose state lrkit owns:
 * {@link #state()} copies it out and {@link #restore} puts it back, bit for bit.
 *
 * <p>Before training, bind the optimizer to the model's block ({@link #bind}); it learns the parameter
 * names there (DJL's parameter ids differ from one model instance to the next, names do not) and resolves
 * each parameter's {@link ParameterGroups} settings. {@code TrainingRun} binds it for you.
 *
 * <pre>{@code
 * ScheduledSgd sgd = ScheduledSgd.builder(policy).nesterov(true).weightDecay(5e-4).build();
 * sgd.bind(model.getBlock());
 * Trainer trainer = model.newTrainer(new DefaultTrainingConfig(loss).optOptimizer(sgd));
 * sgd.addObserver(applied -> log(applied.step(), applied.learningRate(), applied.momentum()));
 * }</pre>
 *
 * <p>DJL calls {@link #update} once per parameter per step; the parameter's own update count gives the
 * step, the policy is evaluated when a step is seen for the first time, and every parameter of that step
 * uses the same values. After updating a weight the optimizer zeroes its gradient, as DJL's own optimizers
 * do on the PyTorch engine (gradients accumulate otherwise). One device only: the optimizer refuses a
 * second copy of a parameter on another device.
 */
public abstract class ScheduledOptimizer extends Optimizer {

    private final ParameterGroups groups;
    private final double weightDecay;
    private final WeightDecayMode weightDecayMode;
    private final List<Consumer<AppliedValues>> observers = new CopyOnWriteArrayList<>();

    private volatile Policy policy;
    private final Map<String, Binding> bindings = new HashMap<>();
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private long cachedStep = -1;
    private AppliedValues cached;
    private volatile AppliedValues lastApplied;
    private NDManager bufferManager;

    /**
     * @param settings the policy, weight decay and parameter groups every scheduled optimizer takes
     */
    protected ScheduledOptimizer(Builder<?> settings) {
        super(new DjlBuilder());
        this.policy = settings.policy;
        this.groups = settings.groups;
        this.weightDecay = settings.weightDecay;
        this.weightDecayMode = settings.weightDecayMode;
    }

    /**
     * Learns the names and per-parameter settings of {@code block}'s parameters; call it before the first
     * step, and again when training another instance of the architecture. Parameters that need no gradient
     * (BatchNorm running statistics) are never updated by DJL and get no state.
     *
     * @param block the model's block, whose parameters this optimizer will update; not null
     * @return this optimizer
     * @throws IllegalArgumentException if {@code block} is null, a learning-rate prefix of the
     *     {@link ParameterGroups} matches no parameter, or a restored state names parameters the block lacks
     */
    public final synchronized ScheduledOptimizer bind(Block block) {
        Checks.notNull("block", block);
        Map<String, Binding> found = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            names.add(pair.getKey());
            if (parameter.requiresGradient()) {
                found.put(parameter.getId(),
                        new Binding(pair.getKey(), groups.settingsFor(pair.getKey(), parameter.getType())));
            }
        }
        groups.checkPrefixesMatch(names);
        List<String> unknown = new ArrayList<>(slots.keySet());
        found.values().forEach(binding -> unknown.remove(binding.name()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the optimizer holds state for parameters " + unknown
                    + " that the block lacks; bind it to the architecture the state came from");
        }
        bindings.clear();
        bindings.putAll(found);
        return this;
    }

    /**
     * The policy the optimizer follows.
     *
     * @return the current policy, the one last given to the constructor or {@link #setPolicy}
     */
    public Policy policy() {
        return policy;
    }

    /**
     * Follows {@code newPolicy} from the next step on (used when a run resumes under an elastic rule). The
     * step counters and buffers are kept.
     *
     * @param newPolicy the policy to follow from the next step on, not null
     * @throws IllegalArgumentException if {@code newPolicy} is null
     */
    public final synchronized void setPolicy(Policy newPolicy) {
        this.policy = Checks.notNull("newPolicy", newPolicy);
        cachedStep = -1;
        cached = null;
    }

    /**
     * The parameter groups.
     *
     * @return the per-parameter learning-rate multipliers and weight-decay exemptions
     */
    public ParameterGroups groups() {
        return groups;
    }

    /**
     * The weight-decay coefficient.
     *
     * @return the coefficient before group exemptions, {@code >= 0}
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * How weight decay is applied.
     *
     * @return the weight-decay mode
     */
    public WeightDecayMode weightDecayMode() {
        return weightDecayMode;
    }

    /**
     * The number of completed optimizer steps: the 0-based index of the next step.
     *
     * @return the largest update count of any parameter, 0 before the first step
     */
    public final synchronized long step() {
        return slots.values().stream().mapToLong(slot -> slot.updates).max().orElse(0);
    }

    /**
     * The values used by the most recent step.
     *
     * @return the step's values, empty before the first step and after {@link #reset} or {@link #restore}
     */
    public Optional<AppliedValues> lastApplied() {
        return Optional.ofNullable(lastApplied);
    }

    /**
     * Calls {@code observer} once per step, with the values the step uses, when the optimizer starts
     * applying them.
     *
     * @param observer called with each step's values, on the training thread; not null
     * @return this optimizer
     * @throws IllegalArgumentException if {@code observer} is null
     */
    public final ScheduledOptimizer addObserver(Consumer<AppliedValues> observer) {
        observers.add(Checks.notNull("observer", observer));
        return this;
    }

    /**
     * Stops calling {@code observer}.
     *
     * @param observer an observer given to {@link #addObserver}; nothing happens for any other value
     */
    public final void removeObserver(Consumer<AppliedValues> observer) {
        observers.remove(observer);
    }

    /**
     * Copies the state (step counters and buffers) to the host.
     *
     * @return a state that {@link #restore} accepts, here or in a fresh optimizer of the same kind
     */
    public final synchronized OptimizerState state() {
        Map<String, ParameterState> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            Map<String, StoredArray> buffers = new LinkedHashMap<>(slot.pending);
            slot.live.forEach((name, array) -> buffers.put(name, StoredArray.of(array)));
            parameters.put(entry.getKey(), new ParameterState(slot.updates, buffers, slot.scales));
        }
        return new OptimizerState(kind(), step(), parameters);
    }

    /**
     * Replaces the state with {@code state}: the next step is {@code state.step()}, and each parameter's
     * buffers and count are the saved ones (buffers are copied to the device at the parameter's next update).
     *
     * @param state a state from {@link #state()} of an optimizer of the same kind, not null
     * @throws IllegalArgumentException if {@code state} is null, comes from another kind of optimizer, names
     *     parameters that the bound block lacks, or holds a buffer this kind of optimizer does not keep
     */
    public final synchronized void restore(OptimizerState state) {
        Checks.notNull("state", state);
        if (!state.optimizer().equals(kind())) {
            throw new IllegalArgumentException("cannot restore a '" + state.optimizer() + "' optimizer state into a '"
                    + kind() + "' optimizer; use the optimizer the state was saved from");
        }
        if (!bindings.isEmpty()) {
            List<String> unknown = new ArrayList<>(state.parameters().keySet());
            bindings.values().forEach(binding -> unknown.remove(binding.name()));
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("the state holds parameters " + unknown + " that the bound block "
                        + "lacks; restore states from the same architecture");
            }
        }
        for (ParameterState parameter : state.parameters().values()) {
            for (Map.Entry<String, StoredArray> buffer : parameter.buffers().entrySet()) {
                if (!bufferNames().contains(buffer.getKey())) {
                    throw new IllegalArgumentException("'" + kind() + "' optimizers have no buffer '" + buffer.getKey()
                            + "'; they have " + bufferNames());
                }
            }
        }
        clearBuffers();
        for (Map.Entry<String, ParameterState> entry : state.parameters().entrySet()) {
            Slot slot = new Slot();
            slot.updates = entry.getValue().updates();
            slot.pending.putAll(entry.getValue().buffers());
            slot.scales.putAll(entry.getValue().scales());
            slots.put(entry.getKey(), slot);
        }
        cachedStep = -1;
        cached = null;
        lastApplied = null;
    }

    /** Forgets all state: the next step is step 0 again. */
    public final synchronized void reset() {
        clearBuffers();
        cachedStep = -1;
        cached = null;
        lastApplied = null;
    }

    /** Frees the buffers' native memory now (they are also freed with the model); the state is forgotten. */
    public final synchronized void close() {
        reset();
        if (bufferManager != null) {
            bufferManager.close();
            bufferManager = null;
        }
    }

    /** {@inheritDoc} Called by DJL once per parameter per step; do not call it yourself. */
    @Override
    public final synchronized void update(String parameterId, NDArray weight, NDArray grad) {
        Binding binding = bindings.get(parameterId);
        if (binding == null) {
            throw new IllegalStateException(bindings.isEmpty()
                    ? getClass().getSimpleName() + " is not bound to a model: call bind(model.getBlock()) before "
                            + "training (TrainingRun does this for you)"
                    : "parameter " + parameterId + " is not in the block the optimizer is bound to; bind it to the "
                            + "block being trained");
        }
        Slot slot = slots.computeIfAbsent(binding.name(), name -> new Slot());
        if (slot.device == null) {
            slot.device = weight.getDevice();
        } else if (!slot.device.equals(weight.getDevice())) {
            throw new UnsupportedOperationException("parameter " + binding.name() + " is updated on " + slot.device
                    + " and " + weight.getDevice() + "; lrkit's optimizers train on one device");
        }
        AppliedValues values = valuesAt(slot.updates);
        ParameterGroups.Settings settings = binding.settings();
        double learningRate = values.learningRate() * settings.learningRateMultiplier();
        double decay = settings.weightDecay() ? values.weightDecay() : 0.0;
        slot.updates++;
        Update update = new Update(binding.name(), slot, weight, grad, learningRate, values.momentum(), decay);
        apply(update);
        if (!update.gradientCleared) {
            Gradients.zero(weight);
        }
    }

    /**
     * Applies one update to one parameter, in place.
     *
     * @param update the weight, gradient, buffers and the values for this parameter at this step
     */
    protected abstract void apply(Update update);

    /**
     * The momentum (SGD) or beta1 (Adam) at a 0-based step.
     *
     * @param step the 0-based optimizer step, {@code >= 0}
     * @return the momentum or beta1 the policy gives at {@code step}; the optimizer refuses values outside
     *     {@code [0, 1)}
     */
    protected abstract double momentumAt(long step);

    /**
     * The kind of optimizer, as recorded in its state.
     *
     * @return a short name such as {@code "sgd"} or {@code "adamw"}
     */
    protected abstract String kind();

    /**
     * How this optimizer scales its step, which decides how a range test's curve is read for a peak.
     *
     * @return the optimizer's family
     */
    public abstract OptimizerFamily family();

    /**
     * The names of the buffers this kind keeps per parameter.
     *
     * @return the buffer names, the ones {@link Update#buffer} accepts
     */
    protected abstract List<String> bufferNames();

    /**
     * A one-line description of the optimizer's settings, for logs and checkpoints.
     *
     * @return the description, without line breaks
     */
    public abstract String describe();

    @Override
    public String toString() {
        return describe();
    }

    private AppliedValues valuesAt(long step) {
        if (step != cachedStep) {
            double learningRate = policy.learningRate().valueAt(step);
            if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
                throw new IllegalStateException("the policy gives learning rate " + learningRate + " at step " + step
                        + "; learning rates must be finite and >= 0 (a schedule with PastEnd.EXTRAPOLATE can turn "
                        + "negative past its end: use PastEnd.HOLD or a longer plan)");
            }
            double momentum = momentumAt(step);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalStateException("the policy gives momentum (or beta1) " + momentum + " at step " + step
                        + "; it must be in [0, 1)");
            }
            cached = new AppliedValues(step, learningRate, momentum, weightDecay);
            cachedStep = step;
            lastApplied = cached;
            for (Consumer<AppliedValues> observer : observers) {
                observer.accept(cached);
            }
        }
        return cached;
    }

    private void clearBuffers() {
        for (Slot slot : slots.values()) {
            slot.live.values().forEach(NDArray::close);
        }
        slots.clear();
    }

    private NDArray newBuffer(NDArray weight) {
        if (bufferManager == null || !bufferManager.isOpen()) {
            bufferManager = weight.getManager().newSubManager(weight.getDevice());
            bufferManager.setName("lrkit-optimizer-buffers");
        }
        return bufferManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    /** One parameter's update at one step: its arrays and the values to use, multipliers applied. */
    protected final class Update {

        private final String name;
        private final Slot slot;
        private final NDArray weight;
        private final NDArray gradient;
        private final double learningRate;
        private final double momentum;
        private final double weightDecay;
        private boolean gradientCleared;

        private Update(String name, Slot slot, NDArray weight, NDArray gradient, double learningRate, double momentum,
                double weightDecay) {
            this.name = name;
            this.slot = slot;
            this.weight = weight;
            this.gradient = gradient;
            this.learningRate = learningRate;
            this.momentum = momentum;
            this.weightDecay = weightDecay;
        }

        /**
         * The parameter's name.
         *
         * @return the name the parameter has in the bound block
         */
        public String name() {
            return name;
        }

        /**
         * The weight, to update in place.
         *
         * @return the parameter's weight array
         */
        public NDArray weight() {
            return weight;
        }

        /**
         * The gradient; read it, never change it (DJL may pass the same array to other devices).
         *
         * @return the weight's gradient at this step
         */
        public NDArray gradient() {
            return gradient;
        }

        /**
         * The learning rate for this parameter: the policy's value times the group's multiplier.
         *
         * @return the learning rate, finite and {@code >= 0}
         */
        public double learningRate() {
            return learningRate;
        }

        /**
         * The momentum (SGD) or beta1 (Adam) for this step.
         *
         * @return the momentum or beta1, in {@code [0, 1)}
         */
        public double momentum() {
            return momentum;
        }

        /**
         * The weight-decay coefficient for this parameter.
         *
         * @return the optimizer's coefficient, or 0 when the parameter is exempt
         */
        public double weightDecay() {
            return weightDecay;
        }

        /**
         * How weight decay is applied.
         *
         * @return the optimizer's weight-decay mode
         */
        public WeightDecayMode weightDecayMode() {
            return weightDecayMode;
        }

        /**
         * How many updates the parameter has had, this one included.
         *
         * @return the update count, 1 at the first update
         */
        public long count() {
            return slot.updates;
        }

        /**
         * The parameter's buffer {@code bufferName}: zeros shaped like the weight at the first use, the restored
         * array after {@link #restore}, and the same array at every later step.
         *
         * @param bufferName one of the names this kind of optimizer keeps ({@link #bufferNames()})
         * @return the buffer, on the weight's device, owned by the optimizer
         * @throws IllegalArgumentException if this kind of optimizer keeps no buffer named {@code bufferName}
         * @throws IllegalStateException if the restored buffer does not fit the weight's type and shape
         */
        public NDArray buffer(String bufferName) {
            NDArray buffer = slot.live.get(bufferName);
            if (buffer != null) {
                return buffer;
            }
            requireKnown(bufferName);
            buffer = newBuffer(weight);
            StoredArray saved = slot.pending.remove(bufferName);
            if (saved != null) {
                if (!saved.fits(buffer)) {
                    buffer.close();
                    throw new IllegalStateException("restored buffer '" + bufferName + "' of " + name + " is " + saved
                            + " but the weight is " + weight.getDataType().name() + " " + weight.getShape());
                }
                saved.copyInto(buffer);
            }
            slot.live.put(bufferName, buffer);
            return buffer;
        }

        /**
         * The factor {@link #buffer} {@code bufferName} is kept multiplied by: its value in the optimizer's
         * formula is the array divided by this. {@link #state()} saves it with the array, so that a restored
         * optimizer continues bit for bit.
         *
         * @param bufferName one of the names this kind of optimizer keeps
         * @return the scale, 1 unless {@link #rescaled} changed it
         */
        public double bufferScale(String bufferName) {
            return slot.scales.getOrDefault(bufferName, 1.0);
        }

        /**
         * Records that {@link #buffer} {@code bufferName} now holds its value multiplied by {@code scale}.
         *
         * @param bufferName one of the names this kind of optimizer keeps
         * @param scale the new factor, finite and not 0
         * @throws IllegalArgumentException if {@code scale} is 0, NaN or infinite, or the name is unknown
         */
        public void rescaled(String bufferName, double scale) {
            requireKnown(bufferName);
            Checks.finite("scale", scale);
            if (scale == 0) {
                throw new IllegalArgumentException("scale must not be 0, got 0.0");
            }
            if (scale == 1.0) {
                slot.scales.remove(bufferName);
            } else {
                slot.scales.put(bufferName, scale);
            }
        }

        private void requireKnown(String bufferName) {
            if (!bufferNames().contains(bufferName)) {
                throw new IllegalArgumentException("unknown buffer '" + bufferName + "'; expected one of " + bufferNames());
            }
        }

        /** Records that {@link #apply} has already zeroed the weight's gradient (a fused native update does). */
        public void markGradientCleared() {
            gradientCleared = true;
        }
    }

    private record Binding(String name, ParameterGroups.Settings settings) {
    }

    private static final class Slot {
        private long updates;
        private Device device;
        private final Map<String, NDArray> live = new LinkedHashMap<>();
        private final Map<String, StoredArray> pending = new LinkedHashMap<>();
        private final Map<String, Double> scales = new LinkedHashMap<>();
    }

    /** DJL's optimizer constructor needs a builder; lrkit's settings live in lrkit's own builders. */
    private static final class DjlBuilder extends Optimizer.OptimizerBuilder<DjlBuilder> {
        @Override
        protected DjlBuilder self() {
            return this;
        }
    }

    /**
     * What every scheduled optimizer's builder sets: the policy, the weight decay and its mode, the parameter
     * groups. Each setter checks its argument at once and returns the optimizer's own builder, so that the
     * settings chain in any order ({@code ScheduledSgd.builder(policy).weightDecay(5e-4).momentum(0.9)}).
     *
     * @param <B> the optimizer's builder
     */
    public abstract static class Builder<B extends Builder<B>> {

        private final Policy policy;
        private double weightDecay;
        private WeightDecayMode weightDecayMode;
        private ParameterGroups groups = ParameterGroups.uniform();

        /**
         * @param policy the policy, not null
         * @param weightDecayMode the optimizer's default weight-decay mode
         * @param weightDecay the optimizer's default weight-decay coefficient
         * @throws IllegalArgumentException if {@code policy} is null
         */
        protected Builder(Policy policy, WeightDecayMode weightDecayMode, double weightDecay) {
            this.policy = Checks.notNull("policy", policy);
            this.weightDecayMode = weightDecayMode;
            this.weightDecay = weightDecay;
        }

        /**
         * The weight-decay coefficient; the default is the optimizer's (PyTorch's: 0 for SGD and Adam, 0.01
         * for AdamW).
         *
         * @param weightDecay the coefficient, {@code >= 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code weightDecay} is not finite or is {@code < 0}
         */
        public B weightDecay(double weightDecay) {
            this.weightDecay = Checks.nonNegative("weightDecay", weightDecay);
            return self();
        }

        /**
         * How weight decay is applied; the default is the optimizer's (L2 for SGD and Adam, decoupled for
         * AdamW).
         *
         * @param mode the weight-decay mode, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code mode} is null
         */
        public B weightDecayMode(WeightDecayMode mode) {
            this.weightDecayMode = Checks.notNull("weightDecayMode", mode);
            return self();
        }

        /**
         * Per-parameter learning-rate multipliers and weight-decay exemptions; default uniform.
         *
         * @param groups the parameter groups, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code groups} is null
         */
        public B groups(ParameterGroups groups) {
            this.groups = Checks.notNull("groups", groups);
            return self();
        }

        /**
         * The policy the optimizer will follow.
         *
         * @return the policy given to the builder
         */
        protected Policy policy() {
            return policy;
        }

        /**
         * This builder as its own type.
         *
         * @return {@code this}
         */
        protected abstract B self();
    }
}
