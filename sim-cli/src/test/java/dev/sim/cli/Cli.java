package dev.sim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real CLI entry point in-process and captures what it printed. */
final class Cli {
  /** What one command did. */
  record Result(int exitCode, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
