package dev.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Draws independent charts at once. Rendering is the slow part of a short {@code sim run} (PNG
 * encoding above all), and the report sits above the kernel, where the determinism rules allow
 * threads. Results come back in submission order, so output does not depend on scheduling.
 */
final class Parallel {
  /** Threads at most, whatever the machine. */
  static final int MAX_THREADS = 4;

  private Parallel() {}

  /** Runs {@code jobs} and returns their results in order; rethrows the first failure. */
  static <T> List<T> run(List<Callable<T>> jobs) throws IOException {
    int threads =
        Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()), jobs.size());
    List<T> out = new ArrayList<>(jobs.size());
    if (threads <= 1) {
      for (Callable<T> job : jobs) {
        out.add(call(job));
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sim-report");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(jobs.size());
      for (Callable<T> job : jobs) {
        futures.add(pool.submit(job));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while drawing charts", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> job) throws IOException {
    try {
      return job.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }
}
