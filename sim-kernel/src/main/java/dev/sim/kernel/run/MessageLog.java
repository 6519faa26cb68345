package dev.sim.kernel.run;

import dev.sim.kernel.result.MessageRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of message copies behind the space-time diagram: for each copy sent, its two ends, its
 * payload, when it was sent, and when it was delivered or why it was lost.
 *
 * <p>Kept only when the simulation was built with {@code recordMessages(true)} (the scenario
 * runtime does so for small runs), and only for the first {@value #MAX_RECORDED} copies: the
 * diagram draws a few hundred arrows, and every record goes into {@code result.json}. A copy in
 * flight remembers its index here in its event slot ({@link EventSlots#localDue}); -1 means not
 * logged.
 */
final class MessageLog {
  static final int MAX_RECORDED = 5_000;
  private static final int MAX_SUMMARY = 120;

  private final boolean enabled;
  private final long fromNanos;
  private final long toNanos;
  private final List<Entry> entries = new ArrayList<>();

  MessageLog(boolean enabled) {
    this(enabled, 0, Long.MAX_VALUE);
  }

  /** A log of the messages sent from {@code fromNanos} until {@code toNanos}. */
  MessageLog(boolean enabled, long fromNanos, long toNanos) {
    this.enabled = enabled;
    this.fromNanos = fromNanos;
    this.toNanos = toNanos;
  }

  /** Logs a copy sent at {@code now}; returns its index, or -1 if not logged. */
  long sent(long now, int from, int to, Object message) {
    if (!enabled || now < fromNanos || now >= toNanos || entries.size() >= MAX_RECORDED) {
      return -1;
    }
    entries.add(new Entry(from, to, message, now));
    return entries.size() - 1;
  }

  /** A send the transport lost on the spot: logged with its cause and no delivery. */
  void lostAtSend(long now, int from, int to, Object message, String cause) {
    lost(sent(now, from, to, message), cause);
  }

  /** Copy {@code index} (from {@link #sent}; -1 is ignored) was delivered at {@code now}. */
  void delivered(long index, long now) {
    if (index >= 0) {
      entries.get((int) index).deliveredAt = now;
    }
  }

  /** Copy {@code index} (from {@link #sent}; -1 is ignored) was lost, for {@code cause}. */
  void lost(long index, String cause) {
    if (index >= 0) {
      entries.get((int) index).cause = cause;
    }
  }

  /** Every logged copy, in sending order, as the run result holds them. */
  List<MessageRecord> records() {
    List<MessageRecord> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String summary = e.payload.toString();
      if (summary.length() > MAX_SUMMARY) {
        summary = summary.substring(0, MAX_SUMMARY - 3) + "...";
      }
      out.add(
          new MessageRecord(
              e.from,
              e.to,
              e.payload.getClass().getSimpleName(),
              summary,
              e.sentAt,
              e.cause == null ? e.deliveredAt : -1,
              e.cause));
    }
    return List.copyOf(out);
  }

  /** One logged copy. */
  private static final class Entry {
    final int from;
    final int to;
    final Object payload;
    final long sentAt;
    long deliveredAt = -1;
    String cause;

    Entry(int from, int to, Object payload, long sentAt) {
      this.from = from;
      this.to = to;
      this.payload = payload;
      this.sentAt = sentAt;
    }
  }
}
