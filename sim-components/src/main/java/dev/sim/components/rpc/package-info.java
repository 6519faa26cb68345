/**
 * The protocol the built-in node types speak ({@link dev.sim.components.rpc.Request}, {@link
 * dev.sim.components.rpc.Response}, {@link dev.sim.components.rpc.Status}) and the calling side
 * they share: {@link dev.sim.components.rpc.Rpc} for one call and its timeout, {@link
 * dev.sim.components.rpc.HedgedCall} for a call of up to two copies.
 */
package dev.sim.components.rpc;
