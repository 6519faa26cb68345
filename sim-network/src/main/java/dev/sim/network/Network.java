package dev.sim.network;

import dev.sim.kernel.net.Transport;
import dev.sim.kernel.node.Sized;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.RandomStreams;
import dev.sim.kernel.random.Rng;
import dev.sim.network.partition.Partitions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simulated network: a {@link Transport} that delays, loses, duplicates and (through varying
 * latency) reorders messages, and honours partitions.
 *
 * <p><b>Links.</b> Every message uses the first {@link Link} override matching its (sender,
 * receiver) pair, in the order they were added, else the defaults. Its delivery time is the send
 * time plus a latency drawn from the link's distribution plus, if the link has a bandwidth, the
 * transmission delay {@code ceil(sizeBytes * 8 * 1e9 / bandwidthBitsPerSecond)} nanoseconds. The
 * size comes from {@link Sized#sizeBytes()} or else the default size (0 bytes unless set). The
 * bandwidth only adds delay: messages do not queue behind each other on a link.
 *
 * <p><b>Randomness.</b> All draws come from one stream (conventionally {@link #STREAM}), in a fixed
 * order per send so that runs are reproducible: (1) one uniform for loss, always drawn, even when
 * the loss probability is 0 or 1; if the message is lost nothing more is drawn; (2) the latency
 * distribution's draws; (3) one uniform for duplication, always drawn; (4) if duplicated, the
 * latency distribution's draws for the second copy. A message is duplicated at most once and the
 * copy takes its own latency. Sends that end before step (1) draw nothing.
 *
 * <p><b>Special cases.</b> A send to oneself is delivered at once, never lost, cut or duplicated,
 * and draws nothing. A message whose link is cut when it is sent is lost with cause {@code
 * "partition"} (no draws); one whose link is cut when it would be delivered is dropped by the
 * kernel through {@link #deliverable}. Loss by probability has cause {@code "loss"}.
 *
 * <p><b>Faults.</b> {@link #partition}, {@link #cutOneWay}, {@link #heal}, {@link #lossBurst} and
 * {@link #endLossBurst} change the network while it runs; the scenario layer calls them from
 * scheduled control actions. A loss burst adds loss independently of the link's own: with link loss
 * {@code p} and active bursts {@code r1, r2} the probability becomes {@code 1 - (1-p)(1-r1)
 * (1-r2)}.
 *
 * <p>Not thread-safe: a network belongs to one simulation and runs on its kernel thread.
 */
public final class Network implements Transport {
  /** The conventional name of the network's random stream. */
  public static final String STREAM = "network";

  private static final double NANOS_PER_SECOND = 1e9;

  private static final Distribution ZERO_LATENCY =
      new Distribution() {
        @Override
        public double sample(Rng r) {
          return 0;
        }

        @Override
        public double mean() {
          return 0;
        }

        @Override
        public long sampleNanos(Rng r) {
          return 0;
        }

        @Override
        public String describe() {
          return "constant(0ns)";
        }
      };

  private final Rng rng;
  private final Profile defaults;
  private final Link[] links;
  private final Profile[] linkProfiles;
  private final long defaultSizeBytes;
  private final Partitions partitions = new Partitions();

  private Link[] burstLinks = new Link[2];
  private double[] burstRates = new double[2];
  private long[] burstIds = new long[2];
  private int burstCount;
  private long lastBurstId;

  private Network(Builder b, Rng rng) {
    this.rng = rng;
    this.defaults =
        new Profile(
            b.latencyNanos, b.lossProbability, b.duplicateProbability, b.bandwidthBitsPerSecond);
    this.links = b.links.toArray(new Link[0]);
    this.linkProfiles = new Profile[links.length];
    for (int i = 0; i < links.length; i++) {
      Link l = links[i];
      linkProfiles[i] =
          new Profile(
              l.latencyNanos() != null ? l.latencyNanos() : defaults.latencyNanos,
              Double.isNaN(l.lossProbability()) ? defaults.loss : l.lossProbability(),
              Double.isNaN(l.duplicateProbability())
                  ? defaults.duplicate
                  : l.duplicateProbability(),
              Double.isNaN(l.bandwidthBitsPerSecond())
                  ? defaults.bandwidthBitsPerSecond
                  : l.bandwidthBitsPerSecond());
    }
    this.defaultSizeBytes = b.defaultSizeBytes;
  }

  /** Starts a network configuration: zero latency, no loss, no duplication, no bandwidth limit. */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ Transport

  @Override
  public void send(int from, int to, Object message, long now, Deliveries out) {
    if (from == to) {
      out.deliverAt(now);
      return;
    }
    if (partitions.isCut(from, to)) {
      out.lost("partition");
      return;
    }
    Profile p = profile(from, to);
    double loss = burstCount == 0 ? p.loss : withBursts(p.loss, from, to);
    if (rng.nextDouble() < loss) {
      out.lost("loss");
      return;
    }
    long transmitNanos = p.bandwidthBitsPerSecond > 0 ? transmitNanos(message, p) : 0;
    out.deliverAt(plus(now, plus(p.latencyNanos.sampleNanos(rng), transmitNanos)));
    if (rng.nextDouble() < p.duplicate) {
      out.deliverAt(plus(now, plus(p.latencyNanos.sampleNanos(rng), transmitNanos)));
    }
  }

  @Override
  public boolean deliverable(int from, int to, long now) {
    return !partitions.isCut(from, to);
  }

  // ------------------------------------------------------------------ faults

  /**
   * Splits the nodes into {@code groups} that cannot reach each other; nodes in no group form one
   * more group together. Returns the id to {@link #heal} it with. See {@link Partitions}.
   */
  public long partition(int[][] groups) {
    return partitions.partition(groups);
  }

  /** Cuts every link from a node of {@code from} to a node of {@code to}; returns its id. */
  public long cutOneWay(int[] from, int[] to) {
    return partitions.cutOneWay(from, to);
  }

  /** Ends the partition or cut {@code id}; returns false if it was not active. */
  public boolean heal(long id) {
    return partitions.heal(id);
  }

  /** The active partitions and cuts, e.g. to check {@link Partitions#isCut}. */
  public Partitions partitions() {
    return partitions;
  }

  /**
   * Adds loss {@code rate} (a probability) to every link between a node of {@code a} and a node of
   * {@code b}, both directions, until {@link #endLossBurst}; returns the burst's id (1, 2, ...).
   */
  public long lossBurst(int[] a, int[] b, double rate) {
    requireProbability("loss burst rate", rate);
    Link selector = Link.between(a, b);
    if (burstCount == burstLinks.length) {
      burstLinks = Arrays.copyOf(burstLinks, burstCount * 2);
      burstRates = Arrays.copyOf(burstRates, burstCount * 2);
      burstIds = Arrays.copyOf(burstIds, burstCount * 2);
    }
    burstLinks[burstCount] = selector;
    burstRates[burstCount] = rate;
    burstIds[burstCount] = ++lastBurstId;
    burstCount++;
    return lastBurstId;
  }

  /** Ends loss burst {@code id}; returns false if it was not active. */
  public boolean endLossBurst(long id) {
    for (int i = 0; i < burstCount; i++) {
      if (burstIds[i] == id) {
        int tail = burstCount - i - 1;
        System.arraycopy(burstLinks, i + 1, burstLinks, i, tail);
        System.arraycopy(burstRates, i + 1, burstRates, i, tail);
        System.arraycopy(burstIds, i + 1, burstIds, i, tail);
        burstLinks[--burstCount] = null;
        return true;
      }
    }
    return false;
  }

  /**
   * The probability that a message from {@code from} to {@code to} sent now is lost by chance: the
   * link's loss combined with active bursts (0 for a send to oneself; partitions not counted).
   */
  public double lossProbability(int from, int to) {
    if (from == to) {
      return 0;
    }
    double loss = profile(from, to).loss;
    return burstCount == 0 ? loss : withBursts(loss, from, to);
  }

  // ------------------------------------------------------------------ internals

  private Profile profile(int from, int to) {
    Link[] ls = links;
    for (int i = 0; i < ls.length; i++) {
      if (ls[i].matches(from, to)) {
        return linkProfiles[i];
      }
    }
    return defaults;
  }

  private double withBursts(double loss, int from, int to) {
    double p = loss;
    for (int i = 0; i < burstCount; i++) {
      if (burstLinks[i].matches(from, to)) {
        // Independent causes: lost unless it survives both. Links no burst touches keep their
        // probability bit for bit.
        p = 1 - (1 - p) * (1 - burstRates[i]);
      }
    }
    return p;
  }

  private long transmitNanos(Object message, Profile p) {
    long size = message instanceof Sized s ? s.sizeBytes() : defaultSizeBytes;
    if (size <= 0) {
      return 0;
    }
    double nanos = StrictMath.ceil(size * 8.0 * NANOS_PER_SECOND / p.bandwidthBitsPerSecond);
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }

  private static long plus(long a, long b) {
    long r = a + b;
    // Saturate rather than wrap: an absurd latency means "never", not "in the past".
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }

  static void requireProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " probability must be in [0, 1], was " + p);
    }
  }

  static void requireBandwidth(double bitsPerSecond) {
    if (!(bitsPerSecond >= 0)) {
      throw new IllegalArgumentException(
          "bandwidth must be >= 0 bits per second (0 for unlimited), was " + bitsPerSecond);
    }
  }

  /** One link's resolved settings. */
  private static final class Profile {
    final Distribution latencyNanos;
    final double loss;
    final double duplicate;
    final double bandwidthBitsPerSecond;

    Profile(Distribution latencyNanos, double loss, double duplicate, double bandwidth) {
      this.latencyNanos = latencyNanos;
      this.loss = loss;
      this.duplicate = duplicate;
      // Infinite bandwidth is the same as none: no size delay.
      this.bandwidthBitsPerSecond = Double.isInfinite(bandwidth) ? 0 : bandwidth;
    }
  }

  /** Configures a {@link Network}; every setting defaults to "off". Not thread-safe. */
  public static final class Builder {
    private Distribution latencyNanos = ZERO_LATENCY;
    private double lossProbability;
    private double duplicateProbability;
    private double bandwidthBitsPerSecond;
    private long defaultSizeBytes;
    private final List<Link> links = new ArrayList<>();

    private Builder() {}

    /** Default one-way latency per message, in nanoseconds (default: 0). */
    public Builder latencyNanos(Distribution latencyNanos) {
      if (latencyNanos == null) {
        throw new IllegalArgumentException("latency distribution must not be null");
      }
      this.latencyNanos = latencyNanos;
      return this;
    }

    /** Default probability in [0, 1] that a message is lost (default: 0). */
    public Builder lossProbability(double p) {
      requireProbability("loss", p);
      this.lossProbability = p;
      return this;
    }

    /** Default probability in [0, 1] that a message is delivered twice (default: 0). */
    public Builder duplicateProbability(double p) {
      requireProbability("duplicate", p);
      this.duplicateProbability = p;
      return this;
    }

    /** Default bandwidth in bits per second; 0 (the default) means unlimited, no size delay. */
    public Builder bandwidthBitsPerSecond(double bitsPerSecond) {
      requireBandwidth(bitsPerSecond);
      this.bandwidthBitsPerSecond = bitsPerSecond;
      return this;
    }

    /** Size in bytes assumed for messages that do not implement {@link Sized} (default: 0). */
    public Builder defaultSizeBytes(long sizeBytes) {
      if (sizeBytes < 0) {
        throw new IllegalArgumentException("default size must be >= 0 bytes, was " + sizeBytes);
      }
      this.defaultSizeBytes = sizeBytes;
      return this;
    }

    /** Adds a per-link override after those already added; the first match wins. */
    public Builder link(Link override) {
      links.add(override);
      return this;
    }

    /** Builds the network, drawing all its randomness from {@code rng}, which it then owns. */
    public Network build(Rng rng) {
      return new Network(this, rng);
    }

    /** Builds the network on the run's stream named {@link #STREAM}. */
    public Network build(RandomStreams streams) {
      return build(streams.stream(STREAM));
    }
  }
}
