/**
 * Stateful node types: {@code kv-client}, a workload that records every operation in the run's
 * history, and {@code kv-store}, a Dynamo/Riak-style replicated key-value store. They talk in the
 * messages of {@link dev.sim.stores.protocol}.
 */
package dev.sim.stores;
