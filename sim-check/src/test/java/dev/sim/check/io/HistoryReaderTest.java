package dev.sim.check.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.check.Model;
import dev.sim.check.Rec;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
  static final String W0 =
      "{\"index\": 0, \"time\": 1500000, \"process\": 3, \"type\": \"invoke\", \"f\": \"write\","
          + " \"key\": \"x\", \"value\": 7}";
  static final String W1 =
      "{\"index\": 1, \"time\": 2400000, \"process\": 3, \"type\": \"ok\", \"f\": \"write\","
          + " \"key\": \"x\", \"value\": 7}";

  @TempDir Path tmp;

  private static HistoryFile parse(Model model, String... lines) throws HistoryFormatException {
    return HistoryReader.parse(String.join("\n", lines) + "\n", "h.jsonl", model);
  }

  private static String error(Model model, String... lines) {
    try {
      parse(model, lines);
    } catch (HistoryFormatException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + String.join("\n", lines));
  }

  @Test
  void shouldReadTheContractsExample() throws Exception {
    HistoryFile h = parse(Model.REGISTER, W0, W1);
    assertThat(h.ops())
        .containsExactly(
            new Op(0, 1_500_000, 3, OpType.INVOKE, "write", "x", 7L, null),
            new Op(1, 2_400_000, 3, OpType.OK, "write", "x", 7L, null));
    assertThat(h.lineOf(1)).isEqualTo(2);
  }

  @Test
  void shouldRoundTripARecordedHistoryThroughTheWriter() throws Exception {
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", "x", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "cas", "x", List.of(1L, 2L)).at(3).fail(1, null);
    r.at(3).inv(2, "read", null).at(4).ok(2, null);
    r.at(5).inv(0, "add", "s", 4L).at(6).info(0, null);
    r.at(7).inv(1, "read", "s", null).at(8).ok(1, List.of(4L, 5L));
    r.at(9).inv(2, "incr", "n", -2L);
    List<Op> ops = r.ops();
    Path file = tmp.resolve("history.jsonl");
    Files.writeString(file, HistoryWriter.toJsonLines(ops));
    assertThat(HistoryReader.read(file, null).ops()).isEqualTo(ops);
  }

  @Test
  void shouldWriteTheKeysInTheContractsOrderAndLeaveOutAnAbsentKey() {
    assertThat(HistoryWriter.line(new Op(0, 5, 1, OpType.INVOKE, "read", null, null, null)))
        .isEqualTo(
            "{\"index\": 0, \"time\": 5, \"process\": 1, \"type\": \"invoke\", \"f\": \"read\","
                + " \"value\": null}");
    assertThat(
            HistoryWriter.line(
                new Op(2, 9, 1, OpType.OK, "read", "a\"b", List.of(1L, 2L), "client-1")))
        .isEqualTo(
            "{\"index\": 2, \"time\": 9, \"process\": 1, \"type\": \"ok\", \"f\": \"read\","
                + " \"key\": \"a\\\"b\", \"value\": [1, 2], \"node\": \"client-1\"}");
  }

  @Test
  void shouldSkipBlankLinesButKeepCountingThem() throws Exception {
    HistoryFile h = HistoryReader.parse(W0 + "\n\n\r\n" + W1 + "\r\n", "h", null);
    assertThat(h.ops()).hasSize(2);
    assertThat(h.lineOf(1)).isEqualTo(4);
  }

  @Test
  void shouldNameLineAndColumnOfALineThatIsNotJson() {
    String e = error(null, W0, "{\"index\": 1, \"time\": 2,, }");
    assertThat(e)
        .startsWith("h.jsonl:2:")
        .contains("not JSON")
        .contains("one JSON object per line");
    assertThat(e.split(":")[2]).matches("\\d+");
  }

  @Test
  void shouldRefuseALineThatIsJsonButNotAnObject() {
    assertThat(error(null, "[1, 2]")).startsWith("h.jsonl:1: expected a JSON object");
  }

  @Test
  void shouldNameAMissingFieldAndTheNearMiss() {
    assertThat(error(null, W0, "{\"index\": 1, \"time\": 2, \"type\": \"ok\", \"f\": \"write\"}"))
        .isEqualTo(
            "h.jsonl:2: missing field 'process'; every line has index, time, process, type and f");
    assertThat(
            error(
                null,
                "{\"index\": 0, \"time\": 2, \"proces\": 1, \"type\": \"invoke\", \"f\": \"read\"}"))
        .isEqualTo("h.jsonl:1: missing field 'process' (found 'proces' — did you mean 'process'?)");
  }

  @Test
  void shouldRefuseAnUnknownTypeOrF() {
    assertThat(error(null, W0.replace("\"invoke\"", "\"okay\"")))
        .isEqualTo("h.jsonl:1: unknown type 'okay'; expected invoke, ok, fail or info");
    assertThat(error(null, W0.replace("\"write\"", "\"put\"")))
        .isEqualTo("h.jsonl:1: unknown f 'put'; expected read, write, cas, add or incr");
    assertThat(error(Model.SET, W0))
        .isEqualTo("h.jsonl:1: f 'write' is not an operation of model set (read, add)");
    assertThat(
            error(
                Model.REGISTER,
                "{\"index\": 0, \"time\": 0, \"process\": 0, \"type\": \"invoke\", \"f\": \"cas\","
                    + " \"value\": [1, 2]}"))
        .isEqualTo(
            "h.jsonl:1: f 'cas' is not an operation of model register (read, write); cas belongs"
                + " to model cas-register");
  }

  @Test
  void shouldRefuseAValueOfTheWrongShapeForItsF() {
    String cas =
        "{\"index\": 0, \"time\": 0, \"process\": 0, \"type\": \"invoke\", \"f\": \"cas\","
            + " \"value\": 7}";
    assertThat(error(Model.CAS_REGISTER, cas))
        .isEqualTo(
            "h.jsonl:1: cas value should be [old, new] (old may be null, new an integer), found 7");
    String setRead =
        "{\"index\": 0, \"time\": 0, \"process\": 0, \"type\": \"invoke\", \"f\": \"read\"}\n"
            + "{\"index\": 1, \"time\": 0, \"process\": 0, \"type\": \"ok\", \"f\": \"read\","
            + " \"value\": 3}";
    assertThat(error(Model.SET, setRead))
        .isEqualTo("h.jsonl:2: a set read returns the list of its elements, like [1, 2], found 3");
    assertThat(error(null, W0.replace("7}", "\"seven\"}")))
        .startsWith("h.jsonl:1: value should be null, an integer or a list of integers");
    assertThat(error(null, W0, W1.replace("\"value\": 7", "\"value\": 8")))
        .isEqualTo(
            "h.jsonl:2: the ok of write carries 8 but its invoke carried 7; an ok repeats what was"
                + " written");
  }

  @Test
  void shouldRefuseACompletionWithoutAnInvoke() {
    assertThat(error(null, W1.replace("\"index\": 1", "\"index\": 0")))
        .isEqualTo(
            "h.jsonl:1: process 3 completes (ok) an operation it never invoked; an ok, fail or"
                + " info follows an invoke by the same process");
  }

  @Test
  void shouldRefuseTwoOperationsOutstandingOnOneProcess() {
    assertThat(error(null, W0, W0.replace("\"index\": 0", "\"index\": 1")))
        .isEqualTo(
            "h.jsonl:2: process 3 invokes write while its write from line 1 is still outstanding;"
                + " a process has at most one operation outstanding (after an info, continue"
                + " under a new process id)");
  }

  @Test
  void shouldRefuseIndicesOutOfOrderAndTimeGoingBack() {
    assertThat(error(null, W0.replace("\"index\": 0", "\"index\": 5"), W1))
        .isEqualTo("h.jsonl:2: index 1 after index 5 on line 1; indices increase line by line");
    assertThat(error(null, W0, W1.replace("2400000", "100")))
        .isEqualTo(
            "h.jsonl:2: time 100 is before time 1500000 on line 1; lines are in order of simulated"
                + " time");
  }

  @Test
  void shouldRefuseACompletionNamingAnotherFunctionOrKey() {
    assertThat(error(null, W0, W1.replace("\"key\": \"x\"", "\"key\": \"y\"")))
        .isEqualTo(
            "h.jsonl:2: this ok of process 3 names write on key \"y\", but its invoke on line 1"
                + " was write on key \"x\"; a completion repeats its invoke's f and key");
  }

  @Test
  void shouldRefuseFieldsOfTheWrongType() {
    assertThat(error(null, W0.replace("\"process\": 3", "\"process\": \"3\"")))
        .isEqualTo("h.jsonl:1: process should be a whole number from 0 up, found \"3\"");
    assertThat(error(null, W0.replace("\"time\": 1500000", "\"time\": 1.5")))
        .startsWith("h.jsonl:1: time should be a whole number of simulated nanoseconds");
    assertThat(error(null, W0.replace("\"key\": \"x\"", "\"key\": 4")))
        .isEqualTo("h.jsonl:1: key should be a string like \"x\", found 4");
    assertThat(error(null, W0.replace("\"index\": 0,", "\"index\": 0, \"index\": 1,")))
        .matches("h\\.jsonl:1:\\d+: field 'index' appears twice; each field once per line");
  }

  @Test
  void shouldSayWhenTheFileIsNotUtf8() throws Exception {
    Path file = tmp.resolve("bad.jsonl");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
    assertThatThrownBy(() -> HistoryReader.read(file, null))
        .isInstanceOf(HistoryFormatException.class)
        .hasMessage(file + ": not UTF-8 text (a history is JSON, one object per line)");
  }

  @Test
  void shouldAcceptAnEmptyFileAsAnEmptyHistory() throws Exception {
    assertThat(HistoryReader.parse("", "h", null).ops()).isEmpty();
  }
}
