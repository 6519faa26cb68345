package dev.sim.scenarios.bind;

import dev.sim.api.BuildContext;
import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.random.Distribution;
import java.util.List;

/** Parameter records and node types that exercise every unit and shape the binder supports. */
final class TestTypes {
  private TestTypes() {}

  enum Policy {
    ROUND_ROBIN,
    LEAST_OUTSTANDING
  }

  record Everything(
      @Param(doc = "A duration.", unit = Unit.DURATION, defaultValue = "500ms") long timeout,
      @Param(doc = "A signed duration.", unit = Unit.DURATION, min = -1e12) long skew,
      @Param(doc = "A rate.", unit = Unit.RATE, defaultValue = "10/s") double rate,
      @Param(doc = "A size.", unit = Unit.SIZE, defaultValue = "1MB") long heap,
      @Param(doc = "A probability.", unit = Unit.PROBABILITY, defaultValue = "0") double loss,
      @Param(doc = "A factor.", unit = Unit.FACTOR, defaultValue = "1", max = 100) double factor,
      @Param(doc = "A distribution.", unit = Unit.DISTRIBUTION) Distribution service,
      @Param(doc = "A count.", unit = Unit.COUNT, defaultValue = "unbounded") int workers,
      @Param(doc = "A count that may be off.", unit = Unit.COUNT, defaultValue = "0") int users,
      @Param(doc = "A bounded count.", unit = Unit.COUNT, defaultValue = "1", max = 5) long tries,
      @Param(doc = "A whole number.", unit = Unit.NUMBER, defaultValue = "3", min = 1) int k,
      @Param(doc = "A number.", unit = Unit.NUMBER, defaultValue = "0.5") double ratio,
      @Param(doc = "A text.", unit = Unit.TEXT, defaultValue = "hello") String greeting,
      @Param(
              doc = "A choice.",
              unit = Unit.CHOICE,
              choices = {"fifo", "lifo"},
              defaultValue = "fifo")
          String discipline,
      @Param(doc = "An enum choice.", unit = Unit.CHOICE, defaultValue = "round-robin")
          Policy policy,
      @Param(doc = "A flag.", unit = Unit.CHOICE, defaultValue = "false") boolean verbose,
      @Param(doc = "A node.", unit = Unit.NODE_REF) String target,
      @Param(doc = "Some nodes.", unit = Unit.NODE_REF) List<String> peers,
      @Param(doc = "A nested section.", unit = Unit.NESTED) Retry retry,
      @Param(doc = "A nested section with defaults.", unit = Unit.NESTED, defaultValue = "{}")
          Retry backup,
      @Param(doc = "A list of sections.", unit = Unit.NESTED) List<Step> profile,
      @Param(key = "max-size", doc = "A renamed key.", unit = Unit.SIZE) Long maxSizeBytes) {}

  record Retry(
      @Param(doc = "Retries after the first try.", unit = Unit.NUMBER, defaultValue = "3", min = 0)
          int max,
      @Param(key = "base", doc = "First back-off.", unit = Unit.DURATION, defaultValue = "50ms")
          long baseNanos) {}

  record Step(
      @Param(key = "at", doc = "When.", unit = Unit.DURATION, required = true) long atNanos,
      @Param(doc = "How much.", unit = Unit.RATE, required = true) double rate) {
    Step {
      if (rate > 1e6) {
        throw new IllegalArgumentException("a step's rate must be at most 1000000/s");
      }
    }
  }

  /** A type with a required key, for the loader and registry tests. */
  record Needs(
      @Param(doc = "The node to talk to.", unit = Unit.NODE_REF, required = true) String peer) {}

  static final class NeedsType implements NodeType<Needs> {
    private final String name;

    NeedsType(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String summary() {
      return "A test type.";
    }

    @Override
    public Class<Needs> parameters() {
      return Needs.class;
    }

    @Override
    public Node create(Needs params, BuildContext ctx) {
      throw new UnsupportedOperationException();
    }
  }

  // Faulty records, each for one PluginException.

  record NoParam(long timeout) {}

  record WrongJavaType(@Param(doc = "x", unit = Unit.DURATION) int timeout) {}

  record SingleNotANodeRef(@Param(doc = "x", unit = Unit.TEXT, single = true) String name) {}

  record BadDefault(@Param(doc = "x", unit = Unit.DURATION, defaultValue = "5") long timeout) {}

  record ChoiceWithoutChoices(@Param(doc = "x", unit = Unit.CHOICE) String mode) {}

  record RequiredWithDefault(
      @Param(doc = "x", unit = Unit.RATE, required = true, defaultValue = "1/s") double rate) {}

  record DuplicateKeys(
      @Param(key = "t", doc = "x", unit = Unit.DURATION) long a,
      @Param(key = "t", doc = "y", unit = Unit.DURATION) long b) {}

  record NestedFault(@Param(doc = "x", unit = Unit.NESTED) NoParam inner) {}
}
