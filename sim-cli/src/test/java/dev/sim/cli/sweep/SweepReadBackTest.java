package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.cli.RunPipeline;
import dev.sim.kernel.result.StopReason;
import dev.sim.report.io.JsonTree;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** What {@code sim merge} reads back: a shard's table and {@code sweep.json}, as written. */
class SweepReadBackTest {
  static SweepPlan shardPlan() {
    Vary v = Vary.parse("nodes.clients.retry={max: 1},{max: 2}");
    SweepPlan whole =
        SweepPlan.described(
            Path.of("x.yaml"),
            List.of(),
            List.of(),
            List.of(v),
            new Seeds(1, 4),
            RunPipeline.Limits.DEFAULT,
            "x");
    return new SweepPlan(
        whole.source(),
        whole.overrides(),
        whole.plugins(),
        whole.varies(),
        whole.seeds(),
        whole.limits(),
        whole.name(),
        whole.points(),
        new Shard(1, 2));
  }

  @Test
  void shouldReadAShardsTableBackToTheRowsItWasWrittenFrom() throws IOException {
    SweepPlan plan = shardPlan();
    double[] figures = {Double.NaN, 1, 0.1 + 0.2, 1e-4, 12, 100, 90, 4, 3, 3, 120};
    List<RunRow> rows =
        List.of(
            new RunRow(
                0,
                1,
                figures,
                true,
                false,
                "aa",
                StopReason.TIME_LIMIT,
                new String[] {"retries", "zeroed"},
                new long[] {7, 0},
                new RunRow.Consistency("set", false, 9, 2, 1, 3, 1, "invalid"),
                null),
            new RunRow(
                1,
                3,
                figures,
                false,
                true,
                "bb",
                StopReason.NODE_FAILURE,
                new String[] {},
                new long[] {},
                null,
                new RunRow.Why(List.of("yield >= 0.9 (actual 0.5)"), "node a threw, at 2s")));
    StringWriter out = new StringWriter();
    SweepCsv.write(plan, rows, out);
    assertThat(out.toString())
        .contains(",countersReported,why\n")
        .contains(",retries zeroed,\n")
        .endsWith(",\"node a threw, at 2s; yield >= 0.9 (actual 0.5)\"\n");
    List<RunRow> back = TableReader.read(out.toString(), "t.csv", plan, new ConcurrentHashMap<>());
    assertThat(back).hasSize(2);
    for (int i = 0; i < 2; i++) {
      RunRow a = rows.get(i);
      RunRow b = back.get(i);
      assertThat(b.point()).isEqualTo(a.point());
      assertThat(b.seed()).isEqualTo(a.seed());
      assertThat(b.figures()).containsExactly(a.figures());
      assertThat(b.held()).isEqualTo(a.held());
      assertThat(b.simulationFailed()).isEqualTo(a.simulationFailed());
      assertThat(b.traceHash()).isEqualTo(a.traceHash());
      assertThat(b.stopReason()).isEqualTo(a.stopReason());
      // A counter reported as 0 stays reported; one never reported stays absent.
      assertThat(b.counterNames()).containsExactly(a.counterNames());
      assertThat(b.counterValues()).containsExactly(a.counterValues());
      assertThat(b.consistency()).isEqualTo(a.consistency());
      assertThat(b.why() == null ? null : b.why().text())
          .isEqualTo(a.why() == null ? null : a.why().text());
    }
    StringWriter again = new StringWriter();
    SweepCsv.write(plan, back, again);
    assertThat(again.toString()).isEqualTo(out.toString());
  }

  @Test
  void shouldRefuseATableOfAnotherSweepNamingTheLine() {
    SweepPlan plan = shardPlan();
    String header =
        "point,seed,nodes.clients.retry,yield,harvest,latencyP50Ms,latencyP99Ms,latencyMaxMs,"
            + "offered,ok,failed,timedOut,rejected,attempts,expectationsOk,traceHash,stopReason,"
            + "countersReported,why\n";
    assertThatThrownBy(
            () ->
                TableReader.read(
                    header + "0,1,{max: 3},1.0,1.0,1.0,1.0,1.0,1,1,0,0,0,1,true,aa,TIME_LIMIT,,\n",
                    "t.csv",
                    plan,
                    new ConcurrentHashMap<>()))
        .hasMessageContaining("t.csv:2: point 0 has the value {max: 3}, the sweep's has {max: 1}");
    assertThatThrownBy(
            () ->
                TableReader.read(
                    header.replace("yield", "yeild"), "t.csv", plan, new ConcurrentHashMap<>()))
        .hasMessageContaining("t.csv:1: the columns are not those of this sweep");
    assertThatThrownBy(
            () ->
                TableReader.read(
                    header + "0,9,{max: 1},1.0,1.0,1.0,1.0,1.0,1,1,0,0,0,1,true,aa,TIME_LIMIT,,\n",
                    "t.csv",
                    plan,
                    new ConcurrentHashMap<>()))
        .hasMessageContaining("t.csv:2: seed 9 is not one of 1..4");
  }

  @Test
  void shouldReadBackTheJsonItWrites() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("text", "a \"quoted\"\n\\ line\u0001");
    tree.put("whole", 42L);
    tree.put("fraction", 0.30000000000000004);
    tree.put("tiny", 1.5e-7);
    tree.put("none", null);
    tree.put("flags", List.of(true, false));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("empty", List.of());
    inner.put("nested", List.of(Map.of("k", -3L)));
    tree.put("inner", inner);
    String text = JsonText.write(tree);
    assertThat(JsonTree.parse(text)).isEqualTo(tree);
    assertThat(JsonText.write(JsonTree.parse(text))).isEqualTo(text);
    assertThatThrownBy(() -> JsonTree.parse("{\"a\": 1,\n \"b\" 2}"))
        .hasMessageStartingWith("2:6: ")
        .hasMessageContaining("expecting a colon");
    assertThatThrownBy(() -> JsonTree.parse("[1, 2")).hasMessageStartingWith("1:");
  }
}
