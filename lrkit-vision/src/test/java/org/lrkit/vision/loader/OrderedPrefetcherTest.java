package org.lrkit.vision.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OrderedPrefetcherTest {

    /** A slot holding the job number written into it. */
    private static final class Cell {
        int job = -1;
    }

    private static void pause(int job) throws InterruptedException {
        // Uneven, job-dependent delays make later jobs finish before earlier ones.
        Thread.sleep((job * 7919L) % 3);
    }

    @Test
    void deliversEveryJobInOrderAndNeverRunsMoreThanCapacityAhead() {
        int capacity = 3;
        AtomicInteger consumed = new AtomicInteger(5);
        AtomicInteger maxAhead = new AtomicInteger();
        try (OrderedPrefetcher<Cell> prefetcher = OrderedPrefetcher.start(5, 205, capacity, 4, i -> new Cell(),
                w -> (job, cell) -> {
                    maxAhead.accumulateAndGet(job - consumed.get(), Math::max);
                    pause(job);
                    cell.job = job;
                }, "test")) {
            for (int expected = 5; expected < 205; expected++) {
                assertThat(prefetcher.hasNext()).isTrue();
                assertThat(prefetcher.nextToTake()).isEqualTo(expected);
                assertThat(prefetcher.take().job).isEqualTo(expected);
                prefetcher.release();
                consumed.set(expected + 1);
            }
            assertThat(prefetcher.hasNext()).isFalse();
            assertThatThrownBy(prefetcher::take).isInstanceOf(NoSuchElementException.class);
        }
        assertThat(maxAhead.get()).isLessThanOrEqualTo(capacity);
    }

    @Test
    void closeStopsTheWorkersMidway() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(2);
        OrderedPrefetcher<Cell> prefetcher = OrderedPrefetcher.start(0, 1_000_000, 2, 2, i -> new Cell(),
                w -> (job, cell) -> {
                    started.countDown();
                    cell.job = job;
                }, "test-close");
        started.await();
        assertThat(prefetcher.take().job).isZero();
        prefetcher.release();
        prefetcher.close();
        assertThat(prefetcher.isTerminated()).isTrue();
        assertThat(prefetcher.hasNext()).isFalse();
        assertThatThrownBy(prefetcher::take).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        prefetcher.close(); // idempotent
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test-close"));
    }

    @Test
    void aFailedJobIsReportedWhenTheConsumerReachesIt() {
        OrderedPrefetcher<Cell> prefetcher = OrderedPrefetcher.start(0, 10, 4, 2, i -> new Cell(),
                w -> (job, cell) -> {
                    if (job == 3) {
                        throw new java.io.IOException("disk gone");
                    }
                    cell.job = job;
                }, "test-fail");
        for (int job = 0; job < 3; job++) {
            assertThat(prefetcher.take().job).isEqualTo(job);
            prefetcher.release();
        }
        assertThatThrownBy(prefetcher::take).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("job 3 failed").hasRootCauseMessage("disk gone");
        assertThat(prefetcher.hasNext()).isFalse();
        prefetcher.close();
        assertThat(prefetcher.isTerminated()).isTrue();
    }

    @Test
    void slotsMustBeTakenAndReleasedInTurn() {
        try (OrderedPrefetcher<Cell> prefetcher = OrderedPrefetcher.start(0, 3, 1, 1, i -> new Cell(),
                w -> (job, cell) -> cell.job = job, "test-turns")) {
            assertThatThrownBy(prefetcher::release).hasMessageContaining("call take() first");
            prefetcher.take();
            assertThatThrownBy(prefetcher::take).hasMessageContaining("release() the slot of job 0");
            prefetcher.release();
            assertThat(prefetcher.take().job).isEqualTo(1);
        }
    }

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> OrderedPrefetcher.start(0, 3, 0, 1, i -> new Cell(), w -> (j, c) -> { }, "x"))
                .hasMessageContaining("capacity must be >= 1, got 0");
        assertThatThrownBy(() -> OrderedPrefetcher.start(0, 3, 1, 0, i -> new Cell(), w -> (j, c) -> { }, "x"))
                .hasMessageContaining("workers must be >= 1, got 0");
        assertThatThrownBy(() -> OrderedPrefetcher.start(4, 3, 1, 1, i -> new Cell(), w -> (j, c) -> { }, "x"))
                .hasMessageContaining("first=4, end=3");
    }
}
