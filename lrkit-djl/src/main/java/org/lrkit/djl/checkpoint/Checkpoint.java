package org.lrkit.djl.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.Checks;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.tensor.ModelWeights;

/**
 * The full state of a training run: model weights (BatchNorm running statistics included), the optimizer's
 * buffers and step counters, the policy (its spec text and {@code Policy.fingerprint()}), the progress (step,
 * epoch, position in the data order) and the data plan (seed, batch size, dataset size). Loading a
 * checkpoint into fresh model, optimizer and trainer objects continues the run bit-identically.
 *
 * <p>On disk it is a {@link CheckpointFile} with the sections {@code meta} (UTF-8 {@code key=value} lines),
 * {@code weights} ({@link ModelWeights#toBytes()}) and {@code optimizer} ({@link OptimizerState#toBytes()}).
 * The meta keys {@code seconds} (training time so far), {@code owner.*} (whose run it is) and
 * {@code accumulation} (batches per optimizer step) were added after the first release; files without them
 * read as 0 seconds, no owner and one batch per step.
 *
 * <pre>{@code
 * checkpoint.write(dir.resolve("checkpoint.lrkit"));           // atomic
 * Checkpoint back = Checkpoint.read(dir.resolve("checkpoint.lrkit"));
 * }</pre>
 *
 * @param policySpec the text form of the policy the run followed
 * @param policyFingerprint {@code Policy.fingerprint()} of that policy (SHA-256 of the spec text)
 * @param progress where the run stands
 * @param data the seed, batch size, dataset size and batches per step that fix the data order
 * @param optimizerDescription the optimizer's settings, for people reading the file
 * @param weights the model's parameters
 * @param optimizerState the optimizer's state
 * @param owner whose run this is, as {@code key=value} pairs the trainer chose (the run layer records its run
 *     id, policy label, seed, dataset, training-set size and model), in the meta section as {@code owner.<key>};
 *     empty in checkpoints written before lrkit recorded it
 */
public record Checkpoint(String policySpec, String policyFingerprint, TrainingProgress progress, DataPlan data,
        String optimizerDescription, ModelWeights weights, OptimizerState optimizerState, Map<String, String> owner) {

    static final String KIND = "lrkit-checkpoint";
    private static final String OWNER = "owner.";

    /**
     * Checks the components and copies {@code owner}; see the record description.
     *
     * @param policySpec the text form of the policy the run followed, not null
     * @param policyFingerprint {@code Policy.fingerprint()} of that policy, the hex SHA-256 of {@code policySpec}
     * @param progress where the run stands, not null
     * @param data the seed, batch size, dataset size and batches per step, not null
     * @param optimizerDescription the optimizer's settings, for people reading the file; not null
     * @param weights the model's parameters, not null
     * @param optimizerState the optimizer's state, not null
     * @param owner whose run this is, as {@code key=value} pairs; not null, empty for none (copied, and
     *     unmodifiable afterwards)
     * @throws IllegalArgumentException if a component is null, or {@code policyFingerprint} is not the SHA-256
     *     of {@code policySpec}
     */
    public Checkpoint {
        Checks.notNull("policySpec", policySpec);
        Checks.notNull("policyFingerprint", policyFingerprint);
        Checks.notNull("progress", progress);
        Checks.notNull("data", data);
        Checks.notNull("optimizerDescription", optimizerDescription);
        Checks.notNull("weights", weights);
        Checks.notNull("optimizerState", optimizerState);
        Checks.notNull("owner", owner);
        owner = Collections.unmodifiableMap(new LinkedHashMap<>(owner));
        if (!policyFingerprint.equals(sha256(policySpec))) {
            throw new IllegalArgumentException("policyFingerprint " + policyFingerprint + " is not the SHA-256 of "
                    + "policySpec '" + policySpec + "'; pass policy.toSpec() and policy.fingerprint()");
        }
    }

    /**
     * A checkpoint that records no owner.
     *
     * @param policySpec the text form of the policy the run followed, not null
     * @param policyFingerprint {@code Policy.fingerprint()} of that policy, the hex SHA-256 of {@code policySpec}
     * @param progress where the run stands, not null
     * @param data the seed, batch size, dataset size and batches per step, not null
     * @param optimizerDescription the optimizer's settings, for people reading the file; not null
     * @param weights the model's parameters, not null
     * @param optimizerState the optimizer's state, not null
     * @throws IllegalArgumentException if an argument is null, or {@code policyFingerprint} is not the SHA-256
     *     of {@code policySpec}
     */
    public Checkpoint(String policySpec, String policyFingerprint, TrainingProgress progress, DataPlan data,
            String optimizerDescription, ModelWeights weights, OptimizerState optimizerState) {
        this(policySpec, policyFingerprint, progress, data, optimizerDescription, weights, optimizerState, Map.of());
    }

    /**
     * The owner as {@code key=value, key=value}, or {@code "no owner recorded"}, for messages.
     *
     * @return this checkpoint's owner as one line of text
     */
    public String ownerText() {
        return ownerText(owner);
    }

    /**
     * {@code owner} as {@code key=value, key=value}, or {@code "no owner recorded"}, for messages.
     *
     * @param owner whose run it is, as {@code key=value} pairs in the order to print them; not null
     * @return the pairs joined by {@code ", "}, or {@code "no owner recorded"} if {@code owner} is empty
     */
    public static String ownerText(Map<String, String> owner) {
        if (owner.isEmpty()) {
            return "no owner recorded";
        }
        StringBuilder text = new StringBuilder();
        owner.forEach((key, value) -> text.append(text.length() == 0 ? "" : ", ").append(key).append('=')
                .append(value));
        return text.toString();
    }

    /**
     * Writes this checkpoint to {@code path} atomically (the previous file survives a crash mid-write).
     *
     * @param path the checkpoint file to write, replaced atomically if it exists
     * @throws IOException if the file cannot be written; it is then unchanged
     */
    public void write(Path path) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("kind", KIND);
        meta.put("policy", policySpec);
        meta.put("fingerprint", policyFingerprint);
        meta.put("step", Long.toString(progress.step()));
        meta.put("epoch", Long.toString(progress.epoch()));
        meta.put("batchInEpoch", Long.toString(progress.batchInEpoch()));
        meta.put("plannedSteps", Long.toString(progress.plannedSteps()));
        meta.put("epochLossSum", Double.toHexString(progress.epochLossSum()));
        meta.put("epochLossSteps", Long.toString(progress.epochLossSteps()));
        meta.put("seconds", Double.toHexString(progress.seconds()));
        meta.put("seed", Long.toString(data.seed()));
        meta.put("batchSize", Integer.toString(data.batchSize()));
        meta.put("datasetSize", Long.toString(data.datasetSize()));
        meta.put("accumulation", Integer.toString(data.accumulation()));
        meta.put("optimizer", optimizerDescription);
        meta.put("written", Instant.now().toString());
        owner.forEach((key, value) -> meta.put(OWNER + key, value));
        Map<String, byte[]> sections = new LinkedHashMap<>();
        sections.put("meta", MetaText.format(meta));
        sections.put("weights", weights.toBytes());
        sections.put("optimizer", optimizerState.toBytes());
        CheckpointFile.write(path, sections);
    }

    /**
     * Reads and verifies a checkpoint.
     *
     * @param path the checkpoint file to read, not null
     * @return the checkpoint, with 0 seconds, no owner and one batch per step where the file predates them
     * @throws CorruptCheckpointException if the file is damaged or not a checkpoint, naming the problem
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException if the file cannot be read
     */
    public static Checkpoint read(Path path) throws IOException {
        Map<String, byte[]> sections = CheckpointFile.read(path);
        Map<String, String> meta = MetaText.parse(path, section(path, sections, "meta"));
        if (!KIND.equals(meta.get("kind"))) {
            throw new CorruptCheckpointException(path + " is an lrkit file of kind '" + meta.get("kind")
                    + "', not a training checkpoint");
        }
        ModelWeights weights;
        OptimizerState state;
        try {
            weights = ModelWeights.fromBytes(section(path, sections, "weights"));
            state = OptimizerState.fromBytes(section(path, sections, "optimizer"));
        } catch (CorruptCheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CorruptCheckpointException(path + " is corrupt: " + e.getMessage(), e);
        }
        try {
            TrainingProgress progress = new TrainingProgress(MetaText.longValue(path, meta, "step"),
                    MetaText.longValue(path, meta, "epoch"), MetaText.longValue(path, meta, "batchInEpoch"),
                    MetaText.longValue(path, meta, "plannedSteps"), MetaText.doubleValue(path, meta, "epochLossSum"),
                    MetaText.longValue(path, meta, "epochLossSteps"),
                    meta.containsKey("seconds") ? MetaText.doubleValue(path, meta, "seconds") : 0.0);
            DataPlan data = new DataPlan(MetaText.longValue(path, meta, "seed"),
                    (int) MetaText.longValue(path, meta, "batchSize"), MetaText.longValue(path, meta, "datasetSize"),
                    meta.containsKey("accumulation") ? (int) MetaText.longValue(path, meta, "accumulation") : 1);
            return new Checkpoint(MetaText.value(path, meta, "policy"), MetaText.value(path, meta, "fingerprint"),
                    progress, data, MetaText.value(path, meta, "optimizer"), weights, state, owner(meta));
        } catch (IllegalArgumentException e) {
            throw new CorruptCheckpointException(path + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> owner(Map<String, String> meta) {
        Map<String, String> owner = new LinkedHashMap<>();
        meta.forEach((key, value) -> {
            if (key.startsWith(OWNER) && key.length() > OWNER.length()) {
                owner.put(key.substring(OWNER.length()), value);
            }
        });
        return owner;
    }

    static byte[] section(Path path, Map<String, byte[]> sections, String name) throws CorruptCheckpointException {
        byte[] payload = sections.get(name);
        if (payload == null) {
            throw new CorruptCheckpointException(path + " has no '" + name + "' section (it has " + sections.keySet()
                    + ")");
        }
        return payload;
    }

    /** The hex SHA-256 of {@code text} in UTF-8, as {@code Policy.fingerprint()} computes it. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
