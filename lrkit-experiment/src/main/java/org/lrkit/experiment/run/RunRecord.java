package org.lrkit.experiment.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lrkit.experiment.report.Json;

/**
 * How one policy and seed of a run directory stands, as {@code summary.json} lists it.
 *
 * @param label the policy's label
 * @param seed the seed
 * @param status pending, running, completed, diverged, interrupted or failed
 * @param plannedSteps the steps it plans
 * @param steps the steps completed (at the last checkpoint, for an interrupted run)
 * @param seconds wall-clock seconds of training, over every session when resumed
 * @param finalAccuracy the test accuracy after the last step, NaN until completed
 * @param message what went wrong, or empty
 */
public record RunRecord(String label, long seed, Status status, long plannedSteps, long steps, double seconds,
        double finalAccuracy, String message) {

    /** Where a run stands. */
    public enum Status {
        /** Not started yet. */
        PENDING,
        /** Training now. */
        RUNNING,
        /** Trained for its planned steps. */
        COMPLETED,
        /** Stopped because the loss became NaN or infinite. */
        DIVERGED,
        /** Stopped by Ctrl-C; resumable from its last checkpoint. */
        INTERRUPTED,
        /** Stopped by an error. */
        FAILED;

        /**
         * The word in {@code summary.json}.
         *
         * @return the lower-case name, e.g. {@code completed}
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads a word of {@code summary.json}; unknown words read as pending.
         *
         * @param word a status word, e.g. {@code completed}
         * @return the status, or {@link #PENDING} for an unknown word
         */
        public static Status of(String word) {
            for (Status status : values()) {
                if (status.word().equals(word)) {
                    return status;
                }
            }
            return PENDING;
        }
    }

    /**
     * Normalizes the message.
     *
     * @param label the policy's label
     * @param seed the seed
     * @param status where the run stands
     * @param plannedSteps the steps it plans
     * @param steps the steps completed
     * @param seconds wall-clock seconds of training
     * @param finalAccuracy the test accuracy after the last step, NaN until completed
     * @param message what went wrong, or empty; {@code null} reads as empty
     */
    public RunRecord {
        message = message == null ? "" : message;
    }

    /**
     * A run not yet started.
     *
     * @param label the policy's label
     * @param seed the seed
     * @param plannedSteps the steps it plans
     * @return a pending record, no step made, no accuracy yet
     */
    public static RunRecord pending(String label, long seed, long plannedSteps) {
        return new RunRecord(label, seed, Status.PENDING, plannedSteps, 0, 0, Double.NaN, "");
    }

    /**
     * This record with another status, step count, time and message.
     *
     * @param newStatus where the run stands now
     * @param newSteps the steps completed
     * @param newSeconds wall-clock seconds of training so far
     * @param newMessage what went wrong, or empty
     * @return a copy of this record with these values replaced
     */
    public RunRecord with(Status newStatus, long newSteps, double newSeconds, String newMessage) {
        return new RunRecord(label, seed, newStatus, plannedSteps, newSteps, newSeconds, finalAccuracy, newMessage);
    }

    /**
     * This record with the final test accuracy.
     *
     * @param accuracy the test accuracy after the last step, in {@code [0, 1]}
     * @return a copy of this record with the accuracy replaced
     */
    public RunRecord withFinalAccuracy(double accuracy) {
        return new RunRecord(label, seed, status, plannedSteps, steps, seconds, accuracy, message);
    }

    /**
     * As an element of the {@code runs} array of {@code summary.json}.
     *
     * @return the record as a JSON object; NaN accuracy as {@code null}
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", label);
        map.put("seed", seed);
        map.put("status", status.word());
        map.put("plannedSteps", plannedSteps);
        map.put("steps", steps);
        map.put("seconds", seconds);
        map.put("finalAccuracy", Double.isNaN(finalAccuracy) ? null : finalAccuracy);
        map.put("folder", ExperimentConfig.runFolderName(label, seed));
        if (!message.isEmpty()) {
            map.put("message", message);
        }
        return map;
    }

    /**
     * Reads an element of the {@code runs} array of {@code summary.json}.
     *
     * @param map an element of the {@code runs} array
     * @return the record; missing values read as defaults (seed 0, pending, no steps, no message)
     */
    public static RunRecord fromJson(Map<String, Object> map) {
        double seconds = Json.number(map, "seconds");
        return new RunRecord(Json.text(map, "label", "policy"), Json.whole(map, "seed", 0),
                Status.of(Json.text(map, "status", "pending")), Json.whole(map, "plannedSteps", 0),
                Json.whole(map, "steps", 0), Double.isNaN(seconds) ? 0 : seconds, Json.number(map, "finalAccuracy"),
                Json.text(map, "message", ""));
    }
}
