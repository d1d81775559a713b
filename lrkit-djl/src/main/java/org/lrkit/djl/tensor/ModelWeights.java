package org.lrkit.djl.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.Checks;

/**
 * Every parameter array of a model, by its name in {@link Block#getParameters()} ({@code "01Conv2d_weight"},
 * {@code "02BatchNorm_runningMean"}, ...): weights, biases and the BatchNorm running statistics, which are
 * parameters too (without gradients). Names, unlike DJL's parameter ids, are the same for every instance of
 * the same architecture, so weights captured from one model restore into a fresh one.
 *
 * <pre>{@code
 * ModelWeights before = ModelWeights.capture(model.getBlock());
 * ... train ...
 * before.restoreInto(model.getBlock());      // back to the captured weights, bit for bit
 * }</pre>
 */
public final class ModelWeights {

    private final Map<String, StoredArray> arrays;

    private ModelWeights(Map<String, StoredArray> arrays) {
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /**
     * Weights from named arrays, in the given order.
     *
     * @param arrays the arrays by parameter name, none of them null; copied
     * @return the weights
     * @throws IllegalArgumentException if {@code arrays} or one of its arrays is null
     */
    public static ModelWeights of(Map<String, StoredArray> arrays) {
        Checks.notNull("arrays", arrays);
        arrays.forEach((name, array) -> Checks.notNull("arrays[" + name + "]", array));
        return new ModelWeights(arrays);
    }

    /**
     * Copies every initialized parameter of {@code block} to the host.
     *
     * @param block the block whose parameters to copy, not null
     * @return a host copy of every parameter, in the block's order
     * @throws IllegalArgumentException if {@code block} is null
     * @throws IllegalStateException if a parameter is not initialized yet (call {@code trainer.initialize}
     *     or {@code block.initialize} first)
     */
    public static ModelWeights capture(Block block) {
        Checks.notNull("block", block);
        Map<String, StoredArray> arrays = new LinkedHashMap<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            Parameter parameter = pair.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + pair.getKey() + " is not initialized; initialize the "
                        + "block (trainer.initialize(inputShape)) before capturing its weights");
            }
            arrays.put(pair.getKey(), StoredArray.of(parameter.getArray()));
        }
        return new ModelWeights(arrays);
    }

    /**
     * Overwrites {@code block}'s parameters in place with these arrays. The block must have exactly these
     * parameter names, with the same shapes and data types; nothing is changed unless all of them match.
     *
     * @param block the block to overwrite, with the captured architecture, initialized
     * @throws IllegalArgumentException if {@code block} is null, naming the first missing, extra or mismatched
     *     parameter otherwise
     * @throws IllegalStateException if a parameter of the block is not initialized
     */
    public void restoreInto(Block block) {
        Checks.notNull("block", block);
        List<Pair<NDArray, StoredArray>> plan = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Pair<String, Parameter> pair : block.getParameters()) {
            String name = pair.getKey();
            StoredArray stored = arrays.get(name);
            if (stored == null) {
                throw new IllegalArgumentException("the weights have no parameter '" + name + "' of the model; they "
                        + "hold " + arrays.keySet() + " - were they saved from a different architecture?");
            }
            Parameter parameter = pair.getValue();
            if (!parameter.isInitialized()) {
                throw new IllegalStateException("parameter " + name + " is not initialized; initialize the block "
                        + "(trainer.initialize(inputShape)) before restoring weights into it");
            }
            NDArray target = parameter.getArray();
            if (!stored.fits(target)) {
                throw new IllegalArgumentException("parameter '" + name + "' is " + target.getDataType().name() + " "
                        + target.getShape() + " in the model but " + stored + " in the weights");
            }
            plan.add(new Pair<>(target, stored));
            seen.add(name);
        }
        if (seen.size() != arrays.size()) {
            List<String> extra = new ArrayList<>(arrays.keySet());
            extra.removeAll(seen);
            throw new IllegalArgumentException("the weights have parameters the model lacks: " + extra
                    + " - were they saved from a different architecture?");
        }
        for (Pair<NDArray, StoredArray> step : plan) {
            step.getValue().copyInto(step.getKey());
        }
    }

    /**
     * The arrays by parameter name, in the block's order.
     *
     * @return an unmodifiable map from parameter name to array
     */
    public Map<String, StoredArray> arrays() {
        return arrays;
    }

    /**
     * Total bytes of array data.
     *
     * @return the sum of the arrays' data lengths, in bytes
     */
    public long byteCount() {
        return arrays.values().stream().mapToLong(array -> array.data().length).sum();
    }

    /**
     * The binary form: parameter count, then name and array for each.
     *
     * @return the bytes that {@link #fromBytes} reads back
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(arrays.size());
            for (Map.Entry<String, StoredArray> entry : arrays.entrySet()) {
                out.writeUTF(entry.getKey());
                entry.getValue().writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the binary form of {@link #toBytes()}.
     *
     * @param bytes the binary form, not null
     * @return the weights it holds
     * @throws IllegalArgumentException if {@code bytes} is null
     * @throws IOException if the bytes are malformed, naming what is wrong
     */
    public static ModelWeights fromBytes(byte[] bytes) throws IOException {
        Checks.notNull("bytes", bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("parameter count must be >= 0, got " + count);
            }
            Map<String, StoredArray> arrays = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                arrays.put(name, StoredArray.readFrom(in, in.available()));
            }
            if (in.available() != 0) {
                throw new IOException(in.available() + " unexpected bytes after the last parameter");
            }
            return new ModelWeights(arrays);
        } catch (java.io.EOFException e) {
            throw new IOException("model weights end early (truncated)", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelWeights that && arrays.equals(that.arrays);
    }

    @Override
    public int hashCode() {
        return arrays.hashCode();
    }

    @Override
    public String toString() {
        return "ModelWeights[" + arrays.size() + " parameters, " + byteCount() + " bytes]";
    }
}
