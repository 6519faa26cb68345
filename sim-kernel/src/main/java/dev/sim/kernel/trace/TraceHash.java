package dev.sim.kernel.trace;

import dev.sim.kernel.random.SplitMix64;

/**
 * The run's 64-bit trace hash: a digest of every processed event, in order.
 *
 * <p>The exact algorithm, which is part of the determinism contract: the state starts at {@code
 * 0}. For each event popped from the queue, four 64-bit words are folded in, each as {@code h =
 * mix(h ^ word) + 0x9E3779B97F4A7C15}, where {@code mix} is the SplitMix64 finalizer: (1) the
 * event's simulated time in nanoseconds; (2) {@code kind << 32 | target}, with kind the ordinal of
 * {@link EventKind} and target the node id (or -1 for control events, as an unsigned 32-bit value);
 * (3) the second party: the sender's node id for messages, otherwise 0; (4) the {@link
 * String#hashCode()} of the payload's fully qualified class name (messages, timers) or of the
 * control event's label, as a signed int widened to long. Message contents are not hashed: their
 * {@code hashCode} may involve identity hashes (enums), which differ between runs.
 */
public final class TraceHash {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long h;

  /** Folds one processed event into the hash. */
  public void fold(long time, EventKind kind, int target, int other, int typeHash) {
    long x = h;
    x = SplitMix64.mix(x ^ time) + GOLDEN;
    x = SplitMix64.mix(x ^ (((long) kind.ordinal() << 32) | (target & 0xFFFFFFFFL))) + GOLDEN;
    x = SplitMix64.mix(x ^ other) + GOLDEN;
    x = SplitMix64.mix(x ^ typeHash) + GOLDEN;
    h = x;
  }

  /** The current value. */
  public long value() {
    return h;
  }

  /** The current value as 16 lowercase hex digits. */
  public String hex() {
    return String.format("%016x", h);
  }
}
