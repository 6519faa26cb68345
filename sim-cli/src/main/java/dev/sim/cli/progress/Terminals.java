package dev.sim.cli.progress;

import java.io.IOException;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether stderr is a terminal that a progress bar may redraw. */
public final class Terminals {
  private static volatile Boolean stderrTerminal;

  private Terminals() {}

  /**
   * True when standard error is an interactive terminal that is not {@code TERM=dumb}. Asked of
   * JLine's exec provider ({@code test -t 2}) once per process: Java itself can only say whether
   * stdin and stdout both are ({@code System.console()}), and a sweep whose output is piped into a
   * file still wants its bar.
   */
  public static boolean stderrIsTerminal() {
    Boolean known = stderrTerminal;
    if (known == null) {
      known = ask();
      stderrTerminal = known;
    }
    return known;
  }

  private static boolean ask() {
    String term = System.getenv("TERM");
    if (term == null || term.isEmpty() || term.equals("dumb")) {
      return false;
    }
    try {
      return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
    } catch (IOException | RuntimeException | LinkageError e) {
      // No provider, no `test` command, or a platform JLine does not know: draw no bar.
      return false;
    }
  }

  /** The width of the terminal on stderr in columns, or {@code fallback} when it cannot be told. */
  static int stderrWidth(int fallback) {
    try {
      int w = TerminalProvider.load("exec").systemStreamWidth(SystemStream.Error);
      return w > 20 ? w : fallback;
    } catch (IOException | RuntimeException | LinkageError e) {
      return fallback;
    }
  }
}
