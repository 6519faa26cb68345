package dev.sim.check.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.sim.check.Rec;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HistoryTimelineTest {
  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static Rec sample() {
    Rec r = new Rec(3);
    r.at(0).inv(0, "write", 1L).at(10).ok(0, 1L);
    r.at(20).inv(1, "write", 2L).at(30).fail(1, null);
    r.at(40).inv(2, "read", null).at(50).info(2, null);
    r.at(60).inv(0, "read", null).at(100).ok(0, 1L);
    return r;
  }

  @Test
  void shouldDrawOneLanePerProcessAndOneBarPerOperationColouredByOutcome() {
    String svg = HistoryTimeline.of(sample().ops()).svg();
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    assertThat(count(svg, ">process \\d+( \\([^)]*\\))?<title>")).isEqualTo(3);
    assertThat(count(svg, "rx=\"2\" fill=\"" + HistoryTimeline.OK)).isEqualTo(2);
    assertThat(count(svg, "rx=\"2\" fill=\"" + HistoryTimeline.FAIL)).isEqualTo(1);
    assertThat(count(svg, "rx=\"2\" fill=\"" + HistoryTimeline.INFO)).isEqualTo(1);
    assertThat(svg).contains("<title>process 1 write 2 (fail)\ninvoked 20ms, fail 30ms");
  }

  @Test
  void shouldRunAnInfoOperationsTailAndAPendingOnesBarToTheEndOfTheAxis() {
    Rec r = sample();
    r.at(70).inv(1, "read", null);
    String svg = HistoryTimeline.of(r.ops(), 0, 100_000_000L).width(1110).svg();
    // The axis spans 0..100ms over x = 110..1090. The info read ran 40..50ms, then its tail.
    Matcher tail =
        Pattern.compile(
                "<rect x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\" height=\"3\" fill=\""
                    + HistoryTimeline.INFO)
            .matcher(svg);
    assertThat(tail.find()).isTrue();
    assertThat(Double.parseDouble(tail.group(1))).isCloseTo(110 + 0.5 * 980, offset(0.1));
    assertThat(Double.parseDouble(tail.group(1)) + Double.parseDouble(tail.group(2)))
        .isCloseTo(1090, offset(0.1));
    // The read invoked at 70ms never completed: its whole bar runs to the end.
    Matcher pending =
        Pattern.compile(
                "<rect x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\" height=\"13\" rx=\"2\""
                    + " fill=\""
                    + HistoryTimeline.INFO
                    + "\" fill-opacity=\"0.6\"")
            .matcher(svg);
    assertThat(pending.find()).isTrue();
    assertThat(Double.parseDouble(pending.group(1))).isCloseTo(110 + 0.7 * 980, offset(0.1));
    assertThat(Double.parseDouble(pending.group(1)) + Double.parseDouble(pending.group(2)))
        .isCloseTo(1090, offset(0.1));
  }

  @Test
  void shouldLabelTheAxisInReadableUnits() {
    String svg = HistoryTimeline.of(sample().ops()).svg();
    assertThat(svg).contains(">0s</text>").contains(">10ms</text>").contains(">100ms</text>");
  }

  @Test
  void shouldMarkThePrefixTheStuckOperationAndRelatedOnes() {
    String svg = HistoryTimeline.of(sample().ops()).mark(List.of(0), 6, List.of(2)).svg();
    assertThat(count(svg, "stroke=\"" + HistoryTimeline.PREFIX + "\"")).isEqualTo(1);
    assertThat(count(svg, "stroke=\"" + HistoryTimeline.STUCK + "\" stroke-width=\"3\""))
        .isEqualTo(1);
    assertThat(count(svg, "stroke=\"" + HistoryTimeline.RELATED + "\"")).isEqualTo(1);
    assertThat(svg).contains("✗").contains("#1 of the longest valid prefix");
  }

  @Test
  void shouldLabelBarsShortly() {
    Rec r = new Rec(1);
    r.at(0).inv(0, "cas", List.of(1L, 2L)).at(1).ok(0, List.of(1L, 2L));
    r.at(2).inv(0, "incr", 3L).at(3).ok(0, 3L);
    var ops = dev.sim.check.Operations.pair(r.ops());
    assertThat(HistoryTimeline.label(ops.get(0))).isEqualTo("cas 1→2");
    assertThat(HistoryTimeline.label(ops.get(1))).isEqualTo("+3");
  }

  @Test
  void shouldShadeABandBehindTheLanesWithItsLabelAbove() {
    String svg =
        HistoryTimeline.of(sample().ops(), 0, 100_000_000L)
            .width(1110)
            .band(20_000_000L, 60_000_000L, "partition store-3 | store-1", "#cc79a7")
            .svg();
    // 0..100ms over x = 110..1090 (the lane names are short): the band spans 20..60ms.
    Matcher band =
        Pattern.compile(
                "<rect x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\" height=\"\\d+\""
                    + " fill=\"#cc79a7\" fill-opacity=\"0.16\"/>")
            .matcher(svg);
    assertThat(band.find()).isTrue();
    assertThat(Double.parseDouble(band.group(1))).isCloseTo(110 + 0.2 * 980, offset(0.1));
    assertThat(Double.parseDouble(band.group(2))).isCloseTo(0.4 * 980, offset(0.1));
    assertThat(svg).contains(">partition store-3 | store-1<title>");
    // The label is written in a darker shade of the band's colour, readable on white.
    assertThat(svg).contains("fill=\"" + TimelineBands.darker("#cc79a7") + "\"");
    // Drawn before the bars, so the bars stay on top.
    assertThat(svg.indexOf("fill-opacity=\"0.16\"")).isLessThan(svg.indexOf("rx=\"2\""));
  }

  @Test
  void shouldLeaveOutABandOutsideTheAxisAndRejectABadColour() {
    String svg =
        HistoryTimeline.of(sample().ops(), 0, 100_000_000L)
            .band(200_000_000L, 300_000_000L, "later", "#cc79a7")
            .svg();
    assertThat(svg).doesNotContain("fill-opacity=\"0.16\"").doesNotContain(">later<");
    assertThatThrownBy(() -> HistoryTimeline.of(sample().ops()).band(0, 1, "x", "pink"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#rrggbb");
  }

  @Test
  void shouldCutBarsAtTheEndsOfAnAxisThatCoversPartOfTheHistory() {
    // The axis covers 25..55ms: the write 0..10ms is not drawn, the read 60..100ms neither, the
    // fail 20..30ms starts at the axis, the info 40..50ms is whole.
    String svg = HistoryTimeline.of(sample().ops(), 25_000_000L, 55_000_000L).width(1110).svg();
    Matcher bars =
        Pattern.compile("<rect x=\"([\\d.]+)\" y=\"\\d+\" width=\"([\\d.]+)\" height=\"13\"")
            .matcher(svg);
    int n = 0;
    while (bars.find()) {
      n++;
      double x = Double.parseDouble(bars.group(1));
      assertThat(x).isBetween(110.0, 1090.0);
      assertThat(x + Double.parseDouble(bars.group(2))).isLessThanOrEqualTo(1090.0);
    }
    assertThat(n).isEqualTo(2);
  }

  @Test
  void shouldNameTheWitnessBarsBesideThemWhenTheyAreTooShortForTheirLabel() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "write", 1234567L).at(1).ok(0, 1234567L);
    r.at(2).inv(1, "read", null).at(3).ok(1, 1234567L);
    r.at(900).inv(0, "write", 9L).at(901).ok(0, 9L);
    String svg = HistoryTimeline.of(r.ops()).mark(List.of(0, 4), 2, List.of(0)).svg();
    // 1ms of 901ms is a sliver: the stuck read and the related write are named beside their bars;
    // so is the last of the prefix, but not the rest of it.
    assertThat(svg)
        .contains("fill=\"" + HistoryTimeline.STUCK + "\" font-weight=\"bold\"")
        .contains(">r 1234567</text>")
        .contains(">w 1234567</text>")
        .contains(">w 9</text>");
  }
}
