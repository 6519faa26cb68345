package dev.sim.cli.shrink;

import dev.sim.kernel.time.Durations;
import dev.sim.scenarios.config.ExpectSpec;
import dev.sim.scenarios.config.FaultSpec;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioException;
import dev.sim.scenarios.config.ScenarioLoader;
import dev.sim.scenarios.config.ScenarioTree;
import dev.sim.scenarios.config.Units;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simplifications {@code sim shrink} tries, in the order it tries them. Each step lists, from
 * the current scenario, the simpler scenarios to try, best first: the shrinker keeps the first that
 * still fails and asks the step again, until none does. Every change is a {@code --set} or {@code
 * --unset} edit of the YAML tree, so it is checked exactly like the file; a candidate that does not
 * validate (a group still referenced, a fault after the new end of the run) is skipped.
 */
enum Steps {
  /** Keep only the expectation that fails (a node failure needs none). */
  EXPECTATIONS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      List<ExpectSpec> expect = s.spec().expect();
      List<Integer> drop = new ArrayList<>();
      for (int i = 0; i < expect.size(); i++) {
        if (symptom.nodeFailure() || !expect.get(i).text().equals(symptom.expectation())) {
          drop.add(i);
        }
      }
      if (drop.isEmpty()) {
        return List.of();
      }
      List<String> edits = new ArrayList<>();
      List<String> said = new ArrayList<>();
      for (int i : drop) {
        said.add("dropped expectation '" + expect.get(i).text() + "'");
      }
      if (drop.size() == expect.size()) {
        edits.add(ScenarioLoader.UNSET_PREFIX + "expect");
      } else {
        for (int k = drop.size() - 1; k >= 0; k--) {
          edits.add(ScenarioLoader.UNSET_PREFIX + "expect[" + drop.get(k) + "]");
        }
      }
      return one(s, edits, said, s.faultNumbers());
    }
  },

  /** Drop faults: all of them, then halves, quarters, ..., one at a time (ddmin's chunks). */
  FAULTS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      List<FaultSpec> faults = s.spec().faults();
      List<Candidate> out = new ArrayList<>();
      for (List<Integer> chunk : chunks(faults.size())) {
        List<String> edits = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>(s.faultNumbers());
        for (int k = chunk.size() - 1; k >= 0; k--) {
          edits.add(ScenarioLoader.UNSET_PREFIX + "faults[" + chunk.get(k) + "]");
          numbers.remove((int) chunk.get(k));
        }
        for (int i : chunk) {
          said.add("dropped " + faultName(s, i) + " (" + describe(faults.get(i)) + ")");
        }
        add(out, s, edits, said, numbers);
      }
      return out;
    }
  },

  /** Shorten the run: the shortest durations first, in whole windows. */
  DURATION {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      long d = s.spec().durationNanos();
      long w = s.spec().windowNanos();
      Set<Long> values = new TreeSet<>(smaller(d, w, w));
      long failed = s.outcome().failureNanos();
      if (failed >= 0) {
        // The run up to a node's failure is the same in a shorter run: end one window after it.
        long end = roundUp(failed + 1, w) + w;
        if (end < d) {
          values.add(end);
        }
      }
      List<Candidate> out = new ArrayList<>();
      for (long v : values) {
        add(
            out,
            s,
            List.of("duration=" + Durations.format(v)),
            List.of("duration " + Durations.format(d) + " → " + Durations.format(v)),
            s.faultNumbers());
      }
      return out;
    }
  },

  /** Move faults and load steps earlier, so that the run can end sooner. */
  TIMES {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      List<Candidate> out = new ArrayList<>();
      long w = s.spec().windowNanos();
      for (ScenarioTree.Point p : s.tree().times()) {
        long at;
        try {
          at = Units.durationNanos(p.before());
        } catch (IllegalArgumentException e) {
          continue;
        }
        Matcher fault = FAULT_AT.matcher(p.path());
        String subject =
            fault.matches()
                ? faultName(s, Integer.parseInt(fault.group(1))) + " at "
                : p.path() + " ";
        for (long v : smaller(at, w, 0)) {
          add(
              out,
              s,
              List.of(p.path() + "=" + Durations.format(v)),
              List.of(subject + Durations.format(at) + " → " + Durations.format(v)),
              s.faultNumbers());
        }
      }
      return out;
    }
  },

  /** Drop whole node groups (one still referenced does not validate, so it stays). */
  GROUPS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      List<Candidate> out = new ArrayList<>();
      List<NodeGroupSpec> groups = s.spec().nodes();
      if (groups.size() < 2) {
        return out;
      }
      for (NodeGroupSpec g : groups) {
        add(
            out,
            s,
            List.of(ScenarioLoader.UNSET_PREFIX + "nodes." + g.name()),
            List.of(
                "dropped group "
                    + g.name()
                    + " ("
                    + (g.count() == 1 ? "" : g.count() + " × ")
                    + g.type().name()
                    + ")"),
            s.faultNumbers());
      }
      return out;
    }
  },

  /** Fewer instances in each group: 1 first, then halves, then one fewer. */
  COUNTS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      List<Candidate> out = new ArrayList<>();
      for (NodeGroupSpec g : s.spec().nodes()) {
        int n = g.count();
        if (n < 2) {
          continue;
        }
        for (long v : new TreeSet<>(smaller(n, 1, 1))) {
          add(
              out,
              s,
              // count 1 is the default: say so by leaving the key out.
              List.of(
                  v == 1
                      ? ScenarioLoader.UNSET_PREFIX + "nodes." + g.name() + ".count"
                      : "nodes." + g.name() + ".count=" + v),
              List.of("nodes." + g.name() + ".count " + n + " → " + v),
              s.faultNumbers());
        }
      }
      return out;
    }
  },

  /** Remove optional sections (retries, hedging, health checks, clocks, links, ...). */
  SECTIONS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      return removals(s, s.tree().sections(), true);
    }
  },

  /** Replace distributions by constants: all at once, then one at a time. */
  DISTRIBUTIONS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      return removals(s, s.tree().distributions(), false);
    }
  },

  /** Remove keys, so that they take their defaults (timeouts, loss, a warm-up, ...). */
  KEYS {
    @Override
    List<Candidate> candidates(State s, Symptom symptom) {
      return removals(s, s.tree().keys(), true);
    }
  };

  /** The simpler scenarios to try from {@code s}, best first. */
  abstract List<Candidate> candidates(State s, Symptom symptom);

  // ------------------------------------------------------------------ helpers

  /** The path of a fault's start: {@code faults[2].at}. */
  private static final Pattern FAULT_AT = Pattern.compile("faults\\[(\\d+)\\]\\.at");

  /** The longest value a change line shows before it is cut with {@code ...}. */
  private static final int SHOWN = 60;

  /**
   * The candidates that each change some of {@code points}: with {@code chunked}, ddmin's chunks
   * (all, halves, ..., one at a time); else all at once, then one at a time.
   */
  private static List<Candidate> removals(
      State s, List<ScenarioTree.Point> points, boolean chunked) {
    List<List<Integer>> chunks = new ArrayList<>();
    if (chunked) {
      chunks.addAll(chunks(points.size()));
    } else if (!points.isEmpty()) {
      if (points.size() > 1) {
        chunks.add(range(0, points.size()));
      }
      for (int i = 0; i < points.size(); i++) {
        chunks.add(List.of(i));
      }
    }
    List<Candidate> out = new ArrayList<>();
    for (List<Integer> whole : chunks) {
      // A point inside another of the chunk goes with it: say and edit the outer one only.
      List<Integer> chunk = new ArrayList<>();
      for (int i : whole) {
        if (whole.stream().noneMatch(j -> inside(points.get(i).path(), points.get(j).path()))) {
          chunk.add(i);
        }
      }
      List<String> edits = new ArrayList<>();
      List<String> said = new ArrayList<>();
      // Later points first: a list entry's removal then leaves the earlier ones where they are.
      for (int k = chunk.size() - 1; k >= 0; k--) {
        edits.add(points.get(chunk.get(k)).edit());
      }
      for (int i : chunk) {
        ScenarioTree.Point p = points.get(i);
        said.add(
            p.after() == null
                ? removed(p)
                : p.path() + " " + shorten(p.before()) + " → " + p.after());
      }
      add(out, s, edits, said, s.faultNumbers());
    }
    return out;
  }

  /**
   * ddmin's chunks of {@code n} items, biggest first: all of them, then halves, quarters, ..., and
   * each one alone; each chunk once.
   */
  static List<List<Integer>> chunks(int n) {
    Set<List<Integer>> out = new LinkedHashSet<>();
    for (int size = n; size >= 1; size = size == 1 ? 0 : (size + 1) / 2) {
      for (int start = 0; start < n; start += size) {
        out.add(range(start, Math.min(n, start + size)));
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether {@code path} is a key or entry inside {@code outer} (not {@code outer} itself). */
  static boolean inside(String path, String outer) {
    return path.length() > outer.length()
        && path.startsWith(outer)
        && (path.charAt(outer.length()) == '.' || path.charAt(outer.length()) == '[');
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> r = new ArrayList<>();
    for (int i = from; i < to; i++) {
      r.add(i);
    }
    return r;
  }

  /**
   * Values below {@code v} worth trying, in multiples of {@code grain} and at least {@code min}:
   * {@code v} halved again and again, {@code v} less a quarter, an eighth, ..., and {@code v} less
   * one grain, which makes the end result as small as a single step can tell.
   */
  static Set<Long> smaller(long v, long grain, long min) {
    Set<Long> raw = new TreeSet<>();
    raw.add(min);
    for (int k = 1; k <= 8; k++) {
      raw.add(v >> k);
    }
    for (int k = 2; k <= 5; k++) {
      raw.add(v - (v >> k));
    }
    raw.add(v - grain);
    Set<Long> out = new TreeSet<>();
    for (long r : raw) {
      long x = roundUp(Math.max(r, min), grain);
      if (x >= min && x < v && (x > 0 || min == 0)) {
        out.add(x);
      }
    }
    return out;
  }

  private static long roundUp(long v, long grain) {
    return grain <= 1 ? v : (v + grain - 1) / grain * grain;
  }

  private static String faultName(State s, int index) {
    return "fault " + s.faultNumbers().get(index);
  }

  private static String describe(FaultSpec f) {
    return "at " + Durations.format(f.atNanos()) + ": " + f.describeWithTiming();
  }

  /**
   * {@code removed nodes.clients.retry ({max: 3})}, or for a list entry, whose position changes as
   * others go, {@code removed from nodes.clients.load.profile: {at: 10s, rate: 200/s}}.
   */
  private static String removed(ScenarioTree.Point p) {
    String path = p.path();
    if (path.endsWith("]")) {
      return "removed from "
          + path.substring(0, path.lastIndexOf('['))
          + ": "
          + shorten(p.before());
    }
    return "removed " + path + " (" + shorten(p.before()) + ")";
  }

  private static String shorten(String text) {
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
  }

  private static List<Candidate> one(
      State s, List<String> edits, List<String> said, List<Integer> faultNumbers) {
    List<Candidate> out = new ArrayList<>();
    add(out, s, edits, said, faultNumbers);
    return out;
  }

  /** Adds the candidate the edits make from {@code s}, unless they cannot be applied. */
  private static void add(
      List<Candidate> out,
      State s,
      List<String> edits,
      List<String> said,
      List<Integer> faultNumbers) {
    try {
      ScenarioTree t = s.tree().with(edits);
      String text = t.yaml();
      if (!text.equals(s.text())) {
        out.add(new Candidate(t, text, edits, said, faultNumbers));
      }
    } catch (ScenarioException e) {
      // An edit that does not apply here (a key a parent's removal took with it): nothing to try.
    }
  }
}
