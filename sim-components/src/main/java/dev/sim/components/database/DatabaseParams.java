package dev.sim.components.database;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.components.disk.DiskParams;
import dev.sim.components.disk.PartitionParams;
import dev.sim.kernel.random.Distribution;

/**
 * Parameters of the {@code database} node type. Each component's {@link Param} doc is what {@code
 * sim explain database} prints; {@link DatabaseType} gives the query-time formula.
 */
public record DatabaseParams(
    @Param(
            doc =
                "Connections, so queries in progress at once (max_connections); a query beyond"
                    + " them waits (see wait) or is refused with 'too many connections'.",
            unit = Unit.COUNT,
            defaultValue = "100",
            max = 1_000_000)
        int connections,
    @Param(
            doc =
                "Time of one query with no other query running, drawn when it gets its"
                    + " connection and multiplied by the slow fault's factor.",
            unit = Unit.DISTRIBUTION,
            required = true)
        Distribution query,
    @Param(
            doc =
                "Contention (sigma of the Universal Scalability Law): each other query in"
                    + " progress adds this share of a query's time (locks, serialised work);"
                    + " 0 = none.",
            unit = Unit.FACTOR,
            defaultValue = "0",
            max = 1)
        double contention,
    @Param(
            doc =
                "Coherency cost (kappa of the Universal Scalability Law): each pair of queries in"
                    + " progress adds this share (latches, cache lines, lock waits that grow with"
                    + " the square); above 0, throughput falls past a peak concurrency.",
            unit = Unit.FACTOR,
            defaultValue = "0",
            max = 1)
        double coherency,
    @Param(
            key = "wait",
            doc =
                "Waiting for a connection when all are in use; absent: a query that finds every"
                    + " connection in use is refused at once.",
            unit = Unit.NESTED)
        Wait waiting,
    @Param(
            doc =
                "Share of queries that are writes (the rest are reads): a write adds to the data"
                    + " file on the disk and fails when it is full; drawn per query.",
            unit = Unit.PROBABILITY,
            defaultValue = "0")
        double writes,
    @Param(
            doc =
                "The database's disk: capacity, write rate, the data and log files and what a full"
                    + " disk does (docs/disk.md); absent: no disk is modelled.",
            unit = Unit.NESTED)
        DiskParams disk,
    @Param(
            doc =
                "A separate partition for the log file, so a growing log cannot fill the data's"
                    + " disk; absent: the log shares the disk.",
            unit = Unit.NESTED)
        PartitionParams logDisk) {

  /** A database with no disk, every query a read. */
  public DatabaseParams(
      int connections, Distribution query, double contention, double coherency, Wait waiting) {
    this(connections, query, contention, coherency, waiting, 0, null, null);
  }

  /** The connection wait queue: see the {@link Param} docs. */
  public record Wait(
      @Param(
              doc =
                  "Queries that may wait for a connection; beyond it a query is refused with"
                      + " 'too many connections' (an overload error).",
              unit = Unit.COUNT,
              defaultValue = "unbounded")
          int capacity,
      @Param(
              key = "timeout",
              doc =
                  "Longest wait for a connection; then the query fails with an error; 0s waits"
                      + " for ever.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long timeoutNanos) {}
}
