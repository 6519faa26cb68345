package dev.sim.protocols.paxos;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.List;

/**
 * The {@code paxos-acceptor} node type: a single-decree Paxos acceptor with durable state (see
 * {@link PaxosAcceptor}). Counters, recorded once per run by the acceptor whose accept completes
 * the first majority: {@code chosen} (1), {@code chosenAtMs} (when, on its clock) and {@code
 * messagesToChoose} (Paxos messages sent until then).
 */
public final class PaxosAcceptorType implements NodeType<AcceptorParams> {
  private final boolean forgetsPromise;

  /** The acceptor of the Paxos paper: what it promised and accepted survives a restart. */
  public PaxosAcceptorType() {
    this(false);
  }

  private PaxosAcceptorType(boolean forgetsPromise) {
    this.forgetsPromise = forgetsPromise;
  }

  /**
   * A deliberately broken acceptor, for tests of the invariant only (it is not registered, so no
   * scenario can name it): it keeps its promise in memory, so a restart forgets it.
   */
  static PaxosAcceptorType forgettingPromises() {
    return new PaxosAcceptorType(true);
  }

  @Override
  public String name() {
    return "paxos-acceptor";
  }

  @Override
  public String summary() {
    return "A single-decree Paxos acceptor: promises and accepts ballots, its state durable.";
  }

  @Override
  public Class<AcceptorParams> parameters() {
    return AcceptorParams.class;
  }

  /** What the acceptors record: when the run's value is chosen, and at what cost. */
  static final List<MetricSpec> METRICS =
      List.of(
          MetricSpec.counter("chosen", "Value chosen (0/1)", "values")
              .runningTotal()
              .describe("1 from the moment a majority of acceptors accepted one ballot")
              .order(9),
          MetricSpec.counter("chosenAtMs", "Time to the first chosen value", "ms")
              .runningTotal()
              .describe("When the first value was chosen, in ms on that acceptor's clock (0: none)")
              .order(13),
          MetricSpec.counter("messagesToChoose", "Messages per chosen value", "messages")
              .runningTotal()
              .describe("Paxos messages sent, heartbeats included, until the value was chosen")
              .order(14));

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public Node create(AcceptorParams params, BuildContext ctx) {
    return new PaxosAcceptor(params, forgetsPromise);
  }
}
