package org.lrkit.djl.curvature;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.Checks;
import org.lrkit.curvature.HessianFreeEstimate;
import org.lrkit.djl.optim.Gradients;
import org.lrkit.djl.rangetest.TrainingSnapshot;

/**
 * The curvature of the loss along its gradient on one batch, from a finite-difference Hessian-vector product,
 * and the best step along the gradient it implies (Smith &amp; Topin 2018, section 4):
 * <pre>
 *   g  = grad f(theta)                       on the batch
 *   d  = (theta + eps g) - theta             the perturbation as applied in the weights' precision
 *   Hd ~ grad f(theta + d) - g
 *   step = d.d / d.Hd                        (= g.g / g.Hg, the minimiser of f(theta - t g) on a quadratic)
 * </pre>
 * with {@code eps = relativeStep * (1 + |theta|) / |g|}, sums in double precision. Both passes run in training mode
 * (BatchNorm on batch statistics, as in training) with the engine reseeded to the same seed, so dropout draws
 * the same masks. Afterwards the parameters, BatchNorm statistics, gradients and random state are put back
 * exactly ({@link TrainingSnapshot}).
 *
 * <pre>{@code
 * CurvatureEstimate c = CurvatureProbe.measure(model, Loss.softmaxCrossEntropyLoss(), batch.getData(),
 *         batch.getLabels(), 1e-3, 42);
 * double step = c.step();
 * }</pre>
 */
public final class CurvatureProbe {

    /** The default relative size of the perturbation, {@code |eps g| / (1 + |theta|)}. */
    public static final double DEFAULT_RELATIVE_STEP = 1e-3;

    private CurvatureProbe() {
    }

    /**
     * Measures the curvature along the gradient of {@code loss} on one batch.
     *
     * @param model the model (initialized)
     * @param loss the training loss
     * @param data the batch's inputs, on the model's device
     * @param labels the batch's labels, on the model's device
     * @param relativeStep {@code |eps g| / (1 + |theta|)}, {@code > 0}; 1e-3 suits float32 weights of a
     *     network (smaller steps drown the change of the gradient in float32 rounding)
     * @param seed the engine seed for both passes (dropout)
     * @return the loss, {@code g.g}, {@code g.Hg}, the perturbation size {@code eps} and the implied step; the
     *     curvature and step are NaN when the gradient is zero or not finite
     * @throws IllegalArgumentException if an argument is null or {@code relativeStep} is not finite or is
     *     {@code <= 0}
     */
    public static CurvatureEstimate measure(Model model, Loss loss, NDList data, NDList labels, double relativeStep,
            int seed) {
        Checks.notNull("model", model);
        Checks.notNull("loss", loss);
        Checks.notNull("data", data);
        Checks.notNull("labels", labels);
        Checks.positive("relativeStep", relativeStep);
        Block block = model.getBlock();
        Engine engine = model.getNDManager().getEngine();
        TrainingSnapshot snapshot = TrainingSnapshot.capture(model, null);
        try (NDManager scope = model.getNDManager().newSubManager()) {
            List<Pair<String, Parameter>> trained = block.getParameters().stream()
                    .filter(pair -> pair.getValue().requiresGradient()).toList();
            Map<String, NDArray> before = new LinkedHashMap<>();
            for (Pair<String, Parameter> pair : trained) {
                NDArray copy = pair.getValue().getArray().duplicate();
                copy.attach(scope);
                before.put(pair.getKey(), copy);
            }
            double lossValue = gradients(block, engine, loss, data, labels, seed, scope);
            Map<String, NDArray> g = readGradients(trained, scope);
            double gg = 0;
            double thetaSquares = 0;
            for (Pair<String, Parameter> pair : trained) {
                gg += dot(g.get(pair.getKey()), g.get(pair.getKey()));
                thetaSquares += dot(before.get(pair.getKey()), before.get(pair.getKey()));
            }
            if (!(gg > 0) || !Double.isFinite(gg)) {
                return new CurvatureEstimate(lossValue, gg, Double.NaN, 0, Double.NaN);
            }
            double eps = relativeStep * (1 + Math.sqrt(thetaSquares)) / Math.sqrt(gg);
            for (Pair<String, Parameter> pair : trained) {
                NDArray weight = pair.getValue().getArray();
                weight.addi(g.get(pair.getKey()).mul(eps));
            }
            gradients(block, engine, loss, data, labels, seed, scope);
            Map<String, NDArray> shifted = readGradients(trained, scope);
            double dd = 0;
            double dHd = 0;
            for (Pair<String, Parameter> pair : trained) {
                String name = pair.getKey();
                NDArray applied = difference(pair.getValue().getArray(), before.get(name), scope);
                NDArray change = difference(shifted.get(name), g.get(name), scope);
                dd += dot(applied, applied);
                dHd += dot(applied, change);
            }
            double step = dd > 0 ? HessianFreeEstimate.alongGradient(dd, dHd) : Double.NaN;
            // d = eps g: report g.g and g.Hg = d.Hd / eps^2
            return new CurvatureEstimate(lossValue, gg, dHd / (eps * eps), eps, step);
        } finally {
            snapshot.restore();
        }
    }

    /** Zeroes the gradients, then one forward and backward pass; returns the loss. */
    private static double gradients(Block block, Engine engine, Loss loss, NDList data, NDList labels, int seed,
            NDManager scope) {
        for (Pair<String, Parameter> pair : block.getParameters()) {
            if (pair.getValue().requiresGradient()) {
                Gradients.zero(pair.getValue().getArray());
            }
        }
        engine.setRandomSeed(seed);
        ParameterStore store = new ParameterStore(scope, false);
        try (GradientCollector collector = engine.newGradientCollector()) {
            NDList predictions = block.forward(store, data, true);
            NDArray value = loss.evaluate(labels, predictions);
            collector.backward(value);
            double result = value.getFloat();
            predictions.close();
            value.close();
            return result;
        }
    }

    private static Map<String, NDArray> readGradients(List<Pair<String, Parameter>> trained, NDManager scope) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : trained) {
            NDArray gradient = pair.getValue().getArray().getGradient();
            gradient.attach(scope);
            NDArray copy = gradient.duplicate();
            copy.attach(scope);
            gradients.put(pair.getKey(), copy);
        }
        return gradients;
    }

    private static NDArray difference(NDArray a, NDArray b, NDManager scope) {
        NDArray a64 = a.toType(DataType.FLOAT64, true);
        NDArray b64 = b.toType(DataType.FLOAT64, true);
        a64.attach(scope);
        b64.attach(scope);
        return a64.subi(b64);
    }

    private static double dot(NDArray a, NDArray b) {
        try (NDManager temporary = a.getManager().newSubManager()) {
            NDArray a64 = a.toType(DataType.FLOAT64, true);
            NDArray b64 = b.toType(DataType.FLOAT64, true);
            a64.attach(temporary);
            b64.attach(temporary);
            return a64.mul(b64).sum().getDouble();
        }
    }
}
