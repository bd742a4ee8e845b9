package io.coinfer.compression.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.UeAccounting;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.mec.profile.PointProfile;
import io.coinfer.mec.radio.Uplink;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UeCostModelTest {

  private static final DeviceProfile NANO = DeviceProfiles.jetsonNano();
  private static final Uplink PAPER = new Uplink(1e6, 3, 1e-9);
  private static final long T0 = 1_000_000_000L;

  private final UeCostModel costs =
      new UeCostModel(
          new CompressionSettings(
              new CompressionSettings.Models("", Map.of(), DataSize.ofMegabytes(1)),
              new CompressionSettings.Radio(1e6, 3, 1e-9),
              "",
              1000,
              new CompressionSettings.Decisions(Duration.ofMillis(500), 10)));

  @Test
  void shouldChargeTheProfileAndTheInterferenceFreeRateToALoneUe() {
    // When a lone UE sends at point 2 with 0.5 W from 50 m
    UeAccounting a = costs.account("a", NANO, Net.RESNET18, 50, decision(2, 0, 0.5), T0);

    // Then compute is the profile's head time at head power, transmit the payload at the rate
    PointProfile p2 = NANO.point(Net.RESNET18, 2);
    double rate = PAPER.rate(PAPER.receivedWatts(0.5, 50), 0);
    assertThat(a.computeS()).isEqualTo(p2.headSeconds());
    assertThat(a.computeJ()).isCloseTo(p2.headSeconds() * p2.headWatts(), within(1e-12));
    assertThat(a.payloadBits()).isEqualTo(p2.payloadBits());
    assertThat(a.transmitS()).isCloseTo(p2.payloadBits() / rate, within(1e-12));
    assertThat(a.transmitJ()).isCloseTo(0.5 * p2.payloadBits() / rate, within(1e-12));
  }

  @Test
  void shouldSlowATransmissionThatOverlapsAnotherOnTheSameSubChannelOnly() {
    // Given UE a transmitting at point 0 on sub-channel 0
    costs.account("a", NANO, Net.RESNET18, 20, decision(0, 0, 1.0), T0);

    // When b starts at once on the same sub-channel, and c on another
    UeAccounting b = costs.account("b", NANO, Net.RESNET18, 50, decision(0, 0, 0.5), T0 + 1000);
    UeAccounting c = costs.account("c", NANO, Net.RESNET18, 50, decision(0, 1, 0.5), T0 + 2000);

    // Then b's rate is reduced by a's received power, c's is not
    double signal = PAPER.receivedWatts(0.5, 50);
    assertThat(b.rateBps())
        .isCloseTo(PAPER.rate(signal, PAPER.receivedWatts(1.0, 20)), within(1e-6));
    assertThat(c.rateBps()).isCloseTo(PAPER.rate(signal, 0), within(1e-6));
    assertThat(b.transmitS()).isGreaterThan(c.transmitS());
  }

  @Test
  void shouldNotCountATransmissionThatEndedBeforeTheNextStarts() {
    // Given UE a's transmission at point 0, which lasts well under 10 s
    UeAccounting a = costs.account("a", NANO, Net.RESNET18, 20, decision(0, 0, 1.0), T0);
    assertThat(a.transmitS()).isLessThan(10);

    // When b transmits on the same sub-channel 10 s later
    UeAccounting b =
        costs.account("b", NANO, Net.RESNET18, 50, decision(0, 0, 0.5), T0 + 10_000_000_000L);

    // Then b sees no interference, and a UE never interferes with itself
    double free = PAPER.rate(PAPER.receivedWatts(0.5, 50), 0);
    assertThat(b.rateBps()).isCloseTo(free, within(1e-6));
    UeAccounting again =
        costs.account("b", NANO, Net.RESNET18, 50, decision(0, 0, 0.5), T0 + 10_000_001_000L);
    assertThat(again.rateBps()).isCloseTo(free, within(1e-6));
  }

  private static DecisionRef decision(int point, int channel, double power) {
    return new DecisionRef(1, point, channel, power, "test", "builtin", DecisionSource.POLICY);
  }
}
