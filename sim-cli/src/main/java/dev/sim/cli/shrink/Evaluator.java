package dev.sim.cli.shrink;

import dev.sim.cli.RunPipeline;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs candidates and says which still fail, on several threads, with an answer that does not
 * depend on their number or on timing.
 *
 * <p>{@link #firstFailing} answers the question a greedy shrinker asks, "which is the first of
 * these, in this order, that still fails?". Threads take candidates in list order and stop taking
 * new ones past the first failing one found so far, so every candidate before the answer has run
 * when they stop: the answer is the one a single thread trying them one by one would give. The runs
 * it counts are counted the same way, as that single thread would count them (a candidate run ahead
 * of time and not needed is not counted, and its result waits in the cache in case a later question
 * asks it), so {@link #runs} and the {@code --max-runs} budget are the same for any thread count.
 *
 * <p>Candidates are known by their YAML text: the same scenario reached by two paths runs once.
 */
final class Evaluator {
  /**
   * What one candidate's run did.
   *
   * @param valid whether the candidate validated (an invalid one does not run)
   * @param fails whether its run failed the way the symptom says
   * @param events the events its run processed
   * @param nodes its nodes
   * @param faults its faults
   * @param actual the symptom expectation's figure (NaN for a node failure)
   * @param failureNanos when a node threw, in simulated nanoseconds, or -1
   */
  record Outcome(
      boolean valid,
      boolean fails,
      long events,
      int nodes,
      int faults,
      double actual,
      long failureNanos) {
    static final Outcome INVALID = new Outcome(false, false, 0, 0, 0, Double.NaN, -1);

    /** The outcome of {@code result}, a run of {@code spec}. */
    static Outcome of(RunResult result, ScenarioSpec spec, Symptom symptom) {
      return new Outcome(
          true,
          symptom.matches(result, spec),
          result.events(),
          spec.nodes().stream().mapToInt(g -> g.instances().size()).sum(),
          spec.faults().size(),
          symptom.nodeFailure() ? Double.NaN : symptom.actual(result),
          result.failure() == null ? -1 : result.failure().timeNanos());
    }
  }

  private final RunPipeline pipeline;
  private final String source;
  private final long seed;
  private final RunPipeline.Limits limits;
  private final int threads;
  private final Symptom symptom;
  private final long maxRuns;
  private final Map<String, Outcome> cache = new ConcurrentHashMap<>();
  // Touched by the calling thread only: what a one-thread search would have counted.
  private final Set<String> counted = new HashSet<>();
  private long runs;
  private long invalid;
  private boolean exhausted;

  /**
   * An evaluator of candidates of one scenario.
   *
   * @param pipeline runs them
   * @param source the name candidates' messages would use (the file being written)
   * @param seed the master seed of every run
   * @param limits each run's limits: a run stopped by one does not fail the way the symptom says
   * @param threads the most runs at once
   * @param symptom how a candidate must fail
   * @param maxRuns how many runs the search may make in all
   */
  Evaluator(
      RunPipeline pipeline,
      String source,
      long seed,
      RunPipeline.Limits limits,
      int threads,
      Symptom symptom,
      long maxRuns) {
    this.pipeline = pipeline;
    this.source = source;
    this.seed = seed;
    this.limits = limits;
    this.threads = threads;
    this.symptom = symptom;
    this.maxRuns = maxRuns;
  }

  /** Records the outcome of a run made elsewhere (the original's), counted as one run. */
  void record(String text, Outcome outcome) {
    cache.put(text, outcome);
    if (counted.add(text)) {
      runs++;
    }
  }

  /** The outcome of {@code text}, run now unless it ran before. */
  Outcome outcome(String text) {
    Outcome o = cache.get(text);
    if (o == null) {
      // Not computeIfAbsent: that would hold a lock of the map for a whole run.
      o = evaluate(text);
      Outcome before = cache.putIfAbsent(text, o);
      o = before != null ? before : o;
    }
    return o;
  }

  /** Runs so far, as one thread would have made them. */
  long runs() {
    return runs;
  }

  /** Distinct candidates that did not validate. */
  long invalid() {
    return invalid;
  }

  /** Whether the budget of runs is spent: every later question is answered "none". */
  boolean exhausted() {
    return exhausted;
  }

  /**
   * The index of the first candidate of {@code list} that still fails, or -1 when none does (or the
   * budget ran out before one was found).
   */
  int firstFailing(List<Candidate> list) {
    if (exhausted || list.isEmpty()) {
      return -1;
    }
    int n = list.size();
    Outcome[] results = new Outcome[n];
    int known = n;
    for (int i = 0; i < n; i++) {
      results[i] = cache.get(list.get(i).text());
      if (results[i] == null) {
        known = Math.min(known, i);
      } else if (results[i].fails() && known == n) {
        break; // every candidate up to a failing one is known: nothing to run
      }
    }
    if (known < n) {
      runAhead(list, results);
    }
    for (int i = 0; i < n; i++) {
      String text = list.get(i).text();
      // Past where the threads stopped (an invalid candidate cost no run), run it here.
      Outcome o = results[i] != null ? results[i] : outcome(text);
      boolean first = counted.add(text);
      if (!o.valid()) {
        invalid += first ? 1 : 0;
        continue;
      }
      if (first) {
        runs++;
      }
      if (o.fails()) {
        exhaustedAfter();
        return i;
      }
      if (exhaustedAfter()) {
        return -1;
      }
    }
    return -1;
  }

  private boolean exhaustedAfter() {
    if (runs >= maxRuns) {
      exhausted = true;
    }
    return exhausted;
  }

  /**
   * Fills {@code results} on the threads, in list order, up to the first failing candidate (and
   * whatever was already started past it).
   */
  private void runAhead(List<Candidate> list, Outcome[] results) {
    int n = list.size();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger firstFailing = new AtomicInteger(n);
    // Past the budget no run is needed: stop taking candidates there, counting as the consumer
    // will.
    int budgetEnd = budgetEnd(list);
    AtomicReference<Throwable> error = new AtomicReference<>();
    Runnable work =
        () -> {
          while (error.get() == null) {
            int i = next.getAndIncrement();
            if (i >= n || i > firstFailing.get() || i > budgetEnd) {
              return;
            }
            Outcome o = results[i] != null ? results[i] : outcome(list.get(i).text());
            results[i] = o;
            if (o.fails()) {
              firstFailing.accumulateAndGet(i, Math::min);
            }
          }
        };
    int workers = Math.max(1, Math.min(threads, n));
    if (workers == 1) {
      work.run();
      return;
    }
    List<Thread> pool = new ArrayList<>(workers);
    for (int t = 0; t < workers; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  work.run();
                } catch (Throwable e) {
                  error.compareAndSet(null, e);
                }
              },
              "sim-shrink-" + (t + 1));
      pool.add(thread);
      thread.start();
    }
    for (Thread t : pool) {
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Throwable e = error.get();
    if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof Error err) {
      throw err;
    } else if (e != null) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The last index a run may be needed at before the budget is spent, counting every candidate not
   * yet counted as a run (an invalid one costs none, so this may stop short; the consumer then
   * finds a result missing only past the budget, where it does not look).
   */
  private int budgetEnd(List<Candidate> list) {
    long left = maxRuns - runs;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String text = list.get(i).text();
      if (!counted.contains(text) && seen.add(text)) {
        left--;
      }
      if (left <= 0) {
        return i;
      }
    }
    return list.size() - 1;
  }

  private Outcome evaluate(String text) {
    ScenarioSpec spec;
    try {
      spec = ScenarioLoader.parse(text, source, pipeline.types(), List.of());
    } catch (ScenarioException e) {
      return Outcome.INVALID;
    }
    RunResult result = pipeline.run(spec, seed, limits, null, RunInfo.NONE);
    return Outcome.of(result, spec, symptom);
  }
}
