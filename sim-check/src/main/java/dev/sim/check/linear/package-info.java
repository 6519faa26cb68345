/**
 * The linearizability checker for registers and cas-registers: {@link
 * dev.sim.check.linear.Linearizability#check} splits a history per key and searches each key for an
 * order of its operations that respects real time and the register's rules, with a witness (the
 * longest valid prefix and the operation that cannot follow it) when there is none. {@link
 * dev.sim.check.linear.SimulatedRegisters} makes histories of a truly linearizable register for
 * tests and benchmarks.
 */
package dev.sim.check.linear;
