package org.lrkit.vision.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opening dataset files whether or not they are gzipped (detected by the magic bytes {@code 1f 8b}, never by
 * the file name), and reading exact byte counts with errors that name the file.
 */
final class Streams {

    private static final int BUFFER = 1 << 16;

    private Streams() {
    }

    /** Opens {@code file}, decompressing it on the fly if it starts with the gzip magic bytes. */
    static InputStream open(Path file) throws IOException {
        return maybeGunzip(Files.newInputStream(file), file.toString());
    }

    /**
     * Wraps {@code in} in a gzip decoder if its first two bytes are {@code 1f 8b}; buffers it either way.
     * {@code source} names the stream in errors.
     */
    static InputStream maybeGunzip(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
        byte[] magic = new byte[2];
        buffered.mark(2);
        readUpTo(buffered, magic, 0, 2, source);
        buffered.reset();
        if (isGzip(magic)) {
            try {
                return new BufferedInputStream(new DecoderErrors(new GzipCompressorInputStream(buffered, true)),
                        BUFFER);
            } catch (IOException e) {
                throw new DatasetFormatException(source, "the gzip header is corrupt or truncated (" + e.getMessage()
                        + "); download the file again", e);
            }
        }
        return buffered;
    }

    /** True if {@code bytes} starts with the gzip magic {@code 1f 8b}. */
    static boolean isGzip(byte[] bytes) {
        return GzipCompressorInputStream.matches(bytes, bytes.length);
    }

    /**
     * A gzip decoder ({@link GzipCompressorInputStream}, members read one after the other) whose failures all
     * surface as {@link ZipException}, which the readers report as corrupt or truncated gzip data.
     */
    private static final class DecoderErrors extends FilterInputStream {

        DecoderErrors(InputStream decoder) {
            super(decoder);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw asZip(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw asZip(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw asZip(e);
            }
        }

        private static ZipException asZip(IOException e) {
            if (e instanceof ZipException zip) {
                return zip;
            }
            ZipException zip = new ZipException(e.getMessage() != null ? e.getMessage()
                    : "the data ends before the gzip stream does");
            zip.initCause(e);
            return zip;
        }
    }

    /**
     * Reads up to {@code length} bytes into {@code target} at {@code offset}, stopping early only at the end of
     * the stream; returns how many were read. A corrupt or cut-off gzip stream becomes a
     * {@link DatasetFormatException} naming {@code source}.
     */
    static int readUpTo(InputStream in, byte[] target, int offset, int length, String source) throws IOException {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(target, offset + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
        return total;
    }

    /** The error for gzip data that cannot be decoded ({@code e}: a {@link ZipException} or {@link EOFException}). */
    static DatasetFormatException corruptGzip(String source, IOException e) {
        return new DatasetFormatException(source, "the gzip data is corrupt or truncated (" + e.getMessage()
                + "); download the file again", e);
    }

    /**
     * Reads exactly {@code length} bytes into a new array, growing it as data arrives so that a corrupt
     * header declaring a huge size fails with "truncated" instead of exhausting memory.
     */
    static byte[] readExactly(InputStream in, int length, String source, String what) throws IOException {
        byte[] data = new byte[Math.min(length, 1 << 22)];
        int filled = 0;
        while (filled < length) {
            if (filled == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(length, 2L * data.length));
            }
            int n = readUpTo(in, data, filled, data.length - filled, source);
            filled += n;
            if (filled < data.length) {
                throw new DatasetFormatException(source, "truncated: " + what + " needs " + length
                        + " bytes, the file ends after " + filled);
            }
        }
        return data;
    }

    /** Reads everything left in {@code in}; a corrupt or cut-off gzip stream fails naming {@code source}. */
    static byte[] readAll(InputStream in, String source) throws IOException {
        try {
            return in.readAllBytes();
        } catch (ZipException | EOFException e) {
            throw corruptGzip(source, e);
        }
    }

    /** Counts the bytes left in {@code in} (reading them), for "extra bytes after the end" messages. */
    static long remaining(InputStream in, String source) throws IOException {
        byte[] scratch = new byte[BUFFER];
        long total = 0;
        while (true) {
            int n = readUpTo(in, scratch, 0, scratch.length, source);
            total += n;
            if (n < scratch.length) {
                return total;
            }
        }
    }
}
