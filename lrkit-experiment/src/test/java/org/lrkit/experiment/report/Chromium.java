package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium} package; {@code .ci/run} installs it) for checking that a
 * report renders: the DOM after load, or a screenshot. Tests that use it are skipped when it is missing.
 */
public final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    /** A script that, once the page has loaded, writes each image's natural size into the DOM. */
    static final String IMAGE_CHECK = "<script>window.addEventListener('load', function () {"
            + " var images = document.images, ok = 0, sizes = [];"
            + " for (var i = 0; i < images.length; i++) {"
            + "   if (images[i].complete && images[i].naturalWidth > 0) { ok++; }"
            + "   sizes.push(images[i].id + ':' + images[i].naturalWidth + 'x' + images[i].naturalHeight); }"
            + " var out = document.createElement('pre'); out.id = 'image-check';"
            + " out.textContent = 'loaded ' + ok + ' of ' + images.length + ' ' + sizes.join(' ');"
            + " document.body.appendChild(out); });</script>";

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or the test is skipped with a message saying how to get it. */
    public static Chromium require() {
        Path found = find();
        Assumptions.assumeTrue(found != null, "headless Chromium is not installed (apt-get install -y chromium);"
                + " skipping the check that the report's charts render in a browser");
        return new Chromium(found);
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The DOM of {@code html} after its load event, with {@link #IMAGE_CHECK} injected. */
    public String dumpDomWithImageCheck(Path html, Path work) throws IOException, InterruptedException {
        String text = Files.readString(html, StandardCharsets.UTF_8);
        Path checked = html.resolveSibling("checked-" + html.getFileName());
        Files.writeString(checked, text.replace("</body>", IMAGE_CHECK + "\n</body>"), StandardCharsets.UTF_8);
        try {
            return run(work, "--dump-dom", checked.toUri().toString());
        } finally {
            Files.deleteIfExists(checked);
        }
    }

    /** A screenshot of {@code html}, {@code width} x {@code height} pixels. */
    public Path screenshot(Path html, Path work, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot.png");
        run(work, "--screenshot=" + png, "--window-size=" + width + "," + height, html.toUri().toString());
        return png;
    }

    /**
     * Opens {@code html}: every image must have decoded to its full size, and a screenshot
     * must show the charts' coloured lines.
     */
    public void assertRenders(Path html, Path work, int images) throws Exception {
        String dom = dumpDomWithImageCheck(html, work);
        Matcher check = Pattern.compile("<pre id=\"image-check\">([^<]*)</pre>").matcher(dom);
        assertThat(check.find()).as("the image check did not run; DOM: %s", dom.substring(0,
                Math.min(500, dom.length()))).isTrue();
        String result = check.group(1);
        assertThat(result).startsWith("loaded " + images + " of " + images + " ");
        Matcher size = Pattern.compile("plot-[a-z-]+:(\\d+)x(\\d+)").matcher(result);
        int found = 0;
        while (size.find()) {
            found++;
            assertThat(Integer.parseInt(size.group(1))).as(result).isEqualTo(1000);
            assertThat(Integer.parseInt(size.group(2))).as(result).isGreaterThanOrEqualTo(400);
        }
        assertThat(found).isEqualTo(images);

        Path png = screenshot(html, work, 1200, 4000);
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1200);
        int blue = 0;
        int orange = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y);
                blue += near(rgb, 0x1f77b4) ? 1 : 0;
                orange += near(rgb, 0xff7f0e) ? 1 : 0;
            }
        }
        // The table's swatches are 12 x 12 pixels; the charts' lines are far longer.
        assertThat(blue).as("pixels of the first policy's colour in the screenshot").isGreaterThan(500);
        assertThat(orange).as("pixels of the second policy's colour in the screenshot").isGreaterThan(500);
    }

    private static boolean near(int rgb, int target) {
        int dr = ((rgb >> 16) & 0xff) - ((target >> 16) & 0xff);
        int dg = ((rgb >> 8) & 0xff) - ((target >> 8) & 0xff);
        int db = (rgb & 0xff) - (target & 0xff);
        return dr * dr + dg * dg + db * db < 40 * 40;
    }

    private String run(Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--virtual-time-budget=10000", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = work.resolve("chromium-out.txt");
        Path err = work.resolve("chromium-err.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited with " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return stdout;
    }
}
