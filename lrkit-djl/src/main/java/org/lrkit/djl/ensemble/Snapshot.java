package org.lrkit.djl.ensemble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.Checks;
import org.lrkit.djl.checkpoint.CheckpointFile;
import org.lrkit.djl.checkpoint.CorruptCheckpointException;
import org.lrkit.djl.tensor.ModelWeights;

/**
 * A model's weights saved at the end of a cycle, in a {@link CheckpointFile} with the sections {@code meta}
 * (kind, cycle, step) and {@code weights}.
 *
 * <pre>{@code
 * Snapshot snapshot = Snapshot.read(dir.resolve("snapshot-cycle-002.lrkit"));
 * snapshot.weights().restoreInto(model.getBlock());
 * }</pre>
 *
 * @param cycle the 0-based cycle it ends
 * @param step the 0-based optimizer step after which it was taken
 * @param weights the model's parameters
 */
public record Snapshot(long cycle, long step, ModelWeights weights) {

    private static final String KIND = "lrkit-snapshot";

    /**
     * Checks the components; see the record description.
     *
     * @param cycle the 0-based cycle it ends, {@code >= 0}
     * @param step the 0-based optimizer step after which it was taken, {@code >= 0}
     * @param weights the model's parameters, not null
     * @throws IllegalArgumentException if {@code cycle} or {@code step} is negative, or {@code weights} is null
     */
    public Snapshot {
        Checks.nonNegative("cycle", cycle);
        Checks.nonNegative("step", step);
        Checks.notNull("weights", weights);
    }

    /**
     * The conventional file name of the snapshot of {@code cycle}: {@code snapshot-cycle-007.lrkit}.
     *
     * @param cycle the 0-based cycle the snapshot ends
     * @return the file name, with the cycle padded to at least 3 digits
     */
    public static String fileName(long cycle) {
        return String.format(java.util.Locale.ROOT, "snapshot-cycle-%03d.lrkit", cycle);
    }

    /**
     * Writes this snapshot atomically.
     *
     * @param path the file to write, replaced atomically
     * @throws IOException if the file cannot be written; it is then unchanged
     */
    public void write(Path path) throws IOException {
        String meta = "kind=" + KIND + "\ncycle=" + cycle + "\nstep=" + step + "\n";
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("meta", meta.getBytes(StandardCharsets.UTF_8));
        sections.put("weights", weights.toBytes());
        CheckpointFile.write(path, sections);
    }

    /**
     * Reads and verifies a snapshot.
     *
     * @param path the snapshot file
     * @return the snapshot it holds
     * @throws CorruptCheckpointException if the file is damaged or not a snapshot
     * @throws IOException if the file cannot be read
     */
    public static Snapshot read(Path path) throws IOException {
        Map<String, byte[]> sections = CheckpointFile.read(path);
        byte[] metaBytes = sections.get("meta");
        byte[] weightBytes = sections.get("weights");
        if (metaBytes == null || weightBytes == null) {
            throw new CorruptCheckpointException(path + " lacks a meta or weights section (it has " + sections.keySet()
                    + ")");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (String line : new String(metaBytes, StandardCharsets.UTF_8).split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                meta.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        if (!KIND.equals(meta.get("kind"))) {
            throw new CorruptCheckpointException(path + " is an lrkit file of kind '" + meta.get("kind")
                    + "', not a snapshot");
        }
        try {
            return new Snapshot(Long.parseLong(meta.get("cycle")), Long.parseLong(meta.get("step")),
                    ModelWeights.fromBytes(weightBytes));
        } catch (NumberFormatException e) {
            throw new CorruptCheckpointException(path + " is corrupt: cycle or step is not an integer", e);
        } catch (CorruptCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptCheckpointException(path + " is corrupt: " + e.getMessage(), e);
        }
    }
}
