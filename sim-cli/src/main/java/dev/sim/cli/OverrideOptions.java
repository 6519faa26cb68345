package dev.sim.cli;

import dev.sim.scenarios.config.ScenarioLoader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code --set} and {@code --unset} options of commands that load scenarios. */
final class OverrideOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Override one value, e.g. --set nodes.api.workers=16 (validated like the file); "
              + "PATH=null removes the key, like --unset. Repeatable.")
  List<String> set = new ArrayList<>();

  @Option(
      names = "--unset",
      paramLabel = "PATH",
      description =
          "Remove an optional key or section, e.g. --unset nodes.clients.retry, so that it "
              + "takes its default. Repeatable; applied in order with --set.")
  List<String> unset = new ArrayList<>();

  /**
   * Every {@code --set PATH=VALUE} (as {@code PATH=VALUE}) and {@code --unset PATH} (as {@code
   * --unset PATH}) in the order given, which is what the loader takes: order matters when one
   * removes a section and the next sets a key in it.
   */
  List<String> inOrder() {
    ParseResult parsed = command == null ? null : command.commandLine().getParseResult();
    OptionSpec setOption = command == null ? null : command.findOption("--set");
    OptionSpec unsetOption = command == null ? null : command.findOption("--unset");
    List<String> out = new ArrayList<>(set.size() + unset.size());
    if (parsed != null) {
      // Picocli lists an option once per occurrence, in command-line order; each takes one value.
      Iterator<String> sets = set.iterator();
      Iterator<String> unsets = unset.iterator();
      for (ArgSpec a : parsed.matchedArgs()) {
        if (a == setOption && sets.hasNext()) {
          out.add(sets.next());
        } else if (a == unsetOption && unsets.hasNext()) {
          out.add(ScenarioLoader.UNSET_PREFIX + unsets.next());
        }
      }
      if (out.size() == set.size() + unset.size()) {
        return out;
      }
      out.clear();
    }
    // Not parsed from a command line (a test, or a caller filling the lists): sets, then unsets.
    out.addAll(set);
    unset.forEach(p -> out.add(ScenarioLoader.UNSET_PREFIX + p));
    return out;
  }
}
