package org.lrkit.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * The process' standard output as {@code lrkit} writes it: a reader that stops early (as {@code head}
 * does) closes the pipe, and the rest of the output is then dropped silently, the way Unix tools behave;
 * any other write error (a full disk) still fails, so that a truncated CSV never ends in exit code 0.
 *
 * <p>A command that writes much (or forever) asks {@link #readerGone(PrintWriter)} to stop once nobody reads,
 * and {@link PrintWriter#checkError()} to stop on any other error.
 */
final class StandardOutput extends FilterOutputStream {

    private boolean pipeClosed;

    StandardOutput(OutputStream out) {
        super(out);
    }

    /** A buffered writer of the platform's encoding onto {@code out}, a closed pipe handled as above. */
    static PrintWriter writer(OutputStream out) {
        return new Writer(new StandardOutput(out));
    }

    /**
     * Whether {@code out} is a {@link #writer} whose reader has closed the pipe: what is written from now on is
     * dropped, so a command may stop writing. Any other writer: {@code false}.
     */
    static boolean readerGone(PrintWriter out) {
        return out instanceof Writer writer && writer.stream.pipeClosed;
    }

    @Override
    public void write(int b) throws IOException {
        if (!pipeClosed) {
            try {
                out.write(b);
            } catch (IOException e) {
                handle(e);
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!pipeClosed) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                handle(e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (!pipeClosed) {
            try {
                out.flush();
            } catch (IOException e) {
                handle(e);
            }
        }
    }

    private void handle(IOException e) throws IOException {
        String message = e.getMessage();
        if (message != null && (message.contains("Broken pipe") || message.contains("pipe is being closed"))) {
            pipeClosed = true;
            return;
        }
        throw e;
    }

    /** The writer of {@link #writer}, which knows its stream. */
    private static final class Writer extends PrintWriter {
        private final StandardOutput stream;

        Writer(StandardOutput stream) {
            super(new BufferedWriter(new OutputStreamWriter(stream), 1 << 16));
            this.stream = stream;
        }
    }
}
