/**
 * The {@code kv-store} node type ({@link dev.sim.stores.store.KvStoreType}): a Dynamo/Riak-style
 * replicated key-value store. One class per concern: the hash ring ({@code Ring}, {@code Hashing}),
 * what a replica holds and how states merge ({@code KeyState}: {@code LwwState}, {@code
 * SiblingState} with {@code VersionVector} and {@code PnCounter}), the coordinator of client
 * requests ({@code Coordinator}, {@code Coordination}, {@code Targets}, {@code Updates}), the
 * replica side ({@code Replica}, durable {@code StoreData}, the {@code WorkQueue} its operations
 * wait in), hinted handoff, anti-entropy, reachability and throttling. {@code docs/kv-store.md}
 * describes the behaviour as a user sees it.
 */
package dev.sim.stores.store;
