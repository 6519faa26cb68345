package dev.sim.cli;

import static dev.sim.cli.SweepFiles.SEEDY;
import static dev.sim.cli.SweepFiles.rows;
import static dev.sim.cli.SweepFiles.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim sweep} as a user runs it: the files, the runs they stand for, the exit codes. */
class SweepCommandTest {
  static final String SMALL = RunCommandTest.SMALL;
  static final String EXPLODES = "src/test/resources/scenarios/explodes.yaml";
  static final String HISTORY = "src/test/resources/scenarios/history.yaml";

  @TempDir Path tmp;

  @Test
  void shouldWriteTheContractsColumnsInOrderOneRowPerPointAndSeed() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r =
        sweep(out, SMALL, "--seeds", "2..4", "--vary", "nodes.api.workers=1,2", "--threads", "2");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> header = SweepFiles.header(out);
    assertThat(header.subList(0, 17))
        .containsExactly(
            "point",
            "seed",
            "nodes.api.workers",
            "yield",
            "harvest",
            "latencyP50Ms",
            "latencyP99Ms",
            "latencyMaxMs",
            "offered",
            "ok",
            "failed",
            "timedOut",
            "rejected",
            "attempts",
            "expectationsOk",
            "traceHash",
            "stopReason");
    List<String> counters = header.subList(17, header.size());
    assertThat(counters).isNotEmpty().allMatch(c -> c.startsWith("counter.")).isSorted();
    List<Map<String, String>> rows = rows(out);
    List<String> order = new ArrayList<>();
    for (Map<String, String> row : rows) {
      order.add(row.get("point") + "/" + row.get("seed") + "/" + row.get("nodes.api.workers"));
      assertThat(row.get("stopReason")).isEqualTo("TIME_LIMIT");
      assertThat(row.get("traceHash")).matches("[0-9a-f]{16}");
    }
    assertThat(order).containsExactly("0/2/1", "0/3/1", "0/4/1", "1/2/2", "1/3/2", "1/4/2");
    assertThat(r.out())
        .contains("small sweep · 2 points × 3 seeds (2..4) = 6 runs on 2 threads")
        .contains("runs/s")
        .contains("6 runs of 6: every expectation held")
        .contains("wrote " + out + "/ (sweep.csv, sweep.json, sweep.html and charts)");
  }

  @Test
  void shouldWriteTheSameFilesByteForByteOnOneThreadAndOnThree() throws IOException {
    String[] args = {
      SMALL, "--seeds", "1..4", "--vary", "nodes.api.workers=1,2", "--set", "duration=13s"
    };
    Cli.Result one = sweep(tmp.resolve("one"), with(args, "--threads", "1"));
    Cli.Result three = sweep(tmp.resolve("three"), with(args, "--threads", "3"));
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(three.exitCode()).as(three.err()).isZero();
    assertThat(one.out()).contains("on 1 thread ·");
    assertThat(three.out()).contains("on 3 threads ·");
    byte[] csv = Files.readAllBytes(tmp.resolve("one/sweep.csv"));
    assertThat(Files.readAllBytes(tmp.resolve("three/sweep.csv"))).isEqualTo(csv);
    assertThat(Files.readString(tmp.resolve("three/sweep.json")))
        .isEqualTo(Files.readString(tmp.resolve("one/sweep.json")));
    // The rows differ from seed to seed, so an ordering mistake could not hide.
    assertThat(rows(tmp.resolve("one")).stream().map(m -> m.get("traceHash")))
        .hasSize(8)
        .doesNotHaveDuplicates();
  }

  @Test
  void shouldMakeExactlyTheRunsThatSimRunMakes() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r =
        sweep(
            out,
            SMALL,
            "--seeds",
            "5..6",
            "--set",
            "duration=14s",
            "--vary",
            "nodes.clients.load.rate=100/s..300/s:3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<Map<String, String>> rows = rows(out);
    assertThat(rows.stream().map(m -> m.get("nodes.clients.load.rate")))
        .containsExactly("100/s", "100/s", "200/s", "200/s", "300/s", "300/s");
    for (Map<String, String> row : List.of(rows.get(1), rows.get(4))) {
      Path dir = tmp.resolve("run-" + row.get("point") + "-" + row.get("seed"));
      Cli.Result run =
          Cli.run(
              "run",
              SMALL,
              "--seed",
              row.get("seed"),
              "--set",
              "duration=14s",
              "--set",
              "nodes.clients.load.rate=" + row.get("nodes.clients.load.rate"),
              "--out",
              dir.toString(),
              "--no-report",
              "--quiet");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(SweepFiles.traceHash(dir)).isEqualTo(row.get("traceHash"));
      assertThat(Files.readString(dir.resolve("summary.json")))
          .contains("\"offered\": " + row.get("offered") + ",")
          .contains("\"attempts\": " + row.get("attempts") + ",");
    }
  }

  @Test
  void shouldExitThreeAndPrintACommandThatReplaysEachFailingRun() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, SEEDY, "--seeds", "1..8", "--vary", "nodes.api.workers=1,2");
    List<Map<String, String>> rows = rows(out);
    List<Map<String, String>> failing =
        rows.stream().filter(m -> m.get("expectationsOk").equals("false")).toList();
    assertThat(failing).as("the scenario must fail at some seeds for this test").isNotEmpty();
    assertThat(rows.size() - failing.size()).as("and pass at others").isPositive();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    assertThat(r.out())
        .contains(
            (rows.size() - failing.size()) + " runs of " + rows.size() + ": every expectation held")
        .contains(failing.size() + " run" + (failing.size() == 1 ? "" : "s") + ": an expectation");

    Matcher m =
        Pattern.compile(
                "    seed (\\d+) at nodes.api.workers=(\\d): latency.p99 < 80ms \\(actual"
                    + " [0-9.]+ms\\)\n      (sim run .*)\n")
            .matcher(r.out());
    List<String> listed = new ArrayList<>();
    while (m.find()) {
      listed.add(m.group(1) + "/" + m.group(2));
      if (listed.size() == 1) {
        // Replay the first one exactly as printed.
        String command = m.group(3);
        assertThat(command)
            .isEqualTo(
                "sim run "
                    + SEEDY
                    + " --seed "
                    + m.group(1)
                    + " --set nodes.api.workers="
                    + m.group(2));
        List<String> args = new ArrayList<>(List.of(command.substring(4).split(" ")));
        Path dir = tmp.resolve("replay");
        args.addAll(List.of("--out", dir.toString(), "--no-report", "--quiet"));
        Cli.Result replay = Cli.run(args.toArray(new String[0]));
        assertThat(replay.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
        assertThat(SweepFiles.traceHash(dir)).isEqualTo(failing.get(0).get("traceHash"));
      }
    }
    assertThat(listed)
        .containsExactlyElementsOf(
            failing.stream().map(f -> f.get("seed") + "/" + f.get("nodes.api.workers")).toList());
  }

  @Test
  void shouldExitOneNamingTheSeedAndTheFailureWhenARunFailsInTheSimulator() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, EXPLODES, "--seeds", "2", "--threads", "2");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err())
        .contains("sim: 2 runs failed in the simulator; replay each with:")
        .contains("    seed 1: node bomb threw at simulated 2s while handling timer Fuse")
        .contains("the fuse burned down")
        .contains("      sim run " + EXPLODES + " --seed 2");
    assertThat(r.out()).contains("  failed     2 runs in the simulator (listed on stderr)");
    assertThat(rows(out))
        .extracting(m -> m.get("stopReason") + "/" + m.get("expectationsOk"))
        .containsExactly("NODE_FAILURE/false", "NODE_FAILURE/false");
  }

  @Test
  void shouldSummariseEachPointAcrossItsSeedsInSweepJson() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, SEEDY, "--seeds", "1..6", "--vary", "nodes.api.workers=1,2");
    assertThat(r.exitCode()).isIn(ExitCodes.OK, ExitCodes.EXPECTATION_FAILED);
    String json = Files.readString(out.resolve("sweep.json"));
    assertThat(json)
        .contains("\"scenario\": \"seedy\"")
        .contains("\"seeds\": {\"first\": 1, \"last\": 6}")
        .contains("\"values\": [\"1\", \"2\"]")
        .contains("\"runs\": 12");
    List<Map<String, String>> rows = rows(out);
    for (String point : List.of("0", "1")) {
      List<Map<String, String>> mine =
          rows.stream().filter(m -> m.get("point").equals(point)).toList();
      double[] p99 =
          mine.stream().mapToDouble(m -> Double.parseDouble(m.get("latencyP99Ms"))).toArray();
      long held = mine.stream().filter(m -> m.get("expectationsOk").equals("true")).count();
      String block = json.substring(json.indexOf("\"point\": " + point + ","));
      assertThat(block).contains("\"seeds\": 6,").contains("\"held\": " + held + ",");
      assertThat(number(block, "expectationsHeldShare")).isEqualTo(held / 6.0);
      String line = block.substring(block.indexOf("\"latencyP99Ms\": {"));
      line = line.substring(0, line.indexOf('}'));
      double min = java.util.Arrays.stream(p99).min().orElseThrow();
      double max = java.util.Arrays.stream(p99).max().orElseThrow();
      double mean = java.util.Arrays.stream(p99).sum() / p99.length;
      assertThat(number(line, "min")).isEqualTo(min);
      assertThat(number(line, "max")).isEqualTo(max);
      assertThat(number(line, "mean")).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(number(line, "p5")).isBetween(min, number(line, "p95"));
      assertThat(number(line, "p95")).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void shouldAddTheConsistencyFiguresAfterTheContractsColumnsForRunsWithHistories()
      throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, HISTORY, "--vary", "nodes.store.drop=0,2");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    List<String> header = SweepFiles.header(out);
    int first = header.indexOf("consistency.model");
    assertThat(first).isGreaterThan(header.indexOf("stopReason"));
    assertThat(header.subList(first, header.size()))
        .containsExactly(
            "consistency.model",
            "consistency.valid",
            "consistency.ops",
            "consistency.lostWrites",
            "consistency.staleReads",
            "consistency.siblingsMax",
            "consistency.divergentKeys",
            "consistency.verdict");
    List<Map<String, String>> rows = rows(out);
    assertThat(rows).extracting(m -> m.get("seed")).containsExactly("1", "1");
    assertThat(rows.get(0).get("consistency.valid")).isEqualTo("true");
    assertThat(rows.get(0).get("consistency.lostWrites")).isEqualTo("0");
    assertThat(rows.get(1).get("consistency.valid")).isEqualTo("false");
    assertThat(Long.parseLong(rows.get(1).get("consistency.lostWrites"))).isPositive();
    assertThat(Files.readString(out.resolve("sweep.json"))).contains("\"consistency.lostWrites\"");
  }

  @Test
  void shouldLeaveItsFilesAndNoTemporaryOnesInTheFolder() throws IOException {
    Path out = tmp.resolve("s");
    Cli.Result r = sweep(out, SMALL, "--seeds", "1", "--set", "duration=13s");
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("sweep.csv", "sweep.json", "sweep.html", ".sim-rendered");
    }
    assertThat(rows(out)).hasSize(1);
  }

  private static double number(String line, String key) {
    Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.Ee]+)").matcher(line);
    assertThat(m.find()).as(key + " in " + line).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }
}
