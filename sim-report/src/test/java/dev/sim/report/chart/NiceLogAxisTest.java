package dev.sim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NiceLogAxisTest {
  @Test
  void ticksAreOneTwoFiveWithinTheRange() {
    assertThat(NiceLogAxis.values(3, 600, new double[] {1, 2, 5}))
        .containsExactly(5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0);
  }

  @Test
  void fractionalTicksAreExactDecimals() {
    assertThat(NiceLogAxis.values(0.1, 0.6, new double[] {1, 2, 5})).containsExactly(0.1, 0.2, 0.5);
  }
}
