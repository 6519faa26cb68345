package dev.sim.stores.protocol;

/**
 * The coordinator's answer to a {@link KvRequest}.
 *
 * @param id the request's id
 * @param status what became of it
 * @param value a read's value (register: a Long or null; set: a sorted {@code List<Long>}; counter:
 *     a Long), after merging siblings the way the key's kind merges them; for other operations the
 *     value written, or null
 * @param siblings how many concurrent versions the read found before merging (1 when none
 *     conflicted, 0 for writes)
 * @param detail a few words for the trace and tests, e.g. {@code "2 of 3 replicas acked"}
 */
public record KvReply(long id, KvStatus status, Object value, int siblings, String detail) {}
