package io.coinfer.mec.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UplinkTest {

  private final Uplink paper = new Uplink(1e6, 3, 1e-9);

  @Test
  void shouldGiveTheShannonRateOfALoneTransmitter() {
    // Given 1 W at 50 m: received 1 / 125,000 = 8e-6 W, SNR 8,000
    double rate =
        paper.rate(0, new double[] {1}, new double[] {50}, new int[] {0}, new boolean[] {true});
    // Then W log2(8001) = 12,965,964.6 bit/s
    assertThat(rate).isCloseTo(1e6 * Math.log(8001) / Math.log(2), within(1e-3));
    assertThat(rate).isCloseTo(12_965_964.6, within(0.1));
  }

  @Test
  void shouldCountOnlyCoChannelTransmittersAsInterference() {
    // Given three UEs at 50 m, 1 W: UE1 shares channel 0 with UE0, UE2 is on channel 1
    double[] p = {1, 1, 1};
    double[] d = {50, 50, 50};
    int[] c = {0, 0, 1};
    // When UE1 transmits: SINR = 8e-6 / (1e-9 + 8e-6) = 0.999875
    double shared = paper.rate(0, p, d, c, new boolean[] {true, true, true});
    // and when it is silent (computing), UE0 is alone on its channel
    double alone = paper.rate(0, p, d, c, new boolean[] {true, false, true});
    // Then
    assertThat(shared)
        .isCloseTo(1e6 * Math.log(1 + 8e-6 / (1e-9 + 8e-6)) / Math.log(2), within(1e-3));
    assertThat(shared).isCloseTo(999_909.8, within(0.1));
    assertThat(alone).isCloseTo(12_965_964.6, within(0.1));
  }

  @Test
  void shouldComputeAllRatesAtOnceLikeOneByOne() {
    // Given five UEs on two channels, one of them silent
    double[] p = {1, 0.5, 0.2, 0.1, 0.7};
    double[] d = {10, 20, 30, 40, 90};
    int[] c = {0, 1, 0, 1, 0};
    boolean[] tx = {true, true, false, true, true};
    double[] received = new double[5];
    for (int i = 0; i < 5; i++) {
      received[i] = paper.receivedWatts(p[i], d[i]);
    }
    double[] rates = new double[5];
    // When
    paper.rates(received, c, tx, new double[2], rates);
    // Then
    for (int i = 0; i < 5; i++) {
      if (tx[i]) {
        assertThat(rates[i]).isCloseTo(paper.rate(i, p, d, c, tx), within(1e-6));
      }
    }
    assertThat(rates[2]).isZero();
  }

  @Test
  void shouldRejectNonPositiveParameters() {
    assertThatThrownBy(() -> new Uplink(0, 3, 1e-9)).hasMessageContaining("bandwidth");
    assertThatThrownBy(() -> new Uplink(1e6, 3, -1)).hasMessageContaining("noise");
  }
}
