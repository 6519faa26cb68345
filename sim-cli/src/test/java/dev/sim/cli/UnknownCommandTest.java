package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mistyped command is answered with the nearest command's name, or the list, and exit 2. */
class UnknownCommandTest {
  static final String COMMANDS =
      "run, validate, list, explain, report, compare, diff, check, sweep, merge, shrink, help";

  static void assertUnknown(Cli.Result r, String message) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("sim: " + message + System.lineSeparator());
    assertThat(r.out()).as("no help text on standard output").isEmpty();
  }

  @Test
  void shouldSuggestTheNearestCommand() {
    assertUnknown(Cli.run("runn"), "unknown command 'runn' — did you mean 'run'?");
    assertUnknown(
        Cli.run("vaildate", "x.yaml"), "unknown command 'vaildate' — did you mean 'validate'?");
    assertUnknown(Cli.run("comp"), "unknown command 'comp' — did you mean 'compare'?");
  }

  @Test
  void shouldListTheCommandsWhenNoneIsNear() {
    assertUnknown(
        Cli.run("frobnicate"), "unknown command 'frobnicate' (the commands are " + COMMANDS + ")");
  }

  @Test
  void shouldNotPrintHelpForAnUnknownCommandWhateverTheOrder() {
    assertUnknown(Cli.run("runn", "--help"), "unknown command 'runn' — did you mean 'run'?");
    assertUnknown(Cli.run("--help", "runn"), "unknown command 'runn' — did you mean 'run'?");
    assertUnknown(Cli.run("runn", "-h"), "unknown command 'runn' — did you mean 'run'?");
    assertUnknown(Cli.run("help", "runn"), "unknown command 'runn' — did you mean 'run'?");
    assertUnknown(
        Cli.run("help", "--help", "sweeep"), "unknown command 'sweeep' — did you mean 'sweep'?");
    assertUnknown(
        Cli.run("help", "--help", "frobnicate"),
        "unknown command 'frobnicate' (the commands are " + COMMANDS + ")");
  }

  @Test
  void shouldLeaveKnownCommandsAndTopLevelOptionsAlone() {
    Cli.Result help = Cli.run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: sim").contains("run");
    Cli.Result runHelp = Cli.run("run", "--help");
    assertThat(runHelp.exitCode()).isZero();
    assertThat(runHelp.out()).contains("--seed");
    Cli.Result helpRun = Cli.run("help", "run");
    assertThat(helpRun.exitCode()).isZero();
    assertThat(helpRun.out()).contains("--seed");
    assertThat(Cli.run("--version").exitCode()).isZero();
    // Arguments of a known command are its own business, even when they look like commands.
    Cli.Result explain = Cli.run("explain", "runn");
    assertThat(explain.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(explain.err()).contains("is neither a node type");
    // No command at all keeps its own message.
    Cli.Result none = Cli.run();
    assertThat(none.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(none.err()).contains("name a command");
  }
}
