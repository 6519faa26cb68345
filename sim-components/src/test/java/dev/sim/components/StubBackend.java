package dev.sim.components;

import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A test backend whose answers are programmed: a policy decides each request's status (null: no
 * answer at all) and the answer leaves after a fixed delay. Everything it saw is kept in a shared
 * log that survives restarts.
 */
public final class StubBackend implements Node {
  /** Decides the answer to a request arriving at {@code nowNanos}. */
  public interface Policy {
    Status answer(Request r, long nowNanos);
  }

  /** What every incarnation of one stub saw: arrival time, attempt, health check. */
  public static final class Log {
    public final List<long[]> arrivals = new ArrayList<>();

    public int count() {
      return arrivals.size();
    }

    public int work() {
      int n = 0;
      for (long[] a : arrivals) {
        n += a[2] == 0 ? 1 : 0;
      }
      return n;
    }
  }

  record Reply(int to, Response response) {}

  private final Policy policy;
  private final long delayNanos;
  private final Log log;

  public StubBackend(Policy policy, long delayNanos, Log log) {
    this.policy = policy;
    this.delayNanos = delayNanos;
    this.log = log;
  }

  @Override
  public void start(NodeContext ctx) {
    ctx.onTimer(Reply.class, t -> ctx.send(t.to(), t.response()));
    ctx.on(
        Request.class,
        (r, from) -> {
          long now = ctx.localTime();
          log.arrivals.add(new long[] {now, r.attempt(), r.healthCheck() ? 1 : 0});
          if (r.healthCheck()) {
            ctx.send(from, Response.to(r, Status.OK));
            return;
          }
          Status s = policy.answer(r, now);
          if (s == null) {
            return;
          }
          if (delayNanos == 0) {
            ctx.send(from, Response.to(r, s));
          } else {
            ctx.setTimer(delayNanos, new Reply(from, Response.to(r, s)));
          }
        });
  }

  /** A token bucket: admits {@code perSecond} requests (burst {@code burst}), rejects the rest. */
  public static Policy tokenBucket(double perSecond, double burst) {
    return new Policy() {
      double tokens = burst;
      long last;

      @Override
      public Status answer(Request r, long now) {
        tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
        last = now;
        if (tokens >= 1) {
          tokens -= 1;
          return Status.OK;
        }
        return Status.OVERLOADED;
      }
    };
  }
}
