package dev.sim.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.components.client.ClientType;
import dev.sim.components.database.DatabaseType;
import dev.sim.components.lb.LoadBalancerType;
import dev.sim.components.queue.QueueType;
import dev.sim.components.server.ServerType;
import dev.sim.components.worker.WorkerType;
import dev.sim.kernel.metrics.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each built-in type declares exactly the metrics its nodes record, read from the nodes' sources:
 * every {@code count("NAME"} and {@code gauge("NAME"} call, and whether they record requests. The
 * runner fails a node that records an undeclared metric, but only on the path that records it; this
 * catches a declaration that drifted from the code before any scenario takes that path.
 */
class MetricDeclarationsTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/sim/components");

  @Test
  void shouldDeclareExactlyWhatTheClientRecords() throws IOException {
    assertDeclaresWhatItRecords(new ClientType(), "client", FLAG_CLIENT);
  }

  @Test
  void shouldDeclareExactlyWhatTheServerRecords() throws IOException {
    assertDeclaresWhatItRecords(new ServerType(), "server", FLAG_CLIENT);
  }

  @Test
  void shouldDeclareExactlyWhatTheLoadBalancerRecords() throws IOException {
    assertDeclaresWhatItRecords(new LoadBalancerType(), "lb");
  }

  @Test
  void shouldDeclareExactlyWhatTheQueueRecords() throws IOException {
    assertDeclaresWhatItRecords(new QueueType(), "queue");
  }

  @Test
  void shouldDeclareExactlyWhatTheWorkerRecords() throws IOException {
    assertDeclaresWhatItRecords(new WorkerType(), "worker");
  }

  @Test
  void shouldDeclareExactlyWhatTheDatabaseRecords() throws IOException {
    // Its disk's metrics are recorded by the disk package, on the database's behalf.
    String[] files =
        java.util.stream.Stream.concat(
                Arrays.stream(javaFiles("database")), Arrays.stream(javaFiles("disk")))
            .toArray(String[]::new);
    assertThat(declared(new DatabaseType())).isEqualTo(recorded(SOURCES, files));
  }

  @Test
  void shouldRecordNothingInTheSharedRpcPackage() throws IOException {
    // What rpc records would belong to no one type: callers record for their own type instead.
    assertThat(recorded(SOURCES, javaFiles("rpc"))).isEmpty();
  }

  /** Every source file of one subpackage, relative to {@link #SOURCES}, in name order. */
  private static String[] javaFiles(String pkg) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
      return files
          .map(f -> pkg + "/" + f.getFileName())
          .filter(f -> f.endsWith(".java"))
          .sorted()
          .toArray(String[]::new);
    }
  }

  /** What {@code sources} record, as {@code KIND name} lines; {@code LATENCY} for requests. */
  static Set<String> recorded(Path dir, String... sources) throws IOException {
    Pattern call =
        Pattern.compile("metrics(?:\\(\\))?\\.(count|gauge)\\(\\s*(\"([A-Za-z0-9_]+)\")?");
    Pattern request = Pattern.compile("metrics(?:\\(\\))?\\.(offer|attempt|finish)\\(");
    Set<String> out = new TreeSet<>();
    for (String file : sources) {
      String text = Files.readString(dir.resolve(file));
      Matcher m = call.matcher(text);
      while (m.find()) {
        // A name that is not a literal would hide a metric from this test: none may be.
        assertThat(m.group(3)).as("a metric name in %s that is not a literal", file).isNotNull();
        out.add((m.group(1).equals("count") ? "COUNTER " : "GAUGE ") + m.group(3));
      }
      if (request.matcher(text).find()) {
        out.add("LATENCY");
      }
    }
    return out;
  }

  /** What {@code type} declares, in the form {@link #recorded} returns. */
  static Set<String> declared(NodeType<?> type) {
    Set<String> out = new TreeSet<>();
    List<MetricSpec> specs = type.metrics();
    for (MetricSpec s : specs) {
      out.add(s.kind() == MetricSpec.Kind.LATENCY ? "LATENCY" : s.kind() + " " + s.name());
    }
    assertThat(specs).extracting(MetricSpec::name).doesNotHaveDuplicates();
    return out;
  }

  /** The flag lookup that servers and clients share, recording for the type that uses it. */
  private static final String FLAG_CLIENT = "flags/FlagClient.java";

  /**
   * {@code type} declares exactly what the source files of its package {@code pkg} record, with
   * those of the shared parts it uses ({@code shared}).
   */
  private static void assertDeclaresWhatItRecords(NodeType<?> type, String pkg, String... shared)
      throws IOException {
    List<String> files = new java.util.ArrayList<>(List.of(javaFiles(pkg)));
    files.addAll(List.of(shared));
    assertThat(declared(type))
        .as(type.name())
        .isEqualTo(recorded(SOURCES, files.toArray(String[]::new)));
  }
}
