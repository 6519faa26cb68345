package dev.sim.cli.progress;

import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;

/**
 * The bar of a sweep: runs done of the runs it will make, runs per second, time left, and how many
 * runs failed so far. Told of each run as it finishes, from the sweep's threads.
 */
public final class SweepProgress implements AutoCloseable {
  /** A sweep's listener that draws nothing. */
  public static final SweepProgress NONE = new SweepProgress(null);

  private final ProgressBar bar;
  private final AtomicInteger failed = new AtomicInteger();

  private SweepProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * The bar for {@code runs} runs of {@code task}, or {@link #NONE} when none may be drawn (quiet,
   * or stderr is no terminal).
   */
  public static SweepProgress forSweep(String task, long runs, boolean quiet) {
    if (quiet || runs <= 0 || !Terminals.stderrIsTerminal()) {
      return NONE;
    }
    return new SweepProgress(
        Bars.builder(task, runs, System.err)
            .setUnit(" runs", 1)
            .showSpeed(new java.text.DecimalFormat("0.00"))
            .build());
  }

  /** One more run finished; {@code held} says whether its expectations all held. */
  public void runDone(boolean held) {
    if (bar == null) {
      return;
    }
    int f = held ? failed.get() : failed.incrementAndGet();
    synchronized (bar) {
      bar.step();
      if (f > 0) {
        bar.setExtraMessage(f == 1 ? " · 1 failed" : " · " + f + " failed");
      }
    }
  }

  /** Ends the bar's line. */
  @Override
  public void close() {
    Bars.close(bar);
  }
}
