package org.lrkit.vision.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads the files of a dataset from a {@link DownloadRegistry}, safely:
 *
 * <ul>
 *   <li><b>verified</b>: each file's SHA-256 must equal the pinned one; a file without a pinned digest is
 *       refused before any transfer unless {@link #allowingUnverified()} was asked for (then its digest is
 *       reported, to be pinned);</li>
 *   <li><b>atomic</b>: bytes go to {@code <name>.part}, which is flushed to disk ({@code fsync}) and only then
 *       renamed to {@code <name>}; a failed or rejected download never leaves a file under the final name;</li>
 *   <li><b>resumable</b>: a {@code .part} left by an interrupted transfer is continued with an HTTP
 *       {@code Range} request (started again if the server ignores the range);</li>
 *   <li>addresses are tried in order (official first, then mirrors); a file already present with the right
 *       digest is not downloaded again.</li>
 * </ul>
 *
 * Files go to {@code <root>/<dataset>/}, where {@link Datasets} looks for them. From the command line:
 * {@code java -cp <lrkit-vision jar> org.lrkit.vision.data.DatasetDownloader cifar10 [--dir DIR]
 * [--allow-unverified]}. Instances are immutable; one download per file at a time.
 */
public final class DatasetDownloader {

    /** Suffix of the temporary file a download is written to. */
    public static final String PART_SUFFIX = ".part";

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final DownloadRegistry registry;
    private final HttpClient client;
    private final boolean allowUnverified;
    private final Consumer<String> log;

    private DatasetDownloader(DownloadRegistry registry, HttpClient client, boolean allowUnverified,
            Consumer<String> log) {
        this.registry = registry;
        this.client = client;
        this.allowUnverified = allowUnverified;
        this.log = log;
    }

    /**
     * A downloader for {@code registry} with a default HTTP client (redirects followed, 30 s to connect).
     *
     * @param registry the datasets and files it can download
     * @return a downloader that refuses files without a pinned digest and logs nothing
     */
    public static DatasetDownloader of(DownloadRegistry registry) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        return of(registry, client);
    }

    /**
     * A downloader for {@code registry} using {@code client}.
     *
     * @param registry the datasets and files it can download
     * @param client the HTTP client to send the requests with (its redirect and timeout settings apply)
     * @return a downloader that refuses files without a pinned digest and logs nothing
     */
    public static DatasetDownloader of(DownloadRegistry registry, HttpClient client) {
        return new DatasetDownloader(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(client, "client"),
                false, message -> { });
    }

    /**
     * The same downloader accepting files without a pinned digest (it reports their digest instead).
     *
     * @return a new downloader; this one is unchanged
     */
    public DatasetDownloader allowingUnverified() {
        return new DatasetDownloader(registry, client, true, log);
    }

    /**
     * The same downloader reporting each step (file, address, resume point, result) to {@code log}.
     *
     * @param log receives one line per step, not null
     * @return a new downloader; this one is unchanged
     */
    public DatasetDownloader withLog(Consumer<String> log) {
        return new DatasetDownloader(registry, client, allowUnverified, Objects.requireNonNull(log, "log"));
    }

    /**
     * Downloads every file of {@code dataset} into {@code root/<dataset>/}. Unless unverified files are allowed,
     * every file must have a pinned digest before the first transfer starts.
     *
     * @param dataset a dataset of the registry, e.g. {@code cifar10}
     * @param root the folder that holds one folder per dataset
     * @return one result per file, in the registry's order
     * @throws IllegalArgumentException if the registry does not know {@code dataset}
     * @throws ChecksumMismatchException if a downloaded or already present file has the wrong digest
     * @throws IOException if a file has no pinned digest (and unverified files are not allowed), or every
     *     address of a file failed, or a file cannot be written
     */
    public List<DownloadResult> download(String dataset, Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        List<RemoteFile> files = registry.files(dataset);
        if (!allowUnverified) {
            for (RemoteFile file : files) {
                requirePinned(file);
            }
        }
        List<DownloadResult> results = new ArrayList<>();
        for (RemoteFile file : files) {
            results.add(download(file, root.resolve(dataset)));
        }
        return results;
    }

    /**
     * Downloads one file into {@code directory} (created if needed). A file already there is checked, not
     * downloaded again; a {@code .part} file is resumed.
     *
     * @param file the file, its addresses and its pinned digest
     * @param directory the folder to save it in
     * @return where the file is, its digest and size, and how it got there
     * @throws ChecksumMismatchException if the downloaded or already present file has the wrong digest
     * @throws java.io.InterruptedIOException if the thread is interrupted while connecting
     * @throws IOException if the file has no pinned digest (and unverified files are not allowed), or every
     *     address failed (the message lists each failure), or the file cannot be written or renamed
     */
    public DownloadResult download(RemoteFile file, Path directory) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(directory, "directory");
        if (!allowUnverified) {
            requirePinned(file);
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(file.fileName());
        Path part = directory.resolve(file.fileName() + PART_SUFFIX);
        if (Files.isRegularFile(target)) {
            return existing(file, target);
        }
        List<IOException> failures = new ArrayList<>();
        for (URI url : file.urls()) {
            try {
                return downloadFrom(file, url, part, target);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                log.accept("failed: " + url + ": " + e.getMessage());
                failures.add(e);
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        StringBuilder message = new StringBuilder(file.fileName() + ": every address failed:");
        for (int i = 0; i < failures.size(); i++) {
            message.append("\n  ").append(file.urls().get(i)).append(": ").append(failures.get(i).getMessage());
        }
        IOException all = new IOException(message.toString(), failures.get(0));
        failures.subList(1, failures.size()).forEach(all::addSuppressed);
        throw all;
    }

    private void requirePinned(RemoteFile file) throws IOException {
        if (!file.isPinned()) {
            throw new IOException(file.fileName() + " has no pinned SHA-256 (" + file.checksumSource()
                    + "), so it cannot be verified; refusing to download it. To download it anyway and get its digest to"
                    + " pin, use DatasetDownloader.allowingUnverified() (--allow-unverified on the command line)");
        }
    }

    private DownloadResult existing(RemoteFile file, Path target) throws IOException {
        String sha = sha256(target);
        long size = Files.size(target);
        if (file.isPinned() && !sha.equals(file.sha256())) {
            throw new ChecksumMismatchException(target.toString(), file.sha256(), sha,
                    "The file was there before this download; delete it and download again");
        }
        log.accept(target + " already present (" + (file.isPinned() ? "verified" : "not verified: no pinned digest")
                + ")");
        return new DownloadResult(target, sha, size, 0, file.isPinned(), true);
    }

    private DownloadResult downloadFrom(RemoteFile file, URI url, Path part, Path target) throws IOException {
        long kept = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (file.size() > 0 && kept > file.size()) {
            log.accept(part + " is larger than " + file.fileName() + " (" + kept + " > " + file.size()
                    + " bytes); starting again");
            Files.delete(part);
            kept = 0;
        }
        long resumedFrom = kept;
        if (file.size() < 0 || kept < file.size()) {
            resumedFrom = transfer(url, part, kept);
        }
        long size = Files.size(part);
        if (file.size() > 0 && size != file.size()) {
            if (size > file.size()) {
                Files.deleteIfExists(part);
            }
            throw new IOException(url + ": received " + size + " bytes of " + file.fileName() + ", expected "
                    + file.size() + (size < file.size() ? " (the transfer stopped early; run again to resume)" : ""));
        }
        String sha = sha256(part);
        if (file.isPinned() && !sha.equals(file.sha256())) {
            Files.deleteIfExists(part);
            if (resumedFrom > 0) {
                log.accept(file.fileName() + ": digest mismatch after resuming at " + resumedFrom
                        + " bytes; downloading it again from the start");
                return downloadFrom(file, url, part, target);
            }
            throw new ChecksumMismatchException(url.toString(), file.sha256(), sha, "The download was deleted. "
                    + "Try again later or from another address; if the publisher changed the file, check it and pin the"
                    + " new digest (source of the pinned one: " + file.checksumSource() + ")");
        }
        moveAtomically(part, target);
        log.accept(target + " " + (file.isPinned() ? "verified" : "NOT verified") + ", SHA-256 " + sha);
        return new DownloadResult(target, sha, size, resumedFrom, file.isPinned(), false);
    }

    /** Appends the bytes of {@code url} from {@code from} on to {@code part}; returns the bytes kept from before. */
    private long transfer(URI url, Path part, long from) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(60))
                .header("User-Agent", "lrkit-vision");
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
            log.accept("resuming " + url + " at byte " + from);
        } else {
            log.accept("downloading " + url);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + url);
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            long start;
            if (status == 206 && from > 0) {
                start = contentRangeStart(response, url);
                if (start != from) {
                    throw new IOException(url + ": asked for bytes from " + from + ", the server sent from " + start);
                }
            } else if (status == 200) {
                start = 0;
            } else if (status == 416 && from > 0) {
                return from; // the partial file is already complete; its digest decides
            } else {
                throw new IOException(url + ": HTTP " + status + (status == 404 ? " (not found)" : "")
                        + "; expected 200" + (from > 0 ? " or 206" : ""));
            }
            StandardOpenOption mode = start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        channel.write(chunk);
                    }
                }
                channel.force(true);
            }
            return start;
        }
    }

    private static long contentRangeStart(HttpResponse<?> response, URI url) throws IOException {
        String range = response.headers().firstValue("Content-Range").orElse("");
        Matcher matcher = CONTENT_RANGE.matcher(range);
        if (!matcher.matches()) {
            throw new IOException(url + ": HTTP 206 with Content-Range '" + range + "'; expected 'bytes START-END/SIZE'");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static void moveAtomically(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + part + " to " + target + " atomically on this file system ("
                    + e.getMessage() + "); download into a folder on a local disk", e);
        }
        Path directory = target.toAbsolutePath().getParent();
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true); // make the rename itself durable (Linux, macOS); not possible on every OS
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort: the file's own bytes were already forced to disk
        }
    }

    /**
     * The SHA-256 of a file.
     *
     * @param file the file to hash
     * @return its SHA-256, lower-case hex (64 characters)
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Command line: {@code DatasetDownloader DATASET... [--dir DIR] [--allow-unverified]}. Downloads into
     * {@code DIR}, else {@code $LRKIT_DATA}, else {@code ~/.lrkit/datasets}; exit status 0 on success, 2 on bad
     * usage, 1 on a failed download.
     *
     * @param args dataset names and options, as above; {@code -h} or {@code --help} prints the usage
     */
    public static void main(String[] args) {
        System.exit(run(args, DownloadRegistry.official(), DatasetLocations.standard(), System.out, System.err));
    }

    static int run(String[] args, DownloadRegistry registry, DatasetLocations locations, PrintStream out,
            PrintStream err) {
        List<String> datasets = new ArrayList<>();
        Path dir = null;
        boolean unverified = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> {
                    if (i + 1 == args.length) {
                        return usage("--dir needs a folder", registry, err);
                    }
                    dir = Path.of(args[++i]);
                }
                case "--allow-unverified" -> unverified = true;
                case "-h", "--help" -> {
                    usage(null, registry, out);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        return usage("unknown option " + args[i], registry, err);
                    }
                    if (!registry.datasets().contains(args[i])) {
                        return usage("dataset must be one of " + String.join(", ", registry.datasets()) + ", got "
                                + args[i], registry, err);
                    }
                    datasets.add(args[i]);
                }
            }
        }
        if (datasets.isEmpty()) {
            return usage("name at least one dataset", registry, err);
        }
        Path root = dir != null ? dir : locations.downloadRoot();
        DatasetDownloader downloader = of(registry).withLog(out::println);
        if (unverified) {
            downloader = downloader.allowingUnverified();
        }
        try {
            for (String dataset : datasets) {
                downloader.download(dataset, root);
            }
            return 0;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String problem, DownloadRegistry registry, PrintStream stream) {
        if (problem != null) {
            stream.println("error: " + problem);
        }
        stream.println("usage: DatasetDownloader DATASET... [--dir DIR] [--allow-unverified]\n"
                + "  DATASET: " + String.join(", ", registry.datasets()) + "\n"
                + "  DIR: where to put DATASET/ (default $LRKIT_DATA, else ~/.lrkit/datasets)");
        return 2;
    }
}
