package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.KernelRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The consistency family in summary.json (the contract's section) and result.json. */
class ConsistencyJsonTest {
  @TempDir Path dir;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ConsistencySummary summary() {
    return new ConsistencySummary(
        "register+set",
        false,
        1200,
        2,
        5,
        3,
        1,
        "invalid",
        4,
        1.25,
        1100,
        60,
        40,
        List.of(
            new ConsistencySummary.NodeOutcomes("clients-1", 600, 0, 0),
            new ConsistencySummary.NodeOutcomes("clients-2", 500, 60, 40)),
        List.of(
            new ConsistencySummary.LostWrite("x", 7, 1_500_000_000L, 2_250_000_000L),
            new ConsistencySummary.LostWrite(null, 9, 3_000_000_000L, 3_500_000_000L)),
        "x",
        "key \"x\": the read \"quoted\" cannot be placed");
  }

  @Test
  void summaryJsonHasTheContractsSevenKeysFirstAndTheAddedOnesAfter() throws Exception {
    RunResult r = KernelRun.run(42).toBuilder().family(summary()).build();
    JsonNode s = JSON.readTree(SummaryJson.toJson(r));
    List<String> top = List.copyOf(s.propertyNames());
    assertThat(top.get(top.size() - 1)).isEqualTo("consistency");
    JsonNode c = s.get("consistency");
    assertThat(List.copyOf(c.propertyNames()).subList(0, 7))
        .containsExactly(
            "model", "valid", "ops", "lostWrites", "staleReads", "siblingsMax", "divergentKeys");
    assertThat(c.get("model").stringValue()).isEqualTo("register+set");
    assertThat(c.get("valid").booleanValue()).isFalse();
    assertThat(c.get("ops").longValue()).isEqualTo(1200);
    assertThat(c.get("verdict").stringValue()).isEqualTo("invalid");
    assertThat(c.get("okShare").doubleValue()).isEqualTo(1100 / 1200.0);
    assertThat(c.get("byNode").get("clients-2").get("fail").longValue()).isEqualTo(60);
    assertThat(c.get("lost").get(0).get("lostSeconds").doubleValue()).isEqualTo(2.25);
    assertThat(c.get("lost").get(1).get("key").isNull()).isTrue();
    assertThat(c.get("witness").stringValue()).contains("\"quoted\"");
  }

  @Test
  void aRunWithoutAHistoryHasNoSection() throws Exception {
    JsonNode s = JSON.readTree(SummaryJson.toJson(KernelRun.run(42)));
    assertThat(s.has("consistency")).isFalse();
  }

  @Test
  void resultJsonReadsTheFamilyBackEqual() throws Exception {
    RunResult r = KernelRun.run(42).toBuilder().family(summary()).build();
    RunFolder.write(r, dir);
    RunResult back = RunFolder.read(dir);
    assertThat(back.consistency()).contains(summary());
    ResultJsonTest.assertSameRun(back, r);
  }
}
