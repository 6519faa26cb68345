package dev.sim.kernel.node;

/** Handles one message type, e.g. {@code handlePing(Ping m, int sender)}. */
@FunctionalInterface
public interface MessageHandler<M> {
  /** Called when {@code message} from node {@code sender} is delivered. */
  void handle(M message, int sender);
}
