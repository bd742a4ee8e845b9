package io.coinfer.splitnn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CpuAffinityTest {

  @Test
  void shouldPinTheCallingThreadAndTheProcessesItStarts() throws Exception {
    assumeThat(CpuAffinity.supported()).as("sched_setaffinity").isTrue();
    AtomicReference<Object> seen = new AtomicReference<>();
    // Given a fresh thread (so that the test runner's threads keep their CPUs)
    Thread thread =
        new Thread(
            () -> {
              try {
                BitSet allowed = CpuAffinity.currentThread();
                BitSet last = new BitSet();
                last.set(allowed.length() - 1);
                // When it pins itself to the last allowed CPU and then starts a process
                CpuAffinity.pinCurrentThread(last);
                Process child =
                    new ProcessBuilder("grep", "Cpus_allowed_list", "/proc/self/status").start();
                String status =
                    new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                child.waitFor();
                seen.set(new Object[] {last, CpuAffinity.currentThread(), status});
              } catch (Exception | Error e) {
                seen.set(e);
              }
            });
    thread.start();
    thread.join();
    assertThat(seen.get()).isInstanceOf(Object[].class);
    Object[] result = (Object[]) seen.get();
    BitSet pinned = (BitSet) result[0];
    // Then the thread may run on that CPU only, and so may its child
    assertThat(result[1]).isEqualTo(pinned);
    assertThat(((String) result[2]).trim())
        .isEqualTo("Cpus_allowed_list:\t" + (pinned.length() - 1));
  }

  @Test
  void shouldRejectAnEmptySetOfCpus() {
    assertThatThrownBy(() -> CpuAffinity.pinCurrentThread(new BitSet()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need CPUs");
  }
}
