package dev.sim.components.server;

import dev.sim.api.NodeControls;
import dev.sim.api.Param;
import dev.sim.components.flags.FlagClient;
import dev.sim.components.flags.FlagParams;
import dev.sim.components.rpc.HedgedCall;
import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Rpc;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.ArrayDeque;

/**
 * The {@code server} node: workers, a FIFO or LIFO queue, shedding, a downstream dependency and a
 * GC model. Service completes on a timer, so a GC pause (or a {@code pause} fault) delays it. A
 * request whose caller has given up is still served: there is no cancellation.
 *
 * <p>Each purpose draws from its own stream ({@code service}, {@code routing} of calls, {@code
 * hedging} of calls), so that turning on call hedging, say, leaves the service times as they were.
 */
final class ServerNode implements Node {
  private final ServerParams params;
  private final NodeControls controls;
  private final int workers;
  private final int capacity;
  private final boolean lifo;
  private final int shedAbove;
  private final boolean bypassHealthChecks;
  private final ServerParams.Calls calls;
  private final boolean fanoutAll;
  private final boolean partialAllow;

  private NodeContext ctx;
  private NodeMetrics metrics;
  private Rng serviceRng;
  private Rng routingRng;
  private Rng hedgingRng;
  private Rpc<Sub> rpc;
  private int[] callTargets;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private int busy;
  private long sequence;

  // The heap, with a GC model; null without one.
  private GcModel gc;
  private boolean dying;

  private int queueShown = -1;
  private int busyShown = -1;

  // The flag lookup; both null without one.
  private final FlagParams flag;
  private FlagClient<Job> flags;

  // Versions a rollout may switch to; empty without them, and then nothing below is drawn or shown.
  private final java.util.Map<String, ServerParams.Version> versions =
      new java.util.LinkedHashMap<>();
  private Rng versionRng;
  private int onNewShown = -1;

  /** One request this server accepted, from arrival to its answer. */
  static final class Job {
    final long seq;
    final int from;
    final Request request;
    int subsPending;
    int answered;
    int failed;
    double harvestSum;
    Sub[] subs;
    boolean done;
    // The version the job was served by (null: as configured), from its service start on.
    ServerParams.Version version;

    Job(long seq, int from, Request request) {
      this.seq = seq;
      this.from = from;
      this.request = request;
    }

    @Override
    public String toString() {
      return "job " + seq + " (request " + request.id() + " from node " + from + ")";
    }
  }

  /** One downstream call of a job (to one instance), with at most one hedged copy. */
  static final class Sub {
    final Job job;
    final int target;
    final HedgedCall call = new HedgedCall();
    long deadlineLocalNanos = Long.MAX_VALUE;
    boolean done;

    Sub(Job job, int target) {
      this.job = job;
      this.target = target;
    }

    @Override
    public String toString() {
      return "call of " + job + " to node " + target;
    }
  }

  /** Timer: a job's local service time is over. */
  record ServiceDone(Job job) {}

  /** Timer: a downstream call has waited {@code hedge.after}. */
  record CallHedgeDue(Sub call) {}

  /** Timer: a fault switched this server's version ({@link NodeControls#version}). */
  record VersionChanged() {}

  ServerNode(ServerParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
    this.workers = params.workers() <= 0 ? Param.UNBOUNDED : params.workers();
    ServerParams.Queue q = params.queue();
    this.capacity = q == null || q.capacity() <= 0 ? Param.UNBOUNDED : q.capacity();
    this.lifo = q != null && q.discipline() == ServerParams.Discipline.LIFO;
    this.shedAbove = params.shed() == null ? -1 : params.shed().queueAbove();
    this.bypassHealthChecks = params.healthChecks() == ServerParams.HealthChecks.BYPASS;
    this.calls = params.calls();
    this.fanoutAll = calls != null && calls.fanout() == ServerParams.Fanout.ALL;
    this.partialAllow = calls != null && calls.partial() == ServerParams.Partial.ALLOW;
    this.flag = params.flag();
    if (params.versions() != null) {
      for (ServerParams.Version v : params.versions()) {
        versions.put(v.name(), v);
      }
    }
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.serviceRng = c.random("service");
    this.routingRng = c.random("routing");
    this.hedgingRng = c.random("hedging");
    if (params.gc() != null) {
      this.gc = new GcModel(params.gc(), c);
    }
    c.on(Request.class, this::onRequest);
    // While paused the server runs no code, yet requests pile up in its inbox: the kernel counts
    // them into the queue gauge, so the chart shows the pile-up as it grows, not all at once at the
    // resume. Health checks are Requests too and count (a few per second beside the work); timers,
    // flag answers and downstream answers do not.
    c.countHeld(Request.class, "queue");
    c.onTimer(ServiceDone.class, t -> onServiceDone(t.job()));
    if (calls != null) {
      callTargets = c.members(calls.target());
      if (callTargets.length == 0) {
        throw new IllegalStateException("calls.target '" + calls.target() + "' names no node");
      }
      rpc =
          new Rpc<>(
              c,
              1,
              new Rpc.Listener<>() {
                @Override
                public void answered(Sub s, Response r, int from) {
                  onCallAnswer(s, r);
                }

                @Override
                public void timedOut(Sub s) {
                  onCopyFailed(s);
                }
              });
      c.onTimer(CallHedgeDue.class, t -> onCallHedgeDue(t.call()));
    }
    // Responses reach a server only from its dependency; without one they are stray and ignored.
    c.on(
        Response.class,
        (r, from) -> {
          if (rpc != null) {
            rpc.handle(r, from);
          }
        });
    if (flag != null) {
      flags =
          new FlagClient<>(
              c,
              flag,
              new FlagClient.Listener<>() {
                @Override
                public void proceed(Job j) {
                  serve(j);
                  showGauges();
                }

                @Override
                public void failed(Job j) {
                  complete(j, Status.ERROR, 0);
                }
              });
    }
    if (!versions.isEmpty()) {
      // Only a server with versions draws or listens: one without runs event for event as before.
      this.versionRng = c.random("version");
      c.onTimer(VersionChanged.class, t -> showGauges());
      controls.listen(() -> c.setTimer(0, new VersionChanged()));
    }
    showGauges();
  }

  /** The version this server runs now, or null for the one it was configured with. */
  private ServerParams.Version version() {
    return versions.isEmpty() ? null : versions.get(controls.version());
  }

  /** Tells the caller {@code status} and counts the answer, by version when there are versions. */
  private void answer(int to, Response r, ServerParams.Version v) {
    boolean error = r.status() != Status.OK;
    controls.countAnswer(error);
    if (!versions.isEmpty()) {
      if (v == null && error) {
        metrics.count("versionOldErrors", 1);
      } else if (v == null) {
        metrics.count("versionOldOk", 1);
      } else if (error) {
        metrics.count("versionNewErrors", 1);
      } else {
        metrics.count("versionNewOk", 1);
      }
    }
    ctx.send(to, r);
  }

  // ------------------------------------------------------------------ arrival, queue, service

  private void onRequest(Request r, int from) {
    if (r.healthCheck() && bypassHealthChecks) {
      ctx.send(from, Response.to(r, Status.OK));
      return;
    }
    if (shedAbove >= 0 && queue.size() > shedAbove) {
      metrics.count("shed", 1);
      answer(from, Response.to(r, Status.OVERLOADED), version());
      return;
    }
    boolean free = busy < workers;
    if (!free && queue.size() >= capacity) {
      metrics.count("rejected", 1);
      answer(from, Response.to(r, Status.OVERLOADED), version());
      return;
    }
    Job j = new Job(++sequence, from, r);
    if (!r.healthCheck() && !hold()) {
      return;
    }
    if (free) {
      begin(j);
    } else {
      queue.addLast(j);
    }
    showGauges();
  }

  /** Starts a job: a health check is answered at once, work takes a worker for its service time. */
  private void begin(Job j) {
    if (j.request.healthCheck()) {
      ctx.send(j.from, Response.to(j.request, Status.OK));
      return;
    }
    busy++;
    if (flags != null && flags.needed()) {
      // The worker waits for the flag service's answer before the service time starts.
      flags.ask(j);
      return;
    }
    serve(j);
  }

  /** Takes a started job's service time. */
  private void serve(Job j) {
    j.version = version();
    long serviceNanos = 0;
    if (params.service() != null) {
      double s = params.service().sample(serviceRng) * controls.slowFactor();
      if (j.version != null) {
        s *= j.version.latency();
      }
      serviceNanos = s <= 0 ? 0 : (long) (s + 0.5);
    }
    ctx.setTimer(serviceNanos, new ServiceDone(j));
  }

  private void onServiceDone(Job j) {
    if (j.done) {
      return;
    }
    ServerParams.Version v = j.version;
    if (v != null && v.errors() > 0 && versionRng.nextDouble() < v.errors()) {
      // A bad version fails after doing the work, before any downstream call.
      complete(j, Status.ERROR, 0);
      return;
    }
    if (calls == null) {
      complete(j, Status.OK, 1.0);
    } else {
      startCalls(j);
    }
  }

  /** Answers a job, frees its worker and memory, and starts waiting work. */
  private void complete(Job j, Status status, double harvest) {
    j.done = true;
    answer(
        j.from,
        status == Status.OK
            ? new Response(j.request.id(), j.request.attempt(), status, harvest, params.sizeBytes())
            : Response.to(j.request, status),
        j.version != null ? j.version : version());
    busy--;
    release();
    while (busy < workers && !queue.isEmpty()) {
      begin(lifo ? queue.pollLast() : queue.pollFirst());
    }
    showGauges();
  }

  // ------------------------------------------------------------------ downstream calls

  private void startCalls(Job j) {
    int n = fanoutAll ? callTargets.length : 1;
    j.subs = new Sub[n];
    j.subsPending = n;
    for (int i = 0; i < n; i++) {
      int target = fanoutAll ? callTargets[i] : callTargets[routingRng.nextInt(callTargets.length)];
      j.subs[i] = new Sub(j, target);
    }
    long timeout = calls.timeoutNanos();
    for (Sub s : j.subs) {
      if (timeout > 0) {
        s.deadlineLocalNanos = ctx.localTime() + timeout;
      }
      s.call.begin(callFor(s.target, j.request, timeout, s));
      if (calls.hedge() != null) {
        s.call.hedgeTimerSet(ctx.setTimer(calls.hedge().afterNanos(), new CallHedgeDue(s)));
      }
    }
  }

  private void onCallHedgeDue(Sub s) {
    s.call.hedgeTimerFired();
    if (s.done || s.job.done) {
      return;
    }
    long remaining = 0;
    if (s.deadlineLocalNanos != Long.MAX_VALUE) {
      remaining = s.deadlineLocalNanos - ctx.localTime();
      if (remaining <= 0) {
        return;
      }
    }
    int target = s.target;
    if (!fanoutAll && callTargets.length > 1) {
      int t = callTargets[hedgingRng.nextInt(callTargets.length - 1)];
      target = t == s.target ? callTargets[callTargets.length - 1] : t;
    }
    metrics.count("callHedges", 1);
    s.call.hedged(callFor(target, s.job.request, remaining, s));
  }

  /** Calls the dependency on behalf of request {@code r}, passing on its size. */
  private long callFor(int target, Request r, long timeoutNanos, Sub s) {
    return rpc.call(target, r.attempt(), r.origin(), false, r.sizeBytes(), timeoutNanos, s);
  }

  private void onCallAnswer(Sub s, Response r) {
    if (s.done || s.job.done) {
      return;
    }
    if (r.status() != Status.OK) {
      onCopyFailed(s);
      return;
    }
    s.call.answered();
    endSub(s);
    Job j = s.job;
    j.answered++;
    j.harvestSum += r.harvest();
    j.subsPending--;
    if (j.subsPending == 0) {
      finishCalls(j);
    }
  }

  private void onCopyFailed(Sub s) {
    if (s.done || s.job.done) {
      return;
    }
    if (s.call.copyFailedOthersPending()) {
      // The other copy may still answer.
      return;
    }
    endSub(s);
    metrics.count("callFailures", 1);
    Job j = s.job;
    j.failed++;
    j.subsPending--;
    if (!partialAllow || !fanoutAll) {
      // Fail fast: the request cannot succeed any more; forget the other calls.
      for (Sub other : j.subs) {
        if (!other.done) {
          endSub(other);
        }
      }
      complete(j, Status.ERROR, 0);
      return;
    }
    if (j.subsPending == 0) {
      finishCalls(j);
    }
  }

  /** Marks a call ended and forgets whatever is still pending for it. */
  private void endSub(Sub s) {
    s.done = true;
    s.call.end(rpc, ctx);
  }

  private void finishCalls(Job j) {
    if (j.answered == 0) {
      complete(j, Status.ERROR, 0);
    } else {
      complete(j, Status.OK, j.harvestSum / j.subs.length);
    }
  }

  // ------------------------------------------------------------------ memory

  /**
   * Takes an accepted request's memory (with a GC model): it stays live until the request is
   * answered. Returns false if the heap overflowed and the server is crashing.
   */
  private boolean hold() {
    if (dying) {
      return false;
    }
    if (gc != null && !gc.hold()) {
      outOfMemory();
      return false;
    }
    return true;
  }

  private void release() {
    if (gc != null) {
      gc.release();
    }
  }

  private void outOfMemory() {
    dying = true;
    metrics.count("oom", 1);
    queue.clear();
    busy = 0;
    gc.releaseAll();
    showGauges();
    long restart = params.gc().restartAfterNanos() > 0 ? params.gc().restartAfterNanos() : -1;
    ctx.crash("out of memory", restart);
  }

  // ------------------------------------------------------------------ gauges

  /** Sets the gauges that changed; a gauge is a step function, so unchanged values are skipped. */
  private void showGauges() {
    if (queue.size() != queueShown) {
      queueShown = queue.size();
      metrics.gauge("queue", queueShown);
    }
    if (busy != busyShown) {
      busyShown = busy;
      metrics.gauge("inflight", busyShown);
    }
    if (gc != null) {
      gc.showGauge();
    }
    if (!versions.isEmpty()) {
      int onNew = version() == null ? 0 : 1;
      if (onNew != onNewShown) {
        onNewShown = onNew;
        metrics.gauge("versionOld", 1 - onNew);
        metrics.gauge("versionNew", onNew);
      }
    }
  }
}
