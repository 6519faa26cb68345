package dev.sim.scenarios.config;

import dev.sim.scenarios.bind.CutRef;
import dev.sim.scenarios.bind.NodeRef;
import dev.sim.scenarios.bind.ParamBinder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks the node names a binder met once every group is known: each names a group or an instance,
 * the group inside {@code random(...)} is a group, a reference that must stand for one node is not
 * a group of several, one limited to some node types names one of them, and no node is on two sides
 * of a cut.
 */
final class References {
  private References() {}

  /** Records a problem for each bad name; returns whether there was none. */
  static boolean check(ParamBinder binder, NodeNames names, Problems problems) {
    int before = problems.size();
    for (NodeRef r : binder.nodeRefs()) {
      if (r.randomGroup() && !names.isGroup(r.name()) && names.exists(r.name())) {
        problems.add(
            r.location(),
            r.path(),
            "random("
                + r.name()
                + ") picks one instance of a group, but '"
                + r.name()
                + "' is an instance; write random("
                + names.groupOf(r.name())
                + ") or "
                + r.name());
      } else {
        names.check(r, problems);
      }
    }
    if (problems.size() == before) {
      for (CutRef cut : binder.cutRefs()) {
        noTwice(cut, names, problems);
      }
    }
    return problems.size() == before;
  }

  /** Reports an instance met on two sides of {@code cut}, directly or through its group. */
  private static void noTwice(CutRef cut, NodeNames names, Problems problems) {
    Map<String, String> seen = new LinkedHashMap<>(); // instance → the name it was met as
    for (CutRef.Side side : cut.sides()) {
      for (String name : side.names()) {
        for (String instance : names.expand(name)) {
          String before = seen.putIfAbsent(instance, name);
          if (before != null) {
            problems.add(
                side.location(),
                side.path(),
                "node '"
                    + instance
                    + "' is named twice in the partition ("
                    + how(instance, before)
                    + " and "
                    + how(instance, name)
                    + "); each node can be on one side only");
          }
        }
      }
    }
  }

  private static String how(String instance, String written) {
    return instance.equals(written) ? "as '" + written + "'" : "through group '" + written + "'";
  }
}
