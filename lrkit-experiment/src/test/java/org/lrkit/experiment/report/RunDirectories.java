package org.lrkit.experiment.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes small run directories by hand, as lrkit train/compare/demo would, for the tests that read them. */
public final class RunDirectories {

    private RunDirectories() {
    }

    /** One policy of a synthetic directory: its label, spec, epochs, and per seed its accuracy after each epoch. */
    public record Policy(String label, String spec, int epochs, double[][] accuracyBySeed) {
    }

    /**
     * Writes a run directory: config.json, summary.json, each run's epochs.csv, and with {@code rangeTest} a
     * range test's curve.
     */
    public static void write(Path dir, String command, List<Policy> policies, boolean rangeTest) throws IOException {
        Files.createDirectories(dir);
        int seeds = policies.get(0).accuracyBySeed().length;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("command", command);
        config.put("commandLine", "lrkit " + command + " --synthetic");
        config.put("created", "2025-01-01T12:00:00Z");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataset", "fashion-mnist-embedded");
        settings.put("model", "fashion_cnn");
        settings.put("batchSize", 128);
        settings.put("optimizer", "sgd");
        settings.put("momentum", 0.9);
        settings.put("weightDecay", 5e-4);
        config.put("settings", settings);
        config.put("data", Map.of("name", "fashion-mnist-embedded", "trainImages", 6000, "testImages", 1000,
                "stepsPerEpoch", 46, "source", "inside the lrkit jar"));
        long[] seedList = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            seedList[s] = s;
        }
        config.put("seeds", seedList);
        config.put("target", null);
        if (command.equals("demo")) {
            config.put("targetFrom", policies.get(0).label());
        }
        if (rangeTest) {
            config.put("rangeTest", Map.of("start", 1e-4, "end", 10.0, "steps", 40, "seed", 0));
        }
        List<Map<String, Object>> plans = new ArrayList<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Policy policy : policies) {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("label", policy.label());
            plan.put("given", policy.spec());
            plan.put("spec", policy.spec());
            plan.put("epochs", policy.epochs());
            plan.put("steps", policy.epochs() * 46L);
            plans.add(plan);
            for (int s = 0; s < seeds; s++) {
                double[] accuracy = policy.accuracyBySeed()[s];
                Path folder = dir.resolve("runs").resolve(policy.label()).resolve("seed-" + s);
                Files.createDirectories(folder);
                StringBuilder csv = new StringBuilder("step,epoch,train_loss,val_loss,val_accuracy,lr,seconds\n");
                for (int e = 0; e < accuracy.length; e++) {
                    csv.append((e + 1) * 46).append(',').append(e).append(',').append(1.0 / (e + 2)).append(',')
                            .append(1.2 / (e + 2)).append(',').append(accuracy[e]).append(",0.01,")
                            .append(2.0 * (e + 1))
                            .append('\n');
                }
                Files.writeString(folder.resolve("epochs.csv"), csv, StandardCharsets.UTF_8);
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("label", policy.label());
                run.put("seed", s);
                boolean done = accuracy.length == policy.epochs();
                run.put("status", done ? "completed" : "interrupted");
                run.put("seconds", 2.0 * accuracy.length);
                run.put("finalAccuracy", done ? accuracy[accuracy.length - 1] : null);
                runs.add(run);
            }
        }
        config.put("policies", plans);
        config.put("environment", Map.of("lrkit", "test", "djl", "0.36.0", "libtorch", "PyTorch 2.7.1", "jdk", "17",
                "gitCommit", "unknown", "machine", Map.of("cores", 2, "os", "Linux", "cpu", "test CPU")));
        Files.writeString(dir.resolve("config.json"), Json.write(config), StandardCharsets.UTF_8);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", command);
        summary.put("status", "completed");
        if (rangeTest) {
            Map<String, Object> advice = new LinkedHashMap<>();
            advice.put("suggestions", List.of(Map.of("method", "valley", "lr", 0.01), Map.of("method", "steepest",
                    "lr", 0.003)));
            advice.put("consensus", 0.0055);
            advice.put("clrLower", 0.001);
            advice.put("clrUpper", 0.03);
            advice.put("warnings", List.of());
            advice.put("stepsRun", 40);
            advice.put("stopReason", "completed");
            advice.put("seconds", 3.0);
            summary.put("rangeTest", advice);
            Path curve = dir.resolve("range-test");
            Files.createDirectories(curve);
            StringBuilder csv = new StringBuilder("step,lr,loss,smoothed_loss,val_loss,val_accuracy\n");
            for (int i = 0; i < 40; i++) {
                double lr = 1e-4 * Math.pow(1e5, i / 39.0);
                double loss = 2.3 - 1.5 * Math.exp(-Math.pow(Math.log10(lr) + 1.5, 2)) + (i > 34 ? (i - 34) : 0);
                csv.append(i).append(',').append(lr).append(',').append(loss + 0.1 * Math.sin(i)).append(',')
                        .append(loss).append(",,\n");
            }
            Files.writeString(curve.resolve("curve.csv"), csv, StandardCharsets.UTF_8);
        }
        summary.put("runs", runs);
        Files.writeString(dir.resolve("summary.json"), Json.write(summary), StandardCharsets.UTF_8);
    }
}
