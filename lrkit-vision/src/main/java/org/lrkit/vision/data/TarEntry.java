package org.lrkit.vision.data;

/**
 * One entry of a tar archive, as {@link TarReader} reports it.
 *
 * @param name the full path inside the archive (GNU long names and POSIX prefixes and {@code path} records
 *     already applied), without a trailing slash
 * @param size content bytes
 * @param type the tar type flag: {@code '0'} a regular file, {@code '5'} a directory, {@code '2'} a symbolic
 *     link, and so on
 * @param offset byte offset of the entry's header in the (decompressed) archive, for messages
 */
public record TarEntry(String name, long size, char type, long offset) {

    /**
     * Whether this entry is a regular file.
     *
     * @return true for type {@code '0'}, for NUL (old archives) and for {@code '7'} (contiguous file)
     */
    public boolean isFile() {
        return type == '0' || type == '\0' || type == '7';
    }

    /**
     * Whether this entry is a directory.
     *
     * @return true for type {@code '5'}
     */
    public boolean isDirectory() {
        return type == '5';
    }
}
