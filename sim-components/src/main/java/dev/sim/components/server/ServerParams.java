package dev.sim.components.server;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.components.flags.FlagParams;
import dev.sim.components.rpc.HedgeParams;
import dev.sim.kernel.random.Distribution;

/**
 * Parameters of the {@code server} node type. Each component's {@link Param} doc is the one
 * description of what it means: {@code sim explain server} prints them and the server table of
 * {@code docs/scenario-format.md} is generated from them. {@link ServerType} says what the server
 * does with them (the order of decisions on arrival, counters, gauges).
 */
public record ServerParams(
    @Param(
            doc =
                "Requests served at once, each holding its worker through service and downstream"
                    + " calls; unbounded = no queueing.",
            unit = Unit.COUNT,
            defaultValue = "unbounded")
        int workers,
    @Param(
            doc = "Waiting room for requests when every worker is busy; absent: unbounded fifo.",
            unit = Unit.NESTED)
        Queue queue,
    @Param(
            doc =
                "Service time of one request, drawn when a worker takes it and multiplied by the"
                    + " slow fault's factor at that moment; absent: instant.",
            unit = Unit.DISTRIBUTION)
        Distribution service,
    @Param(
            key = "size",
            doc =
                "Size of an OK answer on the wire, which a network bandwidth turns into delay;"
                    + " the default 4KB is a small JSON answer with its headers. Errors and"
                    + " overload rejections are bodiless (0B); calls pass the request's size on.",
            unit = Unit.SIZE,
            defaultValue = "4KB")
        long sizeBytes,
    @Param(
            doc =
                "Load shedding: reject at once with an overload error when the queue is longer"
                    + " than queueAbove; absent: off.",
            unit = Unit.NESTED)
        Shed shed,
    @Param(
            doc =
                "A downstream dependency called after local service (the worker waits for it);"
                    + " absent: none.",
            unit = Unit.NESTED)
        Calls calls,
    @Param(
            doc =
                "queued: a load balancer's health checks wait in the work queue like requests and"
                    + " are answered when a worker would take them, without using one; bypass:"
                    + " they are answered at once.",
            unit = Unit.CHOICE,
            defaultValue = "queued")
        HealthChecks healthChecks,
    @Param(
            doc = "Garbage-collection model: young and full pauses, out-of-memory; absent: off.",
            unit = Unit.NESTED)
        Gc gc,
    @Param(
            doc =
                "A feature-flag lookup before serving each request (the worker waits for it);"
                    + " absent: none.",
            unit = Unit.NESTED)
        FlagParams flag,
    @Param(
            doc =
                "The name of the version the servers run as configured, which a rollout starts"
                    + " from and rolls back to.",
            unit = Unit.TEXT,
            defaultValue = "v1")
        String version,
    @Param(
            doc =
                "Other versions a rollout fault may switch instances to, each with what it"
                    + " changes, like [{name: v2, errors: 0.3, latency: 2}]; absent: none.",
            unit = Unit.NESTED)
        java.util.List<Version> versions) {

  /** What a server does with a load balancer's health checks ({@code healthChecks}). */
  public enum HealthChecks {
    /** They wait in the work queue like requests. */
    QUEUED,
    /** They are answered at once. */
    BYPASS
  }

  /** Which waiting request a free worker takes ({@code queue.discipline}). */
  public enum Discipline {
    /** The oldest. */
    FIFO,
    /** The newest. */
    LIFO
  }

  /** Which instances of the dependency a request calls ({@code calls.fanout}). */
  public enum Fanout {
    /** One, at random. */
    ONE,
    /** Every one. */
    ALL
  }

  /** Whether a fan-out to all may answer with some calls failed ({@code calls.partial}). */
  public enum Partial {
    /** Answer with harvest = answered / asked. */
    ALLOW,
    /** Fail the request. */
    DENY
  }

  /** The waiting room: see the {@link Param} docs. */
  public record Queue(
      @Param(
              doc = "Requests that may wait; when full, new requests are rejected as overloaded.",
              unit = Unit.COUNT,
              defaultValue = "unbounded")
          int capacity,
      @Param(
              doc = "Which waiting request a free worker takes: fifo (oldest) or lifo (newest).",
              unit = Unit.CHOICE,
              defaultValue = "fifo")
          Discipline discipline) {}

  /** Load shedding: see the {@link Param} doc. */
  public record Shed(
      @Param(
              key = "queueAbove",
              doc =
                  "Reject arrivals with an overload error while more than"
                      + " this many requests wait.",
              unit = Unit.NUMBER,
              required = true,
              min = 0)
          int queueAbove) {}

  /** A downstream dependency: see the {@link Param} docs. */
  public record Calls(
      @Param(
              doc = "Node group or instance called after local service.",
              unit = Unit.NODE_REF,
              required = true,
              nodeTypes = {"load-balancer", "server", "database"})
          String target,
      @Param(
              key = "timeout",
              doc = "Longest wait for the dependency, hedged copy included; 0s waits for ever.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long timeoutNanos,
      @Param(
              doc = "Call one instance (at random) or all instances of the target.",
              unit = Unit.CHOICE,
              defaultValue = "one")
          Fanout fanout,
      @Param(
              doc =
                  "With fanout all, when some calls fail: allow answers once every call has"
                      + " ended, with harvest = sum of the answers' harvests / calls (an error if"
                      + " none answered); deny fails the request at the first failure, as fanout"
                      + " one always does.",
              unit = Unit.CHOICE,
              defaultValue = "deny")
          Partial partial,
      @Param(
              doc =
                  "Send a second copy if no answer came in time (to another instance with"
                      + " fanout one, the same instance with all); absent: off.",
              unit = Unit.NESTED)
          HedgeParams hedge) {}

  /** The garbage-collection model: see the {@link Param} docs, and {@link ServerType}. */
  public record Gc(
      @Param(
              key = "heap",
              doc = "Heap size; live data beyond it crashes the server (OOM).",
              unit = Unit.SIZE,
              required = true)
          long heapBytes,
      @Param(
              key = "allocPerRequest",
              doc =
                  "Memory each request allocates and keeps live while"
                      + " queued, in service or waiting on a call.",
              unit = Unit.SIZE,
              required = true)
          long allocPerRequestBytes,
      @Param(
              key = "youngPause",
              doc = "Stop-the-world pause of a young collection.",
              unit = Unit.DURATION,
              defaultValue = "5ms")
          long youngPauseNanos,
      @Param(
              key = "pausePerLiveGB",
              doc = "Stop-the-world pause of a full collection per GB of" + " live heap.",
              unit = Unit.DURATION,
              defaultValue = "1s")
          long pausePerLiveGBNanos,
      @Param(
              key = "baseLive",
              doc = "Live heap when idle (caches, code, ...).",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long baseLiveBytes,
      @Param(
              key = "youngGen",
              doc = "Bytes allocated between collections; 0B = heap / 4.",
              unit = Unit.SIZE,
              defaultValue = "0B")
          long youngGenBytes,
      @Param(
              doc = "Live-heap occupancy (fraction of heap) above which a collection is full.",
              unit = Unit.FACTOR,
              defaultValue = "0.7",
              min = 0,
              max = 1)
          double fullAt,
      @Param(
              key = "restartAfter",
              doc = "After an out-of-memory crash, restart this much later;" + " 0s = stay down.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long restartAfterNanos) {}

  /** A version a rollout may switch a server to: see the {@link Param} docs. */
  public record Version(
      @Param(
              doc = "The version's name, which a rollout fault's version names, like v2.",
              unit = Unit.TEXT,
              required = true)
          String name,
      @Param(
              doc =
                  "Share of requests answered with an error (after their service time) while an"
                      + " instance runs this version, 0 to 1.",
              unit = Unit.PROBABILITY,
              defaultValue = "0")
          double errors,
      @Param(
              doc =
                  "Service-time multiplier of this version (2 is twice as slow), on top of the"
                      + " slow fault's factor.",
              unit = Unit.FACTOR,
              defaultValue = "1",
              min = 0.001)
          double latency) {}
}
