package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChunkBudgetTest {

    @Test
    void aChunkOfShortLinesEndsAtItsRecordCount() {
        var budget = new ChunkBudget(3, 1_000_000, 100);
        budget.read(150);
        budget.read(200);
        assertThat(budget.full()).isFalse();
        budget.read(250);
        assertThat(budget.full()).isTrue();

        budget.next();
        assertThat(budget.full()).isFalse();
        budget.read(300);
        budget.read(350);
        assertThat(budget.full()).isFalse();
        budget.read(400);
        assertThat(budget.full()).isTrue();
    }

    @Test
    void aChunkOfLongLinesEndsWithTheRecordThatReachesTheByteBudget() {
        var budget = new ChunkBudget(20_000, 1000, 5000);
        budget.read(5400);
        assertThat(budget.full()).isFalse();
        budget.read(5999);
        assertThat(budget.full()).isFalse();
        budget.read(6300); // 1300 bytes since the chunk began at 5000
        assertThat(budget.full()).isTrue();

        budget.next(); // the next chunk begins at 6300
        budget.read(7299);
        assertThat(budget.full()).isFalse();
        budget.read(7300);
        assertThat(budget.full()).isTrue();
    }

    @Test
    void aBudgetTakesAtLeastOneRecordAndOneByte() {
        assertThatThrownBy(() -> new ChunkBudget(0, 1000, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkBudget(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
