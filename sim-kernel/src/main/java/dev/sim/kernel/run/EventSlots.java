package dev.sim.kernel.run;

import dev.sim.kernel.event.EventQueue;
import java.util.Arrays;

/**
 * What each pending event carries: side tables beside the {@link EventQueue}, which {@link
 * EventLoop} owns.
 *
 * <p>The queue moves only numbers, a time and a key packing the sequence number above a slot, so
 * that its hot path never stores an object reference. What an event is lives here instead, in
 * parallel arrays indexed by that slot: its kind, its target node, one more int ({@link #other}: a
 * message's sender, or the incarnation a timer or start belongs to), its payload, and a long
 * ({@link #localDue}: a timer's due time on its node's local clock, kept only under skewed clocks,
 * or a message's index in the {@link MessageLog}). A slot is taken when an event is scheduled and
 * freed once it has been processed; freeing bumps the slot's generation, so a timer handle that
 * outlived its timer cannot cancel the slot's next event. The arrays grow by doubling, up to the
 * queue's {@link EventQueue#MAX_SLOT}.
 */
final class EventSlots {
  static final int MESSAGE = 0;
  static final int TIMER = 1;
  static final int START = 2;
  static final int CONTROL = 3;
  static final int CANCELLED = 4;

  /** Slots made at first; the queue is made with the same capacity. */
  static final int INITIAL_SLOTS = 1024;

  private int[] kind = new int[INITIAL_SLOTS];
  private int[] target = new int[INITIAL_SLOTS];
  private int[] other = new int[INITIAL_SLOTS];
  private int[] generation = new int[INITIAL_SLOTS];
  private long[] localDue = new long[INITIAL_SLOTS];
  private Object[] payload = new Object[INITIAL_SLOTS];
  private int[] freeSlots = new int[INITIAL_SLOTS];
  private int freeCount;
  private int slotHigh;

  /**
   * Takes a free slot and fills it, for the caller to queue. {@link #localDue} is left for the
   * caller, who sets it only where it means something.
   */
  int add(int eventKind, int eventTarget, int eventOther, Object eventPayload) {
    int slot = allocate();
    kind[slot] = eventKind;
    target[slot] = eventTarget;
    other[slot] = eventOther;
    payload[slot] = eventPayload;
    return slot;
  }

  int kind(int slot) {
    return kind[slot];
  }

  int target(int slot) {
    return target[slot];
  }

  int other(int slot) {
    return other[slot];
  }

  Object payload(int slot) {
    return payload[slot];
  }

  long localDue(int slot) {
    return localDue[slot];
  }

  void setLocalDue(int slot, long value) {
    localDue[slot] = value;
  }

  /** Frees a processed (or dropped) event's slot; a pending handle to it goes stale. */
  void free(int slot) {
    payload[slot] = null;
    kind[slot] = CANCELLED;
    generation[slot]++;
    freeSlots[freeCount++] = slot;
  }

  /** The handle {@link dev.sim.kernel.node.NodeContext#setTimer} returns for the timer in slot. */
  long timerHandle(int slot) {
    // 31 bits of generation keep every handle non-negative (-1 means "no timer").
    return ((long) (generation[slot] & 0x7FFF_FFFF) << 32) | slot;
  }

  /**
   * Cancels the timer {@code handle} names if it is still pending and belongs to {@code node}. The
   * event stays queued as {@link #CANCELLED}, to be skipped when its time comes: taking it out of
   * the queue would cost more than skipping it.
   */
  boolean cancelTimer(long handle, int node) {
    if (handle < 0) {
      return false;
    }
    int slot = (int) handle;
    int gen = (int) (handle >>> 32);
    if (slot < 0
        || slot >= slotHigh
        || (generation[slot] & 0x7FFF_FFFF) != gen
        || kind[slot] != TIMER
        || target[slot] != node) {
      return false;
    }
    kind[slot] = CANCELLED;
    payload[slot] = null;
    return true;
  }

  private int allocate() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    int slot = slotHigh++;
    if (slot > EventQueue.MAX_SLOT) {
      throw new IllegalStateException("more than " + EventQueue.MAX_SLOT + " pending events");
    }
    if (slot >= kind.length) {
      int len = kind.length * 2;
      kind = Arrays.copyOf(kind, len);
      target = Arrays.copyOf(target, len);
      other = Arrays.copyOf(other, len);
      generation = Arrays.copyOf(generation, len);
      localDue = Arrays.copyOf(localDue, len);
      payload = Arrays.copyOf(payload, len);
      freeSlots = Arrays.copyOf(freeSlots, len);
    }
    return slot;
  }
}
