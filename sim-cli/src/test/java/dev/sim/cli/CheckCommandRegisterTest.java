package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim check} on registers: these go through the linearizability search ({@code
 * Linearizability.check}), written beside this on another branch.
 */
class CheckCommandRegisterTest {
  /** Write 1, write 2, then a read of 1: the read cannot be placed. */
  static final String STALE =
      """
      {"index": 0, "time": 0, "process": 0, "type": "invoke", "f": "write", "key": "x", "value": 1}
      {"index": 1, "time": 10, "process": 0, "type": "ok", "f": "write", "key": "x", "value": 1}
      {"index": 2, "time": 20, "process": 0, "type": "invoke", "f": "write", "key": "x", "value": 2}
      {"index": 3, "time": 30, "process": 0, "type": "ok", "f": "write", "key": "x", "value": 2}
      {"index": 4, "time": 40, "process": 1, "type": "invoke", "f": "read", "key": "x", "value": null}
      {"index": 5, "time": 50, "process": 1, "type": "ok", "f": "read", "key": "x", "value": 1}
      """;

  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void shouldExitZeroForALinearizableRegister() throws IOException {
    String ok =
        STALE.replace(
            "\"type\": \"ok\", \"f\": \"read\", \"key\": \"x\", \"value\": 1",
            "\"type\": \"ok\", \"f\": \"read\", \"key\": \"x\", \"value\": 2");
    assertThat(ok).isNotEqualTo(STALE);
    Cli.Result r = Cli.run("check", file("h.jsonl", ok).toString(), "--model", "register");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("verdict: valid");
  }

  @Test
  void shouldExitThreeAndPrintTheKeyTheStuckOperationAndThePrefix() throws IOException {
    Cli.Result r = Cli.run("check", file("h.jsonl", STALE).toString(), "--model", "register");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out())
        .contains("INVALID  key \"x\" (register, 3 operations)")
        .contains("cannot be placed: line 5: process 1 read on \"x\" → 1 (ok)")
        .contains("longest valid prefix: 2 of 3 operations")
        .contains("line 1: process 0 write 1 on \"x\" (ok)")
        .contains("line 3: process 0 write 2 on \"x\" (ok)");
  }

  @Test
  void shouldExitFourWhenTheDeadlinePassesBeforeAVerdict() throws IOException {
    // Twenty-four writes all concurrent with each other, then a read of 1 and a later read of 2,
    // which no order of the writes allows: the search must try the orders before it can say
    // invalid, and 1ns is not enough.
    StringBuilder b = new StringBuilder();
    int index = 0;
    int n = 24;
    for (int p = 0; p < n; p++) {
      b.append(line(index++, p, p, "invoke", "write", String.valueOf(p + 1)));
    }
    for (int p = 0; p < n; p++) {
      b.append(line(index++, 100 + p, p, "ok", "write", String.valueOf(p + 1)));
    }
    b.append(line(index++, 200, n, "invoke", "read", "null"));
    b.append(line(index++, 210, n, "ok", "read", "1"));
    b.append(line(index++, 220, n, "invoke", "read", "null"));
    b.append(line(index, 230, n, "ok", "read", "2"));
    Cli.Result r =
        Cli.run("check", file("hard.jsonl", b.toString()).toString(), "--timeout", "1ns");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
    assertThat(r.out())
        .contains("UNKNOWN")
        .contains("raise --timeout")
        .contains("verdict: unknown");
  }

  private static String line(int index, long time, int process, String type, String f, String v) {
    return String.format(
        Locale.ROOT,
        "{\"index\": %d, \"time\": %d, \"process\": %d, \"type\": \"%s\", \"f\": \"%s\","
            + " \"value\": %s}%n",
        index,
        time,
        process,
        type,
        f,
        f.equals("read") && type.equals("invoke") ? "null" : v);
  }
}
