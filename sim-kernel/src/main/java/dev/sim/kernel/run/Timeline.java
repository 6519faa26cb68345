package dev.sim.kernel.run;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.NodeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * What the charts mark along the time axis: annotated spans (a fault window, a load surge) and each
 * node's crashes, restarts, pauses and resumes. Neither is hashed; both go into the run result.
 *
 * <p>Node events are kept up to {@value #MAX_NODE_EVENTS} and then only counted, so that a scenario
 * that crashes nodes in a loop cannot make {@code result.json} unbounded; the result's stop detail
 * says how many were left out.
 */
final class Timeline {
  static final int MAX_NODE_EVENTS = 200_000;

  private final List<Annotation> annotations = new ArrayList<>();
  private final List<NodeEvent> nodeEvents = new ArrayList<>();
  private long nodeEventsOmitted;

  void annotate(Annotation a) {
    annotations.add(a);
  }

  /** Node {@code node} went through {@code kind} ({@code crash}, {@code pause}, ...) at time. */
  void nodeEvent(long time, int node, String kind, String reason) {
    if (nodeEvents.size() < MAX_NODE_EVENTS) {
      nodeEvents.add(new NodeEvent(time, node, kind, reason));
    } else {
      nodeEventsOmitted++;
    }
  }

  List<Annotation> annotations() {
    return List.copyOf(annotations);
  }

  List<NodeEvent> nodeEvents() {
    return List.copyOf(nodeEvents);
  }

  /** Node events beyond {@link #MAX_NODE_EVENTS}, counted but not kept. */
  long nodeEventsOmitted() {
    return nodeEventsOmitted;
  }
}
