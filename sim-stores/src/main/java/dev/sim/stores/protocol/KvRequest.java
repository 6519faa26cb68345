package dev.sim.stores.protocol;

/**
 * One client operation sent to a coordinating store node.
 *
 * @param id the client's request id, echoed in the {@link KvReply}; unique per client instance
 * @param f {@code read}, {@code write}, {@code cas}, {@code add} or {@code incr}
 * @param key the key
 * @param value write: the value (unique per write); cas: a {@code List} {@code [old, new]}; add:
 *     the element; incr: the amount; read: null
 * @param kind what the key holds, so a store keeps the right kind of value for it
 */
public record KvRequest(long id, String f, String key, Object value, DataKind kind) {}
