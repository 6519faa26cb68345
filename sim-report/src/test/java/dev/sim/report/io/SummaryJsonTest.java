package dev.sim.report.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import dev.sim.report.Fixtures;
import dev.sim.report.KernelRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryJsonTest {
  @TempDir Path dir;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void hasEveryContractKeyInTheContractsOrder() throws Exception {
    RunFolder.write(KernelRun.run(42), dir);
    JsonNode s = JSON.readTree(dir.resolve("summary.json").toFile());
    List<String> keys = new ArrayList<>(s.propertyNames());
    assertThat(keys.subList(0, 13))
        .containsExactly(
            "scenario",
            "seed",
            "simulatedSeconds",
            "events",
            "wallSeconds",
            "traceHash",
            "requests",
            "yield",
            "harvest",
            "latencyMs",
            "counters",
            "expectations",
            "stopReason");
    assertThat(s.get("requests").propertyNames())
        .containsSubsequence("offered", "ok", "failed", "timedOut", "rejected", "attempts");
    assertThat(s.get("latencyMs").propertyNames())
        .containsExactly("mean", "p50", "p90", "p99", "p999", "max");
    assertThat(s.get("scenario").stringValue()).isEqualTo("queue-demo");
    assertThat(s.get("seed").longValue()).isEqualTo(42);
    assertThat(s.get("simulatedSeconds").doubleValue()).isEqualTo(10.0);
    assertThat(s.get("counters").get("served").isIntegralNumber()).isTrue();
    JsonNode e = s.get("expectations").get(0);
    assertThat(e.propertyNames()).containsExactly("check", "actual", "ok");
    assertThat(e.get("check").stringValue()).isEqualTo("yield >= 0.99");
    assertThat(e.get("ok").isBoolean()).isTrue();
  }

  @Test
  void undefinedFiguresAreNull() throws Exception {
    RunResult r = Fixtures.spiral();
    JsonNode s = JSON.readTree(SummaryJson.toJson(r));
    assertThat(s.get("expectations").get(3).get("actual").isNull()).isTrue();
    RunResult none =
        RunResult.builder("idle", 1)
            .simulatedNanos(10)
            .stop(r.stopReason(), "")
            .traceHash("00")
            .windows(1, 0)
            .info(null)
            .build();
    JsonNode n = JSON.readTree(SummaryJson.toJson(none));
    assertThat(n.get("yield").isNull()).isTrue();
    assertThat(n.get("latencyMs").get("p99").isNull()).isTrue();
  }

  @Test
  void aRunWithoutRequestsKeepsEveryRequestKeyAsARunThatOfferedNone() throws Exception {
    RunResult generals =
        Fixtures.spiral(20, "generals", 1).toBuilder().withoutFamily("requests").build();
    RunResult offeredNone =
        generals.toBuilder()
            .family(dev.sim.kernel.result.RequestSummary.none(20, generals.windowNanos()))
            .build();
    assertThat(SummaryJson.toJson(generals)).isEqualTo(SummaryJson.toJson(offeredNone));
    JsonNode s = JSON.readTree(SummaryJson.toJson(generals));
    assertThat(s.get("requests").get("offered").asLong()).isZero();
    assertThat(s.get("yield").isNull()).isTrue();
    assertThat(s.get("latencyMs").propertyNames())
        .containsExactly("mean", "p50", "p90", "p99", "p999", "max");
    assertThat(MetricsCsv.toCsv(generals)).isEqualTo(MetricsCsv.toCsv(offeredNone));
  }

  @Test
  void twoWritesOfOneRunAreIdenticalApartFromWallSeconds() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    RunFolder.write(KernelRun.run(42).withWallSeconds(0.8123), a);
    RunFolder.write(KernelRun.run(42).withWallSeconds(2.5), b);
    List<String> la = Files.readAllLines(a.resolve("summary.json"));
    List<String> lb = Files.readAllLines(b.resolve("summary.json"));
    assertThat(la).hasSameSizeAs(lb);
    for (int i = 0; i < la.size(); i++) {
      if (la.get(i).contains("\"wallSeconds\"")) {
        assertThat(la.get(i)).isEqualTo("  \"wallSeconds\": 0.812,");
        assertThat(lb.get(i)).isEqualTo("  \"wallSeconds\": 2.5,");
      } else {
        assertThat(la.get(i)).isEqualTo(lb.get(i));
      }
    }
    assertThat(Files.readAllBytes(a.resolve("metrics.csv")))
        .isEqualTo(Files.readAllBytes(b.resolve("metrics.csv")));
  }

  @Test
  void isWrittenAtomicallyLeavingNoTemporaryFiles() throws Exception {
    RunFolder.write(Fixtures.spiral(), dir);
    RunFolder.write(Fixtures.spiral(), dir);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("metrics.csv", "result.json", "summary.json");
    }
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(Files.getPosixFilePermissions(dir.resolve("summary.json")))
          .as("readable by other tools, not owner-only like a temp file")
          .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }
  }

  @Test
  void numbersPrintTheSameOnEveryJdk() {
    assertThat(Numbers.shortest(600.0)).isEqualTo("600.0");
    assertThat(Numbers.shortest(0.1)).isEqualTo("0.1");
    assertThat(Numbers.shortest(2.0E-3)).isEqualTo("0.002");
    assertThat(Numbers.shortest(-0.0)).isEqualTo("-0.0");
    // JDK 17's Double.toString prints 2.0E-3 as "0.002" too, but 1.0E23 as "1.0000000000000001E23";
    // the Schubfach writer gives the shortest form on every JDK.
    assertThat(Numbers.shortest(1.0E23)).isEqualTo("1.0E23");
  }
}
