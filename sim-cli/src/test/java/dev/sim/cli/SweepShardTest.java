package dev.sim.cli;

import static dev.sim.cli.SweepFiles.SEEDY;
import static dev.sim.cli.SweepFiles.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code sim sweep --shard K/N} and {@code sim merge}: the whole sweep's files, from N folders. */
class SweepShardTest {
  static final String[] SWEEP = {
    SEEDY, "--seeds", "1..7", "--vary", "nodes.api.workers=1,2", "--threads", "1"
  };

  @TempDir Path tmp;

  static String[] with(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  static Cli.Result merge(Path out, Path... dirs) {
    List<String> args = new ArrayList<>(List.of("merge"));
    for (Path d : dirs) {
      args.add(d.toString());
    }
    args.addAll(List.of("--out", out.toString()));
    return Cli.run(args.toArray(new String[0]));
  }

  static void assertSameFiles(Path a, Path b) throws IOException {
    assertThat(Files.readAllBytes(b.resolve("sweep.csv")))
        .as("sweep.csv")
        .isEqualTo(Files.readAllBytes(a.resolve("sweep.csv")));
    assertThat(Files.readString(b.resolve("sweep.json")))
        .isEqualTo(Files.readString(a.resolve("sweep.json")));
    // The charts and page too: drawn from the merged table, they are the whole sweep's.
    List<String> names = names(a);
    assertThat(names).contains("sweep.html", "yield.png", "yield.svg", "held.png");
    assertThat(names(b)).isEqualTo(names);
    for (String n : names) {
      assertThat(Files.readAllBytes(b.resolve(n)))
          .as(n)
          .isEqualTo(Files.readAllBytes(a.resolve(n)));
    }
  }

  static List<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldMergeShardsRunAsSeparateProcessesIntoTheWholeSweepsFilesByteForByte()
      throws Exception {
    Cli.Result whole = sweep(tmp.resolve("whole"), SWEEP);
    assertThat(whole.exitCode()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    // Three shards at once, each its own JVM, as a batch engine would start them.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> shards = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      List<String> command =
          new ArrayList<>(
              List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      command.add("sweep");
      command.addAll(List.of(SWEEP));
      command.addAll(List.of("--shard", k + "/3", "--out", tmp.resolve("shard-" + k).toString()));
      shards.add(
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(tmp.resolve("shard-" + k + ".txt").toFile())
              .start());
    }
    for (Process p : shards) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isIn(ExitCodes.OK, ExitCodes.EXPECTATION_FAILED);
    }
    assertThat(Files.readString(tmp.resolve("shard-2.txt")))
        .contains("seedy sweep, shard 2/3 · 2 points × 7 seeds (1..7) = 14 runs (5 in this shard)");
    // Shards hold interleaved slices: every row of the whole table exactly once.
    long rows = 0;
    for (int k = 1; k <= 3; k++) {
      rows += SweepFiles.rows(tmp.resolve("shard-" + k)).size();
    }
    assertThat(rows).isEqualTo(14);
    // A shard draws nothing: its table is a slice of the sweep.
    assertThat(names(tmp.resolve("shard-1"))).containsExactly("sweep.csv", "sweep.json");
    Cli.Result merged =
        merge(
            tmp.resolve("merged"),
            tmp.resolve("shard-3"),
            tmp.resolve("shard-1"),
            tmp.resolve("shard-2"));
    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
    assertThat(merged.out())
        .contains("seedy sweep · 2 points × 7 seeds (1..7) = 14 runs, merged from 3 shards");
    // The same failures, listed the same way, as the whole sweep's.
    String list =
        whole.out().substring(whole.out().indexOf("  held"), whole.out().indexOf("  wrote"));
    assertThat(merged.out()).contains(list);
    assertSameFiles(tmp.resolve("whole"), tmp.resolve("merged"));
  }

  @Test
  void shouldMergeTheShardsOfAFailingSeedSearchIntoTheWholeSearch() throws IOException {
    String[] search = {
      SEEDY, "--seeds", "1..30", "--vary", "nodes.api.workers=2,1", "--until-fail"
    };
    Cli.Result whole = sweep(tmp.resolve("whole"), search);
    assertThat(whole.out()).contains("the smallest failing seed is");
    Path[] dirs = new Path[4];
    for (int k = 1; k <= 4; k++) {
      dirs[k - 1] = tmp.resolve("shard-" + k);
      Cli.Result shard = sweep(dirs[k - 1], with(search, "--shard", k + "/4"));
      assertThat(shard.exitCode()).isIn(ExitCodes.OK, ExitCodes.EXPECTATION_FAILED);
    }
    Cli.Result merged = merge(tmp.resolve("merged"), dirs);
    assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
    assertSameFiles(tmp.resolve("whole"), tmp.resolve("merged"));
    String line = whole.out().substring(whole.out().indexOf("until-fail"));
    assertThat(merged.out()).contains(line.substring(0, line.indexOf('\n')));
  }

  @ParameterizedTest(name = "--shard {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3/2|K is at most N: the shards of 2 are 1/2 to 2/2",
        "0/4|shards count from 1: the first of 4 is --shard 1/4",
        "2/0|N is the number of shards, at least 1",
        "two|expected K/N, the K-th of N slices, e.g. --shard 1/4",
      })
  void shouldRefuseAShardThatDoesNotExist(String shard, String says) {
    Cli.Result r = sweep(tmp.resolve("s"), SEEDY, "--shard", shard);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith("sim: --shard " + shard + ": " + says);
  }

  @Test
  void shouldRefuseToMergeFoldersThatAreNotTheShardsOfOneSweep() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path other = tmp.resolve("other");
    Path three = tmp.resolve("three");
    Path whole = tmp.resolve("whole");
    sweep(a, with(SWEEP, "--shard", "1/2"));
    sweep(b, with(SWEEP, "--shard", "2/2"));
    sweep(other, SEEDY, "--seeds", "1..8", "--vary", "nodes.api.workers=1,2", "--shard", "2/2");
    sweep(three, with(SWEEP, "--shard", "1/3"));
    sweep(whole, SWEEP);

    assertRefused(merge(tmp.resolve("m"), a, other), "is a shard of a different sweep than")
        .contains(
            "its 'seeds' is {\"first\": 1, \"last\": 8}, the other's {\"first\": 1, \"last\": 7}");
    assertRefused(
        merge(tmp.resolve("m"), a),
        "shard 2/2 is missing: add the folder that 'sim sweep" + " ... --shard 2/2' wrote");
    assertRefused(merge(tmp.resolve("m"), a, a), "are both shard 1/2; give each once");
    assertRefused(merge(tmp.resolve("m"), a, three), "is shard 1/3 but")
        .contains("the shards of one sweep are all K/N with the same N");
    assertRefused(merge(tmp.resolve("m"), whole), "holds a whole sweep (run without --shard)");
    assertRefused(merge(tmp.resolve("m"), tmp.resolve("nope")), "no such folder");
    assertRefused(merge(a, a, b), "--out " + a + " is one of the shards' folders");

    // A table cut short, as by a disk that filled up.
    String csv = Files.readString(b.resolve("sweep.csv"));
    Files.writeString(
        b.resolve("sweep.csv"), csv.substring(0, csv.lastIndexOf('\n', csv.length() - 2) + 1));
    assertRefused(merge(tmp.resolve("m"), a, b), "the shards hold 13 of the sweep's 14 runs");
    Files.writeString(b.resolve("sweep.csv"), csv.substring(0, csv.length() - 5));
    assertRefused(merge(tmp.resolve("m"), a, b), "the last line has no end; the file is cut short");
    assertThat(tmp.resolve("m")).doesNotExist();
  }

  private static org.assertj.core.api.AbstractStringAssert<?> assertRefused(
      Cli.Result r, String says) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.out()).isEmpty();
    return assertThat(r.err()).startsWith("sim: ").contains(says);
  }
}
