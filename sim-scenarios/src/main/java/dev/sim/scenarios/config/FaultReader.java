package dev.sim.scenarios.config;

import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import dev.sim.scenarios.plugin.FaultKindRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code faults:} list. Which kind a fault is comes from the one key among its keys that
 * names a registered {@link FaultKind}; the common keys ({@link FaultKeys}) and the kind's own
 * parameter record are then bound by the same {@link ParamBinder} as node parameters, and checked
 * against the run: {@code at} before its end, an occurrence shorter than {@code every}, and a
 * warning for one that lasts past the end.
 */
final class FaultReader {
  private final Values values;
  private final Problems problems;
  private final NodeNames names;
  private final Long durationNanos;
  private final FaultKindRegistry kinds;

  FaultReader(Values values, NodeNames names, Long durationNanos, FaultKindRegistry kinds) {
    this.values = values;
    this.problems = values.problems();
    this.names = names;
    this.durationNanos = durationNanos;
    this.kinds = kinds;
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
    List<FaultKind<?>> found = new ArrayList<>();
    for (String k : m.keys()) {
      kinds.find(k).ifPresent(found::add);
    }
    int before = problems.size();
    Set<String> allowed = new LinkedHashSet<>(List.of("at", "every"));
    for (FaultKind<?> k : found.isEmpty() ? kinds.kinds() : found) {
      allowed.addAll(found.isEmpty() ? List.of(k.name()) : FaultKeys.keys(k));
    }
    if (found.isEmpty()) {
      allowed.addAll(otherKeys(null));
    }
    reportUnknown(m, path, found.size() == 1 ? found.get(0) : null, List.copyOf(allowed));
    if (found.size() > 1) {
      values.problem(
          m,
          path,
          "a fault does one thing; found both '"
              + found.get(0).name()
              + "' and '"
              + found.get(1).name()
              + "' — write them as two faults");
      return null;
    }
    if (found.isEmpty()) {
      if (problems.size() == before) {
        values.problem(
            m,
            path,
            "a fault needs something to do: one of "
                + String.join(", ", kinds.names())
                + ", e.g. {at: 60s, crash: api-1}");
      }
      return null;
    }
    FaultSpec f = bind(found.get(0), m, path);
    return problems.size() > before ? null : f;
  }

  private <P extends Record> FaultSpec bind(FaultKind<P> kind, YamlMap m, String path) {
    // Each binding reads only its own keys; the keys are checked once, above.
    ParamBinder binder = new ParamBinder(problems);
    FaultKeys.Timing timing = binder.bind(FaultKeys.Timing.class, m, path, m.keys());
    P params = binder.bind(kind.parameters(), m, path, m.keys());
    Lasting lasting = kind.lasting();
    Long lasts = null;
    boolean lastsOk = true;
    if (lasting.takesFor()) {
      FaultKeys.For f = binder.bind(FaultKeys.For.class, m, path, m.keys());
      lastsOk = f != null;
      lasts = f == null ? null : f.nanos();
      if (lasting.required() && !m.has("for")) {
        values.missing(m, path, "for", lasting.hint());
      }
    } else if (!lasting.isInstant() && params != null) {
      lasts = (Long) ParamBinder.value(params, lasting.key());
    }
    if (params != null) {
      binder.report(m, path, kind.check(params));
    }
    boolean refsOk = References.check(binder, names, problems);
    if (params != null && refsOk) {
      refsOk = versionsOk(binder, m, path, params);
    }
    if (timing == null || !atBeforeEnd(m, path, timing.atNanos())) {
      return null;
    }
    long every = timing.everyNanos() == null ? -1 : timing.everyNanos();
    if (lasts != null) {
      checkLasting(
          m, path, lasting.takesFor() ? "for" : lasting.key(), timing.atNanos(), lasts, every);
    }
    if (params == null || !lastsOk || !refsOk) {
      return null;
    }
    return new FaultSpec(
        kind, params, timing.atNanos(), lasts == null ? -1 : lasts, every, m.location());
  }

  /**
   * Checks each key that names a version ({@code Param.versionOf}) against the versions its group's
   * node type declares, with a did-you-mean; returns whether all were found.
   */
  private boolean versionsOk(ParamBinder binder, YamlMap m, String path, Record params) {
    List<dev.sim.api.Problem> found = new ArrayList<>();
    for (var e : ParamBinder.versionKeys(params.getClass()).entrySet()) {
      Object v = ParamBinder.value(params, e.getKey());
      Object g = ParamBinder.value(params, e.getValue());
      String group = g instanceof dev.sim.api.Target t ? t.ref() : (String) g;
      if (v == null || group == null) {
        continue;
      }
      List<String> known = names.versionsOf(group);
      if (known == null || known.contains(v)) {
        continue;
      }
      String msg;
      if (known.isEmpty()) {
        msg =
            "'"
                + group
                + "' ("
                + names.typeOf(group)
                + ") has no versions to switch to; declare them on its group (a server's"
                + " versions: [{name: "
                + v
                + ", errors: 0.3}])";
      } else {
        String near = DidYouMean.suffix((String) v, known);
        msg =
            "unknown version '"
                + v
                + "' of '"
                + group
                + "'"
                + (near.isEmpty() ? "; its versions are " + String.join(", ", known) : near);
      }
      found.add(new dev.sim.api.Problem(e.getKey(), msg));
    }
    return binder.report(m, path, found);
  }

  private boolean atBeforeEnd(YamlMap m, String path, long at) {
    if (durationNanos == null || at < durationNanos) {
      return true;
    }
    YamlNode n = m.get("at");
    values.problem(
        n,
        path + ".at",
        "at "
            + (n instanceof YamlScalar s ? s.text().strip() : Units.formatDuration(at))
            + " is not before the end of the run (duration "
            + Units.formatDuration(durationNanos)
            + "), so the fault would never happen");
    return false;
  }

  /** An occurrence must end before the next begins; one that outlasts the run is worth a word. */
  private void checkLasting(YamlMap m, String path, String key, long at, long lasts, long every) {
    YamlNode n = m.get(key);
    if (every > 0 && lasts >= every) {
      values.problem(
          n,
          path + "." + key,
          "'"
              + key
              + "' ("
              + Units.formatDuration(lasts)
              + ") must be shorter than 'every' ("
              + Units.formatDuration(every)
              + "), or each repetition would overlap the last");
    } else if (durationNanos != null && at + lasts > durationNanos) {
      problems.warn(
          n.location(),
          path + "." + key,
          "the fault is not undone before the run ends: at "
              + Units.formatDuration(at)
              + " plus "
              + key
              + " "
              + Units.formatDuration(lasts)
              + " is "
              + Units.formatDuration(at + lasts)
              + ", after the end of the run (duration "
              + Units.formatDuration(durationNanos)
              + ")");
    }
  }

  /** The keys of every kind but {@code kind}, beside the common ones and the kinds' names. */
  private List<String> otherKeys(FaultKind<?> kind) {
    Set<String> out = new LinkedHashSet<>();
    for (FaultKind<?> k : kinds.kinds()) {
      if (k != kind) {
        for (String key : FaultKeys.keys(k)) {
          if (!FaultKindRegistry.COMMON_KEYS.contains(key) || key.equals("for")) {
            out.add(key);
          }
        }
      }
    }
    out.removeAll(List.of("at", "every"));
    out.removeAll(kinds.names());
    return List.copyOf(out);
  }

  private void reportUnknown(YamlMap m, String path, FaultKind<?> kind, List<String> allowed) {
    List<String> elsewhere = kind == null ? List.of() : otherKeys(kind);
    for (YamlMap.Entry e : m.entries()) {
      String k = e.key();
      if (allowed.contains(k)) {
        continue;
      }
      String p = Values.join(path, k);
      if (kind != null && k.equals("for")) {
        problems.add(e.keyLocation(), p, kind.lasting().hint());
      } else if (kind != null && elsewhere.contains(k)) {
        problems.add(
            e.keyLocation(),
            p,
            "'"
                + k
                + "' does not go with '"
                + kind.name()
                + "'; "
                + Words.withArticle(kind.name())
                + " fault takes "
                + String.join(", ", allowed));
      } else {
        List<String> near = new ArrayList<>(allowed);
        for (String a : kinds.names()) {
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
                    ? "; "
                        + (kind == null ? "a fault" : Words.withArticle(kind.name()) + " fault")
                        + " takes "
                        + String.join(", ", allowed)
                    : suggestion));
      }
    }
  }
}
