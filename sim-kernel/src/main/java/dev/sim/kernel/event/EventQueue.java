package dev.sim.kernel.event;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A priority queue of events ordered by (time, sequence), the kernel's hot path.
 *
 * <p>It moves only numbers: each entry is two longs, the event time and a key that packs the
 * scheduling sequence number (high 40 bits) above a slot index (low 24 bits). The slot indexes side
 * tables that the caller owns (event kind, target, payload). Storing no object references avoids
 * G1's write barrier on every move, and packing the sequence above the slot makes ties break FIFO
 * with one comparison of the second long.
 *
 * <p>It is a radix heap, the structure suited to a discrete-event loop, where no event is ever
 * scheduled before the last one taken out. Each entry sits in a bucket chosen by the highest 8-bit
 * digit in which its time differs from {@code last}, the time of the last event taken out (2,049
 * buckets: one for "equal to last", then 256 per digit position). Buckets are in time order, so the
 * earliest event is in the first non-empty bucket; when bucket 0 ("equal to last") is empty, the
 * first non-empty bucket's minimum becomes the new {@code last}, and the bucket is either popped in
 * place (a single entry, or a lowest-digit bucket, whose entries share one time) or emptied into
 * lower buckets relative to that minimum. An entry moves down at most eight times in its life, and
 * in the hold model one or two; a push is O(1). Buckets are FIFOs: while keys are pushed in
 * increasing order (as the kernel does, numbering events as it schedules them) every bucket stays
 * in key order, so ties in time pop first in, first out without comparing keys. Entries live in
 * fixed chunks of 32, drawn from one shared {@code long[]} arena and linked per bucket, so memory
 * stays proportional to the number of queued events (plus at most one partly filled chunk per
 * bucket). With chunks of 32 rather than 8 the hold benchmark ran about 12% faster: fewer chunk
 * switches on append and pop. A bucket other than bucket 0 that holds a single entry keeps it
 * inline, in the bucket's own fields, without a chunk: in the hold model most low buckets hold one
 * entry, and would otherwise each take and return a chunk.
 *
 * <p>It accepts any sequence of operations a general priority queue does and returns the same
 * order: a push earlier than {@code last} re-buckets everything around the new time (O(n log n)),
 * and keys pushed out of order switch the queue to picking the smallest key in bucket 0 by a scan
 * until it next becomes empty. Both cost more but never occur in the kernel's own use. Not
 * thread-safe; the kernel is single-threaded.
 */
public final class EventQueue {
  /** Bits of the packed key that hold the slot index. */
  public static final int SLOT_BITS = 24;

  /** Largest slot index the key can hold (16,777,215 pending events). */
  public static final int MAX_SLOT = (1 << SLOT_BITS) - 1;

  /** Largest sequence number the key can hold before it would overflow. */
  public static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;

  private static final long SLOT_MASK = MAX_SLOT;

  private static final int DIGIT_BITS = 8;
  private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
  private static final int BUCKETS = 1 + (64 / DIGIT_BITS << DIGIT_BITS);
  private static final int CHUNK = 32;
  private static final int CHUNK_LONGS = 2 * CHUNK;
  // head[b] of a bucket whose single entry is inline: time in bucketMin[b], key in inlineKey[b].
  private static final int INLINE = -1;

  // Chunks: CHUNK entries of (time, key) each in the arena; chunk 0 is never used, so 0 means none.
  private long[] arena;
  private int[] nextChunk;
  private int[] freeChunks;
  private int freeCount;
  private int chunkHigh = 1;

  // Per bucket: first and last chunk (or INLINE, and 0 for tail), position of the first entry in
  // the
  // first chunk, entries in the last chunk, and the smallest time in the bucket (valid while it is
  // not empty).
  private final int[] head = new int[BUCKETS];
  private final int[] headPos = new int[BUCKETS];
  private final int[] tail = new int[BUCKETS];
  private final int[] tailCount = new int[BUCKETS];
  private final long[] bucketMin = new long[BUCKETS];
  private final long[] inlineKey = new long[BUCKETS];
  // Non-empty buckets other than bucket 0: one bit per bucket, and one bit per non-zero word.
  private final long[] occupied = new long[(BUCKETS + 63) >>> 6];
  private long occupiedWords;

  private long last;
  private int size;
  // The bucket whose entries are the earliest, all at time last: bucket 0, or after fill() a bucket
  // that needs no redistribution (one entry, or a lowest-digit bucket, whose entries share a time).
  private int front;
  // True while every key pushed since the queue was last empty was larger than the ones before.
  private boolean keysInOrder = true;
  private long maxKey = Long.MIN_VALUE;

  /** Creates a queue with room for {@code initialCapacity} events before it grows. */
  public EventQueue(int initialCapacity) {
    int chunks = Math.max(16, initialCapacity / CHUNK + 64);
    arena = new long[chunks * CHUNK_LONGS];
    nextChunk = new int[chunks];
    freeChunks = new int[chunks];
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
    long key = (sequence << SLOT_BITS) | slot;
    if (sequence > MAX_SEQUENCE || size == 0 || time < last || key <= maxKey) {
      pushUnusual(time, sequence, key);
      return;
    }
    maxKey = key;
    append(bucketOf(time), time, key);
    size++;
  }

  /** {@link #push} into an empty queue, before {@code last}, or out of key order. */
  private void pushUnusual(long time, long sequence, long key) {
    if (sequence > MAX_SEQUENCE) {
      throw new IllegalStateException("event sequence number overflow after " + MAX_SEQUENCE);
    }
    if (size == 0) {
      keysInOrder = true;
      last = time;
    } else if (time < last) {
      rebuild(time);
    }
    if (key > maxKey || size == 0) {
      maxKey = key;
    } else if (keysInOrder) {
      keysInOrder = false;
      if (front != 0) {
        // Bucket 0 will be searched for the smallest key; the front bucket's entries belong there.
        moveFrontToBucketZero();
      }
    }
    append(bucketOf(time), time, key);
    size++;
  }

  /** Time of the earliest event; the queue must not be empty. */
  public long peekTime() {
    fill();
    return last;
  }

  /** Slot of the earliest event; the queue must not be empty. */
  public int peekSlot() {
    return (int) (frontKey() & SLOT_MASK);
  }

  /** Sequence number of the earliest event; the queue must not be empty. */
  public long peekSequence() {
    return frontKey() >>> SLOT_BITS;
  }

  /** Removes the earliest event and returns its slot. */
  public int pop() {
    int slot = (int) (frontKey() & SLOT_MASK);
    int b = front;
    int c = head[b];
    if (c == INLINE) {
      head[b] = 0;
      clearOccupied(b);
      front = 0;
      size--;
      return slot;
    }
    int p = headPos[b] + 1;
    if (c == tail[b] && p == tailCount[b]) {
      freeChunks[freeCount++] = c;
      head[b] = 0;
      tail[b] = 0;
      if (b != 0) {
        clearOccupied(b);
      }
      front = 0;
    } else if (p == CHUNK) {
      head[b] = nextChunk[c];
      headPos[b] = 0;
      freeChunks[freeCount++] = c;
    } else {
      headPos[b] = p;
    }
    size--;
    return slot;
  }

  /**
   * Rewrites the time of every queued event for which {@code retime} returns a value other than
   * {@code -1}, then restores the order. It costs O(n log n) and exists for rare events such as a
   * clock jump that moves one node's timers.
   */
  public void retime(SlotRetimer retime) {
    long min = last;
    boolean changed = false;
    for (int b = 0; b < BUCKETS; b++) {
      if (head[b] == 0) {
        continue;
      }
      if (head[b] == INLINE) {
        long time = bucketMin[b];
        long t = retime.newTime((int) (inlineKey[b] & SLOT_MASK), time);
        if (t != -1 && t != time) {
          bucketMin[b] = t;
          changed = true;
          min = Math.min(min, t);
        }
        continue;
      }
      for (int c = head[b], pos = headPos[b]; ; c = nextChunk[c], pos = 0) {
        int n = c == tail[b] ? tailCount[b] : CHUNK;
        for (int j = pos; j < n; j++) {
          int at = c * CHUNK_LONGS + 2 * j;
          long time = arena[at];
          long t = retime.newTime((int) (arena[at + 1] & SLOT_MASK), time);
          if (t != -1 && t != time) {
            arena[at] = t;
            changed = true;
            min = Math.min(min, t);
          }
        }
        if (c == tail[b]) {
          break;
        }
      }
    }
    if (changed) {
      rebuild(min);
    }
  }

  /** Decides a queued event's new time during {@link #retime}. */
  @FunctionalInterface
  public interface SlotRetimer {
    /** Returns the new time of the event in {@code slot}, or -1 to keep {@code time}. */
    long newTime(int slot, long time);
  }

  /** The bucket of an entry at {@code time} relative to {@code last}; 0 when they are equal. */
  private int bucketOf(long time) {
    long x = time ^ last;
    if (x == 0) {
      return 0;
    }
    int shift = (63 - Long.numberOfLeadingZeros(x)) & -DIGIT_BITS;
    // The sign flip makes unsigned digit order agree with signed time order in the top digit.
    return 1
        + ((shift / DIGIT_BITS) << DIGIT_BITS)
        + (int) (((time ^ Long.MIN_VALUE) >>> shift) & DIGIT_MASK);
  }

  private void append(int b, long time, long key) {
    int c = tail[b];
    int n = tailCount[b];
    if (c == 0 || n == CHUNK) {
      appendToNewChunk(b, time, key);
      return;
    }
    if (time < bucketMin[b]) {
      bucketMin[b] = time;
    }
    int at = c * CHUNK_LONGS + 2 * n;
    long[] a = arena;
    a[at] = time;
    a[at + 1] = key;
    tailCount[b] = n + 1;
  }

  /**
   * The rest of {@link #append}, kept apart so that its common path stays small enough to inline:
   * the bucket is empty (the entry goes inline, or into a first chunk in bucket 0), holds one entry
   * inline (both move into a chunk), or its last chunk is full.
   */
  private void appendToNewChunk(int b, long time, long key) {
    int h = head[b];
    if (h == 0 && b != 0) {
      head[b] = INLINE;
      bucketMin[b] = time;
      inlineKey[b] = key;
      occupied[b >>> 6] |= 1L << b;
      occupiedWords |= 1L << (b >>> 6);
      return;
    }
    int c = newChunk();
    if (h == INLINE) {
      // The inline entry came first: it leads the new chunk, and its time is already bucketMin.
      head[b] = c;
      headPos[b] = 0;
      tail[b] = c;
      arena[c * CHUNK_LONGS] = bucketMin[b];
      arena[c * CHUNK_LONGS + 1] = inlineKey[b];
      arena[c * CHUNK_LONGS + 2] = time;
      arena[c * CHUNK_LONGS + 3] = key;
      tailCount[b] = 2;
      if (time < bucketMin[b]) {
        bucketMin[b] = time;
      }
      return;
    }
    int end = tail[b];
    if (end == 0) {
      // Only bucket 0 gets here empty; it is never counted in the occupied bits.
      head[b] = c;
      headPos[b] = 0;
      bucketMin[b] = time;
    } else {
      nextChunk[end] = c;
      if (time < bucketMin[b]) {
        bucketMin[b] = time;
      }
    }
    tail[b] = c;
    arena[c * CHUNK_LONGS] = time;
    arena[c * CHUNK_LONGS + 1] = key;
    tailCount[b] = 1;
  }

  private int newChunk() {
    if (freeCount > 0) {
      return freeChunks[--freeCount];
    }
    int c = chunkHigh++;
    if (c == nextChunk.length) {
      int n = c * 2;
      arena = Arrays.copyOf(arena, n * CHUNK_LONGS);
      nextChunk = Arrays.copyOf(nextChunk, n);
      freeChunks = Arrays.copyOf(freeChunks, n);
    }
    return c;
  }

  private void clearOccupied(int b) {
    if ((occupied[b >>> 6] &= ~(1L << b)) == 0) {
      occupiedWords &= ~(1L << (b >>> 6));
    }
  }

  /**
   * Makes bucket 0 hold the earliest events, redistributing the first non-empty bucket if needed.
   */
  private void fill() {
    if (head[front] == 0 && size != 0) {
      refill();
    }
  }

  /** Finds the next earliest events: the front bucket is empty and the queue is not. */
  private void refill() {
    front = 0;
    int w = Long.numberOfTrailingZeros(occupiedWords);
    int b = (w << 6) + Long.numberOfTrailingZeros(occupied[w]);
    last = bucketMin[b];
    int c = head[b];
    if (keysInOrder && (c == INLINE || b <= DIGIT_MASK + 1)) {
      // Its entries all have time last and are in key order: take them from where they are.
      front = b;
      return;
    }
    if (c == INLINE) {
      // Keys are out of order, so the earliest events gather in bucket 0 to be searched.
      head[b] = 0;
      clearOccupied(b);
      append(0, last, inlineKey[b]);
      return;
    }
    int pos = headPos[b];
    int end = tail[b];
    int endCount = tailCount[b];
    head[b] = 0;
    tail[b] = 0;
    clearOccupied(b);
    while (true) {
      int n = c == end ? endCount : CHUNK;
      int base = c * CHUNK_LONGS;
      for (int j = pos; j < n; j++) {
        long time = arena[base + 2 * j];
        append(bucketOf(time), time, arena[base + 2 * j + 1]);
      }
      int next = nextChunk[c];
      freeChunks[freeCount++] = c;
      if (c == end) {
        break;
      }
      c = next;
      pos = 0;
    }
  }

  /** The key of the earliest entry. */
  private long frontKey() {
    if (size == 0) {
      throw new NoSuchElementException("the event queue is empty");
    }
    fill();
    int c = head[front];
    if (c == INLINE) {
      return inlineKey[front];
    }
    int at = c * CHUNK_LONGS + 2 * headPos[front];
    if (!keysInOrder) {
      smallestKeyToFront(at);
    }
    return arena[at + 1];
  }

  /**
   * Keys came out of order, so bucket 0 (the front whenever they are) is not in key order: swaps
   * the smallest key in it with the one at {@code at}, its first entry. All share time last.
   */
  private void smallestKeyToFront(int at) {
    int best = at;
    for (int c = head[0], pos = headPos[0]; ; c = nextChunk[c], pos = 0) {
      int n = c == tail[0] ? tailCount[0] : CHUNK;
      for (int j = pos; j < n; j++) {
        int i = c * CHUNK_LONGS + 2 * j;
        if (arena[i + 1] < arena[best + 1]) {
          best = i;
        }
      }
      if (c == tail[0]) {
        break;
      }
    }
    long k = arena[best + 1];
    arena[best + 1] = arena[at + 1];
    arena[at + 1] = k;
  }

  /** Appends the front bucket's entries (all at time last) to bucket 0 and makes 0 the front. */
  private void moveFrontToBucketZero() {
    int b = front;
    int c = head[b];
    if (c == INLINE) {
      head[b] = 0;
      clearOccupied(b);
      front = 0;
      append(0, bucketMin[b], inlineKey[b]);
      return;
    }
    int pos = headPos[b];
    int end = tail[b];
    int endCount = tailCount[b];
    head[b] = 0;
    tail[b] = 0;
    clearOccupied(b);
    front = 0;
    while (true) {
      int n = c == end ? endCount : CHUNK;
      int base = c * CHUNK_LONGS;
      for (int j = pos; j < n; j++) {
        append(0, arena[base + 2 * j], arena[base + 2 * j + 1]);
      }
      int next = nextChunk[c];
      freeChunks[freeCount++] = c;
      if (c == end) {
        break;
      }
      c = next;
      pos = 0;
    }
  }

  /**
   * Re-buckets every entry around {@code newLast}, which must not exceed any queued time. While
   * keys are in order the entries are re-added in key order, so every bucket stays in key order.
   */
  private void rebuild(long newLast) {
    long[] times = new long[size];
    long[] keys = new long[size];
    int n = 0;
    for (int b = 0; b < BUCKETS; b++) {
      if (head[b] == 0) {
        continue;
      }
      if (head[b] == INLINE) {
        times[n] = bucketMin[b];
        keys[n++] = inlineKey[b];
        head[b] = 0;
        continue;
      }
      int c = head[b];
      int pos = headPos[b];
      while (true) {
        int count = c == tail[b] ? tailCount[b] : CHUNK;
        for (int j = pos; j < count; j++) {
          times[n] = arena[c * CHUNK_LONGS + 2 * j];
          keys[n++] = arena[c * CHUNK_LONGS + 2 * j + 1];
        }
        int next = nextChunk[c];
        freeChunks[freeCount++] = c;
        if (c == tail[b]) {
          break;
        }
        c = next;
        pos = 0;
      }
      head[b] = 0;
      tail[b] = 0;
    }
    Arrays.fill(occupied, 0);
    occupiedWords = 0;
    front = 0;
    last = newLast;
    if (keysInOrder) {
      // Keys are distinct here; place each entry at its key's rank.
      long[] sorted = keys.clone();
      Arrays.sort(sorted);
      long[] sortedTimes = new long[n];
      for (int i = 0; i < n; i++) {
        sortedTimes[Arrays.binarySearch(sorted, keys[i])] = times[i];
      }
      times = sortedTimes;
      keys = sorted;
    }
    for (int i = 0; i < n; i++) {
      append(bucketOf(times[i]), times[i], keys[i]);
    }
  }
}
