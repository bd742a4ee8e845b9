package io.coinfer.mahppo.checkpoint;

import io.coinfer.mahppo.config.MahppoConfig;
import io.coinfer.mahppo.policy.PolicyShape;
import io.coinfer.mahppo.policy.PolicyWeights;
import io.coinfer.mahppo.policy.Tensor;
import io.coinfer.mahppo.ppo.RunningStats;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained MAHPPO policy with its provenance, as a directory of two files: {@code checkpoint.json}
 * (format version, provenance, config, network shape, critic statistics, the tensor list) and
 * {@code weights.bin} (every tensor's float32 values, little-endian, in list order). A training run
 * also writes {@code optimizer.bin} (Adam's moments) for {@code --resume}.
 *
 * @param provenance where it came from
 * @param config the hyperparameters it was trained with
 * @param weights the parameters of actors and critic
 * @param valueStats the critic's target statistics (for value normalisation)
 * @param adamSteps optimiser steps taken
 * @param updates PPO updates taken
 */
public record Checkpoint(
    Provenance provenance,
    MahppoConfig config,
    PolicyWeights weights,
    RunningStats valueStats,
    long adamSteps,
    long updates) {

  /** Current file format version. */
  public static final int FORMAT = 1;

  /** The header file's name. */
  public static final String HEADER = "checkpoint.json";

  /** The weights file's name. */
  public static final String WEIGHTS = "weights.bin";

  /** The optimiser state file's name. */
  public static final String OPTIMIZER = "optimizer.bin";

  /**
   * Switches added after a checkpoint was written are absent from its JSON: they read as 0, false
   * or null, which {@link MahppoConfig} takes as the published (off) setting.
   */
  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  /** The JSON header. */
  record Header(
      int format,
      Provenance provenance,
      MahppoConfig config,
      PolicyShape shape,
      RunningStats valueStats,
      long adamSteps,
      long updates,
      List<TensorInfo> tensors) {}

  /** One tensor's entry in the header. */
  record TensorInfo(String name, int[] shape) {}

  /**
   * Writes the checkpoint into a directory (created if needed).
   *
   * @param dir the directory
   * @param optimizerState Adam's moments by name, or null to skip {@code optimizer.bin}
   */
  public void write(Path dir, Map<String, float[]> optimizerState) {
    try {
      Files.createDirectories(dir);
      List<TensorInfo> infos = new ArrayList<>();
      for (Tensor t : weights.tensors()) {
        infos.add(new TensorInfo(t.name(), t.shape()));
      }
      Header h =
          new Header(
              FORMAT, provenance, config, weights.shape(), valueStats, adamSteps, updates, infos);
      Files.writeString(
          dir.resolve(HEADER), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(h) + "\n");
      try (OutputStream out = Files.newOutputStream(dir.resolve(WEIGHTS))) {
        for (Tensor t : weights.tensors()) {
          writeFloats(out, t.data());
        }
      }
      if (optimizerState != null) {
        try (DataOutputStream out =
            new DataOutputStream(Files.newOutputStream(dir.resolve(OPTIMIZER)))) {
          out.writeInt(optimizerState.size());
          for (Map.Entry<String, float[]> e : optimizerState.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            writeFloats(out, e.getValue());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint to " + dir, e);
    }
  }

  /** Reads a checkpoint directory. */
  public static Checkpoint read(Path dir) {
    Path header = dir.resolve(HEADER);
    if (!Files.isRegularFile(header)) {
      throw new IllegalArgumentException(
          "no MAHPPO checkpoint at " + dir + " (missing " + HEADER + ")");
    }
    try (InputStream h = Files.newInputStream(header);
        InputStream w = Files.newInputStream(dir.resolve(WEIGHTS))) {
      return read(h, w, dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + dir, e);
    }
  }

  /**
   * Reads a checkpoint shipped on the class path.
   *
   * @param base resource folder, e.g. {@code /io/coinfer/mahppo/checkpoints/resnet18-5ue-2ch}
   * @return the checkpoint, or null when there is none
   */
  public static Checkpoint readResource(String base) {
    InputStream h = Checkpoint.class.getResourceAsStream(base + "/" + HEADER);
    if (h == null) {
      return null;
    }
    try (h;
        InputStream w = Checkpoint.class.getResourceAsStream(base + "/" + WEIGHTS)) {
      if (w == null) {
        throw new IllegalStateException("resource " + base + " has no " + WEIGHTS);
      }
      return read(h, w, "classpath:" + base);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + base, e);
    }
  }

  /** Reads Adam's moments written next to a checkpoint. */
  public static Map<String, float[]> readOptimizer(Path dir) {
    Map<String, float[]> state = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(Files.newInputStream(dir.resolve(OPTIMIZER)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        float[] v = new float[in.readInt()];
        readFloats(in, v);
        state.put(name, v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPTIMIZER + " in " + dir, e);
    }
    return state;
  }

  private static Checkpoint read(InputStream headerIn, InputStream weightsIn, String where)
      throws IOException {
    Header h = JSON.readValue(headerIn, Header.class);
    if (h.format() != FORMAT) {
      throw new IllegalArgumentException(
          where
              + ": checkpoint format "
              + h.format()
              + " is not supported (expected "
              + FORMAT
              + ")");
    }
    List<Tensor> tensors = new ArrayList<>();
    DataInputStream in = new DataInputStream(weightsIn);
    for (TensorInfo info : h.tensors()) {
      Tensor t = Tensor.zeros(info.name(), info.shape());
      readFloats(in, t.data());
      tensors.add(t);
    }
    if (in.read() != -1) {
      throw new IllegalArgumentException(
          where + ": " + WEIGHTS + " is longer than its header says");
    }
    return new Checkpoint(
        h.provenance(),
        h.config(),
        new PolicyWeights(h.shape(), tensors),
        h.valueStats(),
        h.adamSteps(),
        h.updates());
  }

  private static void writeFloats(OutputStream out, float[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(data);
    out.write(b.array());
  }

  private static void readFloats(DataInputStream in, float[] data) throws IOException {
    byte[] bytes = new byte[data.length * 4];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
  }
}
