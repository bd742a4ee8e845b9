package io.coinfer.cli.splitnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.ImageFolder;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.wire.FeatureWire;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code coinfer infer}: classifies one image split at a point, with or without the codec. */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = "Classify an image: head to --point, optional codec, tail; prints top-5.")
public final class InferCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model id or model folder")
  String model;

  @Option(names = "--point", defaultValue = "5", description = "partition point 0..5")
  int point;

  @Option(
      names = "--codec",
      defaultValue = "none",
      description = "none, default (the stored codec at the point) or a codec folder")
  String codec;

  @Option(names = "--image", required = true, description = "a JPEG or PNG file")
  Path image;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    Path dir = ModelStore.fromEnvironment().locate(model);
    SplitModel.checkPoint(point);
    boolean useCodec = !codec.equals("none");
    if (useCodec && (point < 1 || point > 4)) {
      throw new IllegalArgumentException("a codec sits at points 1..4, not " + point);
    }
    try (SplitModel net = ModelStore.open(dir, useCodec ? point : null);
        NDManager manager = NDManager.newBaseManager()) {
      byte[] pixels = ImageFolder.readChw(image, net.input().height());
      NDArray x = ImageSet.toTensor(List.of(pixels), net.input(), manager, null);
      NDArray feature = net.head(point, x, false);
      Integer payloadBytes = null;
      if (useCodec) {
        try (FeatureCodec c =
            codec.equals("default")
                ? ModelStore.openCodec(dir, point)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "no stored codec at point " + point + " (run train-codec)"))
                : ModelStore.openCodecAt(Path.of(codec))) {
          byte[] message = FeatureWire.write(c.compress(feature).get(0));
          payloadBytes = message.length;
          QuantisedFeature received = FeatureWire.read(message, c.descriptor());
          feature = c.decompress(List.of(received), manager);
        }
      }
      NDArray output = net.tail(point, feature, false);
      float[] logits = output.toFloatArray();
      float[] scores = output.softmax(1).toFloatArray();
      List<Prediction> top5 =
          IntStream.range(0, logits.length)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> -scores[i]))
              .limit(5)
              .map(i -> new Prediction(net.labels().get(i), i, scores[i]))
              .toList();
      Result result = new Result(net.id(), point, codec, payloadBytes, top5, logits);
      List<String> lines = new ArrayList<>();
      for (Prediction p : top5) {
        lines.add(String.format(Locale.ROOT, "%-20s %6.2f%%", p.label(), 100 * p.score()));
      }
      format.print(result, String.join("\n", lines));
    }
    return 0;
  }

  /** One of the top classes with its softmax score in [0, 1]. */
  record Prediction(String label, int index, double score) {}

  /**
   * What the command prints.
   *
   * @param payloadBytes size of the wire message in bytes when a codec was used, else null
   */
  record Result(
      String modelId,
      int point,
      String codec,
      Integer payloadBytes,
      List<Prediction> top5,
      float[] logits) {}
}
