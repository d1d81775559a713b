package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code -q/--quiet} of the commands that report progress on stderr ({@code train}, {@code compare},
 * {@code demo}, {@code find}, {@code estimate}, {@code reproduce}), mixed in with {@code @Mixin}.
 * ({@code schedule} declares its own: it has no progress to silence.)
 */
public final class QuietOption {

    /** Print nothing on stderr but errors. */
    @Option(names = {"-q", "--quiet"}, description = "Print no progress or messages on stderr, only errors.")
    boolean enabled;

    /**
     * Whether {@code --quiet} was given.
     *
     * @return true to print nothing on stderr but errors
     */
    public boolean enabled() {
        return enabled;
    }
}
