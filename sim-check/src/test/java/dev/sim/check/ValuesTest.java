package dev.sim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void aLongListIsShortenedToItsFirstElementsAndItsSize() {
    List<Long> many = new ArrayList<>();
    for (long i = 1; i <= 140; i++) {
      many.add(i);
    }
    assertThat(Values.brief(many, 3)).isEqualTo("[1, 2, 3, … (140 elements)]");
    assertThat(Values.brief(List.of(1L, 2L), 3)).isEqualTo("[1, 2]");
    assertThat(Values.brief(null, 3)).isEqualTo("null");
  }
}
