package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioSpec;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import dev.sim.scenarios.runtime.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden runs of the lesson scenarios: the event count and trace hash of a fixed (file, seed) are
 * pinned, so any change in behaviour shows up here; CI runs this class on JDK 17 and JDK 25. A
 * deliberate change of behaviour re-pins the values in the same commit and says why.
 */
@Tag("golden")
class GoldenScenarioTest {
  static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(GoldenScenarioTest.class.getClassLoader());

  static ScenarioSpec load(String name) {
    return ScenarioLoader.load(Path.of("../scenarios", name + ".yaml"), TYPES, List.of());
  }

  static RunResult run(String name, long seed) {
    return ScenarioRunner.run(load(name), seed, ScenarioRunner.Options.DEFAULTS);
  }

  @Test
  void shouldReproduceThePinnedGcSpiralRun() {
    RunResult r = run("gc-spiral", 42);
    assertThat(r.events()).as("events of gc-spiral seed=42").isEqualTo(GC_SPIRAL_EVENTS);
    assertThat(r.traceHash()).as("trace hash of gc-spiral seed=42").isEqualTo(GC_SPIRAL_HASH);
  }

  @Test
  void shouldReproduceThePinnedOverloadCascadeRun() {
    RunResult r = run("overload-cascade", 42);
    assertThat(r.events()).as("events of overload-cascade seed=42").isEqualTo(CASCADE_EVENTS);
    assertThat(r.traceHash()).as("trace hash of overload-cascade seed=42").isEqualTo(CASCADE_HASH);
  }

  @Test
  void shouldReproduceThePinnedClockSkewRunAndItsHistory() throws Exception {
    // A store lesson: the history and the checker's figures must be as stable as the trace.
    RunResult r = run("clock-skew-lww", 42);
    assertThat(r.events()).as("events of clock-skew-lww seed=42").isEqualTo(SKEW_EVENTS);
    assertThat(r.traceHash()).as("trace hash of clock-skew-lww seed=42").isEqualTo(SKEW_HASH);
    byte[] history =
        dev.sim.check.io.HistoryWriter.toJsonLines(r.history().ops())
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String digest =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(history))
            .substring(0, 16);
    assertThat(digest).as("SHA-256 of history.jsonl, first 16 hex digits").isEqualTo(SKEW_HISTORY);
    assertThat(r.consistency().orElseThrow().lostWrites()).isEqualTo(340);
    assertThat(r.consistency().orElseThrow().staleReads()).isEqualTo(512);
  }

  @Test
  void shouldGiveTheSameResultsInAParallelSweepAsInSequence() throws Exception {
    ScenarioSpec spec = load("gc-spiral-shedding");
    List<String> sequential = new ArrayList<>();
    for (long seed = 1; seed <= 6; seed++) {
      sequential.add(fingerprint(ScenarioRunner.run(spec, seed, ScenarioRunner.Options.DEFAULTS)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (long seed = 1; seed <= 6; seed++) {
        long s = seed;
        futures.add(
            pool.submit(
                () -> fingerprint(ScenarioRunner.run(spec, s, ScenarioRunner.Options.DEFAULTS))));
      }
      List<String> parallel = new ArrayList<>();
      for (Future<String> f : futures) {
        parallel.add(f.get());
      }
      assertThat(parallel).isEqualTo(sequential);
    } finally {
      pool.shutdownNow();
    }
    assertThat(sequential).doesNotHaveDuplicates();
  }

  static String fingerprint(RunResult r) {
    return r.seed()
        + ":"
        + r.events()
        + ":"
        + r.traceHash()
        + ":"
        + r.requests().orElseThrow().totals()
        + ":"
        + r.requests().orElseThrow().yield()
        + ":"
        + r.requests().orElseThrow().latencyMs();
  }

  static final long GC_SPIRAL_EVENTS = 2_835_510;
  static final String GC_SPIRAL_HASH = "f99939cfded9638b";
  static final long CASCADE_EVENTS = 6_003_126;
  static final String CASCADE_HASH = "a1a47b63b984cc39";
  static final long SKEW_EVENTS = 35_046;
  static final String SKEW_HASH = "0c99a8888c8b6f6f";
  static final String SKEW_HISTORY = "a0c99250a218844d";
}
