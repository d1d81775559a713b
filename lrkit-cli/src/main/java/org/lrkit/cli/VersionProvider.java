package org.lrkit.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The text of {@code lrkit --version}: {@code lrkit 0.1.0}, from the {@code Implementation-Version} of
 * the jar's manifest, or {@code lrkit dev} when running from classes outside the jar.
 */
public final class VersionProvider implements IVersionProvider {

    /** The version of the running lrkit, or {@code "dev"}. */
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lrkit " + version()};
    }
}
