package dev.sim.report;

import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RequestSummary;
import dev.sim.kernel.result.RunInfo;
import dev.sim.kernel.result.RunResult;
import dev.sim.testkit.Harness;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small real run on the kernel, built with the testkit's {@link Harness}: an open-loop client
 * sending to a single-worker queueing server over a 2 ms network, with a partition, a crash and
 * restart, and a pause. The server reports the gauges {@code queue} and {@code inflight} and the
 * counters {@code served} and {@code gcPauseMs}, declared like a node type's ({@link TestSpecs}).
 */
public final class KernelRun {
  static final long MS = 1_000_000L;
  static final long S = 1_000 * MS;

  private KernelRun() {}

  record Request(long id) {}

  record Response(long id) {}

  record Arrive() {}

  record Timeout(long id) {}

  record Done() {}

  /** Open-loop client: Poisson arrivals, one try per request, a timeout. */
  static final class Client implements Node {
    private NodeContext ctx;
    private int server;
    private long next;
    private final Map<Long, Long> open = new LinkedHashMap<>();

    @Override
    public void start(NodeContext c) {
      ctx = c;
      server = c.lookup("api");
      c.on(
          Response.class,
          (m, from) -> {
            Long stamp = open.remove(m.id());
            if (stamp != null) {
              ctx.metrics().finish(stamp, Outcome.OK, 1.0);
            }
          });
      c.onTimer(
          Timeout.class,
          t -> {
            Long stamp = open.remove(t.id());
            if (stamp != null) {
              ctx.metrics().finish(stamp, Outcome.TIMED_OUT, 0);
            }
          });
      c.onTimer(Arrive.class, t -> arrive());
      c.setTimer((long) c.random().nextExponential(10 * MS), new Arrive());
    }

    private void arrive() {
      long id = next++;
      open.put(id, ctx.metrics().offer());
      ctx.metrics().attempt();
      ctx.send(server, new Request(id));
      ctx.setTimer(250 * MS, new Timeout(id));
      ctx.setTimer((long) ctx.random().nextExponential(10 * MS), new Arrive());
    }
  }

  /** One worker, a FIFO queue, exponential service times. */
  static final class Server implements Node {
    private NodeContext ctx;
    private final ArrayDeque<long[]> queue = new ArrayDeque<>();
    private long[] serving;

    @Override
    public void start(NodeContext c) {
      ctx = c;
      c.on(
          Request.class,
          (m, from) -> {
            queue.add(new long[] {m.id(), from});
            ctx.metrics().gauge("queue", queue.size());
            if (serving == null) {
              serveNext();
            }
          });
      c.onTimer(
          Done.class,
          t -> {
            ctx.send((int) serving[1], new Response(serving[0]));
            ctx.metrics().count("served", 1);
            if (serving[0] % 50 == 0) {
              ctx.metrics().count("gcPauseMs", 3);
            }
            serving = null;
            serveNext();
          });
      c.metrics().gauge("queue", 0);
      c.metrics().gauge("inflight", 0);
    }

    private void serveNext() {
      serving = queue.poll();
      ctx.metrics().gauge("queue", queue.size());
      ctx.metrics().gauge("inflight", serving == null ? 0 : 1);
      if (serving != null) {
        ctx.setTimer((long) ctx.random().nextExponential(8 * MS), new Done());
      }
    }
  }

  /** A 2 ms network that cuts client↔server between 3 s and 4 s. */
  static final class Network implements Transport {
    @Override
    public void send(int from, int to, Object message, long now, Deliveries out) {
      if (cut(now)) {
        out.lost("partition");
      } else {
        out.deliverAt(now + 2 * MS);
      }
    }

    @Override
    public boolean deliverable(int from, int to, long now) {
      return !cut(now);
    }

    private static boolean cut(long now) {
      return now >= 3 * S && now < 4 * S;
    }
  }

  /** Runs the scenario for 10 simulated seconds with 100 ms windows and a 1 s warm-up. */
  public static RunResult run(long seed) {
    Harness h =
        Harness.named("queue-demo", seed)
            .transport(new Network())
            .windows(100 * MS, 1 * S)
            .recordMessages()
            .reason("fault")
            .node("client", "clients", Client::new)
            .node("api", "api", Server::new)
            .annotate(
                new Annotation(
                    "partition", "partition client | api", 3 * S, 4 * S, List.of("client", "api")))
            .annotate(new Annotation("crash", "crash api", 6 * S, 7 * S, List.of("api")))
            .annotate(new Annotation("pause", "pause api", 8 * S, 8 * S + 300 * MS, List.of("api")))
            .crash(6 * S, "api")
            .restart(7 * S, "api")
            .pause(8 * S, "api", 300 * MS);
    h.configure()
        .declareMetrics("clients", "the demo client", TestSpecs.CLIENT)
        .declareMetrics("api", "the demo server", TestSpecs.SERVER);
    RunResult r = h.run(10 * S);
    RequestSummary q = r.requests().orElseThrow();
    return r.withExpectations(
            List.of(
                new ExpectationResult("yield >= 0.99", q.yield(), q.yield() >= 0.99),
                new ExpectationResult(
                    "latency.p99 < 500ms", q.latencyMs().p99(), q.latencyMs().p99() < 500)))
        .withInfo(
            new RunInfo(
                "Queue demo: a partition, a crash and a pause",
                "One client, one server.\n\nThe server queues requests; watch the queue drain.",
                "sim run scenarios/queue-demo.yaml --seed " + seed,
                "scenarios/queue-demo.yaml"))
        .withWallSeconds(0.5);
  }
}
