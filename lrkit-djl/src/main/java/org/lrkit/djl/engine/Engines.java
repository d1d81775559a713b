package org.lrkit.djl.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.util.Objects;
import org.lrkit.Checks;

/**
 * Starts DJL's PyTorch engine with {@link EngineSettings} and picks the device.
 *
 * <pre>{@code
 * Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
 * System.out.println(Engines.describe());   // PyTorch 2.7.1, offline, threads 2/1, cpu(), cache ~/.djl.ai
 * }</pre>
 *
 * <p>The settings become system properties that DJL reads when its engine loads, so they only take effect
 * if {@code start} runs before anything else touches DJL. Starting again with other settings is refused,
 * since the running engine would silently keep the first ones.
 *
 * <p>libtorch's C++ messages are kept to errors unless {@code TORCH_CPP_LOG_LEVEL} asks for more (see
 * {@link NativeLogLevel}).
 */
public final class Engines {

    static final String OFFLINE = "ai.djl.offline";
    static final String TRACKING_OPT_OUT = "OPT_OUT_TRACKING";
    static final String INTRA_OP_THREADS = "ai.djl.pytorch.num_threads";
    static final String INTER_OP_THREADS = "ai.djl.pytorch.num_interop_threads";
    static final String CACHE_DIRECTORY = "DJL_CACHE_DIR";

    private static EngineSettings started;

    private Engines() {
    }

    /**
     * Applies {@code settings} (if the engine has not started) and starts the engine.
     *
     * @param settings how to start the engine, not null
     * @return the device to train on
     * @throws IllegalArgumentException if {@code settings} is null
     * @throws IllegalStateException if lrkit already started the engine with different settings
     * @throws DeviceUnavailableException if a GPU is asked for and the engine sees none
     */
    public static synchronized Device start(EngineSettings settings) {
        Checks.notNull("settings", settings);
        if (started != null && !sameEngine(started, settings)) {
            throw new IllegalStateException("the DJL engine already started with " + started + "; offline mode, "
                    + "threads and cache directory are read once when it loads, so start it once per JVM");
        }
        if (started == null) {
            applyProperties(settings);
        }
        Engine engine = Engine.getInstance();
        if (started == null) {
            NativeLogLevel.apply();
        }
        started = settings;
        return device(engine, settings.device());
    }

    /**
     * Sets the system properties DJL reads at start-up, without starting the engine. Useful where something
     * else starts DJL; {@link #start} calls it.
     *
     * @param settings the settings to apply, not null
     * @throws IllegalArgumentException if {@code settings} is null
     */
    public static void applyProperties(EngineSettings settings) {
        Checks.notNull("settings", settings);
        System.setProperty(OFFLINE, Boolean.toString(settings.offline()));
        if (!settings.telemetry()) {
            System.setProperty(TRACKING_OPT_OUT, "true");
        } else {
            System.clearProperty(TRACKING_OPT_OUT);
        }
        if (settings.intraOpThreads() > 0) {
            System.setProperty(INTRA_OP_THREADS, Integer.toString(settings.intraOpThreads()));
        }
        if (settings.interOpThreads() > 0) {
            System.setProperty(INTER_OP_THREADS, Integer.toString(settings.interOpThreads()));
        }
        settings.cacheDirectory().ifPresent(directory ->
                System.setProperty(CACHE_DIRECTORY, directory.toAbsolutePath().toString()));
    }

    /**
     * The device of {@code kind} on {@code engine}.
     *
     * @param engine the running engine, not null
     * @param kind the kind of device, not null
     * @return the CPU, or the first GPU
     * @throws IllegalArgumentException if {@code engine} or {@code kind} is null
     * @throws DeviceUnavailableException if a GPU is asked for and the engine sees none
     */
    public static Device device(Engine engine, DeviceKind kind) {
        Checks.notNull("engine", engine);
        Checks.notNull("kind", kind);
        if (kind == DeviceKind.CPU) {
            return Device.cpu();
        }
        int gpus = engine.getGpuCount();
        if (gpus == 0) {
            throw new DeviceUnavailableException("--device gpu was asked for, but " + engine.getEngineName() + " "
                    + engine.getVersion() + " sees no GPU. A GPU run needs an NVIDIA driver and the CUDA build of "
                    + "libtorch " + engine.getVersion() + " that matches DJL " + Engine.getDjlVersion()
                    + " (ai.djl.pytorch:pytorch-native-cu128 on the class path, or online mode so DJL can download "
                    + "it); use --device cpu to train on the CPU");
        }
        return Device.gpu(0);
    }

    /**
     * A one-line description of the running engine: name, version, offline mode, threads, cache directory.
     *
     * @return the description, without line breaks; it starts the engine if nothing has yet
     */
    public static String describe() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + "), "
                + (Utils.isOfflineMode() ? "offline" : "online") + ", threads "
                + Objects.toString(System.getProperty(INTRA_OP_THREADS), "default") + "/"
                + Objects.toString(System.getProperty(INTER_OP_THREADS), "default") + ", GPUs "
                + engine.getGpuCount() + ", cache " + Utils.getEngineCacheDir();
    }

    private static boolean sameEngine(EngineSettings a, EngineSettings b) {
        return a.offline() == b.offline() && a.telemetry() == b.telemetry() && a.intraOpThreads() == b.intraOpThreads()
                && a.interOpThreads() == b.interOpThreads() && a.cacheDirectory().equals(b.cacheDirectory());
    }
}
