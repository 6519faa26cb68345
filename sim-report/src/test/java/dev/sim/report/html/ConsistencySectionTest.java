package dev.sim.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.result.ConsistencySummary;
import dev.sim.kernel.result.RunResult;
import dev.sim.report.Fixtures;
import dev.sim.report.HistoryRuns;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's Consistency section, for runs whose clients recorded an operation history. */
class ConsistencySectionTest {
  private static final String STUCK_BAR = "stroke=\"#c00000\" stroke-width=\"3\"";

  private static String section(String page) {
    int from = page.indexOf("<section id=\"consistency\">");
    assertThat(from).as("the Consistency section").isNotNegative();
    return page.substring(from, page.indexOf("</section>", from));
  }

  @Test
  void anInvalidRunShowsTheVerdictTheFiguresAndTheWitnessNearTheTop() {
    RunResult r = HistoryRuns.registers(50, true);
    String page = ReportPage.html(r, List.of(), null);
    // Near the top: before the summary tables and the charts.
    assertThat(page.indexOf("<h2>Consistency</h2>")).isLessThan(page.indexOf("<h2>Summary</h2>"));
    assertThat(page)
        .contains("<div class=\"k\">Consistency</div><div class=\"v\">INVALID</div>")
        .contains("1 lost write · ");
    String s = section(page);
    assertThat(s)
        .contains("✘ INVALID")
        .contains("could not have come from a correct register")
        .contains("<b>register</b> on keys <code>r0</code>")
        .contains("every read returns the latest write before it")
        .contains("<td>lost writes</td><td class=\"num\">1</td>")
        .contains("<td>divergent keys</td>")
        .contains("<td>clients-2</td>")
        .contains("The witness: key &quot;r0&quot;")
        .contains("Cannot be placed")
        .containsPattern(
            "✗ process 1 read on &quot;r0&quot; → \\d+ \\(ok\\), invoked 9.5s, completed 9.502s")
        .contains("The write of the value it returned")
        .contains("Longest valid prefix");
    // The lost write's row: acknowledged at 9.402s, its loss showed at the read at 9.5s.
    assertThat(s).contains("<td class=\"num\">777</td><td class=\"num\">9.402s</td>");
  }

  @Test
  void theTimelineMarksTheWitnessAndShadesThePartition() {
    RunResult r = HistoryRuns.registers(50, true);
    String s = section(ReportPage.html(r, List.of(), null));
    String svg = s.substring(s.indexOf("<svg xmlns"), s.indexOf("</svg>\n</div>") + 6);
    assertThat(count(svg, STUCK_BAR)).as("the operation that cannot be placed").isEqualTo(1);
    assertThat(svg).contains(">✗</text>").containsPattern("#\\d+ of the longest valid prefix");
    // The witness is at 9.5s, inside the partition of 8..12s: its band is drawn with its label.
    assertThat(svg)
        .contains(">partition clients-2 | store<title>")
        .contains("fill-opacity=\"0.16\"");
    assertThat(s)
        .contains("Operations on key &quot;r0&quot;, one lane per process")
        .contains("Faults are shaded as on the charts")
        .contains(
            "sim check runs/history-run-seed3/history.jsonl --out runs/history-run-seed3/check");
  }

  @Test
  void aLongHistoryIsDrawnInAWindowOfItAndTheSvgStaysSmall() {
    // 40,000 operations: drawn whole the SVG would take ~15 MB.
    RunResult r = HistoryRuns.registers(2_000, true);
    assertThat(r.consistency().orElseThrow().ops()).isGreaterThan(30_000);
    String page = ReportPage.html(r, List.of(), null);
    String s = section(page);
    assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(2_000_000);
    Matcher m = Pattern.compile("(\\d[\\d,]*) of ([\\d,]+) operations").matcher(s);
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1).replace(",", ""))).isBetween(1, 400);
    assertThat(count(s, STUCK_BAR)).isEqualTo(1);
  }

  @Test
  void aValidRunSaysSoAndDrawsEveryKeyFromTheFault() {
    RunResult r = HistoryRuns.registers(50, false);
    String s = section(ReportPage.html(r, List.of(), null));
    assertThat(s)
        .contains("✔ Valid: the checker found no broken promise in")
        .contains("Operations on every key")
        .doesNotContain("The witness")
        .doesNotContain("Lost writes")
        .doesNotContain(STUCK_BAR);
    // Anchored at the partition, where the second client's operations fail and time out.
    assertThat(s).contains("fill=\"#ee8f8f\"").contains("fill=\"#f5c66b\"");
  }

  @Test
  void anUnknownVerdictIsNotAPass() {
    RunResult valid = HistoryRuns.registers(50, false);
    ConsistencySummary c = valid.consistency().orElseThrow();
    RunResult unknown =
        valid.toBuilder()
            .family(
                new ConsistencySummary(
                    c.model(),
                    false,
                    c.ops(),
                    0,
                    0,
                    0,
                    0,
                    "unknown",
                    c.keys(),
                    0,
                    c.ok(),
                    c.fail(),
                    c.info(),
                    c.byNode(),
                    List.of(),
                    "r1",
                    "key \"r1\": the deadline of 60s passed before a verdict"))
            .build();
    String s = section(ReportPage.html(unknown, List.of(), null));
    assertThat(s)
        .contains("? Unknown: the checker ran out of time")
        .contains("Unknown is not a pass")
        .contains("the deadline of 60s passed")
        .contains("Operations on key &quot;r1&quot;")
        .doesNotContain(STUCK_BAR);
  }

  @Test
  void aRunFolderWithoutItsHistoryStillShowsTheVerdictAndTheFigures() {
    RunResult r = HistoryRuns.registers(50, true).toBuilder().history(HistoryData.EMPTY).build();
    String s = section(ReportPage.html(r, List.of(), null));
    assertThat(s)
        .contains("✘ INVALID")
        .contains("<td>lost writes</td><td class=\"num\">1</td>")
        .contains("has no history.jsonl")
        .doesNotContain("<svg xmlns");
  }

  @Test
  void manyLostWritesAreListedInPartAndSayWhereTheRestIs() {
    RunResult base = HistoryRuns.registers(50, true);
    ConsistencySummary c = base.consistency().orElseThrow();
    List<ConsistencySummary.LostWrite> lost =
        java.util.stream.IntStream.range(0, 250)
            .mapToObj(
                i -> new ConsistencySummary.LostWrite("r0", i, i * 10_000_000L, i * 20_000_000L))
            .toList();
    RunResult r = base.toBuilder().family(HistoryRuns.withLost(c, lost)).build();
    String s = section(ReportPage.html(r, List.of(), null));
    assertThat(count(s, "<tr><td><code>r0</code></td>")).isEqualTo(WitnessSection.MAX_LOST_ROWS);
    assertThat(s)
        .contains("250 writes acknowledged to a client went missing later")
        .contains("… and 240 more: summary.json lists the first 100");
  }

  @Test
  void aRunWithoutAHistoryHasNoSection() {
    assertThat(ReportPage.html(Fixtures.spiral(20, "plain", 1), List.of(), null))
        .doesNotContain("id=\"consistency\"")
        .doesNotContain("<div class=\"k\">Consistency</div>");
  }

  private static int count(String text, String literal) {
    int n = 0;
    for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
      n++;
    }
    return n;
  }
}
