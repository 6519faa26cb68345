package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set PATH=null} and {@code --unset PATH} through the real command line. */
class UnsetCliTest {
  static final String SMALL = RunCommandTest.SMALL;

  @TempDir Path tmp;

  /** Runs SMALL quietly without a report into {@code tmp/name}, with {@code extra} arguments. */
  Cli.Result run(String name, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("run", SMALL, "--out", tmp.resolve(name).toString(), "--no-report", "--quiet"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  String summary(String name) throws IOException {
    return Files.readString(tmp.resolve(name).resolve("summary.json"));
  }

  String command(String name) throws IOException {
    return RunCommandTest.field(
        Files.readString(tmp.resolve(name).resolve("result.json")), "command");
  }

  @Test
  void shouldRunWithoutTheRetrySectionWhenSetToNull() throws IOException {
    Cli.Result with = run("with");
    Cli.Result without = run("without", "--set", "nodes.clients.retry=null");
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(without.exitCode()).as(without.err()).isZero();
    // The file's clients retry; without the section every request is tried exactly once.
    String a = summary("with");
    String b = summary("without");
    assertThat(Long.parseLong(RunCommandTest.field(a, "attempts")))
        .isGreaterThan(Long.parseLong(RunCommandTest.field(a, "offered")));
    assertThat(RunCommandTest.field(b, "attempts")).isEqualTo(RunCommandTest.field(b, "offered"));
    assertThat(command("without")).endsWith(" --set nodes.clients.retry=null");
  }

  @Test
  void shouldRunTheSameWithUnsetAsWithNull() throws IOException {
    Cli.Result viaNull = run("null", "--set", "nodes.clients.retry=null");
    Cli.Result viaUnset = run("unset", "--unset", "nodes.clients.retry");
    assertThat(viaUnset.exitCode()).as(viaUnset.err()).isZero();
    assertThat(RunCommandTest.field(summary("unset"), "traceHash"))
        .isEqualTo(RunCommandTest.field(summary("null"), "traceHash"));
    assertThat(viaNull.exitCode()).isZero();
    // The run folder's command reproduces the run, --unset included.
    assertThat(command("unset")).endsWith(" --seed 3 --unset nodes.clients.retry");
  }

  @Test
  void shouldApplySetAndUnsetInTheOrderGiven() throws IOException {
    // Unset, then set one key: a fresh retry section with max 1 (and no back-off).
    Cli.Result fresh =
        run("fresh", "--unset", "nodes.clients.retry", "--set", "nodes.clients.retry.max=1");
    assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    assertThat(command("fresh"))
        .endsWith(" --unset nodes.clients.retry --set nodes.clients.retry.max=1");
    String s = summary("fresh");
    assertThat(Long.parseLong(RunCommandTest.field(s, "attempts")))
        .isGreaterThan(Long.parseLong(RunCommandTest.field(s, "offered")));
    // Set, then unset: no retries at all.
    Cli.Result gone =
        run("gone", "--set", "nodes.clients.retry.max=1", "--unset", "nodes.clients.retry");
    assertThat(gone.exitCode()).as(gone.err()).isZero();
    String g = summary("gone");
    assertThat(RunCommandTest.field(g, "attempts")).isEqualTo(RunCommandTest.field(g, "offered"));
    assertThat(command("gone"))
        .endsWith(" --set nodes.clients.retry.max=1 --unset nodes.clients.retry");
  }

  @Test
  void shouldReportARemovedRequiredKeyLikeAMissingOneWithExitTwo() {
    for (String[] how :
        List.of(
            new String[] {"--unset", "nodes.api.type"},
            new String[] {"--set", "nodes.api.type=null"})) {
      Cli.Result r = run("x", how);
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err())
          .isEqualTo(
              "sim: "
                  + SMALL
                  + ":23:3: nodes.api: missing key 'type' (the node type, like server or client;"
                  + " 'sim list' shows them all); "
                  + (how[0].equals("--unset") ? "--unset " : "--set ")
                  + how[1]
                  + " removed it, but it is required here"
                  + System.lineSeparator());
      assertThat(tmp.resolve("x")).doesNotExist();
    }
  }

  @Test
  void shouldNameTheNearestKeyWhenTheOneToRemoveIsNotThere() {
    Cli.Result r = run("x", "--unset", "nodes.clients.retyr");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err())
        .contains("--unset nodes.clients.retyr: ")
        .contains("nodes.clients has no key 'retyr' to remove — did you mean 'retry'?");
  }

  @Test
  void shouldValidateWithUnsetAndDocumentItInTheHelp() {
    Cli.Result ok = Cli.run("validate", SMALL, "--unset", "faults[1]", "--unset", "faults[0]");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("0 faults");
    Cli.Result bad = Cli.run("validate", SMALL, "--unset", "duration");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(bad.err())
        .contains("missing key 'duration'")
        .contains("--unset duration removed it");
    assertThat(Cli.run("run", "--help").out()).contains("--unset=PATH").contains("PATH=null");
  }
}
