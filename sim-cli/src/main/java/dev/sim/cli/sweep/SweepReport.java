package dev.sim.cli.sweep;

import dev.sim.cli.RunPipeline;
import dev.sim.report.chart.SweepCharts;
import dev.sim.report.html.SweepPage;
import dev.sim.report.io.RenderedFiles;
import dev.sim.report.sweep.SweepModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sweep's charts and {@code sweep.html}: builds the report's {@link SweepModel} from the plan
 * and the rows (never from the run results, which a sweep does not keep, so {@code sim merge}
 * builds the same model from the shards' tables), draws it, and writes every file atomically.
 */
public final class SweepReport {
  /** The page's file name. */
  public static final String PAGE = "sweep.html";

  private SweepReport() {}

  /** The model of {@code rows} of {@code plan}, as the charts and page draw it. */
  public static SweepModel model(
      SweepPlan plan, List<RunRow> rows, SweepCharting charting, String version) {
    List<SweepModel.Axis> axes = new ArrayList<>();
    for (Vary v : plan.varies()) {
      axes.add(new SweepModel.Axis(v.path(), v.values()));
    }
    Set<String> counters = SweepCsv.counters(rows);
    boolean consistency = SweepCsv.consistency(rows);
    List<SweepModel.Point> points = new ArrayList<>();
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
    List<SweepModel.Threshold> thresholds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (SweepCharting.Expectation e : charting.expectations()) {
      texts.add(e.check());
      String figure = SweepCharting.figureOf(e.metric());
      if (figure != null) {
        thresholds.add(new SweepModel.Threshold(e.check(), figure, e.op(), e.value()));
      }
    }
    return new SweepModel(
        plan.name(),
        plan.source().toString(),
        version,
        definition(plan, rows.size()),
        axes,
        points,
        thresholds,
        texts,
        charting.heatmap());
  }

  /** Draws {@code model} and writes its charts (PNG and SVG) and page into {@code dir}. */
  public static void write(SweepModel model, Path dir) throws IOException {
    List<SweepCharts.Rendered> charts = SweepCharts.render(model);
    for (SweepCharts.Rendered c : charts) {
      AtomicFile.writeBytes(dir.resolve(c.id() + ".png"), c.png());
      AtomicFile.write(dir.resolve(c.id() + ".svg"), w -> w.write(c.svg()));
    }
    String page = SweepPage.html(model, charts);
    AtomicFile.write(dir.resolve(PAGE), w -> w.write(page));
    List<Path> written = new ArrayList<>();
    for (SweepCharts.Rendered c : charts) {
      written.add(dir.resolve(c.id() + ".png"));
      written.add(dir.resolve(c.id() + ".svg"));
    }
    written.add(dir.resolve(PAGE));
    RenderedFiles.replace(dir, written);
  }

  private static List<String[]> definition(SweepPlan plan, int runs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"scenario", plan.source().toString()});
    Seeds s = plan.seeds();
    rows.add(
        new String[] {
          "seeds", s.first() == s.last() ? "" + s.first() : s.first() + ".." + s.last()
        });
    for (Vary v : plan.varies()) {
      rows.add(new String[] {"--vary", v.argument()});
    }
    for (String o : plan.overrides()) {
      rows.add(new String[] {"--set", o});
    }
    for (Path p : plan.plugins()) {
      rows.add(new String[] {"--plugin", p.toString()});
    }
    RunPipeline.Limits l = plan.limits();
    if (!l.equals(RunPipeline.Limits.DEFAULT)) {
      rows.add(
          new String[] {
            "limits",
            "--max-events "
                + l.maxEvents()
                + " --max-wall "
                + Decimals.shortest(l.maxWallNanos() / 1e9)
          });
    }
    rows.add(new String[] {"runs", plan.points().size() + " points, " + runs + " runs"});
    return rows;
  }

  private static SweepModel.Point point(
      SweepPlan plan,
      SweepPlan.Point p,
      List<RunRow> rows,
      Set<String> counters,
      boolean consistency) {
    int n = rows.size();
    Map<String, SweepModel.Stat> figures = new LinkedHashMap<>();
    double[] v = new double[n];
    for (int f = 0; f < RunRow.FIGURES.size(); f++) {
      for (int i = 0; i < n; i++) {
        v[i] = rows.get(i).figures()[f];
      }
      figures.put(RunRow.FIGURES.get(f), stat(Spread.of(v, n)));
    }
    int offered = RunRow.FIGURES.indexOf("offered");
    int attempts = RunRow.FIGURES.indexOf("attempts");
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i).figures();
      v[i] = r[offered] > 0 ? r[attempts] / r[offered] : Double.NaN;
    }
    figures.put(SweepModel.AMPLIFICATION, stat(Spread.of(v, n)));
    for (String c : counters) {
      for (int i = 0; i < n; i++) {
        v[i] = rows.get(i).counter(c);
      }
      figures.put("counter." + c, stat(Spread.of(v, n)));
    }
    if (consistency) {
      for (int f = 0; f < RunRow.Consistency.NUMBERS.size(); f++) {
        for (int i = 0; i < n; i++) {
          RunRow.Consistency c = rows.get(i).consistency();
          v[i] = c == null ? Double.NaN : c.number(f);
        }
        figures.put("consistency." + RunRow.Consistency.NUMBERS.get(f), stat(Spread.of(v, n)));
      }
    }
    List<Long> failing = new ArrayList<>();
    int held = 0;
    for (RunRow r : rows) {
      if (r.held()) {
        held++;
      } else {
        failing.add(r.seed());
      }
    }
    return new SweepModel.Point(p.index(), digits(plan, p.index()), n, held, failing, figures);
  }

  /** The index of point {@code index}'s value on each axis: the first varies slowest. */
  static int[] digits(SweepPlan plan, int index) {
    int[] d = new int[plan.varies().size()];
    int rest = index;
    for (int k = d.length - 1; k >= 0; k--) {
      int n = plan.varies().get(k).values().size();
      d[k] = rest % n;
      rest /= n;
    }
    return d;
  }

  private static SweepModel.Stat stat(Spread s) {
    return new SweepModel.Stat(s.defined(), s.mean(), s.min(), s.max(), s.p5(), s.p95());
  }
}
