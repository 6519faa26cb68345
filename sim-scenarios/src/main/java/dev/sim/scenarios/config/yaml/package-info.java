/**
 * A small YAML tree whose every node remembers where it was written (file:line:column), read with
 * Jackson's streaming YAML parser. Scalars keep their original text so that {@code 5ms} and a bare
 * {@code 5} can be told apart; maps keep key order and reject duplicate keys.
 */
package dev.sim.scenarios.config.yaml;
