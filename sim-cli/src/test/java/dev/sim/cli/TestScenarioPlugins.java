package dev.sim.cli;

import dev.sim.api.ScenarioPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scenario plugins for the command-line tests: one valid, one with a mistake in it. */
final class TestScenarioPlugins {
  private TestScenarioPlugins() {}

  /** A client and a server, built in code. */
  public static final class Small implements ScenarioPlugin {
    @Override
    public String name() {
      return "test-small";
    }

    @Override
    public String summary() {
      return "A client and a server, built in Java.";
    }

    @Override
    public Map<String, Object> build() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", "test-small");
      s.put("duration", "5s");
      Map<String, Object> client = new LinkedHashMap<>();
      client.put("type", "client");
      client.put("target", "api");
      client.put("load", Map.of("rate", "100/s"));
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("type", "server");
      server.put("workers", 2);
      server.put("service", "2ms");
      Map<String, Object> nodes = new LinkedHashMap<>();
      nodes.put("clients", client);
      nodes.put("api", server);
      s.put("nodes", nodes);
      s.put("expect", List.of("yield >= 0.99"));
      return s;
    }
  }

  /** A plugin whose scenario has a misspelt key: it must get the same message as a file. */
  public static final class Misspelt implements ScenarioPlugin {
    @Override
    public String name() {
      return "test-misspelt";
    }

    @Override
    public String summary() {
      return "A scenario with a misspelt key.";
    }

    @Override
    public Map<String, Object> build() {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", "test-misspelt");
      s.put("duraton", "5s");
      s.put("nodes", Map.of("api", Map.of("type", "server")));
      return s;
    }
  }
}
