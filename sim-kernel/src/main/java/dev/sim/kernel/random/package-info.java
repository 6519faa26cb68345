/**
 * Seeded randomness: the PRNG, per-consumer streams derived from (seed, name), and samplers for the
 * distributions of the scenario format.
 */
package dev.sim.kernel.random;
