package dev.sim.stores.store;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;

/**
 * Parameters of the {@code kv-store} node type. Each component's {@link Param} doc is the one
 * description of what it means ({@code sim explain kv-store} prints them, and {@code
 * docs/kv-store.md} holds the same table); {@link KvStoreType} says how they combine.
 *
 * @param n replicas per key
 * @param r replies a read waits for; null = a quorum of n
 * @param w acknowledgements a write waits for; null = a quorum of n
 * @param pr of a read's replies, how many must come from primaries; 0 = any
 * @param pw of a write's acknowledgements, how many must come from primaries; 0 = any
 * @param sloppyQuorum whether fallbacks stand in for unreachable primaries, with hints
 * @param replicaTimeoutNanos how long a coordinator waits for one replica
 * @param retryIntervalNanos how often hints are pushed, and how long a silent replica is skipped
 * @param readRepair whether reads repair the replicas that answered with older data
 * @param antiEntropyNanos how often each node exchanges digests with a peer; 0 = never
 * @param conflicts how concurrent writes resolve
 * @param vnodes ring points per node
 * @param limit requests each node coordinates per second; null = no limit
 * @param capacity keys each node stores; {@link Param#UNBOUNDED} = no limit
 * @param service the time one replica operation takes on a node, in nanoseconds; constant 0 =
 *     instant (no queueing at all)
 * @param workers replica operations a node serves at once; {@link Param#UNBOUNDED} = no waiting
 * @param queueLimit replica operations that may wait on a node; {@link Param#UNBOUNDED} = no limit
 */
public record KvStoreParams(
    @Param(
            doc =
                "Replicas per key (N): the first N distinct nodes met walking the hash ring"
                    + " clockwise from the key; at most the number of store nodes.",
            unit = Unit.COUNT,
            defaultValue = "3",
            max = 1000)
        int n,
    @Param(
            doc =
                "Replies a read waits for (R) before it answers; absent: a quorum, n/2+1."
                    + " R + W > N makes every read overlap the last acknowledged write.",
            unit = Unit.COUNT,
            max = 1000)
        Integer r,
    @Param(
            doc =
                "Acknowledgements a write waits for (W) before it answers ok; absent: a quorum,"
                    + " n/2+1.",
            unit = Unit.COUNT,
            max = 1000)
        Integer w,
    @Param(
            doc =
                "Primary reads (PR): of a read's R replies, how many must come from the key's"
                    + " primaries rather than fallbacks; 0 = any.",
            unit = Unit.COUNT,
            defaultValue = "0",
            max = 1000)
        int pr,
    @Param(
            doc =
                "Primary writes (PW): of a write's W acknowledgements, how many must come from"
                    + " the key's primaries; a write that cannot reach that many is refused as"
                    + " unavailable before it is applied; 0 = any.",
            unit = Unit.COUNT,
            defaultValue = "0",
            max = 1000)
        int pw,
    @Param(
            doc =
                "Sloppy quorum: a primary that does not answer within replicaTimeout is replaced"
                    + " by the next node on the ring, which keeps the write as a hint for it and"
                    + " counts towards R and W; false: only primaries count.",
            unit = Unit.CHOICE,
            defaultValue = "false")
        boolean sloppyQuorum,
    @Param(
            key = "replicaTimeout",
            doc =
                "How long a coordinator waits for a replica's answer before taking it for"
                    + " unreachable.",
            unit = Unit.DURATION,
            defaultValue = "100ms")
        long replicaTimeoutNanos,
    @Param(
            key = "retryInterval",
            doc =
                "How often each node pushes its hints to their primaries (hinted handoff), and"
                    + " how long a replica that timed out is skipped unless heard from sooner.",
            unit = Unit.DURATION,
            defaultValue = "1s")
        long retryIntervalNanos,
    @Param(
            doc =
                "Read repair: after a read, send the merged value to the replicas that answered"
                    + " with older data or none.",
            unit = Unit.CHOICE,
            defaultValue = "true")
        boolean readRepair,
    @Param(
            key = "antiEntropy",
            doc =
                "Anti-entropy: every this long each node compares digests of the keys it shares"
                    + " with its next peer, and they exchange the keys that differ; 0s = off.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long antiEntropyNanos,
    @Param(
            doc =
                "How concurrent writes resolve: lww keeps the write whose coordinator's local"
                    + " clock read latest (a fast clock silently wins); siblings keeps concurrent"
                    + " writes side by side with dotted version vectors (sets merge by union,"
                    + " counters are PN-counters, a register read returns the latest sibling).",
            unit = Unit.CHOICE,
            defaultValue = "lww")
        Conflicts conflicts,
    @Param(
            doc =
                "Points each node owns on the hash ring (virtual nodes); more spread keys evenly.",
            unit = Unit.COUNT,
            defaultValue = "32",
            max = 4096)
        int vnodes,
    @Param(
            doc =
                "Client requests each node coordinates per second (a token bucket holding one"
                    + " second's worth); beyond it the answer is throttled, before anything is"
                    + " applied; absent: no limit.",
            unit = Unit.RATE)
        Double limit,
    @Param(
            doc =
                "Keys each node stores; a replica refuses a new key when full, and a write that"
                    + " every replica refused fails.",
            unit = Unit.COUNT,
            defaultValue = "unbounded")
        int capacity,
    @Param(
            doc =
                "Time one replica operation takes on a node (a replica's read, write or read"
                    + " repair, the coordinator's own included), drawn when a worker takes it and"
                    + " multiplied by the slow fault's factor; operations wait in the node's queue"
                    + " for a free worker; 0s = instant, nothing waits.",
            unit = Unit.DISTRIBUTION,
            defaultValue = "0s")
        Distribution service,
    @Param(
            doc =
                "Replica operations a node serves at once (with a service time); unbounded ="
                    + " none waits, each just takes its service time.",
            unit = Unit.COUNT,
            defaultValue = "1")
        int workers,
    @Param(
            doc =
                "Replica operations that may wait on a node for a worker; one more is refused"
                    + " and nothing applied, and a request left short of its quorum by such"
                    + " refusals is answered throttled; unbounded: no limit.",
            unit = Unit.COUNT,
            defaultValue = "unbounded",
            min = 0)
        int queueLimit) {

  /** How concurrent writes to one key resolve ({@code conflicts}). */
  public enum Conflicts {
    /** Last writer wins, by the coordinating node's local clock. */
    LWW,
    /** Concurrent writes are kept as siblings (dotted version vectors). */
    SIBLINGS
  }

  /** A quorum of the {@code n} replicas: more than half. */
  public static int quorum(int n) {
    return n / 2 + 1;
  }

  /** R as used: the given value or a quorum. */
  public int readQuorum() {
    return r != null ? r : quorum(n);
  }

  /** W as used: the given value or a quorum. */
  public int writeQuorum() {
    return w != null ? w : quorum(n);
  }

  /**
   * Defaults for tests and code: N = 3, quorums, lww, no anti-entropy, no limits, instant replicas.
   */
  public static KvStoreParams defaults() {
    return new KvStoreParams(
        3,
        null,
        null,
        0,
        0,
        false,
        100_000_000L,
        1_000_000_000L,
        true,
        0,
        Conflicts.LWW,
        32,
        null,
        Param.UNBOUNDED,
        Distributions.constant(0),
        1,
        Param.UNBOUNDED);
  }

  /** Whether replica operations take no time: then nothing queues and none is refused. */
  public boolean instant() {
    return service == null || service.mean() == 0;
  }
}
