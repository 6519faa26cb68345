package dev.sim.stores.store;

import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.stores.protocol.KvReply;
import dev.sim.stores.protocol.KvRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-rolled test client: sends each scripted request at its time (its clock is perfect) to the
 * store instance named in the step, and records every reply with the times it was sent and
 * answered. Request ids are the step's index, so a reply finds its step.
 */
final class ScriptedClient implements Node {
  /** Send {@code request} to store instance {@code to} at simulated time {@code atNanos}. */
  record Step(long atNanos, String to, KvRequest request) {}

  /** A reply to a step, with when it was sent and answered. */
  record Outcome(Step step, long sentNanos, long answeredNanos, KvReply reply) {}

  private record Fire(int step) {}

  private final List<Step> steps;
  private final List<Outcome> outcomes;
  private final Map<Long, Long> sentAt = new LinkedHashMap<>();
  private NodeContext ctx;

  /** A client running {@code steps}, adding each reply to {@code outcomes}. */
  ScriptedClient(List<Step> steps, List<Outcome> outcomes) {
    this.steps = List.copyOf(steps);
    this.outcomes = outcomes;
  }

  @Override
  public void start(NodeContext ctx) {
    this.ctx = ctx;
    ctx.on(KvReply.class, this::onReply);
    ctx.onTimer(Fire.class, this::fire);
    for (int i = 0; i < steps.size(); i++) {
      ctx.setTimer(Math.max(0, steps.get(i).atNanos() - ctx.localTime()), new Fire(i));
    }
  }

  private void fire(Fire f) {
    Step s = steps.get(f.step());
    KvRequest r = s.request();
    sentAt.put((long) f.step(), ctx.localTime());
    ctx.send(ctx.lookup(s.to()), new KvRequest(f.step(), r.f(), r.key(), r.value(), r.kind()));
  }

  private void onReply(KvReply reply, int sender) {
    Long sent = sentAt.remove(reply.id());
    if (sent == null) {
      return; // a duplicate
    }
    outcomes.add(new Outcome(steps.get((int) reply.id()), sent, ctx.localTime(), reply));
  }

  /** Steps in order of time. */
  static List<Step> sorted(List<Step> steps) {
    List<Step> out = new ArrayList<>(steps);
    out.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
    return out;
  }
}
