package org.lrkit.djl.optim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.Checks;
import org.lrkit.djl.tensor.StoredArray;

/**
 * Everything a {@link ScheduledOptimizer} remembers between steps, copied to the host: the number of
 * completed steps and, per parameter (by name), its update count and its buffers (SGD's {@code "momentum"},
 * Adam's {@code "exp_avg"} and {@code "exp_avg_sq"}). Restoring it into an optimizer of the same kind makes
 * the following steps bit-identical to those of the optimizer it was taken from. A buffer may be kept
 * multiplied by a known factor, its <em>scale</em> (SGD's fused update keeps the momentum buffer multiplied by
 * the last learning rate it applied): the buffer's value in the optimizer's formula is the stored array divided
 * by its scale, 1 unless {@link ParameterState#scales} says otherwise.
 *
 * <pre>{@code
 * OptimizerState saved = optimizer.state();   // before an LR range test
 * ...
 * optimizer.restore(saved);                   // as if the range test never happened
 * byte[] bytes = saved.toBytes();             // the binary form, as stored in checkpoints
 * }</pre>
 *
 * @param optimizer the kind of optimizer that wrote it ({@code "sgd"}, {@code "adamw"})
 * @param step the number of completed optimizer steps (the 0-based index of the next one)
 * @param parameters per parameter name, its update count and buffers
 */
public record OptimizerState(String optimizer, long step, Map<String, ParameterState> parameters) {

    private static final int MAGIC = 0x4c524f53; // "LROS"
    /** Version 2 adds each buffer's scale; version 1 (scale 1 throughout) is still read. */
    private static final int VERSION = 2;

    /**
     * Checks the components and copies the map, keeping its order; see the record description.
     *
     * @param optimizer the kind of optimizer that wrote it, not null
     * @param step the number of completed optimizer steps, {@code >= 0}
     * @param parameters per parameter name, its update count and buffers; not null
     * @throws IllegalArgumentException if {@code optimizer} or {@code parameters} is null, or {@code step < 0}
     */
    public OptimizerState {
        Checks.notNull("optimizer", optimizer);
        Checks.nonNegative("step", step);
        Checks.notNull("parameters", parameters);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The state of one parameter.
     *
     * @param updates how many updates the parameter has had (Adam's bias-correction count)
     * @param buffers the optimizer's arrays for the parameter, by buffer name
     * @param scales the factor a buffer is stored multiplied by, for the buffers not stored as they are
     */
    public record ParameterState(long updates, Map<String, StoredArray> buffers, Map<String, Double> scales) {

        /**
         * Checks the components and copies the maps, keeping their order; see the record description.
         *
         * @param updates how many updates the parameter has had, {@code >= 0}
         * @param buffers the optimizer's arrays for the parameter, by buffer name; not null
         * @param scales by buffer name, the factor that buffer is stored multiplied by (finite, not 0); absent
         *     names are stored as they are; not null
         * @throws IllegalArgumentException if a map is null, {@code updates < 0}, or a scale names no buffer or
         *     is 0, NaN or infinite
         */
        public ParameterState {
            Checks.nonNegative("updates", updates);
            Checks.notNull("buffers", buffers);
            Checks.notNull("scales", scales);
            for (Map.Entry<String, Double> scale : scales.entrySet()) {
                if (!buffers.containsKey(scale.getKey())) {
                    throw new IllegalArgumentException("scale given for buffer '" + scale.getKey() + "', which is not "
                            + "among the buffers " + buffers.keySet());
                }
                Checks.finite("scale of " + scale.getKey(), scale.getValue());
                if (scale.getValue() == 0) {
                    throw new IllegalArgumentException("scale of " + scale.getKey() + " must not be 0, got 0.0");
                }
            }
            buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
            scales = Collections.unmodifiableMap(new LinkedHashMap<>(scales));
        }

        /**
         * A parameter state whose buffers are all stored as they are (scale 1).
         *
         * @param updates how many updates the parameter has had, {@code >= 0}
         * @param buffers the optimizer's arrays for the parameter, by buffer name; not null
         * @throws IllegalArgumentException if {@code updates < 0} or {@code buffers} is null
         */
        public ParameterState(long updates, Map<String, StoredArray> buffers) {
            this(updates, buffers, Map.of());
        }

        /**
         * The factor buffer {@code name} is stored multiplied by.
         *
         * @param name a buffer name
         * @return its scale, 1 for a buffer stored as it is
         */
        public double scale(String name) {
            return scales.getOrDefault(name, 1.0);
        }
    }

    /**
     * Total bytes of buffer data.
     *
     * @return the sum of the buffers' data lengths over all parameters, in bytes
     */
    public long byteCount() {
        return parameters.values().stream().flatMap(p -> p.buffers().values().stream())
                .mapToLong(array -> array.data().length).sum();
    }

    /**
     * The binary form: magic, version, kind, step, then each parameter's name, count and buffers (each with its
     * scale).
     *
     * @return the bytes that {@link #fromBytes} reads back, as stored in checkpoints
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(optimizer);
            out.writeLong(step);
            out.writeInt(parameters.size());
            for (Map.Entry<String, ParameterState> entry : parameters.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeLong(entry.getValue().updates());
                out.writeInt(entry.getValue().buffers().size());
                for (Map.Entry<String, StoredArray> buffer : entry.getValue().buffers().entrySet()) {
                    out.writeUTF(buffer.getKey());
                    buffer.getValue().writeTo(out);
                    out.writeDouble(entry.getValue().scale(buffer.getKey()));
                }
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
     * @return the state it holds
     * @throws IllegalArgumentException if {@code bytes} is null
     * @throws IOException if the bytes are not an optimizer state or are malformed, naming what is wrong
     */
    public static OptimizerState fromBytes(byte[] bytes) throws IOException {
        Checks.notNull("bytes", bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("not an lrkit optimizer state (magic 0x" + Integer.toHexString(magic)
                        + ", expected 0x" + Integer.toHexString(MAGIC) + ")");
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new IOException("optimizer state format version " + version + " is not supported; this lrkit reads "
                        + "versions 1 and " + VERSION);
            }
            String kind = in.readUTF();
            long step = in.readLong();
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("parameter count must be >= 0, got " + count);
            }
            Map<String, ParameterState> parameters = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long updates = in.readLong();
                int bufferCount = in.readInt();
                if (bufferCount < 0 || bufferCount > 64) {
                    throw new IOException("buffer count of " + name + " must be in [0, 64], got " + bufferCount);
                }
                Map<String, StoredArray> buffers = new LinkedHashMap<>();
                Map<String, Double> scales = new LinkedHashMap<>();
                for (int b = 0; b < bufferCount; b++) {
                    String bufferName = in.readUTF();
                    buffers.put(bufferName, StoredArray.readFrom(in, in.available()));
                    double scale = version == 1 ? 1.0 : in.readDouble();
                    if (scale != 1.0) {
                        scales.put(bufferName, scale);
                    }
                }
                parameters.put(name, new ParameterState(updates, buffers, scales));
            }
            if (in.available() != 0) {
                throw new IOException(in.available() + " unexpected bytes after the optimizer state");
            }
            return new OptimizerState(kind, step, parameters);
        } catch (EOFException e) {
            throw new IOException("optimizer state ends early (truncated)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed optimizer state: " + e.getMessage(), e);
        }
    }
}
