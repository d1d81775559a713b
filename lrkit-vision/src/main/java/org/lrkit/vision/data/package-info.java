/**
 * Image datasets on disk, in memory: finding, reading and downloading them.
 *
 * <ul>
 *   <li>{@link org.lrkit.vision.data.Datasets} loads a dataset by name and split ({@code fashion-mnist},
 *       {@code mnist}, {@code cifar10}, {@code cifar100}, {@code cifar10-jpeg}, the embedded
 *       {@code fashion-mnist-embedded}) from where {@link org.lrkit.vision.data.DatasetLocations} says to look.
 *   <li>{@link org.lrkit.vision.data.ImageSet} is the result: all images as unsigned bytes, channel-major, with
 *       their labels and class names; every reader (IDX, CIFAR binary, image folders, tar archives) produces
 *       one.
 *   <li>{@link org.lrkit.vision.data.DatasetDownloader} fetches the files, verified against pinned SHA-256
 *       digests, atomically and resumably; {@link org.lrkit.vision.data.EmbeddedFashionMnist} is a small
 *       class-balanced subset inside the jar, for demos and tests.
 * </ul>
 *
 * <pre>{@code
 * ImageSet train = Datasets.load("fashion-mnist", "train");   // $LRKIT_DATA, ~/.lrkit/datasets, Debian
 * }</pre>
 *
 * <p>Missing or damaged data raise {@link org.lrkit.vision.data.DatasetNotFoundException},
 * {@link org.lrkit.vision.data.DatasetFormatException} or {@link org.lrkit.vision.data.ChecksumMismatchException}.
 * Turning an {@code ImageSet} into DJL batches is {@link org.lrkit.vision.loader}'s work.
 */
package org.lrkit.vision.data;
