package org.lrkit.djl.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.lrkit.Checks;

/**
 * The binary container of lrkit's checkpoints and snapshots: named sections of bytes, each with its length
 * and CRC32, and a SHA-256 of the whole file at the end.
 *
 * <pre>
 *   magic          8 bytes   0x89 'L' 'R' 'K' 'I' 'T' '\r' '\n'
 *   version        int       1
 *   section count  int
 *   per section:   name (modified UTF-8, 2-byte length), payload length (long), CRC32 of payload (int), payload
 *   SHA-256        32 bytes  of everything before it
 * </pre>
 * Integers are big-endian. Files are written with {@link AtomicFiles}; reading checks the magic number, the
 * version, that each section fits in the file, each CRC32 and the SHA-256, and fails with a
 * {@link CorruptCheckpointException} naming the problem instead of returning anything partial.
 */
public final class CheckpointFile {

    /** The current format version. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = {(byte) 0x89, 'L', 'R', 'K', 'I', 'T', '\r', '\n'};
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_SECTIONS = 64;
    /** The advice for a damaged file: lrkit keeps one checkpoint per run, so there is no earlier one to use. */
    private static final String DELETE_ADVICE = "; it cannot be used: delete %s to train that run again from step 0"
            + " (or put back an intact copy of it)";

    private CheckpointFile() {
    }

    /**
     * Writes {@code sections}, in their order, to {@code path} atomically.
     *
     * @param path the file to write, replaced atomically
     * @param sections section name to payload; names must be non-empty and unique (a map guarantees that)
     * @throws IllegalArgumentException if an argument or a payload is null, a name is null or empty, or there
     *     are more than 64 sections
     * @throws IOException if the file cannot be written; it is then unchanged
     */
    public static void write(Path path, Map<String, byte[]> sections) throws IOException {
        Checks.notNull("path", path);
        Checks.notNull("sections", sections);
        if (sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("at most " + MAX_SECTIONS + " sections, got " + sections.size());
        }
        sections.forEach((name, payload) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("section names must not be empty");
            }
            Checks.notNull("sections[" + name + "]", payload);
        });
        AtomicFiles.write(path, stream -> {
            MessageDigest digest = sha256();
            DataOutputStream out = new DataOutputStream(new DigestOutputStream(stream, digest));
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(sections.size());
            for (Map.Entry<String, byte[]> section : sections.entrySet()) {
                byte[] payload = section.getValue();
                CRC32 crc = new CRC32();
                crc.update(payload);
                out.writeUTF(section.getKey());
                out.writeLong(payload.length);
                out.writeInt((int) crc.getValue());
                out.write(payload);
            }
            out.flush();
            stream.write(digest.digest());
        });
    }

    /**
     * Reads and verifies the sections of {@code path}.
     *
     * @param path the file to read, not null
     * @return section name to payload, in file order
     * @throws CorruptCheckpointException if the file is not an lrkit file, has another format version, is
     *     truncated, or fails a checksum
     * @throws NoSuchFileException if there is no such file
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if {@code path} is null
     */
    public static Map<String, byte[]> read(Path path) throws IOException {
        Checks.notNull("path", path);
        byte[] bytes = Files.readAllBytes(path);
        int minimum = MAGIC.length + 8 + DIGEST_BYTES;
        if (bytes.length == 0) {
            throw new CorruptCheckpointException(path + " is empty (0 bytes): it was never written completely"
                    + DELETE_ADVICE.formatted(path));
        }
        if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CorruptCheckpointException(path + " is not an lrkit checkpoint: it starts with "
                    + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, MAGIC.length))
                    + ", expected the magic number " + HexFormat.ofDelimiter(" ").formatHex(MAGIC));
        }
        if (bytes.length < minimum) {
            throw truncated(path, bytes.length, "the header and checksum alone take " + minimum + " bytes");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.skipNBytes(MAGIC.length);
            int version = in.readInt();
            if (version != VERSION) {
                throw new CorruptCheckpointException(path + " has checkpoint format version " + version
                        + "; this lrkit reads version " + VERSION + ". Use the lrkit version that wrote it");
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_SECTIONS) {
                throw new CorruptCheckpointException(path + " is corrupt: it claims " + count + " sections (at most "
                        + MAX_SECTIONS + ")");
            }
            Map<String, byte[]> sections = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                if (in.available() < DIGEST_BYTES + 2) {
                    throw truncated(path, bytes.length, "section " + (i + 1) + " of " + count + " is missing");
                }
                String name = in.readUTF();
                long length = in.readLong();
                int storedCrc = in.readInt();
                long remaining = in.available() - (long) DIGEST_BYTES;
                if (length < 0) {
                    throw new CorruptCheckpointException(path + " is corrupt: section '" + name + "' has length "
                            + length);
                }
                if (length > remaining) {
                    throw truncated(path, bytes.length, "section '" + name + "' declares " + length
                            + " bytes but only " + Math.max(0, remaining) + " remain before the checksum");
                }
                byte[] payload = in.readNBytes((int) length);
                CRC32 crc = new CRC32();
                crc.update(payload);
                if ((int) crc.getValue() != storedCrc) {
                    throw new CorruptCheckpointException(path + " is corrupt: section '" + name
                            + "' fails its CRC32 check (stored " + Integer.toHexString(storedCrc) + ", computed "
                            + Long.toHexString(crc.getValue()) + ")" + DELETE_ADVICE.formatted(path));
                }
                if (sections.put(name, payload) != null) {
                    throw new CorruptCheckpointException(path + " is corrupt: section '" + name + "' appears twice");
                }
            }
            int left = in.available();
            if (left != DIGEST_BYTES) {
                throw left < DIGEST_BYTES
                        ? truncated(path, bytes.length, "the SHA-256 at the end is incomplete")
                        : new CorruptCheckpointException(path + " is corrupt: " + (left - DIGEST_BYTES)
                                + " unexpected bytes before the SHA-256");
            }
            MessageDigest digest = sha256();
            digest.update(bytes, 0, bytes.length - DIGEST_BYTES);
            byte[] computed = digest.digest();
            byte[] stored = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
            if (!MessageDigest.isEqual(computed, stored)) {
                throw new CorruptCheckpointException(path + " is corrupt: its SHA-256 does not match its contents; "
                        + DELETE_ADVICE.formatted(path).substring(2));
            }
            return sections;
        } catch (java.io.EOFException | java.io.UTFDataFormatException e) {
            throw new CorruptCheckpointException(path + " is corrupt: a section header cannot be read ("
                    + e.getMessage() + ")" + DELETE_ADVICE.formatted(path), e);
        }
    }

    private static CorruptCheckpointException truncated(Path path, long size, String detail) {
        return new CorruptCheckpointException(path + " is truncated (" + size + " bytes): " + detail
                + ". The write was interrupted or the copy is incomplete" + DELETE_ADVICE.formatted(path));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
