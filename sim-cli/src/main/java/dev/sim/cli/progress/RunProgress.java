package dev.sim.cli.progress;

import dev.sim.kernel.run.Progress;
import java.io.PrintStream;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;

/**
 * The bar of one {@code sim run}: simulated seconds done of the scenario's duration, and the event
 * rate. It appears only once the run has taken {@link #DELAY_NANOS} of wall time, so short runs
 * print nothing extra. Called on the simulation's thread; the bar redraws on its own.
 */
public final class RunProgress implements Progress, AutoCloseable {
  /** Wall time a run takes before its bar appears: two seconds. */
  public static final long DELAY_NANOS = 2_000_000_000L;

  private final String task;
  private final long durationNanos;
  private final LongSupplier wall;
  private final PrintStream err;
  private final long startWall;
  private ProgressBar bar;

  /** A bar that reads wall time from {@code wall} and draws on {@code err}, for tests. */
  RunProgress(String task, long durationNanos, LongSupplier wall, PrintStream err) {
    this.task = task;
    this.durationNanos = durationNanos;
    this.wall = wall;
    this.err = err;
    this.startWall = wall.getAsLong();
  }

  /**
   * The bar for a run of {@code durationNanos} simulated nanoseconds, or {@link Progress#NONE} when
   * none may be drawn (quiet, or stderr is no terminal).
   *
   * @param task what the bar is labelled, e.g. {@code gc-spiral seed 42}
   */
  public static Progress forRun(String task, long durationNanos, boolean quiet) {
    if (quiet || !Terminals.stderrIsTerminal()) {
      return Progress.NONE;
    }
    return new RunProgress(task, durationNanos, System::nanoTime, System.err);
  }

  @Override
  public void at(long nowNanos, long events) {
    long elapsed = wall.getAsLong() - startWall;
    if (bar == null) {
      if (elapsed < DELAY_NANOS) {
        return;
      }
      // Tenths of a simulated second, shown in seconds.
      bar =
          Bars.builder(task, Math.max(1, durationNanos / 100_000_000L), err)
              .setUnit(" s", 10)
              // The clock of the bar starts with the run, not when the bar appears.
              .startsFrom(0, java.time.Duration.ofNanos(elapsed))
              .build();
    }
    bar.stepTo(Math.min(bar.getMax(), nowNanos / 100_000_000L));
    bar.setExtraMessage(" · " + rate(events, elapsed));
  }

  /** {@code 1.3 M events/s} over the wall time so far. */
  static String rate(long events, long elapsedNanos) {
    double perSecond = elapsedNanos > 0 ? events / (elapsedNanos / 1e9) : 0;
    if (perSecond >= 1e6) {
      return String.format(java.util.Locale.ROOT, "%.1f M events/s", perSecond / 1e6);
    }
    return String.format(java.util.Locale.ROOT, "%.0f k events/s", perSecond / 1e3);
  }

  /** Ends the bar's line if one was drawn. */
  @Override
  public void close() {
    if (bar != null) {
      bar.stepTo(bar.getMax());
    }
    Bars.close(bar);
  }

  /** Closes {@code p} when it is a bar. */
  public static void closeIfBar(Progress p) {
    if (p instanceof RunProgress r) {
      r.close();
    }
  }
}
