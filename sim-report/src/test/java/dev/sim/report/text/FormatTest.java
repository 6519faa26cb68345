package dev.sim.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void durationsReadLikeScenarioUnits() {
    assertThat(Format.seconds(0)).isEqualTo("0s");
    assertThat(Format.seconds(0.25)).isEqualTo("250ms");
    assertThat(Format.seconds(1.5)).isEqualTo("1.5s");
    assertThat(Format.seconds(600)).isEqualTo("10m");
    assertThat(Format.seconds(150)).isEqualTo("2m30s");
    assertThat(Format.seconds(7200)).isEqualTo("2h");
    assertThat(Format.nanos(250_000L)).isEqualTo("250us");
  }

  @Test
  void percentagesKeepEnoughDigitsToTellNinetyNinePointNineFromAHundred() {
    assertThat(Format.percent(1.0)).isEqualTo("100%");
    assertThat(Format.percent(0.97251)).isEqualTo("97.25%");
    assertThat(Format.percent(0.999999)).isEqualTo("99.9999%");
    assertThat(Format.percent(Double.NaN)).isEqualTo("–");
  }

  @Test
  void preciseNumbersNeverRoundOntoAThreshold() {
    assertThat(Format.precise(0.98999)).isEqualTo("0.98999");
    assertThat(Format.precise(1450.0)).isEqualTo("1,450");
    assertThat(Format.precise(Double.NaN)).isEqualTo("–");
  }

  @Test
  void millisAndCountsAreGrouped() {
    assertThat(Format.millis(12.5)).isEqualTo("12.5 ms");
    assertThat(Format.millis(1450)).isEqualTo("1,450 ms");
    assertThat(Format.millis(0.4123)).isEqualTo("0.412 ms");
    assertThat(Format.count(1234567)).isEqualTo("1,234,567");
  }

  @Test
  void aCountTakesTheSingularOnlyForExactlyOne() {
    assertThat(Format.count(1, "event", "events")).isEqualTo("1 event");
    assertThat(Format.count(0, "event", "events")).isEqualTo("0 events");
    assertThat(Format.count(2, "crash", "crashes")).isEqualTo("2 crashes");
    assertThat(Format.count(1001, "fault window", "fault windows"))
        .isEqualTo("1,001 fault windows");
  }

  @Test
  void showsTheActualValueOfATruthCheckAsTrueOrFalse() {
    assertThat(Format.actual("consistency.valid == false", 0.0)).isEqualTo("false");
    assertThat(Format.actual("consistency.valid != true ", 1.0)).isEqualTo("true");
    assertThat(Format.actual("consistency.lostWrites == 0", 0.0)).isEqualTo("0");
    assertThat(Format.actual("yield >= 0.99", Double.NaN)).isEqualTo("undefined");
  }
}
