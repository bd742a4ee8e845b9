package io.coinfer.mec.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {

  private static final String HEADER =
      "net,point,feature_bits,compression_rate,head_seconds,head_watts,head_joules\n";

  @Test
  void shouldShipTheJetsonNanoTableForAllThreeNets() {
    // When
    DeviceProfile nano = DeviceProfiles.jetsonNano();
    // Then
    for (Net net : Net.values()) {
      assertThat(nano.points(net)).hasSize(6);
    }
    assertThat(nano.point(Net.RESNET18, 1).payloadBits()).isEqualTo(100_352); // 64*56*56*32 / 64
    assertThat(nano.point(Net.VGG11, 0).payloadBits()).isEqualTo(1_204_224);
    assertThat(nano.point(Net.MOBILENETV2, 2).payloadBits()).isEqualTo(50_176); // 24*56*56*32/48
    assertThat(nano.fullLocalSeconds(Net.VGG11)).isEqualTo(0.1893);
    assertThat(nano.hasEdgeTailTimes(Net.VGG11)).isFalse();
  }

  @Test
  void shouldLoadAMeasuredProfileWithEdgeTimesFromAFile(@TempDir Path dir) throws Exception {
    // Given a file for one net, columns reordered, with edge tail times
    StringBuilder csv =
        new StringBuilder(
            "point,net,feature_bits,compression_rate,head_seconds,"
                + "head_watts,head_joules,edge_tail_seconds\n");
    for (int p = 0; p < 6; p++) {
      csv.append(p)
          .append(",resnet18,")
          .append(p == 5 ? 0 : 1000 * (6 - p))
          .append(",1,")
          .append(0.01 * p)
          .append(",2,")
          .append(0.02 * p)
          .append(',')
          .append(p == 5 ? "" : Double.toString(0.001 * (5 - p)))
          .append('\n');
    }
    Path file = dir.resolve("measured.csv");
    Files.writeString(file, csv);
    // When
    DeviceProfile profile = DeviceProfiles.load(file);
    // Then
    assertThat(profile.name()).endsWith("measured.csv");
    assertThat(profile.covers(Net.RESNET18)).isTrue();
    assertThat(profile.covers(Net.VGG11)).isFalse();
    assertThat(profile.hasEdgeTailTimes(Net.RESNET18)).isTrue();
    assertThat(profile.point(Net.RESNET18, 0).edgeTailSeconds()).hasValue(0.005);
    assertThatThrownBy(() -> profile.points(Net.VGG11))
        .hasMessageContaining("no rows for net vgg11");
  }

  @Test
  void shouldNameTheMissingPoint() {
    // Given vgg11 rows for points 0..4 only
    String csv = HEADER + rows("vgg11", 5);
    // When / Then
    assertThatThrownBy(() -> parse(csv))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("net vgg11 is missing point 5");
  }

  @Test
  void shouldRejectANegativeTimeWithItsLine() {
    // Given a negative head time on the seventh line
    String csv = HEADER + rows("vgg11", 5) + "vgg11,5,0,1,-0.2,2,1\n";
    // When / Then
    assertThatThrownBy(() -> parse(csv))
        .hasMessageContaining("line 7")
        .hasMessageContaining("head_seconds must be a finite number >= 0, got -0.2");
  }

  @Test
  void shouldRejectAnUnknownNet() {
    // Given a net mec-core does not know
    String csv = HEADER + "alexnet,0,1,1,0,0,0\n";
    // When / Then
    assertThatThrownBy(() -> parse(csv))
        .hasMessageContaining("line 2")
        .hasMessageContaining("unknown net 'alexnet'; known nets: vgg11, resnet18, mobilenetv2");
  }

  @Test
  void shouldRejectAHeaderWithoutARequiredColumn() {
    // Given a header without compression_rate, When parsed, Then
    assertThatThrownBy(() -> parse("net,point,feature_bits\n"))
        .hasMessageContaining("header lacks column 'compression_rate'");
  }

  @Test
  void shouldRejectADuplicatePoint() {
    // Given point 2 twice
    String csv = HEADER + rows("resnet18", 6) + "resnet18,2,10,1,0.1,1,0.1\n";
    // When / Then
    assertThatThrownBy(() -> parse(csv))
        .hasMessageContaining("duplicate row for net resnet18 point 2");
  }

  private static String rows(String net, int points) {
    StringBuilder b = new StringBuilder();
    for (int p = 0; p < points; p++) {
      b.append(net).append(',').append(p).append(",1000,1,0.1,1,0.1\n");
    }
    return b.toString();
  }

  private static DeviceProfile parse(String csv) {
    return DeviceProfiles.parse(new StringReader(csv), "test.csv");
  }
}
