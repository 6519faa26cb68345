/**
 * The Byzantine generals (Lamport, Shostak and Pease, 1982): the oral-messages algorithm OM(m) and
 * the signed-messages algorithm SM(m), run over the simulated network in rounds bounded by
 * timeouts, with traitors that follow a configurable strategy, and a referee that checks the
 * paper's interactive-consistency conditions.
 *
 * <ul>
 *   <li>{@code byzantine-general} ({@link dev.sim.protocols.byzantine.ByzantineGeneralType}): one
 *       general; every general of a run is an instance of one node group.
 *   <li>{@code byzantine-referee} ({@link dev.sim.protocols.byzantine.ByzantineRefereeType}): an
 *       observer outside the protocol that collects each general's report and records the counters
 *       {@code ic1Violations}, {@code ic2Violations}, {@code decidedAttack}, {@code decidedRetreat}
 *       and {@code verdicts}.
 * </ul>
 *
 * <p>The generals themselves count {@code messages} (protocol messages sent), {@code
 * missingMessages} (orders a loyal lieutenant never received by its round's timeout and took as
 * RETREAT, OM only), {@code lateMessages} and {@code rejectedMessages}.
 */
package dev.sim.protocols.byzantine;
