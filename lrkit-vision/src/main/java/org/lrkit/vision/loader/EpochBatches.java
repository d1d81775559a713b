package org.lrkit.vision.loader;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.nio.FloatBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.lrkit.vision.data.ImageSet;

/**
 * The batches of one epoch of an {@link ImageLoader}, from a given batch on, as DJL {@link Batch}es.
 *
 * <p>Iterating starts the loader's worker threads, which fill float batch buffers ahead of the consumer; each
 * {@link Batch} owns a fresh sub-manager of the given manager holding one {@code float32 (n, C, H, W)} data
 * array and one label array of shape {@code (n)}, and must be closed by the consumer (DJL's training loop
 * does). {@link Batch#getProgress()} is the batch's index in the epoch, {@link Batch#getIndices()} the dataset
 * indices of its images. The workers stop after the last batch, or on {@link #close} (e.g. when training
 * stops early). It can be iterated once.
 */
public final class EpochBatches implements Iterable<Batch>, AutoCloseable {

    private final ImageLoader loader;
    private final NDManager manager;
    private final int epoch;
    private final int firstBatch;
    private OrderedPrefetcher<BatchSlot> prefetcher;
    private boolean closed;

    EpochBatches(ImageLoader loader, NDManager manager, int epoch, int firstBatch) {
        this.loader = loader;
        this.manager = manager;
        this.epoch = epoch;
        this.firstBatch = firstBatch;
    }

    /**
     * The epoch these batches belong to.
     *
     * @return the epoch number, from 0
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Where in the epoch the batches start.
     *
     * @return the index in the epoch of the first batch delivered (0 unless resuming mid-epoch)
     */
    public int firstBatch() {
        return firstBatch;
    }

    /**
     * The iterator over the remaining batches; starts the worker threads.
     *
     * @throws IllegalStateException if called a second time or after {@link #close}
     */
    @Override
    public synchronized Iterator<Batch> iterator() {
        if (prefetcher != null || closed) {
            throw new IllegalStateException("the batches of epoch " + epoch
                    + " can be iterated once; call loader.epoch(manager, " + epoch + ") again for a new pass");
        }
        ImageSet images = loader.images();
        int[] order = loader.order(epoch);
        int batchSize = loader.batchSize();
        int imageFloats = images.imageBytes();
        prefetcher = OrderedPrefetcher.start(firstBatch, loader.batchesPerEpoch(), loader.prefetch(),
                loader.workers(), i -> new BatchSlot(batchSize, imageFloats),
                w -> new BatchFiller(images, loader.augmentation(), order, batchSize, loader.seed(), epoch),
                "lrkit-loader-" + images.name() + "-epoch" + epoch);
        return new BatchIterator(prefetcher);
    }

    /** Stops the workers; batches already handed out stay valid. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (prefetcher != null) {
            prefetcher.close();
        }
    }

    private final class BatchIterator implements Iterator<Batch> {
        private final OrderedPrefetcher<BatchSlot> source;

        BatchIterator(OrderedPrefetcher<BatchSlot> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            boolean more = source.hasNext();
            if (!more) {
                source.close();
            }
            return more;
        }

        @Override
        public Batch next() {
            if (!source.hasNext()) {
                throw new NoSuchElementException("epoch " + epoch + " has no more batches");
            }
            int index = source.nextToTake();
            BatchSlot slot = source.take();
            NDManager batchManager = manager.newSubManager();
            try {
                ImageSet images = loader.images();
                int n = slot.count;
                Shape shape = new Shape(n, images.channels(), images.height(), images.width());
                NDArray data = batchManager.create(FloatBuffer.wrap(slot.data, 0, n * images.imageBytes()), shape);
                NDArray labels = loader.labelType().create(batchManager, slot.labels, n);
                int[] imageIndices = slot.imageIndices;
                List<Integer> indices = IntStream.range(0, n).map(i -> imageIndices[i]).boxed().toList();
                return new Batch(batchManager, new NDList(data), new NDList(labels), n, Batchifier.STACK,
                        Batchifier.STACK, index, loader.batchesPerEpoch(), indices);
            } catch (RuntimeException e) {
                batchManager.close();
                throw e;
            } finally {
                source.release();
            }
        }
    }
}
