package io.coinfer.cli.train;

import io.coinfer.mahppo.train.References;
import io.coinfer.mahppo.train.TrainingListener;
import io.coinfer.mahppo.train.UpdateRecord;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line training progress bar on stderr, redrawn after every update: steps done, steps per
 * second, the latest test-scenario latency and energy per task and the time left.
 */
final class TrainingProgress implements TrainingListener {

  private static final int WIDTH = 30;
  private final PrintWriter out;
  private long total;

  TrainingProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void started(long startSteps, long totalSteps, References refs) {
    total = totalSteps;
    out.printf(
        Locale.ROOT,
        "reference (test scenario): local %.4f s %.4f J per task, static-search %.4f s %.4f J%n",
        refs.localLatency(),
        refs.localEnergy(),
        refs.staticLatency(),
        refs.staticEnergy());
  }

  @Override
  public void updated(UpdateRecord r) {
    int filled = (int) Math.min(WIDTH, WIDTH * r.steps() / Math.max(1, total));
    double left = (total - r.steps()) / Math.max(1e-9, r.stepsPerSecond());
    out.printf(
        Locale.ROOT,
        "\r[%s%s] %d/%d steps %.0f steps/s | test %.4f s %.4f J per task | ETA %dm%02ds   ",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        r.steps(),
        total,
        r.stepsPerSecond(),
        r.testLatency(),
        r.testEnergy(),
        (long) left / 60,
        (long) left % 60);
    if (r.steps() >= total) {
      out.println();
    }
    out.flush();
  }
}
