package dev.sim.kernel.result;

/**
 * One copy of a message, for space-time diagrams.
 *
 * @param from sender id
 * @param to receiver id
 * @param type message class simple name
 * @param summary the message's {@code toString()}, shortened
 * @param sendNanos simulated send time
 * @param deliverNanos simulated delivery time, or -1 if lost
 * @param lostCause why it was lost ({@code loss}, {@code partition}, {@code crashed}), or null
 */
public record MessageRecord(
    int from,
    int to,
    String type,
    String summary,
    long sendNanos,
    long deliverNanos,
    String lostCause) {}
