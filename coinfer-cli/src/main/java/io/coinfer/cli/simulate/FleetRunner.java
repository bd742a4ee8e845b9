package io.coinfer.cli.simulate;

import io.coinfer.simulator.fleet.Fleet;
import io.coinfer.simulator.report.RunSummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a started fleet to its end: reports its status on a fixed period, stops it early at Ctrl-C
 * (a shutdown hook that waits for the final summary and the caller's last words), and returns the
 * final summary.
 */
public final class FleetRunner {

  private FleetRunner() {}

  /**
   * Waits for a fleet to finish.
   *
   * @param fleet the running fleet
   * @param every the period of status reports
   * @param status called with the summary so far on every period
   * @param atEnd called once with the final summary, on this thread or, after Ctrl-C, on the
   *     shutdown hook's (the JVM exits only after it returns)
   * @return the final summary
   */
  public static RunSummary run(
      Fleet fleet, Duration every, Consumer<RunSummary> status, Consumer<RunSummary> atEnd) {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coinfer-status");
              t.setDaemon(true);
              return t;
            });
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              fleet.stop();
              awaitQuietly(reported);
            },
            "coinfer-ctrl-c");
    Runtime.getRuntime().addShutdownHook(hook);
    ticker.scheduleAtFixedRate(
        () -> status.accept(fleet.ledger().summary()),
        every.toNanos(),
        every.toNanos(),
        TimeUnit.NANOSECONDS);
    try {
      RunSummary summary = fleet.finished().join();
      ticker.shutdownNow();
      atEnd.accept(summary);
      return summary;
    } finally {
      reported.countDown();
      ticker.shutdownNow();
      removeHook(hook);
    }
  }

  /**
   * Draws a one-line progress bar on a terminal stream.
   *
   * @param out the stream (stderr)
   * @param elapsedS seconds run so far
   * @param totalS seconds the run lasts
   * @param text the status after the bar
   */
  public static void progress(PrintStream out, double elapsedS, double totalS, String text) {
    int width = 20;
    int filled = (int) Math.min(width, Math.round(width * elapsedS / totalS));
    out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "   ");
    out.flush();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down (Ctrl-C): the hook is running and waits for us
    }
  }
}
