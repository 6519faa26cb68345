package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The time axis is labelled on a 1, 2, 5 step, about ten ticks whatever the run's length. */
class TimeAxisTest {
  @Test
  void shouldLabelAboutTenTicksOnARoundStep() {
    assertThat(ChartRenderer.timeTick(2)).isCloseTo(0.2, within(1e-12));
    assertThat(ChartRenderer.timeTick(300)).isCloseTo(50, within(1e-9));
    assertThat(ChartRenderer.timeTick(240)).isCloseTo(50, within(1e-9));
    assertThat(ChartRenderer.timeTick(600)).isCloseTo(100, within(1e-9));
    assertThat(ChartRenderer.timeTick(0.05)).isCloseTo(0.005, within(1e-15));
    for (double end : new double[] {0.7, 1, 3, 9.99, 10, 42, 86_400}) {
      double tick = ChartRenderer.timeTick(end);
      assertThat(end / tick).as("ticks over %ss", end).isBetween(2.0, 10.0 + 1e-9);
    }
  }

  @Test
  void shouldLabelARunOfDaysInDays() {
    // A year: ticks every 50 days, written as days, not as 4,320,000 seconds.
    org.jfree.chart.JFreeChart chart =
        ChartRenderer.toJFreeChart(
            new TimeChart(
                "instances-up",
                "t",
                "s",
                "instances",
                TimeChart.Scale.LINEAR,
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                0,
                365 * 86_400.0),
            Double.NaN);
    org.jfree.chart.axis.NumberAxis time =
        (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getDomainAxis();
    assertThat(time.getLabel()).isEqualTo("simulated time (days)");
    assertThat(time.getTickUnit().getSize()).isEqualTo(50 * 86_400.0);
    assertThat(time.getTickUnit().valueToString(150 * 86_400.0)).isEqualTo("150");
    assertThat(new ChartRenderer.DaysFormat().format(36 * 3600.0)).isEqualTo("1.5");
  }
}
