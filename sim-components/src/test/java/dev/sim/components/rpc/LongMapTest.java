package dev.sim.components.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.random.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongMapTest {
  @Test
  void shouldAgreeWithAReferenceMapUnderRandomPutsAndRemoves() {
    LongMap<Long> map = new LongMap<>();
    Map<Long, Long> ref = new LinkedHashMap<>();
    Rng rng = new Rng(99);
    for (int i = 0; i < 200_000; i++) {
      // Keys from a small range collide and cluster, exercising backward-shift deletion.
      long key = 1 + rng.nextInt(5000) * 1024L;
      int op = rng.nextInt(3);
      if (op == 0) {
        assertThat(map.remove(key)).isEqualTo(ref.remove(key));
      } else if (op == 1) {
        map.put(key, (long) i);
        ref.put(key, (long) i);
      } else {
        assertThat(map.get(key)).isEqualTo(ref.get(key));
      }
      assertThat(map.size()).isEqualTo(ref.size());
    }
    for (Map.Entry<Long, Long> e : ref.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
  }
}
