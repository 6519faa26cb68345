package dev.sim.kernel.run;

import java.util.Arrays;

/**
 * One node incarnation's handlers of one kind (message handlers or timer handlers), by the exact
 * class of the payload they take, each with that class's trace-hash word.
 *
 * <p>A node registers a handful of types, so a linear scan of a short array finds a handler faster
 * than a hash map would, and computing the hash word once at registration keeps string hashing off
 * the path of every event. The arrays are made at the first registration, so a node that never
 * registers anything (or a million small nodes) costs little.
 *
 * <p>Each type may be registered once: a second handler for the same type would otherwise silently
 * replace the first, and whichever registration ran last would decide what the node does.
 *
 * @param <H> the handler interface
 */
final class HandlerTable<H> {
  private static final Class<?>[] NO_TYPES = new Class<?>[0];
  private static final Object[] NO_HANDLERS = new Object[0];
  private static final int[] NO_HASHES = new int[0];

  /** What the handlers handle, for error messages: {@code "message"} or {@code "timer"}. */
  private final String what;

  private Class<?>[] types = NO_TYPES;
  private Object[] handlers = NO_HANDLERS;
  private int[] typeHashes = NO_HASHES;
  private int count;

  HandlerTable(String what) {
    this.what = what;
  }

  /** Index of the handler for exactly {@code type}, or -1 if none is registered. */
  int indexOf(Class<?> type) {
    for (int i = 0; i < count; i++) {
      if (types[i] == type) {
        return i;
      }
    }
    return -1;
  }

  /** Handler {@code index} (from {@link #indexOf}). */
  @SuppressWarnings("unchecked")
  H handler(int index) {
    return (H) handlers[index];
  }

  /** The trace-hash word of handler {@code index}'s type (from {@link #indexOf}). */
  int typeHash(int index) {
    return typeHashes[index];
  }

  /**
   * Registers {@code handler} for {@code type} on node {@code nodeName}; {@code how} is the call
   * that registers (e.g. {@code ctx.on}), named in the error for a type registered twice.
   */
  void register(Class<?> type, H handler, String nodeName, String how) {
    if (indexOf(type) >= 0) {
      throw new IllegalStateException(
          "node "
              + nodeName
              + " already has a handler for "
              + what
              + " type "
              + type.getName()
              + "; register each type once (a second "
              + how
              + "("
              + type.getSimpleName()
              + ".class, ...) would replace the first)");
    }
    if (count == types.length) {
      int len = Math.max(2, count * 2);
      // Not Arrays.copyOf: for a Class<?>[] it makes the copy reflectively (Array.newInstance).
      // (Measured, a million clients started no faster for it: a profile's samples there were
      // skid, like the gauge lookup's; see BENCHMARKS.md.)
      Class<?>[] grown = new Class<?>[len];
      System.arraycopy(types, 0, grown, 0, count);
      types = grown;
      handlers = Arrays.copyOf(handlers, len);
      typeHashes = Arrays.copyOf(typeHashes, len);
    }
    types[count] = type;
    handlers[count] = handler;
    typeHashes[count] = EventLoop.typeHash(type);
    count++;
  }
}
