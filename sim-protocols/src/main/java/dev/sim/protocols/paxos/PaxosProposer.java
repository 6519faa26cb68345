package dev.sim.protocols.paxos;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.BitSet;

/**
 * A Paxos proposer ("Paxos Made Simple", §2.2). It starts a ballot above every round it has seen
 * and sends prepare to its acceptors; with promises from a majority it sends accept with the value
 * of the highest accepted ballot they reported (its own value if none did); with accepted from a
 * majority its ballot is chosen and it stops. A nack for its current ballot, or no majority within
 * {@code timeout}, abandons the ballot: it starts over with a higher one after its back-off. The
 * highest round it used is durable, so a restarted proposer never reuses a ballot.
 */
final class PaxosProposer implements Node {
  /** The first ballot is due. */
  record Begin() {}

  /** Ballot {@code ballot} has waited {@code timeout} for a majority. */
  record Timeout(Ballot ballot) {}

  /** The back-off before starting over has passed. */
  record Retry() {}

  /** Policy leader: the leader's heartbeat is due. */
  record Heartbeat() {}

  /** The highest round this proposer has started, kept across restarts. */
  static final class Rounds {
    int round;
  }

  private enum Phase {
    IDLE,
    PREPARE,
    ACCEPT,
    DONE
  }

  private final ProposerParams params;
  private final String ownValue;
  private NodeContext ctx;
  private PaxosObserver observer;
  private Rounds rounds;
  private int[] acceptors;
  private int majority;
  private Rng backoff;

  private Phase phase = Phase.IDLE;
  private Ballot ballot;
  private int seenRound;
  private final BitSet promised = new BitSet();
  private final BitSet accepted = new BitSet();
  private Ballot highestAccepted;
  private String highestValue;
  private long timeoutTimer = -1;

  // Policy leader.
  private boolean leader;
  private int[] peers = new int[0];
  private long leaderHeardAt;

  PaxosProposer(ProposerParams params, String instance) {
    this.params = params;
    this.ownValue = params.value() == null || params.value().isEmpty() ? instance : params.value();
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    observer = PaxosObserver.of(ctx);
    rounds = ctx.durable(Rounds.class, Rounds::new);
    acceptors = PaxosObserver.resolve(ctx, "acceptors", params.acceptors());
    majority = acceptors.length / 2 + 1;
    backoff = ctx.random("backoff");
    ctx.on(Promise.class, this::handlePromise);
    ctx.on(Nack.class, this::handleNack);
    ctx.on(Accepted.class, this::handleAccepted);
    ctx.on(LeaderAlive.class, (m, from) -> leaderHeardAt = ctx.localTime());
    ctx.onTimer(Begin.class, t -> startOver());
    ctx.onTimer(Timeout.class, this::handleTimeout);
    ctx.onTimer(Retry.class, t -> startOver());
    ctx.onTimer(Heartbeat.class, t -> heartbeat());
    ctx.metrics().gauge("round", rounds.round);
    if (params.policy() == BackoffPolicy.LEADER) {
      ProposerParams.Backoff b = params.backoff();
      int[] l = ctx.members(b.leader());
      leader = l.length == 1 && l[0] == ctx.id();
      peers = PaxosObserver.resolve(ctx, "backoff.proposers", b.proposers());
      // A follower presumes the leader alive when it starts, and waits a lease before taking over.
      leaderHeardAt = ctx.localTime();
      if (leader) {
        heartbeat();
      }
    }
    ctx.setTimer(params.startNanos(), new Begin());
  }

  /** Starts the next ballot now, unless the policy says to wait (or the ballot is chosen). */
  private void startOver() {
    if (phase != Phase.IDLE) {
      return;
    }
    if (params.policy() == BackoffPolicy.LEADER && !leader) {
      long quietUntil = leaderHeardAt + params.backoff().leaseNanos();
      long now = ctx.localTime();
      if (now < quietUntil) {
        ctx.setTimer(quietUntil - now, new Retry());
        return;
      }
    }
    rounds.round = Math.max(rounds.round, seenRound) + 1;
    ballot = new Ballot(rounds.round, ctx.id());
    phase = Phase.PREPARE;
    promised.clear();
    accepted.clear();
    highestAccepted = null;
    highestValue = null;
    var metrics = ctx.metrics();
    metrics.count("ballots", 1);
    metrics.gauge("round", rounds.round);
    for (int a : acceptors) {
      send(a, new Prepare(ballot));
    }
    timeoutTimer = ctx.setTimer(params.timeoutNanos(), new Timeout(ballot));
  }

  private void handlePromise(Promise m, int from) {
    ctx.metrics().count("promises", 1);
    if (phase != Phase.PREPARE || !m.ballot().equals(ballot) || promised.get(from)) {
      return;
    }
    promised.set(from);
    if (m.accepted() != null && (highestAccepted == null || m.accepted().above(highestAccepted))) {
      highestAccepted = m.accepted();
      highestValue = m.value();
    }
    if (promised.cardinality() < majority) {
      return;
    }
    phase = Phase.ACCEPT;
    String value = highestValue != null ? highestValue : ownValue;
    for (int a : acceptors) {
      send(a, new Accept(ballot, value));
    }
  }

  private void handleAccepted(Accepted m, int from) {
    if (phase != Phase.ACCEPT || !m.ballot().equals(ballot) || accepted.get(from)) {
      return;
    }
    accepted.set(from);
    if (accepted.cardinality() >= majority) {
      phase = Phase.DONE;
      ctx.cancelTimer(timeoutTimer);
      if (ctx.tracing()) {
        ctx.log("ballot " + ballot + " chosen: '" + m.value() + "'");
      }
    }
  }

  private void handleNack(Nack m, int from) {
    ctx.metrics().count("nacks", 1);
    seenRound = Math.max(seenRound, m.promised().round());
    if ((phase == Phase.PREPARE || phase == Phase.ACCEPT) && m.ballot().equals(ballot)) {
      abandon();
    }
  }

  private void handleTimeout(Timeout t) {
    if ((phase == Phase.PREPARE || phase == Phase.ACCEPT) && t.ballot().equals(ballot)) {
      abandon();
    }
  }

  /** Gives up the current ballot and starts over after the back-off. */
  private void abandon() {
    phase = Phase.IDLE;
    ctx.cancelTimer(timeoutTimer);
    long wait = 0;
    if (params.policy() == BackoffPolicy.RANDOM) {
      ProposerParams.Backoff b = params.backoff();
      wait = b.minNanos() + (long) (backoff.nextDouble() * (b.maxNanos() - b.minNanos()));
    }
    if (wait == 0) {
      startOver();
    } else {
      ctx.setTimer(wait, new Retry());
    }
  }

  private void heartbeat() {
    for (int p : peers) {
      if (p != ctx.id()) {
        send(p, new LeaderAlive());
      }
    }
    ctx.setTimer(Math.max(1, params.backoff().leaseNanos() / 4), new Heartbeat());
  }

  private void send(int to, Object message) {
    ctx.send(to, message);
    observer.sent();
  }
}
