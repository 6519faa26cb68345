package dev.sim.kernel.run;

import java.util.Arrays;

/**
 * A growable first-in first-out queue of ints: a paused node's inbox of event slots, waiting for it
 * to resume. Primitive so that parking an event allocates nothing once the array has grown.
 */
final class IntQueue {
  private int[] items = new int[8];
  private int head;
  private int tail;

  boolean isEmpty() {
    return head == tail;
  }

  void add(int v) {
    if (tail == items.length) {
      if (head > 0) {
        System.arraycopy(items, head, items, 0, tail - head);
        tail -= head;
        head = 0;
      } else {
        items = Arrays.copyOf(items, items.length * 2);
      }
    }
    items[tail++] = v;
  }

  int size() {
    return tail - head;
  }

  /** The {@code i}-th oldest item, in [0, {@link #size}). */
  int at(int i) {
    return items[head + i];
  }

  /** Takes the oldest item; only when not {@link #isEmpty}. */
  int poll() {
    int v = items[head++];
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    return v;
  }
}
