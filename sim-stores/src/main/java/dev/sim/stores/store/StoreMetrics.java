package dev.sim.stores.store;

import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.stores.protocol.KvStatus;
import java.util.List;

/**
 * The metrics a store node records, declared once here ({@link #SPECS}, what {@link
 * KvStoreType#metrics} returns) and recorded only through this class, so a name cannot be recorded
 * without its declaration.
 */
final class StoreMetrics {
  static final String OK = "storeOk";
  static final String FAIL = "storeFail";
  static final String UNKNOWN = "storeUnknown";
  static final String UNAVAILABLE = "storeUnavailable";
  static final String THROTTLED = "storeThrottled";
  static final String LAG = "replicationLagMs";
  static final String HINTS = "hintsPending";
  static final String SIBLINGS = "siblings";
  static final String DIVERGENT = "divergentKeys";
  static final String READ_REPAIRS = "readRepairs";
  static final String AE_REPAIRS = "antiEntropyRepairs";
  static final String HANDOFFS = "handoffsDelivered";
  static final String QUEUE = "storeQueue";
  static final String UTILISATION = "storeUtilisation";
  static final String QUEUE_FULL = "storeQueueFull";

  private static final String OUTCOMES = "store-outcomes";
  private static final String OUTCOMES_TITLE = "Store answers by outcome";
  private static final String OUTCOMES_TEXT =
      "Client requests the store coordinated, by the answer it gave";

  /** Every metric a store node records, with its chart. */
  static final List<MetricSpec> SPECS =
      List.of(
          outcome(OK, "Answered ok", "ok", 10),
          outcome(FAIL, "Answered fail", "fail", 11),
          outcome(UNKNOWN, "Answered unknown", "unknown", 12),
          outcome(UNAVAILABLE, "Answered unavailable", "unavailable", 13),
          outcome(THROTTLED, "Throttled requests", "throttled", 14),
          MetricSpec.gauge(LAG, "Replication lag", "ms")
              .chart("replication-lag")
              .yLabel("lag (ms)")
              .describe(
                  "Time from a write at its coordinator to its apply at a replica (by the two"
                      + " nodes' local clocks), at each apply")
              .averaged()
              .order(20),
          MetricSpec.gauge(HINTS, "Hinted handoffs pending", "hints")
              .yLabel("hints held")
              .describe("Writes fallbacks hold for unreachable primaries, not yet handed off")
              .order(21),
          MetricSpec.gauge(SIBLINGS, "Siblings per read", "versions")
              .yLabel("concurrent versions")
              .describe("Concurrent versions a read found before merging them")
              .averaged()
              .order(22),
          MetricSpec.gauge(DIVERGENT, "Keys divergent between replicas", "keys")
              .yLabel("keys")
              .describe("Keys that differed in each node's last anti-entropy exchange")
              .averaged()
              .order(23),
          MetricSpec.counter(READ_REPAIRS, "Read repairs", "repairs")
              .describe("Replicas sent a newer value after a read found them behind")
              .order(24),
          MetricSpec.counter(AE_REPAIRS, "Anti-entropy repairs", "keys repaired")
              .describe("Keys a replica changed after an anti-entropy exchange")
              .order(25),
          MetricSpec.counter(HANDOFFS, "Hinted handoffs delivered", "hints")
              .describe("Hints a primary took from a fallback after it was reachable again")
              .order(26),
          MetricSpec.gauge(QUEUE, "Store queue", "operations")
              .yLabel("operations waiting")
              .describe(
                  "Replica operations waiting for a worker on each store node (with a service"
                      + " time)")
              .order(27),
          MetricSpec.gauge(UTILISATION, "Store utilisation", "share of workers")
              .yLabel("busy workers / workers")
              .describe(
                  "Share of each store node's workers busy with replica operations (with a"
                      + " service time and bounded workers)")
              .averaged()
              .order(28),
          MetricSpec.counter(QUEUE_FULL, "Store queue full", "operations")
              .describe("Replica operations a store node refused because its queue was full")
              .order(29));

  private static MetricSpec outcome(String name, String title, String legend, int order) {
    return MetricSpec.counter(name, title, "requests")
        .chart(OUTCOMES, OUTCOMES_TITLE)
        .describe(OUTCOMES_TEXT)
        .legend(legend)
        .order(order);
  }

  private final NodeMetrics m;

  StoreMetrics(NodeMetrics m) {
    this.m = m;
  }

  /** Counts one answer to a client. */
  void answered(KvStatus status) {
    m.count(
        switch (status) {
          case OK -> OK;
          case FAIL -> FAIL;
          case UNKNOWN -> UNKNOWN;
          case UNAVAILABLE -> UNAVAILABLE;
          case THROTTLED -> THROTTLED;
        },
        1);
  }

  void lag(long nanos) {
    m.gauge(LAG, Math.max(0, nanos) / 1e6);
  }

  void hints(int pending) {
    m.gauge(HINTS, pending);
  }

  void siblings(int count) {
    m.gauge(SIBLINGS, count);
  }

  void divergent(int keys) {
    m.gauge(DIVERGENT, keys);
  }

  void readRepair() {
    m.count(READ_REPAIRS, 1);
  }

  void antiEntropyRepair() {
    m.count(AE_REPAIRS, 1);
  }

  void handoff() {
    m.count(HANDOFFS, 1);
  }

  void queue(int waiting) {
    m.gauge(QUEUE, waiting);
  }

  void utilisation(double busyShare) {
    m.gauge(UTILISATION, busyShare);
  }

  void queueFull() {
    m.count(QUEUE_FULL, 1);
  }
}
