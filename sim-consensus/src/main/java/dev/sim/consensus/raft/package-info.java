/**
 * The {@code raft} node type (a Raft server replicating a key-value map, the CP store that {@code
 * kv-client} drives), its cluster-wide safety invariants and the {@code crash-leader} fault.
 */
package dev.sim.consensus.raft;
