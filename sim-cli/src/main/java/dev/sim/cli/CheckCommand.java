package dev.sim.cli;

import dev.sim.check.CheckReport;
import dev.sim.check.Checks;
import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.check.html.CheckPage;
import dev.sim.check.io.EdnWriter;
import dev.sim.check.io.HistoryFile;
import dev.sim.check.io.HistoryFormatException;
import dev.sim.check.io.HistoryModels;
import dev.sim.check.io.HistoryReader;
import dev.sim.check.io.ReportJson;
import dev.sim.report.io.RunFolder;
import dev.sim.scenarios.config.DidYouMean;
import dev.sim.scenarios.config.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sim check FILE}: checks an operation history ({@code history.jsonl}) against a data model
 * and says valid (exit 0), invalid (3, with the key, the operation that cannot be placed and the
 * longest valid prefix), or unknown (4: the deadline passed). A malformed history is exit 2 with
 * {@code FILE:LINE}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check an operation history (history.jsonl): linearizability for registers, lost and"
          + " vanished elements for sets, bounds for counters.",
      "Exit 0 valid; 3 invalid; 4 unknown (the deadline passed); 2 a malformed history."
    })
final class CheckCommand implements Callable<Integer> {
  /** The file {@code --out} writes. */
  static final String PAGE = "check.html";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The history (history.jsonl).")
  Path file;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description =
          "register, cas-register, set or counter (default: each key's own, from its operations:"
              + " cas makes a cas-register, add a set, incr a counter, else a register).")
  String model;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Wall time for the linearizability search, e.g. 60s or 500ms; past it the verdict is"
              + " unknown (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write check.html (the history drawn per process, the violation marked).")
  Path out;

  @Option(names = "--json", description = "Print the result as JSON instead of text.")
  boolean json;

  @Option(
      names = "--export",
      paramLabel = "FORMAT",
      description =
          "Also write the history in another form: edn (Jepsen's, for Knossos and Elle), as"
              + " FILE's name with .edn, beside FILE or in --out DIR.")
  String export;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Model m = model();
    Duration deadline = timeout();
    if (export != null && !export.equals("edn")) {
      throw new UserError(
          "--export: unknown format '"
              + export
              + "'"
              + DidYouMean.suggest(export, List.of("edn"))
                  .map(s -> " — did you mean '" + s + "'?")
                  .orElse("; the one format is edn (Jepsen's, for Knossos and Elle)"));
    }
    HistoryFile history = read(m);
    List<String> wrote = new ArrayList<>();
    if (out != null) {
      createFolder(out);
    }
    if (export != null) {
      wrote.add(write(ednPath(), EdnWriter.toEdn(history.ops())).toString());
    }
    CheckReport report;
    try {
      report = Checks.check(history.ops(), m, deadline);
    } catch (IllegalArgumentException e) {
      // The reader and HistoryModels have checked every rule with its line; this is a backstop.
      throw new UserError(file + ": " + e.getMessage());
    }
    if (out != null) {
      String page = CheckPage.html(report, history.ops(), file.toString(), history::lineOf);
      wrote.add(write(out.resolve(PAGE), page).toString());
    }
    if (json) {
      stdout.print(ReportJson.toJson(report, file.toString(), history::lineOf));
    } else {
      CheckPrinter.print(report, history, stdout);
      for (String w : wrote) {
        stdout.println("wrote " + w);
      }
    }
    stdout.flush();
    return exitCode(report.verdict());
  }

  /** The exit code of a verdict: 0 valid, 3 invalid, 4 unknown. */
  static int exitCode(Verdict v) {
    return switch (v) {
      case VALID -> ExitCodes.OK;
      case INVALID -> ExitCodes.HISTORY_INVALID;
      case UNKNOWN -> ExitCodes.HISTORY_UNKNOWN;
    };
  }

  private Model model() {
    if (model == null) {
      return null;
    }
    Model m = Model.fromId(model);
    if (m == null) {
      List<String> ids = new ArrayList<>();
      for (Model each : Model.values()) {
        ids.add(each.id());
      }
      throw new UserError(
          "--model: unknown model '"
              + model
              + "'"
              + DidYouMean.suggest(model, ids)
                  .map(s -> " — did you mean '" + s + "'?")
                  .orElse("; the models are " + String.join(", ", ids)));
    }
    return m;
  }

  private Duration timeout() {
    long nanos;
    try {
      nanos = Units.durationNanos(timeout);
    } catch (IllegalArgumentException e) {
      throw new UserError("--timeout: " + e.getMessage());
    }
    if (nanos <= 0) {
      throw new UserError("--timeout: expected a duration above 0 like 60s, found " + timeout);
    }
    return Duration.ofNanos(nanos);
  }

  private HistoryFile read(Model m) {
    if (Files.isDirectory(file)) {
      throw new UserError(
          file + ": is a folder; name the history in it, e.g. " + file.resolve("history.jsonl"));
    }
    try {
      HistoryFile h = HistoryReader.read(file, m);
      HistoryModels.check(h, m);
      return h;
    } catch (HistoryFormatException e) {
      throw new UserError(e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserError(
          file + ": no such file (expected a history, e.g. a run folder's history.jsonl)");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UserError(file + ": permission denied");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read the history (" + e.getMessage() + ")");
    }
  }

  /**
   * Where the EDN goes: FILE's name with {@code .edn} for {@code .jsonl}, beside it or in --out.
   */
  Path ednPath() {
    String name = file.getFileName().toString();
    String base = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
    return out != null ? out.resolve(base + ".edn") : file.resolveSibling(base + ".edn");
  }

  private static void createFolder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UserError("--out " + dir + ": cannot create the folder (" + e.getMessage() + ")");
    }
  }

  private static Path write(Path target, String text) {
    try {
      return RunFolder.writeAtomically(target, text);
    } catch (IOException e) {
      throw new UserError("cannot write " + target + ": " + e.getMessage());
    }
  }
}
