package org.lrkit.vision.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads an image-folder tree, {@code <root>/<split>/<class>/*.png|jpg}, from a directory or straight from a
 * {@code .tar} or {@code .tar.gz} of such a tree, into an {@link ImageSet} with a fixed channel count.
 *
 * <ul>
 *   <li>Classes are the folder names under {@code <split>}, sorted; images are ordered by class, then file
 *       name, whatever the order on disk or in the archive.</li>
 *   <li>Files ending in {@code .png}, {@code .jpg} or {@code .jpeg} (any case) are read; other files, hidden
 *       files and folders (names starting with a dot) and deeper folders are ignored.</li>
 *   <li>In an archive the tree may sit under a prefix ({@code cifar10/test/cat/0001.jpg}); it must be one
 *       prefix for the whole split.</li>
 *   <li>Every image must have the same height and width (the first one's, or the size set with
 *       {@link #withImageSize}); no resizing happens.</li>
 *   <li>Images are decoded in parallel on a small pool of daemon threads, which ends with the call.</li>
 * </ul>
 *
 * Instances are immutable and thread-safe.
 */
public final class ImageFolderReader {

    private static final int DEFAULT_MAX_THREADS = 4;

    private final int channels;
    private final int threads;
    private final int height;
    private final int width;

    private ImageFolderReader(int channels, int threads, int height, int width) {
        this.channels = channels;
        this.threads = threads;
        this.height = height;
        this.width = width;
    }

    /**
     * A reader producing images with {@code channels} channels (1: grey, 3: RGB), converting as needed,
     * decoding on {@code min(4, available processors)} threads.
     *
     * @param channels 1 (grey) or 3 (RGB)
     * @return a reader accepting images of any size, as long as all have the same
     * @throws IllegalArgumentException if {@code channels} is neither 1 nor 3
     */
    public static ImageFolderReader withChannels(int channels) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        return new ImageFolderReader(channels, Math.min(DEFAULT_MAX_THREADS, Runtime.getRuntime().availableProcessors()),
                0, 0);
    }

    /**
     * The same reader decoding on {@code threads} threads.
     *
     * @param threads the number of decoding threads, in [1, 256]
     * @return a new reader; this one is unchanged
     * @throws IllegalArgumentException if {@code threads} is outside [1, 256]
     */
    public ImageFolderReader withThreads(int threads) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
        }
        return new ImageFolderReader(channels, threads, height, width);
    }

    /**
     * The same reader requiring every image to be {@code height x width} pixels.
     *
     * @param height the image height in pixels, {@code >= 1}
     * @param width the image width in pixels, {@code >= 1}
     * @return a new reader; this one is unchanged
     * @throws IllegalArgumentException if {@code height} or {@code width} is below 1
     */
    public ImageFolderReader withImageSize(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("height and width must be >= 1, got " + height + "x" + width);
        }
        return new ImageFolderReader(channels, threads, height, width);
    }

    /**
     * Reads split {@code split} of the tree at {@code location} (a directory holding {@code <split>/}, or a
     * {@code .tar}/{@code .tar.gz} file, recognised by being a regular file); the set is named
     * {@code <file name>/<split>}.
     *
     * @param location a directory holding {@code <split>/}, or a {@code .tar}/{@code .tar.gz} of such a tree
     * @param split the split's folder name, e.g. {@code train}
     * @return the decoded images with their labels, classes in sorted folder-name order
     * @throws IllegalArgumentException if {@code split} is not a plain folder name
     * @throws DatasetNotFoundException if {@code location} does not exist
     * @throws DatasetFormatException if the tree lacks the split or a class folder holds no image, the archive
     *     holds two trees of the split, an image cannot be decoded, or image sizes differ
     * @throws IOException if a file cannot be read, or the thread is interrupted while decoding
     */
    public ImageSet read(Path location, String split) throws IOException {
        Objects.requireNonNull(location, "location");
        return read(location, split, location.getFileName() + "/" + split);
    }

    /**
     * Like {@link #read(Path, String)}, naming the set {@code name}.
     *
     * @param location a directory holding {@code <split>/}, or a {@code .tar}/{@code .tar.gz} of such a tree
     * @param split the split's folder name, e.g. {@code train}
     * @param name the set's name
     * @return the decoded images with their labels, classes in sorted folder-name order
     * @throws IllegalArgumentException if {@code split} is not a plain folder name
     * @throws DatasetNotFoundException if {@code location} does not exist
     * @throws DatasetFormatException if the tree lacks the split or a class folder holds no image, the archive
     *     holds two trees of the split, an image cannot be decoded, or image sizes differ
     * @throws IOException if a file cannot be read, or the thread is interrupted while decoding
     */
    public ImageSet read(Path location, String split, String name) throws IOException {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
        requireSplitName(split);
        if (Files.isDirectory(location)) {
            return readDirectory(location, split, name);
        }
        if (Files.isRegularFile(location)) {
            return readArchive(location, split, name);
        }
        throw new DatasetNotFoundException(location + " does not exist; expected a directory holding " + split
                + "/<class>/*.png|jpg, or a .tar or .tar.gz of one");
    }

    private ImageSet readDirectory(Path root, String split, String name) throws IOException {
        Path splitDir = root.resolve(split);
        if (!Files.isDirectory(splitDir)) {
            throw new DatasetFormatException(root.toString(), "has no " + split + "/ folder (found: "
                    + childNames(root) + "); expected " + split + "/<class>/*.png|jpg");
        }
        List<Path> classDirs;
        try (Stream<Path> children = Files.list(splitDir)) {
            classDirs = children.filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        if (classDirs.isEmpty()) {
            throw new DatasetFormatException(splitDir.toString(), "has no class folders; expected <class>/*.png|jpg");
        }
        List<String> classNames = new ArrayList<>();
        try (Decoding decoding = new Decoding()) {
            for (Path classDir : classDirs) {
                List<Path> files;
                try (Stream<Path> children = Files.list(classDir)) {
                    files = children.filter(p -> isImageName(p.getFileName().toString()) && Files.isRegularFile(p))
                            .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
                }
                if (files.isEmpty()) {
                    throw new DatasetFormatException(classDir.toString(), "holds no .png or .jpg files; expected at "
                            + "least one image per class folder (remove the folder if the class is unused)");
                }
                String className = classDir.getFileName().toString();
                classNames.add(className);
                for (Path file : files) {
                    decoding.submit(className, file.getFileName().toString(), file.toString(),
                            () -> Files.readAllBytes(file));
                }
            }
            return decoding.assemble(name, classNames);
        }
    }

    private ImageSet readArchive(Path archive, String split, String name) throws IOException {
        TreeSet<String> classSet = new TreeSet<>();
        String prefix = null;
        String prefixExample = null;
        try (Decoding decoding = new Decoding(); TarReader tar = TarReader.open(archive)) {
            for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
                if (!entry.isFile()) {
                    continue;
                }
                String path = entry.name().startsWith("./") ? entry.name().substring(2) : entry.name();
                String[] parts = path.split("/");
                int n = parts.length;
                if (n < 3 || !parts[n - 3].equals(split) || !isImageName(parts[n - 1])) {
                    continue;
                }
                String entryPrefix = String.join("/", Arrays.copyOf(parts, n - 3));
                if (prefix == null) {
                    prefix = entryPrefix;
                    prefixExample = path;
                } else if (!prefix.equals(entryPrefix)) {
                    throw new DatasetFormatException(archive.toString(), "holds two " + split + "/ trees: "
                            + prefixExample + " and " + path + "; expected one <prefix>/" + split + "/<class>/ tree");
                }
                byte[] content = tar.readContent();
                classSet.add(parts[n - 2]);
                decoding.submit(parts[n - 2], parts[n - 1], archive + "!" + path, () -> content);
            }
            if (prefix == null) {
                throw new DatasetFormatException(archive.toString(), "has no " + split + "/<class>/*.png|jpg entries;"
                        + " expected a tree <prefix>/" + split + "/<class>/<image> (train and test splits)");
            }
            return decoding.assemble(name, List.copyOf(classSet));
        }
    }

    private static void requireSplitName(String split) {
        Objects.requireNonNull(split, "split");
        if (split.isEmpty() || split.contains("/") || split.contains("\\") || split.equals(".") || split.equals("..")) {
            throw new IllegalArgumentException("split must be a folder name such as train or test, got '" + split + "'");
        }
    }

    private static boolean isImageName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"));
    }

    private static String childNames(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<String> names = children.map(p -> p.getFileName().toString()).sorted().limit(10).toList();
            return names.isEmpty() ? "nothing" : String.join(", ", names);
        }
    }

    /** Reads the bytes of one image. */
    @FunctionalInterface
    private interface BytesSource {
        byte[] read() throws IOException;
    }

    /** One image being decoded. */
    private record Task(String className, String fileName, Future<DecodedImage> result) {
    }

    /** The thread pool and the images submitted to it. */
    private final class Decoding implements AutoCloseable {
        private final ExecutorService pool;
        private final List<ImageDecoder> decoders = new CopyOnWriteArrayList<>();
        private final ThreadLocal<ImageDecoder> decoder = ThreadLocal.withInitial(() -> {
            ImageDecoder created = new ImageDecoder(channels);
            decoders.add(created);
            return created;
        });
        private final List<Task> tasks = new ArrayList<>();

        Decoding() {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, "lrkit-image-decode-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            pool = Executors.newFixedThreadPool(threads, factory);
        }

        void submit(String className, String fileName, String source, BytesSource bytes) {
            tasks.add(new Task(className, fileName, pool.submit(() -> decoder.get().decode(bytes.read(), source))));
        }

        ImageSet assemble(String name, List<String> classNames) throws IOException {
            Map<String, Integer> labelOf = new HashMap<>();
            for (String className : classNames) {
                labelOf.put(className, labelOf.size());
            }
            tasks.sort(Comparator.comparing(Task::className).thenComparing(Task::fileName));
            int count = tasks.size();
            byte[] pixels = null;
            int[] labels = new int[count];
            int imageBytes = 0;
            DecodedImage reference = null;
            for (int i = 0; i < count; i++) {
                Task task = tasks.get(i);
                DecodedImage image = await(task.result());
                if (reference == null) {
                    reference = image;
                    if (height > 0 && (image.height() != height || image.width() != width)) {
                        throw new DatasetFormatException(image.source(), "is " + image.height() + "x" + image.width()
                                + " pixels; expected " + height + "x" + width + " (withImageSize)");
                    }
                    imageBytes = image.pixels().length;
                    pixels = new byte[Math.multiplyExact(count, imageBytes)];
                } else if (image.height() != reference.height() || image.width() != reference.width()) {
                    throw new DatasetFormatException(image.source(), "is " + image.height() + "x" + image.width()
                            + " pixels; expected " + reference.height() + "x" + reference.width() + " like "
                            + reference.source() + " (all images of a set must have one size; resize them first)");
                }
                System.arraycopy(image.pixels(), 0, pixels, i * imageBytes, imageBytes);
                labels[i] = labelOf.get(task.className());
            }
            return new ImageSet(name, channels, reference.height(), reference.width(), pixels, labels, classNames);
        }

        private DecodedImage await(Future<DecodedImage> future) throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while decoding images");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException(cause);
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
            try {
                if (pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    decoders.forEach(ImageDecoder::dispose);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
