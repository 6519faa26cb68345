package dev.sim.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  /** The reference model: a plainly correct priority queue of (time, sequence, slot). */
  private record Ev(long time, long seq, int slot) {}

  private static final Comparator<Ev> ORDER =
      Comparator.comparingLong(Ev::time).thenComparingLong(Ev::seq);

  @Test
  void shouldPopInTimeThenSequenceOrderLikeAReferenceModel() {
    for (long seed = 1; seed <= 5; seed++) {
      Rng rng = new Rng(seed);
      EventQueue queue = new EventQueue(4);
      PriorityQueue<Ev> model = new PriorityQueue<>(ORDER);
      Deque<Integer> freeSlots = new ArrayDeque<>();
      int nextSlot = 0;
      long seq = 0;
      long now = 0;
      for (int step = 0; step < 200_000; step++) {
        boolean push = model.isEmpty() || rng.nextInt(100) < 55;
        if (push) {
          // A narrow time range makes ties common; ties must break by sequence (FIFO).
          long time = now + rng.nextInt(8);
          int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
          queue.push(time, seq, slot);
          model.add(new Ev(time, seq, slot));
          seq++;
        } else {
          Ev expected = model.poll();
          assertThat(queue.peekTime()).isEqualTo(expected.time());
          assertThat(queue.peekSequence()).isEqualTo(expected.seq());
          assertThat(queue.peekSlot()).isEqualTo(expected.slot());
          assertThat(queue.pop()).as("seed %d step %d", seed, step).isEqualTo(expected.slot());
          freeSlots.push(expected.slot());
          now = expected.time();
        }
        assertThat(queue.size()).isEqualTo(model.size());
      }
      while (!model.isEmpty()) {
        assertThat(queue.pop()).isEqualTo(model.poll().slot());
      }
      assertThat(queue.isEmpty()).isTrue();
    }
  }

  /**
   * The same model comparison over every path of the radix heap: times spread over many digit
   * positions (so buckets are redistributed at several levels, and many hold a single entry), a
   * hold phase at a steady size, pushes earlier than the last time taken out, sequence numbers
   * pushed out of order, and retimes in the middle of the run.
   */
  @Test
  void shouldMatchTheReferenceModelAcrossTimeScalesAndUnusualOperations() {
    long[] scales = {1, 300, 70_000, 20_000_000, 5_000_000_000L, 1L << 50};
    for (long seed = 1; seed <= 12; seed++) {
      Rng rng = new Rng(1000 + seed);
      EventQueue queue = new EventQueue(4);
      PriorityQueue<Ev> model = new PriorityQueue<>(ORDER);
      Deque<Integer> freeSlots = new ArrayDeque<>();
      int nextSlot = 0;
      long seq = 1_000_000;
      long lowSeq = seq - 1;
      long now = 0;
      for (int step = 0; step < 60_000; step++) {
        int r = rng.nextInt(1000);
        boolean push = model.isEmpty() || (step % 20_000 < 2_000 ? r < 900 : r < 500);
        if (r == 0 && !model.isEmpty()) {
          // Retime: move a third of the events to a new time, some of them before now.
          long shift = (long) rng.nextExponential(scales[rng.nextInt(scales.length)]);
          queue.retime((slot, time) -> slot % 3 == 0 ? Math.max(0, time - shift) : -1);
          PriorityQueue<Ev> moved = new PriorityQueue<>(ORDER);
          for (Ev e : model) {
            moved.add(
                e.slot() % 3 == 0 ? new Ev(Math.max(0, e.time() - shift), e.seq(), e.slot()) : e);
          }
          model = moved;
        } else if (push) {
          long scale = scales[(int) (seed % scales.length)];
          if (rng.nextInt(4) == 0) {
            scale = scales[rng.nextInt(scales.length)];
          }
          long time = now + (long) rng.nextExponential(scale);
          if (rng.nextInt(200) == 0) {
            time = Math.max(0, now - rng.nextInt(1000)); // before the last time taken out
          }
          // Mostly increasing sequence numbers, sometimes a smaller one (out of order); all
          // distinct.
          long s = rng.nextInt(100) == 0 ? lowSeq-- : seq++;
          int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
          queue.push(time, s, slot);
          model.add(new Ev(time, s, slot));
        } else {
          Ev expected = model.poll();
          assertThat(queue.peekTime()).as("seed %d step %d", seed, step).isEqualTo(expected.time());
          assertThat(queue.peekSequence()).isEqualTo(expected.seq());
          assertThat(queue.peekSlot()).isEqualTo(expected.slot());
          assertThat(queue.pop()).isEqualTo(expected.slot());
          freeSlots.push(expected.slot());
          now = expected.time();
        }
        assertThat(queue.size()).isEqualTo(model.size());
      }
      while (!model.isEmpty()) {
        Ev expected = model.poll();
        assertThat(queue.peekSequence()).isEqualTo(expected.seq());
        assertThat(queue.peekTime()).isEqualTo(expected.time());
        assertThat(queue.pop()).isEqualTo(expected.slot());
      }
      assertThat(queue.isEmpty()).isTrue();
    }
  }

  @Test
  void shouldBreakTimeTiesFirstInFirstOut() {
    EventQueue queue = new EventQueue(16);
    for (int i = 0; i < 1000; i++) {
      queue.push(5, i, 999 - i);
    }
    for (int i = 0; i < 1000; i++) {
      assertThat(queue.peekSequence()).isEqualTo(i);
      assertThat(queue.pop()).isEqualTo(999 - i);
    }
  }

  @Test
  void shouldGrowFarBeyondItsInitialCapacity() {
    EventQueue queue = new EventQueue(1);
    Rng rng = new Rng(9);
    int n = 300_000;
    for (int i = 0; i < n; i++) {
      queue.push(rng.nextInt(1_000_000), i, i & EventQueue.MAX_SLOT);
    }
    assertThat(queue.size()).isEqualTo(n);
    long lastTime = Long.MIN_VALUE;
    long lastSeq = -1;
    for (int i = 0; i < n; i++) {
      long t = queue.peekTime();
      long s = queue.peekSequence();
      assertThat(t > lastTime || (t == lastTime && s > lastSeq)).isTrue();
      lastTime = t;
      lastSeq = s;
      queue.pop();
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepTheLargestSlotAndRejectSequenceOverflow() {
    EventQueue queue = new EventQueue(16);
    queue.push(1, EventQueue.MAX_SEQUENCE, EventQueue.MAX_SLOT);
    queue.push(1, 0, 0);
    assertThat(queue.pop()).isEqualTo(0);
    assertThat(queue.peekSequence()).isEqualTo(EventQueue.MAX_SEQUENCE);
    assertThat(queue.pop()).isEqualTo(EventQueue.MAX_SLOT);
    assertThatThrownBy(() -> queue.push(1, EventQueue.MAX_SEQUENCE + 1, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("overflow");
  }

  @Test
  void shouldReorderEventsWhoseTimesWereRewritten() {
    Rng rng = new Rng(21);
    EventQueue queue = new EventQueue(8);
    long[] times = new long[5000];
    for (int i = 0; i < times.length; i++) {
      times[i] = rng.nextInt(10_000);
      queue.push(times[i], i, i);
    }
    // Move every third event (as a clock jump moves one node's timers); keep the rest.
    queue.retime(
        (slot, time) -> {
          assertThat(time).isEqualTo(times[slot]);
          return slot % 3 == 0 ? (time * 7) % 10_000 : -1;
        });
    PriorityQueue<Ev> model = new PriorityQueue<>(ORDER);
    for (int i = 0; i < times.length; i++) {
      model.add(new Ev(i % 3 == 0 ? (times[i] * 7) % 10_000 : times[i], i, i));
    }
    while (!model.isEmpty()) {
      Ev e = model.poll();
      assertThat(queue.peekTime()).isEqualTo(e.time());
      assertThat(queue.pop()).isEqualTo(e.slot());
    }
  }

  @Test
  void shouldLeaveTheQueueAloneWhenRetimingChangesNothing() {
    EventQueue queue = new EventQueue(8);
    queue.retime((slot, time) -> 0);
    assertThat(queue.isEmpty()).isTrue();
    queue.push(3, 0, 7);
    queue.push(1, 1, 8);
    queue.retime((slot, time) -> -1);
    assertThat(queue.pop()).isEqualTo(8);
    assertThat(queue.pop()).isEqualTo(7);
  }
}
