/**
 * Single-decree Paxos (Lamport, "Paxos Made Simple", 2001): proposers, acceptors and learners agree
 * on one value despite lost, duplicated and reordered messages and crashed and restarted nodes.
 *
 * <ul>
 *   <li>{@code paxos-proposer} ({@link dev.sim.protocols.paxos.PaxosProposerType}): prepare and
 *       accept with ballots (round, proposer id); a higher ballot after a nack or a timeout, after
 *       a back-off: none, random, or a distinguished proposer with a lease.
 *   <li>{@code paxos-acceptor} ({@link dev.sim.protocols.paxos.PaxosAcceptorType}): promises and
 *       accepts, its state durable across crashes.
 *   <li>{@code paxos-learner} ({@link dev.sim.protocols.paxos.PaxosLearnerType}): learns a value
 *       accepted by a majority in one ballot.
 * </ul>
 *
 * The invariant "at most one value chosen" is checked in every run by {@code PaxosObserver}, which
 * sees every accept and every learned value and stops the run when two differ.
 */
package dev.sim.protocols.paxos;
