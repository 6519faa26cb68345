package dev.sim.cli.sweep;

import dev.sim.cli.RunPipeline;
import dev.sim.cli.progress.SweepProgress;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a {@link SweepPlan} on a number of threads, each run whole on one thread (the kernel is
 * single-threaded; a run never sees another). Threads take the next run of the plan's run order as
 * they finish one, so a slow point does not hold up the others, and the rows are sorted into file
 * order at the end: which thread ran what never shows in them.
 *
 * <p>With {@code untilFail} the sweep stops at the smallest failing seed: a run whose seed is
 * larger than a failing seed already found is not started, every run of a smaller or equal seed is.
 * Runs are taken in ascending seed order, so when the threads stop every seed up to the smallest
 * failing one has run at every point, whatever the number of threads, and the rows of larger seeds
 * that happened to finish are dropped. The answer and the rows kept are the same for one thread as
 * for many.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /**
   * What a sweep did.
   *
   * @param rows one row per run kept, ordered by point then seed
   * @param firstFailingSeed with {@code untilFail}, the smallest seed at which a run did not hold
   *     (every seed before it held at every point); else, and when none failed, null
   * @param threads how many threads ran
   * @param wallSeconds the wall-clock time the runs took
   */
  public record Outcome(List<RunRow> rows, Long firstFailingSeed, int threads, double wallSeconds) {
    /** Copies the rows. */
    public Outcome {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Runs every run of {@code plan}'s shard (or, with {@code untilFail}, up to the smallest failing
   * seed).
   *
   * @param threads the most threads to use, at least 1 (no more are started than there are runs)
   * @throws RuntimeException the first unexpected exception a run threw (a bug, not a node's
   *     failure, which ends only its run), after every thread has stopped
   */
  public static Outcome run(RunPipeline pipeline, SweepPlan plan, int threads, boolean untilFail) {
    return run(pipeline, plan, threads, untilFail, SweepProgress.NONE);
  }

  /**
   * {@link #run(RunPipeline, SweepPlan, int, boolean)}, telling {@code progress} of each run as it
   * finishes (on the thread that ran it).
   */
  public static Outcome run(
      RunPipeline pipeline,
      SweepPlan plan,
      int threads,
      boolean untilFail,
      SweepProgress progress) {
    int runs = plan.runs();
    int workers = Math.max(1, Math.min(threads, plan.shardRuns()));
    // Each thread keeps its own rows, sorted into file order at the end: a search for a failing
    // seed over a wide range then holds only the rows it made, not a slot for every run.
    List<List<RunRow>> done = new ArrayList<>(workers);
    AtomicInteger next = new AtomicInteger();
    AtomicLong smallestFailure = new AtomicLong(Long.MAX_VALUE);
    AtomicReference<Throwable> error = new AtomicReference<>();
    Map<List<String>, String[]> names = new ConcurrentHashMap<>();
    Consumer<List<RunRow>> work =
        mine -> {
          while (error.get() == null) {
            int i = next.getAndIncrement();
            if (i >= runs || i < 0) { // i < 0: the counter wrapped past the last run
              return;
            }
            long seed = plan.seedOf(i);
            // Seeds ascend along the run order: once one is past a failing seed, all later are.
            if (untilFail && seed > smallestFailure.get()) {
              return;
            }
            if (!plan.inShard(i)) {
              continue;
            }
            SweepPlan.Point point = plan.pointOf(i);
            RunResult result =
                pipeline.run(point.scenario(), seed, plan.limits(), null, RunInfo.NONE);
            RunRow row = RunRow.of(point.index(), result, names);
            mine.add(row);
            progress.runDone(row.held());
            if (untilFail && !row.held()) {
              smallestFailure.accumulateAndGet(seed, Math::min);
            }
          }
        };
    long start = System.nanoTime();
    List<Thread> pool = new ArrayList<>(workers);
    for (int t = 0; t < workers; t++) {
      List<RunRow> mine = new ArrayList<>();
      done.add(mine);
      Thread thread =
          new Thread(
              () -> {
                try {
                  work.accept(mine);
                } catch (Throwable e) {
                  error.compareAndSet(null, e);
                }
              },
              "sim-sweep-" + (t + 1));
      pool.add(thread);
      thread.start();
    }
    joinAll(pool);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    Throwable e = error.get();
    if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof Error err) {
      throw err;
    } else if (e != null) {
      throw new IllegalStateException(e);
    }
    long failing = smallestFailure.get();
    List<RunRow> kept = new ArrayList<>();
    for (List<RunRow> mine : done) {
      for (RunRow r : mine) {
        if (!untilFail || r.seed() <= failing) {
          kept.add(r);
        }
      }
    }
    kept.sort(Comparator.comparingInt(RunRow::point).thenComparingLong(RunRow::seed));
    Long first = untilFail && failing != Long.MAX_VALUE ? failing : null;
    return new Outcome(kept, first, workers, wallSeconds);
  }

  private static void joinAll(List<Thread> pool) {
    boolean interrupted = false;
    for (Thread t : pool) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
