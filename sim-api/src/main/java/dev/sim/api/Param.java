package dev.sim.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents and types one component of a parameter record (a node type's, a fault kind's, or a
 * section of the scenario format's), so the YAML binder can validate it and {@code sim explain} can
 * print it. Every component of a parameter record carries one. Java types by unit: DURATION →
 * {@code long} nanoseconds; RATE → {@code double} per second; SIZE → {@code long} bytes; BANDWIDTH
 * → {@code double} bits per second; PROBABILITY and FACTOR → {@code double}; DISTRIBUTION → {@code
 * Distribution}; COUNT → {@code int} or {@code long} ({@link #UNBOUNDED} for {@code unbounded});
 * NUMBER → {@code int}, {@code long} or {@code double}; TEXT, CHOICE and NODE_REF → {@code String}
 * (CHOICE may also be an enum, whose constants read as {@code round-robin} for {@code ROUND_ROBIN},
 * or a {@code boolean}); TARGET → {@link Target}; SIDES → {@code List<List<String>>} (sides as
 * written, {@code [api, db]}) or {@link Cut} (which also takes a one-way {@code {from: a, to: b}},
 * and whose sides may not share a node); NESTED → another parameter record (or a {@code List} of
 * them). Any unit but NESTED, TARGET and SIDES may also be a {@code List}, and then a single YAML
 * value reads as a list of one ({@code backends: api}). Boxed types ({@code Long}, {@code Double})
 * are null when the key is absent and has no default; primitives are then 0 or false.
 *
 * <p>The registry checks every parameter record when it loads the type: a missing annotation, a
 * Java type that cannot hold the unit, or a default that does not parse is a {@link
 * PluginException} naming the component.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
  /** The value a COUNT parameter takes when the YAML says {@code unbounded}. */
  int UNBOUNDED = Integer.MAX_VALUE;

  /** The YAML key; empty means the component's name. */
  String key() default "";

  /** One sentence for {@code sim explain}: what it means, with its unit. */
  String doc();

  /** The unit, which decides how YAML text is parsed and checked. */
  Unit unit();

  /**
   * The default, written as in YAML ({@code "500ms"}, {@code "fifo"}, {@code "unbounded"}). Empty
   * means none: the key is then either {@link #required} or, when absent, null (objects) or off.
   */
  String defaultValue() default "";

  /** Whether the key must be present. */
  boolean required() default false;

  /**
   * For a NODE_REF: the name must stand for exactly one node, an instance or a group of one (a
   * peer, a referee). The loader then rejects a group of several, which such a node could not use.
   */
  boolean single() default false;

  /**
   * For a NODE_REF: the node types (their names, like {@code byzantine-referee}) of the nodes it
   * may name; empty means any. The loader rejects a node of another type, which would not
   * understand the messages sent to it.
   */
  String[] nodeTypes() default {};

  /**
   * For a NODE_REF or TARGET: what the named nodes must have, as their type says of their
   * parameters ({@link NodeType#features}), e.g. {@code disk}; empty means nothing. The loader
   * rejects a node without it ("expected a node with a disk").
   */
  String needs() default "";

  /**
   * For a TEXT: the value names a version ({@link NodeType#versions}) of the node group that the
   * component keyed {@code versionOf} names (a NODE_REF or TARGET of the same record), as a
   * rollout's {@code version} names one of its group's; the loader checks it once every group is
   * known. Empty (the default): free text.
   */
  String versionOf() default "";

  /** Allowed values of a CHOICE parameter. */
  String[] choices() default {};

  /**
   * Smallest allowed value of a numeric parameter (inclusive), in the canonical unit (nanoseconds
   * for a DURATION, bytes for a SIZE, per second for a RATE, bits per second for a BANDWIDTH).
   * Unset, DURATION, RATE, SIZE, BANDWIDTH and FACTOR must be at least 0, and COUNT at least 1 (or
   * 0 when its default is {@code "0"}, which then means off). A DURATION with a negative {@code
   * min} accepts negative values. For SIDES, the fewest sides (unset: 2).
   */
  double min() default Double.NEGATIVE_INFINITY;

  /**
   * Largest allowed value of a numeric parameter (inclusive), in the canonical unit. A COUNT with a
   * {@code max} does not accept {@code unbounded}. For SIDES, the most sides (unset: any number).
   */
  double max() default Double.POSITIVE_INFINITY;

  /** How a parameter's YAML text is read. */
  enum Unit {
    /** A number with ns, us, ms, s, m, h or d. */
    DURATION,
    /** A number with /s, /m or /h. */
    RATE,
    /** A number with B, KB, MB, GB (powers of 1024). */
    SIZE,
    /**
     * A number with bps, Kbps, Mbps, Gbps (bits, powers of 1000), or a byte rate with B/s, KB/s,
     * MB/s, GB/s (bytes, powers of 1024, as disks count), read in bits per second.
     */
    BANDWIDTH,
    /** A number in [0, 1]. */
    PROBABILITY,
    /** A plain non-negative multiplier, e.g. a slow-down factor or a ratio. */
    FACTOR,
    /** {@code {dist: NAME, ...}} or a bare duration meaning constant. */
    DISTRIBUTION,
    /** A positive whole number, or {@code unbounded}. */
    COUNT,
    /** A plain number. */
    NUMBER,
    /** Free text. */
    TEXT,
    /** One of {@link #choices}. */
    CHOICE,
    /** The name of a node group or instance in the same scenario. */
    NODE_REF,
    /** What a fault hits: a node group, an instance, or {@code random(group)}. */
    TARGET,
    /** Sides of nodes, {@code [[api-1], [api-2, db]]}, each a name or a list of names. */
    SIDES,
    /** A nested parameter record (or list of them). */
    NESTED
  }
}
