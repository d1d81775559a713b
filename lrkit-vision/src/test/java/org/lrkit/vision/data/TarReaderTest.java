package org.lrkit.vision.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarReaderTest {

    private static final String LONG_NAME = "a/" + "very-long-folder-name/".repeat(6) + "file.bin";

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sample() {
        return new TestFiles.Tar()
                .dir("root")
                .file("root/empty.txt", new byte[0])
                .file("root/one-block.bin", new byte[512])
                .file("root/hello.txt", bytes("hello"))
                .symlink("root/link", "hello.txt")
                .file(LONG_NAME, bytes("long"))
                .fileWithPrefix("prefix/dir", "name.txt", bytes("prefixed"))
                .fileWithPax("pax/" + "p".repeat(120) + ".txt", bytes("pax"))
                .file("root/last.txt", new byte[700])
                .bytes();
    }

    private static Map<String, byte[]> readAll(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarReader tar = new TarReader(new ByteArrayInputStream(archive), "sample.tar")) {
            for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
                entries.put(entry.type() + " " + entry.name(), entry.isFile() ? tar.readContent() : null);
            }
            assertThat(tar.next()).isNull();
        }
        return entries;
    }

    @Test
    void readsEveryKindOfName() throws IOException {
        Map<String, byte[]> entries = readAll(sample());

        assertThat(entries.keySet()).containsExactly("5 root", "0 root/empty.txt", "0 root/one-block.bin",
                "0 root/hello.txt", "2 root/link", "0 " + LONG_NAME, "0 prefix/dir/name.txt",
                "0 pax/" + "p".repeat(120) + ".txt", "0 root/last.txt");
        assertThat(entries.get("0 root/hello.txt")).isEqualTo(bytes("hello"));
        assertThat(entries.get("0 " + LONG_NAME)).isEqualTo(bytes("long"));
        assertThat(entries.get("0 prefix/dir/name.txt")).isEqualTo(bytes("prefixed"));
        assertThat(entries.get("0 pax/" + "p".repeat(120) + ".txt")).isEqualTo(bytes("pax"));
        assertThat(entries.get("0 root/empty.txt")).isEmpty();
        assertThat(entries.get("0 root/last.txt")).hasSize(700);
    }

    @Test
    void readsGzippedArchivesAndSkipsUnreadContent() throws IOException {
        List<String> names = new ArrayList<>();
        try (TarReader tar = new TarReader(new ByteArrayInputStream(TestFiles.gzip(sample())), "sample.tar.gz")) {
            for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
                names.add(entry.name());
                if (entry.name().equals("root/last.txt")) {
                    assertThat(tar.readContent()).hasSize(700);
                }
            }
        }
        assertThat(names).hasSize(9).contains("root/hello.txt", LONG_NAME);
    }

    @Test
    void streamsTheArchiveInsteadOfReadingItWhole() throws IOException {
        byte[] archive = new TestFiles.Tar().file("first.bin", new byte[1 << 20]).file("second.bin", new byte[1 << 20])
                .bytes();
        ByteArrayInputStream in = new ByteArrayInputStream(archive);

        try (TarReader tar = new TarReader(in, "big.tar")) {
            assertThat(tar.next().name()).isEqualTo("first.bin");
            assertThat(archive.length - in.available()).as("bytes consumed for the first header").isLessThan(1 << 18);
            assertThat(tar.next().name()).isEqualTo("second.bin");
            assertThat(archive.length - in.available()).as("bytes consumed for the second header")
                    .isLessThan((1 << 20) + (1 << 18));
        }
    }

    @Test
    void readContentOnlyOncePerEntry() throws IOException {
        try (TarReader tar = new TarReader(new ByteArrayInputStream(sample()), "sample.tar")) {
            assertThatThrownBy(tar::readContent).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("call next() first");
            tar.next();
            tar.next();
            tar.readContent();
            assertThatThrownBy(tar::readContent).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("root/empty.txt was already read");
        }
    }

    @Test
    void rejectsAFileThatIsNotATarArchive() {
        byte[] notTar = new byte[2048];
        Arrays.fill(notTar, (byte) 'x');

        assertThatThrownBy(() -> readAll(notTar))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("sample.tar: not a tar archive, or a corrupt one: the header at byte 0");
    }

    @Test
    void rejectsAHeaderWithAWrongChecksum() {
        byte[] archive = sample();
        archive[512 + 10] ^= 1; // a byte of the name of the second header

        assertThatThrownBy(() -> readAll(archive))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageMatching("sample\\.tar: not a tar archive, or a corrupt one: the header at byte 512 stores "
                        + "checksum \\d+ but its bytes sum to \\d+");
    }

    @Test
    void rejectsAnArchiveCutInsideAnEntry() {
        byte[] archive = new TestFiles.Tar().file("big.bin", new byte[3000]).bytes();
        byte[] cut = Arrays.copyOf(archive, 512 + 1000);

        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("sample.tar: truncated inside entry big.bin: it needs 3000 bytes, the archive ends after"
                        + " 1000; download it again");
    }

    @Test
    void rejectsAnArchiveCutInsideAnEntryItDoesNotRead() {
        byte[] archive = new TestFiles.Tar().file("big.bin", new byte[3000]).bytes();
        byte[] cut = Arrays.copyOf(archive, 512 + 1000);

        assertThatThrownBy(() -> {
            try (TarReader tar = new TarReader(new ByteArrayInputStream(cut), "cut.tar")) {
                while (tar.next() != null) {
                    // skip everything
                }
            }
        }).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("cut.tar: truncated inside entry big.bin (header at byte 0, 3000 bytes)");
    }

    @Test
    void rejectsALongNameHeaderWithAWrongChecksum() {
        byte[] archive = new TestFiles.Tar().file(LONG_NAME, bytes("long")).bytes();
        archive[20] ^= 1; // a byte of the name of the GNU long-name header, which describes the next header

        assertThatThrownBy(() -> readAll(archive))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageMatching("sample\\.tar: not a tar archive, or a corrupt one: the header at byte 0 stores "
                        + "checksum \\d+ but its bytes sum to \\d+");
    }

    @Test
    void rejectsAnArchiveCutInsideThePaddingOfAnEntry() {
        byte[] archive = new TestFiles.Tar().file("big.bin", new byte[3000]).bytes();
        byte[] cut = Arrays.copyOf(archive, 512 + 3000 + 10);

        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("sample.tar: truncated: the archive ends inside the padding after byte 3522; download it"
                        + " again");
    }

    @Test
    void rejectsAnArchiveCutAfterAPaxHeader() {
        byte[] archive = new TestFiles.Tar().fileWithPax("pax/name.txt", bytes("pax")).bytes();
        byte[] cut = Arrays.copyOf(archive, 1024);

        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith("sample.tar: truncated: the archive ends at byte 1024, inside the headers of "
                        + "the entry starting at byte 0 (");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> readAll(new byte[0]))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("sample.tar: the archive ends at byte 0 without its end-of-archive marker (zero blocks);"
                        + " it is truncated: download it again");
    }

    @Test
    void stopsAtTheFirstZeroBlock() throws IOException {
        byte[] oneZeroBlock = Arrays.copyOf(new TestFiles.Tar().file("a.txt", bytes("a")).bytesWithoutEnd(), 1536);

        assertThat(readAll(oneZeroBlock).keySet()).containsExactly("0 a.txt");
    }

    @Test
    void rejectsAnArchiveWithoutItsEndMarker() {
        byte[] archive = new TestFiles.Tar().file("a.txt", bytes("a")).bytesWithoutEnd();

        assertThatThrownBy(() -> readAll(archive))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("sample.tar: the archive ends at byte 1024 without its end-of-archive marker (zero blocks);"
                        + " it is truncated: download it again");
    }

    @Test
    void rejectsAHeaderCutShort() {
        byte[] archive = Arrays.copyOf(new TestFiles.Tar().file("a.txt", bytes("a")).bytesWithoutEnd(), 1024 + 100);

        assertThatThrownBy(() -> readAll(archive))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("sample.tar: truncated: the header at byte 1024 needs 512 bytes, the archive ends after 100");
    }

    @Test
    void rejectsATruncatedGzipArchive() {
        byte[] gz = TestFiles.gzip(sample());
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);

        assertThatThrownBy(() -> readAll(cut))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("sample.tar: the gzip data is corrupt or truncated");
    }
}
