package dev.sim.cli;

import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.WindowStats;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What every lesson's claims test does: run {@code scenarios/NAME.yaml} for seeds 1..{@link #SEEDS}
 * two at a time (the CI machine has two cores), keep one figure per seed in seed order, and read
 * windows of the result. Failure messages then name the seeds, so {@code sim run FILE --seed N}
 * reproduces any of them.
 */
final class LessonRuns {
  /** Seeds 1..20: what the lessons' descriptions and the catalog promise. */
  static final int SEEDS = 20;

  static final NodeTypeRegistry TYPES = NodeTypeRegistry.load(LessonRuns.class.getClassLoader());

  // Daemon threads, shared by every claims test in the JVM: no test has to shut it down.
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "lesson-run");
            t.setDaemon(true);
            return t;
          });

  private LessonRuns() {}

  /**
   * {@code figure(seed, result)} of each seed's run of {@code scenario} with {@code overrides}
   * ({@code --set} strings, {@code PATH=null} removes a key), in seed order 1..{@link #SEEDS}.
   */
  static <T> List<T> perSeed(
      String scenario, List<String> overrides, BiFunction<Long, RunResult, T> figure)
      throws InterruptedException, ExecutionException {
    ScenarioSpec spec =
        ScenarioLoader.load(Path.of("../scenarios", scenario + ".yaml"), TYPES, overrides);
    List<Future<T>> futures = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      long s = seed;
      futures.add(
          POOL.submit(
              () -> figure.apply(s, ScenarioRunner.run(spec, s, ScenarioRunner.Options.DEFAULTS))));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return out;
  }

  /** {@link #perSeed(String, List, BiFunction)} of the scenario as written. */
  static <T> List<T> perSeed(String scenario, BiFunction<Long, RunResult, T> figure)
      throws InterruptedException, ExecutionException {
    return perSeed(scenario, List.of(), figure);
  }

  /** The elements of {@code all} for which {@code bad} holds: what a failure message lists. */
  static <T> List<T> where(List<T> all, Predicate<T> bad) {
    return all.stream().filter(bad).toList();
  }

  /** The index of the report window holding {@code seconds}, capped at the window count. */
  static int window(RunResult r, double seconds) {
    return (int) Math.min(r.windowCount(), (long) (seconds * 1e9 / r.windowNanos()));
  }

  /** Requests answered OK over requests offered in the windows from fromS (incl.) to toS. */
  static double yieldOf(RunResult r, double fromS, double toS) {
    List<WindowStats> w = r.requests().orElseThrow().windows();
    long ok = 0;
    long offered = 0;
    for (int i = window(r, fromS); i < window(r, toS); i++) {
      ok += w.get(i).ok();
      offered += w.get(i).offered();
    }
    return offered == 0 ? Double.NaN : (double) ok / offered;
  }
}
