package dev.sim.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.protocols.byzantine.ByzantineGeneralType;
import dev.sim.protocols.byzantine.ByzantineRefereeType;
import dev.sim.protocols.paxos.PaxosAcceptorType;
import dev.sim.protocols.paxos.PaxosLearnerType;
import dev.sim.protocols.paxos.PaxosProposerType;
import dev.sim.protocols.twogenerals.TwoGeneralsRefereeType;
import dev.sim.protocols.twogenerals.TwoGeneralsType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each protocol type declares exactly the metrics its nodes record, read from the nodes' sources:
 * every {@code count("NAME"} and {@code gauge("NAME"} call (and requests, which none records). The
 * runner fails a node that records an undeclared metric, but only on the path that records it; this
 * catches a declaration that drifted from the code before any scenario takes that path.
 */
class MetricDeclarationsTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/sim/protocols");

  @Test
  void shouldDeclareExactlyWhatTheByzantineGeneralsRecord() throws IOException {
    assertDeclaresWhatItRecords(
        new ByzantineGeneralType(),
        "byzantine/General.java",
        "byzantine/OralGeneral.java",
        "byzantine/SignedGeneral.java");
  }

  @Test
  void shouldDeclareExactlyWhatTheByzantineRefereeRecords() throws IOException {
    assertDeclaresWhatItRecords(new ByzantineRefereeType(), "byzantine/ByzantineReferee.java");
  }

  @Test
  void shouldDeclareExactlyWhatTheTwoGeneralsRecord() throws IOException {
    assertDeclaresWhatItRecords(new TwoGeneralsType(), "twogenerals/TwoGeneral.java");
  }

  @Test
  void shouldDeclareExactlyWhatTheTwoGeneralsRefereeRecords() throws IOException {
    assertDeclaresWhatItRecords(
        new TwoGeneralsRefereeType(), "twogenerals/TwoGeneralsReferee.java");
  }

  @Test
  void shouldDeclareExactlyWhatThePaxosNodesRecord() throws IOException {
    assertDeclaresWhatItRecords(new PaxosProposerType(), "paxos/PaxosProposer.java");
    assertDeclaresWhatItRecords(new PaxosAcceptorType(), "paxos/PaxosAcceptor.java");
    assertDeclaresWhatItRecords(new PaxosLearnerType(), "paxos/PaxosLearner.java");
  }

  private static void assertDeclaresWhatItRecords(NodeType<?> type, String... sources)
      throws IOException {
    Pattern call =
        Pattern.compile("metrics(?:\\(\\))?\\.(count|gauge)\\(\\s*(\"([A-Za-z0-9_]+)\")?");
    Pattern request = Pattern.compile("metrics(?:\\(\\))?\\.(offer|attempt|finish)\\(");
    Set<String> recorded = new TreeSet<>();
    for (String file : sources) {
      String text = Files.readString(SOURCES.resolve(file));
      Matcher m = call.matcher(text);
      while (m.find()) {
        // A name that is not a literal would hide a metric from this test: none may be.
        assertThat(m.group(3)).as("a metric name in %s that is not a literal", file).isNotNull();
        recorded.add((m.group(1).equals("count") ? "COUNTER " : "GAUGE ") + m.group(3));
      }
      if (request.matcher(text).find()) {
        recorded.add("LATENCY");
      }
    }
    Set<String> declared = new TreeSet<>();
    for (MetricSpec s : type.metrics()) {
      declared.add(s.kind() == MetricSpec.Kind.LATENCY ? "LATENCY" : s.kind() + " " + s.name());
    }
    assertThat(type.metrics()).extracting(MetricSpec::name).doesNotHaveDuplicates();
    assertThat(declared).as(type.name()).isEqualTo(recorded);
  }
}
