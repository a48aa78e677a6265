package ro.runner.imports.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void handsOnEveryItemInOrderThenTheEnd() throws Exception {
        var n = new AtomicInteger();
        try (var ahead = new ReadAhead<Integer>(
                Executors.defaultThreadFactory(), 7, () -> n.get() < 1000 ? n.incrementAndGet() : null)) {
            var seen = new ArrayList<Integer>();
            for (Integer i = ahead.next(); i != null; i = ahead.next()) {
                seen.add(i);
            }
            assertThat(seen).hasSize(1000).isSorted().startsWith(1).endsWith(1000);
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void aFailureOfTheProducerReachesTheConsumerAfterTheItemsBeforeIt() throws Exception {
        var n = new AtomicInteger();
        try (var ahead = new ReadAhead<Integer>(Executors.defaultThreadFactory(), 2, () -> {
            if (n.incrementAndGet() > 3) {
                throw new IOException("disk gone");
            }
            return n.get();
        })) {
            assertThat(ahead.next()).isEqualTo(1);
            assertThat(ahead.next()).isEqualTo(2);
            assertThat(ahead.next()).isEqualTo(3);
            assertThatThrownBy(ahead::next).isInstanceOf(IOException.class).hasMessage("disk gone");
        }
    }

    @Test
    void closingStopsAProducerThatIsWaitingForRoom() {
        var ahead = new ReadAhead<Integer>(Executors.defaultThreadFactory(), 1, () -> 1);
        ahead.close();
    }
}
