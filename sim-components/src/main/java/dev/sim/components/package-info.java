/**
 * The built-in node types, a subpackage each: {@link dev.sim.components.client} ({@code client}:
 * open or closed loop, timeouts, retries with back-off and jitter, retry budget, adaptive
 * throttling, hedging), {@link dev.sim.components.server} ({@code server}: workers, a bounded FIFO
 * or LIFO queue, load shedding, downstream calls with partial answers, a GC model) and {@link
 * dev.sim.components.lb} ({@code load-balancer}: four policies, active health checks). They speak
 * one small protocol, in {@link dev.sim.components.rpc}: a {@link dev.sim.components.rpc.Request}
 * is answered by a {@link dev.sim.components.rpc.Response}; {@link dev.sim.components.rpc.Rpc} is
 * the "send, then get an answer or a timeout" helper that clients, servers and the load balancer's
 * health checks share, and {@link dev.sim.components.rpc.HedgedCall} the bookkeeping of a hedged
 * call that clients and servers share.
 */
package dev.sim.components;
