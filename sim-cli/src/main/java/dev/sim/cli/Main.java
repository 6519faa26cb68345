package dev.sim.cli;

import dev.sim.scenarios.config.DidYouMean;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    footer = {
      "",
      "Exit codes: 0 ran and every expectation held; 1 the simulation failed;",
      "2 invalid input or usage; 3 ran, and an expectation failed (sim check: the",
      "history is not valid); 4 sim check reached its deadline before a verdict.",
      "",
      "Example: sim run scenarios/gc-spiral.yaml --seed 42"
    })
public final class Main implements Runnable {
  /**
   * The commands, in the order help lists them. They are added in {@link #execute}, not named in
   * the annotation: picocli reflects over every option of every command it is given, which took 0.3
   * s of each start, and a command line that begins with a command's name needs only that one.
   */
  static final List<Class<?>> COMMANDS =
      List.of(
          RunCommand.class,
          ValidateCommand.class,
          ListCommand.class,
          ExplainCommand.class,
          ReportCommand.class,
          CompareCommand.class,
          DiffCommand.class,
          CheckCommand.class,
          SweepCommand.class,
          MergeCommand.class,
          ShrinkCommand.class,
          CommandLine.HelpCommand.class);

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
    Class<?> named = args.length == 0 ? null : commandNamed(args[0]);
    for (Class<?> c : COMMANDS) {
      // Help, a typo, an option first: every command, as the help and the suggestions need.
      if (named == null || named == CommandLine.HelpCommand.class || c == named) {
        cl.addSubcommand(c);
      }
    }
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
    // Picocli answers `sim runn --help` with the top-level help and exit 0, and `sim runn` with
    // "Unmatched argument"; a mistyped command deserves the nearest name and exit 2 either way.
    String unknown = unknownCommand(cl, args);
    if (unknown != null) {
      err.println("sim: " + unknown);
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    return cl.execute(args);
  }

  /** The command called {@code name} (by its {@code @Command} name), or null. */
  static Class<?> commandNamed(String name) {
    for (Class<?> c : COMMANDS) {
      if (c.getAnnotation(Command.class).name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The message for a command word in {@code args} that names no command (also after {@code help}),
   * or null when there is none and picocli should go ahead.
   */
  static String unknownCommand(CommandLine cl, String[] args) {
    Map<String, CommandLine> commands = cl.getSubcommands();
    int i = commandIndex(cl.getCommandSpec(), args, 0);
    if (i < 0) {
      return null;
    }
    String word = args[i];
    if (commands.containsKey(word)) {
      if (!(commands.get(word).getCommand() instanceof CommandLine.HelpCommand)) {
        return null;
      }
      // `sim help NAME` takes a command name too.
      int j = commandIndex(commands.get(word).getCommandSpec(), args, i + 1);
      if (j < 0 || commands.containsKey(args[j])) {
        return null;
      }
      word = args[j];
    }
    List<String> names = new ArrayList<>(cl.getCommandSpec().subcommands().keySet());
    return "unknown command '"
        + word
        + "'"
        + DidYouMean.suggest(word, names)
            .map(s -> " — did you mean '" + s + "'?")
            .orElse(" (the commands are " + String.join(", ", names) + ")");
  }

  /**
   * Where the first word of {@code args} from {@code from} on stands that is not one of {@code
   * command}'s options, or -1 when there is none, or the arguments are ones this check leaves to
   * picocli (an unknown option, an option that takes a value, an {@code @file}).
   */
  private static int commandIndex(CommandLine.Model.CommandSpec command, String[] args, int from) {
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (!optionsEnded && a.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && a.startsWith("-")) {
        CommandLine.Model.OptionSpec o = command.findOption(a);
        if (o == null || o.arity().max() > 0) {
          return -1;
        }
      } else {
        return a.startsWith("@") ? -1 : i;
      }
    }
    return -1;
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
