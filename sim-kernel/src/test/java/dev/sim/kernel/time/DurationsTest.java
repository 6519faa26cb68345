package dev.sim.kernel.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.Rng;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static final long US = 1_000L;
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  @Test
  void shouldWriteTheShortestExactTextInTheScenarioUnits() {
    assertThat(Durations.format(0)).isEqualTo("0s");
    assertThat(Durations.format(1_500 * MS)).isEqualTo("1.5s");
    assertThat(Durations.format(250 * US)).isEqualTo("250us");
    assertThat(Durations.format(5 * MS)).isEqualTo("5ms");
    assertThat(Durations.format(10 * M)).isEqualTo("10m");
    assertThat(Durations.format(2 * H)).isEqualTo("2h");
    assertThat(Durations.format(1)).isEqualTo("1ns");
    assertThat(Durations.format(999)).isEqualTo("999ns");
    assertThat(Durations.format(1_500)).isEqualTo("1.5us");
  }

  @Test
  void shouldNeverWriteLessThanOneOfAUnit() {
    assertThat(Durations.format(500 * MS)).isEqualTo("500ms");
    assertThat(Durations.format(100 * MS)).isEqualTo("100ms");
    assertThat(Durations.format(30 * S)).isEqualTo("30s");
  }

  @Test
  void shouldPreferTheShorterTextOverTheCoarserUnit() {
    assertThat(Durations.format(90 * S)).isEqualTo("90s"); // not 1.5m
    assertThat(Durations.format(90 * M)).isEqualTo("90m"); // not 1.5h
    assertThat(Durations.format(1_234_567)).isEqualTo("1234567ns"); // not 1.234567ms
    assertThat(Durations.format(1_001)).isEqualTo("1001ns"); // not 1.001us
  }

  @Test
  void shouldKeepTheCoarserUnitOnATie() {
    // 1.000000001s and 1000000001ns are both 12 characters.
    assertThat(Durations.format(S + 1)).isEqualTo("1.000000001s");
    assertThat(Durations.format(12_500 * US)).isEqualTo("12.5ms"); // 12500us is longer
  }

  @Test
  void shouldUseMinutesAndHoursOnlyWhereTheirDecimalsEnd() {
    // 100 s is 1.666...m: not a finite decimal, so never written in minutes.
    assertThat(Durations.format(100 * S)).isEqualTo("100s");
    assertThat(Durations.format(1 * H + 1 * M + 1 * S)).isEqualTo("3661s");
    assertThat(Durations.format(2 * H + 30 * M)).isEqualTo("2.5h");
  }

  @Test
  void shouldSignNegativeDurations() {
    assertThat(Durations.format(-1_500 * MS)).isEqualTo("-1.5s");
    assertThat(Durations.format(-5 * MS)).isEqualTo("-5ms");
    assertThat(Durations.format(-1)).isEqualTo("-1ns");
    assertThat(Durations.format(Long.MIN_VALUE)).isEqualTo("-9223372036.854775808s"); // a tie
    assertThat(Durations.format(Long.MAX_VALUE)).isEqualTo("9223372036.854775807s");
  }

  @Test
  void shouldReadBackAsTheSameNanosecondsForAnyValue() {
    Rng rng = new Rng(20261201L);
    long[] scales = {1, US, MS, S, M, H};
    for (int i = 0; i < 200_000; i++) {
      // Round multiples of each unit (plus some noise) as well as arbitrary longs.
      long n =
          switch (i % 4) {
            case 0 -> rng.nextLong();
            case 1 -> rng.nextInt(1_000_000) * scales[rng.nextInt(scales.length)];
            case 2 -> rng.nextInt(10_000) * scales[rng.nextInt(scales.length)] / 8;
            default -> rng.nextInt(1_000) * scales[rng.nextInt(scales.length)] + rng.nextInt(3);
          };
      String text = Durations.format(n);
      assertThat(parse(text)).as(text).isEqualTo(n);
    }
  }

  @Test
  void shouldNeverBeLongerThanNanoseconds() {
    Rng rng = new Rng(7);
    for (int i = 0; i < 10_000; i++) {
      long n = rng.nextLong() >> rng.nextInt(63);
      assertThat(Durations.format(n).length()).isLessThanOrEqualTo((n + "ns").length());
    }
  }

  private static final Pattern TEXT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(h|m|s|ms|us|ns)");
  private static final Map<String, Long> UNIT =
      Map.of("h", H, "m", M, "s", S, "ms", MS, "us", US, "ns", 1L);

  /**
   * Reads a duration the way the scenario language does: the decimal times the unit, which must
   * come to a whole number of nanoseconds (the parser would round; an exact text never needs it).
   */
  private static long parse(String text) {
    Matcher m = TEXT.matcher(text);
    assertThat(m.matches()).as(text).isTrue();
    BigDecimal nanos =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT.get(m.group(2))));
    return nanos.longValueExact();
  }
}
