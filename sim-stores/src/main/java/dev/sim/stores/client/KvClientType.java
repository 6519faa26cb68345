package dev.sim.stores.client;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.client.ClientType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.result.Annotation;
import java.util.List;

/**
 * The {@code kv-client} node type: a workload on a key-value store that records every operation in
 * the run's history, so a checker can judge the store. docs/kv-client.md tells the whole story.
 *
 * <p>Metrics: each operation is a request ({@code offer} at its invoke, {@code attempt} per try,
 * {@code finish} at its completion: OK for ok, REJECTED for a throttled or offline refusal or a
 * dropped arrival, TIMED_OUT for a timeout, FAILED otherwise), so the yield, latency and throughput
 * charts work; counters by history outcome ({@code kvOk}, {@code kvFail}, {@code kvInfo}), by f
 * ({@code kvReads}, {@code kvWrites}, {@code kvCas}, {@code kvAdds}, {@code kvIncrs}), {@code
 * kvRetries}, {@code droppedArrivals}, {@code recordsWritten} (the writes the application counts as
 * done), {@code offlineQueued}, {@code offlineSyncs} (puts of sets edited offline); the gauge
 * {@code offlineQueue}.
 */
public final class KvClientType implements NodeType<KvClientParams> {
  /** What a kv-client records. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.latency("kvLatency", "Operation latency"),
          outcome("kvOk", "Operations ok", "ok", 0),
          outcome("kvFail", "Operations failed", "fail", 1),
          outcome("kvInfo", "Operations unknown", "info", 2),
          operation("kvReads", "Reads", "read", 0),
          operation("kvWrites", "Register writes", "write", 1),
          operation("kvCas", "Compare-and-sets", "cas", 2),
          operation("kvAdds", "Set adds", "add", 3),
          operation("kvIncrs", "Counter increments", "incr", 4),
          MetricSpec.counter("kvRetries", "Operation retries", "retries")
              .describe("Tries of idempotent operations sent again after a failure or timeout")
              .order(120),
          MetricSpec.counter("droppedArrivals", "Dropped arrivals", "arrivals")
              .describe("Open-loop arrivals that found maxOutstanding operations outstanding")
              .order(130),
          MetricSpec.counter(
                  "recordsWritten", "Records written (the application's count)", "writes")
              .runningTotal()
              .describe("Writes the application counts as done: ok, or any answer without checks")
              .order(140),
          MetricSpec.counter("offlineQueued", "Writes queued offline", "writes")
              .describe("Writes made (or resent) while offline, queued until the client reconnects")
              .order(150),
          MetricSpec.gauge("offlineQueue", "Offline queue", "writes")
              .describe(
                  "Writes waiting to be sent after an offline period (each add a put carries"
                      + " counts)")
              .order(160),
          MetricSpec.counter("offlineSyncs", "Sets synced with a put", "puts")
              .describe(
                  "Sets edited offline whose local copy was uploaded with one put on reconnect")
              .order(170));

  private static MetricSpec outcome(String name, String title, String legend, int order) {
    return MetricSpec.counter(name, title, "operations")
        .chart("kv-outcomes", "Operations by outcome")
        .describe("Operations completed per second, by their outcome in the history")
        .legend(legend)
        .order(100 + order);
  }

  private static MetricSpec operation(String name, String title, String legend, int order) {
    return MetricSpec.counter(name, title, "operations")
        .chart("kv-operations", "Operations by kind")
        .describe("Operations invoked per second, by f")
        .legend(legend)
        .order(110 + order);
  }

  @Override
  public String name() {
    return "kv-client";
  }

  @Override
  public String summary() {
    return "Reads and writes registers, sets and counters on a kv-store (open or closed loop,"
        + " keys uniform, zipf or hot, offline periods, final reads) and records every operation"
        + " in the history.";
  }

  @Override
  public Class<KvClientParams> parameters() {
    return KvClientParams.class;
  }

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(KvClientParams p) {
    return KvClientChecks.check(p);
  }

  /** Marks each step up of the group's rate profile, as the client does. */
  @Override
  public List<Annotation> marks(KvClientParams p, Group group) {
    if (p.load() == null) {
      return List.of();
    }
    return ClientType.profileMarks(p.load().profile(), group);
  }

  @Override
  public Node create(KvClientParams params, BuildContext ctx) {
    return new KvClientNode(params, ctx);
  }
}
