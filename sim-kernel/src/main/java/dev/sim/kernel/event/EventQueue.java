package dev.sim.kernel.event;

/**
 * A priority queue of events ordered by (time, sequence), the kernel's hot path.
 *
 * <p>The heap moves only numbers: each entry is two longs, the event time and a key that packs
 * the scheduling sequence number (high 40 bits) above a slot index (low 24 bits). The slot
 * indexes side tables that the caller owns (event kind, target, payload). Storing no object
 * references in the heap array avoids G1's write barrier on every sift step, and packing the
 * sequence above the slot makes ties break FIFO with one comparison of the second long.
 *
 * <p>It is a 4-ary heap laid out in one interleaved {@code long[]} ({@code [2i]} time, {@code
 * [2i+1]} key) so a node's children share cache lines. Not thread-safe; the kernel is
 * single-threaded.
 */
public final class EventQueue {
  /** Bits of the packed key that hold the slot index. */
  public static final int SLOT_BITS = 24;

  /** Largest slot index the key can hold (16,777,215 pending events). */
  public static final int MAX_SLOT = (1 << SLOT_BITS) - 1;

  /** Largest sequence number the key can hold before it would overflow. */
  public static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;

  private static final long SLOT_MASK = MAX_SLOT;

  private long[] heap;
  private int size;

  /** Creates a queue with room for {@code initialCapacity} events before it grows. */
  public EventQueue(int initialCapacity) {
    heap = new long[Math.max(16, initialCapacity) * 2];
  }

  /** Number of events in the queue. */
  public int size() {
    return size;
  }

  /** True when no event is queued. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Adds an event at {@code time} with the given sequence number pointing at {@code slot}. */
  public void push(long time, long sequence, int slot) {
    if (sequence > MAX_SEQUENCE) {
      throw new IllegalStateException("event sequence number overflow after " + MAX_SEQUENCE);
    }
    long key = (sequence << SLOT_BITS) | slot;
    if ((size + 1) * 2 > heap.length) {
      heap = java.util.Arrays.copyOf(heap, heap.length * 2);
    }
    siftUp(size++, time, key);
  }

  /** Time of the earliest event; the queue must not be empty. */
  public long peekTime() {
    return heap[0];
  }

  /** Slot of the earliest event; the queue must not be empty. */
  public int peekSlot() {
    return (int) (heap[1] & SLOT_MASK);
  }

  /** Sequence number of the earliest event; the queue must not be empty. */
  public long peekSequence() {
    return heap[1] >>> SLOT_BITS;
  }

  /** Removes the earliest event and returns its slot. */
  public int pop() {
    long[] h = heap;
    int slot = (int) (h[1] & SLOT_MASK);
    int last = --size;
    if (last > 0) {
      siftDown(0, h[2 * last], h[2 * last + 1]);
    }
    return slot;
  }

  /**
   * Rewrites the time of every queued event for which {@code retime} returns a value other than
   * {@code -1}, then restores heap order. It costs O(n) and exists for rare events such as a clock
   * jump that moves one node's timers.
   */
  public void retime(SlotRetimer retime) {
    long[] h = heap;
    boolean changed = false;
    for (int i = 0; i < size; i++) {
      int slot = (int) (h[2 * i + 1] & SLOT_MASK);
      long t = retime.newTime(slot, h[2 * i]);
      if (t != -1 && t != h[2 * i]) {
        h[2 * i] = t;
        changed = true;
      }
    }
    if (changed) {
      for (int i = (size - 2) / 4; i >= 0; i--) {
        siftDown(i, h[2 * i], h[2 * i + 1]);
      }
    }
  }

  /** Decides a queued event's new time during {@link #retime}. */
  @FunctionalInterface
  public interface SlotRetimer {
    /** Returns the new time of the event in {@code slot}, or -1 to keep {@code time}. */
    long newTime(int slot, long time);
  }

  private void siftUp(int index, long time, long key) {
    long[] h = heap;
    while (index > 0) {
      int parent = (index - 1) >>> 2;
      long pt = h[2 * parent];
      if (pt < time || (pt == time && h[2 * parent + 1] < key)) {
        break;
      }
      h[2 * index] = pt;
      h[2 * index + 1] = h[2 * parent + 1];
      index = parent;
    }
    h[2 * index] = time;
    h[2 * index + 1] = key;
  }

  private void siftDown(int index, long time, long key) {
    long[] h = heap;
    int n = size;
    while (true) {
      int first = 4 * index + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = h[2 * first];
      long bk = h[2 * first + 1];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = h[2 * c];
        if (ct < bt || (ct == bt && h[2 * c + 1] < bk)) {
          best = c;
          bt = ct;
          bk = h[2 * c + 1];
        }
      }
      if (time < bt || (time == bt && key < bk)) {
        break;
      }
      h[2 * index] = bt;
      h[2 * index + 1] = bk;
      index = best;
    }
    h[2 * index] = time;
    h[2 * index + 1] = key;
  }
}
