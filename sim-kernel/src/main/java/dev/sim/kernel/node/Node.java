package dev.sim.kernel.node;

/**
 * A simulated process: plain Java code that reacts to messages and timers.
 *
 * <p>Handlers run to completion on the kernel's single thread; node code never blocks, sleeps,
 * starts threads or synchronizes, and acts only through its {@link NodeContext}. A node registers
 * its handlers in {@link #start} and sends nothing from its constructor. After a crash and restart
 * the kernel builds a fresh instance with the node's {@link NodeFactory} and calls {@code start}
 * again; only state obtained from {@link NodeContext#durable} survives.
 */
public interface Node {
  /**
   * Called once when the node starts or restarts; registers handlers and may send or set timers.
   */
  void start(NodeContext ctx);
}
