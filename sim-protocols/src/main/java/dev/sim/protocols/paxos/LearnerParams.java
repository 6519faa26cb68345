package dev.sim.protocols.paxos;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import java.util.List;

/**
 * Parameters of the {@code paxos-learner} node type (YAML keys in brackets).
 *
 * @param acceptors [acceptors] the acceptors whose accepts it counts (groups or instances of {@code
 *     paxos-acceptor}); it learns a value once a majority of them accepted one ballot
 */
public record LearnerParams(
    @Param(
            doc =
                "The acceptors whose accepts it counts: paxos-acceptor groups or instances; it"
                    + " learns a value when a majority of them accepted the same ballot.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = "paxos-acceptor")
        List<String> acceptors) {}
