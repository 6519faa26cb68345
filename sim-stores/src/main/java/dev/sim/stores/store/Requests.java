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
      case "put" -> needs(req, DataKind.SET) != null ? needs(req, DataKind.SET) : elements(req);
      default -> "unknown operation '" + req.f() + "': expected read, write, cas, add, incr or put";
    };
  }

  private static String needs(KvRequest req, DataKind kind) {
    return req.kind() == kind
        ? null
        : req.f() + " works on a " + Words.kindName(kind) + ", not a " + Words.kindName(req.kind());
  }

  private static String whole(KvRequest req) {
    Object v = req.value();
    return isWhole(v) ? null : req.f() + " takes a whole number, found " + Data.text(v);
  }

  /** A put's value: the set's elements, a list of whole numbers (empty for an empty set). */
  private static String elements(KvRequest req) {
    if (req.value() instanceof List<?> list && list.stream().allMatch(Requests::isWhole)) {
      return null;
    }
    return "put takes the set's elements as a list of whole numbers, found "
        + Data.text(req.value());
  }

  private static boolean isWhole(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }
}
