package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.time.Durations;
import dev.sim.scenarios.config.Units;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The command line writes durations in the simulator's one format, as the loader's messages do. */
class TextTest {
  @Test
  void shouldWriteTheShortExactFormWithoutTrailingZeros() {
    assertThat(Text.duration(1_500_000_000L)).isEqualTo("1.5s");
    assertThat(Text.duration(250_000L)).isEqualTo("250us");
    assertThat(Text.duration(5_000_000L)).isEqualTo("5ms");
    assertThat(Text.duration(20_000_000_000L)).isEqualTo("20s");
    assertThat(Text.duration(0)).isEqualTo("0s");
    assertThat(Text.duration(999)).isEqualTo("999ns");
    assertThat(Text.duration(-1_500_000_000L)).isEqualTo("-1.5s");
    assertThat(Text.duration(300_000_000_000L)).isEqualTo("5m");
    assertThat(Text.duration(90_000_000_000L)).isEqualTo("90s");
    assertThat(Text.duration(7_200_000_000_000L)).isEqualTo("2h");
  }

  @Test
  void shouldAgreeWithTheKernelAndTheLoaderForAnyDuration() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long v =
          switch (i % 4) {
            case 0 -> random.nextLong(1, 10_000_000L) * 1_000_000L;
            case 1 -> random.nextLong(1, 1_000_000L) * 1_000L;
            case 2 -> random.nextLong(1, 1_000_000L);
            default -> random.nextLong();
          };
      assertThat(Text.duration(v)).as("%d ns", v).isEqualTo(Durations.format(v));
      assertThat(Units.formatDuration(v)).as("%d ns", v).isEqualTo(Durations.format(v));
    }
  }
}
