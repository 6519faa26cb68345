package dev.sim.components.queue;

/**
 * One message handed to a consumer.
 *
 * @param messageId the queue's id of the message, to acknowledge it with
 * @param attempt which delivery of the message this is (1 = the first)
 * @param sizeBytes the message's size as published
 */
public record Delivery(long messageId, int attempt, long sizeBytes) {}
