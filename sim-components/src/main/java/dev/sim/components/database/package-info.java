/** The {@code database} node type: a connection limit and a query time that grows with load. */
package dev.sim.components.database;
