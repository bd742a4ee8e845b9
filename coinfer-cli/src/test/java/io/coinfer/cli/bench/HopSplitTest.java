package io.coinfer.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopSplitTest {

  @Test
  void shouldSplitEachJobIntoItsHopsLessTheComputeItsResultReports() {
    // Given two jobs: accepted at 1000, job record 1 ms later, head 2 ms, tail 3 ms
    List<HopSplit.Job> jobs =
        List.of(
            new HopSplit.Job(1000, 1001, 1007, 1015, 2, 0.5, 3),
            new HopSplit.Job(2000, 2001, 2009, 2021, 2, 0.5, 3));

    // When split
    HopSplit split = HopSplit.of(jobs);

    // Then each step is the difference of the records' times less the compute inside it
    assertThat(split.jobs()).isEqualTo(2);
    assertThat(split.steps()).extracting(HopSplit.Step::name).isEqualTo(HopSplit.STEPS);
    assertThat(split.steps())
        .extracting(HopSplit.Step::p50Ms)
        .containsExactly(1.0, 4.0, 2.0, 4.5, 0.5, 3.0, 15.0);
    assertThat(split.steps())
        .extracting(HopSplit.Step::p90Ms)
        .containsExactly(1.0, 6.0, 2.0, 8.5, 0.5, 3.0, 21.0);
    assertThat(split.table()).contains("2 jobs").contains("jobs hop");
  }
}
