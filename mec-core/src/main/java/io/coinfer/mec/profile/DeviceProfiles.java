package io.coinfer.mec.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Loads {@link DeviceProfile}s from CSV.
 *
 * <p>The format (one header line, then one row per net and point; blank lines and lines starting
 * with {@code #} are skipped; columns may come in any order):
 *
 * <pre>
 * net,point,feature_bits,compression_rate,head_seconds,head_watts,head_joules[,edge_tail_seconds]
 * resnet18,0,1204224,1,0,0,0
 * </pre>
 *
 * Units: bits, seconds, watts, joules. {@code edge_tail_seconds} (the edge's decoder plus tail
 * time) is optional; a row may leave it empty. Each net in the file must have all six points 0..5.
 */
public final class DeviceProfiles {

  /** The resource holding the authors' Jetson Nano measurements. */
  public static final String JETSON_NANO_RESOURCE = "jetson-nano.csv";

  private static final List<String> REQUIRED =
      List.of(
          "net",
          "point",
          "feature_bits",
          "compression_rate",
          "head_seconds",
          "head_watts",
          "head_joules");
  private static final String EDGE_COLUMN = "edge_tail_seconds";

  private static final DeviceProfile JETSON_NANO = loadJetsonNano();

  private DeviceProfiles() {}

  /**
   * @return the Jetson Nano profile measured by the paper's authors (all three nets, no edge tail
   *     times)
   */
  public static DeviceProfile jetsonNano() {
    return JETSON_NANO;
  }

  /**
   * Loads a profile file, e.g. one written by {@code coinfer profile}.
   *
   * @param file the CSV file
   * @return the profile, named after the file
   * @throws IllegalArgumentException with the file, line and reason when the content is invalid
   * @throws UncheckedIOException when the file cannot be read
   */
  public static DeviceProfile load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses a profile from CSV text.
   *
   * @param reader the CSV content
   * @param name the profile's name, also used in error messages
   * @return the profile
   * @throws IllegalArgumentException with the line and reason when the content is invalid
   */
  public static DeviceProfile parse(Reader reader, String name) {
    BufferedReader lines = new BufferedReader(reader);
    Map<String, Integer> columns = null;
    Map<Net, List<PointProfile>> nets = new EnumMap<>(Net.class);
    int lineNo = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] cells = trimmed.split(",", -1);
        if (columns == null) {
          columns = header(cells, name);
          continue;
        }
        String where = name + " line " + lineNo;
        try {
          PointProfile row = row(cells, columns);
          Net net = Net.parse(cells[columns.get("net")]);
          List<PointProfile> points = nets.computeIfAbsent(net, n -> new ArrayList<>());
          if (points.stream().anyMatch(p -> p.point() == row.point())) {
            throw new IllegalArgumentException(
                "duplicate row for net " + net + " point " + row.point());
          }
          points.add(row);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read profile " + name, e);
    }
    if (columns == null) {
      throw new IllegalArgumentException(name + ": empty profile, expected a header line");
    }
    return new DeviceProfile(name, nets);
  }

  private static Map<String, Integer> header(String[] cells, String name) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      columns.put(cells[i].strip().toLowerCase(Locale.ROOT), i);
    }
    for (String required : REQUIRED) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException(
            name
                + ": header lacks column '"
                + required
                + "'; expected "
                + String.join(",", REQUIRED)
                + "[,"
                + EDGE_COLUMN
                + "]");
      }
    }
    return columns;
  }

  private static PointProfile row(String[] cells, Map<String, Integer> columns) {
    int point = (int) number(cells, columns, "point");
    OptionalDouble edge = OptionalDouble.empty();
    Integer edgeIndex = columns.get(EDGE_COLUMN);
    if (edgeIndex != null && edgeIndex < cells.length && !cells[edgeIndex].isBlank()) {
      edge = OptionalDouble.of(number(cells, columns, EDGE_COLUMN));
    }
    double featureBits = number(cells, columns, "feature_bits");
    if (featureBits != Math.rint(featureBits)) {
      throw new IllegalArgumentException("feature_bits must be a whole number, got " + featureBits);
    }
    return new PointProfile(
        point,
        (long) featureBits,
        number(cells, columns, "compression_rate"),
        number(cells, columns, "head_seconds"),
        number(cells, columns, "head_watts"),
        number(cells, columns, "head_joules"),
        edge);
  }

  private static double number(String[] cells, Map<String, Integer> columns, String column) {
    int index = columns.get(column);
    if (index >= cells.length || cells[index].isBlank()) {
      throw new IllegalArgumentException("missing value for column '" + column + "'");
    }
    try {
      return Double.parseDouble(cells[index].strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "column '" + column + "' is not a number: '" + cells[index].strip() + "'", e);
    }
  }

  private static DeviceProfile loadJetsonNano() {
    InputStream in = DeviceProfiles.class.getResourceAsStream(JETSON_NANO_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("resource " + JETSON_NANO_RESOURCE + " is missing");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(reader, "jetson-nano");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
