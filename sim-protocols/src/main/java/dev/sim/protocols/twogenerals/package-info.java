/**
 * The two generals' problem: two armies on either side of a valley must attack together, and can
 * talk only through messengers who may be caught crossing it. No number of messengers guarantees a
 * coordinated attack; more messengers only make disagreement rarer.
 *
 * <ul>
 *   <li>{@code two-generals} ({@link dev.sim.protocols.twogenerals.TwoGeneralsType}): general A
 *       (role {@code a}) proposes an attack time with {@code messengers} messengers; general B
 *       (role {@code b}) acknowledges each messenger that reaches it.
 *   <li>{@code two-generals-referee} ({@link
 *       dev.sim.protocols.twogenerals.TwoGeneralsRefereeType}): collects both decisions of each
 *       trial and counts {@code disagreement}, {@code aAttacks}, {@code bAttacks} and {@code
 *       trials}.
 * </ul>
 *
 * {@link dev.sim.protocols.twogenerals.TwoGeneralsModel} gives the probability of disagreement in
 * closed form, for comparison with runs over many seeds or trials.
 */
package dev.sim.protocols.twogenerals;
