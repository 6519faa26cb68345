package dev.sim.components.queue;

/**
 * A consumer is done with a message: {@code ok} deletes it (processed); not ok (a negative
 * acknowledgement) makes it visible again at once for another delivery, or dead-letters it if that
 * was its last.
 *
 * @param messageId the message's id, from its {@link Delivery}
 * @param ok whether it was processed
 */
public record Ack(long messageId, boolean ok) {
  @Override
  public String toString() {
    return (ok ? "Ack " : "Nack ") + messageId;
  }
}
