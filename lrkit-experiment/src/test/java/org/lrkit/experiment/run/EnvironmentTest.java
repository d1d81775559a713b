package org.lrkit.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path root;

    @Test
    void readsTheCommitOfABranchALooseOrPackedRefOrADetachedHead() throws Exception {
        Path git = Files.createDirectories(root.resolve(".git"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        assertThat(Environment.commit(root)).isEqualTo("unknown (refs/heads/main has no commit yet)");

        Files.writeString(git.resolve("packed-refs"), "# pack-refs with: peeled\n" + COMMIT + " refs/heads/main\n");
        assertThat(Environment.commit(root)).isEqualTo(COMMIT);

        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("refs/heads/main"), COMMIT.replace('0', 'f') + "\n");
        assertThat(Environment.commit(root)).isEqualTo(COMMIT.replace('0', 'f'));

        Files.writeString(git.resolve("HEAD"), COMMIT + "\n");
        assertThat(Environment.commit(root)).isEqualTo(COMMIT);
    }

    @Test
    void followsAWorktreeFileAndSaysUnknownWithoutGit() throws Exception {
        assertThat(Environment.commit(root)).isEqualTo("unknown");
        Path real = Files.createDirectories(root.resolve("elsewhere/worktrees/w"));
        Files.writeString(real.resolve("HEAD"), COMMIT + "\n");
        Path tree = Files.createDirectories(root.resolve("tree"));
        Files.writeString(tree.resolve(".git"), "gitdir: ../elsewhere/worktrees/w\n");
        assertThat(Environment.commit(tree)).isEqualTo(COMMIT);
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
}
