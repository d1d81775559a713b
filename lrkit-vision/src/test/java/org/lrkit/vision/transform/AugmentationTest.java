package org.lrkit.vision.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lrkit.vision.data.ImageSet;

class AugmentationTest {

    /** Maps byte p to the float p exactly (mean 0, std 1/255), so outputs read as pixel values. */
    private static final Normalization IDENTITY = Normalization.of(new double[] {0}, new double[] {1 / 255.0});

    /** One grey 3x3 image: 1 2 3 / 4 5 6 / 7 8 9. */
    private static final byte[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static float[] apply(Augmentation augmentation, Draw draw) {
        float[] out = new float[9];
        augmentation.apply(IMAGE, 0, 1, 3, 3, draw, out, 0);
        return out;
    }

    private static Draw crop(int y, int x, boolean flip) {
        return new Draw(y, x, flip, false, 0, 0);
    }

    @Test
    void identityNormalizationReproducesThePixels() {
        assertThat(IDENTITY.apply(0, 255)).isEqualTo(255f);
        assertThat(apply(Augmentation.normalizeOnly(IDENTITY), Draw.NONE))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void zeroPaddedCropsShiftTheImageOverBlackPixels() {
        Augmentation zero = Augmentation.builder(IDENTITY).crop(RandomCrop.zeroPadded(1)).build();
        // Padded image (5x5) with a black border; offset (1, 1) is the original image.
        assertThat(apply(zero, crop(1, 1, false))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(apply(zero, crop(0, 0, false))).containsExactly(0, 0, 0, 0, 1, 2, 0, 4, 5);
        assertThat(apply(zero, crop(2, 2, false))).containsExactly(5, 6, 0, 8, 9, 0, 0, 0, 0);
        assertThat(apply(zero, crop(0, 2, false))).containsExactly(0, 0, 0, 2, 3, 0, 5, 6, 0);
    }

    @Test
    void reflectPaddedCropsMirrorWithoutRepeatingTheEdge() {
        Augmentation reflect = Augmentation.builder(IDENTITY).crop(RandomCrop.reflectPadded(1)).build();
        // Padded: 5 4 5 6 5 / 2 1 2 3 2 / 5 4 5 6 5 / 8 7 8 9 8 / 5 4 5 6 5
        assertThat(apply(reflect, crop(0, 0, false))).containsExactly(5, 4, 5, 2, 1, 2, 5, 4, 5);
        assertThat(apply(reflect, crop(2, 2, false))).containsExactly(5, 6, 5, 8, 9, 8, 5, 6, 5);
        Augmentation reflect2 = Augmentation.builder(IDENTITY).crop(RandomCrop.reflectPadded(2)).build();
        // Two pixels of padding: row -2 reads row 2, column -2 reads column 2.
        assertThat(apply(reflect2, crop(0, 0, false))).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void zeroPaddingWiderThanTheImageGivesBlackRows() {
        Augmentation wide = Augmentation.builder(IDENTITY).crop(RandomCrop.zeroPadded(4)).build();
        assertThat(apply(wide, crop(0, 0, false))).containsOnly(0f);
        assertThat(apply(wide, crop(8, 8, false))).containsOnly(0f);
        assertThat(apply(wide, crop(4, 4, false))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(apply(wide, crop(6, 5, false))).containsExactly(8, 9, 0, 0, 0, 0, 0, 0, 0);
        assertThat(apply(wide, crop(5, 3, false))).containsExactly(0, 4, 5, 0, 7, 8, 0, 0, 0);
    }

    @Test
    void flipMirrorsTheCroppedWindow() {
        Augmentation flip = Augmentation.builder(IDENTITY).flip(HorizontalFlip.half()).build();
        assertThat(apply(flip, crop(0, 0, true))).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7);
        Augmentation cropFlip = Augmentation.builder(IDENTITY).crop(RandomCrop.zeroPadded(1))
                .flip(HorizontalFlip.half()).build();
        // Crop at (0, 0) gives 0 0 0 / 0 1 2 / 0 4 5; mirrored: 0 0 0 / 2 1 0 / 5 4 0.
        assertThat(apply(cropFlip, crop(0, 0, true))).containsExactly(0, 0, 0, 2, 1, 0, 5, 4, 0);
        Augmentation reflectFlip = Augmentation.builder(IDENTITY).crop(RandomCrop.reflectPadded(1))
                .flip(HorizontalFlip.half()).build();
        // Crop at (2, 2) gives 5 6 5 / 8 9 8 / 5 6 5 (symmetric), mirrored the same.
        assertThat(apply(reflectFlip, crop(2, 2, true))).containsExactly(5, 6, 5, 8, 9, 8, 5, 6, 5);
        // Crop at (1, 0) gives 2 1 2 / 5 4 5 / 8 7 8 (symmetric), mirrored the same.
        assertThat(apply(reflectFlip, crop(1, 0, true))).containsExactly(2, 1, 2, 5, 4, 5, 8, 7, 8);
        assertThat(apply(reflectFlip, crop(1, 2, true))).containsExactly(2, 3, 2, 5, 6, 5, 8, 9, 8);
    }

    @Test
    void cutoutZeroesTheSquareAfterNormalizationAndClipsAtTheBorder() {
        Normalization shifted = Normalization.of(new double[] {10 / 255.0}, new double[] {1 / 255.0});
        Augmentation clipped = Augmentation.builder(shifted).cutout(Cutout.centeredAnywhere(2)).build();
        float[] out = new float[9];
        clipped.apply(IMAGE, 0, 1, 3, 3, new Draw(0, 0, false, true, -1, 2), out, 0);
        // Rows [-1, 1) x columns [2, 4): only pixel (0, 2) is inside; the others are pixel - 10.
        assertThat(out).containsExactly(-9, -8, 0, -6, -5, -4, -3, -2, -1);
        Augmentation inside = Augmentation.builder(IDENTITY).cutout(Cutout.inside(2)).build();
        assertThat(apply(inside, new Draw(0, 0, false, true, 1, 0))).containsExactly(1, 2, 3, 0, 0, 6, 0, 0, 9);
    }

    @Test
    void channelsAreNormalizedWithTheirOwnStatistics() {
        Normalization rgb = Normalization.of(new double[] {0, 1, 0.5}, new double[] {1, 0.5, 0.25});
        byte[] image = {0, (byte) 255, (byte) 255, 0, (byte) 128, (byte) 128}; // 3 channels of 1x2
        float[] out = new float[6];
        Augmentation.normalizeOnly(rgb).apply(image, 0, 3, 1, 2, Draw.NONE, out, 0);
        float half = (float) ((128 / 255.0 - 0.5) / 0.25);
        assertThat(out).containsExactly(0f, 1f, 0f, -2f, half, half);
    }

    @Test
    void writesAtTheGivenOffsetsOfAnImageSet() {
        byte[] pixels = new byte[18];
        for (int i = 0; i < 18; i++) {
            pixels[i] = (byte) (100 + i);
        }
        ImageSet set = new ImageSet("tiny", 1, 3, 3, pixels, new int[] {0, 1}, List.of("a", "b"));
        float[] out = new float[20];
        Augmentation.normalizeOnly(IDENTITY).apply(set, 1, Draw.NONE, out, 11);
        assertThat(out[10]).isZero();
        assertThat(out[11]).isEqualTo(109f);
        assertThat(out[19]).isEqualTo(117f);
    }

    @Test
    void drawsStayInRangeAndCoverEveryChoice() {
        Augmentation full = Augmentation.builder(IDENTITY).crop(RandomCrop.zeroPadded(2))
                .flip(HorizontalFlip.half()).cutout(Cutout.centeredAnywhere(2)).build();
        Rng rng = new Rng(7);
        Set<Integer> cropYs = new HashSet<>();
        Set<Boolean> flips = new HashSet<>();
        Set<Integer> tops = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Draw d = full.draw(rng, 3, 3);
            assertThat(d.cropY()).isBetween(0, 4);
            assertThat(d.cropX()).isBetween(0, 4);
            assertThat(d.cutoutTop()).isBetween(-1, 1);
            assertThat(d.cutout()).isTrue();
            cropYs.add(d.cropY());
            flips.add(d.flip());
            tops.add(d.cutoutTop());
        }
        assertThat(cropYs).hasSize(5);
        assertThat(flips).hasSize(2);
        assertThat(tops).hasSize(3);
        assertThat(Augmentation.normalizeOnly(IDENTITY).draw(rng, 3, 3)).isEqualTo(Draw.NONE);
        Rng a = new Rng(42);
        Rng b = new Rng(42);
        for (int i = 0; i < 100; i++) {
            assertThat(full.draw(a, 32, 32)).isEqualTo(full.draw(b, 32, 32));
        }
    }

    @Test
    void rejectsMismatchesWithTheImagesAndImpossibleDraws() {
        Augmentation cifar = Augmentation.padCropFlip(Normalization.CIFAR10);
        assertThatThrownBy(() -> cifar.checkFits(1, 28, 28, "mnist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist has 1 channels, the normalization 3");
        Augmentation reflect = Augmentation.builder(IDENTITY).crop(RandomCrop.reflectPadded(3)).build();
        assertThatThrownBy(() -> reflect.checkFits(1, 3, 3, "tiny"))
                .hasMessageContaining("reflect padding must be < the image side, got padding=3")
                .hasMessageContaining("padding <= 2");
        assertThatThrownBy(() -> Augmentation.builder(IDENTITY).cutout(Cutout.inside(4)).build()
                .checkFits(1, 3, 3, "tiny")).hasMessageContaining("cutout size must be <= the image side");
        assertThatThrownBy(() -> apply(Augmentation.normalizeOnly(IDENTITY), crop(1, 0, false)))
                .hasMessageContaining("draw crop offsets must be in [0, 0]");
        assertThatThrownBy(() -> apply(Augmentation.normalizeOnly(IDENTITY), crop(0, 0, true)))
                .hasMessageContaining("lacks");
        assertThatThrownBy(() -> RandomCrop.zeroPadded(0)).hasMessageContaining("padding must be >= 1, got 0");
        assertThatThrownBy(() -> new HorizontalFlip(1.5)).hasMessageContaining("probability must be in [0, 1]");
        assertThatThrownBy(() -> Cutout.inside(0)).hasMessageContaining("size must be >= 1, got 0");
    }
}
