package dev.sim.components.client;

import dev.sim.components.flags.FlagClient;
import dev.sim.components.rpc.HedgedCall;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Rpc;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.metrics.Outcome;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Rng;

/**
 * The {@code client} node: offers requests in an open or closed loop and sees each through its
 * tries (timeouts, retries with back-off, retry budget, adaptive throttling, hedging) to exactly
 * one recorded outcome.
 *
 * <p>A request's try sends one copy, and with hedging maybe a second; each copy is an {@link Rpc}
 * call with its own timeout. The try fails when every copy has failed or timed out; the first OK
 * answer ends the request. Answers for a request that has ended, or for an earlier try, are stale
 * and ignored.
 *
 * <p>Each purpose draws from its own stream ({@code arrivals}, think times included; {@code
 * backoff}; {@code routing}; {@code hedging}; {@code throttle}), so changing, say, the jitter
 * changes the retries and leaves the arrivals exactly as they were under the same seed.
 */
final class ClientNode implements Node {
  /** The retry budget's window when {@code retryBudgetWindow} is absent (Finagle's default). */
  static final long BUDGET_WINDOW_NANOS = 10_000_000_000L;

  private static final int REQUESTS = 0;
  private static final int ACCEPTS = 1;

  private final ClientParams params;
  private final Backoff backoff;
  private NodeContext ctx;
  private NodeMetrics metrics;
  private Rng arrivalRng;
  private Rng backoffRng;
  private Rng routingRng;
  private Rng hedgingRng;
  private Rng throttleRng;
  private int[] targets;
  private Rpc<Pending> rpc;
  private RetryBudget budget;
  private FlagClient<Pending> flags;
  private SlidingCounts throttle;
  private ArrivalProcess arrivals;
  private boolean poisson;
  private double nextArrivalNanos;
  private long scheduledArrivalNanos;
  private long sequence;

  /** Durable across restarts: when this client first started, on its local clock. */
  static final class Epoch {
    final long startLocalNanos;

    Epoch(long startLocalNanos) {
      this.startLocalNanos = startLocalNanos;
    }

    @Override
    public String toString() {
      return "epoch " + startLocalNanos;
    }
  }

  /** One request offered by this client, from its birth to its one outcome. */
  static final class Pending {
    final long seq;
    final int user;
    long stamp;
    int tries;
    int primaryTarget = -1;
    // The current try's copies.
    final HedgedCall call = new HedgedCall();
    long previousBackoffNanos;
    Outcome lastFailure = Outcome.FAILED;
    boolean done;

    Pending(long seq, int user) {
      this.seq = seq;
      this.user = user;
    }

    @Override
    public String toString() {
      return "request " + seq + " try " + tries;
    }
  }

  /** Timer: the next open-loop arrival is due. */
  record Arrival() {}

  /** Timer: closed-loop user {@code user} has finished thinking. */
  record UserTurn(int user) {}

  /** Timer: the back-off before a retry is over. */
  record RetryDue(Pending request) {}

  /** Timer: try {@code tries} of a request has waited {@code hedge.after}. */
  record HedgeDue(Pending request, int tries) {}

  ClientNode(ClientParams params) {
    this.params = params;
    this.backoff = params.retry() == null ? null : new Backoff(params.retry());
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.arrivalRng = c.random("arrivals");
    // The other streams are asked for when first drawn from: the node's streams outlive its
    // incarnations, so the draws are the same, and a million clients that never retry, hedge or
    // throttle hold no streams for it.
    this.targets = c.members(params.target());
    if (targets.length == 0) {
      throw new IllegalStateException("client target '" + params.target() + "' names no node");
    }
    this.rpc =
        new Rpc<>(
            c,
            1,
            new Rpc.Listener<>() {
              @Override
              public void answered(Pending p, Response r, int from) {
                onAnswer(p, r);
              }

              @Override
              public void timedOut(Pending p) {
                onCopyFailed(p, Outcome.TIMED_OUT);
              }
            });
    c.on(Response.class, (r, from) -> rpc.handle(r, from));
    c.onTimer(RetryDue.class, t -> startTry(t.request()));
    c.onTimer(HedgeDue.class, this::onHedgeDue);
    if (params.retryBudget() > 0) {
      budget =
          new RetryBudget(
              params.retryBudget(), params.retryBudgetWindowNanos(), params.retryBudgetMinRate());
    }
    if (params.flag() != null) {
      flags =
          new FlagClient<>(
              c,
              params.flag(),
              new FlagClient.Listener<>() {
                @Override
                public void proceed(Pending p) {
                  startTry(p);
                }

                @Override
                public void failed(Pending p) {
                  finish(p, Outcome.FAILED, 0);
                }
              });
    }
    if (params.throttle() != null) {
      throttle = new SlidingCounts(2, params.throttle().windowNanos(), 20);
    }
    ClientParams.Load load = params.load();
    if (params.closedLoop()) {
      c.onTimer(UserTurn.class, t -> newRequest(t.user()));
      for (int u = 0; u < load.users(); u++) {
        c.setTimer(think(), new UserTurn(u));
      }
      return;
    }
    poisson = load.arrivals() != ClientParams.Arrivals.CONSTANT;
    arrivals =
        load.profile() != null && !load.profile().isEmpty()
            ? ArrivalProcess.profile(load.profile())
            : ArrivalProcess.constantRate(load.rate());
    // A restarted client picks up its profile where the run is, not from the beginning.
    Epoch epoch = c.durable(Epoch.class, () -> new Epoch(c.localTime()));
    long sinceStart = Math.max(0, c.localTime() - epoch.startLocalNanos);
    scheduledArrivalNanos = sinceStart;
    nextArrivalNanos = sinceStart;
    c.onTimer(Arrival.class, t -> onArrival());
    scheduleArrival();
  }

  private long think() {
    Distribution d = params.load().think();
    return d == null ? 0 : d.sampleNanos(arrivalRng);
  }

  private void scheduleArrival() {
    double e = poisson ? arrivalRng.nextExponential(1.0) : 1.0;
    nextArrivalNanos = arrivals.next(nextArrivalNanos, e);
    if (nextArrivalNanos >= 9.0e18) {
      return;
    }
    long at = (long) (nextArrivalNanos + 0.5);
    long delay = Math.max(0, at - scheduledArrivalNanos);
    scheduledArrivalNanos = Math.max(at, scheduledArrivalNanos);
    ctx.setTimer(delay, new Arrival());
  }

  private void onArrival() {
    newRequest(-1);
    scheduleArrival();
  }

  private void newRequest(int user) {
    Pending p = new Pending(++sequence, user);
    p.stamp = metrics.offer();
    if (budget != null) {
      budget.deposit(ctx.localTime());
    }
    if (flags != null && flags.needed()) {
      // The request waits for the flag's value before its first try.
      flags.ask(p);
      return;
    }
    startTry(p);
  }

  private void startTry(Pending p) {
    if (p.done) {
      return;
    }
    if (throttle != null && throttled()) {
      metrics.count("throttled", 1);
      finish(p, Outcome.REJECTED, 0);
      return;
    }
    p.tries++;
    p.primaryTarget = pickTarget(routingRng(), -1);
    p.call.begin(sendCopy(p, p.primaryTarget));
    if (params.hedge() != null) {
      p.call.hedgeTimerSet(ctx.setTimer(params.hedge().afterNanos(), new HedgeDue(p, p.tries)));
    }
  }

  /** Decides whether adaptive throttling refuses this try, and counts it as a request. */
  private boolean throttled() {
    long now = ctx.localTime();
    long requests = throttle.sum(REQUESTS, now);
    long accepts = throttle.sum(ACCEPTS, now);
    throttle.add(REQUESTS, now, 1);
    double p = (requests - params.throttle().k() * accepts) / (requests + 1.0);
    return p > 0 && throttleRng().nextDouble() < p;
  }

  /** A target chosen uniformly with {@code rng}, other than {@code avoid} if that is a target. */
  private int pickTarget(Rng rng, int avoid) {
    int n = targets.length;
    if (n == 1) {
      return targets[0];
    }
    if (avoid < 0) {
      return targets[rng.nextInt(n)];
    }
    int t = targets[rng.nextInt(n - 1)];
    // Choose uniformly among the others: skip over the one to avoid.
    return t == avoid ? targets[n - 1] : t;
  }

  private long sendCopy(Pending p, int target) {
    metrics.attempt();
    return rpc.call(target, p.tries, ctx.id(), false, params.sizeBytes(), params.timeoutNanos(), p);
  }

  private void onHedgeDue(HedgeDue h) {
    Pending p = h.request();
    if (p.done || p.tries != h.tries() || !p.call.pending()) {
      return;
    }
    p.call.hedgeTimerFired();
    if (budget != null && !spendBudget()) {
      return;
    }
    metrics.count("hedges", 1);
    p.call.hedged(sendCopy(p, pickTarget(hedgingRng(), p.primaryTarget)));
  }

  private void onAnswer(Pending p, Response r) {
    if (p.done) {
      return;
    }
    if (throttle != null && r.status() != Status.OVERLOADED) {
      throttle.add(ACCEPTS, ctx.localTime(), 1);
    }
    if (r.status() == Status.OK) {
      p.call.answered();
      finish(p, Outcome.OK, r.harvest());
      return;
    }
    onCopyFailed(p, r.status() == Status.OVERLOADED ? Outcome.REJECTED : Outcome.FAILED);
  }

  private void onCopyFailed(Pending p, Outcome why) {
    if (p.done) {
      return;
    }
    boolean othersPending = p.call.copyFailedOthersPending();
    p.lastFailure = why;
    if (othersPending) {
      // Another copy of this try may still answer.
      return;
    }
    p.call.cancelHedgeTimer(ctx);
    ClientParams.Retry retry = params.retry();
    if (retry == null || p.tries > retry.max()) {
      finish(p, p.lastFailure, 0);
      return;
    }
    if (budget != null && !spendBudget()) {
      finish(p, p.lastFailure, 0);
      return;
    }
    metrics.count("retries", 1);
    long delay = backoff.delayNanos(p.tries, p.previousBackoffNanos, backoffRng());
    p.previousBackoffNanos = delay;
    if (delay == 0) {
      startTry(p);
    } else {
      ctx.setTimer(delay, new RetryDue(p));
    }
  }

  /**
   * Takes one retry (or hedge) token from the budget if it holds a whole one; counts {@code
   * budgetExhausted} otherwise.
   */
  private boolean spendBudget() {
    if (!budget.trySpend(ctx.localTime())) {
      metrics.count("budgetExhausted", 1);
      return false;
    }
    return true;
  }

  private void finish(Pending p, Outcome outcome, double harvest) {
    p.done = true;
    metrics.finish(p.stamp, outcome, harvest);
    // Another copy's answer no longer matters: forget it (its timeout too) and the hedge timer.
    p.call.end(rpc, ctx);
    if (p.user >= 0) {
      ctx.setTimer(think(), new UserTurn(p.user));
    }
  }

  private Rng backoffRng() {
    if (backoffRng == null) {
      backoffRng = ctx.random("backoff");
    }
    return backoffRng;
  }

  private Rng routingRng() {
    if (routingRng == null) {
      routingRng = ctx.random("routing");
    }
    return routingRng;
  }

  private Rng hedgingRng() {
    if (hedgingRng == null) {
      hedgingRng = ctx.random("hedging");
    }
    return hedgingRng;
  }

  private Rng throttleRng() {
    if (throttleRng == null) {
      throttleRng = ctx.random("throttle");
    }
    return throttleRng;
  }
}
