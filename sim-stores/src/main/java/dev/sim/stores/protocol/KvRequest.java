package dev.sim.stores.protocol;

/**
 * One client operation sent to a coordinating store node.
 *
 * @param id the client's request id, echoed in the {@link KvReply}; unique per client instance
 * @param f {@code read}, {@code write}, {@code cas}, {@code add}, {@code incr}, or {@code put}: a
 *     set's whole value as a client that edited its own copy sends it (an offline app on
 *     reconnect). Under {@code lww} a put replaces the set, so edits it never saw are lost; under
 *     {@code siblings} it is merged by union, so both sides' edits survive
 * @param key the key
 * @param value write: the value (unique per write); cas: a {@code List} {@code [old, new]}; add:
 *     the element; incr: the amount; put: a {@code List} of the set's elements; read: null
 * @param kind what the key holds, so a store keeps the right kind of value for it
 */
public record KvRequest(long id, String f, String key, Object value, DataKind kind) {}
