package dev.sim.protocols.byzantine;

import java.util.ArrayList;
import java.util.List;

/**
 * A general running SM(m), the signed-messages algorithm.
 *
 * <p>Round 0: the commander signs its order and sends it to every lieutenant. A lieutenant keeps
 * the set V of orders it has seen in validly signed chains. When a chain brings an order not yet in
 * V, the lieutenant adds it, and if the chain carries fewer than m lieutenants' signatures, at the
 * end of the round it signs the chain and relays it to every lieutenant not among its signers.
 * After round m it decides choice(V): the order if V holds exactly one, else RETREAT.
 *
 * <p>A traitorous lieutenant relays where a loyal one would, but sends the order its strategy picks
 * only if it holds a chain carrying that order (received this round, without the receiver among its
 * signers); it cannot forge the commander's signature, so otherwise it stays silent. Colluding with
 * a traitorous commander, it may in round 0 make up the commander's signed order itself.
 */
final class SignedGeneral extends General {
  private final boolean[] held = new boolean[2];
  private final List<SignedOrder> heard = new ArrayList<>();
  private final List<SignedOrder> fresh = new ArrayList<>();

  SignedGeneral(ByzantineParams params) {
    super(params);
  }

  @Override
  void registerHandlers() {
    ctx.on(SignedOrder.class, this::handleOrder);
  }

  @Override
  Object commanderMessage(Order value, List<Integer> path, String via) {
    return new SignedOrder(value, path, via);
  }

  private void handleOrder(SignedOrder m, int sender) {
    if (!accept(m.signers(), sender)) {
      return;
    }
    heard.add(m);
    int v = m.value().ordinal();
    if (!held[v]) {
      held[v] = true;
      fresh.add(m);
    }
  }

  @Override
  void endRound(int r) {
    for (SignedOrder chain : fresh) {
      // The commander's signature plus k lieutenants': relay while k < m.
      if (chain.signers().size() <= m) {
        for (int j : roster.lieutenants) {
          if (j == self || chain.signers().contains(j)) {
            continue;
          }
          SignedOrder source = chain;
          if (traitor) {
            Order wanted = corrupt(chain.value(), j);
            source =
                wanted == null ? null : wanted == chain.value() ? chain : chainFor(wanted, j, r);
          }
          if (source != null) {
            List<Integer> signers = Roster.append(source.signers(), self);
            send(j, new SignedOrder(source.value(), signers, roster.labels(signers)));
          }
        }
      }
    }
    heard.clear();
    fresh.clear();
  }

  /** A chain carrying {@code value} this traitor may sign and send to {@code receiver}, or null. */
  private SignedOrder chainFor(Order value, int receiver, int r) {
    for (SignedOrder c : heard) {
      if (c.value() == value && c.signers().size() <= m && !c.signers().contains(receiver)) {
        return c;
      }
    }
    if (r == 0 && roster.isTraitor(roster.commander)) {
      List<Integer> byCommander = List.of(roster.commander);
      return new SignedOrder(value, byCommander, roster.labels(byCommander));
    }
    return null;
  }

  @Override
  Order decide() {
    boolean attack = held[Order.ATTACK.ordinal()];
    boolean retreat = held[Order.RETREAT.ordinal()];
    return attack && !retreat ? Order.ATTACK : Order.RETREAT;
  }
}
