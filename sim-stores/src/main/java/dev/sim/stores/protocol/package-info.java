/**
 * The messages between {@code kv-client} and {@code kv-store} (and later the CP store): a request
 * names one operation, and the answer says what became of it in terms a history can record.
 */
package dev.sim.stores.protocol;
