package dev.sim.stores.store;

import dev.sim.api.NodeControls;
import dev.sim.kernel.node.MessageHandler;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.protocol.KvRequest;
import dev.sim.stores.store.StoreMessages.AntiEntropyTick;
import dev.sim.stores.store.StoreMessages.Busy;
import dev.sim.stores.store.StoreMessages.DigestOffer;
import dev.sim.stores.store.StoreMessages.DigestPush;
import dev.sim.stores.store.StoreMessages.DigestReply;
import dev.sim.stores.store.StoreMessages.HandoffAck;
import dev.sim.stores.store.StoreMessages.HandoffPush;
import dev.sim.stores.store.StoreMessages.HandoffTick;
import dev.sim.stores.store.StoreMessages.ReadReply;
import dev.sim.stores.store.StoreMessages.Repair;
import dev.sim.stores.store.StoreMessages.ReplicaRead;
import dev.sim.stores.store.StoreMessages.ReplicaTimeout;
import dev.sim.stores.store.StoreMessages.ReplicaWrite;
import dev.sim.stores.store.StoreMessages.WriteAck;

/**
 * One {@code kv-store} node: a peer of its group that coordinates the client requests sent to it
 * ({@link Coordinator}), serves as a replica for the keys the ring gives it ({@link Replica}),
 * holds and hands off hints ({@link HintedHandoff}) and runs anti-entropy ({@link AntiEntropy}).
 * Replica operations (reads, writes and read repairs, the coordinator's own included) wait in the
 * node's {@link WorkQueue} for their service time; a full queue refuses them with {@link Busy}.
 * Coordinating, hinted handoff and anti-entropy take no service time. Its data lives in durable
 * {@link StoreData}; coordinations, suspicions, the throttle's bucket, the queue and timers are
 * volatile and start afresh after a restart.
 */
final class KvStoreNode implements Node {
  private final KvStoreParams params;
  private final NodeControls controls;
  private NodeContext ctx;
  private Peers peers;
  private Reachability reach;
  private HintedHandoff handoff;
  private AntiEntropy antiEntropy;
  private Replica replica;
  private WorkQueue work;

  KvStoreNode(KvStoreParams params, NodeControls controls) {
    this.params = params;
    this.controls = controls;
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    peers = Peers.of(ctx);
    if (params.n() > peers.count()) {
      throw new IllegalStateException(
          "kv-store group '"
              + ctx.group()
              + "' has "
              + peers.count()
              + " nodes, fewer than n = "
              + params.n()
              + " replicas per key");
    }
    StoreData data = ctx.durable(StoreData.class, StoreData::new);
    StoreMetrics metrics = new StoreMetrics(ctx.metrics());
    Ring ring = new Ring(peers.names(), params.vnodes());
    reach = new Reachability(peers.count(), params.retryIntervalNanos());
    replica = new Replica(ctx, data, metrics, params.capacity());
    work = new WorkQueue(params, ctx, controls, metrics, this::serve);
    Coordinator coordinator = new Coordinator(ctx, params, peers, ring, data, reach, metrics);
    handoff = new HintedHandoff(ctx, peers, data, replica, metrics);
    antiEntropy = new AntiEntropy(ctx, params, peers, ring, data, replica, metrics);

    ctx.on(KvRequest.class, coordinator::onRequest);
    ctx.on(ReadReply.class, heard(coordinator::onReadReply));
    ctx.on(WriteAck.class, heard(coordinator::onWriteAck));
    ctx.on(Busy.class, heard(coordinator::onBusy));
    ctx.onTimer(ReplicaTimeout.class, coordinator::onTimeout);
    ctx.on(ReplicaRead.class, heard(this::queued));
    ctx.on(ReplicaWrite.class, heard(this::queued));
    ctx.on(Repair.class, heard(this::queued));
    ctx.onTimer(WorkQueue.ServiceDone.class, work::onDone);
    ctx.on(HandoffPush.class, heard(handoff::onPush));
    ctx.on(HandoffAck.class, heard(handoff::onAck));
    ctx.on(DigestOffer.class, heard(antiEntropy::onOffer));
    ctx.on(DigestReply.class, heard(antiEntropy::onReply));
    ctx.on(DigestPush.class, heard(antiEntropy::onPush));
    ctx.onTimer(HandoffTick.class, t -> handoffTick());
    ctx.onTimer(AntiEntropyTick.class, t -> antiEntropyTick());

    ctx.history().replica(ctx.name(), data::probe);
    metrics.hints(data.hintCount());
    work.start();
    ctx.setTimer(params.retryIntervalNanos(), new HandoffTick());
    if (params.antiEntropyNanos() > 0) {
      // A random first phase, so the nodes' exchanges do not all fall on the same instant.
      long first = 1 + (long) (ctx.random("anti-entropy").nextDouble() * params.antiEntropyNanos());
      ctx.setTimer(first, new AntiEntropyTick());
    }
  }

  /** A replica operation arrived: into the queue, or refused if it is full. */
  private void queued(Object m, int sender) {
    if (work.offer(m, sender)) {
      return;
    }
    // Refused, nothing applied. A read repair expects no answer: it is dropped, as a busy node
    // would shed it; the next read or anti-entropy exchange repairs the replica.
    if (m instanceof ReplicaRead r) {
      ctx.send(sender, new Busy(r.op(), Coordination.Phase.READ));
    } else if (m instanceof ReplicaWrite w) {
      ctx.send(sender, new Busy(w.op(), Coordination.Phase.WRITE));
    }
  }

  /** A replica operation whose turn (and service time) came. */
  private void serve(Object m, int sender) {
    if (m instanceof ReplicaRead r) {
      replica.onRead(r, sender);
    } else if (m instanceof ReplicaWrite w) {
      replica.onWrite(w, sender);
    } else if (m instanceof Repair p) {
      replica.onRepair(p, sender);
    } else {
      throw new IllegalStateException("not a replica operation: " + m);
    }
  }

  /** A handler that first notes the sender, a peer, as reachable. */
  private <M> MessageHandler<M> heard(MessageHandler<M> handler) {
    return (m, sender) -> {
      int from = peers.indexOf(sender);
      if (from < 0) {
        return; // store-to-store traffic from outside the group: not ours to act on
      }
      reach.heard(from);
      handler.handle(m, sender);
    };
  }

  private void handoffTick() {
    handoff.push();
    ctx.setTimer(params.retryIntervalNanos(), new HandoffTick());
  }

  private void antiEntropyTick() {
    antiEntropy.exchange();
    ctx.setTimer(params.antiEntropyNanos(), new AntiEntropyTick());
  }
}
