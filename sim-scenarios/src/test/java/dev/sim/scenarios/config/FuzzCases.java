package dev.sim.scenarios.config;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the cases of a seeded fuzz test with plain JUnit Jupiter: case {@code i} draws from its own
 * {@link SplittableRandom}, seeded from a fixed master seed, so every case is reproducible alone.
 * Failures are collected rather than stopping at the first, and each is reported with its seed and
 * whatever the case put in its message (the mutated text). {@code -Dfuzz.case=SEED} runs only the
 * case of that seed, to reproduce a failure quickly. Shared with the CLI's fuzz test.
 */
public final class FuzzCases {
  /** How many failures are shown in full; the rest are only counted. */
  static final int SHOWN = 5;

  private FuzzCases() {}

  /** One case: checks what {@code r} draws and throws (usually an AssertionError) if it fails. */
  @FunctionalInterface
  public interface Case {
    /**
     * Runs the case.
     *
     * @param r the case's random stream
     * @throws Exception when the case fails
     */
    void run(SplittableRandom r) throws Exception;
  }

  /**
   * Runs {@code cases} cases of {@code test}, seeded from {@code seed}; throws an AssertionError
   * naming every failing case's seed if any failed.
   */
  public static void run(String test, long seed, int cases, Case body) {
    String only = System.getProperty("fuzz.case");
    List<Long> seeds = new ArrayList<>();
    if (only != null && !only.isBlank()) {
      seeds.add(Long.parseUnsignedLong(only.strip().replaceFirst("^0x", ""), 16));
    } else {
      SplittableRandom master = new SplittableRandom(seed);
      for (int i = 0; i < cases; i++) {
        seeds.add(master.nextLong());
      }
    }
    List<String> failures = new ArrayList<>();
    int failed = 0;
    for (int i = 0; i < seeds.size(); i++) {
      long s = seeds.get(i);
      try {
        body.run(new SplittableRandom(s));
      } catch (Exception | AssertionError | StackOverflowError e) {
        failed++;
        if (failures.size() < SHOWN) {
          failures.add(
              test
                  + " case "
                  + i
                  + " (rerun alone with -Dfuzz.case="
                  + Long.toHexString(s)
                  + "): "
                  + e
                  + (e.getCause() == null ? "" : "\ncaused by " + e.getCause()));
          // The stack trace too, for a failure that is not one of the test's own assertions.
          e.printStackTrace();
        }
      }
    }
    if (failed > 0) {
      throw new AssertionError(
          failed
              + " of "
              + seeds.size()
              + " cases of "
              + test
              + " failed (master seed "
              + seed
              + "); the first "
              + failures.size()
              + ":\n\n"
              + String.join("\n\n", failures));
    }
  }
}
