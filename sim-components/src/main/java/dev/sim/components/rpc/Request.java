package dev.sim.components.rpc;

import dev.sim.kernel.node.Sized;

/**
 * A request for work. The sender chooses {@code id} and matches the {@link Response} by it; every
 * hop (a load balancer, a server calling its dependency) uses ids of its own.
 *
 * @param id the sender's id for this copy, echoed in the response
 * @param attempt which try of the client's request this copy belongs to (1 = first), for traces
 * @param origin node id of the client that offered the request, for traces
 * @param healthCheck whether this is a load balancer's health check rather than work
 * @param sizeBytes size on the wire, which a link with a bandwidth turns into delay; a hop that
 *     passes the request on keeps it
 */
public record Request(long id, int attempt, int origin, boolean healthCheck, long sizeBytes)
    implements Sized {
  /** A short form for traces and space-time diagrams, e.g. {@code Request 17 try 2}. */
  @Override
  public String toString() {
    return (healthCheck ? "HealthCheck " : "Request ") + id + " try " + attempt;
  }
}
