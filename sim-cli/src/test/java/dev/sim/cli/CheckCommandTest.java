package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim check} on sets and counters and on malformed files (registers:
 * CheckCommandRegisterTest).
 */
class CheckCommandTest {
  static final String SET_LOST =
      """
      {"index": 0, "time": 0, "process": 0, "type": "invoke", "f": "add", "value": 1}
      {"index": 1, "time": 1000000, "process": 0, "type": "ok", "f": "add", "value": 1}
      {"index": 2, "time": 2000000, "process": 0, "type": "invoke", "f": "add", "value": 2}
      {"index": 3, "time": 3000000, "process": 0, "type": "ok", "f": "add", "value": 2}
      {"index": 4, "time": 5000000, "process": 1, "type": "invoke", "f": "read", "value": null}
      {"index": 5, "time": 6000000, "process": 1, "type": "ok", "f": "read", "value": [1]}
      """;

  static final String SET_VALID = SET_LOST.replace("\"value\": [1]}", "\"value\": [1, 2]}");

  /** Valid only because the timed-out increment of 10 may have applied. */
  static final String COUNTER_INFO =
      """
      {"index": 0, "time": 0, "process": 0, "type": "invoke", "f": "incr", "key": "n", "value": 1}
      {"index": 1, "time": 10, "process": 0, "type": "ok", "f": "incr", "key": "n", "value": 1}
      {"index": 2, "time": 20, "process": 0, "type": "invoke", "f": "incr", "key": "n", "value": 10}
      {"index": 3, "time": 30, "process": 0, "type": "info", "f": "incr", "key": "n", "value": null}
      {"index": 4, "time": 40, "process": 1, "type": "invoke", "f": "read", "key": "n", "value": null}
      {"index": 5, "time": 50, "process": 1, "type": "ok", "f": "read", "key": "n", "value": 11}
      """;

  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldExitZeroForAValidSetHistory() throws IOException {
    Cli.Result r = Cli.run("check", file("h.jsonl", SET_VALID).toString(), "--model", "set");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("model set · 3 operations on 1 key").contains("verdict: valid");
  }

  @Test
  void shouldExitThreeForALostElementAndPrintTheKeyAndTheRead() throws IOException {
    Path f = file("h.jsonl", SET_LOST);
    Cli.Result r = Cli.run("check", f.toString(), "--model", "set");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out())
        .contains("INVALID  the unnamed key (set, 3 operations)")
        .contains("element 2 was lost")
        .contains("the read: line 5: process 1 read → [1] (ok), invoked 5ms, completed 6ms")
        .contains("lost writes 1 · stale reads 1")
        .contains("verdict: invalid");
  }

  @Test
  void shouldExitZeroForACounterReadValidOnlyBecauseOfAnInfoIncrement() throws IOException {
    Cli.Result r = Cli.run("check", file("n.jsonl", COUNTER_INFO).toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("model counter");
    Cli.Result failed =
        Cli.run(
            "check",
            file("m.jsonl", COUNTER_INFO.replace("\"info\"", "\"fail\"")).toString(),
            "--model",
            "counter");
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.out()).contains("returned 11, but it could only return 1");
  }

  @Test
  void shouldExitTwoWithFileAndLineForALineThatIsNotJson() throws IOException {
    Path f = file("bad.jsonl", SET_LOST.replace("\"index\": 3,", "\"index\": 3"));
    Cli.Result r = Cli.run("check", f.toString(), "--model", "set");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .matches("(?s)sim: " + java.util.regex.Pattern.quote(f.toString()) + ":4:\\d+: not JSON.*");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void shouldExitTwoForTwoOperationsOutstandingOnOneProcess() throws IOException {
    Path f =
        file(
            "two.jsonl",
            SET_LOST.replace(
                "\"process\": 0, \"type\": \"ok\", \"f\": \"add\", \"value\": 1",
                "\"process\": 0, \"type\": \"invoke\", \"f\": \"add\", \"value\": 9"));
    Cli.Result r = Cli.run("check", f.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "sim: "
                + f
                + ":2: process 0 invokes add while its add from line 1 is still"
                + " outstanding");
  }

  @Test
  void shouldExitTwoForAnUnknownFOrTypeOrAMissingField() throws IOException {
    Cli.Result f =
        Cli.run("check", file("f.jsonl", SET_LOST.replace("\"add\"", "\"put\"")).toString());
    assertThat(f.exitCode()).isEqualTo(2);
    assertThat(f.err()).contains("f.jsonl:1: unknown f 'put'");
    Cli.Result t =
        Cli.run("check", file("t.jsonl", SET_LOST.replace("\"ok\"", "\"done\"")).toString());
    assertThat(t.err())
        .contains("t.jsonl:2: unknown type 'done'; expected invoke, ok, fail or info");
    Cli.Result m =
        Cli.run("check", file("m.jsonl", SET_LOST.replace("\"time\": 0, ", "")).toString());
    assertThat(m.err()).contains("m.jsonl:1: missing field 'time'");
    assertThat(m.exitCode()).isEqualTo(2);
  }

  @Test
  void shouldExitTwoWhenAKeyMixesModelsNamingTheLine() throws IOException {
    String mixed =
        SET_LOST.replace("\"f\": \"add\", \"value\": 2}", "\"f\": \"incr\", \"value\": 2}");
    Cli.Result r = Cli.run("check", file("x.jsonl", mixed).toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "x.jsonl:3: this incr makes the unnamed key a counter, but the set operation on line 1"
                + " made it a set");
  }

  @Test
  void shouldExitTwoForAMissingFileAnUnknownModelOrABadTimeout() throws IOException {
    Cli.Result missing = Cli.run("check", tmp.resolve("nope.jsonl").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.jsonl").contains("no such file");
    Path f = file("h.jsonl", SET_VALID);
    Cli.Result model = Cli.run("check", f.toString(), "--model", "regster");
    assertThat(model.exitCode()).isEqualTo(2);
    assertThat(model.err()).contains("--model: unknown model 'regster' — did you mean 'register'?");
    Cli.Result timeout = Cli.run("check", f.toString(), "--timeout", "60");
    assertThat(timeout.exitCode()).isEqualTo(2);
    assertThat(timeout.err()).contains("--timeout: expected a duration like 5ms or 1.5s");
    Cli.Result export = Cli.run("check", f.toString(), "--export", "end");
    assertThat(export.err()).contains("--export: unknown format 'end' — did you mean 'edn'?");
  }

  @Test
  void shouldWriteTheEdnBesideTheFileOrIntoOut() throws IOException {
    Path f = file("history.jsonl", SET_LOST);
    Cli.Result r = Cli.run("check", f.toString(), "--export", "edn");
    assertThat(r.exitCode()).isEqualTo(3);
    Path edn = tmp.resolve("history.edn");
    assertThat(r.out()).contains("wrote " + edn);
    assertThat(Files.readAllLines(edn))
        .hasSize(6)
        .first()
        .isEqualTo("{:index 0, :time 0, :process 0, :type :invoke, :f :add, :value 1}");
    Path out = tmp.resolve("out");
    Cli.run("check", f.toString(), "--export", "edn", "--out", out.toString());
    assertThat(out.resolve("history.edn")).hasSameTextualContentAs(edn);
    assertThat(out.resolve("check.html")).exists();
  }

  @Test
  void shouldWriteCheckHtmlWithTheViolationMarked() throws IOException {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("check", file("h.jsonl", SET_LOST).toString(), "--out", out.toString());
    assertThat(r.out()).contains("wrote " + out.resolve("check.html"));
    String html = Files.readString(out.resolve("check.html"));
    assertThat(html).contains("INVALID").contains("element 2 was lost").contains("✗");
  }

  @Test
  void shouldPrintJsonWithTheVerdictAndLines() throws IOException {
    Cli.Result r = Cli.run("check", file("h.jsonl", SET_LOST).toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .startsWith("{")
        .contains("\"verdict\" : \"invalid\"")
        .contains("\"lostWrites\" : 1")
        .contains("\"line\" : 5")
        .doesNotContain("verdict: invalid");
  }

  @Test
  void shouldMapEachVerdictToItsExitCode() {
    assertThat(CheckCommand.exitCode(Verdict.VALID)).isZero();
    assertThat(CheckCommand.exitCode(Verdict.INVALID)).isEqualTo(3);
    assertThat(CheckCommand.exitCode(Verdict.UNKNOWN)).isEqualTo(4);
  }
}
