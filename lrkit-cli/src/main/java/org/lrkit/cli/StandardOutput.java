package org.lrkit.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process' standard output as {@code lrkit} writes it: a reader that stops early (as {@code head}
 * does) closes the pipe, and the rest of the output is then dropped silently, the way Unix tools behave;
 * any other write error (a full disk) still fails, so that a truncated CSV never ends in exit code 0.
 */
final class StandardOutput extends FilterOutputStream {

    private boolean pipeClosed;

    StandardOutput(OutputStream out) {
        super(out);
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
}
