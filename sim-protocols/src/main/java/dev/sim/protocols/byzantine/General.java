package dev.sim.protocols.byzantine;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.List;

/**
 * What OM(m) and SM(m) generals share: the roster, the rounds, the traitor's strategy and the
 * report to the referee.
 *
 * <p><b>Rounds.</b> Every general starts at time 0 and ends round r (r = 0..m) after (r + 1) round
 * timeouts on its own clock. The commander sends its orders at time 0 (round 0); a lieutenant
 * relays what round r brought when round r ends (so its relays travel in round r + 1), and a
 * message belonging to round r that arrives after the end of round r is late and ignored (counted
 * in {@code lateMessages}). When round m ends every lieutenant decides and every general reports to
 * the referee.
 *
 * <p><b>Timing.</b> The round timeout must exceed the largest one-way latency (clock drift
 * stretches or shrinks rounds a little; offsets do not matter, as every general starts at time 0
 * and times its rounds from there); otherwise orders arrive late, count as missing, and loyal
 * generals may disagree. A general that crashes loses what it heard; restarted, it starts over at
 * round 0, out of step with the others, whose rounds then reject its messages as late.
 */
abstract class General implements Node {
  /** The end of round {@code round}, on this general's clock. */
  record RoundEnd(int round) {}

  protected final ByzantineParams params;
  protected final int m;
  protected NodeContext ctx;
  protected Roster roster;
  protected int self;
  protected boolean traitor;

  /** The current round, 0..m; m + 1 once the last has ended. */
  protected int round;

  private Strategy strategy;
  private Order order;
  private int referee = -1;

  General(ByzantineParams params) {
    this.params = params;
    this.m = params.m();
  }

  @Override
  public final void start(NodeContext context) {
    ctx = context;
    roster = Roster.resolve(ctx, params);
    self = ctx.id();
    traitor = roster.isTraitor(self);
    strategy = params.strategy();
    order = params.order();
    if (params.referee() != null && !params.referee().isEmpty()) {
      int[] r = ctx.members(params.referee());
      if (r.length != 1) {
        throw new IllegalArgumentException(
            "referee: '"
                + params.referee()
                + "' must name exactly one node (found "
                + r.length
                + ")");
      }
      referee = r[0];
    }
    registerHandlers();
    ctx.onTimer(RoundEnd.class, this::handleRoundEnd);
    ctx.setTimer(params.roundNanos(), new RoundEnd(0));
    if (self == roster.commander) {
      command();
    }
  }

  /** Registers the algorithm's message handlers. */
  abstract void registerHandlers();

  /** A round-0 message from the commander carrying {@code value}. */
  abstract Object commanderMessage(Order value, List<Integer> path, String via);

  /** A lieutenant's work at the end of round {@code r}: relay (if r &lt; m) and bookkeeping. */
  abstract void endRound(int r);

  /** A loyal lieutenant's decision once round m has ended. */
  abstract Order decide();

  private void command() {
    List<Integer> path = List.of(self);
    String via = roster.labels(path);
    for (int j : roster.lieutenants) {
      Order v = traitor ? corrupt(order, j) : order;
      if (v != null) {
        send(j, commanderMessage(v, path, via));
      }
    }
  }

  private void handleRoundEnd(RoundEnd t) {
    if (t.round() != round) {
      return; // a stale timer: handlers check
    }
    if (self != roster.commander) {
      endRound(round);
    }
    round++;
    if (round <= m) {
      ctx.setTimer(params.roundNanos(), new RoundEnd(round));
    } else {
      finish();
    }
  }

  private void finish() {
    boolean commands = self == roster.commander;
    Order value = traitor ? null : commands ? order : decide();
    if (ctx.tracing()) {
      ctx.log(traitor ? "traitor done" : commands ? "ordered " + value : "decided " + value);
    }
    if (referee >= 0) {
      ctx.send(referee, new Report(commands, !traitor, value));
    }
  }

  /**
   * What a traitor sends to {@code receiver} where a loyal general would send {@code honest}; null
   * to send nothing. Random draws come from this node's own stream.
   */
  protected Order corrupt(Order honest, int receiver) {
    switch (strategy) {
      case FLIP:
        return honest.opposite();
      case RANDOM:
        return ctx.random().nextInt(2) == 0 ? Order.ATTACK : Order.RETREAT;
      case SPLIT:
        int[] loyal = roster.loyalLieutenants;
        for (int i = 0; i < loyal.length; i++) {
          if (loyal[i] == receiver) {
            return i < (loyal.length + 1) / 2 ? Order.ATTACK : Order.RETREAT;
          }
        }
        return honest;
      case SILENT:
      default:
        return null;
    }
  }

  /** Sends a protocol message and counts it in {@code messages}. */
  protected void send(int to, Object message) {
    ctx.send(to, message);
    ctx.metrics().count("messages", 1);
  }

  /**
   * Checks an incoming order's path; counts and returns false if it must be ignored. A message of
   * round r (path length r + 1) is late once round r has ended. One that comes early (its sender's
   * clock ran a little fast) is kept for its round.
   */
  protected boolean accept(List<Integer> path, int sender) {
    if (self == roster.commander || path.size() > m + 1 || !roster.wellFormed(path, sender, self)) {
      ctx.metrics().count("rejectedMessages", 1);
      return false;
    }
    if (path.size() - 1 < round) {
      ctx.metrics().count("lateMessages", 1);
      return false;
    }
    return true;
  }
}
