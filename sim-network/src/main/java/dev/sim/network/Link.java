package dev.sim.network;

import dev.sim.kernel.random.Distribution;
import java.util.Arrays;

/**
 * A per-link override: which links it matches and the settings it replaces.
 *
 * <p>{@link #between} matches both directions between two node sets; {@link #from}{@code
 * (a).}{@link From#to to}{@code (b)} matches only messages from {@code a} to {@code b}. Each
 * setting left unset keeps the network's default; a network uses the first override that matches a
 * link and ignores the later ones (first match wins, settings are not merged across overrides).
 * Immutable: the setters return a copy.
 */
public final class Link {
  private final int[] sideA;
  private final int[] sideB;
  private final boolean[] inA;
  private final boolean[] inB;
  private final boolean bothDirections;
  private final Distribution latencyNanos;
  private final double lossProbability;
  private final double duplicateProbability;
  private final double bandwidthBitsPerSecond;

  private Link(
      int[] a,
      int[] b,
      boolean both,
      Distribution latencyNanos,
      double loss,
      double duplicate,
      double bandwidth) {
    this.sideA = a;
    this.sideB = b;
    this.inA = membership(a);
    this.inB = membership(b);
    this.bothDirections = both;
    this.latencyNanos = latencyNanos;
    this.lossProbability = loss;
    this.duplicateProbability = duplicate;
    this.bandwidthBitsPerSecond = bandwidth;
  }

  /** Matches every link between a node of {@code a} and a node of {@code b}, both directions. */
  public static Link between(int[] a, int[] b) {
    return new Link(a.clone(), b.clone(), true, null, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Starts a one-direction override for messages sent by a node of {@code senders}. */
  public static From from(int[] senders) {
    return new From(senders.clone());
  }

  /** The first half of a one-direction override; {@link #to} completes it. */
  public static final class From {
    private final int[] senders;

    private From(int[] senders) {
      this.senders = senders;
    }

    /** Matches messages from the senders to a node of {@code receivers}, that direction only. */
    public Link to(int[] receivers) {
      return new Link(senders, receivers.clone(), false, null, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  /** Returns a copy whose one-way latency, in nanoseconds, is drawn from {@code latencyNanos}. */
  public Link latencyNanos(Distribution latencyNanos) {
    if (latencyNanos == null) {
      throw new IllegalArgumentException("latency distribution must not be null");
    }
    return new Link(
        sideA,
        sideB,
        bothDirections,
        latencyNanos,
        lossProbability,
        duplicateProbability,
        bandwidthBitsPerSecond);
  }

  /** Returns a copy that drops each message with probability {@code p} in [0, 1]. */
  public Link lossProbability(double p) {
    Network.requireProbability("loss", p);
    return new Link(
        sideA,
        sideB,
        bothDirections,
        latencyNanos,
        p,
        duplicateProbability,
        bandwidthBitsPerSecond);
  }

  /** Returns a copy that delivers a second copy of a message with probability {@code p}. */
  public Link duplicateProbability(double p) {
    Network.requireProbability("duplicate", p);
    return new Link(
        sideA, sideB, bothDirections, latencyNanos, lossProbability, p, bandwidthBitsPerSecond);
  }

  /** Returns a copy with bandwidth {@code bitsPerSecond}; 0 means unlimited (no size delay). */
  public Link bandwidthBitsPerSecond(double bitsPerSecond) {
    Network.requireBandwidth(bitsPerSecond);
    return new Link(
        sideA,
        sideB,
        bothDirections,
        latencyNanos,
        lossProbability,
        duplicateProbability,
        bitsPerSecond);
  }

  /** Whether this override applies to a message from node {@code from} to node {@code to}. */
  public boolean matches(int from, int to) {
    return (in(inA, from) && in(inB, to)) || (bothDirections && in(inA, to) && in(inB, from));
  }

  /** Whether it matches both directions ({@link #between}) rather than one ({@link #from}). */
  public boolean bothDirections() {
    return bothDirections;
  }

  /** The overriding latency in nanoseconds, or null to keep the default. */
  public Distribution latencyNanos() {
    return latencyNanos;
  }

  /** The overriding loss probability, or NaN to keep the default. */
  public double lossProbability() {
    return lossProbability;
  }

  /** The overriding duplicate probability, or NaN to keep the default. */
  public double duplicateProbability() {
    return duplicateProbability;
  }

  /** The overriding bandwidth in bits per second (0: unlimited), or NaN to keep the default. */
  public double bandwidthBitsPerSecond() {
    return bandwidthBitsPerSecond;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    s.append(bothDirections ? "between " : "from ")
        .append(Arrays.toString(sideA))
        .append(bothDirections ? " and " : " to ")
        .append(Arrays.toString(sideB));
    if (latencyNanos != null) {
      s.append(" latency=").append(latencyNanos.describe());
    }
    if (!Double.isNaN(lossProbability)) {
      s.append(" loss=").append(lossProbability);
    }
    if (!Double.isNaN(duplicateProbability)) {
      s.append(" duplicate=").append(duplicateProbability);
    }
    if (!Double.isNaN(bandwidthBitsPerSecond)) {
      s.append(" bandwidthBitsPerSecond=").append(bandwidthBitsPerSecond);
    }
    return s.toString();
  }

  private static boolean in(boolean[] set, int node) {
    return node < set.length && set[node];
  }

  private static boolean[] membership(int[] nodes) {
    int max = -1;
    for (int node : nodes) {
      if (node < 0) {
        throw new IllegalArgumentException("negative node id: " + node);
      }
      max = Math.max(max, node);
    }
    boolean[] in = new boolean[max + 1];
    for (int node : nodes) {
      in[node] = true;
    }
    return in;
  }
}
