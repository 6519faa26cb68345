/**
 * The {@code queue} node type, a message broker, and the protocol its consumers speak: {@link
 * dev.sim.components.queue.Pull} (a long poll with credit), {@link dev.sim.components.queue.Batch}
 * of {@link dev.sim.components.queue.Delivery deliveries}, and {@link
 * dev.sim.components.queue.Ack}. Producers publish with the client protocol ({@code rpc.Request}),
 * answered OK once stored or OVERLOADED when the queue is full.
 */
package dev.sim.components.queue;
