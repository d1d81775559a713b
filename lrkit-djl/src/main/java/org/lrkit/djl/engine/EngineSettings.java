package org.lrkit.djl.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.lrkit.Checks;

/**
 * How to start DJL's engine. DJL reads all of these once, when the engine first loads, so they must be
 * applied before any other DJL call; {@link Engines#start} does that.
 *
 * <ul>
 *   <li><b>offline</b> (default {@code true}): DJL neither downloads anything (the native library must be on
 *       the class path, as {@code pytorch-native-cpu} is) nor contacts its usage-telemetry endpoint. To opt
 *       in to downloads (for example of the CUDA build of libtorch), use {@link #online()}, or set the
 *       environment variable {@code DJL_OFFLINE=false}, which DJL reads before lrkit's setting.
 *   <li><b>telemetry</b> (default {@code false}): DJL's usage tracking stays off ({@code OPT_OUT_TRACKING})
 *       even online, unless {@link #withTelemetry(boolean) withTelemetry(true)}.
 *   <li><b>threads</b>: intra-op and inter-op thread counts of libtorch, 0 for the engine's default (the
 *       number of cores). Runs are bit-identical at a fixed thread count.
 *   <li><b>cacheDirectory</b>: where DJL unpacks libtorch (about 430 MB; default {@code ~/.djl.ai}).
 *   <li><b>device</b>: {@link DeviceKind#CPU} (default) or {@link DeviceKind#GPU}.
 * </ul>
 *
 * <pre>{@code
 * Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1).withDevice(DeviceKind.CPU));
 * }</pre>
 *
 * @param offline whether DJL may not download anything
 * @param telemetry whether DJL's usage telemetry may run (only ever when online)
 * @param intraOpThreads libtorch intra-op threads, {@code >= 0} (0: engine default)
 * @param interOpThreads libtorch inter-op threads, {@code >= 0} (0: engine default)
 * @param cacheDirectory where DJL keeps native libraries, or empty for its default
 * @param device the device to train on
 */
public record EngineSettings(boolean offline, boolean telemetry, int intraOpThreads, int interOpThreads,
        Optional<Path> cacheDirectory, DeviceKind device) {

    /**
     * Checks the components; see the record description.
     *
     * @param offline whether DJL may not download anything
     * @param telemetry whether DJL's usage telemetry may run (only ever when online)
     * @param intraOpThreads libtorch intra-op threads, {@code >= 0} (0: engine default)
     * @param interOpThreads libtorch inter-op threads, {@code >= 0} (0: engine default)
     * @param cacheDirectory where DJL keeps native libraries, or empty for its default; not null
     * @param device the device to train on, not null
     * @throws IllegalArgumentException if a thread count is negative, or {@code cacheDirectory} or
     *     {@code device} is null
     */
    public EngineSettings {
        Checks.nonNegative("intraOpThreads", intraOpThreads);
        Checks.nonNegative("interOpThreads", interOpThreads);
        Checks.notNull("cacheDirectory", cacheDirectory);
        Checks.notNull("device", device);
    }

    /**
     * Offline, no telemetry, the engine's default thread counts and cache directory, CPU.
     *
     * @return the default settings
     */
    public static EngineSettings defaults() {
        return new EngineSettings(true, false, 0, 0, Optional.empty(), DeviceKind.CPU);
    }

    /**
     * These settings allowing DJL to download (telemetry stays off unless asked for).
     *
     * @return new settings with {@code offline} false
     */
    public EngineSettings online() {
        return new EngineSettings(false, telemetry, intraOpThreads, interOpThreads, cacheDirectory, device);
    }

    /**
     * These settings with DJL's usage telemetry allowed ({@code true}) or off.
     *
     * @param allowed true to let DJL's usage telemetry run when online
     * @return new settings; these are unchanged
     */
    public EngineSettings withTelemetry(boolean allowed) {
        return new EngineSettings(offline, allowed, intraOpThreads, interOpThreads, cacheDirectory, device);
    }

    /**
     * These settings with the given libtorch thread counts (0 for the engine default).
     *
     * @param intraOp libtorch intra-op threads, {@code >= 0}
     * @param interOp libtorch inter-op threads, {@code >= 0}
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException if a count is negative
     */
    public EngineSettings withThreads(int intraOp, int interOp) {
        return new EngineSettings(offline, telemetry, intraOp, interOp, cacheDirectory, device);
    }

    /**
     * These settings with DJL's native libraries kept in {@code directory}.
     *
     * @param directory where DJL unpacks libtorch, not null
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException if {@code directory} is null
     */
    public EngineSettings withCacheDirectory(Path directory) {
        return new EngineSettings(offline, telemetry, intraOpThreads, interOpThreads,
                Optional.of(Checks.notNull("directory", directory)), device);
    }

    /**
     * These settings training on {@code kind}.
     *
     * @param kind the device to train on, not null
     * @return new settings; these are unchanged
     * @throws IllegalArgumentException if {@code kind} is null
     */
    public EngineSettings withDevice(DeviceKind kind) {
        return new EngineSettings(offline, telemetry, intraOpThreads, interOpThreads, cacheDirectory, kind);
    }
}
