package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.train.EpochStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Appends one CSV row per training epoch: phase, point, epoch, loss, test top-1, seconds. */
final class CsvLog {

  static final String HEADER = "phase,point,epoch,train_loss,test_top1,seconds";
  private final Path file;

  CsvLog(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, HEADER + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training log " + file, e);
    }
  }

  void append(int point, EpochStats s) {
    String row =
        String.format(
            Locale.ROOT,
            "%s,%d,%d,%.6f,%.4f,%.1f%n",
            s.phase(),
            point,
            s.epoch(),
            s.trainLoss(),
            s.testTop1(),
            s.seconds());
    try {
      Files.writeString(file, row, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the training log " + file, e);
    }
  }

  Path file() {
    return file;
  }
}
