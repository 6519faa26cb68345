/**
 * The {@code probe} node type: an availability monitor that asks every instance of a group at a
 * fixed interval whether it is up, and records each probe as a request (so {@code yield} is the
 * availability), with its downtime, outages, days with an outage and nines (docs/availability.md).
 */
package dev.sim.components.probe;
