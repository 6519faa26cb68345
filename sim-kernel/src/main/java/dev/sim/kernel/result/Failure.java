package dev.sim.kernel.result;

/**
 * A node's handler threw and the run stopped.
 *
 * @param node node id
 * @param nodeName instance name
 * @param timeNanos simulated time of the failing event
 * @param event the event being handled, e.g. {@code message Ping from api-1}
 * @param message the exception's class and message
 * @param stackTrace the exception's stack trace as text
 */
public record Failure(
    int node, String nodeName, long timeNanos, String event, String message, String stackTrace) {}
