/**
 * The {@code grid-node} and {@code grid-users} node types: a graph of services, each carrying its
 * own users' load, whose users fail over to the neighbours of a node that stops answering; an
 * overloaded node trips after a tolerance, and the load it carried moves on (docs/criticality.md).
 */
package dev.sim.components.grid;
