package org.lrkit.djl.checkpoint;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;
import org.lrkit.Checks;

/**
 * Writes files so that readers see either the old content or the complete new content, never a mix: the
 * content goes to a temporary file in the same directory, is forced to disk ({@code fsync}), and is then
 * renamed over the target in one atomic step; the directory is synced too so that the rename survives a
 * power loss. If writing fails (or the process dies) before the rename, the target is untouched. New files get
 * the permissions of any file the process creates (its umask decides, typically {@code rw-r--r--}), so that a
 * report or checkpoint can be shared. The one atomic writer of lrkit: checkpoints, run files, reports, charts.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("checkpoint.lrkit"), out -> out.write(bytes));
 * }</pre>
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes everything to {@code out}; lrkit closes the stream.
         *
         * @param out the stream to the temporary file, buffered
         * @throws IOException if writing fails; the target is then left unchanged
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} atomically with what {@code content} writes.
     *
     * @param target the file to replace or create; missing parent directories are created
     * @param content writes the file's new content
     * @throws IllegalArgumentException if {@code target} or {@code content} is null
     * @throws IOException if writing, syncing or renaming fails, naming {@code target}; the target is then
     *     unchanged and the temporary file removed
     */
    public static void write(Path target, Content content) throws IOException {
        Checks.notNull("target", target);
        Checks.notNull("content", content);
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile, which makes the file private (0600) whatever the umask.
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(
                RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + directory + " cannot rename atomically, so " + absolute
                        + " cannot be replaced safely; write checkpoints to a local file system", e);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io && !String.valueOf(e.getMessage()).contains(absolute.toString())) {
                throw new IOException("cannot write " + absolute + " (it is unchanged): " + io.getMessage()
                        + adviceFor(io), io);
            }
            throw e;
        }
        syncDirectory(directory);
    }

    /**
     * Replaces {@code target} atomically with {@code bytes}.
     *
     * @param target the file to replace or create; missing parent directories are created
     * @param bytes the file's new content
     * @throws IllegalArgumentException if {@code target} or {@code bytes} is null
     * @throws IOException if writing, syncing or renaming fails, naming {@code target}; the target is then
     *     unchanged and the temporary file removed
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Checks.notNull("bytes", bytes);
        write(target, out -> out.write(bytes));
    }

    /** What to do about a failed write, where the error says it (a full disk). */
    private static String adviceFor(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("no space") || message.contains("disk full") || message.contains("quota")
                ? "; free some space on that disk, or write to another one" : "";
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename itself is still atomic there.
        }
    }
}
