package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option mixins the commands share: every command still takes the options it took, the defaults and
 * checks hold wherever a mixin is used, and the per-command parts (the run directory's name) follow the
 * command.
 */
class SharedOptionsTest {

    /** A command that mixes in the options whose behaviour depends on nothing else. */
    @Command(name = "probe")
    static final class Probe {

        @Mixin
        RunDirectoryOption out;

        @Mixin
        EngineOptions engine;

        @Mixin
        SeedRangeOptions seeds;

        @Mixin
        RangeTestOptions rangeTest;
    }

    @Test
    void everyCommandTakesTheOptionsItTook() {
        Set<String> run = Set.of("--dataset", "--data", "--model", "--batch-size", "--optimizer", "--momentum",
                "--nesterov", "--weight-decay", "--no-augment", "--train-size", "--test-size", "--device", "--threads",
                "--accumulate", "--clip-norm", "--layer-rates");
        Set<String> training = Set.of("--dataset", "--data", "--model", "--batch-size", "--seed", "--optimizer",
                "--momentum", "--nesterov", "--weight-decay", "--no-augment", "--train-size", "--threads", "--device");
        Set<String> common = Set.of("--quiet", "--verbose", "--help", "--version");
        Map<String, Set<String>> own = Map.of(
                "train", union(run, Set.of("--policy", "--epochs", "--steps", "--seed", "--out", "--checkpoint-dir",
                        "--checkpoint-every", "--resume", "--target", "--find-steps", "--find-start", "--find-end",
                        "--json")),
                "compare", union(run, Set.of("--policy", "--epochs", "--steps", "--seed", "--seeds", "--target",
                        "--out", "--checkpoint-dir", "--checkpoint-every", "--resume", "--find-steps", "--find-start",
                        "--find-end", "--json")),
                "demo", union(run, Set.of("--epochs", "--factor", "--seed", "--seeds", "--target", "--find-steps",
                        "--find-start", "--find-end", "--out", "--resume", "--json")),
                "find", union(training, Set.of("--start", "--end", "--steps", "--mode", "--smoothing",
                        "--validate-every", "--validation-size", "--seeds", "--momentum-grid", "--wd-grid", "--epochs",
                        "--out", "--plot", "--json", "--clip-norm")),
                "estimate", union(training, Set.of("--steps", "--lr", "--spec", "--every", "--curvature-every",
                        "--out", "--plot")),
                "reproduce", Set.of("--list", "--scale", "--seeds", "--out", "--data", "--device", "--threads",
                        "--resume"));
        CommandLine lrkit = new CommandLine(new Main());
        own.forEach((name, options) -> assertThat(longNames(lrkit.getSubcommands().get(name))).as(name)
                .isEqualTo(new TreeSet<>(union(options, common))));
        assertThat(lrkit.getSubcommands().get("train").getCommandSpec().findOption("-q")).isNotNull();
    }

    @Test
    void theRunDirectoryIsNamedAfterTheCommand() {
        CommandLine lrkit = new CommandLine(new Main());
        for (String name : List.of("train", "compare", "demo")) {
            String help = lrkit.getSubcommands().get(name).getUsageMessage();
            assertThat(help).as(name).contains("The run directory (runs/" + name + "-<time>).");
        }
        Probe probe = parse();
        assertThat(probe.out.directory().getFileName().toString()).matches("probe-\\d{8}-\\d{6}(-\\d+)?");
        assertThat(probe.out.directory().getParent()).isEqualTo(Path.of("runs"));
        assertThat(parse("--out", "somewhere").out.directory()).isEqualTo(Path.of("somewhere"));
    }

    @Test
    void theEngineDefaultsToTheCpuAndChecksTheThreads() {
        Probe plain = parse();
        assertThat(plain.engine.device()).isEqualTo("cpu");
        assertThat(plain.engine.requestedDevice()).isNull();
        assertThat(plain.engine.threadCount()).isZero();
        assertThat(plain.engine.requestedThreads()).isNull();
        Probe given = parse("--device", "gpu", "--threads", "3");
        assertThat(given.engine.device()).isEqualTo("gpu");
        assertThat(given.engine.threadCount()).isEqualTo(3);
        assertThatThrownBy(() -> parse("--threads", "0").engine.threadCount())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--threads must be > 0, got 0");
    }

    @Test
    void everyCommandRefusesThreadsBelowOne() {
        for (List<String> line : List.of(List.of("train", "--threads", "0"), List.of("find", "--threads", "0"),
                List.of("reproduce", "clr", "--threads", "0"))) {
            Cli.Result result = Cli.run(line.toArray(String[]::new));
            assertThat(result.exitCode()).as(line.toString()).isEqualTo(2);
            assertThat(result.err()).as(line.toString())
                    .isEqualTo("lrkit: error: --threads must be > 0, got " + line.get(line.size() - 1) + "\n");
        }
    }

    @Test
    void seedsRunFromTheFirstAndAreBounded() {
        assertThat(parse().seeds.seeds()).containsExactly(0);
        assertThat(parse("--seed", "5", "--seeds", "3").seeds.seeds()).containsExactly(5, 6, 7);
        assertThat(SeedRangeOptions.checkCount(1)).isEqualTo(1);
        assertThat(SeedRangeOptions.checkCount(100)).isEqualTo(100);
        assertThatThrownBy(() -> parse("--seeds", "101").seeds.seeds())
                .hasMessage("--seeds must be in [1, 100], got 101");
        assertThatThrownBy(() -> SeedRangeOptions.checkCount(0)).hasMessage("--seeds must be in [1, 100], got 0");
    }

    @Test
    void theRangeTestKeepsItsDefaultsAndChecks() {
        var sweep = parse().rangeTest.sweep();
        assertThat(sweep.steps()).isEqualTo(100);
        assertThat(sweep.start()).isEqualTo(1e-5);
        assertThat(sweep.end()).isEqualTo(10);
        assertThatThrownBy(() -> parse("--find-steps", "3").rangeTest.sweep())
                .hasMessage("--find-steps must be in [4, 100000], got 3");
    }

    private static Probe parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe;
    }

    private static Set<String> longNames(CommandLine command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.getCommandSpec().options()) {
            names.add(option.longestName());
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
