package org.lrkit.djl.engine;

import java.util.Locale;
import org.lrkit.Checks;

/** The kind of device to train on, as the command line's {@code --device cpu|gpu} names it. */
public enum DeviceKind {
    /** The CPU. */
    CPU,
    /** The first GPU. */
    GPU;

    /**
     * Reads {@code "cpu"} or {@code "gpu"} (any case).
     *
     * @param text the device's name, {@code "cpu"}, {@code "gpu"} or {@code "cuda"}, in any case, blanks around
     *     it ignored
     * @return {@link #CPU} or {@link #GPU}
     * @throws IllegalArgumentException if {@code text} is null, or for anything else, naming the choices
     */
    public static DeviceKind parse(String text) {
        Checks.notNull("device", text);
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            default -> throw new IllegalArgumentException("device must be cpu or gpu, got '" + text + "'");
        };
    }

    /**
     * The lower-case name, as written on the command line.
     *
     * @return {@code "cpu"} or {@code "gpu"}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
