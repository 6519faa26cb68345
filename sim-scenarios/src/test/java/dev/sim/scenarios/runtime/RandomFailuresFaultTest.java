package dev.sim.scenarios.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.plugin.NodeTypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code random-failures} fault: exponential times between failures with mean mtbf, repairs of
 * mean mttr (exponential or fixed), each crash undone by a restart, each instance on its own
 * stream, and nothing after {@code for}.
 */
class RandomFailuresFaultTest {
  private static final NodeTypeRegistry TYPES =
      NodeTypeRegistry.load(RandomFailuresFaultTest.class.getClassLoader());
  private static final double HOUR = 3600e9;

  static RunResult run(int count, String duration, String fault, long seed) {
    String yaml =
        """
        name: failures
        duration: %s
        window: 1h
        nodes:
          api:
            type: server
            count: %d
        faults:
          - %s
        """
            .formatted(duration, count, fault);
    return ScenarioRunner.run(
        ScenarioLoader.parse(yaml, "failures.yaml", TYPES, List.of()),
        seed,
        ScenarioRunner.Options.DEFAULTS);
  }

  /** Each node's crash and restart times, by node name, in order. */
  static Map<String, List<NodeEvent>> events(RunResult r) {
    Map<String, List<NodeEvent>> out = new LinkedHashMap<>();
    for (NodeEvent e : r.nodeEvents()) {
      out.computeIfAbsent(r.nodes().get(e.node()).name(), k -> new ArrayList<>()).add(e);
    }
    return out;
  }

  /** Mean up time (start or restart to the next crash) and mean down time, in hours. */
  static double[] meanUpAndDownHours(RunResult r) {
    double up = 0;
    double down = 0;
    long ups = 0;
    long downs = 0;
    for (List<NodeEvent> es : events(r).values()) {
      long since = 0;
      for (NodeEvent e : es) {
        if (e.kind().equals("crash")) {
          up += e.timeNanos() - since;
          ups++;
        } else {
          down += e.timeNanos() - since;
          downs++;
        }
        since = e.timeNanos();
      }
    }
    return new double[] {up / ups / HOUR, down / downs / HOUR};
  }

  @Test
  void shouldFailWithMeanMtbfAndRepairWithMeanMttr() {
    // 20 instances over 100 days at mtbf 1h: about 40,000 failures, so the means are within 1%
    // (one standard error of an exponential mean) and 3% is four standard errors.
    RunResult r = run(20, "100d", "{at: 0s, random-failures: api, mtbf: 1h, mttr: 6m}", 7);
    double[] m = meanUpAndDownHours(r);
    assertThat(r.nodeEvents()).hasSizeGreaterThan(70_000);
    assertThat(m[0]).as("mean time between failures, h").isCloseTo(1.0, within(0.03));
    assertThat(m[1]).as("mean time to repair, h").isCloseTo(0.1, within(0.003));
  }

  @Test
  void shouldRepairInExactlyMttrWhenFixed() {
    RunResult r =
        run(3, "30d", "{at: 0s, random-failures: api, mtbf: 1d, mttr: 2h, repair: fixed}", 7);
    for (List<NodeEvent> es : events(r).values()) {
      assertThat(es).hasSizeGreaterThan(10);
      for (int i = 0; i + 1 < es.size(); i += 2) {
        assertThat(es.get(i).kind()).isEqualTo("crash");
        assertThat(es.get(i + 1).kind()).isEqualTo("restart");
        assertThat(es.get(i + 1).timeNanos() - es.get(i).timeNanos())
            .isEqualTo(2 * 3_600_000_000_000L);
      }
    }
  }

  @Test
  void shouldRestartEveryCrashedInstanceAndAlternate() {
    RunResult r = run(3, "60d", "{at: 0s, random-failures: api, mtbf: 2d, mttr: 8h}", 11);
    for (List<NodeEvent> es : events(r).values()) {
      for (int i = 0; i < es.size(); i++) {
        assertThat(es.get(i).kind()).isEqualTo(i % 2 == 0 ? "crash" : "restart");
        assertThat(es.get(i).reason()).isEqualTo("fault");
      }
    }
    // One band for the whole window, not one per failure; the label gives the figures.
    assertThat(r.annotations())
        .extracting(Annotation::label, Annotation::endNanos, Annotation::targets)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "random failures, mtbf 2d, mttr 8h", -1L, List.of("api-1", "api-2", "api-3")));
  }

  @Test
  void shouldDrawTheSameFailuresForTheSameSeedAndEachInstanceOnItsOwn() {
    String fault = "{at: 0s, random-failures: api, mtbf: 3d, mttr: 8h}";
    Map<String, List<NodeEvent>> three = events(run(3, "90d", fault, 5));
    Map<String, List<NodeEvent>> again = events(run(3, "90d", fault, 5));
    Map<String, List<NodeEvent>> four = events(run(4, "90d", fault, 5));
    Map<String, List<NodeEvent>> otherSeed = events(run(3, "90d", fault, 6));
    assertThat(again).isEqualTo(three);
    // Adding api-4 leaves api-1 to api-3 failing at the same moments.
    for (String n : List.of("api-1", "api-2", "api-3")) {
      assertThat(times(four.get(n))).as(n).isEqualTo(times(three.get(n)));
    }
    assertThat(four.get("api-4")).isNotEmpty();
    assertThat(times(otherSeed.get("api-1"))).isNotEqualTo(times(three.get("api-1")));
    // Instances do not fail in step.
    assertThat(times(three.get("api-1"))).isNotEqualTo(times(three.get("api-2")));
  }

  @Test
  void shouldStopFailingAfterFor() {
    RunResult r = run(5, "20d", "{at: 1d, random-failures: api, mtbf: 6h, mttr: 1h, for: 5d}", 3);
    long first = Long.MAX_VALUE;
    long lastCrash = 0;
    for (NodeEvent e : r.nodeEvents()) {
      first = Math.min(first, e.timeNanos());
      if (e.kind().equals("crash")) {
        lastCrash = Math.max(lastCrash, e.timeNanos());
      }
    }
    assertThat(first).isGreaterThanOrEqualTo((long) (24 * HOUR));
    assertThat(lastCrash).isLessThan((long) (6 * 24 * HOUR));
    // Every crash in the window was repaired, the last ones after it ended.
    for (List<NodeEvent> es : events(r).values()) {
      assertThat(es.get(es.size() - 1).kind()).isEqualTo("restart");
    }
  }

  private static List<Long> times(List<NodeEvent> es) {
    return es.stream().map(NodeEvent::timeNanos).toList();
  }
}
