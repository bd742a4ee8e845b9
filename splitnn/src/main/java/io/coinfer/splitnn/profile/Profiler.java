package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Measures a device profile on this machine: per point, the median time of the head, the encoder
 * with quantiser and serialisation, the decoder with parsing and dequantiser, and the tail, for one
 * image at a time, with the paper's default codec of each point. Timings do not depend on weight
 * values, so freshly initialised networks are measured.
 */
public final class Profiler {

  /** CSV header: the columns of {@code jetson-nano-profile.csv} plus the edge-side columns. */
  public static final String HEADER =
      "net,point,feature_bits,compression_rate,head_seconds,head_watts,head_joules,"
          + "edge_tail_seconds,encoder_seconds,payload_bits,decoder_seconds,tail_seconds";

  private Profiler() {}

  /**
   * Profiles one family at every point.
   *
   * @param imageSize input side in pixels (224 for the paper's setting)
   * @param repeats timed runs per step (after 2 warm-up runs), at least 1
   * @param progress called with the point just measured
   */
  public static List<PointTiming> profile(
      Architecture architecture, int imageSize, int numClasses, int repeats, IntConsumer progress) {
    List<String> labels = IntStream.range(0, numClasses).mapToObj(i -> "c" + i).toList();
    List<PointTiming> out = new ArrayList<>();
    try (DjlSplitModel model =
            DjlSplitModel.create(
                architecture.id(), architecture, InputSpec.rgb(imageSize), labels);
        NDManager manager = NDManager.newBaseManager()) {
      NDArray image = manager.randomNormal(new Shape(1, 3, imageSize, imageSize));
      long rawBits = 8L * 3 * imageSize * imageSize;
      out.add(
          new PointTiming(
              architecture.id(),
              0,
              rawBits,
              1,
              0,
              0,
              rawBits,
              0,
              Stopwatch.medianSeconds(repeats, image, model::forward)));
      progress.accept(0);
      for (int point = 1; point <= 4; point++) {
        out.add(measurePoint(model, point, image, repeats));
        progress.accept(point);
      }
      double full = Stopwatch.medianSeconds(repeats, image, model::forward);
      out.add(new PointTiming(architecture.id(), 5, 0, 1, full, 0, 0, 0, 0));
      progress.accept(5);
    }
    return out;
  }

  private static PointTiming measurePoint(
      DjlSplitModel model, int point, NDArray image, int repeats) {
    long[] f = model.featureShape(point).getShape();
    CodecSpec spec = CodecSpec.paperDefault(model.architecture(), point, (int) f[0]);
    CodecInfo info =
        new CodecInfo(
            model.id(),
            CodecInfo.defaultId(model.id(), point),
            1,
            spec,
            List.of((int) f[0], (int) f[1], (int) f[2]),
            false);
    try (FeatureCodec codec = new FeatureCodec(info);
        NDManager manager = image.getManager().newSubManager()) {
      NDArray feature = model.head(point, image, false);
      byte[] message = FeatureWire.write(codec.compress(feature).get(0));
      double head = Stopwatch.medianSeconds(repeats, image, x -> model.head(point, x, false));
      double encoder =
          Stopwatch.medianSeconds(
              repeats, feature, code -> FeatureWire.write(codec.compress(code).get(0)));
      double decoder =
          Stopwatch.medianSeconds(
              repeats,
              feature,
              scoped -> {
                QuantisedFeature q = FeatureWire.read(message, codec.descriptor());
                return codec.decompress(List.of(q), scoped.getManager());
              });
      NDArray decoded = codec.decompress(List.of(FeatureWire.read(message)), manager);
      double tail = Stopwatch.medianSeconds(repeats, decoded, d -> model.tail(point, d, false));
      long featureBits = 32L * f[0] * f[1] * f[2];
      return new PointTiming(
          model.id(),
          point,
          featureBits,
          spec.compressionRate(),
          head + encoder,
          encoder,
          8L * info.payloadBytes(),
          decoder,
          tail);
    }
  }

  /**
   * Writes timings as a device profile CSV readable by {@code DeviceProfiles.load}.
   *
   * @param watts the device's power while computing (W); head joules = head seconds x watts
   */
  public static void writeCsv(Path file, List<PointTiming> rows, String deviceName, double watts)
      throws IOException {
    StringBuilder csv = new StringBuilder();
    csv.append("# device: ").append(deviceName).append('\n');
    csv.append("# measured by coinfer profile; watts assumed ").append(watts).append(" W\n");
    csv.append(HEADER).append('\n');
    for (PointTiming r : rows) {
      boolean computes = r.point() > 0;
      double w = computes ? watts : 0;
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%s,%.6f,%.4f,%.6f,%.6f,%.6f,%d,%.6f,%.6f%n",
              r.net(),
              r.point(),
              r.featureBits(),
              trim(r.compressionRate()),
              r.headSeconds(),
              w,
              r.headSeconds() * w,
              r.edgeTailSeconds(),
              r.encoderSeconds(),
              r.payloadBits(),
              r.decoderSeconds(),
              r.tailSeconds()));
    }
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, csv.toString());
  }

  private static String trim(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
