package io.coinfer.splitnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {

  @Test
  void shouldGenerateTheSameSyntheticImagesForTheSameSeed() {
    DataSplit a = SyntheticShapes.generate(3, 2, 24, 9);
    DataSplit b = SyntheticShapes.generate(3, 2, 24, 9);
    DataSplit other = SyntheticShapes.generate(3, 2, 24, 10);
    assertThat(a.train().count()).isEqualTo(30);
    assertThat(a.test().count()).isEqualTo(20);
    for (int i = 0; i < a.train().count(); i++) {
      assertThat(a.train().pixels().get(i)).isEqualTo(b.train().pixels().get(i));
      assertThat(a.train().label(i)).isEqualTo(i % 10);
    }
    assertThat(a.train().pixels().get(0)).isNotEqualTo(other.train().pixels().get(0));
    assertThat(a.train().pixels().get(0)).isNotEqualTo(a.test().pixels().get(0));
  }

  private static void writeImages(Path dir, Color colour, int count, String ext)
      throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(20 + i, 10, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 10; y++) {
        for (int x = 0; x < 20 + i; x++) {
          image.setRGB(x, y, colour.getRGB());
        }
      }
      ImageIO.write(image, ext, dir.resolve("img" + i + "." + ext).toFile());
    }
  }

  @Test
  void shouldKeepTheSyntheticTestSetAndDisjointFromTrainingWhenTheTrainingCountGrows() {
    // Given the split of the codec tables (150 training images a class) and one with 500
    DataSplit small = SyntheticShapes.generate(150, 50, 16, 1);
    DataSplit large = SyntheticShapes.generate(500, 50, 16, 1);
    // Then the test set is the same, the larger training set starts with the smaller one
    assertThat(large.test().pixels()).containsExactlyElementsOf(small.test().pixels());
    assertThat(large.test().labels()).isEqualTo(small.test().labels());
    assertThat(large.train().pixels().subList(0, 1500))
        .containsExactlyElementsOf(small.train().pixels());
    // And no training image equals a test image
    java.util.Set<String> test = new java.util.HashSet<>();
    large.test().pixels().forEach(p -> test.add(java.util.Arrays.toString(p)));
    assertThat(large.train().pixels()).noneMatch(p -> test.contains(java.util.Arrays.toString(p)));
  }

  @Test
  void shouldSplitAnImageFolderDeterministicallyWithSortedClassLabels(@TempDir Path root)
      throws IOException {
    // Given two class folders of PNG and JPEG images of different sizes
    writeImages(root.resolve("red"), Color.RED, 5, "png");
    writeImages(root.resolve("blue"), Color.BLUE, 5, "jpg");
    Files.writeString(root.resolve("blue/readme.txt"), "not an image");
    // When it is loaded twice with the same seed
    DataSplit first = ImageFolder.load(root, 8, 0.4, 3);
    DataSplit second = ImageFolder.load(root, 8, 0.4, 3);
    // Then labels follow sorted folder names, 40% of each class is held out, sizes are 8x8
    assertThat(first.train().classes()).containsExactly("blue", "red");
    assertThat(first.train().count()).isEqualTo(6);
    assertThat(first.test().count()).isEqualTo(4);
    assertThat(first.train().pixels().get(0)).hasSize(3 * 8 * 8);
    for (int i = 0; i < 6; i++) {
      assertThat(first.train().pixels().get(i)).isEqualTo(second.train().pixels().get(i));
    }
    byte[] red = first.train().pixels().get(first.train().count() - 1);
    assertThat(red[0] & 0xFF).isGreaterThan(240); // R plane of a red image
    assertThat(red[2 * 64] & 0xFF).isLessThan(15); // B plane
  }

  @Test
  void shouldNameTheFileThatIsNotAnImage(@TempDir Path root) throws IOException {
    writeImages(root.resolve("a"), Color.RED, 1, "png");
    writeImages(root.resolve("b"), Color.RED, 1, "png");
    Files.writeString(root.resolve("b/broken.png"), "not a png");
    assertThatThrownBy(() -> ImageFolder.load(root, 8, 0.5, 1)).hasMessageContaining("broken.png");
  }
}
