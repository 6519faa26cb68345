package dev.sim.api;

import java.util.List;

/**
 * Where a network is cut: two or more sides that cannot reach each other ({@code [[api-1], [api-2,
 * db]]}), or one direction only ({@code {from: db, to: api}}: db's messages to api are lost, api's
 * to db still arrive). Each side lists group or instance names; a node is on one side at most. The
 * value of a {@link Param.Unit#SIDES} parameter whose Java type is {@code Cut}.
 *
 * @param sides the sides in order; for a one-way cut exactly two, the senders then the receivers
 * @param oneWay true for {@code {from, to}}
 */
public record Cut(List<List<String>> sides, boolean oneWay) {
  /** Copies the sides and checks that a one-way cut has two. */
  public Cut {
    sides = sides.stream().map(List::copyOf).toList();
    if (oneWay && sides.size() != 2) {
      throw new IllegalArgumentException("a one-way cut has two sides, from and to: " + sides);
    }
  }

  /** A cut between {@code sides}, both directions. */
  public static Cut between(List<List<String>> sides) {
    return new Cut(sides, false);
  }

  /** A one-way cut: messages from {@code from} to {@code to} are lost. */
  public static Cut oneWay(List<String> from, List<String> to) {
    return new Cut(List.of(from, to), true);
  }

  /** The senders of a one-way cut (the first side of any cut). */
  public List<String> from() {
    return sides.get(0);
  }

  /** The receivers of a one-way cut (the second side of any cut). */
  public List<String> to() {
    return sides.get(1);
  }
}
