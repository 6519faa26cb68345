package dev.sim.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.NodeType;
import dev.sim.api.Param;
import dev.sim.components.client.ClientParams;
import dev.sim.components.database.DatabaseParams;
import dev.sim.components.grid.GridNodeParams;
import dev.sim.components.grid.GridUsersParams;
import dev.sim.components.lb.LoadBalancerParams;
import dev.sim.components.probe.ProbeParams;
import dev.sim.components.queue.QueueParams;
import dev.sim.components.server.ServerParams;
import dev.sim.components.worker.WorkerParams;
import dev.sim.kernel.random.Distribution;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NodeTypesTest {
  @Test
  void shouldRegisterTheBuiltInTypesThroughServiceLoader() {
    List<String> names = new ArrayList<>();
    for (NodeType<?> t : ServiceLoader.load(NodeType.class)) {
      if (t.getClass().getPackageName().startsWith(NodeTypesTest.class.getPackageName() + ".")) {
        names.add(t.name());
      }
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "client",
            "server",
            "load-balancer",
            "queue",
            "worker",
            "database",
            "flag-service",
            "probe",
            "grid-node",
            "grid-users");
  }

  @Test
  void shouldAnnotateEveryParameterWithAUnitMatchingItsJavaType() {
    List<String> problems = new ArrayList<>();
    for (Class<?> c :
        List.of(
            ClientParams.class,
            ServerParams.class,
            LoadBalancerParams.class,
            QueueParams.class,
            WorkerParams.class,
            DatabaseParams.class,
            ProbeParams.class,
            GridNodeParams.class,
            GridUsersParams.class)) {
      checkRecord(c, problems);
    }
    assertThat(problems).isEmpty();
  }

  /** The constants of an enum as YAML writes them: {@code ROUND_ROBIN} is {@code round-robin}. */
  private static List<String> yamlNames(Class<?> e) {
    List<String> names = new ArrayList<>();
    for (Object c : e.getEnumConstants()) {
      names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    return names;
  }

  private static void checkRecord(Class<?> record, List<String> problems) {
    for (RecordComponent rc : record.getRecordComponents()) {
      String where = record.getSimpleName() + "." + rc.getName();
      Param p = rc.getAnnotation(Param.class);
      if (p == null) {
        problems.add(where + ": no @Param");
        continue;
      }
      Class<?> t = rc.getType();
      boolean ok =
          switch (p.unit()) {
            case DURATION ->
                t == long.class && rc.getName().endsWith("Nanos") && !p.key().isEmpty();
            case SIZE -> t == long.class && rc.getName().endsWith("Bytes") && !p.key().isEmpty();
            // A boxed rate is null when absent, so an explicit 0/s can be refused.
            case RATE -> t == double.class || t == Double.class;
            case PROBABILITY, FACTOR -> t == double.class;
            case DISTRIBUTION -> t == Distribution.class;
            case COUNT -> t == int.class;
            case NUMBER -> t == int.class || t == long.class || t == double.class;
            case TEXT -> t == String.class;
            // A list of node references: a grid node's neighbours, the nodes grid users serve.
            case NODE_REF -> t == String.class || t == List.class;
            // Every CHOICE is an enum, so the code compares constants, never strings.
            case CHOICE -> t.isEnum() && p.choices().length == 0;
            case NESTED -> t.isRecord() || t == List.class;
            // A disk's write rate (200MB/s), null when absent: no limit.
            case BANDWIDTH -> t == Double.class;
            // Units of the network section and of fault kinds; no component parameter uses them.
            case TARGET, SIDES -> false;
          };
      if (!ok) {
        problems.add(where + ": unit " + p.unit() + " does not fit " + t.getSimpleName());
      }
      if (p.unit() == Param.Unit.CHOICE
          && t.isEnum()
          && !p.defaultValue().isEmpty()
          && !yamlNames(t).contains(p.defaultValue())) {
        problems.add(where + ": default " + p.defaultValue() + " is not a choice");
      }
      if (p.unit() == Param.Unit.NESTED) {
        Class<?> inner = t;
        if (t == List.class) {
          inner = (Class<?>) ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
        }
        checkRecord(inner, problems);
      }
    }
  }
}
