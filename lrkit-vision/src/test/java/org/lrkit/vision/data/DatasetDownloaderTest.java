package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The downloader against a local HTTP server on 127.0.0.1 (never the internet). */
class DatasetDownloaderTest {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** Path -> bytes after which the server drops the connection (once). */
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean ignoreRange;

    private final byte[] content = TestFiles.pattern(1, 200_000);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        files.put("/data/file.bin", content);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range));
        byte[] body = files.get(path);
        if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int start = 0;
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        if (matcher != null && matcher.matches() && !ignoreRange) {
            start = Integer.parseInt(matcher.group(1));
            if (start >= body.length) {
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/"
                    + body.length);
            exchange.sendResponseHeaders(206, body.length - start);
        } else {
            exchange.sendResponseHeaders(200, body.length);
        }
        Integer cut = cutAfter.remove(path);
        OutputStream out = exchange.getResponseBody();
        if (cut != null) {
            out.write(body, start, cut);
            out.flush();
            // closing before the declared length drops the connection: the client sees a cut-off body
            exchange.close();
            return;
        }
        out.write(body, start, body.length - start);
        exchange.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private DatasetDownloader downloader(RemoteFile file) {
        return DatasetDownloader.of(DownloadRegistry.of(Map.of("tiny", List.of(file))));
    }

    private RemoteFile pinnedFile(String sha) {
        return RemoteFile.pinned("file.bin", sha, content.length, "test", url("/data/file.bin"));
    }

    @Test
    void downloadsAndVerifiesIntoTheDatasetFolder() throws Exception {
        RemoteFile file = pinnedFile(sha256(content));
        List<String> log = new ArrayList<>();

        List<DownloadResult> results = downloader(file).withLog(log::add).download("tiny", dir);

        Path target = dir.resolve("tiny/file.bin");
        assertThat(results).containsExactly(new DownloadResult(target, sha256(content), content.length, 0, true, false));
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(dir.resolve("tiny/file.bin.part")).doesNotExist();
        assertThat(log).anyMatch(line -> line.contains("verified"));
    }

    @Test
    void doesNotDownloadAVerifiedFileAgain() throws Exception {
        RemoteFile file = pinnedFile(sha256(content));
        downloader(file).download(file, dir);
        requests.clear();

        DownloadResult again = downloader(file).download(file, dir);

        assertThat(again.alreadyPresent()).isTrue();
        assertThat(again.verified()).isTrue();
        assertThat(requests).isEmpty();
    }

    @Test
    void rejectsAChecksumMismatchAndRemovesTheTemporaryFile() {
        String wrong = "0".repeat(64);
        RemoteFile file = pinnedFile(wrong);

        assertThatThrownBy(() -> downloader(file).download(file, dir))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageStartingWith(url("/data/file.bin") + ": SHA-256 mismatch, expected " + wrong + ", got ")
                .hasMessageContaining("The download was deleted")
                .satisfies(e -> assertThat(((ChecksumMismatchException) e).actualSha256()).isEqualTo(sha256(content)));
        assertThat(dir.resolve("file.bin")).doesNotExist();
        assertThat(dir.resolve("file.bin.part")).doesNotExist();
    }

    @Test
    void rejectsAnExistingFileWithTheWrongDigest() throws Exception {
        Files.write(dir.resolve("file.bin"), new byte[] {1, 2, 3});
        RemoteFile file = pinnedFile(sha256(content));

        assertThatThrownBy(() -> downloader(file).download(file, dir))
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(dir.resolve("file.bin") + ": SHA-256 mismatch")
                .hasMessageContaining("delete it and download again");
    }

    @Test
    void aDroppedConnectionLeavesNoFinalFileAndTheNextRunResumes() throws Exception {
        RemoteFile file = pinnedFile(sha256(content));
        cutAfter.put("/data/file.bin", 70_000);

        assertThatThrownBy(() -> downloader(file).download(file, dir)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("file.bin")).doesNotExist();
        Path part = dir.resolve("file.bin.part");
        assertThat(part).exists();
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(content.length);

        DownloadResult result = downloader(file).download(file, dir);

        assertThat(result.resumedFrom()).isEqualTo(kept);
        assertThat(requests).last().isEqualTo("/data/file.bin bytes=" + kept + "-");
        assertThat(Files.readAllBytes(dir.resolve("file.bin"))).isEqualTo(content);
        assertThat(part).doesNotExist();
    }

    @Test
    void resumesFromAPartialFile() throws Exception {
        RemoteFile file = pinnedFile(sha256(content));
        Files.write(dir.resolve("file.bin.part"), Arrays.copyOf(content, 123_456));

        DownloadResult result = downloader(file).download(file, dir);

        assertThat(result.resumedFrom()).isEqualTo(123_456);
        assertThat(requests).containsExactly("/data/file.bin bytes=123456-");
        assertThat(Files.readAllBytes(dir.resolve("file.bin"))).isEqualTo(content);
    }

    @Test
    void startsAgainWhenTheServerIgnoresTheRange() throws Exception {
        ignoreRange = true;
        RemoteFile file = pinnedFile(sha256(content));
        Files.write(dir.resolve("file.bin.part"), new byte[50_000]); // wrong bytes: must be discarded

        DownloadResult result = downloader(file).download(file, dir);

        assertThat(result.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("file.bin"))).isEqualTo(content);
    }

    @Test
    void aCorruptPartialFileIsDetectedAndDownloadedAgain() throws Exception {
        RemoteFile file = pinnedFile(sha256(content));
        byte[] corrupt = Arrays.copyOf(content, 100_000);
        corrupt[10] ^= 1;
        Files.write(dir.resolve("file.bin.part"), corrupt);

        DownloadResult result = downloader(file).download(file, dir);

        assertThat(requests).containsExactly("/data/file.bin bytes=100000-", "/data/file.bin");
        assertThat(result.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("file.bin"))).isEqualTo(content);
    }

    @Test
    void refusesAnUnpinnedFileUnlessAllowed() throws Exception {
        RemoteFile file = RemoteFile.unpinned("file.bin", url("/data/file.bin"));

        assertThatThrownBy(() -> downloader(file).download("tiny", dir))
                .isInstanceOf(IOException.class)
                .hasMessage("file.bin has no pinned SHA-256 (to be pinned on first verified download), so it cannot be"
                        + " verified; refusing to download it. To download it anyway and get its digest to pin, use"
                        + " DatasetDownloader.allowingUnverified() (--allow-unverified on the command line)");
        assertThat(requests).isEmpty();
        assertThat(dir.resolve("tiny")).doesNotExist();

        DownloadResult result = downloader(file).allowingUnverified().download(file, dir);

        assertThat(result.verified()).isFalse();
        assertThat(result.sha256()).isEqualTo(sha256(content));
        assertThat(Files.readAllBytes(dir.resolve("file.bin"))).isEqualTo(content);
    }

    @Test
    void triesTheNextAddressAndReportsEveryFailure() throws Exception {
        RemoteFile mirrored = new RemoteFile("file.bin", List.of(java.net.URI.create(url("/gone/file.bin")),
                java.net.URI.create(url("/data/file.bin"))), sha256(content), content.length, "test");

        assertThat(downloader(mirrored).download(mirrored, dir).bytes()).isEqualTo(content.length);
        assertThat(requests).containsExactly("/gone/file.bin", "/data/file.bin");

        RemoteFile nowhere = new RemoteFile("other.bin", List.of(java.net.URI.create(url("/a/other.bin")),
                java.net.URI.create(url("/b/other.bin"))), sha256(content), -1, "test");
        assertThatThrownBy(() -> downloader(nowhere).download(nowhere, dir))
                .isInstanceOf(IOException.class)
                .hasMessage("other.bin: every address failed:\n  " + url("/a/other.bin") + ": " + url("/a/other.bin")
                        + ": HTTP 404 (not found); expected 200\n  " + url("/b/other.bin") + ": " + url("/b/other.bin")
                        + ": HTTP 404 (not found); expected 200");
        assertThat(dir.resolve("other.bin")).doesNotExist();
        assertThat(dir.resolve("other.bin.part")).doesNotExist();
    }

    @Test
    void rejectsAFileOfTheWrongSize() throws Exception {
        RemoteFile file = RemoteFile.pinned("file.bin", sha256(content), content.length - 1, "test",
                url("/data/file.bin"));

        assertThatThrownBy(() -> downloader(file).download(file, dir))
                .isInstanceOf(IOException.class)
                .hasMessage(url("/data/file.bin") + ": received 200000 bytes of file.bin, expected 199999");
        assertThat(dir.resolve("file.bin")).doesNotExist();
        assertThat(dir.resolve("file.bin.part")).doesNotExist();
    }

    @Test
    void validatesRemoteFiles() {
        assertThatThrownBy(() -> RemoteFile.pinned("a/b", "0".repeat(64), 1, "x", "http://h/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fileName must be a plain file name (no folders, not hidden), got 'a/b'");
        assertThatThrownBy(() -> RemoteFile.pinned("a", "abc", 1, "x", "http://h/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sha256 must be 64 hexadecimal digits (or null when not pinned), got 'abc' for a");
        assertThatThrownBy(() -> RemoteFile.unpinned("a", "ftp://h/a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("urls must be http or https addresses, got ftp://h/a for a");
        assertThatThrownBy(() -> RemoteFile.unpinned("a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("urls must hold at least one address for a, got none");
        assertThatThrownBy(() -> DownloadRegistry.official().files("imagenet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset must be one of fashion-mnist, mnist, cifar10, cifar100 (the downloadable ones), got"
                        + " \"imagenet\"");
    }

    @Test
    void theCommandLineDownloadsIntoTheRoot() throws Exception {
        DownloadRegistry registry = DownloadRegistry.of(Map.of("tiny", List.of(pinnedFile(sha256(content)))));
        DatasetLocations locations = DatasetLocations.of(name -> dir.toString(), dir.resolve("home"), dir);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(DatasetDownloader.run(new String[] {"tiny"}, registry, locations, outStream, errStream)).isZero();
        assertThat(Files.readAllBytes(dir.resolve("tiny/file.bin"))).isEqualTo(content);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tiny/file.bin verified, SHA-256 " + sha256(content));

        assertThat(DatasetDownloader.run(new String[] {"nope"}, registry, locations, outStream, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: dataset must be one of tiny, got nope\nusage:");
        assertThat(DatasetDownloader.run(new String[] {}, registry, locations, outStream, errStream)).isEqualTo(2);

        Files.write(dir.resolve("tiny/file.bin"), new byte[] {0});
        err.reset();
        assertThat(DatasetDownloader.run(new String[] {"tiny"}, registry, locations, outStream, errStream)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + dir.resolve("tiny/file.bin")
                + ": SHA-256 mismatch");
    }
}
