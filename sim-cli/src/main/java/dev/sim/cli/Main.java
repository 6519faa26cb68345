package dev.sim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code sim} command. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "A deterministic distributed-systems simulator and chaos testbed.",
      "Same scenario file and seed, same run, event for event.",
      ""
    },
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ListCommand.class,
      ExplainCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ran and every expectation held; 1 the simulation failed;",
      "2 invalid input or usage; 3 ran, and an expectation failed.",
      "",
      "Example: sim run scenarios/gc-spiral.yaml --seed 42"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a command, e.g. 'sim run scenarios/gc-spiral.yaml --seed 42'");
  }

  /** Runs the command with {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with {@code args}, writing to the given streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(
        e -> e instanceof UserError ? ExitCodes.INVALID_INPUT : ExitCodes.SIMULATION_FAILED);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof UserError) {
            commandLine.getErr().println("sim: " + e.getMessage());
            commandLine.getErr().flush();
            return ExitCodes.INVALID_INPUT;
          }
          // Anything else is our bug, not the user's: say so plainly, with the trace for a report.
          commandLine.getErr().println("sim: internal error (please report it): " + e);
          e.printStackTrace(commandLine.getErr());
          commandLine.getErr().flush();
          return ExitCodes.SIMULATION_FAILED;
        });
    cl.setParameterExceptionHandler(
        (e, a) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println("sim: " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          c.getErr().flush();
          return ExitCodes.INVALID_INPUT;
        });
    return cl.execute(args);
  }

  /** Reads the version from the jar manifest, or says it is a development build. */
  static final class Version implements CommandLine.IVersionProvider {
    /** The version number alone, as recorded in a run's result. */
    static String number() {
      String v = Main.class.getPackage().getImplementationVersion();
      return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
      return new String[] {
        "sim " + number(),
        "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})",
        "OS: ${os.name} ${os.version} ${os.arch}"
      };
    }
  }
}
