package dev.sim.kernel.node;

/** A message that declares its size on the wire, so links with a bandwidth can delay it. */
public interface Sized {
  /** Size on the wire in bytes. */
  long sizeBytes();
}
