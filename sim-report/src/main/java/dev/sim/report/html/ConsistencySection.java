package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.check.Model;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.history.CheckedKeys;
import dev.sim.report.text.Format;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Consistency" section of {@code report.html}, for a run whose clients recorded an operation
 * history: the checker's verdict in words a beginner can follow (what was checked, as which model,
 * on how many operations), the store figures with what each means, how operations ended per client,
 * and then the witness, the history timeline and the lost writes ({@link WitnessSection}).
 */
final class ConsistencySection {
  /** Keys named per model before the rest are counted. */
  static final int MAX_KEYS_NAMED = 8;

  private ConsistencySection() {}

  /** Appends the section for {@code r}, whose folder is {@code dir} (null: none yet). */
  static void append(StringBuilder h, RunResult r, Path dir, boolean lostChart) {
    ConsistencySummary c = r.consistency().orElse(null);
    if (c == null) {
      return;
    }
    h.append("<section id=\"consistency\">\n<h2>Consistency</h2>\n");
    verdict(h, c);
    checked(h, r, c);
    figures(h, c);
    availability(h, c);
    WitnessSection.append(h, r, c, dir, lostChart);
    h.append("</section>\n");
  }

  /** The verdict box: what it means, in a sentence. */
  private static void verdict(StringBuilder h, ConsistencySummary c) {
    String ops = Format.count(c.ops(), "operation", "operations");
    String keys = Format.count(c.keys(), "key", "keys");
    switch (c.verdict()) {
      case "valid" ->
          h.append("<div class=\"verdict ok\">✔ Valid: the checker found no broken promise in ")
              .append(ops)
              .append(" on ")
              .append(keys)
              .append(". Every answer the clients got could have come from a correct ")
              .append(escape(modelWords(c.model())))
              .append(".</div>\n");
      case "invalid" ->
          h.append("<div class=\"verdict bad\">✘ INVALID: what the clients saw could not have")
              .append(" come from a correct ")
              .append(escape(modelWords(c.model())))
              .append(". Of ")
              .append(ops)
              .append(" on ")
              .append(keys)
              .append(", the witness below shows one the store got wrong.</div>\n");
      default ->
          h.append("<div class=\"verdict unknown\">? Unknown: the checker ran out of time before")
              .append(" it could decide on ")
              .append(ops)
              .append(" on ")
              .append(keys)
              .append(". Unknown is not a pass: <code>sim check FILE --timeout 5m</code> gives it")
              .append(" longer.</div>\n");
    }
  }

  /** The model's name as a beginner reads it: {@code register}, {@code register and set}. */
  static String modelWords(String model) {
    String[] parts = model.split("\\+");
    List<String> words = new ArrayList<>();
    for (String p : parts) {
      words.add(p.equals("cas-register") ? "register with compare-and-set" : p);
    }
    return String.join(" and ", words);
  }

  /** What was checked: how a history is recorded, and each model's promise with its keys. */
  private static void checked(StringBuilder h, RunResult r, ConsistencySummary c) {
    h.append("<p>Each client recorded every operation it made on the store: when it asked, and")
        .append(" how it ended: <b>ok</b> (it happened), <b>fail</b> (it definitely did not) or")
        .append(" <b>info</b> (nobody knows, such as a timeout: it may have happened, now or")
        .append(" later). The checker then asks whether one copy of the data, applying each")
        .append(" operation at one instant between its call and its answer, could have given every")
        .append(" answer the clients got.</p>\n");
    Map<Model, List<CheckedKeys.Key>> byModel = new EnumMap<>(Model.class);
    for (CheckedKeys.Key k : CheckedKeys.of(r.history().ops())) {
      byModel.computeIfAbsent(k.model(), m -> new ArrayList<>()).add(k);
    }
    if (byModel.isEmpty()) {
      h.append("<p class=\"more\">Model: ")
          .append(escape(c.model()))
          .append(" (the run folder has no history.jsonl to list the keys from).</p>\n");
      return;
    }
    h.append("<ul class=\"checked\">\n");
    for (Map.Entry<Model, List<CheckedKeys.Key>> e : byModel.entrySet()) {
      long ops = e.getValue().stream().mapToLong(CheckedKeys.Key::operations).sum();
      h.append("<li><b>")
          .append(escape(e.getKey().id()))
          .append("</b> on ")
          .append(keyList(e.getValue()))
          .append(" (")
          .append(Format.count(ops, "operation", "operations"))
          .append("): ")
          .append(escape(promise(e.getKey())))
          .append("</li>\n");
    }
    h.append("</ul>\n");
  }

  private static String keyList(List<CheckedKeys.Key> keys) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(MAX_KEYS_NAMED, keys.size()); i++) {
      String k = keys.get(i).key();
      names.add(k == null ? "the unnamed key" : "<code>" + escape(k) + "</code>");
    }
    String more =
        keys.size() > MAX_KEYS_NAMED
            ? " and " + Format.count(keys.size() - MAX_KEYS_NAMED, "more key", "more keys")
            : "";
    return (keys.size() == 1 ? "key " : "keys ") + String.join(", ", names) + more;
  }

  /** What a correct store promises for data of {@code m}, in one sentence. */
  static String promise(Model m) {
    return switch (m) {
      case REGISTER ->
          "every read returns the latest write before it, as if there were one copy"
              + " (linearizability)";
      case CAS_REGISTER ->
          "every read returns the latest write before it and every compare-and-set that"
              + " succeeded found the value it expected, as if there were one copy (linearizability)";
      case SET ->
          "an element whose add was acknowledged is in every read that starts after that, and no"
              + " read returns an element nobody added";
      case COUNTER ->
          "every read lies between the increments that certainly applied before it and those that"
              + " might have";
    };
  }

  /** The contract's figures, each with what it means. */
  private static void figures(StringBuilder h, ConsistencySummary c) {
    h.append("<h3>What the store did</h3>\n<table class=\"figures\">\n");
    figure(
        h,
        "lost writes",
        Format.count(c.lostWrites()),
        "acknowledged writes the store lost: the client was told ok, and a later read no longer"
            + " had the value (register writes, set adds"
            + (c.model().contains("counter")
                ? "; for counters the largest shortfall of a read below its lower bound)"
                : ")"));
    figure(
        h,
        "stale reads",
        Format.count(c.staleReads()),
        "reads that returned an older value than one acknowledged before the read began");
    figure(
        h,
        "siblings",
        "max "
            + c.siblingsMax()
            + " · mean "
            + String.format(Locale.ROOT, "%.2f", c.siblingsMean()),
        "concurrent versions one read found, which the client has to merge (a store that keeps"
            + " siblings reports them; last-writer-wins keeps one)");
    figure(
        h,
        "divergent keys",
        Format.count(c.divergentKeys()),
        "keys whose replicas still held different values at the end of the run");
    h.append("</table>\n");
  }

  private static void figure(StringBuilder h, String name, String value, String what) {
    h.append("<tr><td>")
        .append(escape(name))
        .append("</td><td class=\"num\">")
        .append(escape(value))
        .append("</td><td class=\"what\">")
        .append(escape(what))
        .append("</td></tr>\n");
  }

  /** How operations ended, over all and per client instance (the sides of a partition). */
  private static void availability(StringBuilder h, ConsistencySummary c) {
    h.append("<h3>How operations ended</h3>\n<table class=\"outcomes\">\n<tr><th>client</th>")
        .append("<th class=\"num\">operations</th><th class=\"num\">ok</th>")
        .append("<th class=\"num\">fail</th><th class=\"num\">info</th></tr>\n");
    outcomes(h, "all clients", c.ok(), c.fail(), c.info(), true);
    for (ConsistencySummary.NodeOutcomes n : c.byNode()) {
      outcomes(h, n.node(), n.ok(), n.fail(), n.info(), false);
    }
    h.append("</table>\n<p class=\"more\">Availability: an <b>ok</b> happened, a <b>fail</b>")
        .append(" definitely did not, an <b>info</b> is unknown (a timeout, a crash mid-flight). A")
        .append(" client cut off by a partition shows it here.</p>\n");
  }

  private static void outcomes(
      StringBuilder h, String who, long ok, long fail, long info, boolean total) {
    long all = ok + fail + info;
    h.append(total ? "<tr class=\"total\"><td>" : "<tr><td>")
        .append(escape(who))
        .append("</td><td class=\"num\">")
        .append(Format.count(all))
        .append("</td>");
    for (long n : new long[] {ok, fail, info}) {
      h.append("<td class=\"num\">")
          .append(Format.count(n))
          .append(
              all == 0 ? "" : " (" + String.format(Locale.ROOT, "%.1f%%", 100.0 * n / all) + ")")
          .append("</td>");
    }
    h.append("</tr>\n");
  }
}
