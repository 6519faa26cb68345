package dev.sim.stores.client;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.node.Node;
import dev.sim.stores.client.FakeStore.Answer;
import dev.sim.stores.protocol.KvStatus;

/**
 * The {@link FakeStore} as a node type for scenario tests, named {@code kv-store} as the client's
 * target expects; tests put it in a registry of their own, never in the ServiceLoader file.
 */
final class FakeStoreType implements NodeType<FakeStoreType.Params> {
  /**
   * @param throttleWrites refuse every write THROTTLED
   * @param delayNanos how long each answer takes
   * @param put what a put of a set does
   */
  record Params(
      @Param(doc = "Refuse every write.", unit = Unit.CHOICE, defaultValue = "false")
          boolean throttleWrites,
      @Param(key = "delay", doc = "Answer delay.", unit = Unit.DURATION, defaultValue = "0s")
          long delayNanos,
      @Param(doc = "What a put does to a set.", unit = Unit.CHOICE, defaultValue = "replace")
          FakeStore.Put put) {}

  @Override
  public String name() {
    return "kv-store";
  }

  @Override
  public String summary() {
    return "A one-node store for tests.";
  }

  @Override
  public Class<Params> parameters() {
    return Params.class;
  }

  @Override
  public Node create(Params p, BuildContext ctx) {
    FakeStore.Policy policy =
        p.throttleWrites()
            ? (q, seen) -> q.f().equals("read") ? Answer.OK : Answer.of(KvStatus.THROTTLED)
            : (q, seen) -> Answer.OK;
    FakeStore.Put put = p.put() == null ? FakeStore.Put.REPLACE : p.put();
    return new FakeStore(policy, p.delayNanos(), new FakeStore.Log(), put);
  }
}
