package dev.sim.stores.store;

import dev.sim.stores.protocol.KvRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * One client request in flight at its coordinator (volatile: a crash forgets it, and the client
 * times out). A request has a read phase (reads, and the read of a read-modify-write), a write
 * phase, or a read phase then a write phase; each phase sends to its own targets and counts their
 * answers.
 */
final class Coordination {
  /** Which round of replica requests is out. */
  enum Phase {
    READ,
    WRITE
  }

  /** Where one replica request stands. */
  enum Status {
    /** Sent, no answer yet. */
    PENDING,
    /** Answered: a read's state, or a write held. */
    ANSWERED,
    /** Refused, nothing applied there: a write the replica could not hold, or a full queue. */
    REFUSED,
    /** No answer within the replica timeout (it may still come, and may have been applied). */
    TIMED_OUT
  }

  /** One replica asked in the current phase. */
  static final class Target {
    final int node;
    final int standsFor;
    final boolean primary;
    Status status = Status.PENDING;
    KeyState state;
    String why = "";
    // Refused because the replica's queue was full, not because it could not hold the data.
    boolean busy;

    Target(int node, int standsFor, boolean primary) {
      this.node = node;
      this.standsFor = standsFor;
      this.primary = primary;
    }

    /** The primary a fallback keeps its hint for; -1 for a primary itself. */
    int hintFor() {
      return primary ? -1 : standsFor;
    }
  }

  final long id;
  final int client;
  final KvRequest request;
  Phase phase = Phase.READ;
  int round;
  long timer = -1;
  boolean answered;
  boolean quorum;
  KeyState update;
  Updates.Contribution contribution;
  final List<Target> targets = new ArrayList<>();

  Coordination(long id, int client, KvRequest request) {
    this.id = id;
    this.client = client;
    this.request = request;
  }

  /** Starts phase {@code p} with no targets. */
  void begin(Phase p) {
    phase = p;
    targets.clear();
    quorum = false;
    round++;
  }

  /** Adds a target; returns it. */
  Target add(int node, int standsFor, boolean primary) {
    Target t = new Target(node, standsFor, primary);
    targets.add(t);
    return t;
  }

  /** The target on {@code node} in this phase, or null. */
  Target target(int node) {
    for (int i = targets.size() - 1; i >= 0; i--) {
      if (targets.get(i).node == node) {
        return targets.get(i);
      }
    }
    return null;
  }

  /** Whether this phase already asked {@code node}. */
  boolean uses(int node) {
    return target(node) != null;
  }

  /** Targets in status {@code s}. */
  int count(Status s) {
    int c = 0;
    for (Target t : targets) {
      c += t.status == s ? 1 : 0;
    }
    return c;
  }

  /** Primary targets in status {@code s}. */
  int primaries(Status s) {
    int c = 0;
    for (Target t : targets) {
      c += t.primary && t.status == s ? 1 : 0;
    }
    return c;
  }

  /** Primary targets asked. */
  int primaries() {
    int c = 0;
    for (Target t : targets) {
      c += t.primary ? 1 : 0;
    }
    return c;
  }

  /** The states read so far, merged; null if no answer held any. */
  KeyState merged() {
    KeyState s = null;
    for (Target t : targets) {
      if (t.status == Status.ANSWERED) {
        s = KeyState.merge(s, t.state);
      }
    }
    return s;
  }

  /** Whether a target of this phase refused because its queue was full. */
  boolean anyBusy() {
    for (Target t : targets) {
      if (t.status == Status.REFUSED && t.busy) {
        return true;
      }
    }
    return false;
  }

  /** The first reason a replica gave for refusing, or empty. */
  String refusal() {
    for (Target t : targets) {
      if (t.status == Status.REFUSED) {
        return t.why;
      }
    }
    return "";
  }
}
