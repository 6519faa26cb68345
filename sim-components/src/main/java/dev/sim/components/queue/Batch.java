package dev.sim.components.queue;

import dev.sim.kernel.node.Sized;
import java.util.List;

/**
 * The queue's answer to a {@link Pull}: up to {@code max} messages, or none when the pull's wait
 * ran out. Its size on the wire is the messages' sizes.
 *
 * @param pullId the pull this answers
 * @param messages the messages delivered, oldest first
 */
public record Batch(long pullId, List<Delivery> messages) implements Sized {
  /** Copies the list. */
  public Batch {
    messages = List.copyOf(messages);
  }

  @Override
  public long sizeBytes() {
    long s = 0;
    for (Delivery d : messages) {
      s += d.sizeBytes();
    }
    return s;
  }

  @Override
  public String toString() {
    return "Batch " + pullId + " of " + messages.size();
  }
}
