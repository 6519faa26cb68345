package dev.sim.protocols.byzantine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A general running OM(m), the oral-messages algorithm.
 *
 * <p>Round 0: the commander sends its order to every lieutenant. At the end of round r &lt; m,
 * lieutenant i relays, for every path p of length r + 1 that could have reached it (the commander
 * followed by r distinct lieutenants other than i), the value it received along p, or RETREAT if
 * none came in time, to every general not on p, along the path p + [i]. So OM(m) with n generals
 * sends exactly (n−1) + (n−1)(n−2) + … + (n−1)(n−2)…(n−m−1) messages when nobody is silent.
 *
 * <p>The decision follows the paper's recursion: for a path p, dec(p) is the value received along p
 * when |p| = m + 1, else the majority of the value received along p and dec(p + [j]) for every
 * general j not on p and not i. The decision is dec([commander]). A missing value is RETREAT and a
 * tie is RETREAT.
 */
final class OralGeneral extends General {
  // Looked up by path only, never iterated, so hash order cannot reach the simulation.
  private final Map<List<Integer>, Order> received = new HashMap<>();

  OralGeneral(ByzantineParams params) {
    super(params);
  }

  @Override
  void registerHandlers() {
    ctx.on(OralOrder.class, this::handleOrder);
  }

  @Override
  Object commanderMessage(Order value, List<Integer> path, String via) {
    return new OralOrder(value, path, via);
  }

  private void handleOrder(OralOrder m, int sender) {
    if (accept(m.path(), sender)) {
      received.putIfAbsent(m.path(), m.value());
    }
  }

  @Override
  void endRound(int r) {
    for (List<Integer> p : expectedPaths(r + 1)) {
      Order v = received.get(p);
      if (v == null) {
        v = Order.RETREAT;
        if (!traitor) {
          ctx.metrics().count("missingMessages", 1);
        }
      }
      if (r < m) {
        relay(p, v);
      }
    }
  }

  private void relay(List<Integer> p, Order honest) {
    List<Integer> next = Roster.append(p, self);
    String via = roster.labels(next);
    for (int j : roster.generals) {
      if (j == self || p.contains(j)) {
        continue;
      }
      Order v = traitor ? corrupt(honest, j) : honest;
      if (v != null) {
        send(j, new OralOrder(v, next, via));
      }
    }
  }

  /** Every path of {@code length} that can reach this general, in group order. */
  private List<List<Integer>> expectedPaths(int length) {
    List<List<Integer>> out = new ArrayList<>();
    extend(List.of(roster.commander), length, out);
    return out;
  }

  private void extend(List<Integer> p, int length, List<List<Integer>> out) {
    if (p.size() == length) {
      out.add(p);
      return;
    }
    for (int j : roster.lieutenants) {
      if (j != self && !p.contains(j)) {
        extend(Roster.append(p, j), length, out);
      }
    }
  }

  @Override
  Order decide() {
    return dec(List.of(roster.commander));
  }

  private Order dec(List<Integer> p) {
    Order v = received.getOrDefault(p, Order.RETREAT);
    if (p.size() == m + 1) {
      return v;
    }
    int attack = v == Order.ATTACK ? 1 : 0;
    int total = 1;
    for (int j : roster.generals) {
      if (j == self || p.contains(j)) {
        continue;
      }
      if (dec(Roster.append(p, j)) == Order.ATTACK) {
        attack++;
      }
      total++;
    }
    return 2 * attack > total ? Order.ATTACK : Order.RETREAT;
  }
}
