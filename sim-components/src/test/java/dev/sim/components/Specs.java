package dev.sim.components;

import dev.sim.api.Param;
import dev.sim.components.client.ClientParams;
import dev.sim.components.flags.FlagParams;
import dev.sim.components.rpc.HedgeParams;
import dev.sim.components.server.ServerParams;
import dev.sim.kernel.random.Distribution;
import java.util.Arrays;
import java.util.List;

/** Builders of parameter records for tests, with the same defaults as the YAML binder. */
public final class Specs {
  private Specs() {}

  public static ClientSpec openLoop(String target, double ratePerSecond) {
    ClientSpec c = new ClientSpec();
    c.target = target;
    c.rate = ratePerSecond;
    return c;
  }

  public static ClientSpec closedLoop(String target, int users, Distribution think) {
    ClientSpec c = new ClientSpec();
    c.target = target;
    c.users = users;
    c.think = think;
    return c;
  }

  public static ServerSpec server() {
    return new ServerSpec();
  }

  public static final class ClientSpec {
    public String target;
    public ClientParams.Arrivals arrivals = ClientParams.Arrivals.POISSON;
    public Double rate;
    public List<ClientParams.ProfileStep> profile;
    public int users;
    public Distribution think;
    public long timeoutNanos;
    public ClientParams.Retry retry;
    public double budget;
    public long budgetWindowNanos = 10_000_000_000L;
    public double budgetMinRate;
    public ClientParams.Throttle throttle;
    public HedgeParams hedge;
    public long sizeBytes = 1024;
    public FlagParams flag;

    public ClientSpec flag(FlagParams f) {
      flag = f;
      return this;
    }

    public ClientSpec constantArrivals() {
      arrivals = ClientParams.Arrivals.CONSTANT;
      return this;
    }

    public ClientSpec profile(ClientParams.ProfileStep... steps) {
      rate = null;
      profile = Arrays.asList(steps);
      return this;
    }

    public ClientSpec size(long bytes) {
      sizeBytes = bytes;
      return this;
    }

    public ClientSpec timeout(long nanos) {
      timeoutNanos = nanos;
      return this;
    }

    public ClientSpec retry(
        int max,
        ClientParams.BackoffShape backoff,
        long baseNanos,
        long capNanos,
        ClientParams.Jitter jitter) {
      retry = new ClientParams.Retry(max, backoff, baseNanos, capNanos, jitter);
      return this;
    }

    public ClientSpec retries(int max) {
      return retry(max, ClientParams.BackoffShape.NONE, 0, 0, ClientParams.Jitter.NONE);
    }

    public ClientSpec budget(double ratio) {
      budget = ratio;
      return this;
    }

    public ClientSpec budgetWindow(long nanos) {
      budgetWindowNanos = nanos;
      return this;
    }

    public ClientSpec budgetMinRate(double perSecond) {
      budgetMinRate = perSecond;
      return this;
    }

    public ClientSpec throttle(double k, long windowNanos) {
      throttle = new ClientParams.Throttle(k, windowNanos);
      return this;
    }

    public ClientSpec hedge(long afterNanos) {
      hedge = new HedgeParams(afterNanos);
      return this;
    }

    public ClientParams build() {
      return new ClientParams(
          target,
          new ClientParams.Load(arrivals, rate, profile, users, think),
          sizeBytes,
          timeoutNanos,
          retry,
          budget,
          budgetWindowNanos,
          budgetMinRate,
          throttle,
          hedge,
          flag);
    }
  }

  public static final class ServerSpec {
    public int workers = Param.UNBOUNDED;
    public int capacity = Param.UNBOUNDED;
    public ServerParams.Discipline discipline = ServerParams.Discipline.FIFO;
    public Distribution service;
    public long sizeBytes = 4096;
    public ServerParams.Shed shed;
    public ServerParams.Calls calls;
    public ServerParams.HealthChecks healthChecks = ServerParams.HealthChecks.QUEUED;
    public ServerParams.Gc gc;
    public FlagParams flag;

    public ServerSpec workers(int n) {
      workers = n;
      return this;
    }

    public ServerSpec queue(int cap, ServerParams.Discipline disc) {
      capacity = cap;
      discipline = disc;
      return this;
    }

    public ServerSpec service(Distribution d) {
      service = d;
      return this;
    }

    public ServerSpec size(long bytes) {
      sizeBytes = bytes;
      return this;
    }

    public ServerSpec shedAbove(int n) {
      shed = new ServerParams.Shed(n);
      return this;
    }

    public ServerSpec calls(
        String target,
        long timeoutNanos,
        ServerParams.Fanout fanout,
        ServerParams.Partial partial,
        HedgeParams hedge) {
      calls = new ServerParams.Calls(target, timeoutNanos, fanout, partial, hedge);
      return this;
    }

    public ServerSpec bypassHealthChecks() {
      healthChecks = ServerParams.HealthChecks.BYPASS;
      return this;
    }

    public ServerSpec flag(FlagParams f) {
      flag = f;
      return this;
    }

    public ServerSpec gc(ServerParams.Gc g) {
      gc = g;
      return this;
    }

    public ServerParams build() {
      return new ServerParams(
          workers,
          new ServerParams.Queue(capacity, discipline),
          service,
          sizeBytes,
          shed,
          calls,
          healthChecks,
          gc,
          flag,
          "v1",
          null);
    }
  }
}
