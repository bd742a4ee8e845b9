package io.coinfer.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.api.StateReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When a UE reports: on a change of its state, or on the heartbeat (times given, not waited). */
class ReportScheduleTest {

  private static final long S = 1_000_000_000L;
  private static final StateReport IDLE = new StateReport(0, 40.0);
  private static final StateReport BUSY = new StateReport(1, 40.0);

  @Test
  void shouldReportOnlyWhenTheStateChangedUntilTheHeartbeatIsDue() {
    // Given a UE registered idle at t = 100 s with a 10 s heartbeat
    ReportSchedule schedule = new ReportSchedule(Duration.ofSeconds(10), IDLE, 100 * S);

    // Then an unchanged state is not reported before the heartbeat, a changed one is at once
    assertThat(schedule.due(IDLE, 100 * S + S / 2)).isFalse();
    assertThat(schedule.due(IDLE, 110 * S - 1)).isFalse();
    assertThat(schedule.due(BUSY, 100 * S + S / 2)).isTrue();
    assertThat(schedule.due(new StateReport(0, 41.0), 100 * S + S / 2)).isTrue();

    // And once the busy state is taken at t = 101 s, it is the one compared with
    schedule.taken(BUSY, 101 * S);
    assertThat(schedule.due(BUSY, 105 * S)).isFalse();
    assertThat(schedule.due(IDLE, 105 * S)).isTrue();
  }

  @Test
  void shouldReportAnUnchangedStateOnceTheLastReportIsAHeartbeatOld() {
    ReportSchedule schedule = new ReportSchedule(Duration.ofSeconds(10), IDLE, 100 * S);

    assertThat(schedule.due(IDLE, 110 * S)).isTrue();
    schedule.taken(IDLE, 110 * S);
    assertThat(schedule.due(IDLE, 115 * S)).isFalse();
    assertThat(schedule.due(IDLE, 120 * S)).isTrue();
  }

  @Test
  void shouldReportAgainAtTheNextSlotWhenAReportWasNotTaken() {
    // Given a change whose report failed (taken() is not called)
    ReportSchedule schedule = new ReportSchedule(Duration.ofSeconds(10), IDLE, 100 * S);
    assertThat(schedule.due(BUSY, 101 * S)).isTrue();

    // Then it is still due at the next slot
    assertThat(schedule.due(BUSY, 101 * S + S / 2)).isTrue();
  }

  @Test
  void shouldBringTheFirstHeartbeatForwardWhenTheRegistrationCountsAsEarlier() {
    // Given the fleet's spread: a UE whose registration counts as 4 s earlier than it was
    ReportSchedule schedule = new ReportSchedule(Duration.ofSeconds(10), IDLE, 96 * S);

    // Then its first heartbeat comes 6 s after the registration
    assertThat(schedule.due(IDLE, 105 * S)).isFalse();
    assertThat(schedule.due(IDLE, 106 * S)).isTrue();
  }
}
