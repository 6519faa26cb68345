package dev.sim.components;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.random.Distribution;

/**
 * Parameters of the {@code server} node type (YAML keys in brackets).
 *
 * @param workers [workers] requests served at once; {@link Param#UNBOUNDED} means no queueing
 * @param queue [queue] where requests wait for a worker; absent = unbounded FIFO
 * @param service [service] service time of one request (multiplied by the {@code slow} fault's
 *     factor); absent = instant
 * @param shed [shed] early rejection when the queue is long; absent = off
 * @param calls [calls] a downstream dependency called after local service; absent = none
 * @param healthChecks [healthChecks] {@code queued} (health checks wait in the work queue) or
 *     {@code bypass} (answered at once)
 * @param gc [gc] the garbage-collection model; absent = off
 */
public record ServerParams(
    @Param(
            doc = "Requests served at once; unbounded = no queueing.",
            unit = Unit.COUNT,
            defaultValue = "unbounded")
        int workers,
    @Param(
            doc = "Waiting room for requests when every worker is busy; absent: unbounded fifo.",
            unit = Unit.NESTED)
        Queue queue,
    @Param(
            doc = "Service time of one request (times the slow fault's factor); absent: instant.",
            unit = Unit.DISTRIBUTION)
        Distribution service,
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
                "queued: a load balancer's health checks wait in the work queue like requests;"
                    + " bypass: they are answered at once.",
            unit = Unit.CHOICE,
            choices = {"queued", "bypass"},
            defaultValue = "queued")
        String healthChecks,
    @Param(
            doc = "Garbage-collection model: young and full pauses, out-of-memory; absent: off.",
            unit = Unit.NESTED)
        Gc gc) {

  /**
   * The waiting room.
   *
   * @param capacity [capacity] requests that may wait; when full, new ones get OVERLOADED
   * @param discipline [discipline] {@code fifo} or {@code lifo} (newest served first)
   */
  public record Queue(
      @Param(
              doc = "Requests that may wait; when full, new requests are rejected as overloaded.",
              unit = Unit.COUNT,
              defaultValue = "unbounded")
          int capacity,
      @Param(
              doc = "Which waiting request a free worker takes: fifo (oldest) or lifo (newest).",
              unit = Unit.CHOICE,
              choices = {"fifo", "lifo"},
              defaultValue = "fifo")
          String discipline) {}

  /**
   * Load shedding.
   *
   * @param queueAbove [queueAbove] reject arrivals while more than this many requests wait
   */
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

  /**
   * A downstream dependency.
   *
   * @param target [target] the group (or instance) called
   * @param timeoutNanos [timeout] bounds the wait for the dependency; 0 = wait for ever
   * @param fanout [fanout] {@code one} instance (chosen at random) or {@code all} instances
   * @param partial [partial] with {@code all}: {@code allow} answers with harvest = answered/asked
   *     when some fail, {@code deny} fails the request when any fails
   * @param hedge [hedge] a second copy when no answer came in time: to another instance with {@code
   *     one}, to the same instance with {@code all}
   */
  public record Calls(
      @Param(
              doc = "Node group or instance called after local service.",
              unit = Unit.NODE_REF,
              required = true,
              nodeTypes = {"load-balancer", "server"})
          String target,
      @Param(
              key = "timeout",
              doc = "Longest wait for the dependency; 0s waits for ever.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long timeoutNanos,
      @Param(
              doc = "Call one instance (at random) or all instances of the target.",
              unit = Unit.CHOICE,
              choices = {"one", "all"},
              defaultValue = "one")
          String fanout,
      @Param(
              doc =
                  "With fanout all: allow answers with harvest < 1 when some calls fail, or"
                      + " deny them (the request fails).",
              unit = Unit.CHOICE,
              choices = {"allow", "deny"},
              defaultValue = "deny")
          String partial,
      @Param(
              doc =
                  "Send a second copy if no answer came in time (to another instance with"
                      + " fanout one, the same instance with all); absent: off.",
              unit = Unit.NESTED)
          HedgeParams hedge) {}

  /**
   * The garbage-collection model (see {@link ServerType}).
   *
   * @param heapBytes [heap] the heap size; live data above it is an out-of-memory crash
   * @param allocPerRequestBytes [allocPerRequest] memory a request allocates and holds until it is
   *     answered
   * @param youngPauseNanos [youngPause] pause of a young collection
   * @param pausePerLiveGBNanos [pausePerLiveGB] pause of a full collection per GiB of live data
   * @param baseLiveBytes [baseLive] live data when idle (caches, code, ...)
   * @param youngGenBytes [youngGen] bytes allocated between young collections; 0 = heap / 4
   * @param fullAt [fullAt] live-heap occupancy above which a collection is a full one
   * @param restartAfterNanos [restartAfter] after an out-of-memory crash, restart this much later;
   *     0 = stay down
   */
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
      @Param(key = "baseLive", doc = "Live heap when idle.", unit = Unit.SIZE, defaultValue = "0B")
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
}
