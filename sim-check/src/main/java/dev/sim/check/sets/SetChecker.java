package dev.sim.check.sets;

import dev.sim.check.Operation;
import dev.sim.check.Operations;
import dev.sim.check.Values;
import dev.sim.check.Verdict;
import dev.sim.check.sets.SetResult.Lost;
import dev.sim.check.sets.SetResult.Unexpected;
import dev.sim.check.sets.SetResult.Vanished;
import dev.sim.kernel.history.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code add} and {@code read} operations of one set. "After" is real-time order: a read
 * is after an add when it was invoked after the add completed. Reads that did not end ok say
 * nothing; an add that ended info (or never completed) may have happened, so its element in a read
 * is fine and its absence is too.
 */
public final class SetChecker {
  private SetChecker() {}

  /** Checks the lines of one key, {@code key} (null: the unnamed key). */
  public static SetResult check(String key, List<Op> ops) {
    List<Operation> all = Operations.pair(ops);
    // Per element: the first ok add to complete, and the earliest invoke of an add that may have
    // happened (ok, info or never completed).
    Map<Long, Operation> acked = new LinkedHashMap<>();
    Map<Long, Integer> firstPossibleInvoke = new LinkedHashMap<>();
    Set<Long> addedInfo = new HashSet<>();
    List<Operation> reads = new ArrayList<>();
    List<Set<Long>> contents = new ArrayList<>();
    for (Operation o : all) {
      if (o.f().equals("add")) {
        long e = (Long) o.invoke().value();
        if (o.ok()) {
          Operation before = acked.get(e);
          if (before == null || o.completeIndex() < before.completeIndex()) {
            acked.put(e, o);
          }
        } else if (o.mayHaveHappened()) {
          addedInfo.add(e);
        }
        if (o.mayHaveHappened()) {
          firstPossibleInvoke.merge(e, o.invokeIndex(), Math::min);
        }
      } else if (o.isRead() && o.ok()) {
        reads.add(o);
        Set<Long> s = new HashSet<>();
        for (Object v : (List<?>) o.completion().value()) {
          s.add((Long) v);
        }
        contents.add(s);
      }
    }
    // Reads are in order of invoke (pair keeps it); `acked` in order of the adds' invokes, so sort
    // it by acknowledgement for a readable report.
    List<Map.Entry<Long, Operation>> byAck = new ArrayList<>(acked.entrySet());
    byAck.sort(
        (a, b) -> Integer.compare(a.getValue().completeIndex(), b.getValue().completeIndex()));

    List<Lost> lost = new ArrayList<>();
    Set<Long> lostElements = new HashSet<>();
    for (Map.Entry<Long, Operation> e : byAck) {
      int from = firstReadInvokedAfter(reads, e.getValue().completeIndex());
      for (int i = from; i < reads.size(); i++) {
        if (!contents.get(i).contains(e.getKey())) {
          lost.add(new Lost(e.getKey(), e.getValue(), reads.get(i)));
          lostElements.add(e.getKey());
          break;
        }
      }
    }

    // Per element: the read that returned it and completed first; elements in order first seen.
    Map<Long, Operation> firstSeen = new LinkedHashMap<>();
    List<Unexpected> unexpected = new ArrayList<>();
    Set<Long> unexpectedElements = new HashSet<>();
    for (int i = 0; i < reads.size(); i++) {
      Operation r = reads.get(i);
      for (Object v : (List<?>) r.completion().value()) {
        long e = (Long) v;
        Operation seen = firstSeen.get(e);
        if (seen == null || r.completeIndex() < seen.completeIndex()) {
          firstSeen.put(e, r);
        }
        Integer added = firstPossibleInvoke.get(e);
        if ((added == null || added > r.completeIndex()) && unexpectedElements.add(e)) {
          unexpected.add(new Unexpected(e, r));
        }
      }
    }
    List<Vanished> vanished = new ArrayList<>();
    for (Map.Entry<Long, Operation> e : firstSeen.entrySet()) {
      if (lostElements.contains(e.getKey()) || unexpectedElements.contains(e.getKey())) {
        continue;
      }
      int from = firstReadInvokedAfter(reads, e.getValue().completeIndex());
      for (int i = from; i < reads.size(); i++) {
        if (!contents.get(i).contains(e.getKey())) {
          vanished.add(new Vanished(e.getKey(), e.getValue(), reads.get(i)));
          break;
        }
      }
    }

    List<Long> neverRead = new ArrayList<>();
    for (Map.Entry<Long, Operation> e : byAck) {
      if (!firstSeen.containsKey(e.getKey())) {
        neverRead.add(e.getKey());
      }
    }
    int infoSeen = 0;
    for (Long e : addedInfo) {
      if (!acked.containsKey(e) && firstSeen.containsKey(e)) {
        infoSeen++;
      }
    }
    int[] ackIndices = new int[byAck.size()];
    for (int i = 0; i < ackIndices.length; i++) {
      ackIndices[i] = byAck.get(i).getValue().completeIndex();
    }
    long stale = 0;
    for (int i = 0; i < reads.size(); i++) {
      int invoked = reads.get(i).invokeIndex();
      int due = countBelow(ackIndices, invoked);
      int present = 0;
      for (Long e : contents.get(i)) {
        Operation a = acked.get(e);
        if (a != null && a.completeIndex() < invoked) {
          present++;
        }
      }
      if (present < due) {
        stale++;
      }
    }
    Verdict v =
        lost.isEmpty() && vanished.isEmpty() && unexpected.isEmpty()
            ? Verdict.VALID
            : Verdict.INVALID;
    return new SetResult(
        key, v, all.size(), lost, vanished, unexpected, neverRead, infoSeen, stale);
  }

  /** How many of the sorted {@code values} are below {@code limit}. */
  private static int countBelow(int[] values, int limit) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < limit) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The position of the first read (in invoke order) invoked after history index {@code index}. */
  private static int firstReadInvokedAfter(List<Operation> reads, int index) {
    int lo = 0;
    int hi = reads.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (reads.get(mid).invokeIndex() > index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** Sentences for people, one per finding, the most serious first. */
  public static List<String> describe(SetResult r) {
    List<String> out = new ArrayList<>();
    for (Lost l : r.lost()) {
      out.add(
          "element "
              + l.element()
              + " was lost: its add ("
              + l.add().describe()
              + ") was acknowledged at "
              + Values.time(l.add().completeNanos())
              + ", but the read invoked at "
              + Values.time(l.read().invokeNanos())
              + " by process "
              + l.read().process()
              + " returned "
              + Values.brief(l.read().value(), 8)
              + " without it");
    }
    for (Vanished x : r.vanished()) {
      out.add(
          "element "
              + x.element()
              + " vanished: the read by process "
              + x.seenIn().process()
              + " that completed at "
              + Values.time(x.seenIn().completeNanos())
              + " returned it, but the read invoked later at "
              + Values.time(x.missingFrom().invokeNanos())
              + " by process "
              + x.missingFrom().process()
              + " did not");
    }
    for (Unexpected u : r.unexpected()) {
      out.add(
          "element "
              + u.element()
              + " was read (by process "
              + u.read().process()
              + ", completed at "
              + Values.time(u.read().completeNanos())
              + ") though no add that may have happened had been invoked for it");
    }
    return out;
  }
}
