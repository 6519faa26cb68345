package dev.sim.stores.store;

import dev.sim.stores.protocol.DataKind;
import dev.sim.stores.protocol.KvRequest;
import java.util.List;

/** Checks a client's request before the store runs it; a bad one fails with the reason. */
final class Requests {
  private Requests() {}

  /** What is wrong with {@code req}, or null if nothing is. */
  static String problem(KvRequest req) {
    if (req.key() == null) {
      return "a request needs a key";
    }
    if (req.kind() == null) {
      return "a request needs the kind of data its key holds";
    }
    return switch (req.f() == null ? "" : req.f()) {
      case "read" -> null;
      case "write" -> needs(req, DataKind.REGISTER);
      case "cas" ->
          needs(req, DataKind.REGISTER) != null
              ? needs(req, DataKind.REGISTER)
              : req.value() instanceof List<?> l && l.size() == 2
                  ? null
                  : "cas takes [old, new], found " + Data.text(req.value());
      case "add" -> needs(req, DataKind.SET) != null ? needs(req, DataKind.SET) : whole(req);
      case "incr" ->
          needs(req, DataKind.COUNTER) != null ? needs(req, DataKind.COUNTER) : whole(req);
      default -> "unknown operation '" + req.f() + "': expected read, write, cas, add or incr";
    };
  }

  private static String needs(KvRequest req, DataKind kind) {
    return req.kind() == kind
        ? null
        : req.f()
            + " works on a "
            + Coordinator.kindName(kind)
            + ", not a "
            + Coordinator.kindName(req.kind());
  }

  private static String whole(KvRequest req) {
    Object v = req.value();
    boolean ok =
        v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    return ok ? null : req.f() + " takes a whole number, found " + Data.text(v);
  }
}
