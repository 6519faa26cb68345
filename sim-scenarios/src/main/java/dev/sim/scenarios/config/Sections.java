package dev.sim.scenarios.config;

import dev.sim.scenarios.bind.ParamBinder;
import dev.sim.scenarios.config.yaml.YamlList;
import dev.sim.scenarios.config.yaml.YamlMap;
import dev.sim.scenarios.config.yaml.YamlNode;
import dev.sim.scenarios.config.yaml.YamlScalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code network}, {@code clocks} and {@code report} sections: each is a parameter record
 * ({@link NetworkSpec} with its {@link LinkSpec}s, {@link ClockSpec}, {@link ReportSpec}) bound by
 * the same {@link ParamBinder} as node parameters, so its keys are checked with the same messages
 * and {@code sim explain} documents them from the records.
 */
final class Sections {
  private final Values values;
  private final Problems problems;
  private final NodeNames names;

  Sections(Values values, NodeNames names) {
    this.values = values;
    this.problems = values.problems();
    this.names = names;
  }

  /** The network section; the defaults when absent; null after a problem. */
  NetworkSpec network(YamlNode n) {
    YamlMap m =
        n == null
            ? empty()
            : values.map(n, "network", "a section like {latency: 1ms, loss: 0.001}");
    if (m == null) {
      return null;
    }
    ParamBinder binder = new ParamBinder(problems);
    NetworkSpec net = binder.bind(NetworkSpec.class, m, "network", List.of());
    boolean ok = net != null;
    if (net != null && m.get("links") instanceof YamlList links) {
      for (int i = 0; i < net.links().size(); i++) {
        ok &=
            binder.report(
                (YamlMap) links.get(i), "network.links[" + i + "]", net.links().get(i).check());
      }
    }
    ok &= References.check(binder, names, problems);
    return ok ? net : null;
  }

  /** The clocks section: a default and overrides by node name; null after a problem. */
  ClocksSpec clocks(YamlNode n) {
    ClockSpec zero = new ClockSpec(SignedDistribution.constant(0), 0);
    if (n == null) {
      return new ClocksSpec(zero, Map.of());
    }
    YamlMap m = values.map(n, "clocks", "a section like {default: {offset: 5ms, driftPpm: 20}}");
    if (m == null) {
      return null;
    }
    ClockSpec defaults = zero;
    Map<String, ClockSpec> overrides = new LinkedHashMap<>();
    for (YamlMap.Entry e : m.entries()) {
      String key = e.key();
      String path = "clocks." + key;
      if (!key.equals("default") && !names.exists(key)) {
        if (DidYouMean.distance(key, "default") <= 2) {
          problems.add(
              e.keyLocation(), path, "unknown key '" + key + "' — did you mean 'default'?");
        } else {
          names.check(key, e.keyLocation(), path, problems);
        }
        continue;
      }
      YamlMap c = values.map(e.value(), path, "a section like {offset: 300ms, driftPpm: 200}");
      ParamBinder binder = new ParamBinder(problems);
      ClockSpec clock = c == null ? null : binder.bind(ClockSpec.class, c, path, List.of());
      if (clock == null || !binder.report(c, path, clock.check())) {
        continue;
      }
      if (key.equals("default")) {
        defaults = clock;
      } else {
        overrides.put(key, clock);
      }
    }
    return new ClocksSpec(defaults, Collections.unmodifiableMap(overrides));
  }

  /** The report section; every chart with data when absent; null after a problem. */
  ReportSpec report(YamlNode n, DeclaredMetrics declared) {
    YamlMap m =
        n == null ? empty() : values.map(n, "report", "a section like {charts: [yield, latency]}");
    if (m == null) {
      return null;
    }
    ReportSpec spec = new ParamBinder(problems).bind(ReportSpec.class, m, "report", List.of());
    if (spec != null
        && spec.spacetime() != null
        && spec.spacetime().toNanos() <= spec.spacetime().fromNanos()
        && m.get("spacetime") instanceof YamlMap w
        && w.get("to") != null) {
      values.problem(w.get("to"), "report.spacetime.to", "must be after from");
      return null;
    }
    return spec != null && knownCharts(m, declared) ? spec : null;
  }

  /**
   * Whether every chart {@code report.charts} names is a generic one or one the scenario's types
   * declare; each that is not is a problem at its item, with the nearest name. Left unchecked when
   * a group's type is unknown, which is its own problem.
   */
  private boolean knownCharts(YamlMap m, DeclaredMetrics declared) {
    YamlNode c = m.get("charts");
    if (!declared.complete() || c == null) {
      return true;
    }
    List<String> known = declared.charts();
    List<YamlNode> items = c instanceof YamlList l ? l.items() : List.of(c);
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof YamlScalar s) || s.isNull()) {
        continue;
      }
      String chart = s.text().strip();
      if (known.contains(chart)) {
        continue;
      }
      String near = DidYouMean.suffix(chart, known);
      values.problem(
          s,
          c instanceof YamlList ? "report.charts[" + i + "]" : "report.charts",
          "unknown chart '"
              + chart
              + "'"
              + (near.isEmpty()
                  ? "; this scenario's charts are " + String.join(", ", known)
                  : near));
      ok = false;
    }
    return ok;
  }

  /** An empty section, so that an absent one binds to its defaults like any other. */
  private static YamlMap empty() {
    SourceLocation nowhere = SourceLocation.unknown("");
    return new YamlMap(nowhere, nowhere);
  }
}
