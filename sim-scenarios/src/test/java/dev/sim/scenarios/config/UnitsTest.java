package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  @ParameterizedTest(name = "{0} is {1} ns")
  @CsvSource({
    "1ns, 1", "250us, 250000", "250µs, 250000", "5ms, 5000000", "1.5s, 1500000000",
    "10m, 600000000000", "2h, 7200000000000", "0s, 0", ".5ms, 500000", "1_000ms, 1000000000",
    "' 5 ms ', 5000000", "1e3ms, 1000000000", "0.0000001ms, 0"
  })
  void shouldReadEveryDurationUnitIntoNanoseconds(String text, long nanos) {
    assertThat(Units.durationNanos(text)).isEqualTo(nanos);
  }

  @Test
  void shouldRejectABareNumberWhereADurationIsNeeded() {
    assertThatThrownBy(() -> Units.durationNanos("5"))
        .hasMessage("expected a duration like 5ms or 1.5s, found 5 (a number without a unit)");
  }

  @Test
  void shouldRejectANegativeDurationUnlessSignedIsAllowed() {
    assertThatThrownBy(() -> Units.durationNanos("-5ms"))
        .hasMessage(
            "expected a duration like 5ms or 1.5s, found -5ms (a duration cannot be negative)");
    assertThat(Units.signedDurationNanos("-5ms")).isEqualTo(-5_000_000);
    assertThat(Units.signedDurationNanos("+1.5s")).isEqualTo(1_500_000_000);
  }

  @Test
  void shouldSuggestTheUnitForAWordPeopleWrite() {
    assertThatThrownBy(() -> Units.durationNanos("5sec"))
        .hasMessage(
            "expected a duration like 5ms or 1.5s, found 5sec (unknown unit 'sec' — did you mean"
                + " 's'?)");
    assertThatThrownBy(() -> Units.durationNanos("3 minutes"))
        .hasMessageContaining("did you mean 'm'?");
    assertThatThrownBy(() -> Units.durationNanos("5MS")).hasMessageContaining("did you mean 'ms'?");
    // Days are a unit (mtbf: 30d); the word is answered with the unit.
    assertThat(Units.durationNanos("2d")).isEqualTo(48 * 3_600_000_000_000L);
    assertThat(Units.durationNanos("1.5d")).isEqualTo(36 * 3_600_000_000_000L);
    assertThatThrownBy(() -> Units.durationNanos("30 days"))
        .hasMessage(
            "expected a duration like 5ms or 1.5s, found 30 days (unknown unit 'days' — did you"
                + " mean 'd'?)");
    assertThatThrownBy(() -> Units.durationNanos("2x"))
        .hasMessage(
            "expected a duration like 5ms or 1.5s, found 2x (unknown unit 'x'; units are ns, us, ms,"
                + " s, m, h, d)");
    assertThatThrownBy(() -> Units.durationNanos("2H")).hasMessageContaining("did you mean 'h'?");
    assertThatThrownBy(() -> Units.durationNanos("fast"))
        .hasMessage("expected a duration like 5ms or 1.5s, found 'fast'");
  }

  @Test
  void shouldRejectADurationTooLongForALong() {
    assertThatThrownBy(() -> Units.durationNanos("9999999h")).hasMessageContaining("too long");
  }

  @ParameterizedTest(name = "{0} is {1}/s")
  @CsvSource({"800/s, 800", "30/m, 0.5", "3600/h, 1", "0.5/s, 0.5", "' 10 / s ', 10"})
  void shouldReadRatesPerSecond(String text, double perSecond) {
    assertThat(Units.ratePerSecond(text)).isEqualTo(perSecond);
  }

  @Test
  void shouldExplainWhatIsWrongWithARate() {
    assertThatThrownBy(() -> Units.ratePerSecond("800"))
        .hasMessage("expected a rate like 800/s or 30/m, found 800 (a number without a unit)");
    assertThatThrownBy(() -> Units.ratePerSecond("800/sec"))
        .hasMessageContaining("unknown unit 'sec' — did you mean 's'?");
    assertThatThrownBy(() -> Units.ratePerSecond("800rps"))
        .hasMessageContaining("write the unit after a '/'");
    assertThatThrownBy(() -> Units.ratePerSecond("-1/s"))
        .hasMessageContaining("a rate cannot be negative");
  }

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({"100B, 100", "512KB, 524288", "2MB, 2097152", "4GB, 4294967296", "1.5KB, 1536"})
  void shouldReadSizesInPowersOf1024(String text, long bytes) {
    assertThat(Units.sizeBytes(text)).isEqualTo(bytes);
  }

  @Test
  void shouldExplainWhatIsWrongWithASize() {
    assertThatThrownBy(() -> Units.sizeBytes("2048"))
        .hasMessage("expected a size like 2MB or 4GB, found 2048 (a number without a unit)");
    assertThatThrownBy(() -> Units.sizeBytes("2mb"))
        .hasMessage(
            "expected a size like 2MB or 4GB, found 2mb (unknown unit 'mb' — did you mean 'MB'?)");
    assertThatThrownBy(() -> Units.sizeBytes("1Gbps")).hasMessageContaining("that is a bandwidth");
    assertThatThrownBy(() -> Units.sizeBytes("-1MB")).hasMessageContaining("cannot be negative");
  }

  @ParameterizedTest(name = "{0} is {1} bits/s")
  @CsvSource({"1Gbps, 1e9", "100Mbps, 1e8", "10Kbps, 1e4", "56bps, 56", "2.5Gbps, 2.5e9"})
  void shouldReadBandwidthInBitsPerSecond(String text, double bits) {
    assertThat(Units.bandwidthBitsPerSecond(text)).isEqualTo(bits);
  }

  @Test
  void shouldTellABandwidthFromASize() {
    assertThatThrownBy(() -> Units.bandwidthBitsPerSecond("1GB"))
        .hasMessage(
            "expected a bandwidth like 100Mbps or 1Gbps, found 1GB (that is a size; bandwidth is in"
                + " bits per second, e.g. 8Gbps)");
    assertThatThrownBy(() -> Units.bandwidthBitsPerSecond("0Gbps"))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Units.bandwidthBitsPerSecond("100"))
        .hasMessageContaining("a number without a unit");
  }

  @Test
  void shouldReadProbabilitiesFromZeroToOne() {
    assertThat(Units.probability("0")).isZero();
    assertThat(Units.probability("0.001")).isEqualTo(0.001);
    assertThat(Units.probability("1")).isEqualTo(1.0);
    assertThatThrownBy(() -> Units.probability("1.5"))
        .hasMessage("expected a probability between 0 and 1, found 1.5");
    assertThatThrownBy(() -> Units.probability("-0.1"))
        .hasMessage("expected a probability between 0 and 1, found -0.1");
    assertThatThrownBy(() -> Units.probability("1%"))
        .hasMessage("expected a probability between 0 and 1, found 1% (write 0.01 for 1%)");
    assertThatThrownBy(() -> Units.probability("often"))
        .hasMessage("expected a probability between 0 and 1, found 'often'");
  }

  @Test
  void shouldReadWholeNumbersAndSayWhyOneIsNot() {
    assertThat(Units.wholeNumber("42", "a seed")).isEqualTo(42);
    assertThat(Units.wholeNumber("-7", "a seed")).isEqualTo(-7);
    assertThatThrownBy(() -> Units.wholeNumber("2.5", "a count"))
        .hasMessage("expected a count, found 2.5 (not a whole number)");
    assertThatThrownBy(() -> Units.wholeNumber("99999999999999999999", "a seed"))
        .hasMessageContaining("too large");
  }

  @Test
  void shouldWriteDurationsInTheOneShortestExactFormat() {
    assertThat(Units.formatDuration(0)).isEqualTo("0s");
    assertThat(Units.formatDuration(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(Units.formatDuration(600_000_000_000L)).isEqualTo("10m");
    assertThat(Units.formatDuration(250_000)).isEqualTo("250us");
    assertThat(Units.formatDuration(-5_000_000)).isEqualTo("-5ms");
    assertThat(Units.formatDuration(1_234_567)).isEqualTo("1234567ns");
    assertThat(Units.formatDuration(90_000_000_000L)).isEqualTo("90s");
  }

  @Test
  void shouldRejectNumbersThatOverflowToInfinityInsteadOfAcceptingThem() {
    assertThatThrownBy(() -> Units.number("1e309", "a number"))
        .hasMessage("expected a number, found 1e309 (too large)");
    assertThatThrownBy(() -> Units.ratePerSecond("1e309/s"))
        .hasMessage("expected a rate like 800/s or 30/m, found 1e309/s (too large)");
    assertThatThrownBy(() -> Units.bandwidthBitsPerSecond("1e300Tbps"))
        .hasMessage("expected a bandwidth like 100Mbps or 1Gbps, found 1e300Tbps (too large)");
  }

  @Test
  void shouldRejectABandwidthSoSmallItRoundsToZeroWhichWouldMeanNoLimit() {
    assertThatThrownBy(() -> Units.bandwidthBitsPerSecond("1e-400bps"))
        .hasMessage("expected a bandwidth like 100Mbps or 1Gbps, found 1e-400bps (too small)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1e2147483648ns", "1e99999999999ns", "1e9999999ns", "1e-9999999ns", "1e-401ns"})
  void shouldSayAnExponentFarOutIsOutOfRangeQuicklyAndInTheUsersWords(String text) {
    // Rounding 1e9999999ns to whole nanoseconds used to take seconds; now it is refused at once.
    assertThatThrownBy(() -> Units.durationNanos(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration like 5ms or 1.5s, found " + text + " (out of range)");
    assertThatThrownBy(() -> Units.wholeNumber(text.replace("ns", ""), "a count"))
        .hasMessage("expected a count, found " + text.replace("ns", "") + " (out of range)");
  }
}
