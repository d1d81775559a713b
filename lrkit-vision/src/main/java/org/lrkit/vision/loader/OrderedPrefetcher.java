package org.lrkit.vision.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * Background prefetching into a bounded ring of reusable slots, delivered strictly in job order.
 *
 * <p>Worker threads claim jobs {@code first, first+1, ..., end-1} in increasing order and fill the slot of
 * each job ({@code job mod capacity}); the consumer {@link #take}s job after job in order and
 * {@link #release}s each slot when done with it. A worker never runs more than {@code capacity} jobs ahead of
 * the consumer, so at most {@code capacity} slots exist and none is reused while the consumer holds it. The
 * delivered sequence is therefore the same whatever the number of workers and their timing, provided a job's
 * content depends only on its number.
 *
 * <p>{@link #close} stops the workers (each finishes the job in hand) and waits for them; it is idempotent
 * and safe to call at any point, also from another thread. A job that throws is reported to the consumer
 * when it reaches that job, as an {@link IllegalStateException} with the failure as cause. Workers are daemon
 * threads, so a forgotten prefetcher does not keep the JVM alive.
 *
 * @param <T> the slot type (e.g. a float batch buffer)
 */
public final class OrderedPrefetcher<T> implements AutoCloseable {

    /**
     * Fills the slot of one job. Each worker has its own filler, so a filler may keep per-thread state.
     *
     * @param <T> the slot type
     */
    @FunctionalInterface
    public interface Filler<T> {
        /**
         * Writes the result of job {@code job} into {@code slot}.
         *
         * @param job the job number, in {@code [first, end)}; the content must depend on it alone
         * @param slot the slot to overwrite, {@code job mod capacity}; it holds an earlier job's content
         * @throws Exception any failure; the consumer gets it as the cause of an {@link IllegalStateException}
         *     when it takes this job, and this worker stops
         */
        void fill(int job, T slot) throws Exception;
    }

    private final int end;
    private final int capacity;
    private final List<T> slots;
    private final int[] readyJob;
    private final Throwable[] failures;
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int nextJob;
    private int delivered;
    private boolean holding;
    private boolean closed;

    private OrderedPrefetcher(int first, int end, int capacity, IntFunction<T> slotFactory) {
        this.end = end;
        this.capacity = capacity;
        this.slots = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            slots.add(Objects.requireNonNull(slotFactory.apply(i), "slotFactory returned null"));
        }
        this.readyJob = new int[capacity];
        java.util.Arrays.fill(readyJob, -1);
        this.failures = new Throwable[capacity];
        this.nextJob = first;
        this.delivered = first;
    }

    /**
     * Starts {@code workers} threads prefetching jobs {@code [first, end)} into {@code capacity} slots.
     *
     * @param <T> the slot type
     * @param first first job, {@code >= 0}
     * @param end one past the last job, {@code >= first}
     * @param capacity number of slots, i.e. how many jobs may be done ahead of the consumer, {@code >= 1}
     * @param workers number of worker threads, {@code >= 1}
     * @param slotFactory makes slot {@code i} for {@code i} in {@code [0, capacity)}
     * @param fillers makes the filler of worker {@code w} for {@code w} in {@code [0, workers)}
     * @param threadName prefix of the worker thread names
     * @return the running prefetcher, to close when done; it starts {@code min(workers, end - first)} threads,
     *     at least one
     * @throws IllegalArgumentException if a count is out of range
     */
    public static <T> OrderedPrefetcher<T> start(int first, int end, int capacity, int workers,
            IntFunction<T> slotFactory, IntFunction<Filler<T>> fillers, String threadName) {
        if (first < 0 || end < first) {
            throw new IllegalArgumentException("jobs must satisfy 0 <= first <= end, got first=" + first + ", end="
                    + end);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        Objects.requireNonNull(slotFactory, "slotFactory");
        Objects.requireNonNull(fillers, "fillers");
        OrderedPrefetcher<T> prefetcher = new OrderedPrefetcher<>(first, end, capacity, slotFactory);
        int threadCount = Math.max(1, Math.min(workers, end - first));
        for (int w = 0; w < threadCount; w++) {
            Filler<T> filler = Objects.requireNonNull(fillers.apply(w), "fillers returned null");
            Thread thread = new Thread(() -> prefetcher.work(filler), threadName + "-" + w);
            thread.setDaemon(true);
            prefetcher.threads.add(thread);
        }
        prefetcher.threads.forEach(Thread::start);
        return prefetcher;
    }

    private void work(Filler<T> filler) {
        while (true) {
            int job;
            lock.lock();
            try {
                while (!closed && nextJob < end && nextJob - delivered >= capacity) {
                    changed.await();
                }
                if (closed || nextJob >= end) {
                    return;
                }
                job = nextJob++;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            int index = job % capacity;
            Throwable failure = null;
            try {
                filler.fill(job, slots.get(index));
            } catch (Throwable t) { // reported to the consumer at this job
                failure = t;
            }
            lock.lock();
            try {
                failures[index] = failure;
                readyJob[index] = job;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            if (failure != null) {
                return;
            }
        }
    }

    /**
     * Whether jobs remain to be taken.
     *
     * @return true if the prefetcher is open and not every job was taken
     */
    public boolean hasNext() {
        lock.lock();
        try {
            return !closed && delivered < end;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The number of the job the next {@link #take} returns.
     *
     * @return the job number; {@code end} once every job was taken
     */
    public int nextToTake() {
        lock.lock();
        try {
            return delivered;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next job in order and returns its slot, which stays valid until {@link #release}.
     *
     * @return the slot holding the job's content
     * @throws NoSuchElementException if all jobs were taken
     * @throws IllegalStateException if the prefetcher is closed, the previous slot was not released, the job
     *     failed (the cause is the failure), or the waiting thread was interrupted
     */
    public T take() {
        lock.lock();
        try {
            if (holding) {
                throw new IllegalStateException("release() the slot of job " + delivered + " before taking the next");
            }
            if (delivered >= end) {
                throw new NoSuchElementException("all jobs up to " + end + " were taken");
            }
            int index = delivered % capacity;
            while (!closed && readyJob[index] != delivered) {
                changed.await();
            }
            if (closed) {
                throw new IllegalStateException("the prefetcher was closed before job " + delivered);
            }
            if (failures[index] != null) {
                Throwable failure = failures[index];
                closeLocked();
                throw new IllegalStateException("prefetch job " + delivered + " failed: " + failure, failure);
            }
            holding = true;
            return slots.get(index);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for prefetch job " + delivered, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives back the slot of the last {@link #take}, letting the workers reuse it.
     *
     * @throws IllegalStateException if no slot is held
     */
    public void release() {
        lock.lock();
        try {
            if (!holding) {
                throw new IllegalStateException("no slot is held: call take() first");
            }
            readyJob[delivered % capacity] = -1;
            delivered++;
            holding = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether all worker threads have ended.
     *
     * @return true once every worker has ended; always true after {@link #close} returns
     */
    public boolean isTerminated() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Stops the workers after the job each has in hand and waits for them to end. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeLocked() {
        closed = true;
        changed.signalAll();
    }
}
