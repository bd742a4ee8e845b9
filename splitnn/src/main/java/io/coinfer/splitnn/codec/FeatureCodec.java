package io.coinfer.splitnn.codec;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import io.coinfer.splitnn.wire.CodecDescriptor;
import io.coinfer.splitnn.wire.QuantisedFeature;
import io.coinfer.splitnn.wire.Quantiser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's lightweight autoencoder at one partition point: encoder = 1x1 convolution {@code C ->
 * C/s}, per-tensor min-max n-bit quantisation of the code, decoder = 1x1 convolution back to {@code
 * C}. Owns a DJL {@link Model}; close it when done.
 */
public final class FeatureCodec implements AutoCloseable {

  private final CodecSpec spec;
  private final CodecInfo info;
  private final Model model;
  private final SequentialBlock block;
  private final Block encoder;
  private final Block decoder;

  /**
   * Creates a codec with fresh weights for features of shape {@code info.featureShape()}.
   *
   * @param info identity and shapes of the codec
   */
  public FeatureCodec(CodecInfo info) {
    this.info = info;
    this.spec = info.spec();
    this.encoder = conv1x1(spec.codeChannels());
    this.decoder = conv1x1(spec.inChannels());
    this.block = new SequentialBlock().add(encoder).add(decoder);
    this.model = Model.newInstance(info.codecId());
    model.setBlock(block);
    int[] f = info.featureShape();
    block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, f[0], f[1], f[2]));
  }

  private static Block conv1x1(int filters) {
    return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).build();
  }

  /** The codec's identity, spec and shapes. */
  public CodecInfo info() {
    return info;
  }

  /** The receiver's expectation of features made by this codec. */
  public CodecDescriptor descriptor() {
    return info.descriptor();
  }

  /** Encoder and decoder as one block (its parameters are the codec's). */
  public Block block() {
    return block;
  }

  /** The DJL model that owns the parameters. */
  public Model model() {
    return model;
  }

  /**
   * Sets the codec to a linear projection: encoder {@code code = P^T (x - mean)}, decoder {@code x
   * = P code + mean}, per pixel across channels.
   *
   * @param basis {@code C x k} column-orthonormal matrix, row-major ({@code basis[c * k + j]})
   * @param mean per-channel mean, length C
   */
  public void setProjection(float[] basis, float[] mean) {
    int c = spec.inChannels();
    int k = spec.codeChannels();
    if (basis.length != c * k || mean.length != c) {
      throw new IllegalArgumentException("basis must be " + c + "x" + k + " and mean " + c);
    }
    float[] encoderWeight = new float[k * c];
    float[] encoderBias = new float[k];
    float[] decoderWeight = new float[c * k];
    for (int j = 0; j < k; j++) {
      double bias = 0;
      for (int i = 0; i < c; i++) {
        float b = basis[i * k + j];
        encoderWeight[j * c + i] = b;
        decoderWeight[i * k + j] = b;
        bias -= b * mean[i];
      }
      encoderBias[j] = (float) bias;
    }
    encoder.getParameters().get("weight").getArray().set(encoderWeight);
    encoder.getParameters().get("bias").getArray().set(encoderBias);
    decoder.getParameters().get("weight").getArray().set(decoderWeight);
    decoder.getParameters().get("bias").getArray().set(mean.clone());
  }

  /** Encodes a batch of features (N, C, H, W) to codes (N, C/s, H, W), not yet quantised. */
  public NDArray encode(NDArray features, boolean training) {
    return encode(features, training, new ParameterStore(features.getManager(), false));
  }

  /** Encodes with a trainer's parameter store (so that the trainer updates the encoder). */
  public NDArray encode(NDArray features, boolean training, ParameterStore store) {
    return encoder.forward(store, new NDList(features), training).singletonOrThrow();
  }

  /** Decodes a batch of (dequantised) codes back to features (N, C, H, W). */
  public NDArray decode(NDArray codes, boolean training) {
    return decode(codes, training, new ParameterStore(codes.getManager(), false));
  }

  /** Decodes with a trainer's parameter store (so that the trainer updates the decoder). */
  public NDArray decode(NDArray codes, boolean training, ParameterStore store) {
    return decoder.forward(store, new NDList(codes), training).singletonOrThrow();
  }

  /**
   * Quantises and dequantises each sample's code with its own min and max, as the wire does, with a
   * straight-through gradient (the rounding passes gradients unchanged), for training.
   */
  public NDArray quantiseStraightThrough(NDArray codes) {
    int levels = (1 << spec.bits()) - 1;
    long n = codes.getShape().get(0);
    NDArray flat = codes.reshape(n, -1);
    NDArray min = flat.min(new int[] {1}, true).reshape(n, 1, 1, 1);
    NDArray max = flat.max(new int[] {1}, true).reshape(n, 1, 1, 1);
    NDArray range = max.sub(min).maximum(1e-12f);
    NDArray q = codes.sub(min).div(range).mul(levels).round().div(levels).mul(range).add(min);
    return codes.add(q.sub(codes).stopGradient());
  }

  /** Encodes and quantises a batch of features into one wire message per sample. */
  public List<QuantisedFeature> compress(NDArray features) {
    NDArray codes = encode(features, false);
    long n = codes.getShape().get(0);
    int[] codeShape = info.codeShape();
    List<QuantisedFeature> out = new ArrayList<>((int) n);
    for (long i = 0; i < n; i++) {
      out.add(
          Quantiser.quantise(
              codes.get(i).toFloatArray(),
              codeShape,
              spec.bits(),
              info.modelId(),
              spec.point(),
              info.codecId(),
              info.codecVersion()));
    }
    return out;
  }

  /**
   * Dequantises and decodes a batch of wire messages to features (N, C, H, W) in {@code manager}.
   */
  public NDArray decompress(List<QuantisedFeature> features, NDManager manager) {
    int[] s = info.codeShape();
    NDList codes = new NDList(features.size());
    for (QuantisedFeature f : features) {
      codes.add(manager.create(f.dequantise(), new Shape(s[0], s[1], s[2])));
    }
    return decode(NDArrays.stack(codes), false);
  }

  /** Writes the encoder and decoder weights to {@code file} (DJL's parameter format). */
  public void saveParameters(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        DataOutputStream data = new DataOutputStream(out)) {
      block.saveParameters(data);
    }
  }

  /** Loads weights written by {@link #saveParameters(Path)}. */
  public void loadParameters(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(in)) {
      block.loadParameters(model.getNDManager(), data);
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException("codec parameters in " + file + " do not fit " + info, e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
