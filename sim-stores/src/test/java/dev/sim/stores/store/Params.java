package dev.sim.stores.store;

import dev.sim.api.Param;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.stores.store.KvStoreParams.Conflicts;

/**
 * A fluent builder of {@link KvStoreParams} for tests; starts from {@link KvStoreParams#defaults}.
 */
final class Params {
  private static final long MS = 1_000_000L;

  int n = 3;
  Integer r;
  Integer w;
  int pr;
  int pw;
  boolean sloppy;
  long replicaTimeout = 100 * MS;
  long retryInterval = 1000 * MS;
  boolean readRepair = true;
  long antiEntropy;
  Conflicts conflicts = Conflicts.LWW;
  int vnodes = 32;
  Double limit;
  int capacity = Param.UNBOUNDED;
  Distribution service = Distributions.constant(0);
  int workers = 1;
  int queueLimit = Param.UNBOUNDED;

  static Params of() {
    return new Params();
  }

  Params n(int v) {
    n = v;
    return this;
  }

  Params r(int v) {
    r = v;
    return this;
  }

  Params w(int v) {
    w = v;
    return this;
  }

  Params pr(int v) {
    pr = v;
    return this;
  }

  Params pw(int v) {
    pw = v;
    return this;
  }

  Params sloppy() {
    sloppy = true;
    return this;
  }

  Params replicaTimeoutMs(long v) {
    replicaTimeout = v * MS;
    return this;
  }

  Params retryIntervalMs(long v) {
    retryInterval = v * MS;
    return this;
  }

  Params noReadRepair() {
    readRepair = false;
    return this;
  }

  Params antiEntropyMs(long v) {
    antiEntropy = v * MS;
    return this;
  }

  Params siblings() {
    conflicts = Conflicts.SIBLINGS;
    return this;
  }

  Params limit(double perSecond) {
    limit = perSecond;
    return this;
  }

  Params capacity(int keys) {
    capacity = keys;
    return this;
  }

  Params service(Distribution d) {
    service = d;
    return this;
  }

  Params serviceMs(double ms) {
    return service(Distributions.constant(ms * MS));
  }

  Params workers(int v) {
    workers = v;
    return this;
  }

  Params queueLimit(int v) {
    queueLimit = v;
    return this;
  }

  KvStoreParams build() {
    return new KvStoreParams(
        n,
        r,
        w,
        pr,
        pw,
        sloppy,
        replicaTimeout,
        retryInterval,
        readRepair,
        antiEntropy,
        conflicts,
        vnodes,
        limit,
        capacity,
        service,
        workers,
        queueLimit);
  }
}
