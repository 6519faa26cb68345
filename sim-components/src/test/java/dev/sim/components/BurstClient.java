package dev.sim.components;

import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A test client that sends {@code n} requests (ids 1..n) at once when it starts, optionally
 * followed by one health check (id n+1), and records every response in a shared log.
 */
public final class BurstClient implements Node {
  /** Responses seen: request id, arrival time, status, harvest. */
  public static final class Log {
    public final List<Response> responses = new ArrayList<>();
    public final List<Long> times = new ArrayList<>();

    public List<Long> idsInOrder() {
      return responses.stream().map(Response::id).toList();
    }

    public long timeOf(long id) {
      for (int i = 0; i < responses.size(); i++) {
        if (responses.get(i).id() == id) {
          return times.get(i);
        }
      }
      return -1;
    }

    public long count(Status s) {
      return responses.stream().filter(r -> r.status() == s).count();
    }
  }

  private final String target;
  private final int n;
  private final boolean healthCheckLast;
  private final Log log;

  public BurstClient(String target, int n, boolean healthCheckLast, Log log) {
    this.target = target;
    this.n = n;
    this.healthCheckLast = healthCheckLast;
    this.log = log;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.on(
        Response.class,
        (r, from) -> {
          log.responses.add(r);
          log.times.add(ctx.localTime());
        });
    int to = ctx.members(target)[0];
    for (int i = 1; i <= n; i++) {
      ctx.send(to, new Request(i, 1, ctx.id(), false, 0));
    }
    if (healthCheckLast) {
      ctx.send(to, new Request(n + 1, 1, ctx.id(), true, 0));
    }
  }
}
