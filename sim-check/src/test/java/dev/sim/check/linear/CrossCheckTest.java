package dev.sim.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.random.Rng;
import java.time.Duration;
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
    crossCheck(4000, 3, 8);
  }

  @Test
  void shouldAgreeWithTryingEveryOrderOnLongerRandomHistories() {
    crossCheck(600, 4, 24);
  }

  private static void crossCheck(int seeds, int processes, int maxOps) {
    int valid = 0;
    int invalid = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      List<Op> ops = randomHistory(new Rng(seed), processes, maxOps);
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
    assertThat(valid).isGreaterThan(seeds / 10);
    assertThat(invalid).isGreaterThan(seeds / 10);
  }

  /** A few processes, up to {@code maxOps} operations on one key, values 1 to 3, every outcome. */
  static List<Op> randomHistory(Rng rng, int processes, int maxOps) {
    TestHistory h = new TestHistory();
    boolean[] busy = new boolean[processes];
    int[] process = new int[processes];
    for (int c = 0; c < processes; c++) {
      process[c] = c;
    }
    int next = processes;
    int ops = 2 + rng.nextInt(maxOps - 1);
    int outstanding = 0;
    while (ops > 0 || outstanding > 0) {
      int c = rng.nextInt(processes);
      if (!busy[c]) {
        if (ops == 0) {
          continue;
        }
        ops--;
        busy[c] = true;
        outstanding++;
        int f = rng.nextInt(3);
        if (f == 0) {
          h.read(process[c], null);
        } else if (f == 1) {
          h.write(process[c], null, 1 + rng.nextInt(3));
        } else {
          h.cas(process[c], null, value(rng), 1L + rng.nextInt(3));
        }
        continue;
      }
      busy[c] = false;
      outstanding--;
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
