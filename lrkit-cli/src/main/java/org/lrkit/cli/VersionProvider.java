package org.lrkit.cli;

import org.lrkit.experiment.run.Environment;
import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code lrkit --version}: lrkit's version (the {@code Implementation-Version} of the jar's
 * manifest, or {@code dev} when running from classes outside the jar), then DJL's, the libtorch build on the
 * class path and the JDK, read without starting the engine:
 *
 * <pre>
 * lrkit 0.1.0
 * DJL 0.36.0
 * libtorch 2.7.1-20250812 (cpu, linux-x86_64)
 * JDK 17.0.17 (Debian, OpenJDK 64-Bit Server VM)
 * </pre>
 */
public final class VersionProvider implements IVersionProvider {

    /** The version of the running lrkit, or {@code "dev"}. */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lrkit " + version(), "DJL " + Environment.djl(), "libtorch "
                + Environment.bundledLibtorch(), "JDK " + Environment.jdk()};
    }
}
