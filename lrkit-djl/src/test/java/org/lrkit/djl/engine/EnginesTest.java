package org.lrkit.djl.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Offline by default, explicit threads, cache directory and device, and a clear error for a missing GPU. */
class EnginesTest {

    @Test
    void defaultsAreOfflineWithoutTelemetryOnCpu() {
        EngineSettings settings = EngineSettings.defaults();
        assertThat(settings.offline()).isTrue();
        assertThat(settings.telemetry()).isFalse();
        assertThat(settings.device()).isEqualTo(DeviceKind.CPU);
        assertThat(settings.online().offline()).isFalse();
        assertThat(settings.online().telemetry()).as("going online does not turn telemetry on").isFalse();
        assertThatThrownBy(() -> settings.withThreads(-1, 1)).hasMessage("intraOpThreads must be >= 0, got -1");
    }

    @Test
    void applyPropertiesSetsWhatDjlReadsAtStartUp() {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            Engines.applyProperties(EngineSettings.defaults().withThreads(3, 2).withCacheDirectory(Path.of("/tmp/djl-cache")));
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
            assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
            assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("3");
            assertThat(System.getProperty("ai.djl.pytorch.num_interop_threads")).isEqualTo("2");
            assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo("/tmp/djl-cache");
            Engines.applyProperties(EngineSettings.defaults().online());
            assertThat(System.getProperty("ai.djl.offline")).isEqualTo("false");
            assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    void startsTheEngineOnTheCpuAndRefusesOtherSettingsLater() {
        EngineSettings settings = EngineSettings.defaults().withThreads(2, 1);
        Properties saved = (Properties) System.getProperties().clone();
        try {
            assertThat(Engines.start(settings)).isEqualTo(Device.cpu());
            assertThat(Engines.start(settings.withDevice(DeviceKind.CPU))).isEqualTo(Device.cpu());
            assertThatThrownBy(() -> Engines.start(settings.withThreads(1, 1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
            assertThat(Engines.describe()).contains("PyTorch").contains("offline");
        } finally {
            System.setProperties(saved);
        }
    }

    @Test
    void missingGpuIsAClearError() {
        Engine engine = Engine.getInstance();
        if (engine.getGpuCount() > 0) {
            assertThat(Engines.device(engine, DeviceKind.GPU)).isEqualTo(Device.gpu(0));
            return;
        }
        assertThatThrownBy(() -> Engines.device(engine, DeviceKind.GPU)).isInstanceOf(DeviceUnavailableException.class)
                .hasMessageContaining("--device gpu").hasMessageContaining("sees no GPU")
                .hasMessageContaining("--device cpu");
    }

    @Test
    void deviceKindParsesTheCommandLineNames() {
        assertThat(DeviceKind.parse("cpu")).isEqualTo(DeviceKind.CPU);
        assertThat(DeviceKind.parse(" GPU ")).isEqualTo(DeviceKind.GPU);
        assertThat(DeviceKind.GPU.label()).isEqualTo("gpu");
        assertThatThrownBy(() -> DeviceKind.parse("tpu")).hasMessage("device must be cpu or gpu, got 'tpu'");
    }
}
