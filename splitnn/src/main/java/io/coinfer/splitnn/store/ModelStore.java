package io.coinfer.splitnn.store;

import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.torchscript.TorchScriptSplitModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The artefact cache: one folder per model under {@code $COINFER_HOME/models} (default {@code
 * ~/.coinfer/models}).
 *
 * <pre>
 * models/&lt;modelId&gt;/manifest.json        what the model is ({@link ModelManifest})
 * models/&lt;modelId&gt;/backbone.params      built-in (djl) models: the trained weights
 * models/&lt;modelId&gt;/head_k.pt, tail_k.pt  imported (torchscript) models, k = 1..4
 * models/&lt;modelId&gt;/codecs/p&lt;k&gt;/codec.json     the codec at point k ({@link CodecInfo})
 * models/&lt;modelId&gt;/codecs/p&lt;k&gt;/codec.params   its encoder and decoder weights
 * models/&lt;modelId&gt;/codecs/p&lt;k&gt;/backbone.params the backbone fine-tuned with it (optional)
 * models/&lt;modelId&gt;/*.csv                training logs
 * </pre>
 */
public final class ModelStore {

  /** File name of a model's manifest. */
  public static final String MANIFEST = "manifest.json";

  /** File name of a built-in model's weights. */
  public static final String BACKBONE = "backbone.params";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path home;

  /** A store rooted at {@code home} (models live in {@code home/models}). */
  public ModelStore(Path home) {
    this.home = home;
  }

  /** The store at {@code $COINFER_HOME}, or {@code ~/.coinfer} when the variable is not set. */
  public static ModelStore fromEnvironment() {
    String env = System.getenv("COINFER_HOME");
    return new ModelStore(
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".coinfer"));
  }

  /** The root folder. */
  public Path home() {
    return home;
  }

  /** The folder of a model id in this store (it may not exist yet). */
  public Path modelDir(String modelId) {
    return home.resolve("models").resolve(modelId);
  }

  /**
   * Finds a model: {@code idOrDir} is a folder holding a manifest, or a model id in this store.
   *
   * @throws IOException naming both places looked at when neither holds a manifest
   */
  public Path locate(String idOrDir) throws IOException {
    Path asDir = Path.of(idOrDir);
    if (Files.isRegularFile(asDir.resolve(MANIFEST))) {
      return asDir;
    }
    Path inStore = modelDir(idOrDir);
    if (Files.isRegularFile(inStore.resolve(MANIFEST))) {
      return inStore;
    }
    throw new IOException(
        "no model '"
            + idOrDir
            + "': neither "
            + asDir.resolve(MANIFEST)
            + " nor "
            + inStore.resolve(MANIFEST)
            + " exists (train one with train-backbone or import one with import-model)");
  }

  /** Reads and validates a model folder's manifest. */
  public static ModelManifest readManifest(Path dir) throws IOException {
    return read(dir.resolve(MANIFEST), ModelManifest.class);
  }

  /** Writes a model folder's manifest. */
  public static void writeManifest(Path dir, ModelManifest manifest) throws IOException {
    write(dir.resolve(MANIFEST), manifest);
  }

  /**
   * Opens the model of a folder with its base weights.
   *
   * @throws IOException when files are missing or do not load
   */
  public static SplitModel open(Path dir) throws IOException {
    return open(dir, null);
  }

  /**
   * Opens the model of a folder as the given point's codec needs it: with the backbone fine-tuned
   * together with that codec when there is one, else the base weights.
   *
   * @param point a point 1..4, or null for the base weights
   */
  public static SplitModel open(Path dir, Integer point) throws IOException {
    ModelManifest manifest = readManifest(dir);
    if (ModelManifest.TORCHSCRIPT.equals(manifest.format())) {
      return TorchScriptSplitModel.load(dir, manifest);
    }
    DjlSplitModel model =
        DjlSplitModel.create(
            manifest.modelId(),
            Architecture.of(manifest.architecture()),
            manifest.input(),
            manifest.labels());
    try {
      Path finetuned = point == null ? null : codecDir(dir, point).resolve(BACKBONE);
      model.loadParameters(
          finetuned != null && Files.isRegularFile(finetuned) ? finetuned : dir.resolve(BACKBONE));
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The folder of the codec at a point. */
  public static Path codecDir(Path modelDir, int point) {
    return modelDir.resolve("codecs").resolve("p" + point);
  }

  /** The codec stored for a point, if any. */
  public static Optional<FeatureCodec> openCodec(Path modelDir, int point) throws IOException {
    Path dir = codecDir(modelDir, point);
    if (!Files.isRegularFile(dir.resolve("codec.json"))) {
      return Optional.empty();
    }
    return Optional.of(openCodecAt(dir));
  }

  /** Opens a codec folder ({@code codec.json} and {@code codec.params}). */
  public static FeatureCodec openCodecAt(Path codecDir) throws IOException {
    CodecInfo info = read(codecDir.resolve("codec.json"), CodecInfo.class);
    FeatureCodec codec = new FeatureCodec(info);
    try {
      codec.loadParameters(codecDir.resolve("codec.params"));
      return codec;
    } catch (IOException | RuntimeException e) {
      codec.close();
      throw e;
    }
  }

  /** Reads the info of the codec stored for a point, if any. */
  public static Optional<CodecInfo> codecInfo(Path modelDir, int point) throws IOException {
    Path file = codecDir(modelDir, point).resolve("codec.json");
    return Files.isRegularFile(file) ? Optional.of(read(file, CodecInfo.class)) : Optional.empty();
  }

  /**
   * Saves a codec (and, when fine-tuned, the backbone that goes with it) at its point; the stored
   * info records whether a fine-tuned backbone goes with it.
   *
   * @param finetunedBackbone the fine-tuned backbone, or null
   */
  public static void saveCodec(Path modelDir, FeatureCodec codec, DjlSplitModel finetunedBackbone)
      throws IOException {
    Path dir = codecDir(modelDir, codec.info().spec().point());
    Files.createDirectories(dir);
    codec.saveParameters(dir.resolve("codec.params"));
    write(dir.resolve("codec.json"), codec.info().withFinetuned(finetunedBackbone != null));
    Path backbone = dir.resolve(BACKBONE);
    if (finetunedBackbone != null) {
      finetunedBackbone.saveParameters(backbone);
    } else {
      Files.deleteIfExists(backbone);
    }
  }

  /** Serialises a record as indented JSON. */
  public static String toJson(Object value) {
    return JSON.writeValueAsString(value);
  }

  private static <T> T read(Path file, Class<T> type) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " does not exist");
    }
    try {
      return JSON.readValue(file.toFile(), type);
    } catch (JacksonException e) {
      throw new IOException(
          file + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, Object value) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, toJson(value));
  }
}
