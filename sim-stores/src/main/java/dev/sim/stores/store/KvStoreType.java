package dev.sim.stores.store;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code kv-store} node type: a Dynamo/Riak-style replicated key-value store (AP). Every node
 * of the group is a peer; the node a client sends a {@link dev.sim.stores.protocol.KvRequest} to
 * coordinates it. Keys are placed on a consistent-hash ring with virtual nodes ({@link Ring}), each
 * on N replicas; reads and writes wait for R and W of them ({@link Coordinator}); a sloppy quorum
 * keeps writing through fallbacks that hand their hints off later ({@link HintedHandoff}); read
 * repair and anti-entropy ({@link AntiEntropy}) bring replicas back together; conflicts resolve by
 * last-writer-wins on the coordinator's local clock ({@link LwwState}) or are kept as siblings
 * ({@link SiblingState}). With a {@code service} time, replica operations wait in each node's queue
 * for one of its {@code workers} ({@link WorkQueue}), so a hot key's replicas queue while the rest
 * idle. What each parameter means is its {@code @Param} doc on {@link KvStoreParams}; {@code
 * docs/kv-store.md} tells the whole story.
 */
public final class KvStoreType implements NodeType<KvStoreParams> {
  @Override
  public String name() {
    return "kv-store";
  }

  @Override
  public String summary() {
    return "A Dynamo-style replicated key-value store: hash ring, N/R/W quorums, sloppy quorum with"
        + " hinted handoff, read repair, anti-entropy, lww or siblings.";
  }

  @Override
  public Class<KvStoreParams> parameters() {
    return KvStoreParams.class;
  }

  @Override
  public List<MetricSpec> metrics() {
    return StoreMetrics.SPECS;
  }

  @Override
  public List<Problem> check(KvStoreParams p) {
    List<Problem> problems = new ArrayList<>();
    int n = p.n();
    aboveN(problems, "r", "R", p.r(), n, "a read cannot wait for more replicas than hold the key");
    aboveN(problems, "w", "W", p.w(), n, "a write cannot wait for more replicas than hold the key");
    aboveN(problems, "pr", "PR", p.pr(), n, "there are only N primaries");
    aboveN(problems, "pw", "PW", p.pw(), n, "there are only N primaries");
    if (p.pr() > p.readQuorum() && p.pr() <= n) {
      problems.add(
          new Problem(
              "pr",
              "PR = "
                  + p.pr()
                  + " is above R = "
                  + p.readQuorum()
                  + ": PR counts primaries among a read's R replies; raise r or lower pr"));
    }
    if (p.pw() > p.writeQuorum() && p.pw() <= n) {
      problems.add(
          new Problem(
              "pw",
              "PW = "
                  + p.pw()
                  + " is above W = "
                  + p.writeQuorum()
                  + ": PW counts primaries among a write's W acknowledgements; raise w or lower"
                  + " pw"));
    }
    if (p.replicaTimeoutNanos() <= 0) {
      problems.add(new Problem("replicaTimeout", "must be positive, like 100ms"));
    }
    if (p.retryIntervalNanos() <= 0) {
      problems.add(new Problem("retryInterval", "must be positive, like 1s"));
    }
    if (p.workers() < 1) {
      problems.add(new Problem("workers", "must be at least 1, or unbounded"));
    }
    if (p.queueLimit() < 0) {
      problems.add(new Problem("queueLimit", "must not be negative; leave it out for no limit"));
    }
    if (p.limit() != null && !(p.limit() > 0)) {
      problems.add(
          new Problem("limit", "must be a positive rate like 500/s; leave it out for no limit"));
    }
    return problems;
  }

  /** Also: N must not be above the number of store nodes in the group. */
  @Override
  public List<Problem> check(KvStoreParams p, Group group) {
    List<Problem> problems = new ArrayList<>(check(p));
    if (p.n() > group.count()) {
      problems.add(
          new Problem(
              "n",
              "N = "
                  + p.n()
                  + " replicas per key need at least "
                  + p.n()
                  + " store nodes, but group '"
                  + group.name()
                  + "' has "
                  + group.count()
                  + "; lower n or raise count"));
    }
    return problems;
  }

  private static void aboveN(
      List<Problem> out, String key, String name, Integer value, int n, String why) {
    if (value != null && value > n) {
      out.add(new Problem(key, name + " = " + value + " is above N = " + n + ": " + why));
    }
  }

  @Override
  public Node create(KvStoreParams params, BuildContext ctx) {
    return new KvStoreNode(params, ctx.controls());
  }
}
