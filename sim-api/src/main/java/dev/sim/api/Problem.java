package dev.sim.api;

import java.util.Objects;

/**
 * One thing wrong with a node group's or a fault's parameters, found by {@link NodeType#check} or
 * {@link FaultKind#check}: the loader turns it into a {@code file:line:column} message at the key
 * it names (at the value for a single value or a list, at the key for a section; at the nearest key
 * written when the named one is absent).
 *
 * @param keyPath the key path inside the group or fault, e.g. {@code retry.base} or {@code
 *     load.profile[1].at}; empty when the problem is about the group or fault as a whole
 * @param message what was expected and what was found, in words a beginner can act on (no key path
 *     in it: the loader prints that)
 */
public record Problem(String keyPath, String message) {
  /** Checks that both parts are present. */
  public Problem {
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(message, "message");
  }

  /** A problem about the group as a whole rather than one key. */
  public static Problem ofGroup(String message) {
    return new Problem("", message);
  }
}
