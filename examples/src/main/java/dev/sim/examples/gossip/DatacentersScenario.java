package dev.sim.examples.gossip;

import dev.sim.api.ScenarioPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole scenario as a plugin: fifty gossip peers in five data centres on a ring, with one-way
 * latency growing with the distance between data centres. Writing the 15 link overrides out in YAML
 * is tedious; here they are a loop. Run it with {@code sim run plugin:gossip-datacenters --plugin
 * JAR}; {@code sim explain plugin:gossip-datacenters --plugin JAR} prints the YAML it builds, which
 * is validated like any scenario file.
 */
public final class DatacentersScenario implements ScenarioPlugin {
  static final int DATACENTERS = 5;
  static final int PEERS_PER_DATACENTER = 10;

  @Override
  public String name() {
    return "gossip-datacenters";
  }

  @Override
  public String summary() {
    return "Gossip across five data centres on a ring, latency growing with distance.";
  }

  @Override
  public Map<String, Object> build() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", "gossip-datacenters");
    s.put("title", "Gossip across five data centres");
    s.put(
        "description",
        "Fifty peers in five data centres on a ring: 1ms inside a data centre, "
            + "20ms more per hop between them. The rumor starts in dc1; watch `infected` per window: "
            + "one burst per data centre as the rumor crosses the ring.");
    s.put("seed", 11);
    s.put("duration", "3s");
    s.put("window", "50ms");

    List<Object> links = new ArrayList<>();
    for (int a = 1; a <= DATACENTERS; a++) {
      for (int b = a + 1; b <= DATACENTERS; b++) {
        int hops = Math.min(b - a, DATACENTERS - (b - a));
        links.add(map("between", List.of(peers(a), peers(b)), "latency", (20 * hops) + "ms"));
      }
    }
    s.put("network", map("latency", "1ms", "loss", 0.01, "links", links));

    Map<String, Object> peers = new LinkedHashMap<>();
    peers.put("type", "gossip");
    peers.put("count", DATACENTERS * PEERS_PER_DATACENTER);
    peers.put("peers", "peers");
    peers.put("fanout", 1);
    peers.put("interval", "50ms");
    peers.put("origin", "peers-1");
    s.put("nodes", map("peers", peers));
    s.put("expect", List.of("counter.infected == " + DATACENTERS * PEERS_PER_DATACENTER));
    return s;
  }

  /** The instance names of data centre {@code dc} (1-based): its block of ten peers. */
  static List<String> peers(int dc) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= PEERS_PER_DATACENTER; i++) {
      out.add("peers-" + ((dc - 1) * PEERS_PER_DATACENTER + i));
    }
    return out;
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
