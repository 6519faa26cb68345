package dev.sim.components.database;

import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;

/**
 * The {@code database} node: connections, a wait queue with a timeout, and a query time that grows
 * with the queries in progress ({@link DatabaseType} gives the formula). Query times draw from
 * stream {@code query}.
 */
final class DatabaseNode implements Node {
  /** How often the query-time gauge is refreshed. */
  static final long SAMPLE_NANOS = 1_000_000_000L;

  private final DatabaseParams params;
  private final NodeControls controls;
  private final int connections;
  private final int waitCapacity;
  private final long waitTimeoutNanos;

  private NodeContext ctx;
  private NodeMetrics metrics;
  private Rng queryRng;
  private int active;
  private final ArrayDeque<Query> waiting = new ArrayDeque<>();
  private int waitingCount;
  private double queryMsSum;
  private long queryCount;

  private int activeShown = -1;
  private int waitingShown = -1;

  /** One query, from arrival to its answer. */
  static final class Query {
    final int from;
    final Request request;
    long startLocalNanos;
    long timer = -1;
    boolean waitingDone;

    Query(int from, Request request) {
      this.from = from;
      this.request = request;
    }

    @Override
    public String toString() {
      return "query " + request.id() + " from node " + from;
    }
  }

  /** Timer: a query's time is over. */
  record QueryDone(Query query) {}

  /** Timer: a query waited too long for a connection. */
  record WaitExpired(Query query) {}

  /** Timer: refresh the query-time gauge. */
  record Sample() {}

  DatabaseNode(DatabaseParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
    this.connections = params.connections() <= 0 ? Param.UNBOUNDED : params.connections();
    DatabaseParams.Wait w = params.waiting();
    this.waitCapacity = w == null ? 0 : (w.capacity() <= 0 ? Param.UNBOUNDED : w.capacity());
    this.waitTimeoutNanos = w == null ? 0 : w.timeoutNanos();
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.queryRng = c.random("query");
    c.on(Request.class, this::onQuery);
    c.onTimer(QueryDone.class, t -> onQueryDone(t.query()));
    c.onTimer(WaitExpired.class, t -> onWaitExpired(t.query()));
    c.onTimer(Sample.class, t -> sample());
    showGauges();
    metrics.gauge("dbQueryMs", 0);
    c.setTimer(SAMPLE_NANOS, new Sample());
  }

  /** The Universal Scalability Law's factor for {@code n} queries in progress. */
  static double slowdown(double contention, double coherency, int n) {
    return 1 + contention * (n - 1) + coherency * n * (double) (n - 1);
  }

  private void onQuery(Request r, int from) {
    if (r.healthCheck()) {
      ctx.send(from, Response.to(r, Status.OK));
      return;
    }
    Query q = new Query(from, r);
    if (active < connections) {
      begin(q);
    } else if (waitingCount < waitCapacity) {
      waiting.addLast(q);
      waitingCount++;
      if (waitTimeoutNanos > 0) {
        q.timer = ctx.setTimer(waitTimeoutNanos, new WaitExpired(q));
      }
    } else {
      metrics.count("tooManyConnections", 1);
      ctx.send(from, Response.to(r, Status.OVERLOADED));
    }
    showGauges();
  }

  private void begin(Query q) {
    active++;
    q.startLocalNanos = ctx.localTime();
    double factor = slowdown(params.contention(), params.coherency(), active);
    double t = params.query().sample(queryRng) * factor * controls.slowFactor();
    ctx.setTimer(t <= 0 ? 0 : (long) (t + 0.5), new QueryDone(q));
  }

  private void onQueryDone(Query q) {
    active--;
    metrics.count("queries", 1);
    queryMsSum += (ctx.localTime() - q.startLocalNanos) / 1e6;
    queryCount++;
    ctx.send(q.from, Response.to(q.request, Status.OK));
    while (active < connections && waitingCount > 0) {
      Query next = waiting.pollFirst();
      if (next.waitingDone) {
        continue;
      }
      next.waitingDone = true;
      waitingCount--;
      if (next.timer >= 0) {
        ctx.cancelTimer(next.timer);
      }
      begin(next);
    }
    showGauges();
  }

  private void onWaitExpired(Query q) {
    if (q.waitingDone) {
      return;
    }
    q.waitingDone = true;
    waitingCount--;
    metrics.count("connectionTimeouts", 1);
    ctx.send(q.from, Response.to(q.request, Status.ERROR));
    showGauges();
  }

  private void sample() {
    ctx.setTimer(SAMPLE_NANOS, new Sample());
    if (queryCount > 0) {
      metrics.gauge("dbQueryMs", queryMsSum / queryCount);
      queryMsSum = 0;
      queryCount = 0;
    }
  }

  private void showGauges() {
    if (active != activeShown) {
      activeShown = active;
      metrics.gauge("dbActive", activeShown);
    }
    if (waitingCount != waitingShown) {
      waitingShown = waitingCount;
      metrics.gauge("dbWaiting", waitingShown);
    }
  }
}
