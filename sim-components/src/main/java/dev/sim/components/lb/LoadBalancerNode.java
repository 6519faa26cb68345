package dev.sim.components.lb;

import dev.sim.components.rpc.Request;
import dev.sim.components.rpc.Response;
import dev.sim.components.rpc.Rpc;
import dev.sim.components.rpc.Status;
import dev.sim.kernel.metrics.NodeMetrics;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.node.NodeContext;
import dev.sim.kernel.random.Rng;
import java.util.Arrays;

/**
 * The {@code load-balancer} node: forwards each request to a healthy backend chosen by its policy
 * and relays the answer.
 *
 * <p>Forwarded requests get the balancer's own sequential ids and live in a ring indexed by id,
 * oldest first, so lookup is an array access and forgetting old entries ({@code forgetAfter}) walks
 * from the oldest without timers. Health checks use an {@link Rpc} whose ids lie far above.
 */
final class LoadBalancerNode implements Node {
  private static final long HEALTH_ID_BASE = 1L << 62;

  private final LoadBalancerParams params;
  private final LoadBalancerParams.Policy policy;
  private NodeContext ctx;
  private NodeMetrics metrics;
  // The random and p2c policies' draws, from a stream named for its purpose like the client's and
  // the server's, so a purpose added later cannot shift them.
  private Rng routingRng;
  private int[] backends;
  private int[] outstanding;
  // Bumped when a backend is ejected: its forwarded requests then stop counting as outstanding,
  // as a real balancer's connections to a dead backend are reset.
  private int[] epoch;
  private boolean[] healthy;
  private int[] failures;
  private int[] successes;
  private int[] healthyList;
  private int healthyCount;
  private int cursor;
  private Rpc<Integer> checks;
  private Integer[] backendTags;

  // The ring of forwarded requests: ids in [head, tail) map to ring[id & mask].
  private Forward[] ring = new Forward[1024];
  private long head = 1;
  private long tail = 1;

  /** A forwarded request waiting for its backend's answer. */
  static final class Forward {
    final long id;
    final int client;
    final long clientId;
    final int attempt;
    final int backend;
    final int epoch;
    final long sentLocalNanos;

    Forward(
        long id,
        int client,
        long clientId,
        int attempt,
        int backend,
        int epoch,
        long sentLocalNanos) {
      this.id = id;
      this.client = client;
      this.clientId = clientId;
      this.attempt = attempt;
      this.backend = backend;
      this.epoch = epoch;
      this.sentLocalNanos = sentLocalNanos;
    }
  }

  /** Timer: time to check every backend. */
  record CheckRound() {}

  LoadBalancerNode(LoadBalancerParams params) {
    this.params = params;
    // Null only in records built in code: the YAML default is round-robin.
    this.policy = params.policy() == null ? LoadBalancerParams.Policy.ROUND_ROBIN : params.policy();
  }

  @Override
  public void start(NodeContext c) {
    this.ctx = c;
    this.metrics = c.metrics();
    this.routingRng = c.random("routing");
    this.backends = c.members(params.backends());
    if (backends.length == 0) {
      throw new IllegalStateException("backends '" + params.backends() + "' names no node");
    }
    int n = backends.length;
    outstanding = new int[n];
    epoch = new int[n];
    healthy = new boolean[n];
    failures = new int[n];
    successes = new int[n];
    healthyList = new int[n];
    Arrays.fill(healthy, true);
    rebuildHealthy();
    c.on(Request.class, this::onRequest);
    c.on(Response.class, this::onResponse);
    if (params.healthCheck() != null) {
      backendTags = new Integer[n];
      for (int i = 0; i < n; i++) {
        backendTags[i] = i;
      }
      checks =
          new Rpc<>(
              c,
              HEALTH_ID_BASE,
              new Rpc.Listener<>() {
                @Override
                public void answered(Integer backend, Response r, int from) {
                  checked(backend, r.status() == Status.OK);
                }

                @Override
                public void timedOut(Integer backend) {
                  checked(backend, false);
                }
              });
      c.onTimer(CheckRound.class, t -> checkRound());
      c.setTimer(params.healthCheck().intervalNanos(), new CheckRound());
    }
  }

  // ------------------------------------------------------------------ forwarding

  private void onRequest(Request r, int from) {
    if (r.healthCheck()) {
      // Checked by another balancer: healthy while some backend is.
      ctx.send(from, Response.to(r, healthyCount > 0 ? Status.OK : Status.ERROR));
      return;
    }
    long now = ctx.localTime();
    expire(now);
    if (healthyCount == 0) {
      metrics.count("noBackend", 1);
      ctx.send(from, Response.to(r, Status.ERROR));
      return;
    }
    int b = choose();
    long id = tail;
    add(new Forward(id, from, r.id(), r.attempt(), b, epoch[b], now));
    outstanding[b]++;
    ctx.send(backends[b], new Request(id, r.attempt(), r.origin(), false, r.sizeBytes()));
  }

  private void onResponse(Response r, int from) {
    if (checks != null && checks.handle(r, from)) {
      return;
    }
    long id = r.id();
    if (id < head || id >= tail) {
      return;
    }
    int slot = (int) (id & (ring.length - 1));
    Forward f = ring[slot];
    if (f == null || f.id != id) {
      // Answered already (a duplicate) or forgotten.
      return;
    }
    ring[slot] = null;
    settle(f);
    ctx.send(f.client, new Response(f.clientId, f.attempt, r.status(), r.harvest(), r.sizeBytes()));
  }

  private void add(Forward f) {
    if (tail - head == ring.length) {
      Forward[] bigger = new Forward[ring.length * 2];
      for (long id = head; id < tail; id++) {
        bigger[(int) (id & (bigger.length - 1))] = ring[(int) (id & (ring.length - 1))];
      }
      ring = bigger;
    }
    ring[(int) (f.id & (ring.length - 1))] = f;
    tail++;
  }

  /** A forwarded request is no longer outstanding (answered or forgotten). */
  private void settle(Forward f) {
    if (f.epoch == epoch[f.backend]) {
      outstanding[f.backend]--;
    }
  }

  /** Forgets forwarded requests older than {@code forgetAfter}, oldest first. */
  private void expire(long now) {
    long limit = params.forgetAfterNanos();
    while (head < tail) {
      int slot = (int) (head & (ring.length - 1));
      Forward f = ring[slot];
      if (f != null) {
        if (limit <= 0 || now - f.sentLocalNanos < limit) {
          return;
        }
        ring[slot] = null;
        settle(f);
        metrics.count("forgotten", 1);
      }
      head++;
    }
  }

  private int choose() {
    int n = healthyCount;
    switch (policy) {
      case RANDOM:
        return healthyList[routingRng.nextInt(n)];
      case LEAST_OUTSTANDING:
        {
          // Scan from a rotating start so that ties are spread rather than always won by the first.
          int start = cursor++ % n;
          if (cursor < 0) {
            cursor = 0;
          }
          int best = healthyList[start];
          for (int i = 1; i < n; i++) {
            int b = healthyList[(start + i) % n];
            if (outstanding[b] < outstanding[best]) {
              best = b;
            }
          }
          return best;
        }
      case P2C:
        {
          if (n == 1) {
            return healthyList[0];
          }
          int i = routingRng.nextInt(n);
          int j = routingRng.nextInt(n - 1);
          if (j >= i) {
            j++;
          }
          int a = healthyList[i];
          int b = healthyList[j];
          return outstanding[b] < outstanding[a] ? b : a;
        }
      default:
        {
          int b = healthyList[cursor++ % n];
          if (cursor < 0) {
            cursor = 0;
          }
          return b;
        }
    }
  }

  // ------------------------------------------------------------------ health checks

  private void checkRound() {
    LoadBalancerParams.HealthCheck hc = params.healthCheck();
    expire(ctx.localTime());
    for (int i = 0; i < backends.length; i++) {
      checks.call(backends[i], 0, ctx.id(), true, 0, hc.timeoutNanos(), backendTags[i]);
    }
    ctx.setTimer(hc.intervalNanos(), new CheckRound());
  }

  private void checked(int b, boolean ok) {
    LoadBalancerParams.HealthCheck hc = params.healthCheck();
    if (ok) {
      failures[b] = 0;
      successes[b]++;
      if (!healthy[b] && successes[b] >= hc.healthyAfter()) {
        healthy[b] = true;
        if (ctx.tracing()) {
          ctx.log("re-admit backend " + backends[b]);
        }
        rebuildHealthy();
      }
    } else {
      successes[b] = 0;
      failures[b]++;
      if (healthy[b] && failures[b] >= hc.unhealthyAfter()) {
        healthy[b] = false;
        epoch[b]++;
        outstanding[b] = 0;
        metrics.count("ejections", 1);
        if (ctx.tracing()) {
          ctx.log("eject backend " + backends[b]);
        }
        rebuildHealthy();
      }
    }
  }

  private void rebuildHealthy() {
    healthyCount = 0;
    for (int i = 0; i < backends.length; i++) {
      if (healthy[i]) {
        healthyList[healthyCount++] = i;
      }
    }
    metrics.gauge("healthyBackends", healthyCount);
  }
}
