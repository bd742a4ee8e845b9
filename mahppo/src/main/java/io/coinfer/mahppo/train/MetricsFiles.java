package io.coinfer.mahppo.train;

import io.coinfer.mahppo.ppo.UpdateStats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The per-update CSV of a training run ({@code metrics.csv}). */
final class MetricsFiles {

  static final String CSV = "metrics.csv";

  private MetricsFiles() {}

  /** Opens the CSV for appending (resume) or writes a fresh one with its header. */
  static BufferedWriter openCsv(Path out, boolean append) throws IOException {
    Files.createDirectories(out);
    Path csv = out.resolve(CSV);
    if (append && Files.exists(csv)) {
      return Files.newBufferedWriter(csv, StandardOpenOption.APPEND);
    }
    BufferedWriter w = Files.newBufferedWriter(csv);
    w.write(UpdateRecord.CSV_HEADER);
    w.newLine();
    return w;
  }

  /** The records of an earlier run in {@code out} (for the learning curve after a resume). */
  static List<UpdateRecord> readHistory(Path out) {
    Path csv = out.resolve(CSV);
    List<UpdateRecord> records = new ArrayList<>();
    if (!Files.exists(csv)) {
      return records;
    }
    try {
      List<String> lines = Files.readAllLines(csv);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split(",", -1);
        records.add(
            new UpdateRecord(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                num(f[2]),
                num(f[3]),
                new UpdateStats(
                    num(f[4]),
                    num(f[5]),
                    num(f[6]),
                    num(f[7]),
                    num(f[8]),
                    num(f[9]),
                    num(f[10]),
                    num(f[11]),
                    num(f[12]),
                    num(f[13]),
                    num(f[14])),
                num(f[15]),
                num(f[16]),
                num(f[17]),
                optional(f, 18),
                optional(f, 19),
                optional(f, 20)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    return records;
  }

  /** A column that metrics files written before the cloning figures do not have. */
  private static double optional(String[] fields, int column) {
    return column < fields.length ? num(fields[column]) : Double.NaN;
  }

  private static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
