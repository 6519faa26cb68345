package dev.sim.check.figures;

import dev.sim.check.Operation;
import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures that do not depend on a model: divergence between replicas, siblings and
 * availability. The model's own figures (lost writes, stale reads) come from {@link
 * RegisterFigures} and the set and counter checkers.
 */
public final class Figures {
  private Figures() {}

  /**
   * The keys whose replicas disagree at the end: a key is divergent when the replicas that hold it
   * report different digests for it (a replica that does not hold a key says nothing about it).
   */
  public static List<String> divergentKeys(HistoryData data) {
    Map<String, String> first = new TreeMap<>();
    TreeSet<String> divergent = new TreeSet<>();
    for (Map<String, String> replica : data.replicas().values()) {
      for (Map.Entry<String, String> e : replica.entrySet()) {
        String seen = first.putIfAbsent(e.getKey(), e.getValue());
        if (seen != null && !Objects.equals(seen, e.getValue())) {
          divergent.add(e.getKey());
        }
      }
    }
    return new ArrayList<>(divergent);
  }

  /** How {@code ops} ended, all together. */
  public static Availability availability(List<Operation> ops) {
    long ok = 0;
    long fail = 0;
    long info = 0;
    for (Operation o : ops) {
      OpType t = o.outcome();
      if (t == OpType.OK) {
        ok++;
      } else if (t == OpType.FAIL) {
        fail++;
      } else {
        info++;
      }
    }
    return new Availability(ok, fail, info);
  }

  /**
   * How the operations of each client instance ended (the instance the history names on each line;
   * operations without one are left out), by instance name.
   */
  public static Map<String, Availability> byNode(List<Operation> ops) {
    Map<String, List<Operation>> per = new TreeMap<>();
    for (Operation o : ops) {
      if (o.invoke().node() != null) {
        per.computeIfAbsent(o.invoke().node(), k -> new ArrayList<>()).add(o);
      }
    }
    Map<String, Availability> out = new TreeMap<>();
    per.forEach((node, list) -> out.put(node, availability(list)));
    return out;
  }
}
