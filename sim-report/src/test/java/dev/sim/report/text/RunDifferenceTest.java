package dev.sim.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a comparison names as differing between two runs' recorded settings. */
class RunDifferenceTest {
  private static RunResult run(String name, long seed, Map<String, String> settings) {
    return RunResult.builder(name, seed)
        .info(new RunInfo(name, "", "sim run x.yaml", "x.yaml").withSettings(settings))
        .build();
  }

  private static Map<String, String> settings(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static final Map<String, String> BASE =
      settings(
          "name", "gc-spiral",
          "seed", "42",
          "nodes.clients.retry.max", "3",
          "nodes.api.queue.capacity", "unbounded",
          "faults[0].at", "60s",
          "expect[0]", "yield < 0.6");

  @Test
  void namesChangedAddedAndRemovedKeysByTheirNestedPaths() {
    Map<String, String> b = new LinkedHashMap<>(BASE);
    b.put("nodes.api.queue.capacity", "100");
    b.remove("nodes.clients.retry.max");
    b.put("nodes.api.shed.queueAbove", "20");
    b.put("faults[0].at", "90s");
    RunDifference d = RunDifference.of(run("gc-spiral", 42, BASE), run("gc-spiral", 42, b));
    assertThat(d.recorded()).isTrue();
    assertThat(d.changes())
        .containsExactly(
            new RunDifference.Change("nodes.clients.retry.max", "3", null),
            new RunDifference.Change("nodes.api.queue.capacity", "unbounded", "100"),
            new RunDifference.Change("faults[0].at", "60s", "90s"),
            new RunDifference.Change("nodes.api.shed.queueAbove", null, "20"));
    assertThat(d.headline()).isEqualTo("gc-spiral seed 42: 4 changes");
    assertThat(d.labels()).containsExactly("A: gc-spiral seed 42", "B: 4 changes");
  }

  @Test
  void oneChangeIsTheHeadlineAndTheLegend() {
    Map<String, String> b = new LinkedHashMap<>(BASE);
    b.put("nodes.api.shed.queueAbove", "20");
    RunDifference d = RunDifference.of(run("gc-spiral", 42, BASE), run("gc-spiral", 42, b));
    assertThat(d.headline()).isEqualTo("gc-spiral seed 42: nodes.api.shed.queueAbove unset → 20");
    assertThat(d.caption()).isEqualTo(d.headline());
    assertThat(d.labels())
        .containsExactly("nodes.api.shed.queueAbove unset", "nodes.api.shed.queueAbove = 20");
  }

  @Test
  void descriptiveKeysAreNamedButDoNotMakeTheHeadline() {
    Map<String, String> b = new LinkedHashMap<>(BASE);
    b.put("name", "gc-spiral-shedding");
    b.put("expect[0]", "yield >= 0.95");
    b.put("nodes.clients.retry.max", "1");
    RunDifference d =
        RunDifference.of(run("gc-spiral", 42, BASE), run("gc-spiral-shedding", 42, b));
    assertThat(d.changes())
        .extracting(RunDifference.Change::key)
        .containsExactly("name", "nodes.clients.retry.max", "expect[0]");
    assertThat(d.behavioural())
        .extracting(RunDifference.Change::key)
        .containsExactly("nodes.clients.retry.max");
    assertThat(d.headline())
        .isEqualTo("gc-spiral → gc-spiral-shedding seed 42: nodes.clients.retry.max 3 → 1");
    assertThat(d.labels()).containsExactly("gc-spiral seed 42", "gc-spiral-shedding seed 42");
  }

  @Test
  void theSeedIsNamedOnceAndNotAsAKey() {
    Map<String, String> b = new LinkedHashMap<>(BASE);
    b.put("seed", "43");
    RunDifference d = RunDifference.of(run("gc-spiral", 42, BASE), run("gc-spiral", 43, b));
    assertThat(d.changes()).isEmpty();
    assertThat(d.headline()).isEqualTo("gc-spiral seed 42 → 43");
    assertThat(d.labels()).containsExactly("gc-spiral seed 42", "gc-spiral seed 43");
  }

  @Test
  void longValuesAreShortenedOnOneLine() {
    assertThat(RunDifference.Change.value("two\nlines  of text", 40))
        .isEqualTo("two lines of text");
    assertThat(RunDifference.Change.value("abcdefghij", 5)).isEqualTo("abcd…");
    assertThat(RunDifference.Change.value(null, 5)).isEqualTo("unset");
  }

  @Test
  void runsThatRecordedNoSettingsFallBackToTheirNames() {
    RunResult a = RunResult.builder("gc-spiral", 42).build();
    RunDifference d = RunDifference.of(a, a);
    assertThat(d.recorded()).isFalse();
    assertThat(d.changes()).isEmpty();
    assertThat(d.labels()).containsExactly("A: gc-spiral seed 42", "B: gc-spiral seed 42");
    assertThat(List.of(d.headline())).containsExactly("gc-spiral seed 42");
  }
}
