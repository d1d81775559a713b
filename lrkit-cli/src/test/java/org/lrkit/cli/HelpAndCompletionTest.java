package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Help a user can copy from, and shell completion. */
class HelpAndCompletionTest {

    private static final List<String> COMMANDS = List.of("schedule", "find", "estimate", "demo", "train", "compare",
            "report", "reproduce");

    /** The example commands of a help text, each continued line ({@code \} at the end) joined to its next. */
    private static List<String> examples(String help) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : help.lines().toList()) {
            if (current == null && line.startsWith("  lrkit ")) {
                current = new StringBuilder();
            }
            if (current != null) {
                String text = line.strip();
                boolean continues = text.endsWith("\\");
                current.append(continues ? text.substring(0, text.length() - 1).strip() : text).append(' ');
                if (!continues) {
                    commands.add(current.toString().strip());
                    current = null;
                }
            }
        }
        return commands;
    }

    @Test
    void everyExampleIsAWholeCommandThatCanBeCopied() {
        for (String command : COMMANDS) {
            Cli.Result help = Cli.run(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            List<String> examples = examples(help.out());
            assertThat(examples).as(command).isNotEmpty();
            for (String example : examples) {
                assertThat(example).as(command).startsWith("lrkit " + command);
                assertThat(example.chars().filter(c -> c == '"').count() % 2).as(example).isZero();
                assertThat(example).as(example).doesNotContain("  --").doesNotContain("%%");
            }
            assertThat(help.out().lines()).as(command).allSatisfy(line -> assertThat(line).hasSizeLessThan(81));
        }
        assertThat(examples(Cli.run("train", "--help").out())).contains(
                "lrkit train --policy \"oneCyclePolicy(peak=0.1, totalSteps=auto)\" --epochs 3 --out runs/one-cycle");
    }

    @Test
    void completionIsGeneratedForEveryCommand() {
        Cli.Result completion = Cli.run("generate-completion");
        assertThat(completion.exitCode()).as(completion.err()).isZero();
        assertThat(completion.out()).contains("complete -F", "--policy");
        for (String command : COMMANDS) {
            assertThat(completion.out()).contains(command);
        }
    }
}
