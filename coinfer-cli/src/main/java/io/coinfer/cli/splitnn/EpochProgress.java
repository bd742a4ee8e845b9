package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.train.EpochStats;
import io.coinfer.splitnn.train.TrainingObserver;
import java.util.Locale;

/** Shows training progress as a bar per epoch and logs every epoch to CSV and stderr. */
final class EpochProgress implements TrainingObserver {

  private final String label;
  private final int epochs;
  private final int point;
  private final CsvLog log;
  private ProgressBar bar;

  EpochProgress(String label, int epochs, int point, CsvLog log) {
    this.label = label;
    this.epochs = epochs;
    this.point = point;
    this.log = log;
  }

  @Override
  public void onBatch(int epoch, int batch, int batches, double loss) {
    if (bar == null) {
      bar = new ProgressBar(label + " epoch " + epoch + "/" + epochs);
    }
    bar.update(batch, batches, String.format(Locale.ROOT, "loss %.4f", loss));
  }

  @Override
  public void onEpoch(EpochStats stats) {
    String summary =
        String.format(
            Locale.ROOT,
            "loss %.4f  test top-1 %.2f%%  %.0f s",
            stats.trainLoss(),
            100 * stats.testTop1(),
            stats.seconds());
    if (bar != null) {
      bar.done(summary);
      bar = null;
    }
    log.append(point, stats);
  }
}
