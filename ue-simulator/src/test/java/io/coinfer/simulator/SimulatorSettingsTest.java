package io.coinfer.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

  @Test
  void shouldParseRatesPerSecondMinuteAndHour() {
    assertThat(SimulatorSettings.parseRate("2/s")).isEqualTo(2.0);
    assertThat(SimulatorSettings.parseRate("0.5")).isEqualTo(0.5);
    assertThat(SimulatorSettings.parseRate("30/min")).isEqualTo(0.5);
    assertThat(SimulatorSettings.parseRate("360/h")).isEqualTo(0.1);
    assertThatThrownBy(() -> SimulatorSettings.parseRate("fast"))
        .hasMessageContaining("not a rate: 'fast'");
    assertThatThrownBy(() -> SimulatorSettings.parseRate("0/s")).hasMessageContaining("> 0");
  }

  @Test
  void shouldParseDurations() {
    assertThat(SimulatorSettings.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(SimulatorSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(SimulatorSettings.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(SimulatorSettings.parseDuration("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(SimulatorSettings.parseDuration("3")).isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> SimulatorSettings.parseDuration("soon"))
        .hasMessageContaining("not a duration");
  }

  @Test
  void shouldRejectANonPositiveFleet() {
    URI gateway = URI.create("http://127.0.0.1:8080");
    assertThatThrownBy(() -> SimulatorSettings.defaults(gateway, 0, 1, Duration.ofSeconds(1), 0))
        .hasMessageContaining("ues must be a finite number > 0");
    assertThatThrownBy(() -> SimulatorSettings.defaults(gateway, 1, 1, Duration.ZERO, 0))
        .hasMessageContaining("duration must be > 0");
  }
}
