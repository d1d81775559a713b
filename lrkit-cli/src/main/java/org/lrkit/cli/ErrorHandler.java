package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.lrkit.experiment.run.RunFailure;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * Turns every error into one {@code lrkit: error: ...} message on stderr and an exit code: {@link
 * ExitCode#USAGE} for bad usage (picocli's parse errors, {@link ParameterException}s thrown by commands,
 * and {@link IllegalArgumentException}s such as a schedule refusing a step), {@link ExitCode#FAILURE} for
 * everything else. The stack trace follows only when the command line has {@code --verbose}.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String PREFIX = "lrkit: error: ";

    private final boolean verbose;

    ErrorHandler(String[] args) {
        boolean found = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--verbose")) {
                found = true;
            }
        }
        this.verbose = found;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + suggestions.stream().limit(3).map(s -> "'" + s + "'")
                        .collect(Collectors.joining(" or ")) + "?";
            }
        }
        if (ex instanceof UnmatchedArgumentException || ex instanceof MissingParameterException) {
            message += " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        }
        report(command.getErr(), message, ex);
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (ex instanceof CommandFailure || ex instanceof RunFailure) {
            report(err, ex.getMessage(), ex);
            return ExitCode.FAILURE;
        }
        if (ex instanceof IllegalArgumentException) {
            report(err, ex.getMessage(), ex);
            return ExitCode.USAGE;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            report(err, "I/O error: " + ex.getMessage(), ex);
            return ExitCode.FAILURE;
        }
        String hint = verbose ? "" : " (run again with --verbose for the stack trace)";
        report(err, "internal error: " + ex + hint, ex);
        return ExitCode.FAILURE;
    }

    private void report(PrintWriter err, String message, Exception ex) {
        err.println(PREFIX + (message == null || message.isBlank() ? ex.getClass().getName() : message));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }
}
