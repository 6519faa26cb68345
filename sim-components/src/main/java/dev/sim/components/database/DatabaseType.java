package dev.sim.components.database;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.disk.Disk;
import dev.sim.components.disk.DiskMetrics;
import dev.sim.components.disk.DiskParams;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code database} node type: answers queries ({@code rpc.Request}) on a limited number of
 * connections, each query slower the more run at once. What each parameter means is its {@code
 * Param} doc on {@link DatabaseParams} (also printed by {@code sim explain database}).
 *
 * <p><b>Query time.</b> A query that gets a connection while n queries are in progress (itself
 * included) takes its drawn {@code query} time multiplied by the Universal Scalability Law's factor
 * (N. J. Gunther): {@code 1 + contention·(n − 1) + coherency·n·(n − 1)}, fixed when the query
 * starts. The throughput of n queries at once is then n / (query · factor): with coherency 0 it
 * climbs to a ceiling of 1 / (query · contention); with coherency above 0 it peaks at n* = √((1 −
 * contention) / coherency) and falls beyond, so more concurrency gets less done.
 *
 * <p><b>Beyond the limit.</b> A query that finds every connection in use waits for one (with {@code
 * wait}) in arrival order, up to {@code wait.capacity} waiting; it fails with an error after {@code
 * wait.timeout} (counter {@code connectionTimeouts}), and a query that cannot even wait is refused
 * at once with an overload error, MySQL's "too many connections" (counter {@code
 * tooManyConnections}). A query whose caller has given up still runs: there is no cancellation.
 *
 * <p><b>Disk.</b> With {@code disk:} (docs/disk.md) a share {@code writes} of queries are writes:
 * each adds {@code disk.data.perWrite} to the data file when its query time is over, waits for the
 * disk's write rate, and fails when it does not fit (counter {@code writesRefused}): answered with
 * an error ({@code onFull: errors}, reads go on) or crashing the node ({@code onFull: crash}).
 * Every query handled writes {@code disk.log.perRequest} of log, on {@code logDisk} when there is
 * one.
 *
 * <p>Gauges: {@code dbActive} (connections in use), {@code dbWaiting} (queries waiting for one) and
 * {@code dbQueryMs} (the mean time of the queries finished in the last second); counter {@code
 * queries} (queries answered OK).
 */
public final class DatabaseType implements NodeType<DatabaseParams> {
  @Override
  public String name() {
    return "database";
  }

  @Override
  public String summary() {
    return "Answers queries on a limited number of connections, slower the more run at once"
        + " (Universal Scalability Law), with a connection wait queue and timeout.";
  }

  @Override
  public Class<DatabaseParams> parameters() {
    return DatabaseParams.class;
  }

  /** What a database records; its class comment says when each moves. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.gauge("dbActive", "Database connections in use", "connections")
              .yLabel("connections in use")
              .describe("Queries in progress, each holding a connection")
              .order(150),
          MetricSpec.gauge("dbWaiting", "Waiting for a database connection", "queries")
              .yLabel("queries waiting")
              .describe("Queries waiting at the database for a free connection")
              .order(151),
          MetricSpec.gauge("dbQueryMs", "Query time", "ms")
              .yLabel("query time (ms)")
              .describe("Mean time of the queries finished in the last second")
              .averaged()
              .order(152),
          MetricSpec.counter("queries", "Queries answered", "queries")
              .chart("database-queries", "Database queries")
              .describe("Queries answered, timed out waiting and refused, per second")
              .legend("answered")
              .order(153),
          MetricSpec.counter("connectionTimeouts", "Connection wait timeouts", "queries")
              .chart("database-queries", "Database queries")
              .describe("Queries answered, timed out waiting and refused, per second")
              .legend("timed out waiting")
              .order(154),
          MetricSpec.counter("tooManyConnections", "Too many connections", "queries")
              .chart("database-queries", "Database queries")
              .describe("Queries answered, timed out waiting and refused, per second")
              .legend("too many connections")
              .order(155));

  /** Reads and writes, with a disk or a write share. */
  static final List<MetricSpec> WRITES =
      List.of(
          MetricSpec.counter("writes", "Writes", "queries")
              .chart("database-writes", "Database reads and writes")
              .describe(
                  "Reads answered, writes written and writes refused for a full disk, per second")
              .legend("writes written")
              .order(156),
          MetricSpec.counter("writesRefused", "Writes refused (disk full)", "queries")
              .chart("database-writes", "Database reads and writes")
              .describe(
                  "Reads answered, writes written and writes refused for a full disk, per second")
              .legend("writes refused (disk full)")
              .order(156),
          MetricSpec.counter("reads", "Reads", "queries")
              .chart("database-writes", "Database reads and writes")
              .describe(
                  "Reads answered, writes written and writes refused for a full disk, per second")
              .legend("reads answered")
              .order(156));

  static final List<MetricSpec> ALL = all();

  private static List<MetricSpec> all() {
    List<MetricSpec> out = new ArrayList<>(METRICS);
    out.addAll(WRITES);
    out.addAll(DiskMetrics.specs(157));
    return List.copyOf(out);
  }

  @Override
  public List<MetricSpec> metrics() {
    return ALL;
  }

  @Override
  public List<String> features(DatabaseParams p) {
    return p.disk() == null ? List.of() : List.of("disk");
  }

  @Override
  public List<Problem> check(DatabaseParams p) {
    List<Problem> problems = new ArrayList<>();
    if (p.waiting() != null && p.waiting().timeoutNanos() < 0) {
      problems.add(new Problem("wait.timeout", "must not be negative"));
    }
    if (p.logDisk() != null && p.disk() == null) {
      problems.add(
          new Problem(
              "logDisk",
              "a log partition needs a disk: section with the log file on it"
                  + " (disk: {capacity: 20GB, log: {perRequest: 2KB}})"));
    }
    if (p.disk() != null) {
      DiskParams d = p.disk();
      if (p.logDisk() != null && d.log() == null) {
        problems.add(
            new Problem(
                "logDisk",
                "the disk has no log file to put on it; add disk.log, or remove logDisk"));
      }
      String[] start = Disk.startProblem(d, p.logDisk());
      if (start != null) {
        problems.add(new Problem(start[0], start[1]));
      }
      if (d.log() != null
          && d.log().rotate() != null
          && d.log().rotate().everyNanos() <= 0
          && d.log().rotate().aboveBytes() <= 0) {
        problems.add(
            new Problem(
                "disk.log.rotate",
                "say when to rotate: every (like every: 1h), above (like above: 1GB), or both"));
      }
      if (d.onFull() == DiskParams.OnFull.ERRORS && d.restartAfterNanos() > 0) {
        problems.add(
            new Problem(
                "disk.restartAfter",
                "restartAfter applies to onFull: crash only (errors never crash)"));
      }
    }
    return problems;
  }

  @Override
  public Node create(DatabaseParams params, BuildContext ctx) {
    // The disk is the machine's: made once, before the run's first event, and kept by the
    // instance's controls through its crashes and restarts (and reached by the fill fault there).
    Disk disk =
        params.disk() == null ? null : Disk.of(ctx.controls(), params.disk(), params.logDisk());
    return new DatabaseNode(params, ctx.controls(), disk);
  }
}
