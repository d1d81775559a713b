package org.lrkit.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void givesTheCommitAndStateTheBuildRecorded() {
        assertThat(Environment.buildCommit(recorded(COMMIT, "true")))
                .containsExactly(Map.entry("gitCommit", COMMIT), Map.entry("gitUncommittedChanges", "yes"));
        assertThat(Environment.buildCommit(recorded(COMMIT, "false")))
                .containsEntry("gitUncommittedChanges", "no");
    }

    @Test
    void saysUnknownWhenTheBuildRecordedNoCommit() {
        assertThat(Environment.buildCommit(new Properties())).containsExactly(Map.entry("gitCommit", "unknown"));
        assertThat(Environment.buildCommit(recorded("not a commit", "maybe")))
                .containsExactly(Map.entry("gitCommit", "unknown"));
    }

    @Test
    void theBuildRecordedTheCommitOfItsCheckout() throws IOException, InterruptedException {
        Path checkout = Environment.checkout();
        assumeTrue(checkout != null && Files.exists(checkout.resolve(".git")),
                "built outside a git checkout: no commit to compare with");
        Process git = new ProcessBuilder("git", "-C", checkout.toString(), "rev-parse", "HEAD")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(git.waitFor() == 0, "git cannot read the checkout: no commit to compare with");
        assertThat(Environment.recordedBuild().getProperty("git.commit.id")).isEqualTo(head);
    }

    @Test
    void describesTheMachine() {
        Map<String, Object> environment = Environment.capture("9.9");
        assertThat(environment).containsEntry("lrkit", "9.9").containsKeys("djl", "libtorch", "jdk", "gitCommit",
                "machine");
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) environment.get("machine");
        assertThat(machine.get("cores")).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat((String) machine.get("cpu")).isNotBlank();
    }

    private static Properties recorded(String commit, String dirty) {
        Properties properties = new Properties();
        properties.setProperty("git.commit.id", commit);
        properties.setProperty("git.dirty", dirty);
        return properties;
    }
}
