package dev.sim.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.random.Rng;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of small random histories (mostly not linearizable, some valid), each checked both by
 * the search and by trying every order ({@link Replay}); the verdicts must agree, and the witness
 * must replay: a whole linearization when valid, a valid prefix after which the stuck operation
 * cannot happen when invalid.
 */
class CrossCheckTest {
  @Test
  void shouldAgreeWithTryingEveryOrderOnSmallRandomHistories() {
    int valid = 0;
    int invalid = 0;
    for (long seed = 1; seed <= 4000; seed++) {
      List<Op> ops = randomHistory(new Rng(seed));
      LinearResult r = Linearizability.check(ops, Model.CAS_REGISTER, Duration.ofSeconds(10));
      KeyResult k = r.keys().get(0);
      Replay replay = new Replay(ops, null);
      boolean expected = replay.linearizable();
      assertThat(k.verdict())
          .as("seed=%d history=%s", seed, ops)
          .isEqualTo(expected ? Verdict.VALID : Verdict.INVALID);
      if (expected) {
        valid++;
        replay.assertComplete(k.longestPrefix());
      } else {
        invalid++;
        replay.stateAfter(k.longestPrefix());
        assertThat(replay.canFollow(k.longestPrefix(), k.stuckOp()))
            .as("seed=%d: stuck op %d can follow %s", seed, k.stuckOp(), k.longestPrefix())
            .isFalse();
        assertThat(k.longestPrefix()).as("seed=%d", seed).doesNotContain(k.stuckOp());
        assertThat(k.explanation()).as("seed=%d", seed).contains("index " + k.stuckOp() + ")");
      }
    }
    // The generator must exercise both sides for the comparison to mean something.
    assertThat(valid).isGreaterThan(500);
    assertThat(invalid).isGreaterThan(500);
  }

  /** Three processes, up to eight operations on one key, values 1 to 3, every outcome. */
  static List<Op> randomHistory(Rng rng) {
    TestHistory h = new TestHistory();
    boolean[] busy = new boolean[3];
    int[] process = {0, 1, 2};
    int next = 3;
    int ops = 2 + rng.nextInt(7);
    List<Integer> order = new ArrayList<>();
    while (ops > 0 || busy[0] || busy[1] || busy[2]) {
      int c = rng.nextInt(3);
      if (!busy[c]) {
        if (ops == 0) {
          continue;
        }
        ops--;
        busy[c] = true;
        int f = rng.nextInt(3);
        if (f == 0) {
          h.read(process[c], null);
        } else if (f == 1) {
          h.write(process[c], null, 1 + rng.nextInt(3));
        } else {
          h.cas(process[c], null, value(rng), 1L + rng.nextInt(3));
        }
        order.add(c);
        continue;
      }
      busy[c] = false;
      int outcome = rng.nextInt(10);
      if (outcome < 6) {
        if (rng.chance(0.5)) {
          h.ok(process[c], value(rng)); // a read's answer (ignored for writes, see Replay)
        } else {
          h.ok(process[c]);
        }
      } else if (outcome < 7) {
        h.fail(process[c]);
      } else if (outcome < 9) {
        h.info(process[c]);
        process[c] = next++;
      } else {
        // No completion at all: the process is gone; a new one takes its place.
        process[c] = next++;
      }
    }
    return h.ops();
  }

  private static Long value(Rng rng) {
    int v = rng.nextInt(4);
    return v == 0 ? null : (long) v;
  }
}
