package io.coinfer.mahppo.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws the learning curve as a PNG with Java2D: two panels (test latency per task, test energy per
 * task) against training steps, with the {@code local} and {@code static-search} figures as dashed
 * reference lines.
 */
final class LearningCurvePlot {

  private static final int WIDTH = 1000;
  private static final int PANEL = 320;
  private static final int MARGIN = 70;

  private LearningCurvePlot() {}

  static void write(List<UpdateRecord> history, References refs, String net, Path file) {
    BufferedImage img = new BufferedImage(WIDTH, 2 * PANEL + 50, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.setColor(Color.BLACK);
      g.drawString(
          "MAHPPO " + net + ": deterministic test scenario after every update", MARGIN, 15);
      panel(
          g,
          45,
          history,
          UpdateRecord::testLatency,
          "latency per task (s)",
          refs.localLatency(),
          refs.staticLatency());
      panel(
          g,
          45 + PANEL,
          history,
          UpdateRecord::testEnergy,
          "energy per task (J)",
          refs.localEnergy(),
          refs.staticEnergy());
    } finally {
      g.dispose();
    }
    try {
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void panel(
      Graphics2D g,
      int top,
      List<UpdateRecord> history,
      ToDoubleFunction<UpdateRecord> metric,
      String label,
      double local,
      double stat) {
    int left = MARGIN;
    int right = WIDTH - 20;
    int bottom = top + PANEL - 50;
    double maxX = history.isEmpty() ? 1 : history.get(history.size() - 1).steps();
    double minY = Math.min(local, stat);
    double maxY = Math.max(local, stat);
    for (UpdateRecord r : history) {
      double v = metric.applyAsDouble(r);
      if (Double.isFinite(v)) {
        minY = Math.min(minY, v);
        maxY = Math.max(maxY, v);
      }
    }
    double pad = (maxY - minY) * 0.05 + 1e-9;
    minY = Math.max(0, minY - pad);
    maxY += pad;
    g.setColor(Color.BLACK);
    g.drawRect(left, top, right - left, bottom - top);
    g.drawString(label, left, top - 4);
    for (int i = 0; i <= 4; i++) {
      double y = minY + (maxY - minY) * i / 4;
      int py = bottom - (int) ((bottom - top) * i / 4.0);
      g.drawString(String.format(Locale.ROOT, "%.4f", y), 5, py + 4);
      double x = maxX * i / 4;
      int px = left + (int) ((right - left) * i / 4.0);
      g.drawString(String.format(Locale.ROOT, "%.0fk", x / 1000), px - 10, bottom + 15);
    }
    g.drawString("training steps", (left + right) / 2 - 40, bottom + 30);
    reference(g, left, right, top, bottom, minY, maxY, local, new Color(200, 60, 60), "local");
    reference(
        g, left, right, top, bottom, minY, maxY, stat, new Color(60, 140, 60), "static-search");
    g.setColor(new Color(30, 80, 200));
    g.setStroke(new BasicStroke(1.5f));
    int px = -1;
    int py = -1;
    for (UpdateRecord r : history) {
      double v = metric.applyAsDouble(r);
      if (!Double.isFinite(v)) {
        continue;
      }
      int x = left + (int) ((right - left) * r.steps() / maxX);
      int y = bottom - (int) ((bottom - top) * (v - minY) / (maxY - minY));
      if (px >= 0) {
        g.drawLine(px, py, x, y);
      }
      px = x;
      py = y;
    }
    g.drawString("MAHPPO", right - 60, top + 15);
    g.setStroke(new BasicStroke(1f));
  }

  private static void reference(
      Graphics2D g,
      int left,
      int right,
      int top,
      int bottom,
      double minY,
      double maxY,
      double value,
      Color color,
      String name) {
    int y = bottom - (int) ((bottom - top) * (value - minY) / (maxY - minY));
    g.setColor(color);
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f}, 0f));
    g.drawLine(left, y, right, y);
    g.drawString(name, left + 5, y - 3);
    g.setStroke(new BasicStroke(1f));
  }
}
