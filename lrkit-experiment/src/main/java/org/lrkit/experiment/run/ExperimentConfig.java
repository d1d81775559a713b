package org.lrkit.experiment.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.report.Json;

/**
 * The resolved configuration of a run directory, {@code config.json}: the command, the settings, the data
 * read, the seeds, the policies with their resolved specs and lengths, the range test's sweep, the
 * checkpoint schedule and the environment (versions, git commit, machine). Enough to resume the runs and to
 * rebuild the report.
 *
 * @param command {@code train}, {@code compare} or {@code demo}
 * @param commandLine the command line as typed
 * @param created when the directory was made (ISO-8601)
 * @param settings data, model, batch, optimizer, engine
 * @param data what was read: dataset, source, image counts, steps per epoch
 * @param seeds the seeds each policy trains with
 * @param target the test accuracy whose epochs the table counts, or NaN for the default (the best final
 *     accuracy rounded down to a whole percent)
 * @param targetFrom the label of the policy whose final accuracy, rounded down to half a percent, is the
 *     target when {@code target} is NaN; {@code null} for the default
 * @param rangeTest the range test's sweep, or {@code null} when none ran
 * @param rangeSeed the seed of the range test's model and data order
 * @param policies the policies
 * @param checkpointDirectory where this run's checkpoints go ({@code <dir>/<label>/seed-<s>/checkpoint.lrkit}):
 *     the run's own folder inside the {@code --checkpoint-dir} given ({@link #checkpointSubfolder}), or
 *     {@code null} for the run directory's {@code runs/}
 * @param checkpointEvery write a checkpoint every this many epochs (and at the end)
 * @param environment versions, git commit, machine
 * @param snapshotPolicies the labels of the policies whose runs save the model at every cycle end of their
 *     learning rate ({@code runs/<label>/seed-<s>/snapshots/snapshot-cycle-NNN.lrkit}), for a snapshot ensemble
 *     (Loshchilov &amp; Hutter 2017, section 2.4); usually empty
 * @param runId the identity of the run directory, a UUID made when it was created: its checkpoints record it,
 *     and it resumes no checkpoint of another; {@code null} for directories made before lrkit recorded it
 */
public record ExperimentConfig(String command, String commandLine, String created, Settings settings,
        Map<String, Object> data, long[] seeds, double target, String targetFrom, RangeFinder.SweepSettings rangeTest,
        long rangeSeed,
        List<PolicyPlan> policies, Path checkpointDirectory, int checkpointEvery, Map<String, Object> environment,
        List<String> snapshotPolicies, String runId) {

    /** The file name in a run directory. */
    public static final String FILE = "config.json";

    /** The sub-folder of a run's folder that holds its cycle-end snapshots. */
    public static final String SNAPSHOTS = "snapshots";

    /**
     * Checks the values.
     *
     * @param command {@code train}, {@code compare} or {@code demo}
     * @param commandLine the command line as typed
     * @param created when the directory was made (ISO-8601)
     * @param settings data, model, batch, optimizer, engine
     * @param data what was read
     * @param seeds the seeds, at least one; copied
     * @param target the target test accuracy, or NaN for the default
     * @param targetFrom the label of the policy whose final accuracy is the target, or {@code null}
     * @param rangeTest the range test's sweep, or {@code null}
     * @param rangeSeed the seed of the range test
     * @param policies the policies, at least one; copied
     * @param checkpointDirectory where this run's checkpoints go, or {@code null} for the run directory
     * @param checkpointEvery epochs between checkpoints, {@code >= 1}
     * @param environment versions, git commit, machine
     * @param snapshotPolicies the labels of the policies that save snapshots; {@code null} for none; copied
     * @param runId the run directory's UUID, or {@code null}
     * @throws IllegalArgumentException if there is no seed or no policy, or {@code checkpointEvery < 1}
     */
    public ExperimentConfig {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("at least one --policy is needed");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be >= 1, got " + checkpointEvery);
        }
        policies = List.copyOf(policies);
        seeds = seeds.clone();
        snapshotPolicies = snapshotPolicies == null ? List.of() : List.copyOf(snapshotPolicies);
    }

    /**
     * The folder of {@code --checkpoint-dir} that holds one run directory's checkpoints, so that runs sharing a
     * checkpoint directory never meet: the run directory's name and the start of its run id.
     *
     * @param runDirectory the run directory
     * @param runId the run directory's id, not null
     * @return the folder name: the directory's name (characters other than letters, digits, {@code .}, {@code _} and
     *     {@code -} replaced by {@code _}), a dash and the first eight characters of the run id
     */
    public static String checkpointSubfolder(Path runDirectory, String runId) {
        Path name = runDirectory.toAbsolutePath().normalize().getFileName();
        String base = name == null ? "run" : name.toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return base + "-" + runId.substring(0, Math.min(8, runId.length()));
    }

    /**
     * Whether the runs of the policy {@code label} save snapshots at the cycle ends.
     *
     * @param label a policy's label
     * @return whether {@code label} is one of {@link #snapshotPolicies()}
     */
    public boolean savesSnapshots(String label) {
        return snapshotPolicies.contains(label);
    }

    /**
     * The folder that holds the metrics of one policy and seed.
     *
     * @param runDirectory the run directory
     * @param label the policy's label
     * @param seed the seed
     * @return {@code runs/<label>/seed-<seed>} in {@code runDirectory}
     */
    public static Path runFolder(Path runDirectory, String label, long seed) {
        return runDirectory.resolve(runFolderName(label, seed));
    }

    /**
     * The folder of one policy and seed, relative to the run directory, as {@code summary.json} and the
     * report name it.
     *
     * @param label the policy's label
     * @param seed the seed
     * @return {@code runs/<label>/seed-<seed>}
     */
    public static String runFolderName(String label, long seed) {
        return "runs/" + label + "/seed-" + seed;
    }

    /**
     * The checkpoint file of one policy and seed.
     *
     * @param runDirectory the run directory
     * @param label the policy's label
     * @param seed the seed
     * @return the folder of the run's checkpoint: in the {@link #checkpointDirectory()} if there is one, else the run
     *     folder
     */
    public Path checkpointFolder(Path runDirectory, String label, long seed) {
        return checkpointDirectory == null ? runFolder(runDirectory, label, seed)
                : checkpointDirectory.resolve(label).resolve("seed-" + seed);
    }

    /**
     * As {@code config.json}.
     *
     * @return the configuration as a JSON object, by entry name
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", "run configuration");
        map.put("command", command);
        map.put("commandLine", commandLine);
        map.put("created", created);
        if (runId != null) {
            map.put("runId", runId);
        }
        map.put("settings", settings.toJson());
        map.put("data", data);
        map.put("seeds", seeds);
        map.put("target", Double.isNaN(target) ? null : target);
        if (targetFrom != null) {
            map.put("targetFrom", targetFrom);
        }
        if (rangeTest != null) {
            Map<String, Object> range = new LinkedHashMap<>(rangeTest.toJson());
            range.put("seed", rangeSeed);
            map.put("rangeTest", range);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (PolicyPlan plan : policies) {
            list.add(plan.toJson());
        }
        map.put("policies", list);
        Map<String, Object> checkpoints = new LinkedHashMap<>();
        checkpoints.put("directory",
                checkpointDirectory == null ? null : checkpointDirectory.toAbsolutePath().toString());
        checkpoints.put("everyEpochs", checkpointEvery);
        map.put("checkpoints", checkpoints);
        if (!snapshotPolicies.isEmpty()) {
            map.put("snapshotPolicies", snapshotPolicies);
        }
        map.put("environment", environment);
        return map;
    }

    /**
     * Writes {@code config.json} into {@code directory}, atomically.
     *
     * @param directory the run directory, created if missing
     * @throws IOException if the directory cannot be created or the file cannot be written
     */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        AtomicFiles.write(directory.resolve(FILE), Json.write(toJson()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code config.json} of a run directory.
     *
     * @param directory the run directory
     * @return the configuration
     * @throws IllegalArgumentException if the directory has none or it cannot be read, in one line
     */
    public static ExperimentConfig read(Path directory) {
        Path file = directory.resolve(FILE);
        Map<String, Object> map;
        try {
            map = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(directory + " is not an lrkit run directory: it has no " + FILE, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        try {
            List<Object> seedList = Json.array(map, "seeds");
            long[] seeds = seedList.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
            Map<String, Object> range = Json.object(map, "rangeTest");
            RangeFinder.SweepSettings sweep = range.isEmpty() ? null : new RangeFinder.SweepSettings(
                    Json.number(range, "start"), Json.number(range, "end"), (int) Json.whole(range, "steps", 0));
            List<PolicyPlan> plans = new ArrayList<>();
            for (Object entry : Json.array(map, "policies")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> plan = (Map<String, Object>) entry;
                plans.add(PolicyPlan.fromJson(plan));
            }
            Map<String, Object> checkpoints = Json.object(map, "checkpoints");
            String checkpointDirectory = Json.text(checkpoints, "directory", null);
            return new ExperimentConfig(Json.text(map, "command", "train"), Json.text(map, "commandLine", ""),
                    Json.text(map, "created", ""), Settings.fromJson(Json.object(map, "settings")),
                    Json.object(map, "data"), seeds, Json.number(map, "target"), Json.text(map, "targetFrom", null),
                    sweep,
                    Json.whole(range, "seed", 0), plans,
                    checkpointDirectory == null ? null : Path.of(checkpointDirectory),
                    (int) Json.whole(checkpoints, "everyEpochs", 1), Json.object(map, "environment"),
                    Json.array(map, "snapshotPolicies").stream().map(String::valueOf).toList(),
                    Json.text(map, "runId", null));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a configuration this lrkit can read: " + e.getMessage(),
                    e);
        }
    }

    /**
     * This configuration with the engine moved (a resumed run may use another device or thread count).
     *
     * @param newSettings the settings to record
     * @return a copy of this configuration with the settings replaced
     */
    public ExperimentConfig withSettings(Settings newSettings) {
        return new ExperimentConfig(command, commandLine, created, newSettings, data, seeds, target, targetFrom,
                rangeTest,
                rangeSeed, policies, checkpointDirectory, checkpointEvery, environment, snapshotPolicies, runId);
    }
}
