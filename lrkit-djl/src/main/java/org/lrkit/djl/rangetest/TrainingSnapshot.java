package org.lrkit.djl.rangetest;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lrkit.Checks;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.tensor.StoredArray;
import org.lrkit.schedule.Policy;

/**
 * Everything about a model in training that a range test or a probe changes, copied to the host so that it
 * can be put back bit for bit: every parameter array (BatchNorm running statistics included), the gradients
 * the parameters hold, the optimizer's state (buffers and step counters) and policy, and the random state
 * (see {@link EngineRandom}).
 *
 * <pre>{@code
 * TrainingSnapshot before = TrainingSnapshot.capture(model, optimizer);
 * ... anything that trains the model ...
 * before.restore();
 * assert before.differences().isEmpty();
 * }</pre>
 */
public final class TrainingSnapshot {

    private static final NDIndex ALL = new NDIndex("...");

    private final Block block;
    private final ModelWeights weights;
    private final Map<String, StoredArray> gradients;
    private final ScheduledOptimizer optimizer;
    private final OptimizerState optimizerState;
    private final Policy policy;
    private final EngineRandom random;

    private TrainingSnapshot(Block block, ModelWeights weights, Map<String, StoredArray> gradients,
            ScheduledOptimizer optimizer, OptimizerState optimizerState, Policy policy, EngineRandom random) {
        this.block = block;
        this.weights = weights;
        this.gradients = gradients;
        this.optimizer = optimizer;
        this.optimizerState = optimizerState;
        this.policy = policy;
        this.random = random;
    }

    /**
     * Copies the state of {@code model} and, if not null, of {@code optimizer}.
     *
     * @param model the model in training, with a block; not null
     * @param optimizer the optimizer training it, or null to leave optimizer state out
     * @return a host copy of the parameters, gradients, optimizer state and policy, and the random state
     * @throws IllegalArgumentException if {@code model} is null or has no block
     * @throws IllegalStateException if the model's parameters are not initialized yet
     */
    public static TrainingSnapshot capture(Model model, ScheduledOptimizer optimizer) {
        Checks.notNull("model", model);
        Block block = model.getBlock();
        if (block == null) {
            throw new IllegalArgumentException("model has no block; call model.setBlock(block) first");
        }
        ModelWeights weights = ModelWeights.capture(block);
        return new TrainingSnapshot(block, weights, gradients(block), optimizer,
                optimizer == null ? null : optimizer.state(), optimizer == null ? null : optimizer.policy(),
                EngineRandom.capture(model.getNDManager().getEngine()));
    }

    /**
     * The parameters as captured.
     *
     * @return every parameter array at capture time, BatchNorm statistics included
     */
    public ModelWeights weights() {
        return weights;
    }

    /**
     * The optimizer's state as captured.
     *
     * @return the optimizer's state at capture time, or null if no optimizer was given
     */
    public OptimizerState optimizerState() {
        return optimizerState;
    }

    /** Puts the parameters (BatchNorm statistics included) and their gradients back. */
    public void restoreModel() {
        weights.restoreInto(block);
        for (Pair<String, Parameter> pair : block.getParameters()) {
            StoredArray saved = gradients.get(pair.getKey());
            if (saved != null) {
                writeGradient(pair.getValue().getArray(), saved);
            }
        }
    }

    /** Puts everything back: parameters, gradients, the optimizer's state and policy, the random state. */
    public void restore() {
        restoreModel();
        if (optimizer != null) {
            optimizer.restore(optimizerState);
            optimizer.setPolicy(policy);
        }
        random.restore();
    }

    /**
     * What differs from the snapshot now, one line per difference; empty when the model, the optimizer and
     * DJL's Java generator are bit-identical to when it was captured.
     *
     * @return a new list of the differences, in the order parameters, gradients, optimizer, random generator
     */
    public List<String> differences() {
        List<String> differences = new ArrayList<>();
        Map<String, StoredArray> now = ModelWeights.capture(block).arrays();
        for (Map.Entry<String, StoredArray> entry : weights.arrays().entrySet()) {
            if (!entry.getValue().equals(now.get(entry.getKey()))) {
                differences.add("parameter " + entry.getKey() + " differs");
            }
        }
        Map<String, StoredArray> gradientsNow = gradients(block);
        if (!gradientsNow.equals(gradients)) {
            differences.add("gradients differ");
        }
        if (optimizer != null) {
            if (!optimizer.state().equals(optimizerState)) {
                differences.add("optimizer state differs");
            }
            if (!Objects.equals(optimizer.policy(), policy)) {
                differences.add("optimizer policy differs");
            }
        }
        if (!random.javaStateMatches()) {
            differences.add("DJL's Java random generator differs");
        }
        return differences;
    }

    private static Map<String, StoredArray> gradients(Block block) {
        Map<String, StoredArray> gradients = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.requiresGradient() || !parameter.isInitialized()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            if (!weight.hasGradient()) {
                continue;
            }
            try (NDManager scope = weight.getManager().newSubManager()) {
                NDArray gradient = weight.getGradient();
                gradient.attach(scope);
                gradients.put(pair.getKey(), StoredArray.of(gradient));
            }
        }
        return gradients;
    }

    /**
     * Copies {@code saved} into the gradient of {@code weight} in place (an element-wise copy: the gradient
     * keeps its own memory).
     */
    private static void writeGradient(NDArray weight, StoredArray saved) {
        if (!weight.hasGradient()) {
            return;
        }
        try (NDManager scope = weight.getManager().newSubManager()) {
            NDArray gradient = weight.getGradient();
            gradient.attach(scope);
            NDArray values = scope.zeros(gradient.getShape(), gradient.getDataType(), gradient.getDevice());
            saved.copyInto(values);
            gradient.set(ALL, values);
        }
    }
}
