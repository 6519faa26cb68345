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
}
