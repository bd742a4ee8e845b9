package io.coinfer.splitnn.data;

/**
 * A training and a test set with the same classes and image size.
 *
 * @param train the images to train on
 * @param test the held-out images to evaluate on
 */
public record DataSplit(ImageSet train, ImageSet test) {

  /** Checks that both halves agree. */
  public DataSplit {
    if (!train.classes().equals(test.classes()) || train.size() != test.size()) {
      throw new IllegalArgumentException("train and test sets must share classes and size");
    }
  }
}
