package dev.sim.protocols.twogenerals;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;

/**
 * One of the two generals (see {@link TwoGeneralsType}). Trials run one after another: trial t
 * starts at t·{@code every}; A sends its messengers from then on, {@code interval} apart; B
 * acknowledges each messenger of the current trial that reaches it before the attack time; at
 * {@code attackAt} after the trial's start both decide. Anything of a trial that arrives after its
 * decision is late and ignored.
 */
final class TwoGeneral implements Node {
  /** Trial {@code trial} starts. */
  record TrialStart(int trial) {}

  /** A sends messenger {@code number} of trial {@code trial}. */
  record SendMessenger(int trial, int number) {}

  /** Both generals decide trial {@code trial}. */
  record Decide(int trial) {}

  private final TwoGeneralsParams params;
  private final boolean proposer;
  private NodeContext ctx;
  private int peer;
  private int referee = -1;
  private int trial = -1;
  private long attackAtLocal;
  private boolean decided;
  private int heard;

  TwoGeneral(TwoGeneralsParams params) {
    this.params = params;
    this.proposer = params.proposer();
  }

  @Override
  public void start(NodeContext context) {
    ctx = context;
    peer = one("peer", params.peer());
    if (params.referee() != null && !params.referee().isEmpty()) {
      referee = one("referee", params.referee());
    }
    ctx.on(Messenger.class, this::handleMessenger);
    ctx.on(Ack.class, this::handleAck);
    ctx.onTimer(TrialStart.class, t -> beginTrial(t.trial()));
    ctx.onTimer(SendMessenger.class, this::handleSendMessenger);
    ctx.onTimer(Decide.class, this::handleDecide);
    beginTrial(0);
  }

  private int one(String key, String ref) {
    int[] ids = ctx.members(ref);
    if (ids.length != 1) {
      throw new IllegalArgumentException(
          key + ": '" + ref + "' must name exactly one node (found " + ids.length + ")");
    }
    return ids[0];
  }

  private void beginTrial(int t) {
    trial = t;
    decided = false;
    heard = 0;
    attackAtLocal = ctx.localTime() + params.attackAtNanos();
    // Set before the next trial's start, so at equal times the decision comes first.
    ctx.setTimer(params.attackAtNanos(), new Decide(t));
    if (t + 1 < params.trials()) {
      ctx.setTimer(params.everyNanos(), new TrialStart(t + 1));
    }
    if (proposer) {
      sendMessenger(1);
      for (int i = 2; i <= params.messengers(); i++) {
        if (params.intervalNanos() == 0) {
          sendMessenger(i);
        } else {
          ctx.setTimer((i - 1) * params.intervalNanos(), new SendMessenger(t, i));
        }
      }
    }
  }

  private void handleSendMessenger(SendMessenger s) {
    if (s.trial() == trial && !decided) {
      sendMessenger(s.number());
    }
  }

  private void sendMessenger(int number) {
    ctx.send(peer, new Messenger(trial, number, params.messengers(), attackAtLocal));
    ctx.metrics().count("messengersSent", 1);
  }

  private void handleMessenger(Messenger m, int sender) {
    if (proposer || sender != peer) {
      return;
    }
    if (m.trial() != trial || decided) {
      ctx.metrics().count("lateMessengers", 1);
      return;
    }
    heard++;
    ctx.metrics().count("messengersArrived", 1);
    for (int i = 0; i < params.acks(); i++) {
      ctx.send(peer, new Ack(trial, m.number()));
      ctx.metrics().count("acksSent", 1);
    }
  }

  private void handleAck(Ack a, int sender) {
    if (!proposer || sender != peer) {
      return;
    }
    if (a.trial() != trial || decided) {
      ctx.metrics().count("lateMessengers", 1);
      return;
    }
    heard++;
    ctx.metrics().count("acksArrived", 1);
  }

  private void handleDecide(Decide d) {
    if (d.trial() != trial || decided) {
      return;
    }
    decided = true;
    boolean attack = heard > 0;
    if (ctx.tracing()) {
      ctx.log(
          (proposer ? "A " : "B ")
              + (attack ? "attacks" : "holds")
              + " in trial "
              + trial
              + " ("
              + heard
              + (proposer ? " acks" : " messengers")
              + " arrived)");
    }
    if (referee >= 0) {
      ctx.send(referee, new Decision(trial, proposer, attack));
    }
  }
}
