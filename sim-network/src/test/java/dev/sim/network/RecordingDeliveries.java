package dev.sim.network;

import dev.sim.kernel.net.Transport;
import java.util.ArrayList;
import java.util.List;

/** Collects what a transport decided for each send, for unit tests without an event loop. */
final class RecordingDeliveries implements Transport.Deliveries {
  final List<Long> times = new ArrayList<>();
  final List<String> causes = new ArrayList<>();

  @Override
  public void deliverAt(long time) {
    times.add(time);
  }

  @Override
  public void lost(String cause) {
    causes.add(cause);
  }

  void clear() {
    times.clear();
    causes.clear();
  }
}
