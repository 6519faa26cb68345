/**
 * The built-in node types: {@code client} (open or closed loop, timeouts, retries with back-off and
 * jitter, retry budget, adaptive throttling, hedging), {@code server} (workers, a bounded FIFO or
 * LIFO queue, load shedding, downstream calls with partial answers, a GC model) and {@code
 * load-balancer} (four policies, active health checks). They speak one small protocol: a {@link
 * dev.sim.components.Request} is answered by a {@link dev.sim.components.Response}; {@link
 * dev.sim.components.Rpc} is the "send, then get an answer or a timeout" helper that clients,
 * servers and the load balancer's health checks share.
 */
package dev.sim.components;
