package dev.sim.components;

import dev.sim.api.Param;
import dev.sim.kernel.random.Distribution;
import java.util.Arrays;
import java.util.List;

/** Builders of parameter records for tests, with the same defaults as the YAML binder. */
final class Specs {
  private Specs() {}

  static ClientSpec openLoop(String target, double ratePerSecond) {
    ClientSpec c = new ClientSpec();
    c.target = target;
    c.rate = ratePerSecond;
    return c;
  }

  static ClientSpec closedLoop(String target, int users, Distribution think) {
    ClientSpec c = new ClientSpec();
    c.target = target;
    c.users = users;
    c.think = think;
    return c;
  }

  static ServerSpec server() {
    return new ServerSpec();
  }

  static final class ClientSpec {
    String target;
    ClientParams.Arrivals arrivals = ClientParams.Arrivals.POISSON;
    Double rate;
    List<ClientParams.ProfileStep> profile;
    int users;
    Distribution think;
    long timeoutNanos;
    ClientParams.Retry retry;
    double budget;
    ClientParams.Throttle throttle;
    HedgeParams hedge;
    long sizeBytes = 1024;

    ClientSpec constantArrivals() {
      arrivals = ClientParams.Arrivals.CONSTANT;
      return this;
    }

    ClientSpec profile(ClientParams.ProfileStep... steps) {
      rate = null;
      profile = Arrays.asList(steps);
      return this;
    }

    ClientSpec size(long bytes) {
      sizeBytes = bytes;
      return this;
    }

    ClientSpec timeout(long nanos) {
      timeoutNanos = nanos;
      return this;
    }

    ClientSpec retry(
        int max,
        ClientParams.BackoffShape backoff,
        long baseNanos,
        long capNanos,
        ClientParams.Jitter jitter) {
      retry = new ClientParams.Retry(max, backoff, baseNanos, capNanos, jitter);
      return this;
    }

    ClientSpec retries(int max) {
      return retry(max, ClientParams.BackoffShape.NONE, 0, 0, ClientParams.Jitter.NONE);
    }

    ClientSpec budget(double ratio) {
      budget = ratio;
      return this;
    }

    ClientSpec throttle(double k, long windowNanos) {
      throttle = new ClientParams.Throttle(k, windowNanos);
      return this;
    }

    ClientSpec hedge(long afterNanos) {
      hedge = new HedgeParams(afterNanos);
      return this;
    }

    ClientParams build() {
      return new ClientParams(
          target,
          new ClientParams.Load(arrivals, rate, profile, users, think),
          sizeBytes,
          timeoutNanos,
          retry,
          budget,
          throttle,
          hedge);
    }
  }

  static final class ServerSpec {
    int workers = Param.UNBOUNDED;
    int capacity = Param.UNBOUNDED;
    ServerParams.Discipline discipline = ServerParams.Discipline.FIFO;
    Distribution service;
    long sizeBytes = 4096;
    ServerParams.Shed shed;
    ServerParams.Calls calls;
    ServerParams.HealthChecks healthChecks = ServerParams.HealthChecks.QUEUED;
    ServerParams.Gc gc;

    ServerSpec workers(int n) {
      workers = n;
      return this;
    }

    ServerSpec queue(int cap, ServerParams.Discipline disc) {
      capacity = cap;
      discipline = disc;
      return this;
    }

    ServerSpec service(Distribution d) {
      service = d;
      return this;
    }

    ServerSpec size(long bytes) {
      sizeBytes = bytes;
      return this;
    }

    ServerSpec shedAbove(int n) {
      shed = new ServerParams.Shed(n);
      return this;
    }

    ServerSpec calls(
        String target,
        long timeoutNanos,
        ServerParams.Fanout fanout,
        ServerParams.Partial partial,
        HedgeParams hedge) {
      calls = new ServerParams.Calls(target, timeoutNanos, fanout, partial, hedge);
      return this;
    }

    ServerSpec bypassHealthChecks() {
      healthChecks = ServerParams.HealthChecks.BYPASS;
      return this;
    }

    ServerSpec gc(ServerParams.Gc g) {
      gc = g;
      return this;
    }

    ServerParams build() {
      return new ServerParams(
          workers,
          new ServerParams.Queue(capacity, discipline),
          service,
          sizeBytes,
          shed,
          calls,
          healthChecks,
          gc);
    }
  }
}
