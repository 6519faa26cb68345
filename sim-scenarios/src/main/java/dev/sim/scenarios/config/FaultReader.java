package dev.sim.scenarios.config;

import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code faults:} list: partitions, crashes, pauses, slow-downs, clock jumps, loss. */
final class FaultReader {
  /** The keys naming what a fault does; each fault has exactly one. */
  static final List<String> ACTIONS =
      List.of("partition", "crash", "pause", "slow", "clock", "loss");

  private static final Pattern RANDOM = Pattern.compile("random\\s*\\(\\s*([^()]*?)\\s*\\)");

  private final Values values;
  private final Problems problems;
  private final NodeNames names;
  private final Long durationNanos;

  FaultReader(Values values, NodeNames names, Long durationNanos) {
    this.values = values;
    this.problems = values.problems();
    this.names = names;
    this.durationNanos = durationNanos;
  }

  List<FaultSpec> read(YamlNode n) {
    if (n == null) {
      return List.of();
    }
    YamlList list = values.list(n, "faults", "a list of faults like [{at: 60s, crash: api-1}]");
    if (list == null) {
      return List.of();
    }
    List<FaultSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FaultSpec f = fault(list.get(i), "faults[" + i + "]");
      if (f != null) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  private FaultSpec fault(YamlNode n, String path) {
    YamlMap m = values.map(n, path, "a fault like {at: 60s, crash: api-1, restart: 20s}");
    if (m == null) {
      return null;
    }
    List<String> actions = new ArrayList<>();
    for (String k : m.keys()) {
      if (ACTIONS.contains(k)) {
        actions.add(k);
      }
    }
    int before = problems.size();
    String action = actions.isEmpty() ? null : actions.get(0);
    List<String> allowed = new ArrayList<>(List.of("at", "every"));
    allowed.addAll(action == null ? ACTIONS : actions);
    if (action == null) {
      allowed.addAll(extraKeys(null));
    }
    for (String a : actions) {
      allowed.addAll(extraKeys(a));
    }
    reportUnknown(m, path, action, allowed);
    boolean unknownReported = problems.size() > before;
    if (actions.size() > 1) {
      // Keys of either action were allowed above; this one message says what is wrong.
      values.problem(
          m,
          path,
          "a fault does one thing; found both '"
              + actions.get(0)
              + "' and '"
              + actions.get(1)
              + "' — write them as two faults");
      return null;
    }
    if (action == null) {
      if (!unknownReported) {
        values.problem(
            m,
            path,
            "a fault needs something to do: one of "
                + String.join(", ", ACTIONS)
                + ", e.g. {at: 60s, crash: api-1}");
      }
      return null;
    }
    Long at = at(m, path);
    Long every = m.has("every") ? positive(m.get("every"), path + ".every") : Long.valueOf(-1);
    Long forNanos = m.has("for") ? positive(m.get("for"), path + ".for") : Long.valueOf(-1);
    if (action.equals("pause") && !m.has("for")) {
      values.missing(m, path, "for", "how long the pause lasts, like 5s");
    }
    String undo = action.equals("crash") ? "restart" : "for";
    Long undoNanos =
        action.equals("crash")
            ? (m.has("restart") ? positive(m.get("restart"), path + ".restart") : Long.valueOf(-1))
            : forNanos;
    if (every != null && every > 0 && undoNanos != null && undoNanos >= every) {
      values.problem(
          m.get(undo),
          path + "." + undo,
          "'"
              + undo
              + "' ("
              + Units.formatDuration(undoNanos)
              + ") must be shorter than 'every' ("
              + Units.formatDuration(every)
              + "), or each repetition would overlap the last");
    }
    YamlNode what = m.get(action);
    String wp = path + "." + action;
    SourceLocation loc = m.location();
    FaultSpec f =
        switch (action) {
          case "partition" -> partition(what, wp, at, forNanos, every, loc);
          case "crash" -> {
            FaultSpec.Target t = target(what, wp);
            yield t == null || at == null
                ? null
                : new FaultSpec.Crash(t, undoNanos == null ? -1 : undoNanos, at, every, loc);
          }
          case "pause" -> {
            FaultSpec.Target t = target(what, wp);
            yield t == null || at == null || forNanos == null
                ? null
                : new FaultSpec.Pause(t, at, forNanos, every, loc);
          }
          case "slow" -> {
            FaultSpec.Target t = target(what, wp);
            Double factor = factor(m, path);
            yield t == null || at == null || factor == null
                ? null
                : new FaultSpec.Slow(t, factor, at, forNanos, every, loc);
          }
          case "clock" -> {
            FaultSpec.Target t = target(what, wp);
            Long jump = jump(m, path);
            yield t == null || at == null || jump == null
                ? null
                : new FaultSpec.ClockJump(t, jump, at, every, loc);
          }
          case "loss" -> loss(what, wp, at, forNanos, every, loc);
          default -> throw new IllegalStateException(action);
        };
    return problems.size() > before || every == null || forNanos == null ? null : f;
  }

  /** Keys allowed beside {@code at}, {@code every} and the action. */
  private static List<String> extraKeys(String action) {
    if (action == null) {
      return List.of("for", "restart", "factor", "jump");
    }
    return switch (action) {
      case "crash" -> List.of("restart");
      case "slow" -> List.of("factor", "for");
      case "clock" -> List.of("jump");
      default -> List.of("for");
    };
  }

  private void reportUnknown(YamlMap m, String path, String action, List<String> allowed) {
    for (YamlMap.Entry e : m.entries()) {
      String k = e.key();
      if (allowed.contains(k)) {
        continue;
      }
      String p = Values.join(path, k);
      if (action != null && k.equals("for") && action.equals("crash")) {
        problems.add(
            e.keyLocation(),
            p,
            "a crash takes 'restart' (how long until the node comes" + " back), not 'for'");
      } else if (action != null && k.equals("for") && action.equals("clock")) {
        problems.add(
            e.keyLocation(),
            p,
            "a clock jump happens at once and is not undone; it" + " takes no 'for'");
      } else if (action != null && List.of("restart", "factor", "jump").contains(k)) {
        problems.add(
            e.keyLocation(),
            p,
            "'"
                + k
                + "' does not go with '"
                + action
                + "'; a "
                + action
                + " fault takes "
                + String.join(", ", allowed));
      } else {
        List<String> near = new ArrayList<>(allowed);
        for (String a : ACTIONS) {
          if (!near.contains(a)) {
            near.add(a);
          }
        }
        String suggestion = DidYouMean.suffix(k, near);
        problems.add(
            e.keyLocation(),
            p,
            "unknown key '"
                + k
                + "' in a fault"
                + (suggestion.isEmpty()
                    ? "; a "
                        + (action == null ? "fault" : action + " fault")
                        + " takes "
                        + String.join(", ", allowed)
                    : suggestion));
      }
    }
  }

  private Long at(YamlMap m, String path) {
    YamlNode n = m.get("at");
    if (n == null) {
      values.missing(m, path, "at", "when the fault happens, like 60s");
      return null;
    }
    Long at = values.duration(n, path + ".at");
    if (at != null && durationNanos != null && at >= durationNanos) {
      values.problem(
          n,
          path + ".at",
          "at "
              + ((YamlScalar) n).text().strip()
              + " is not before"
              + " the end of the run (duration "
              + Units.formatDuration(durationNanos)
              + "), so the fault would never happen");
      return null;
    }
    return at;
  }

  private Long positive(YamlNode n, String path) {
    Long v = values.duration(n, path);
    if (v != null && v == 0) {
      values.problem(n, path, "expected a duration of more than 0s, found " + n.describe());
      return null;
    }
    return v;
  }

  private Double factor(YamlMap m, String path) {
    YamlNode n = m.get("factor");
    if (n == null) {
      values.missing(m, path, "factor", "how many times slower, like 10");
      return null;
    }
    Double v = values.number(n, path + ".factor");
    if (v != null && !(v > 0)) {
      values.problem(
          n,
          path + ".factor",
          "expected a factor of more than 0 (10 is ten times" + " slower), found " + n.describe());
      return null;
    }
    return v;
  }

  private Long jump(YamlMap m, String path) {
    YamlNode n = m.get("jump");
    if (n == null) {
      values.missing(m, path, "jump", "how far the clock steps, like 5s or -2s");
      return null;
    }
    Long v = values.signedDuration(n, path + ".jump");
    if (v != null && v == 0) {
      values.problem(
          n, path + ".jump", "a clock jump of 0s does nothing; write a step like 5s" + " or -2s");
      return null;
    }
    return v;
  }

  /** {@code api-1}, {@code api} (all instances) or {@code random(api)}; or null. */
  private FaultSpec.Target target(YamlNode n, String path) {
    if (!(n instanceof YamlScalar s) || s.isNull()) {
      values.problem(
          n, path, "expected what to hit: a node, a group or random(group), found " + n.describe());
      return null;
    }
    String t = s.text().strip();
    Matcher r = RANDOM.matcher(t);
    if (r.matches()) {
      String group = r.group(1);
      if (group.isEmpty()) {
        values.problem(n, path, "random() needs a group inside, like random(api)");
        return null;
      }
      if (!names.isGroup(group)) {
        if (names.exists(group)) {
          values.problem(
              n,
              path,
              "random("
                  + group
                  + ") picks one instance of a group, but '"
                  + group
                  + "' is an instance; write random("
                  + names.groupOf(group)
                  + ") or "
                  + group);
        } else {
          names.check(group, n, path, problems);
        }
        return null;
      }
      return new FaultSpec.Target(group, true);
    }
    if (t.startsWith("random")) {
      values.problem(n, path, "expected random(group), like random(api), found " + n.describe());
      return null;
    }
    return names.check(t, n, path, problems) ? new FaultSpec.Target(t, false) : null;
  }

  private FaultSpec partition(
      YamlNode what, String path, Long at, Long forNanos, Long every, SourceLocation loc) {
    if (what instanceof YamlMap m) {
      values.unknownKeys(m, path, List.of("from", "to"), "in a one-way partition");
      if (!m.has("from") || !m.has("to")) {
        values.missing(
            m,
            path,
            m.has("from") ? "to" : "from",
            "a one-way partition is {from: a, to: b}: messages from a to b are lost");
        return null;
      }
      List<String> from = ScenarioLoader.sideOf(values, names, m.get("from"), path + ".from");
      List<String> to = ScenarioLoader.sideOf(values, names, m.get("to"), path + ".to");
      if (from == null || to == null) {
        return null;
      }
      Map<String, String> seen = new LinkedHashMap<>();
      if (!noTwice(seen, from, m.get("from"), path + ".from")
          || !noTwice(seen, to, m.get("to"), path + ".to")) {
        return null;
      }
      return at == null
          ? null
          : new FaultSpec.OneWayCut(
              from, to, at, forNanos == null ? -1 : forNanos, every == null ? -1 : every, loc);
    }
    if (!(what instanceof YamlList list)) {
      values.problem(
          what,
          path,
          "expected sides like [[api-1], [api-2, api-3]] or a one-way"
              + " cut like {from: db, to: api}, found "
              + what.describe());
      return null;
    }
    if (list.size() < 2) {
      values.problem(
          what,
          path,
          "a partition needs at least two sides, like [[api-1], [api-2,"
              + " api-3]], found "
              + (list.size() == 0 ? "none" : "one"));
      return null;
    }
    List<List<String>> groups = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      String sp = path + "[" + i + "]";
      List<String> side = ScenarioLoader.sideOf(values, names, list.get(i), sp);
      if (side == null) {
        ok = false;
        continue;
      }
      ok &= noTwice(seen, side, list.get(i), sp);
      groups.add(side);
    }
    if (!ok || at == null) {
      return null;
    }
    return new FaultSpec.Partition(
        List.copyOf(groups), at, forNanos == null ? -1 : forNanos, every == null ? -1 : every, loc);
  }

  /**
   * Records every instance of {@code side} in {@code seen} (instance → name as written) and reports
   * an instance met twice, directly or through its group.
   */
  private boolean noTwice(Map<String, String> seen, List<String> side, YamlNode at, String path) {
    boolean ok = true;
    for (String name : side) {
      for (String instance : names.expand(name)) {
        String before = seen.putIfAbsent(instance, name);
        if (before != null) {
          values.problem(
              at,
              path,
              "node '"
                  + instance
                  + "' is named twice in the partition ("
                  + how(instance, before)
                  + " and "
                  + how(instance, name)
                  + "); each node can be on"
                  + " one side only");
          ok = false;
        }
      }
    }
    return ok;
  }

  private static String how(String instance, String written) {
    return instance.equals(written) ? "as '" + written + "'" : "through group '" + written + "'";
  }

  private FaultSpec loss(
      YamlNode what, String path, Long at, Long forNanos, Long every, SourceLocation loc) {
    YamlMap m = values.map(what, path, "a section like {between: [api, db], rate: 0.3}");
    if (m == null) {
      return null;
    }
    values.unknownKeys(m, path, List.of("between", "rate"), "in a loss fault");
    if (!m.has("between")) {
      values.missing(m, path, "between", "the two sides whose messages are lost, like [api, db]");
    }
    if (!m.has("rate")) {
      values.missing(m, path, "rate", "the probability that a message is lost, like 0.3");
    }
    if (!m.has("between") || !m.has("rate")) {
      return null;
    }
    List<List<String>> two = twoSides(m.get("between"), path + ".between");
    Double rate = values.probability(m.get("rate"), path + ".rate");
    if (two == null || rate == null || at == null) {
      return null;
    }
    return new FaultSpec.LossBurst(
        two.get(0),
        two.get(1),
        rate,
        at,
        forNanos == null ? -1 : forNanos,
        every == null ? -1 : every,
        loc);
  }

  private List<List<String>> twoSides(YamlNode n, String path) {
    YamlList l = values.list(n, path, "two sides like [api, db]");
    if (l == null) {
      return null;
    }
    if (l.size() != 2) {
      values.problem(
          n,
          path,
          "expected two sides like [api, db], found "
              + l.size()
              + (l.size() == 1 ? " side" : " sides"));
      return null;
    }
    List<String> a = ScenarioLoader.sideOf(values, names, l.get(0), path + "[0]");
    List<String> b = ScenarioLoader.sideOf(values, names, l.get(1), path + "[1]");
    return a == null || b == null ? null : List.of(a, b);
  }
}
