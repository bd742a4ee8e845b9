package io.coinfer.splitnn.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FeatureWirePropertiesTest {

  @Provide
  Arbitrary<QuantisedFeature> features() {
    return Arbitraries.integers()
        .between(1, 4)
        .flatMap(
            c ->
                Arbitraries.integers()
                    .between(1, 9)
                    .flatMap(
                        h ->
                            Arbitraries.integers()
                                .between(1, 16)
                                .flatMap(
                                    bits ->
                                        Arbitraries.floats()
                                            .between(-1e4f, 1e4f)
                                            .array(float[].class)
                                            .ofSize(c * h * 3)
                                            .map(
                                                v ->
                                                    Quantiser.quantise(
                                                        v,
                                                        new int[] {c, h, 3},
                                                        bits,
                                                        "m",
                                                        1 + c % 4,
                                                        "codec",
                                                        bits)))));
  }

  @Property(tries = 300)
  void shouldReadBackWhatItWrote(@ForAll("features") QuantisedFeature feature) {
    assertThat(FeatureWire.read(FeatureWire.write(feature))).isEqualTo(feature);
  }

  @Property(tries = 1000)
  void shouldEitherParseOrRejectWithWireFormatExceptionWhenOneByteIsCorrupted(
      @ForAll("features") QuantisedFeature feature,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll byte value) {
    byte[] bytes = FeatureWire.write(feature);
    bytes[position % bytes.length] = value;
    try {
      QuantisedFeature read = FeatureWire.read(bytes);
      // whatever parses must be a valid feature that writes back to the same bytes
      assertThat(FeatureWire.write(read)).isEqualTo(bytes);
    } catch (WireFormatException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1000)
  void shouldEitherParseOrRejectWithWireFormatExceptionWhenBitsAreFlipped(
      @ForAll("features") QuantisedFeature feature,
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> flips) {
    byte[] bytes = FeatureWire.write(feature);
    for (int flip : flips) {
      int bit = flip % (bytes.length * 8);
      bytes[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    }
    try {
      QuantisedFeature read = FeatureWire.read(bytes);
      // a flip inside the codes or the range gives another valid feature; nothing half-read
      assertThat(FeatureWire.write(read)).isEqualTo(bytes);
    } catch (WireFormatException rejected) {
      assertThat(rejected.reason()).isNotNull();
    }
  }

  @Property(tries = 1000)
  void shouldNeverFailOtherwiseThanWithWireFormatExceptionOnRandomBytes(
      @ForAll @Size(max = 200) byte[] bytes) {
    try {
      FeatureWire.read(bytes);
    } catch (WireFormatException rejected) {
      assertThat(rejected.reason()).isNotNull();
    }
  }

  @Property(tries = 300)
  void shouldRejectEveryTruncation(
      @ForAll("features") QuantisedFeature feature, @ForAll @IntRange(min = 1) int cut) {
    byte[] bytes = FeatureWire.write(feature);
    byte[] shorter = java.util.Arrays.copyOf(bytes, cut % bytes.length);
    try {
      FeatureWire.read(shorter);
      throw new AssertionError("a truncated message was accepted");
    } catch (WireFormatException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }
}
