package dev.sim.components.queue;

/**
 * A consumer asks its queue for up to {@code max} messages (a long poll): the queue answers at once
 * with what it has, or holds the pull until a message arrives or {@code waitNanos} has passed, and
 * then answers with an empty {@link Batch}. A newer pull from the same consumer replaces a held
 * one.
 *
 * @param id the consumer's id for this pull, echoed in the batch
 * @param max how many messages the consumer can take now (its credit)
 * @param waitNanos the longest the queue holds the pull when it has nothing
 */
public record Pull(long id, int max, long waitNanos) {
  @Override
  public String toString() {
    return "Pull " + id + " max " + max;
  }
}
