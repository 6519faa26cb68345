package dev.sim.cli.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** How every bar of {@code sim} looks: one line on stderr, redrawn five times a second. */
final class Bars {
  private Bars() {}

  /** A bar of {@code max} steps for {@code task}, drawn on {@code err}. */
  static ProgressBarBuilder builder(String task, long max, PrintStream err) {
    int width = Math.min(Terminals.stderrWidth(100), 120);
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.UNICODE_BLOCK)
        .setUpdateIntervalMillis(200)
        .setMaxRenderedLength(width)
        // Our own consumer on stderr: the library's default draws on stdout, where the summary
        // and any redirected output go.
        .setConsumer(new ConsoleProgressBarConsumer(err, width));
  }

  /** Stops redrawing {@code bar} and ends its line, leaving its last state on screen. */
  static void close(ProgressBar bar) {
    if (bar != null) {
      bar.close();
    }
  }
}
