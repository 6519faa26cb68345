package dev.sim.report.text;

import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between what two runs ran: the keys of their effective scenarios (the settings their
 * run folders record, {@link RunInfo#settings}) whose values differ, with both values, and the
 * names, headline and legend labels a comparison shows for them ("gc-spiral seed 42:
 * nodes.api.shed.queueAbove unset → 20", rather than "A: gc-spiral seed 42 vs B: gc-spiral seed
 * 42").
 *
 * @param scenarioA run A's scenario name
 * @param scenarioB run B's scenario name
 * @param seedA run A's seed
 * @param seedB run B's seed
 * @param recorded whether both runs recorded their settings (folders from earlier versions do not:
 *     then only the names and seeds are compared)
 * @param changes the keys whose values differ, in run A's key order and then run B's new keys, the
 *     seed left out (it is {@code seedA}/{@code seedB})
 */
public record RunDifference(
    String scenarioA,
    String scenarioB,
    long seedA,
    long seedB,
    boolean recorded,
    List<Change> changes) {

  /** Keys that describe a run or judge it but change none of its events. */
  private static final Set<String> DESCRIPTIVE_TOP =
      Set.copyOf(List.of("name", "title", "description", "expect", "report"));

  /** How long a headline's list of changes may grow before it only counts them. */
  private static final int HEADLINE_CHANGES = 3;

  /**
   * One key whose value differs.
   *
   * @param key the key path, as {@code --set} writes it
   * @param a run A's value as written, or null when A's scenario does not have the key
   * @param b run B's value, or null when B's does not
   */
  public record Change(String key, String a, String b) {
    /**
     * Whether the key describes or judges the run (name, title, description, expectations, the
     * report's charts) rather than changing what it does.
     */
    public boolean descriptive() {
      int end = key.length();
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        if (c == '.' || c == '[') {
          end = i;
          break;
        }
      }
      return DESCRIPTIVE_TOP.contains(key.substring(0, end));
    }

    /** "nodes.api.shed.queueAbove unset → 20", values shortened to {@code max} characters. */
    public String text(int max) {
      return key + " " + value(a, max) + " → " + value(b, max);
    }

    /** A value for a sentence: "unset" for an absent key, long or multi-line text shortened. */
    public static String value(String v, int max) {
      if (v == null) {
        return "unset";
      }
      String one = v.strip().replaceAll("\\s+", " ");
      return one.length() <= max ? one : one.substring(0, Math.max(1, max - 1)) + "…";
    }
  }

  /** Copies the change list. */
  public RunDifference {
    changes = List.copyOf(changes);
  }

  /** The difference between what run {@code a} and run {@code b} ran. */
  public static RunDifference of(RunResult a, RunResult b) {
    Map<String, String> sa = a.info() == null ? Map.of() : a.info().settings();
    Map<String, String> sb = b.info() == null ? Map.of() : b.info().settings();
    boolean recorded = !sa.isEmpty() && !sb.isEmpty();
    List<Change> changes = new ArrayList<>();
    if (recorded) {
      Set<String> keys = new LinkedHashSet<>(sa.keySet());
      keys.addAll(sb.keySet());
      for (String k : keys) {
        if (!k.equals("seed") && !Objects.equals(sa.get(k), sb.get(k))) {
          changes.add(new Change(k, sa.get(k), sb.get(k)));
        }
      }
    }
    return new RunDifference(a.scenario(), b.scenario(), a.seed(), b.seed(), recorded, changes);
  }

  /** The changes that change what the run does (not its name, description or expectations). */
  public List<Change> behavioural() {
    return changes.stream().filter(c -> !c.descriptive()).toList();
  }

  /** Whether the two runs ran the same scenario with the same seed, as far as is recorded. */
  public boolean same() {
    return scenarioA.equals(scenarioB) && seedA == seedB && changes.isEmpty();
  }

  /** "gc-spiral seed 42", "gc-spiral → gc-spiral-shedding seed 42", "gc-spiral seed 42 → 43". */
  public String runs() {
    String names = scenarioA.equals(scenarioB) ? scenarioA : scenarioA + " → " + scenarioB;
    String seeds = seedA == seedB ? "seed " + seedA : "seed " + seedA + " → " + seedB;
    return names + " " + seeds;
  }

  /**
   * The page's headline: the runs and what changed, e.g. {@code gc-spiral seed 42:
   * nodes.api.shed.queueAbove unset → 20}; at most three changes are named, then counted.
   */
  public String headline() {
    return runs() + what(HEADLINE_CHANGES, 40);
  }

  /** A shorter headline for chart titles: the changes named only when there is one. */
  public String caption() {
    return runs() + what(1, 24);
  }

  private String what(int listed, int valueMax) {
    if (!recorded) {
      return "";
    }
    List<Change> shown = behavioural();
    if (shown.isEmpty()) {
      shown = changes;
    }
    if (shown.isEmpty()) {
      return seedA == seedB && scenarioA.equals(scenarioB) ? ", the same settings" : "";
    }
    if (shown.size() > listed) {
      return ": " + Format.count(shown.size(), "change", "changes");
    }
    List<String> parts = new ArrayList<>();
    for (Change c : shown) {
      parts.add(c.text(valueMax));
    }
    return ": " + String.join(", ", parts);
  }

  /**
   * The legend labels of the two runs, which tell them apart in a few words: the one key's two
   * values when a single key differs ("nodes.api.shed.queueAbove unset", "nodes.api.shed.queueAbove
   * = 20"), the seeds or scenario names when those differ, else letters.
   */
  public String[] labels() {
    String la = scenarioA + " seed " + seedA;
    String lb = scenarioB + " seed " + seedB;
    List<Change> shown = behavioural();
    if (recorded && shown.size() == 1 && la.equals(lb)) {
      Change c = shown.get(0);
      return new String[] {label(c.key(), c.a()), label(c.key(), c.b())};
    }
    if (la.equals(lb)) {
      if (recorded && !changes.isEmpty()) {
        return new String[] {
          "A: " + la,
          "B: " + Format.count(shown.isEmpty() ? changes.size() : shown.size(), "change", "changes")
        };
      }
      return new String[] {"A: " + la, "B: " + lb};
    }
    return new String[] {la, lb};
  }

  private static String label(String key, String value) {
    return value == null ? key + " unset" : key + " = " + Change.value(value, 24);
  }
}
