package org.lrkit.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLogLevelTest {

    @Test
    void theVariableIsReadAsPyTorchReadsItAndErrorWhenUnset() {
        assertThat(NativeLogLevel.level(null)).hasValue(NativeLogLevel.ERROR);
        assertThat(NativeLogLevel.level(" ")).hasValue(NativeLogLevel.ERROR);
        assertThat(NativeLogLevel.level("warning")).hasValue(1);
        assertThat(NativeLogLevel.level("INFO")).hasValue(0);
        assertThat(NativeLogLevel.level("3")).hasValue(3);
        assertThat(NativeLogLevel.level("loud")).isEmpty();
    }

    @Test
    void libtorchsOwnFlagsTakeTheLevelOnceTheEngineRuns() {
        assumeTrue(Files.isRegularFile(Path.of("/proc/self/maps")), "libc10 is found through /proc/self/maps");
        Engine.getInstance();

        assertThat(NativeLogLevel.apply()).isEqualTo(NativeLogLevel.level(System.getenv("TORCH_CPP_LOG_LEVEL"))
                .isPresent());
        NativeLogLevel.level(System.getenv("TORCH_CPP_LOG_LEVEL"))
                .ifPresent(level -> assertThat(NativeLogLevel.current()).hasValue(level));
    }
}
