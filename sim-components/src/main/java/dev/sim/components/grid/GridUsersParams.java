package dev.sim.components.grid;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code grid-users} node type; each {@link Param} doc is what {@code sim explain
 * grid-users} prints.
 */
public record GridUsersParams(
    @Param(
            doc =
                "The grid nodes whose users these are (groups or instances): every one of them"
                    + " is some users' home node.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = "grid-node")
        List<String> serves,
    @Param(
            doc = "Requests per second the users of each grid node send, on average.",
            unit = Unit.RATE,
            defaultValue = "100/s")
        double load,
    @Param(
            doc =
                "How much each node's users' load wanders: every round it is load × (1 + variation"
                    + " × u), u uniform in [-1, 1], drawn per node.",
            unit = Unit.FACTOR,
            defaultValue = "0.05",
            max = 1)
        double variation,
    @Param(
            key = "round",
            doc =
                "How often the users re-send their demand and see who answered: a node that did"
                    + " not answer the last round is down, and its users go to its neighbours.",
            unit = Unit.DURATION,
            defaultValue = "1s",
            min = 1e6)
        long roundNanos) {

  /** Copies the list. */
  public GridUsersParams {
    serves = serves == null ? List.of() : List.copyOf(serves);
  }
}
