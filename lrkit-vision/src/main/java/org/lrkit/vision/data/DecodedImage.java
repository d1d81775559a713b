package org.lrkit.vision.data;

/**
 * One decoded image, channel-major ({@code CHW}) unsigned bytes.
 *
 * @param source the file or archive entry it came from, for messages
 * @param height rows
 * @param width columns
 * @param pixels {@code channels * height * width} bytes
 */
record DecodedImage(String source, int height, int width, byte[] pixels) {
}
