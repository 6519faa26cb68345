package dev.sim.cli.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sweep.json}: the sweep's definition (scenario, seeds, varied paths and their values,
 * overrides, plugins, limits) and, per point, each figure's {@link Spread} across its seeds and the
 * share of seeds whose expectations all held. Like {@code sweep.csv}, a pure function of the sweep:
 * no wall-clock time, no thread count.
 */
final class SweepJson {
  static final String FILE = "sweep.json";

  private SweepJson() {}

  /** The text of {@code sweep.json} for {@code outcome} of {@code plan}. */
  static String toJson(
      SweepPlan plan,
      SweepRunner.Outcome outcome,
      boolean untilFail,
      String version,
      SweepCharting charting) {
    List<RunRow> rows = outcome.rows();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", plan.name());
    root.put("source", plan.source().toString());
    root.put("version", version);
    root.put("seeds", range(plan.seeds().first(), plan.seeds().last()));
    List<Object> varies = new ArrayList<>();
    for (Vary v : plan.varies()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", v.path());
      m.put("argument", v.argument());
      m.put("values", new ArrayList<Object>(v.values()));
      varies.add(m);
    }
    root.put("vary", varies);
    root.put("overrides", new ArrayList<Object>(plan.overrides()));
    List<Object> plugins = new ArrayList<>();
    for (Path p : plan.plugins()) {
      plugins.add(p.toString());
    }
    root.put("plugins", plugins);
    Map<String, Object> limits = new LinkedHashMap<>();
    limits.put("maxEvents", plan.limits().maxEvents());
    limits.put("maxWallSeconds", plan.limits().maxWallNanos() / 1e9);
    root.put("limits", limits);
    root.put("untilFail", untilFail);
    charting.putJson(root);
    if (!plan.shard().whole()) {
      // Only in a shard's folder: what sim merge checks; a merged sweep's file has no such key.
      Map<String, Object> shard = new LinkedHashMap<>();
      shard.put("index", (long) plan.shard().index());
      shard.put("count", (long) plan.shard().count());
      root.put("shard", shard);
    }
    root.put("runs", (long) rows.size());
    root.put("held", rows.stream().filter(RunRow::held).count());
    root.put("simulationFailed", rows.stream().filter(RunRow::simulationFailed).count());
    Long first = outcome.firstFailingSeed();
    root.put("firstFailingSeed", first);
    root.put("seedsPassedBefore", first == null ? null : first - plan.seeds().first());

    Set<String> counters = SweepCsv.counters(rows);
    boolean consistency = SweepCsv.consistency(rows);
    List<Object> points = new ArrayList<>();
    int from = 0;
    for (SweepPlan.Point p : plan.points()) {
      int to = from;
      while (to < rows.size() && rows.get(to).point() == p.index()) {
        to++;
      }
      if (to > from) {
        points.add(point(plan, p, rows.subList(from, to), counters, consistency));
      }
      from = to;
    }
    root.put("points", points);
    return JsonText.write(root);
  }

  private static Map<String, Object> point(
      SweepPlan plan,
      SweepPlan.Point p,
      List<RunRow> rows,
      Set<String> counters,
      boolean consistency) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("point", (long) p.index());
    Map<String, Object> values = new LinkedHashMap<>();
    for (int k = 0; k < plan.varies().size(); k++) {
      values.put(plan.varies().get(k).path(), p.values().get(k));
    }
    m.put("values", values);
    int n = rows.size();
    long held = rows.stream().filter(RunRow::held).count();
    m.put("seeds", (long) n);
    m.put("held", held);
    m.put("expectationsHeldShare", (double) held / n);
    List<Object> failing = new ArrayList<>();
    for (RunRow r : rows) {
      if (!r.held()) {
        failing.add(r.seed());
      }
    }
    m.put("failingSeeds", failing);

    Map<String, Object> figures = new LinkedHashMap<>();
    double[] v = new double[n];
    for (int f = 0; f < RunRow.FIGURES.size(); f++) {
      for (int i = 0; i < n; i++) {
        v[i] = rows.get(i).figures()[f];
      }
      figures.put(RunRow.FIGURES.get(f), Spread.of(v, n).toJson());
    }
    for (String c : counters) {
      for (int i = 0; i < n; i++) {
        v[i] = rows.get(i).counter(c);
      }
      figures.put("counter." + c, Spread.of(v, n).toJson());
    }
    if (consistency) {
      for (int f = 0; f < RunRow.Consistency.NUMBERS.size(); f++) {
        for (int i = 0; i < n; i++) {
          RunRow.Consistency c = rows.get(i).consistency();
          v[i] = c == null ? Double.NaN : c.number(f);
        }
        figures.put("consistency." + RunRow.Consistency.NUMBERS.get(f), Spread.of(v, n).toJson());
      }
    }
    m.put("figures", figures);
    return m;
  }

  private static Map<String, Object> range(long first, long last) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("first", first);
    m.put("last", last);
    return m;
  }
}
