package dev.sim.api;

/**
 * A node type or fault kind that cannot be used as written: a duplicate or malformed name, a
 * parameter record whose {@link Param} annotations do not fit its components, a default that does
 * not parse, or a service registration that fails to load. The message names the class(es) at fault
 * and is meant for the plugin's author; the CLI prints it without a stack trace and exits with code
 * 2.
 */
public final class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the class at fault. */
  public PluginException(String message) {
    super(message);
  }

  /** Creates the exception with its cause (e.g. a {@link java.util.ServiceConfigurationError}). */
  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
