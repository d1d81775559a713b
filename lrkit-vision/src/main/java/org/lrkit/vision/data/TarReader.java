package org.lrkit.vision.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a tar archive ({@code .tar}, or {@code .tar.gz} recognised by its gzip magic bytes) entry by entry,
 * in one pass, without extracting it. Understands the 512-byte ustar header (POSIX {@code ustar\0} with its
 * name prefix, GNU {@code ustar  \0}, and old V7 headers), GNU long names (type {@code 'L'}), POSIX pax
 * {@code path} and {@code size} records (type {@code 'x'}) and base-256 sizes.
 *
 * <p>Every header's checksum is verified, and an archive must end with its end-of-archive marker (a zero
 * block): a file that is not a tar archive, a corrupt header, or an archive cut short is a
 * {@link DatasetFormatException} naming the archive, the byte offset and the entry.
 *
 * <pre>{@code
 * try (TarReader tar = TarReader.open(Path.of("cifar10-jpeg.tar.gz"))) {
 *     for (TarEntry entry = tar.next(); entry != null; entry = tar.next()) {
 *         if (entry.isFile()) {
 *             byte[] content = tar.readContent();
 *         }
 *     }
 * }
 * }</pre>
 *
 * Not thread-safe.
 */
public final class TarReader implements Closeable {

    private static final int BLOCK = 512;

    private final InputStream in;
    private final String source;
    private final byte[] header = new byte[BLOCK];
    private long position;
    private TarEntry current;
    private long unreadContent;
    private boolean contentRead;
    private boolean finished;

    /**
     * Reads the archive from {@code in}, gunzipping it first if it starts with the gzip magic bytes.
     *
     * @param in the archive; closed by {@link #close()}
     * @param source what to call the archive in messages (its path)
     */
    public TarReader(InputStream in, String source) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.in = Streams.maybeGunzip(Objects.requireNonNull(in, "in"), source);
    }

    /** Opens a {@code .tar} or {@code .tar.gz} file. */
    public static TarReader open(Path archive) throws IOException {
        Objects.requireNonNull(archive, "archive");
        return new TarReader(java.nio.file.Files.newInputStream(archive), archive.toString());
    }

    /**
     * Advances to the next entry, skipping whatever of the current entry's content was not read; returns
     * {@code null} at the end of the archive.
     */
    public TarEntry next() throws IOException {
        if (finished) {
            return null;
        }
        skipRestOfEntry();
        String longName = null;
        Long paxSize = null;
        while (true) {
            long headerOffset = position;
            int read = readBlock(header);
            if (read == 0) {
                throw new DatasetFormatException(source, "the archive ends at byte " + headerOffset
                        + " without its end-of-archive marker (zero blocks); it is truncated: download it again");
            }
            if (read < BLOCK) {
                throw new DatasetFormatException(source, "truncated: the header at byte " + headerOffset + " needs "
                        + BLOCK + " bytes, the archive ends after " + read);
            }
            if (isZeroBlock(header)) {
                finished = true;
                current = null;
                return null;
            }
            verifyChecksum(headerOffset);
            char type = (char) (header[156] & 0xff);
            long size = parseNumber(header, 124, 12, headerOffset, "size");
            String name = headerName();
            if (type == 'L' || type == 'x') {
                byte[] content = readMeta(size, headerOffset, type == 'L' ? "GNU long name" : "pax header");
                if (type == 'L') {
                    longName = cString(content, 0, content.length);
                } else {
                    PaxRecords pax = PaxRecords.parse(content, source, headerOffset);
                    if (pax.path != null) {
                        longName = pax.path;
                    }
                    if (pax.size != null) {
                        paxSize = pax.size;
                    }
                }
                continue;
            }
            if (type == 'K' || type == 'g') {
                // long link name / global pax header: not needed to read files
                readMeta(size, headerOffset, type == 'K' ? "GNU long link name" : "pax global header");
                continue;
            }
            if (paxSize != null) {
                size = paxSize;
            }
            if (longName != null) {
                name = longName;
            }
            while (name.endsWith("/")) {
                name = name.substring(0, name.length() - 1);
            }
            boolean hasContent = type != '5' && type != '1' && type != '2' && type != '3' && type != '4' && type != '6';
            current = new TarEntry(name, size, type, headerOffset);
            unreadContent = hasContent ? size : 0;
            contentRead = false;
            return current;
        }
    }

    /**
     * The content of the current entry (the one {@link #next()} last returned), read in full; at most once per
     * entry, and only for entries up to 2 GiB.
     */
    public byte[] readContent() throws IOException {
        if (current == null) {
            throw new IllegalStateException("readContent() needs a current entry: call next() first, and only "
                    + "while it returns non-null");
        }
        if (contentRead) {
            throw new IllegalStateException("the content of " + current.name() + " was already read; call next()");
        }
        if (unreadContent > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException(source + "!" + current.name(), "entry of " + unreadContent
                    + " bytes is larger than one Java array holds; expected an entry below 2 GiB");
        }
        contentRead = true;
        byte[] content = readEntryBytes((int) unreadContent, current.name());
        unreadContent = 0;
        skipPadding(current.size());
        return content;
    }

    /** The archive name used in messages. */
    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private byte[] readMeta(long size, long headerOffset, String what) throws IOException {
        if (size > (1 << 20)) {
            throw new DatasetFormatException(source, "the " + what + " at byte " + headerOffset + " declares "
                    + size + " bytes; expected at most 1 MiB (corrupt header?)");
        }
        byte[] content = readEntryBytes((int) size, what + " at byte " + headerOffset);
        skipPadding(size);
        return content;
    }

    private byte[] readEntryBytes(int size, String entry) throws IOException {
        byte[] content = new byte[size];
        int read = Streams.readUpTo(in, content, 0, size, source);
        position += read;
        if (read < size) {
            throw new DatasetFormatException(source, "truncated inside entry " + entry + ": it needs " + size
                    + " bytes, the archive ends after " + read + "; download it again");
        }
        return content;
    }

    private void skipRestOfEntry() throws IOException {
        if (current == null || contentRead) {
            return;
        }
        long toSkip = unreadContent + padding(unreadContent == 0 ? 0 : current.size());
        byte[] scratch = new byte[8192];
        while (toSkip > 0) {
            int n = Streams.readUpTo(in, scratch, 0, (int) Math.min(scratch.length, toSkip), source);
            if (n == 0) {
                throw new DatasetFormatException(source, "truncated inside entry " + current.name() + " (header at byte "
                        + current.offset() + ", " + current.size() + " bytes); download it again");
            }
            position += n;
            toSkip -= n;
        }
        unreadContent = 0;
        contentRead = true;
    }

    private void skipPadding(long size) throws IOException {
        int pad = (int) padding(size);
        if (pad > 0) {
            byte[] scratch = new byte[pad];
            int n = Streams.readUpTo(in, scratch, 0, pad, source);
            position += n;
            if (n < pad) {
                throw new DatasetFormatException(source, "truncated: the archive ends inside the padding after byte "
                        + position);
            }
        }
    }

    private static long padding(long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }

    private int readBlock(byte[] block) throws IOException {
        int n = Streams.readUpTo(in, block, 0, BLOCK, source);
        position += n;
        return n;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void verifyChecksum(long headerOffset) throws DatasetFormatException {
        long stored;
        try {
            stored = parseNumber(header, 148, 8, headerOffset, "checksum");
        } catch (DatasetFormatException e) {
            throw new DatasetFormatException(source, "not a tar archive, or a corrupt one: the header at byte "
                    + headerOffset + " has no valid checksum field; expected a 512-byte ustar header");
        }
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = (i >= 148 && i < 156) ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += (i >= 148 && i < 156) ? ' ' : header[i];
        }
        if (stored != unsigned && stored != signed) {
            throw new DatasetFormatException(source, "not a tar archive, or a corrupt one: the header at byte "
                    + headerOffset + " stores checksum " + stored + " but its bytes sum to " + unsigned);
        }
    }

    private String headerName() {
        String name = cString(header, 0, 100);
        boolean posixUstar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        if (posixUstar) {
            String prefix = cString(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** Parses an octal field (NUL- or space-terminated, possibly space-padded) or a GNU base-256 field. */
    private long parseNumber(byte[] block, int offset, int length, long headerOffset, String field)
            throws DatasetFormatException {
        if ((block[offset] & 0x80) != 0) {
            long value = block[offset] & 0x3f;
            for (int i = 1; i < length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw new DatasetFormatException(source, "the " + field + " of the header at byte " + headerOffset
                            + " does not fit in 63 bits");
                }
                value = (value << 8) | (block[offset + i] & 0xff);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && (block[i] == ' ' || block[i] == 0)) {
            i++;
        }
        long value = 0;
        boolean digits = false;
        for (; i < end && block[i] != ' ' && block[i] != 0; i++) {
            int d = block[i] - '0';
            if (d < 0 || d > 7) {
                throw new DatasetFormatException(source, "the " + field + " of the header at byte " + headerOffset
                        + " is not an octal number; expected a ustar header (corrupt archive?)");
            }
            value = value * 8 + d;
            digits = true;
        }
        if (!digits && "checksum".equals(field)) {
            throw new DatasetFormatException(source, "the checksum of the header at byte " + headerOffset + " is empty");
        }
        return value;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The records of a pax extended header that matter for reading files. */
    private static final class PaxRecords {
        String path;
        Long size;

        static PaxRecords parse(byte[] content, String source, long headerOffset) throws DatasetFormatException {
            PaxRecords records = new PaxRecords();
            int i = 0;
            while (i < content.length && content[i] != 0) {
                int space = i;
                while (space < content.length && content[space] != ' ') {
                    space++;
                }
                int length;
                try {
                    length = Integer.parseInt(new String(content, i, space - i, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new DatasetFormatException(source, "the pax header at byte " + headerOffset
                            + " has a record without a length; expected \"<length> <key>=<value>\\n\"");
                }
                if (length <= space - i || i + length > content.length) {
                    throw new DatasetFormatException(source, "the pax header at byte " + headerOffset
                            + " has a record of length " + length + " that does not fit its " + content.length
                            + " bytes");
                }
                String record = new String(content, space + 1, i + length - space - 2, StandardCharsets.UTF_8);
                int equals = record.indexOf('=');
                if (equals > 0) {
                    String key = record.substring(0, equals);
                    String value = record.substring(equals + 1);
                    if (key.equals("path")) {
                        records.path = value;
                    } else if (key.equals("size")) {
                        try {
                            records.size = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new DatasetFormatException(source, "the pax header at byte " + headerOffset
                                    + " has size=" + value + "; expected a whole number");
                        }
                    }
                }
                i += length;
            }
            return records;
        }
    }
}
