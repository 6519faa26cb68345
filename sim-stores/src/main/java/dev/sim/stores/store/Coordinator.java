package dev.sim.stores.store;

import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.protocol.KvStatus;
import dev.sim.stores.store.Coordination.Phase;
import dev.sim.stores.store.Coordination.Status;
import dev.sim.stores.store.Coordination.Target;
import dev.sim.stores.store.KvStoreParams.Conflicts;
import dev.sim.stores.store.StoreMessages.Busy;
import dev.sim.stores.store.StoreMessages.ReadReply;
import dev.sim.stores.store.StoreMessages.ReplicaRead;
import dev.sim.stores.store.StoreMessages.ReplicaTimeout;
import dev.sim.stores.store.StoreMessages.ReplicaWrite;
import dev.sim.stores.store.StoreMessages.WriteAck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coordinator side of a store node: the node a client sends a {@link KvRequest} to runs it
 * against the key's replicas and answers with a {@link KvReply}.
 *
 * <p>Targets ({@link Targets}): the key's N primaries that are {@link Reachability reachable}; with
 * a sloppy quorum each unreachable primary is replaced by the next reachable node on the ring,
 * which keeps the write as a hint. Too few targets for R (W), or too few primaries for PR (PW), and
 * the request is refused as UNAVAILABLE before anything is sent. Otherwise each target gets the
 * request and the coordinator waits {@code replicaTimeout}; targets that stay silent are suspected,
 * and a sloppy quorum sends to further fallbacks in their place (also after a write was
 * acknowledged, so that it still reaches N nodes). A target whose queue is full refuses at once
 * ({@link StoreMessages.Busy}); it is not suspected, nor replaced: it is there, only busy.
 *
 * <p>Answers: a read is OK once R replies (PR of them from primaries) are in, with their states
 * merged; it keeps collecting until every target answered, refused or timed out, then repairs the
 * ones that were behind. A read that can no longer reach R is UNAVAILABLE, or THROTTLED when
 * replicas refused with full queues. A write is OK once W replicas (PW primaries) hold it; FAIL
 * (THROTTLED, if a queue was full) only when every target refused it and nothing of it can reach a
 * replica later; otherwise, when the replicas stop answering short of W or PW, UNKNOWN: it may be
 * on some replicas and spread from there.
 */
final class Coordinator {
  private final NodeContext ctx;
  private final KvStoreParams params;
  private final Peers peers;
  private final Ring ring;
  private final StoreData data;
  private final Reachability reach;
  private final Targets targets;
  private final Throttle throttle;
  private final Updates updates;
  private final StoreMetrics metrics;
  private final int r;
  private final int w;
  // Iterated nowhere; insertion order anyway, should anything come to iterate it.
  private final Map<Long, Coordination> inflight = new LinkedHashMap<>();

  Coordinator(
      NodeContext ctx,
      KvStoreParams params,
      Peers peers,
      Ring ring,
      StoreData data,
      Reachability reach,
      StoreMetrics metrics) {
    this.ctx = ctx;
    this.params = params;
    this.peers = peers;
    this.ring = ring;
    this.data = data;
    this.reach = reach;
    this.targets = new Targets(ctx, params, peers, ring, reach);
    this.metrics = metrics;
    this.throttle = new Throttle(params.limit());
    this.updates = new Updates(params.conflicts(), data, peers.self());
    this.r = params.readQuorum();
    this.w = params.writeQuorum();
  }

  /** A client's request: checked, throttled, then run. */
  void onRequest(KvRequest req, int client) {
    String invalid = Requests.problem(req);
    if (invalid != null) {
      reply(client, req, KvStatus.FAIL, null, 0, invalid);
      return;
    }
    if (!throttle.admit(ctx.localTime())) {
      reply(client, req, KvStatus.THROTTLED, null, 0, "over the limit of " + params.limit() + "/s");
      return;
    }
    Coordination op = new Coordination(data.nextOp(), client, req);
    inflight.put(op.id, op);
    if (req.f().equals("read") || updates.readsFirst(req)) {
      startRead(op);
    } else {
      // Blind writes: under siblings their causal context is what this node holds of the key.
      startWrite(op, params.conflicts() == Conflicts.SIBLINGS ? data.local(req.key()) : null);
    }
  }

  private void startRead(Coordination op) {
    op.begin(Phase.READ);
    if (!targets.select(op, r, params.pr())) {
      unavailable(op, false, r, params.pr());
      return;
    }
    for (Target t : op.targets) {
      ctx.send(peers.id(t.node), new ReplicaRead(op.id, op.request.key()));
    }
    arm(op);
  }

  private void startWrite(Coordination op, KeyState base) {
    op.begin(Phase.WRITE);
    if (!targets.select(op, w, params.pw())) {
      unavailable(op, false, w, params.pw());
      return;
    }
    Updates.Built built = updates.build(op.request, base, ctx.localTime());
    op.update = built.state();
    op.contribution = built.contribution();
    for (Target t : op.targets) {
      sendWrite(op, t);
    }
    arm(op);
  }

  /** A replica's read reply. */
  void onReadReply(ReadReply m, int sender) {
    Coordination op = inflight.get(m.op());
    Target t = op == null || op.phase != Phase.READ ? null : op.target(peers.indexOf(sender));
    if (t == null || t.status == Status.ANSWERED) {
      return;
    }
    t.status = Status.ANSWERED;
    t.state = m.state();
    if (!op.quorum
        && op.count(Status.ANSWERED) >= r
        && op.primaries(Status.ANSWERED) >= params.pr()) {
      op.quorum = true;
      readQuorum(op);
    }
    if (inflight.get(op.id) == op && op.phase == Phase.READ && op.count(Status.PENDING) == 0) {
      if (op.quorum) {
        endRead(op);
      } else {
        unavailable(op, true, r, params.pr()); // every target answered, too few primaries
      }
    }
  }

  /** A replica refused a read or write because its queue was full: nothing applied there. */
  void onBusy(Busy m, int sender) {
    Coordination op = inflight.get(m.op());
    Target t = op == null || op.phase != m.phase() ? null : op.target(peers.indexOf(sender));
    if (t == null || t.status == Status.ANSWERED || t.status == Status.REFUSED) {
      return;
    }
    t.status = Status.REFUSED;
    t.busy = true;
    t.why = "queue full (queueLimit " + params.queueLimit() + ")";
    if (op.phase == Phase.WRITE) {
      if (op.count(Status.PENDING) == 0) {
        endWrite(op);
      }
    } else if (op.quorum) {
      if (op.count(Status.PENDING) == 0) {
        endRead(op);
      }
    } else if (op.count(Status.ANSWERED) + op.count(Status.PENDING) < r
        || op.primaries(Status.ANSWERED) + op.primaries(Status.PENDING) < params.pr()) {
      unavailable(op, true, r, params.pr()); // throttled: the refusals leave too few to answer
    }
  }

  private void readQuorum(Coordination op) {
    KvRequest req = op.request;
    KeyState merged = op.merged();
    if (merged != null && merged.kind() != req.kind()) {
      answer(op, KvStatus.FAIL, null, 0, "the key holds a " + Words.kindName(merged.kind()));
      done(op);
      return;
    }
    if (req.f().equals("read")) {
      int siblings = merged == null ? 1 : merged.siblings();
      ctx.history().siblings(siblings);
      metrics.siblings(siblings);
      Object value = merged == null ? LwwState.empty(req.kind()) : merged.value();
      answer(op, KvStatus.OK, value, siblings, op.count(Status.ANSWERED) + " replicas read");
      return;
    }
    repair(op, merged);
    if (req.f().equals("cas")) {
      Object current = merged == null ? null : merged.value();
      Object expected = ((List<?>) req.value()).get(0);
      if (!Data.sameRegister(expected, current)) {
        answer(op, KvStatus.FAIL, req.value(), 0, "the value read was " + Data.text(current));
        done(op);
        return;
      }
    }
    startWrite(op, merged);
  }

  private void endRead(Coordination op) {
    repair(op, op.merged());
    done(op);
  }

  /** Read repair: the merged state to every target that answered with something else. */
  private void repair(Coordination op, KeyState merged) {
    if (!params.readRepair() || merged == null) {
      return;
    }
    for (Target t : op.targets) {
      if (t.status == Status.ANSWERED && !merged.equals(t.state)) {
        ctx.send(peers.id(t.node), new StoreMessages.Repair(op.request.key(), merged, t.hintFor()));
        metrics.readRepair();
      }
    }
  }

  /** A replica's write acknowledgement (or refusal). */
  void onWriteAck(WriteAck m, int sender) {
    Coordination op = inflight.get(m.op());
    Target t = op == null || op.phase != Phase.WRITE ? null : op.target(peers.indexOf(sender));
    if (t == null || t.status == Status.ANSWERED || t.status == Status.REFUSED) {
      return;
    }
    t.status = m.applied() ? Status.ANSWERED : Status.REFUSED;
    t.why = m.why();
    int acks = op.count(Status.ANSWERED);
    if (!op.answered && acks >= w && op.primaries(Status.ANSWERED) >= params.pw()) {
      answer(op, KvStatus.OK, written(op.request), 0, acks + " replicas hold it");
    }
    if (op.count(Status.PENDING) == 0) {
      endWrite(op);
    }
  }

  private void endWrite(Coordination op) {
    int acks = op.count(Status.ANSWERED);
    if (acks == 0 && op.count(Status.TIMED_OUT) == 0 && updates.withdraw(op.contribution)) {
      // Nothing was applied anywhere, and nothing of it will be: fail (throttled if a replica's
      // queue was full, since trying again later may work).
      KvStatus status = op.anyBusy() ? KvStatus.THROTTLED : KvStatus.FAIL;
      answer(op, status, written(op.request), 0, "every replica refused: " + op.refusal());
    } else if (acks == 0 && op.count(Status.TIMED_OUT) == 0) {
      answer(
          op,
          KvStatus.UNKNOWN,
          written(op.request),
          0,
          "every replica refused, but a later write through this node carries it; it may still"
              + " be applied");
    } else {
      answer(
          op,
          KvStatus.UNKNOWN,
          written(op.request),
          0,
          Words.replicas(acks, op.primaries(Status.ANSWERED))
              + " hold it, short of W = "
              + w
              + (params.pw() > 0 ? ", PW = " + params.pw() : "")
              + "; it may still spread");
    }
    done(op);
  }

  /** The replica timeout of one round: silent targets are suspected, and maybe replaced. */
  void onTimeout(ReplicaTimeout timer) {
    Coordination op = inflight.get(timer.op());
    if (op == null || timer.round() != op.round) {
      return;
    }
    op.timer = -1;
    long now = ctx.localTime();
    List<Target> late = new ArrayList<>();
    for (Target t : op.targets) {
      if (t.status == Status.PENDING) {
        t.status = Status.TIMED_OUT;
        late.add(t);
        if (t.node != peers.self()) {
          reach.suspect(t.node, now);
        }
      }
    }
    if (op.phase == Phase.READ && op.quorum) {
      endRead(op);
    } else if (!(params.sloppyQuorum() && replace(op, late))) {
      if (op.phase == Phase.READ) {
        unavailable(op, true, r, params.pr());
      } else {
        endWrite(op);
      }
    }
  }

  /** Sends to a fallback for each late target; false if there was none to send to. */
  private boolean replace(Coordination op, List<Target> late) {
    int[] walk = ring.walk(op.request.key());
    boolean sent = false;
    for (Target t : late) {
      int f = targets.fallback(op, walk);
      if (f < 0) {
        break;
      }
      Target nt = op.add(f, t.standsFor, false);
      if (op.phase == Phase.READ) {
        ctx.send(peers.id(f), new ReplicaRead(op.id, op.request.key()));
      } else {
        sendWrite(op, nt);
      }
      sent = true;
    }
    if (sent) {
      op.round++;
      arm(op);
    }
    return sent;
  }

  private void sendWrite(Coordination op, Target t) {
    ctx.send(peers.id(t.node), new ReplicaWrite(op.id, op.request.key(), op.update, t.hintFor()));
  }

  /**
   * Refuses {@code op} before anything was applied: too few replicas were reachable, or (once
   * asked) answered. Throttled rather than unavailable when some refused with their queues full.
   */
  private void unavailable(Coordination op, boolean asked, int need, int needPrimaries) {
    String what = op.phase == Phase.READ ? "read" : "write";
    int busy = 0;
    for (Target t : op.targets) {
      busy += t.busy ? 1 : 0;
    }
    String detail =
        (asked
                ? Words.replicas(op.count(Status.ANSWERED), op.primaries(Status.ANSWERED))
                    + (busy == 0
                        ? " answered within replicaTimeout"
                        : " answered, " + busy + " refused with a full queue")
                : Words.replicas(op.targets.size(), op.primaries()) + " reachable")
            + "; a "
            + what
            + " needs "
            + need
            + (needPrimaries > 0
                ? " (" + Words.plural(needPrimaries, "primary", "primaries") + ")"
                : "");
    Object value = op.request.f().equals("read") ? null : written(op.request);
    answer(op, busy > 0 ? KvStatus.THROTTLED : KvStatus.UNAVAILABLE, value, 0, detail);
    done(op);
  }

  /** The value a write's answer carries: what it wrote (a put's elements as the set keeps them). */
  private static Object written(KvRequest req) {
    return req.f().equals("put") ? Data.elements(req.value()) : req.value();
  }

  private void arm(Coordination op) {
    if (op.timer >= 0) {
      ctx.cancelTimer(op.timer);
    }
    op.timer = ctx.setTimer(params.replicaTimeoutNanos(), new ReplicaTimeout(op.id, op.round));
  }

  private void done(Coordination op) {
    inflight.remove(op.id);
    if (op.timer >= 0) {
      ctx.cancelTimer(op.timer);
      op.timer = -1;
    }
  }

  private void answer(Coordination op, KvStatus status, Object value, int siblings, String why) {
    if (!op.answered) {
      op.answered = true;
      reply(op.client, op.request, status, value, siblings, why);
    }
  }

  private void reply(
      int client, KvRequest req, KvStatus status, Object value, int siblings, String why) {
    ctx.send(client, new KvReply(req.id(), status, value, siblings, why));
    metrics.answered(status);
  }

  /** Coordinations in flight, for tests. */
  int inflight() {
    return inflight.size();
  }
}
