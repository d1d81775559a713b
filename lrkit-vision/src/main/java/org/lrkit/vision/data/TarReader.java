package org.lrkit.vision.data;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.ZipException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * Reads a tar archive ({@code .tar}, or {@code .tar.gz} recognised by its gzip magic bytes) entry by entry,
 * in one pass, without extracting it or holding more than one entry in memory. The tar format itself (ustar
 * name prefixes, GNU long names, pax records, base-256 sizes) is Apache Commons Compress's
 * {@link TarArchiveInputStream}; this class adds what a dataset reader needs on top of it.
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

    private static final int RECORD = TarConstants.DEFAULT_RCDSIZE;

    private final String source;
    private final EndAware input;
    private final CheckedTarStream tar;
    private TarEntry current;
    private boolean contentRead;
    private boolean finished;

    /**
     * Reads the archive from {@code in}, gunzipping it first if it starts with the gzip magic bytes.
     *
     * @param in the archive; closed by {@link #close()}
     * @param source what to call the archive in messages (its path)
     * @throws IOException if the first bytes cannot be read, or the gzip header is corrupt
     */
    public TarReader(InputStream in, String source) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.input = new EndAware(Streams.maybeGunzip(Objects.requireNonNull(in, "in"), source), source);
        this.tar = new CheckedTarStream(input);
    }

    /**
     * Opens a {@code .tar} or {@code .tar.gz} file.
     *
     * @param archive the archive file
     * @return a reader positioned before the first entry; close it when done
     * @throws IOException if the file cannot be opened or read, or the gzip header is corrupt
     */
    public static TarReader open(Path archive) throws IOException {
        Objects.requireNonNull(archive, "archive");
        return new TarReader(Files.newInputStream(archive), archive.toString());
    }

    /**
     * Advances to the next entry, skipping whatever of the current entry's content was not read; returns
     * {@code null} at the end of the archive.
     *
     * @return the next entry, or {@code null} when the end-of-archive marker is reached
     * @throws DatasetFormatException if a header is corrupt (bad checksum, not a tar archive) or the archive
     *     ends without its end-of-archive marker
     * @throws IOException if the archive cannot be read
     */
    public TarEntry next() throws IOException {
        if (finished) {
            return null;
        }
        skipRestOfEntry();
        long contentEnd = input.position;
        TarArchiveEntry entry;
        try {
            entry = tar.getNextEntry();
        } catch (IOException e) {
            throw headerFailure(e, contentEnd);
        }
        if (entry == null) {
            finished = true;
            current = null;
            if (!tar.sawEndMarker) {
                throw missingEnd();
            }
            return null;
        }
        String name = entry.getName();
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        current = new TarEntry(name, entry.getSize(), (char) (entry.getLinkFlag() & 0xff), tar.headerOffset);
        contentRead = false;
        return current;
    }

    /**
     * The content of the current entry (the one {@link #next()} last returned), read in full; at most once per
     * entry, and only for entries up to 2 GiB.
     *
     * @return the entry's bytes; empty for links and directories
     * @throws IllegalStateException if there is no current entry, or its content was already read
     * @throws DatasetFormatException if the entry is too large for one array or the archive ends inside it
     * @throws IOException if the archive cannot be read
     */
    public byte[] readContent() throws IOException {
        if (current == null) {
            throw new IllegalStateException("readContent() needs a current entry: call next() first, and only "
                    + "while it returns non-null");
        }
        if (contentRead) {
            throw new IllegalStateException("the content of " + current.name() + " was already read; call next()");
        }
        if (current.size() > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException(source + "!" + current.name(), "entry of " + current.size()
                    + " bytes is larger than one Java array holds; expected an entry below 2 GiB");
        }
        contentRead = true;
        byte[] content = new byte[(int) current.size()];
        int filled = 0;
        try {
            while (filled < content.length) {
                int n = tar.read(content, filled, content.length - filled);
                if (n < 0) {
                    break; // links and directories have no content, whatever size their header gives
                }
                filled += n;
            }
        } catch (IOException e) {
            throw failure(e, "truncated inside entry " + current.name() + ": it needs " + current.size()
                    + " bytes, the archive ends after " + filled + "; download it again");
        }
        return filled == content.length ? content : Arrays.copyOf(content, filled);
    }

    /**
     * What the archive is called in messages.
     *
     * @return the archive name given when it was opened (its path)
     */
    public String source() {
        return source;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void skipRestOfEntry() throws IOException {
        if (current == null || contentRead) {
            return;
        }
        try {
            while (tar.skip(Long.MAX_VALUE) > 0) {
                // skip returns what it skipped; 0 once the content is behind us
            }
        } catch (IOException e) {
            throw failure(e, "truncated inside entry " + current.name() + " (header at byte " + current.offset()
                    + ", " + current.size() + " bytes); download it again");
        }
        contentRead = true;
    }

    /** Why reading the next entry's headers, which follow the content ending at byte {@code contentEnd}, failed. */
    private IOException headerFailure(IOException e, long contentEnd) {
        long position = input.position;
        long nextHeader = (contentEnd + RECORD - 1) / RECORD * RECORD;
        if (position < nextHeader) {
            return failure(e, "truncated: the archive ends inside the padding after byte " + position
                    + "; download it again");
        }
        Throwable detail = e.getCause() != null ? e.getCause() : e;
        if (input.ended) {
            return failure(e, "truncated: the archive ends at byte " + position + ", inside the headers of the entry "
                    + "starting at byte " + nextHeader + " (" + detail.getMessage() + "); download it again");
        }
        return failure(e, "not a tar archive, or a corrupt one: the header at byte " + tar.headerOffset
                + " cannot be read (" + detail.getMessage() + "); expected a 512-byte ustar header");
    }

    /** The archive stopped where a header (or the end-of-archive marker) should have been. */
    private DatasetFormatException missingEnd() {
        long headerOffset = tar.headerOffset;
        long read = input.position - headerOffset;
        if (read == 0) {
            return new DatasetFormatException(source, "the archive ends at byte " + headerOffset + " without its "
                    + "end-of-archive marker (zero blocks); it is truncated: download it again");
        }
        return new DatasetFormatException(source, "truncated: the header at byte " + headerOffset + " needs " + RECORD
                + " bytes, the archive ends after " + read);
    }

    /**
     * {@code e} as the exception to throw: our own exceptions (gzip errors, bad checksums) unchanged, a failure
     * at the end of the data as {@code truncatedProblem}, anything else as a corrupt archive.
     */
    private IOException failure(IOException e, String truncatedProblem) {
        if (e instanceof DatasetFormatException) {
            return e;
        }
        if (input.ended) {
            return new DatasetFormatException(source, truncatedProblem, e);
        }
        return new DatasetFormatException(source, "corrupt archive at byte " + input.position + ": "
                + e.getMessage(), e);
    }

    /**
     * Commons Compress's tar stream, which keeps where the last header began, rejects headers whose checksum
     * does not match their bytes (it would only flag them), and notes whether the archive ended with its zero
     * block rather than just stopping.
     */
    private static final class CheckedTarStream extends TarArchiveInputStream {
        private final EndAware input;
        long headerOffset;
        boolean sawEndMarker;

        CheckedTarStream(EndAware input) {
            super(input);
            this.input = input;
        }

        @Override
        protected byte[] readRecord() throws IOException {
            long offset = input.position;
            byte[] record = super.readRecord();
            if (sawEndMarker) {
                return record; // the rest of the end-of-archive blocks
            }
            headerOffset = offset;
            if (record == null) {
                return null; // the data stopped before a whole record: next() reports it
            }
            if (isEOFRecord(record)) {
                sawEndMarker = true;
                return record;
            }
            verifyChecksum(record, offset);
            return record;
        }

        private void verifyChecksum(byte[] record, long offset) throws DatasetFormatException {
            long stored;
            try {
                if (TarUtils.verifyCheckSum(record)) {
                    return;
                }
                stored = TarUtils.parseOctal(record, TarConstants.CHKSUM_OFFSET, TarConstants.CHKSUMLEN);
            } catch (IllegalArgumentException e) {
                throw new DatasetFormatException(input.source, "not a tar archive, or a corrupt one: the header at "
                        + "byte " + offset + " has no valid checksum field; expected a 512-byte ustar header", e);
            }
            int field = TarConstants.CHKSUM_OFFSET;
            long sum = 0;
            for (int i = 0; i < record.length; i++) {
                // the checksum field itself counts as spaces
                sum += i >= field && i < field + TarConstants.CHKSUMLEN ? ' ' : record[i] & 0xff;
            }
            throw new DatasetFormatException(input.source, "not a tar archive, or a corrupt one: the header at "
                    + "byte " + offset + " stores checksum " + stored + " but its bytes sum to " + sum);
        }
    }

    /**
     * The (decompressed) archive bytes, counting them and noting whether they ran out, so that a failure of the
     * tar stream can be told apart as a truncated archive and placed; gzip errors become
     * {@link DatasetFormatException}s naming the file. No mark/reset, so that every byte is read exactly once.
     */
    private static final class EndAware extends FilterInputStream {
        final String source;
        private final byte[] single = new byte[1];
        long position;
        boolean ended;

        EndAware(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            int n = read(single, 0, 1);
            return n < 0 ? -1 : single[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw Streams.corruptGzip(source, e);
            }
            if (n > 0) {
                position += n;
            } else if (n < 0 && len > 0) {
                ended = true;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // through read(), so that skipped bytes are counted too; like any skip it may skip fewer than asked
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
