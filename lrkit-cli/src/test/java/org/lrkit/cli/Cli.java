package org.lrkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code lrkit} command lines in-process and captures what they print. */
final class Cli {

    /** The outcome of one command line. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
