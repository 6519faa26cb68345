package dev.sim.stores.client;

import static dev.sim.testkit.Harness.ms;

import dev.sim.components.client.ClientParams;
import dev.sim.components.client.ClientParams.BackoffShape;
import dev.sim.components.client.ClientParams.Jitter;
import dev.sim.kernel.random.Distribution;
import dev.sim.stores.client.KvClientParams.Coordinator;
import dev.sim.stores.client.KvClientParams.CounterShares;
import dev.sim.stores.client.KvClientParams.KeyDistribution;
import dev.sim.stores.client.KvClientParams.Mix;
import dev.sim.stores.client.KvClientParams.OfflineSync;
import dev.sim.stores.client.KvClientParams.RegisterShares;
import dev.sim.stores.client.KvClientParams.SetShares;

/** A builder of {@link KvClientParams} for tests, with the defaults the YAML keys have. */
final class KvSpecs {
  String target = "store";
  Coordinator coordinator = Coordinator.FIXED;
  Integer coordinatorIndex;
  double explore = 0.05;
  ClientParams.Load load;
  int maxOutstanding = 100;
  Mix mix;
  int keys = 10;
  KeyDistribution keyDistribution = KeyDistribution.UNIFORM;
  Double exponent;
  Double hot;
  int hotKeys = 1;
  long incrBy = 1;
  long timeoutNanos = ms(100);
  ClientParams.Retry retry;
  long finalReadsNanos;
  boolean checkAnswers = true;
  OfflineSync offlineSync = OfflineSync.PUT;

  /** An open loop of Poisson arrivals at {@code perSecond}. */
  static KvSpecs open(double perSecond) {
    KvSpecs s = new KvSpecs();
    s.load = new ClientParams.Load(ClientParams.Arrivals.POISSON, perSecond, null, 0, null);
    return s;
  }

  /** An open loop of evenly spaced arrivals at {@code perSecond}. */
  static KvSpecs constant(double perSecond) {
    KvSpecs s = new KvSpecs();
    s.load = new ClientParams.Load(ClientParams.Arrivals.CONSTANT, perSecond, null, 0, null);
    return s;
  }

  /** A closed loop of {@code users} thinking {@code think} (null: not at all). */
  static KvSpecs closed(int users, Distribution think) {
    KvSpecs s = new KvSpecs();
    s.load = new ClientParams.Load(ClientParams.Arrivals.POISSON, null, null, users, think);
    return s;
  }

  KvSpecs registers(double read, double write, double cas) {
    mix = new Mix(new RegisterShares(read, write, cas), null, null);
    return this;
  }

  KvSpecs everything() {
    mix =
        new Mix(
            new RegisterShares(0.2, 0.2, 0.1),
            new SetShares(0.15, 0.1),
            new CounterShares(0.15, 0.1));
    return this;
  }

  KvSpecs mix(Mix m) {
    mix = m;
    return this;
  }

  KvSpecs keys(int n) {
    keys = n;
    return this;
  }

  KvSpecs timeout(long nanos) {
    timeoutNanos = nanos;
    return this;
  }

  KvSpecs retries(int max, long baseNanos) {
    retry = new ClientParams.Retry(max, BackoffShape.EXPONENTIAL, baseNanos, 0, Jitter.FULL);
    return this;
  }

  KvSpecs retry(ClientParams.Retry r) {
    retry = r;
    return this;
  }

  KvSpecs finalReads(long nanos) {
    finalReadsNanos = nanos;
    return this;
  }

  KvSpecs checkAnswers(boolean on) {
    checkAnswers = on;
    return this;
  }

  KvSpecs sets(double add, double read) {
    mix = new Mix(null, new SetShares(add, read), null);
    return this;
  }

  KvSpecs offlineSync(OfflineSync o) {
    offlineSync = o;
    return this;
  }

  KvSpecs target(String t) {
    target = t;
    return this;
  }

  KvSpecs coordinator(Coordinator c) {
    coordinator = c;
    return this;
  }

  KvSpecs maxOutstanding(int n) {
    maxOutstanding = n;
    return this;
  }

  KvClientParams build() {
    return new KvClientParams(
        target,
        coordinator,
        coordinatorIndex,
        explore,
        load,
        maxOutstanding,
        mix,
        keys,
        keyDistribution,
        exponent,
        hot,
        hotKeys,
        incrBy,
        timeoutNanos,
        retry,
        finalReadsNanos,
        checkAnswers,
        offlineSync);
  }
}
