package dev.sim.stores.client;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.components.client.ClientParams;

/**
 * Parameters of the {@code kv-client} node type (YAML keys in brackets).
 *
 * @param target [target] the store group or instance whose members coordinate this client's
 *     operations
 * @param coordinator [coordinator] which member coordinates each try
 * @param coordinatorIndex [coordinatorIndex] with {@code fixed}: the member's index in the target
 *     (modulo its size); null: this client's index in its own group
 * @param explore [explore] with {@code nearest}: the probability that a try goes to a random other
 *     member, so that its latency estimate stays fresh
 * @param load [load] offered load: an open loop (rate or profile) or a closed loop (users, think),
 *     as the {@code client} takes it
 * @param maxOutstanding [maxOutstanding] open loop: operations outstanding at once, at most
 * @param mix [mix] the operations and their shares; null: registers, half reads, half writes
 * @param keys [keys] keys per data kind (registers {@code r0..}, sets {@code s0..}, counters {@code
 *     c0..})
 * @param keyDistribution [keyDistribution] how an operation picks its key's index
 * @param exponent [exponent] zipf's exponent, above 0; null: 1
 * @param hot [hot] with {@code hot}: the share of operations on the hot keys
 * @param hotKeys [hotKeys] with {@code hot}: how many keys are hot (the first ones)
 * @param incrBy [incrBy] what each counter increment adds
 * @param timeoutNanos [timeout] how long each try waits for an answer
 * @param retry [retry] retries of idempotent operations; null: none
 * @param finalReadsNanos [finalReads] the quiet stretch at the end of the run before and during the
 *     final reads; 0 = none
 * @param checkAnswers [checkAnswers] whether the application heeds the store's answers to writes
 * @param offlineSync [offlineSync] how the sets edited offline are synced on reconnect; null: put
 */
public record KvClientParams(
    @Param(
            doc =
                "The store group (or instance) whose members coordinate this client's"
                    + " operations.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = {"kv-store", "raft"})
        String target,
    @Param(
            doc =
                "Which member of the target coordinates each try: fixed (always the same one),"
                    + " random (a new draw per try) or nearest (the lowest measured latency, an"
                    + " average of its recent answers).",
            unit = Unit.CHOICE,
            defaultValue = "fixed")
        Coordinator coordinator,
    @Param(
            doc =
                "With coordinator fixed: the index of the member (0 = the first), modulo the"
                    + " target's size; absent: this client's index in its own group, so a"
                    + " group of clients spreads over the members.",
            unit = Unit.NUMBER,
            min = 0)
        Integer coordinatorIndex,
    @Param(
            doc =
                "With coordinator nearest: the share of tries sent to a random other member,"
                    + " so that its latency estimate stays fresh.",
            unit = Unit.PROBABILITY,
            defaultValue = "0.05")
        double explore,
    @Param(
            doc =
                "Offered load, as the client takes it: open loop (rate or profile, per client"
                    + " instance) or closed loop (users, think).",
            unit = Unit.NESTED,
            required = true)
        ClientParams.Load load,
    @Param(
            doc =
                "Open loop: operations outstanding at once, at most (each on its own history"
                    + " process); an arrival that finds this many outstanding is dropped and"
                    + " counted in droppedArrivals.",
            unit = Unit.COUNT,
            defaultValue = "100",
            max = 1_000_000)
        int maxOutstanding,
    @Param(
            doc =
                "The operations and their shares, which add up to 1, like {register: {read:"
                    + " 0.5, write: 0.4, cas: 0.1}}; absent: register read 0.5, write 0.5.",
            unit = Unit.NESTED)
        Mix mix,
    @Param(
            doc =
                "Keys per data kind in the mix: registers r0, r1, ..., sets s0, ..., counters"
                    + " c0, ...; a key keeps its kind for the whole run.",
            unit = Unit.COUNT,
            defaultValue = "10",
            max = 1_000_000)
        int keys,
    @Param(
            doc =
                "How an operation picks its key: uniform; zipf (key k with weight"
                    + " 1/(k+1)^exponent, so key 0 is the most popular); hot (a share `hot` of"
                    + " operations on the first hotKeys keys, the rest uniform over the others).",
            unit = Unit.CHOICE,
            defaultValue = "uniform")
        KeyDistribution keyDistribution,
    @Param(
            doc =
                "With keyDistribution zipf: the exponent, above 0 (1 is Zipf's law; larger is"
                    + " more skewed); absent: 1.",
            unit = Unit.NUMBER)
        Double exponent,
    @Param(
            doc = "With keyDistribution hot: the share of operations on the hot keys, like 0.8.",
            unit = Unit.PROBABILITY)
        Double hot,
    @Param(
            doc = "With keyDistribution hot: how many keys are hot (the first ones: r0, s0, c0).",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 1_000_000)
        int hotKeys,
    @Param(doc = "What each counter incr adds.", unit = Unit.NUMBER, defaultValue = "1", min = 1)
        long incrBy,
    @Param(
            key = "timeout",
            doc =
                "How long each try waits for the store's answer; a write that timed out is"
                    + " recorded info (it may have happened), a read fail.",
            unit = Unit.DURATION,
            defaultValue = "1s")
        long timeoutNanos,
    @Param(
            doc =
                "Retries of idempotent operations only (reads, register writes, set adds; never"
                    + " cas or incr), as the client takes them; a retried operation stays one"
                    + " operation in the history. Absent: none.",
            unit = Unit.NESTED)
        ClientParams.Retry retry,
    @Param(
            key = "finalReads",
            doc =
                "The quiet end of the run: this long before the end the workload stops, and"
                    + " halfway through it the client reads back every key it used, so that"
                    + " lost writes show in the history; at least twice the timeout. 0s = none.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long finalReadsNanos,
    @Param(
            doc =
                "Whether the application heeds the store's answers to its writes. false: every"
                    + " write counts as done (recordsWritten) and is recorded ok whatever the"
                    + " store answered, the 'logs are liars' mistake; reads stay honest.",
            unit = Unit.CHOICE,
            defaultValue = "true")
        boolean checkAnswers,
    @Param(
            doc =
                "How a set edited offline is synced on reconnect: put (one put of the client's"
                    + " local copy per edited set, as a naive offline app uploads its copy, so"
                    + " the store's conflict mode decides whose edits survive) or replay (each"
                    + " queued add sent as an add, which the store applies to its own value, so"
                    + " nothing is lost). Register writes and increments are always replayed.",
            unit = Unit.CHOICE,
            defaultValue = "put")
        OfflineSync offlineSync) {

  /** Whether the load is a closed loop of users. */
  public boolean closedLoop() {
    return load != null && load.users() > 0;
  }

  /** The mix, or the default (register read 0.5, write 0.5) when none is given. */
  public Mix mixOrDefault() {
    return mix != null ? mix : new Mix(new RegisterShares(0.5, 0.5, 0), null, null);
  }

  /** How the sets edited offline are synced, {@link OfflineSync#PUT} when absent. */
  public OfflineSync offlineSyncOrDefault() {
    return offlineSync != null ? offlineSync : OfflineSync.PUT;
  }

  /** How a set edited offline is synced on reconnect ({@code offlineSync}). */
  public enum OfflineSync {
    /** One put of the client's local copy per edited set: the store's conflict mode decides. */
    PUT,
    /** Each queued add sent as an add, applied by the store to its own value. */
    REPLAY
  }

  /** Which member of the target coordinates a try ({@code coordinator}). */
  public enum Coordinator {
    /** Always the same member. */
    FIXED,
    /** A member drawn uniformly for each try. */
    RANDOM,
    /** The member with the lowest measured latency, with some exploration. */
    NEAREST
  }

  /** How an operation picks its key's index ({@code keyDistribution}). */
  public enum KeyDistribution {
    /** Every key equally often. */
    UNIFORM,
    /** Key k with weight 1/(k+1)^exponent. */
    ZIPF,
    /** A share {@code hot} on the first {@code hotKeys} keys, the rest uniform over the others. */
    HOT
  }

  /**
   * The operations' shares, by the kind of data they work on; absent kinds have none.
   *
   * @param register [register] register reads, writes and compare-and-sets
   * @param set [set] set adds and reads
   * @param counter [counter] counter increments and reads
   */
  public record Mix(
      @Param(doc = "Register operations: read, write, cas.", unit = Unit.NESTED)
          RegisterShares register,
      @Param(doc = "Set operations: add, read.", unit = Unit.NESTED) SetShares set,
      @Param(doc = "Counter operations: incr, read.", unit = Unit.NESTED) CounterShares counter) {}

  /**
   * Shares of register operations.
   *
   * @param read [read] reads
   * @param write [write] writes of a value unique in the run
   * @param cas [cas] compare-and-sets [old, new]
   */
  public record RegisterShares(
      @Param(
              doc = "Share of operations that read a register.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double read,
      @Param(
              doc = "Share of operations that write a register a value unique in the run.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double write,
      @Param(
              doc =
                  "Share of compare-and-sets [old, new]: old one of the last values this client"
                      + " saw for the key (null if none), new unique.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double cas) {}

  /**
   * Shares of set operations.
   *
   * @param add [add] adds of an element unique in the run
   * @param read [read] reads of the whole set
   */
  public record SetShares(
      @Param(
              doc = "Share of operations that add an element unique in the run to a set.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double add,
      @Param(
              doc = "Share of operations that read a set.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double read) {}

  /**
   * Shares of counter operations.
   *
   * @param incr [incr] increments by {@code incrBy}
   * @param read [read] reads of the count
   */
  public record CounterShares(
      @Param(
              doc = "Share of operations that increment a counter by incrBy.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double incr,
      @Param(
              doc = "Share of operations that read a counter.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double read) {}
}
