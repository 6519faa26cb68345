package dev.sim.stores.store;

import static dev.sim.stores.store.Rig.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.result.GaugeSeriesData;
import dev.sim.kernel.result.RunResult;
import dev.sim.stores.protocol.DataKind;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The metrics a store declares are the ones it records. Recording an undeclared one fails a run
 * (the harness declares the type's metrics for its group, as the runtime does), so three runs that
 * together move every metric, and pass, show both directions.
 */
class KvStoreMetricsTest {
  private static final DataKind REG = DataKind.REGISTER;

  /** Sloppy quorum, siblings, anti-entropy and a limit, through a partition. */
  private static RunResult everything() {
    Rig rig =
        new Rig(1, 5, Params.of().sloppy().siblings().antiEntropyMs(300).limit(50).build())
            .partition(100, 1500, store(1), "a");
    for (int i = 0; i < 40; i++) {
      rig.step("a", 200 + 10 * i, store(1), "write", "k" + (i % 4), (long) i, REG);
      rig.step("b", 200 + 10 * i, store(2), "write", "k" + (i % 4), 100L + i, REG);
    }
    for (int i = 0; i < 4; i++) {
      rig.step("b", 2500 + 10 * i, store(3), "read", "k" + i, null, REG);
    }
    rig.step("b", 2600, store(3), "delete", "k0", null, REG);
    for (int i = 0; i < 80; i++) {
      rig.step("b", 3000 + 0.5 * i, store(4), "read", "k1", null, REG);
    }
    return rig.run(5000);
  }

  /** A strict PW that cannot be met (unknown, then unavailable), and a read that repairs. */
  private static RunResult strict() {
    return new Rig(1, 3, Params.of().w(3).pw(3).build())
        .partition(0, 600, store(3))
        .step("c", 100, store(1), "write", "x", 7L, REG)
        .step("c", 400, store(1), "write", "x", 8L, REG)
        .step("c", 2000, store(1), "read", "x", null, REG)
        .run(3000);
  }

  /** Replica work with a service time and a short queue: queues, utilisation, refusals. */
  private static RunResult queued() {
    Rig rig = new Rig(1, 3, Params.of().siblings().serviceMs(5).queueLimit(2).build());
    for (int i = 0; i < 50; i++) {
      rig.step("c", 1.0 * i, store(1 + i % 3), "add", "s", (long) i, DataKind.SET);
    }
    return rig.run(1000);
  }

  @Test
  void shouldRecordEveryMetricItDeclaresAndNoOther() {
    Set<String> declared =
        StoreMetrics.SPECS.stream()
            .map(MetricSpec::name)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> recorded = new TreeSet<>();
    for (RunResult r : List.of(everything(), strict(), queued())) {
      r.counters()
          .forEach(
              (name, total) -> {
                if (total > 0) {
                  recorded.add(name);
                }
              });
      for (GaugeSeriesData g : r.gauges()) {
        if (g.group().equals("store") && maxOf(g) > 0) {
          recorded.add(g.name());
        }
      }
    }
    assertThat(recorded).isEqualTo(declared);
  }

  private static double maxOf(GaugeSeriesData g) {
    return dev.sim.testkit.Harness.max(g.max());
  }

  @Test
  void shouldDeclareEachMetricOnceWithAChart() {
    List<MetricSpec> specs = new KvStoreType().metrics();
    assertThat(specs.stream().map(MetricSpec::name).distinct().count()).isEqualTo(specs.size());
    assertThat(specs).allSatisfy(s -> assertThat(s.chart()).isNotNull());
    assertThat(specs.stream().filter(s -> s.chart().id().equals("store-outcomes")).count())
        .isEqualTo(5);
  }

  @Test
  void shouldRunTheSameWayTwice() {
    assertThat(everything().traceHash()).isEqualTo(everything().traceHash());
  }
}
