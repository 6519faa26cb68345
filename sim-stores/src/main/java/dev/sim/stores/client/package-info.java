/**
 * The {@code kv-client} node type, a workload that records every operation in the run's history:
 * its parameters and checks, the node, and the pieces it is made of (the operation mix, the key
 * chooser, the coordinator choice, the sender that sees each operation through its tries, the
 * offline queue and the local copies of sets that an offline sync uploads, the recorder that keeps
 * the history's rules) and the {@code offline} fault kind.
 */
package dev.sim.stores.client;
