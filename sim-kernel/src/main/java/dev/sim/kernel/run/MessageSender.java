package dev.sim.kernel.run;

import dev.sim.kernel.net.Transport;
import dev.sim.kernel.trace.TraceSink;

/**
 * Receives a transport's verdict on one send and turns it into events: each copy to deliver becomes
 * a queued message event, and a loss at send time is traced and logged. One instance is reused for
 * every send ({@link #begin} sets which one), so sending allocates nothing here.
 */
final class MessageSender implements Transport.Deliveries {
  private final EventLoop loop;
  private final EventSlots slots;
  private final MessageLog log;
  private final TraceSink sink;

  private int from;
  private int to;
  private Object message;

  MessageSender(EventLoop loop, EventSlots slots, MessageLog log, TraceSink sink) {
    this.loop = loop;
    this.slots = slots;
    this.log = log;
    this.sink = sink;
  }

  /** The send that the transport's next calls are about. */
  void begin(int sender, int receiver, Object payload) {
    from = sender;
    to = receiver;
    message = payload;
  }

  @Override
  public void deliverAt(long time) {
    long now = loop.now();
    int slot = slots.add(EventSlots.MESSAGE, to, from, message);
    slots.setLocalDue(slot, log.sent(now, from, to, message));
    // A transport may not deliver into the past; the earliest is the send instant.
    loop.push(Math.max(time, now), slot);
  }

  @Override
  public void lost(String cause) {
    long now = loop.now();
    if (sink != null) {
      sink.lostAtSend(now, from, to, message.getClass().getSimpleName(), cause);
    }
    log.lostAtSend(now, from, to, message, cause);
  }
}
