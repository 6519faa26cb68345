/**
 * The {@code flag-service} node type (a feature-flag service) and the messages a server's flag
 * lookup sends it.
 */
package dev.sim.components.flags;
