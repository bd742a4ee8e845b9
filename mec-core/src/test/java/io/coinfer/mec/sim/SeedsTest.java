package io.coinfer.mec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @Test
  void shouldGiveMembersOfAFamilyStreamsThatShareNoDraw() {
    // Given the members 0..63 of two searches (index search << 32 + run), as a planner seeds them
    Set<Long> draws = new HashSet<>();
    for (long search = 0; search < 2; search++) {
      for (long run = 0; run < 64; run++) {
        // When each member draws 16 numbers
        SplittableRandom rng = new SplittableRandom(Seeds.derive(7, (search << 32) + run));
        for (int i = 0; i < 16; i++) {
          // Then no draw comes back in another member's stream
          assertThat(draws.add(rng.nextLong())).as("search %d, run %d", search, run).isTrue();
        }
      }
    }
  }
}
