package org.lrkit.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec given as {@code @file}: the file's lines, lines starting with {@code #} (after blanks) left out as
 * comments, joined and stripped. The command line reads such files itself, so that a spec holding spaces
 * stays one argument.
 *
 * <pre>{@code
 * String text = SpecFile.textOf("--policy", "@policy.txt");   // the spec in policy.txt
 * String same = SpecFile.textOf("--policy", "constant(value=0.1)");   // no '@': the argument itself
 * }</pre>
 */
public final class SpecFile {

    private SpecFile() {
    }

    /**
     * The spec text an argument stands for: the content of the file for {@code @file}, else the argument.
     *
     * @param option the option that took the argument, for the message, e.g. {@code --policy}
     * @param argument the argument as given
     * @return the stripped content of the file without comment lines, or {@code argument} itself when it does
     *     not start with {@code @}
     * @throws IllegalArgumentException in one line naming the option and the file when it cannot be read
     */
    public static String textOf(String option, String argument) {
        if (!argument.startsWith("@")) {
            return argument;
        }
        Path file = Path.of(argument.substring(1).strip());
        try {
            return read(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " @" + file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " @" + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * The spec in {@code file}: its UTF-8 lines without {@code #} comment lines, joined and stripped.
     *
     * @param file the file to read, UTF-8 text
     * @return the spec text, joined with newlines and stripped; empty for a file of comments only
     * @throws IOException if the file cannot be read (a {@link java.nio.file.NoSuchFileException} if it does
     *     not exist)
     */
    public static String read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.strip().startsWith("#")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines).strip();
    }
}
