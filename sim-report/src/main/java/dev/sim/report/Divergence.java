package dev.sim.report;

import dev.sim.report.io.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Where two runs' traces part: the first event at which they differ, with a few events both shared
 * just before it. What {@code sim diff} finds and prints, and the comparison page shows.
 *
 * @param identical how many events (trace lines) the runs share before the first difference
 * @param context the last few shared events before it, oldest first
 * @param a run A's events from the first difference on (empty when A's trace ends there)
 * @param b run B's events from the first difference on (empty when B's trace ends there)
 * @param eventsA how many events run A's trace has in all
 * @param eventsB how many events run B's trace has in all
 */
public record Divergence(
    long identical,
    List<TraceEvent> context,
    List<TraceEvent> a,
    List<TraceEvent> b,
    long eventsA,
    long eventsB) {
  /** Copies the lists. */
  public Divergence {
    context = List.copyOf(context);
    a = List.copyOf(a);
    b = List.copyOf(b);
  }

  /** Whether the traces differ at all (else they are the same, event for event). */
  public boolean diverged() {
    return !a.isEmpty() || !b.isEmpty();
  }

  /** The simulated time of the first difference: the earlier of the two runs' events there. */
  public long timeNanos() {
    if (a.isEmpty()) {
      return b.isEmpty() ? -1 : b.get(0).timeNanos();
    }
    return b.isEmpty()
        ? a.get(0).timeNanos()
        : Math.min(a.get(0).timeNanos(), b.get(0).timeNanos());
  }

  /**
   * Where to look for the cause when a first differing event is a message, else empty: a message is
   * traced when it arrives, so the change began at its sender, which handled one of the shared
   * events before differently.
   */
  public String cause() {
    List<String> senders = new ArrayList<>();
    for (List<TraceEvent> side : List.of(a, b)) {
      if (!side.isEmpty()
          && side.get(0).kind().equals("deliver")
          && !side.get(0).from().isEmpty()
          && !senders.contains(side.get(0).from())) {
        senders.add(side.get(0).from());
      }
    }
    if (senders.isEmpty()) {
      return "";
    }
    return "A message is traced when it arrives: the change began at its sender, "
        + String.join(" and ", senders)
        + ", which handled one of the events before it differently.";
  }
}
