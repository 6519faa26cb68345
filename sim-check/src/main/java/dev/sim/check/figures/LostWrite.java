package dev.sim.check.figures;

import dev.sim.check.Operation;

/**
 * An acknowledged write the store lost: a register write or a set add.
 *
 * @param key the key (null: the unnamed key)
 * @param value the value written, or the element added
 * @param write the ok write (or add)
 * @param read the read that showed it gone: for a register the first read, invoked after the write
 *     completed and after the last read of its value, that returned a value older than it; for a
 *     set the first read invoked after the add completed without the element
 */
public record LostWrite(String key, long value, Operation write, Operation read) {

  /** When the write was acknowledged, in simulated nanoseconds. */
  public long writtenNanos() {
    return write.completeNanos();
  }

  /** When the loss showed: the invoke of {@link #read}, in simulated nanoseconds. */
  public long lostNanos() {
    return read.invokeNanos();
  }
}
