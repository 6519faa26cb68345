package dev.sim.components.database;

import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.components.disk.Disk;
import dev.sim.components.disk.DiskMetrics;
import dev.sim.components.disk.DiskParams;
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
 * with the queries in progress ({@link DatabaseType} gives the formula), and perhaps a disk that
 * its writes and its log fill. Query times draw from stream {@code query}, which queries are writes
 * from stream {@code writes}.
 */
final class DatabaseNode implements Node {
  /** How often the query-time gauge is refreshed. */
  static final long SAMPLE_NANOS = 1_000_000_000L;

  private final DatabaseParams params;
  private final NodeControls controls;
  private final int connections;
  private final int waitCapacity;
  private final long waitTimeoutNanos;
  private final Disk disk;
  private final boolean countKinds;
  private final long perWrite;
  private final long perRequestLog;

  private NodeContext ctx;
  private NodeMetrics metrics;
  private Rng queryRng;
  private Rng writesRng;
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
    boolean write;

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

  /** Timer: the disk has written a write's bytes (behind the writes before it). */
  record WriteDone(Query query) {}

  /** Timer: refresh the query-time gauge. */
  record Sample() {}

  DatabaseNode(DatabaseParams params, NodeControls controls, Disk disk) {
    this.params = params;
    this.controls = controls;
    this.disk = disk;
    this.countKinds = disk != null || params.writes() > 0;
    this.perWrite = params.disk() == null ? 0 : Disk.dataOf(params.disk()).perWriteBytes();
    this.perRequestLog =
        params.disk() == null || params.disk().log() == null
            ? 0
            : params.disk().log().perRequestBytes();
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
    this.writesRng = c.random("writes");
    c.on(Request.class, this::onQuery);
    c.onTimer(QueryDone.class, t -> onQueryDone(t.query()));
    c.onTimer(WaitExpired.class, t -> onWaitExpired(t.query()));
    c.onTimer(Sample.class, t -> sample());
    c.onTimer(WriteDone.class, t -> finish(t.query()));
    showGauges();
    metrics.gauge("dbQueryMs", 0);
    if (disk != null) {
      disk.advance(c.localTime());
      DiskMetrics.show(disk, metrics);
    }
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
    // Drawn only when some queries are writes, so a database without them draws nothing here.
    q.write = params.writes() > 0 && writesRng.chance(params.writes());
    if (disk != null && perRequestLog > 0 && !disk.logLine(perRequestLog, ctx.localTime())) {
      metrics.count("logLinesDropped", 1);
    }
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
    if (q.write && disk != null) {
      long now = ctx.localTime();
      long done = disk.write(perWrite, now);
      if (done == Disk.FULL) {
        refuse(q);
        return;
      }
      if (done > now) {
        // The disk writes at its rate: the write holds its connection until its bytes are down.
        ctx.setTimer(done - now, new WriteDone(q));
        return;
      }
    }
    finish(q);
  }

  /** A write that did not fit on the disk: an error, or a crash, as the disk's onFull says. */
  private void refuse(Query q) {
    active--;
    metrics.count("writesRefused", 1);
    if (params.disk().onFull() == DiskParams.OnFull.CRASH) {
      metrics.count("diskFullCrashes", 1);
      long restart = params.disk().restartAfterNanos();
      ctx.crash("disk full", restart > 0 ? restart : -1);
      return;
    }
    ctx.send(q.from, Response.to(q.request, Status.ERROR));
    startWaiting();
    showGauges();
  }

  private void finish(Query q) {
    active--;
    metrics.count("queries", 1);
    if (countKinds) {
      if (q.write) {
        metrics.count("writes", 1);
      } else {
        metrics.count("reads", 1);
      }
    }
    queryMsSum += (ctx.localTime() - q.startLocalNanos) / 1e6;
    queryCount++;
    ctx.send(q.from, Response.to(q.request, Status.OK));
    startWaiting();
    showGauges();
  }

  /** Gives free connections to the queries waiting longest. */
  private void startWaiting() {
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
    if (disk != null) {
      disk.advance(ctx.localTime());
      DiskMetrics.show(disk, metrics);
    }
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
