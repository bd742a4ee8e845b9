package io.coinfer.orchestrator.slot;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.UeStateEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UeBookTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final UeBook book = new UeBook();

  @Test
  void shouldKeepTheNewestReportWhenAnOlderOneArrivesLate() {
    // Given report 3 (5 tasks at 40 m) has arrived
    book.report(report(3, 5, 40, T0.plusSeconds(3)), T0.plusSeconds(3));

    // When report 2 (1 task at 80 m) arrives after it
    book.report(report(2, 1, 80, T0.plusSeconds(2)), T0.plusSeconds(4));

    // Then the book still holds report 3, received when it arrived
    UeBook.Entry entry = book.snapshot().get(0);
    assertThat(entry.state().sequence()).isEqualTo(3);
    assertThat(entry.state().tasksQueued()).isEqualTo(5);
    assertThat(entry.state().distanceM()).isEqualTo(40);
    assertThat(entry.reportedAt()).isEqualTo(T0.plusSeconds(3));
  }

  @Test
  void shouldTakeANewerReportAndKeepTheLargestQueueAsTheTaskScale() {
    // Given report 0 with 6 tasks
    book.report(report(0, 6, 40, T0), T0);

    // When report 1 with 2 tasks arrives
    book.report(report(1, 2, 30, T0.plusSeconds(1)), T0.plusSeconds(1));

    // Then the book holds report 1, with the task scale still 6
    UeBook.Entry entry = book.snapshot().get(0);
    assertThat(entry.state().sequence()).isEqualTo(1);
    assertThat(entry.state().distanceM()).isEqualTo(30);
    assertThat(entry.maxTasks()).isEqualTo(6);
  }

  @Test
  void shouldNotMakeAReplayedReportFresher() {
    // Given report 4 made and received at T0
    UeStateEvent report = report(4, 1, 40, T0);
    book.report(report, T0);

    // When the same report is delivered again a minute later (an at-least-once redelivery)
    book.report(report, T0.plusSeconds(60));

    // Then it still counts as made at T0
    assertThat(book.snapshot()).singleElement().extracting(UeBook.Entry::reportedAt).isEqualTo(T0);
  }

  private static UeStateEvent report(long sequence, int tasks, double distance, Instant at) {
    return new UeStateEvent(
        Event.SCHEMA_VERSION,
        "ue-a",
        "resnet18",
        "jetson-nano",
        distance,
        1.0,
        tasks,
        sequence,
        at);
  }
}
