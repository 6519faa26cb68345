package dev.sim.api;

import java.util.Objects;

/**
 * One thing wrong with a node group's parameters, found by {@link NodeType#check}: the loader turns
 * it into a {@code file:line:column} message at the key it names.
 *
 * @param keyPath the key path inside the group, e.g. {@code retry.base} or {@code
 *     load.profile[1].at}; empty when the problem is about the group as a whole
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
