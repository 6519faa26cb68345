package dev.sim.components.flags;

import dev.sim.kernel.node.Sized;

/**
 * The flag service's answer to a {@link FlagLookup}.
 *
 * @param id the lookup's id
 * @param on the flag's value
 */
public record FlagAnswer(long id, boolean on) implements Sized {
  /** A small JSON answer with its headers. */
  public static final long SIZE_BYTES = 200;

  @Override
  public long sizeBytes() {
    return SIZE_BYTES;
  }

  @Override
  public String toString() {
    return "FlagAnswer " + id + (on ? " on" : " off");
  }
}
