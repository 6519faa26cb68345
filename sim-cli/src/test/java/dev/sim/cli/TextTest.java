package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.scenarios.config.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one duration format of the command line, and its agreement with the loader's messages. */
class TextTest {
  @Test
  void shouldWriteTheShortFormWithoutTrailingZeros() {
    assertThat(Text.duration(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(Text.duration(250_000L)).isEqualTo("250us");
    assertThat(Text.duration(5_000_000L)).isEqualTo("5ms");
    assertThat(Text.duration(2_000_000_000L)).isEqualTo("2s");
    assertThat(Text.duration(20_000_000_000L)).isEqualTo("20s");
    assertThat(Text.duration(0)).isEqualTo("0s");
    assertThat(Text.duration(999)).isEqualTo("999ns");
    assertThat(Text.duration(1_001)).isEqualTo("1.001us");
    assertThat(Text.duration(-1_500_000_000L)).isEqualTo("-1.5s");
  }

  @Test
  void shouldUseMinutesAndHoursOnlyWhenExact() {
    assertThat(Text.duration(300_000_000_000L)).isEqualTo("5m");
    assertThat(Text.duration(90_000_000_000L)).isEqualTo("1.5m");
    assertThat(Text.duration(61_000_000_000L)).isEqualTo("61s");
    assertThat(Text.duration(7_200_000_000_000L)).isEqualTo("2h");
    assertThat(Text.duration(3_601_000_000_000L)).isEqualTo("3601s");
  }

  @Test
  void shouldRoundWhatIsFinerThanAThousandthOfTheUnit() {
    assertThat(Text.duration(1_234_567_891L)).isEqualTo("1.235s");
    assertThat(Text.duration(1_234_400_000L)).isEqualTo("1.234s");
    assertThat(Text.duration(999_400L)).isEqualTo("999.4us");
    assertThat(Text.duration(999_500L)).isEqualTo("999.5us");
    assertThat(Text.duration(999_999_600L)).isEqualTo("1s");
    assertThat(Text.duration(999_999_500L)).isEqualTo("1s");
    assertThat(Text.duration(999_999_499L)).isEqualTo("999.999ms");
    assertThat(Text.duration(Long.MAX_VALUE)).endsWith("s").doesNotContain("-");
    assertThat(Text.duration(Long.MIN_VALUE)).startsWith("-");
  }

  @Test
  void shouldAgreeWithTheLoadersMessagesForEveryValueAFileCanWriteShortly() {
    // Whole milliseconds, and whole micro- and nanoseconds below a second and a millisecond: the
    // values whose exact form has at most three decimals in their own unit.
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long v =
          switch (i % 3) {
            case 0 -> random.nextLong(1, 10_000_000L) * 1_000_000L;
            case 1 -> random.nextLong(1, 1_000_000L) * 1_000L;
            default -> random.nextLong(1, 1_000_000L);
          };
      assertThat(Text.duration(v)).as("%d ns", v).isEqualTo(Units.formatDuration(v));
    }
  }
}
