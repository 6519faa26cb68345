package dev.sim.protocols.twogenerals;

/**
 * Parameters of the {@code two-generals-referee} node type: it has none; it judges whatever
 * decisions the generals report to it.
 */
public record TwoGeneralsRefereeParams() {}
