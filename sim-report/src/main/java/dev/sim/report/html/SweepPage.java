package dev.sim.report.html;

import static dev.sim.report.html.Html.escape;

import dev.sim.report.chart.SweepCharts;
import dev.sim.report.sweep.SweepModel;
import dev.sim.report.text.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds {@code sweep.html}: the sweep's definition, its verdict, the charts and the table of
 * points (each figure's mean and range across seeds, the share of seeds that held), in the style of
 * {@code report.html}.
 */
public final class SweepPage {
  private SweepPage() {}

  /** The figures of the points table, in order, besides the share of seeds that held. */
  static List<String> tableFigures(SweepModel m) {
    List<String> out = new ArrayList<>();
    for (String f : SweepCharts.lineFigures(m)) {
      if (!f.equals(SweepModel.HELD)) {
        out.add(f);
      }
    }
    if (m.axes().size() == 2 && !out.contains(m.heatmapFigure())) {
      out.add(m.heatmapFigure());
    }
    return out;
  }

  /** The page, its charts' files ({@code ID.png}, {@code ID.svg}) beside it. */
  public static String html(SweepModel m, List<SweepCharts.Rendered> charts) {
    StringBuilder h = new StringBuilder(32_768);
    ReportPage.head(h, m.scenario() + " sweep — sim");
    int runs = m.points().stream().mapToInt(SweepModel.Point::seeds).sum();
    int held = m.points().stream().mapToInt(SweepModel.Point::held).sum();
    h.append("<header>\n<p class=\"eyebrow\">sim sweep · <code>")
        .append(escape(m.source()))
        .append("</code> · sim ")
        .append(escape(m.version()))
        .append("</p>\n<h1>")
        .append(escape(m.scenario()))
        .append(" sweep</h1>\n")
        .append("</header>\n");
    String verdict =
        Format.count(held) + " of " + Format.count(runs, "run", "runs") + " held every expectation";
    String cls = m.expectations().isEmpty() ? "none" : held == runs ? "ok" : "bad";
    h.append("<div class=\"verdict ")
        .append(cls)
        .append("\">")
        .append(
            escape(
                m.expectations().isEmpty() ? "No expectations: every run counts as held" : verdict))
        .append("</div>\n");

    h.append("<section>\n<h2>Definition</h2>\n<table>\n");
    for (String[] row : m.definition()) {
      h.append("<tr><td>")
          .append(escape(row[0]))
          .append("</td><td><code>")
          .append(escape(row[1]))
          .append("</code></td></tr>\n");
    }
    h.append("</table>\n");
    if (!m.expectations().isEmpty()) {
      h.append("<h3>Expectations (each run's)</h3>\n<ul class=\"checked\">\n");
      for (String e : m.expectations()) {
        h.append("<li><code>").append(escape(e)).append("</code></li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");

    if (!charts.isEmpty()) {
      h.append("<section>\n<h2>Charts</h2>\n<nav class=\"toc\">");
      for (SweepCharts.Rendered c : charts) {
        h.append("<a href=\"#chart-")
            .append(escape(c.id()))
            .append("\">")
            .append(escape(ReportPage.shortTitle(c.title())))
            .append("</a> ");
      }
      h.append("</nav>\n");
      for (SweepCharts.Rendered c : charts) {
        h.append("<figure id=\"chart-")
            .append(escape(c.id()))
            .append("\">\n<img src=\"")
            .append(Html.href(c.id() + ".png"))
            .append("\" width=\"")
            .append(c.width())
            .append("\" height=\"")
            .append(c.height())
            .append("\" alt=\"")
            .append(escape(c.title() + ". " + c.caption()))
            .append("\">\n<figcaption>")
            .append(escape(c.caption()))
            .append(" <a href=\"")
            .append(Html.href(c.id() + ".svg"))
            .append("\">SVG version</a></figcaption>\n</figure>\n");
      }
      h.append("</section>\n");
    } else if (m.axes().size() > 2) {
      h.append(
          "<p class=\"more\">Charts are drawn for one varied path (figures against it) or two (a"
              + " heatmap); this sweep varies "
              + m.axes().size()
              + ". The table below has every point.</p>\n");
    }

    points(h, m);
    h.append("<footer>Data: <a href=\"sweep.csv\">sweep.csv</a> · <a href=\"sweep.json\">")
        .append("sweep.json</a><br>Made by sim-report from the sweep's table; each row of")
        .append(" sweep.csv is a run that <code>sim run</code> replays exactly.</footer>\n");
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void points(StringBuilder h, SweepModel m) {
    List<String> figures = tableFigures(m);
    String band = m.bandName();
    h.append(
            "<section id=\"points\">\n<h2>Points</h2>\n<p class=\"more\">Each figure's mean across seeds, with ")
        .append(escape(band))
        .append(" below it. Rows where some seed's expectations failed are shaded.</p>\n")
        .append("<div style=\"overflow-x:auto\"><table>\n<tr><th class=\"num\">point</th>");
    for (SweepModel.Axis a : m.axes()) {
      h.append("<th>").append(escape(a.path())).append("</th>");
    }
    h.append("<th class=\"num\">seeds held</th>");
    for (String f : figures) {
      h.append("<th class=\"num\">").append(escape(SweepCharts.shortLabel(f))).append("</th>");
    }
    h.append("<th>failing seeds</th></tr>\n");
    for (SweepModel.Point p : m.points()) {
      h.append(p.allHeld() ? "<tr>" : "<tr class=\"failrow\">")
          .append("<td class=\"num\">")
          .append(p.index())
          .append("</td>");
      for (int k = 0; k < m.axes().size(); k++) {
        h.append("<td><code>")
            .append(escape(m.axes().get(k).values().get(p.at()[k])))
            .append("</code></td>");
      }
      h.append("<td class=\"num\">")
          .append(p.held())
          .append("/")
          .append(p.seeds())
          .append(" (")
          .append(escape(Format.percent(p.seeds() == 0 ? 0 : (double) p.held() / p.seeds())))
          .append(")</td>");
      for (String f : figures) {
        SweepModel.Stat s = p.stat(f);
        h.append("<td class=\"num\">").append(escape(SweepCharts.number(f, s.mean())));
        if (s.defined() > 1) {
          h.append("<br><span class=\"more\">")
              .append(escape(SweepCharts.number(f, s.low())))
              .append("–")
              .append(escape(SweepCharts.number(f, s.high())))
              .append("</span>");
        }
        h.append("</td>");
      }
      List<String> seeds = p.failingSeeds().stream().map(String::valueOf).toList();
      String shown =
          seeds.size() <= 12
              ? String.join(", ", seeds)
              : String.join(", ", seeds.subList(0, 12)) + ", … (" + seeds.size() + ")";
      h.append("<td>").append(escape(shown)).append("</td></tr>\n");
    }
    h.append("</table></div>\n</section>\n");
  }
}
