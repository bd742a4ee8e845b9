package io.coinfer.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.contracts.api.JobView;
import io.coinfer.contracts.events.ClassScore;
import io.coinfer.contracts.events.DecisionRef;
import io.coinfer.contracts.events.DecisionSource;
import io.coinfer.contracts.events.EdgeTiming;
import io.coinfer.contracts.events.Event;
import io.coinfer.contracts.events.FailureReason;
import io.coinfer.contracts.events.JobStatus;
import io.coinfer.contracts.events.ResultEvent;
import io.coinfer.contracts.events.UeAccounting;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobLedgerTest {

  private static JobView done(
      String jobId, int point, double energyJ, double modelLatencyS, String label) {
    ResultEvent result =
        new ResultEvent(
            Event.SCHEMA_VERSION,
            jobId,
            "ue-1",
            "resnet18",
            JobStatus.DONE,
            List.of(new ClassScore(0, label, 0.9)),
            new DecisionRef(3, point, 0, 0.5, "local", "builtin", DecisionSource.POLICY),
            new UeAccounting(0.02, energyJ, 0, 0, 0, 0),
            new EdgeTiming(0.001, 0.01, 1),
            modelLatencyS,
            0.05,
            null,
            null,
            Instant.now());
    return new JobView(jobId, "ue-1", JobStatus.DONE, Instant.now(), result);
  }

  private static JobView failed(String jobId) {
    ResultEvent result =
        ResultEvent.failed(
            jobId, "ue-1", "resnet18", null, FailureReason.BAD_IMAGE, "not a PNG", Instant.now());
    return new JobView(jobId, "ue-1", JobStatus.FAILED, Instant.now(), result);
  }

  @Test
  void shouldComputeNearestRankPercentiles() {
    double[] samples = new double[100];
    for (int i = 0; i < 100; i++) {
      samples[99 - i] = i + 1; // 100..1, unsorted
    }
    assertThat(Percentiles.of(samples, 0.50)).isEqualTo(50);
    assertThat(Percentiles.of(samples, 0.95)).isEqualTo(95);
    assertThat(Percentiles.of(samples, 0.99)).isEqualTo(99);
    assertThat(Percentiles.of(samples, 1.0)).isEqualTo(100);
    assertThat(Percentiles.of(new double[] {7}, 0.01)).isEqualTo(7);
    assertThat(Percentiles.of(new double[0], 0.5)).isNaN();
    assertThat(Percentiles.mean(new double[] {1, 2, 3, 6})).isEqualTo(3);
  }

  @Test
  void shouldCountAcceptedCompletedFailedAndLostOnceTheGracePeriodEnds() {
    JobLedger ledger = new JobLedger(2, System.nanoTime());
    for (int i = 0; i < 6; i++) {
      ledger.arrived();
    }
    ledger.accepted("a");
    ledger.accepted("b");
    ledger.accepted("c");
    ledger.accepted("d");
    ledger.rejected("rejected:429");
    ledger.unsent(1);

    ledger.finished(done("a", 3, 0.2, 0.02, "disc"), 0.100, "disc");
    ledger.finished(
        done("a", 3, 0.2, 0.02, "disc"), 0.500, "disc"); // a duplicate result is ignored
    ledger.finished(done("b", 5, 0.4, 0.06, "ring"), 0.300, "disc"); // wrong class
    ledger.finished(failed("c"), 0.050, "disc");

    RunSummary during = ledger.summary();
    assertThat(during.pending()).isEqualTo(1);
    assertThat(during.lost()).isZero();

    ledger.close();
    ledger.finished(done("d", 3, 0.2, 0.02, "disc"), 99, "disc"); // too late: stays lost
    RunSummary s = ledger.summary();

    assertThat(s.arrived()).isEqualTo(6);
    assertThat(s.accepted()).isEqualTo(4);
    assertThat(s.completed()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.lost()).isEqualTo(1);
    assertThat(s.nothingLost()).isFalse();
    assertThat(s.pending()).isZero();
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.unsent()).isEqualTo(1);
    assertThat(s.latencyP50S()).isEqualTo(0.100);
    assertThat(s.latencyP99S()).isEqualTo(0.300);
    assertThat(s.latencyMeanS()).isCloseTo(0.200, within(1e-12));
    assertThat(s.energyPerTaskJ()).isCloseTo(0.3, within(1e-12));
    assertThat(s.modelLatencyPerTaskS()).isCloseTo(0.04, within(1e-12));
    assertThat(s.modelLatencyP95S()).isEqualTo(0.06);
    assertThat(s.modelLatencyMaxS()).isEqualTo(0.06);
    assertThat(s.top1Accuracy()).isEqualTo(0.5);
    assertThat(s.pointsInUse()).containsEntry(3, 1L).containsEntry(5, 1L);
    assertThat(s.policies()).containsEntry("local@builtin", 2L);
    assertThat(s.failuresByReason())
        .containsEntry("BAD_IMAGE", 1L)
        .containsEntry("rejected:429", 1L);
    assertThat(SummaryFormat.TABLE.render(s))
        .contains("lost                 1  <-- accepted but never finished")
        .contains("model latency max    60.0 ms");
    assertThat(SummaryFormat.JSON.render(s)).contains("\"lost\" : 1");
  }
}
