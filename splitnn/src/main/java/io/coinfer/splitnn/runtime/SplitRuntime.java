package io.coinfer.splitnn.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.wire.CodecDescriptor;
import io.coinfer.splitnn.wire.QuantisedFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two halves of split inference for one stored model, as the platform runs them.
 *
 * <ul>
 *   <li>Device side (compression-service, UE SDK): {@link #encode} runs head + encoder + quantiser
 *       at points 1..4; {@link #classify} runs the whole network (point 5 on the device, or point 0
 *       on the edge with the raw image).
 *   <li>Edge side (inference-service): validate each message with {@code FeatureWire.read(bytes,
 *       runtime.descriptor(point))}, then {@link #decode} dequantises, decodes and runs the tail on
 *       a whole micro-batch at once.
 * </ul>
 *
 * Images are 8-bit C-H-W RGB at the model's input size ({@code ImageFolder.toChw} resizes a {@code
 * BufferedImage}). Safe for concurrent inference calls. Close it to free native memory.
 */
public final class SplitRuntime implements AutoCloseable {

  private final SplitModel base;
  private final Map<Integer, SplitModel> modelAt = new HashMap<>();
  private final Map<Integer, FeatureCodec> codecAt = new HashMap<>();
  private final List<AutoCloseable> owned = new ArrayList<>();

  private SplitRuntime(SplitModel base) {
    this.base = base;
    owned.add(base);
  }

  /**
   * Opens a model folder with the codecs stored for points 1..4 (each with its fine-tuned backbone
   * when there is one).
   *
   * @throws IOException when the model or a codec does not load
   */
  public static SplitRuntime open(Path modelDir) throws IOException {
    SplitRuntime runtime = new SplitRuntime(ModelStore.open(modelDir));
    try {
      for (int point = 1; point <= 4; point++) {
        var codec = ModelStore.openCodec(modelDir, point);
        if (codec.isPresent()) {
          runtime.owned.add(codec.get());
          runtime.codecAt.put(point, codec.get());
          SplitModel model = runtime.base;
          if (codec.get().info().finetuned()) {
            model = ModelStore.open(modelDir, point);
            runtime.owned.add(model);
          }
          runtime.modelAt.put(point, model);
        }
      }
      return runtime;
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** Opens a model by id from a store (or a folder path). */
  public static SplitRuntime open(ModelStore store, String modelIdOrDir) throws IOException {
    return open(store.locate(modelIdOrDir));
  }

  /** The model id. */
  public String modelId() {
    return base.id();
  }

  /** The input the model expects. */
  public InputSpec input() {
    return base.input();
  }

  /** Class labels, one per logit. */
  public List<String> labels() {
    return base.labels();
  }

  /** Whether a codec is available at a point (1..4). */
  public boolean hasCodec(int point) {
    return codecAt.containsKey(point);
  }

  /** The receiver's expectation of features at a point, for {@code FeatureWire.read}. */
  public CodecDescriptor descriptor(int point) {
    return codec(point).descriptor();
  }

  /** The codec at a point (for its spec, payload size and timings). */
  public FeatureCodec codec(int point) {
    FeatureCodec codec = codecAt.get(point);
    if (codec == null) {
      throw new IllegalArgumentException(
          "model " + base.id() + " has no codec at point " + point + " (run train-codec)");
    }
    return codec;
  }

  /** Device side: head + encoder + quantiser at a point 1..4, one feature per image. */
  public List<QuantisedFeature> encode(int point, List<byte[]> imagesChw) {
    FeatureCodec codec = codec(point);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray images = ImageSet.toTensor(imagesChw, base.input(), manager, null);
      return codec.compress(modelAt.get(point).head(point, images, false));
    }
  }

  /**
   * Edge side: dequantise + decoder + tail for a micro-batch of validated features of one point.
   *
   * @return logits, one row per feature
   */
  public float[][] decode(int point, List<QuantisedFeature> features) {
    FeatureCodec codec = codec(point);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray decoded = codec.decompress(features, manager);
      return rows(modelAt.get(point).tail(point, decoded, false));
    }
  }

  /** The whole network on images (point 5 on the device, point 0 on the edge): logits per image. */
  public float[][] classify(List<byte[]> imagesChw) {
    try (NDManager manager = NDManager.newBaseManager()) {
      return rows(base.forward(ImageSet.toTensor(imagesChw, base.input(), manager, null)));
    }
  }

  private static float[][] rows(NDArray logits) {
    int n = (int) logits.getShape().get(0);
    int classes = (int) logits.getShape().get(1);
    float[] flat = logits.toFloatArray();
    float[][] out = new float[n][classes];
    for (int i = 0; i < n; i++) {
      System.arraycopy(flat, i * classes, out[i], 0, classes);
    }
    return out;
  }

  @Override
  public void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + c + " failed", e);
      }
    }
  }
}
