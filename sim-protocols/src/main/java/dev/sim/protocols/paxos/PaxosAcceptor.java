package dev.sim.protocols.paxos;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;

/**
 * A Paxos acceptor ("Paxos Made Simple", §2.2): it promises a prepare whose ballot is at least its
 * promise, reporting what it accepted; it accepts an accept whose ballot is at least its promise;
 * it refuses anything lower with a nack carrying its promise. Its promise and accepted ballot are
 * durable. When {@code notifyPreempted} is on, a promise that overtakes another proposer's also
 * sends that proposer a nack at once.
 */
final class PaxosAcceptor implements Node {
  /** Sends {@code message} to {@code to} once its state is on stable storage. */
  record Persisted(int to, Object message) {}

  private final AcceptorParams params;
  private final boolean forgetsPromise;
  private NodeContext ctx;
  private PaxosObserver observer;
  // What survives a restart; the same object as state, except in the broken variant.
  private AcceptorState durable;
  private AcceptorState state;
  private int[] learners;

  /**
   * @param forgetsPromise the deliberately broken variant, for tests only: the promise is kept in
   *     memory, so a restart forgets it (the accepted ballot stays durable)
   */
  PaxosAcceptor(AcceptorParams params, boolean forgetsPromise) {
    this.params = params;
    this.forgetsPromise = forgetsPromise;
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    observer = PaxosObserver.of(ctx);
    observer.acceptor(ctx.id());
    durable = ctx.durable(AcceptorState.class, AcceptorState::new);
    state = durable;
    if (forgetsPromise) {
      // The broken variant writes only what it accepts; its promise lives in this incarnation.
      state = new AcceptorState();
      state.accepted = durable.accepted;
      state.value = durable.value;
    }
    learners = PaxosObserver.resolve(ctx, "learners", params.learnerNames());
    // Recorded from the start, so "nothing chosen" is a line at 0 rather than no chart at all.
    ctx.metrics().count("chosen", 0);
    ctx.on(Prepare.class, this::handlePrepare);
    ctx.on(Accept.class, this::handleAccept);
    ctx.onTimer(Persisted.class, p -> send(p.to(), p.message()));
  }

  private void handlePrepare(Prepare m, int from) {
    Ballot b = m.ballot();
    if (b.compareTo(state.promised) < 0) {
      send(from, new Nack(b, state.promised));
      return;
    }
    Ballot broken = state.promised;
    state.promised = b;
    if (params.notifyPreempted() && b.above(broken) && broken.proposer() >= 0) {
      // A hint only, so it needs no disk write: the overtaken proposer starts over now.
      if (broken.proposer() != from) {
        send(broken.proposer(), new Nack(broken, b));
      }
    }
    persistThenSend(from, new Promise(b, state.accepted, state.value));
  }

  private void handleAccept(Accept m, int from) {
    Ballot b = m.ballot();
    if (b.compareTo(state.promised) < 0) {
      send(from, new Nack(b, state.promised));
      return;
    }
    state.promised = b;
    state.accepted = b;
    state.value = m.value();
    if (state != durable) {
      durable.accepted = b;
      durable.value = m.value();
    }
    if (observer.accepted(ctx.id(), ctx.name(), b, m.value())) {
      var metrics = ctx.metrics();
      metrics.count("chosen", 1);
      metrics.count("chosenAtMs", Math.max(1, ctx.localTime() / 1_000_000L));
      metrics.count("messagesToChoose", observer.messages());
      if (ctx.tracing()) {
        ctx.log("'" + m.value() + "' is chosen in ballot " + b + " (a majority accepted it)");
      }
    }
    Accepted a = new Accepted(b, m.value());
    persistThenSend(from, a);
    for (int l : learners) {
      persistThenSend(l, a);
    }
  }

  private void persistThenSend(int to, Object message) {
    if (params.persistNanos() == 0) {
      send(to, message);
    } else {
      ctx.setTimer(params.persistNanos(), new Persisted(to, message));
    }
  }

  private void send(int to, Object message) {
    ctx.send(to, message);
    observer.sent();
  }
}
