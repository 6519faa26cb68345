package dev.sim.components.grid;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code grid-node} node type; each {@link Param} doc is what {@code sim explain
 * grid-node} prints.
 */
public record GridNodeParams(
    @Param(
            doc =
                "Requests per second the node can serve; above it the node serves this much, in"
                    + " proportion to each sender's demand, and the rest is refused.",
            unit = Unit.RATE,
            required = true)
        double capacity,
    @Param(
            key = "overloadFor",
            doc =
                "How long the load may stay above the capacity before the node trips (crashes);"
                    + " a shorter overload is served at capacity and forgotten.",
            unit = Unit.DURATION,
            defaultValue = "5s")
        long overloadForNanos,
    @Param(
            key = "onOverload",
            doc =
                "What a node overloaded for overloadFor does: trip (crash, and its users fail over"
                    + " to its neighbours) or shed (keep serving its capacity and refuse the rest,"
                    + " for ever if need be).",
            unit = Unit.CHOICE,
            defaultValue = "trip")
        OnOverload onOverload,
    @Param(
            key = "repair",
            doc =
                "After a trip, the node restarts this much later, and its users come back to it;"
                    + " 0s = it stays down.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long repairNanos,
    @Param(
            doc =
                "How the group's nodes are linked: ring (each node to the reach nearest on each"
                    + " side), lattice (rows of columns nodes, each to the nodes above, below, left"
                    + " and right) or none (only the nodes listed in neighbours).",
            unit = Unit.CHOICE,
            defaultValue = "ring")
        Topology topology,
    @Param(
            doc = "On a ring, how many nodes on each side a node is linked to.",
            unit = Unit.COUNT,
            defaultValue = "1",
            max = 1_000_000)
        int reach,
    @Param(
            doc = "On a lattice, the nodes per row; required with topology lattice.",
            unit = Unit.COUNT,
            defaultValue = "0",
            max = 1_000_000)
        int columns,
    @Param(
            doc =
                "Further grid nodes this node's users fail over to, besides those of the topology"
                    + " (one way: list this node in theirs too for a link both ways).",
            unit = Unit.NODE_REF,
            nodeTypes = "grid-node")
        List<String> neighbours) {

  /** What an overloaded node does. */
  public enum OnOverload {
    /** Crash after overloadFor; restart after repair. */
    TRIP,
    /** Serve the capacity and refuse the rest. */
    SHED
  }

  /** How a group's nodes are linked. */
  public enum Topology {
    /** A ring: each node to {@code reach} nodes on each side. */
    RING,
    /** A grid of {@code columns} nodes per row, each to its four nearest. */
    LATTICE,
    /** No links but {@code neighbours}. */
    NONE
  }

  /** An absent neighbours key is no neighbours. */
  public GridNodeParams {
    neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
  }
}
