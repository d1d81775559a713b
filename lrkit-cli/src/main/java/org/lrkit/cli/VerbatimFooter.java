package org.lrkit.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The footer of every {@code --help} (the examples) printed line by line as written, never wrapped at the
 * terminal's width, so that an example command can be copied and pasted whole. {@code %%} is printed as
 * {@code %}, as in the rest of the help.
 */
final class VerbatimFooter implements IHelpSectionRenderer {

    /** Puts this renderer in place of picocli's footer for {@code commandLine} and all its subcommands. */
    static void installOn(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                new VerbatimFooter());
        commandLine.getSubcommands().values().forEach(VerbatimFooter::installOn);
    }

    @Override
    public String render(Help help) {
        StringBuilder text = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            text.append(String.format(Locale.ROOT, line)).append(System.lineSeparator());
        }
        return text.toString();
    }
}
