package io.coinfer.mahppo.policy;

import java.util.Random;

/** Random (semi-)orthogonal matrices, as in Saxe et al. 2014, for weight initialisation. */
final class Orthogonal {

  private Orthogonal() {}

  /**
   * A {@code rows x cols} matrix with orthonormal columns (if rows >= cols) or rows (otherwise),
   * from modified Gram-Schmidt on a Gaussian matrix.
   */
  static double[][] matrix(int rows, int cols, Random random) {
    boolean tall = rows >= cols;
    int n = tall ? rows : cols;
    int k = tall ? cols : rows;
    double[][] v = new double[k][n];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        v[j][i] = random.nextGaussian();
      }
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < n; i++) {
          dot += v[j][i] * v[p][i];
        }
        for (int i = 0; i < n; i++) {
          v[j][i] -= dot * v[p][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < n; i++) {
        norm += v[j][i] * v[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < n; i++) {
        v[j][i] /= norm;
      }
    }
    double[][] m = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = tall ? v[c][r] : v[r][c];
      }
    }
    return m;
  }
}
