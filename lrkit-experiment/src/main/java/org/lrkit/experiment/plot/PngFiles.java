package org.lrkit.experiment.plot;

import java.awt.image.RenderedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Writes PNG images atomically: readers of the target path see either the old file or the complete new
 * one, never a half-written image.
 */
public final class PngFiles {

    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private PngFiles() {
    }

    /**
     * Writes {@code image} as a PNG to {@code target}: first to a temporary file in the same directory,
     * then moved over the target atomically (or, where the file system cannot do that, replacing it). The
     * temporary file is removed if anything fails.
     *
     * @throws NoSuchFileException if the target's directory does not exist
     * @throws IOException if the file cannot be written or moved
     */
    public static void writeAtomically(RenderedImage image, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "directory does not exist");
        }
        ImageIO.setUseCache(false);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("this Java runtime has no PNG image writer");
                }
            }
            copyPermissions(absolute, temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Temporary files are private to their owner; give the new file the permissions of the file it
     * replaces, or those of an ordinary new file.
     */
    private static void copyPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : NEW_FILE_PERMISSIONS;
        view.setPermissions(permissions);
    }
}
