package io.playbooks.cli;

import java.io.PrintStream;

/** {@code convert [--format yaml|json] [--title T] [--space KEY] [--labels a,b] FILE.xhtml} and the folder form. */
public class ConvertCommand {

    private final PrintStream out;
    private final PrintStream err;

    public ConvertCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] args) {
        err.println("convert: not built yet");
        return 2;
    }
}
