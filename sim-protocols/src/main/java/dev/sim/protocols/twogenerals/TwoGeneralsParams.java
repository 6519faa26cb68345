package dev.sim.protocols.twogenerals;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;

/**
 * Parameters of the {@code two-generals} node type (YAML keys in brackets).
 *
 * @param role [role] {@code a}: proposes the attack and sends the messengers; {@code b}: receives
 *     them and acknowledges each (see {@link Role})
 * @param peer [peer] the other general
 * @param referee [referee] the two-generals-referee each decision is reported to; absent: none
 * @param messengers [messengers] A's messengers per trial (B ignores it)
 * @param acks [acks] messengers B sends back for each messenger that reaches it (A ignores it)
 * @param intervalNanos [interval] time between A's successive messengers; absent: all leave at once
 * @param attackAtNanos [attackAt] when, after a trial starts, both generals decide: A attacks if an
 *     acknowledgement has reached it, B if a messenger has
 * @param trials [trials] independent attempts, one after another
 * @param everyNanos [every] time from one trial's start to the next's; at least {@code attackAt}
 */
public record TwoGeneralsParams(
    @Param(
            doc =
                "a: proposes the attack and sends the messengers; b: acknowledges each"
                    + " messenger that reaches it.",
            unit = Unit.CHOICE,
            required = true)
        Role role,
    @Param(
            doc = "The other general.",
            unit = Unit.NODE_REF,
            required = true,
            single = true,
            nodeTypes = "two-generals")
        String peer,
    @Param(
            doc = "The two-generals-referee each decision is reported to; absent: none.",
            unit = Unit.NODE_REF,
            single = true,
            nodeTypes = "two-generals-referee")
        String referee,
    @Param(
            doc =
                "Messengers general A sends per trial, each crossing the lossy valley on its own.",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 10_000)
        int messengers,
    @Param(
            doc = "Messengers general B sends back for every messenger that reaches it.",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 10_000)
        int acks,
    @Param(
            key = "interval",
            doc = "Time between A's successive messengers; absent: all leave" + " at once.",
            unit = Unit.DURATION)
        long intervalNanos,
    @Param(
            key = "attackAt",
            doc =
                "When, after a trial starts, both decide: A attacks if an"
                    + " acknowledgement reached it, B if a messenger did.",
            unit = Unit.DURATION,
            defaultValue = "500ms")
        long attackAtNanos,
    @Param(
            doc = "Independent attempts at a coordinated attack, one after another.",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 10_000_000)
        int trials,
    @Param(
            key = "every",
            doc = "Time from one trial's start to the next's (at least attackAt).",
            unit = Unit.DURATION,
            defaultValue = "1s")
        long everyNanos) {

  /** Whether this general is A, the one who proposes. */
  public boolean proposer() {
    return role == Role.A;
  }
}
