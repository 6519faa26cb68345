package dev.sim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.cli.UserError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code --seeds} and {@code --vary}: the shapes; the values are the loader's to check. */
class SweepArgumentsTest {
  @Test
  void shouldReadACountAsOneToNAndARangeAsWritten() {
    assertThat(Seeds.parse("20")).isEqualTo(new Seeds(1, 20));
    assertThat(Seeds.parse("1000..1099")).isEqualTo(new Seeds(1000, 1099));
    assertThat(Seeds.parse(" 7..7 ").count()).isEqualTo(1);
    assertThat(Seeds.parse("-3..2").count()).isEqualTo(6);
    assertThat(Seeds.parse("5..9").get(2)).isEqualTo(7);
    assertThat(Seeds.parse("5..9")).hasToString("5..9");
  }

  @Test
  void shouldRefuseSeedsThatCannotBeSwept() {
    assertThatThrownBy(() -> Seeds.parse("-2"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("at least one seed");
    assertThatThrownBy(() -> Seeds.parse("1..99999999999999999999"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("a seed must lie between");
    assertThatThrownBy(() -> Seeds.parse("-9223372036854775808..9223372036854775807"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("too many seeds");
    assertThatThrownBy(() -> Seeds.parse("1..5..9"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("expected a number of seeds or a range");
  }

  @Test
  void shouldSplitAListAtTheCommasOutsideFlowValues() {
    Vary v = Vary.parse("nodes.clients.retry={max: 3, base: 10ms},{max: 5, base: 20ms}");
    assertThat(v.path()).isEqualTo("nodes.clients.retry");
    assertThat(v.values()).containsExactly("{max: 3, base: 10ms}", "{max: 5, base: 20ms}");
    assertThat(v.range()).isFalse();
    assertThat(Vary.parse("report.charts=[yield, latency],[queue]").values())
        .containsExactly("[yield, latency]", "[queue]");
    assertThat(Vary.parse("title='a, b',c").values()).containsExactly("'a, b'", "c");
    assertThat(Vary.parse("nodes.api.workers = 2, 4 ,8").values()).containsExactly("2", "4", "8");
    assertThat(Vary.parse("nodes.api.workers=2,4").override(1)).isEqualTo("nodes.api.workers=4");
  }

  @Test
  void shouldGiveARangesStepsEvenlySpacedInTheUnitWrittenBothEndsIncluded() {
    Vary rate = Vary.parse("nodes.clients.load.rate=200/s..2000/s:10");
    assertThat(rate.range()).isTrue();
    assertThat(rate.values())
        .containsExactly(
            "200/s", "400/s", "600/s", "800/s", "1000/s", "1200/s", "1400/s", "1600/s", "1800/s",
            "2000/s");
    assertThat(Vary.parse("x=0.1..0.3:3").values()).containsExactly("0.1", "0.2", "0.3");
    assertThat(Vary.parse("x=250ms..1000ms:4").values())
        .containsExactly("250ms", "500ms", "750ms", "1000ms");
    assertThat(Vary.parse("x=100..400ms:4").values())
        .as("the unit at TO holds for FROM")
        .containsExactly("100ms", "200ms", "300ms", "400ms");
    assertThat(Vary.parse("x=10..1:4").values()).containsExactly("10", "7", "4", "1");
    assertThat(Vary.parse("x=-1..1:3").values()).containsExactly("-1", "0", "1");
    assertThat(Vary.parse("x=1_000..3e3:3").values()).containsExactly("1000", "2000", "3000");
  }

  @Test
  void shouldRoundAStepWithoutAFiniteDecimalToAThousandthOfIt() {
    assertThat(Vary.parse("x=0..1:4").values()).containsExactly("0", "0.3333", "0.6667", "1");
    List<BigDecimal> v = Steps.values(new BigDecimal("1"), new BigDecimal("2"), 7);
    assertThat(v).hasSize(7).doesNotHaveDuplicates().isSorted();
    assertThat(v.get(0)).isEqualByComparingTo("1");
    assertThat(v.get(6)).isEqualByComparingTo("2");
    assertThat(v.get(1)).isEqualByComparingTo("1.1667");
  }

  @Test
  void shouldRefuseRangesThatCannotBeStepped() {
    assertThatThrownBy(() -> Vary.parse("x=1..2:10001"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("STEPS must be at most 10000");
    assertThatThrownBy(() -> Vary.parse("x=1..2:99999999999"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("STEPS must be at most");
    assertThatThrownBy(() -> Vary.parse("x=fast..slow:3"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("FROM must be a number with its unit, found 'fast'");
    assertThatThrownBy(() -> Vary.parse("x=1e999..2:3"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> Vary.parse("=1,2"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("the key path before '=' is missing");
  }
}
