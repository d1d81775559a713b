/**
 * The {@code lrkit} command line: {@link org.lrkit.cli.Main} wires the commands with picocli, one class per
 * command ({@link org.lrkit.cli.ScheduleCommand}, ...).
 *
 * <p>Conventions shared by every command: {@code --help} shows the options and an example; the exit code
 * is {@link org.lrkit.cli.ExitCode#OK 0} on success, {@link org.lrkit.cli.ExitCode#USAGE 2} for bad usage
 * (an unknown option, a bad spec, a bad value) and {@link org.lrkit.cli.ExitCode#FAILURE 1} for a run that
 * failed (an I/O error); an error is one line on stderr starting {@code lrkit: error: }, with a stack trace
 * only under {@code --verbose}.
 */
package org.lrkit.cli;
