package io.coinfer.splitnn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.ImageSet;
import io.coinfer.splitnn.model.SplitModel;
import java.util.Arrays;
import java.util.Random;

/**
 * Starts a codec from the best linear autoencoder of the feature: the encoder projects every
 * pixel's channel vector onto the top principal components of the feature's channels, the decoder
 * projects back (the optimum of the reconstruction loss for 1x1 convolutions without quantisation).
 * Training then starts from there instead of from random weights, which needs far fewer steps.
 */
public final class PcaWarmStart {

  private static final int BATCH = 32;
  private static final int ITERATIONS = 60;

  private PcaWarmStart() {}

  /**
   * Sets {@code codec} from the channel covariance of the feature at its point over up to {@code
   * maxImages} training images.
   */
  public static void apply(SplitModel model, FeatureCodec codec, ImageSet train, int maxImages) {
    int point = codec.info().spec().point();
    int c = codec.info().spec().inChannels();
    int k = codec.info().spec().codeChannels();
    double[] sum = new double[c];
    double[] cross = new double[c * c];
    long count = 0;
    int n = Math.min(maxImages, train.count());
    for (int start = 0; start < n; start += BATCH) {
      int[] batch = new int[Math.min(BATCH, n - start)];
      for (int i = 0; i < batch.length; i++) {
        batch[i] = start + i;
      }
      try (NDManager sub = NDManager.newBaseManager()) {
        NDArray feature = model.head(point, train.images(batch, model.input(), sub, null), false);
        // (N, C, H, W) -> (N*H*W, C)
        float[] rows = feature.transpose(0, 2, 3, 1).reshape(-1, c).toFloatArray();
        int m = rows.length / c;
        for (int r = 0; r < m; r++) {
          int base = r * c;
          for (int i = 0; i < c; i++) {
            double xi = rows[base + i];
            sum[i] += xi;
            if (xi == 0) {
              continue;
            }
            int row = i * c;
            for (int j = i; j < c; j++) {
              cross[row + j] += xi * rows[base + j];
            }
          }
        }
        count += m;
      }
    }
    float[] mean = new float[c];
    double[] cov = new double[c * c];
    for (int i = 0; i < c; i++) {
      mean[i] = (float) (sum[i] / count);
    }
    for (int i = 0; i < c; i++) {
      for (int j = i; j < c; j++) {
        double v = cross[i * c + j] / count - (sum[i] / count) * (sum[j] / count);
        cov[i * c + j] = v;
        cov[j * c + i] = v;
      }
    }
    codec.setProjection(topEigenvectors(cov, c, k), mean);
  }

  /**
   * Top-k eigenvectors of a symmetric matrix by orthogonal (subspace) iteration, C x k row-major.
   */
  static float[] topEigenvectors(double[] matrix, int c, int k) {
    Random random = new Random(17);
    double[] q = new double[c * k];
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextGaussian();
    }
    orthonormalise(q, c, k);
    double[] next = new double[c * k];
    for (int it = 0; it < ITERATIONS; it++) {
      Arrays.fill(next, 0);
      for (int i = 0; i < c; i++) {
        for (int l = 0; l < c; l++) {
          double a = matrix[i * c + l];
          if (a == 0) {
            continue;
          }
          for (int j = 0; j < k; j++) {
            next[i * k + j] += a * q[l * k + j];
          }
        }
      }
      orthonormalise(next, c, k);
      System.arraycopy(next, 0, q, 0, q.length);
    }
    float[] out = new float[c * k];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) q[i];
    }
    return out;
  }

  /** Modified Gram-Schmidt on the columns of a C x k row-major matrix. */
  private static void orthonormalise(double[] m, int c, int k) {
    for (int j = 0; j < k; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < c; i++) {
          dot += m[i * k + j] * m[i * k + p];
        }
        for (int i = 0; i < c; i++) {
          m[i * k + j] -= dot * m[i * k + p];
        }
      }
      double norm = 0;
      for (int i = 0; i < c; i++) {
        norm += m[i * k + j] * m[i * k + j];
      }
      norm = Math.sqrt(Math.max(norm, 1e-30));
      for (int i = 0; i < c; i++) {
        m[i * k + j] /= norm;
      }
    }
  }
}
