package dev.sim.stores.store;

import java.util.List;
import java.util.SortedMap;

/**
 * The messages store nodes send each other, and their timers. Node indices are positions in the
 * group's instance list (the ring's node numbers), not kernel node ids. Maps are sorted and never
 * changed after sending.
 */
final class StoreMessages {
  private StoreMessages() {}

  /** A coordinator asks a replica for what it holds for {@code key}. */
  record ReplicaRead(long op, String key) {}

  /** A replica's answer to {@link ReplicaRead}: its state for the key, null if it holds none. */
  record ReadReply(long op, KeyState state) {}

  /**
   * A coordinator's write: merge {@code update} into the key's state, or, when {@code hintFor} is a
   * node index (not -1), keep it as a hint for that primary.
   */
  record ReplicaWrite(long op, String key, KeyState update, int hintFor) {}

  /** A replica's answer to {@link ReplicaWrite}: held, or refused and why (nothing was applied). */
  record WriteAck(long op, boolean applied, String why) {}

  /**
   * A replica's answer to a {@link ReplicaRead} or {@link ReplicaWrite} of phase {@code phase} when
   * its queue was full: refused, nothing applied.
   */
  record Busy(long op, Coordination.Phase phase) {}

  /** Read repair: merge {@code state} (or keep it as a hint for {@code hintFor}); no answer. */
  record Repair(String key, KeyState state, int hintFor) {}

  /** Hinted handoff: the hints a fallback holds for the receiving primary. */
  record HandoffPush(SortedMap<String, KeyState> states) {}

  /** The primary took these hints (key to the digest of the state pushed); they can go. */
  record HandoffAck(SortedMap<String, String> digests) {}

  /** Anti-entropy, step 1: digests of the keys the sender holds that the receiver replicates. */
  record DigestOffer(SortedMap<String, String> digests) {}

  /**
   * Anti-entropy, step 2: the receiver's states for the keys that differ, the keys it wants the
   * sender's state of, and how many keys differed.
   */
  record DigestReply(SortedMap<String, KeyState> states, List<String> wants, int divergent) {}

  /** Anti-entropy, step 3: the states the other side asked for. */
  record DigestPush(SortedMap<String, KeyState> states) {}

  /** A coordination's replica timeout for round {@code round}; stale if the round moved on. */
  record ReplicaTimeout(long op, int round) {}

  /** Time to push hints to their primaries. */
  record HandoffTick() {}

  /** Time for an anti-entropy exchange with the next peer. */
  record AntiEntropyTick() {}
}
