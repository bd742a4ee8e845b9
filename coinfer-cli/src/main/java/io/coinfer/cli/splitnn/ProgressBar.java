package io.coinfer.cli.splitnn;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most every 200 ms. */
final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private long lastDraw;

  ProgressBar(String label) {
    this(System.err, label);
  }

  ProgressBar(PrintStream out, String label) {
    this.out = out;
    this.label = label;
  }

  /** Shows {@code done} of {@code total} with a short status text. */
  void update(long done, long total, String status) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
    out.print(
        "\r"
            + label
            + " ["
            + "#".repeat(filled)
            + " ".repeat(WIDTH - filled)
            + "] "
            + done
            + "/"
            + total
            + " "
            + status
            + "   ");
    out.flush();
  }

  /** Ends the line with a message. */
  void done(String message) {
    out.println("\r" + label + " " + message + " ".repeat(WIDTH + 20));
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
