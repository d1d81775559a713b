package org.lrkit.vision.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lrkit.vision.data.ImageSet;

/** Small synthetic image sets for the loader tests. */
final class TestImages {

    private TestImages() {
    }

    /** {@code size} random images; image {@code i} has label {@code labels[i]}. */
    static ImageSet random(String name, int size, int channels, int height, int width, int classes, long seed,
            int[] labels) {
        byte[] pixels = new byte[size * channels * height * width];
        new Random(seed).nextBytes(pixels);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        return new ImageSet(name, channels, height, width, pixels, labels, names);
    }

    /** {@code size} random images with labels {@code i mod classes}. */
    static ImageSet cycling(int size, int channels, int height, int width, int classes) {
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = i % classes;
        }
        return random("cycling", size, channels, height, width, classes, 1234, labels);
    }

    /** Images whose first byte is their index (mod 256), for identifying them after a split. */
    static ImageSet numbered(int[] labels, int classes) {
        ImageSet set = random("numbered", labels.length, 1, 2, 2, classes, 99, labels);
        for (int i = 0; i < labels.length; i++) {
            set.pixels()[i * 4] = (byte) i;
        }
        return set;
    }
}
