package dev.sim.components.flags;

import dev.sim.kernel.node.Sized;

/**
 * A server asks the flag service for its flag's value.
 *
 * @param id the asker's id for this lookup, echoed in the {@link FlagAnswer}
 */
public record FlagLookup(long id) implements Sized {
  /** A flag name and a few headers. */
  public static final long SIZE_BYTES = 200;

  @Override
  public long sizeBytes() {
    return SIZE_BYTES;
  }

  @Override
  public String toString() {
    return "FlagLookup " + id;
  }
}
