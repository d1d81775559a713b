package org.lrkit.experiment.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.lrkit.djl.checkpoint.AtomicFiles;

/**
 * A line chart drawn with plain Java2D: a title, one or more {@link Panel}s stacked top to bottom that
 * share one x axis, grid lines at round tick values, axis titles, and a legend in each panel that has more
 * than one series.
 *
 * <pre>{@code
 * LineChart chart = LineChart.builder()
 *         .title("torch.OneCycleLR(max_lr=1.0, total_steps=10)")
 *         .xTitle("step")
 *         .panel(Panel.of("learning rate", Series.of("lr", steps, lr)).withWeight(3))
 *         .panel(Panel.of("momentum", Series.of("momentum", steps, momentum)).withWeight(2))
 *         .build();
 * chart.writePng(Path.of("onecycle.png"));
 * }</pre>
 *
 * <p>Rendering works without a display: set {@code java.awt.headless=true} before the first AWT class
 * loads (the {@code lrkit} command does). Instances are immutable.
 */
public final class LineChart {

    /** Line colours used, in turn, for series without a colour of their own. */
    public static final List<Color> PALETTE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f));

    private static final Color GRID = new Color(0xe3e3e3);
    private static final Color FRAME = new Color(0x555555);
    private static final Color TEXT = new Color(0x222222);
    private static final int PANEL_GAP = 22;
    private static final int TICK_LENGTH = 5;
    private static final double MARKER_SPACING = 12;
    private static final double MARKER_RADIUS = 3.2;
    private static final BasicStroke MARKER_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private final String title;
    private final String xTitle;
    private final Scale xScale;
    private final int width;
    private final int height;
    private final List<Panel> panels;

    private LineChart(Builder builder) {
        this.title = builder.title;
        this.xTitle = builder.xTitle;
        this.xScale = builder.xScale;
        this.width = builder.width;
        this.height = builder.height;
        this.panels = List.copyOf(builder.panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one panel");
        }
    }

    /**
     * A builder for a 1000 x 600 chart without a title.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The image width in pixels.
     *
     * @return the width in pixels, between 300 and 10000
     */
    public int width() {
        return width;
    }

    /**
     * The image height in pixels.
     *
     * @return the height in pixels, between 200 and 10000
     */
    public int height() {
        return height;
    }

    /**
     * The panels, top to bottom.
     *
     * @return the panels, not empty and unmodifiable
     */
    public List<Panel> panels() {
        return panels;
    }

    /**
     * Renders the chart and writes it as a PNG, atomically ({@link AtomicFiles}): readers of {@code file} see
     * the old image or the whole new one.
     *
     * @param file the PNG file to write; its directory must exist
     * @throws NoSuchFileException if the file's directory does not exist
     * @throws IOException if the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        Path directory = file.toAbsolutePath().normalize().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "directory does not exist");
        }
        BufferedImage image = render();
        ImageIO.setUseCache(false);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG image writer");
            }
        });
    }

    /**
     * Renders the chart.
     *
     * @return a new RGB image of {@link #width()} x {@link #height()} pixels
     * @throws IllegalArgumentException if a log axis has a value {@code <= 0} to show
     */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            new Renderer(g).draw();
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Lays the chart out and draws it on one graphics context. */
    private final class Renderer {
        private final Graphics2D g;
        private final Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        private final Font axisTitleFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        private final Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        private final Font legendFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        private int colorIndex;

        Renderer(Graphics2D g) {
            this.g = g;
        }

        void draw() {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            int top = drawTitle() + 14;
            FontMetrics tickMetrics = g.getFontMetrics(tickFont);
            FontMetrics axisMetrics = g.getFontMetrics(axisTitleFont);
            int bottom = TICK_LENGTH + 4 + tickMetrics.getHeight() + 6 + axisMetrics.getHeight() + 10;
            int available = height - top - bottom - PANEL_GAP * (panels.size() - 1);
            double totalWeight = panels.stream().mapToDouble(Panel::weight).sum();

            Axis xAxis = xAxis();
            List<Axis> yAxes = new ArrayList<>();
            List<Ticks> yTicks = new ArrayList<>();
            int[] panelHeights = new int[panels.size()];
            int widestLabel = 0;
            for (int i = 0; i < panels.size(); i++) {
                Panel panel = panels.get(i);
                panelHeights[i] = (int) Math.round(available * panel.weight() / totalWeight);
                Axis axis = yAxis(panel);
                Ticks ticks = Ticks.of(axis, Math.max(2, Math.min(10, panelHeights[i] / 40)));
                yAxes.add(axis);
                yTicks.add(ticks);
                for (String label : ticks.labels()) {
                    widestLabel = Math.max(widestLabel, tickMetrics.stringWidth(label));
                }
            }
            int left = 12 + axisMetrics.getHeight() + 8 + widestLabel + TICK_LENGTH + 4;
            int right = 28;
            int plotWidth = width - left - right;
            Ticks xTicks = Ticks.of(xAxis, Math.max(2, plotWidth / 100));

            int y = top;
            for (int i = 0; i < panels.size(); i++) {
                boolean last = i == panels.size() - 1;
                Rectangle2D.Double area = new Rectangle2D.Double(left, y, plotWidth, panelHeights[i]);
                drawPanel(panels.get(i), area, xAxis, xTicks, yAxes.get(i), yTicks.get(i), last);
                y += panelHeights[i] + PANEL_GAP;
            }
            if (!xTitle.isEmpty()) {
                g.setFont(axisTitleFont);
                g.setColor(TEXT);
                int textWidth = axisMetrics.stringWidth(xTitle);
                g.drawString(xTitle, left + (plotWidth - textWidth) / 2f, height - 10 - axisMetrics.getDescent());
            }
        }

        /** Draws the title, wrapped to two lines at most; returns the y just below it. */
        private int drawTitle() {
            if (title.isEmpty()) {
                return 4;
            }
            g.setFont(titleFont);
            g.setColor(TEXT);
            FontMetrics metrics = g.getFontMetrics();
            int y = 10;
            for (String line : TextLayout.wrap(title, metrics, width - 40, 2)) {
                y += metrics.getAscent();
                g.drawString(line, (width - metrics.stringWidth(line)) / 2f, y);
                y += metrics.getDescent() + metrics.getLeading();
            }
            return y;
        }

        private Axis xAxis() {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Panel panel : panels) {
                for (Series series : panel.series()) {
                    for (double x : series.x()) {
                        if (Double.isFinite(x)) {
                            if (xScale == Scale.LOG && !(x > 0)) {
                                throw new IllegalArgumentException("the x axis has a log scale, so every x must be > 0,"
                                        + " but series '" + series.label() + "' has x=" + x);
                            }
                            min = Math.min(min, x);
                            max = Math.max(max, x);
                        }
                    }
                }
            }
            if (min > max) {
                return new Axis(xScale == Scale.LOG ? 1 : 0, xScale == Scale.LOG ? 10 : 1, xScale);
            }
            return Axis.fitting(min, max, xScale, 0.0);
        }

        private Axis yAxis(Panel panel) {
            if (!Double.isNaN(panel.yMin())) {
                return new Axis(panel.yMin(), panel.yMax(), panel.yScale());
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (Series series : panel.series()) {
                for (double v : series.y()) {
                    if (Double.isFinite(v)) {
                        if (panel.yScale() == Scale.LOG && !(v > 0)) {
                            throw new IllegalArgumentException("the '" + panel.yTitle() + "' axis has a log scale, so"
                                    + " every value must be > 0, but series '" + series.label() + "' has " + v);
                        }
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                }
            }
            for (Band band : panel.bands()) {
                for (double[] bound : List.of(band.lower(), band.upper())) {
                    for (double v : bound) {
                        if (Double.isFinite(v) && (panel.yScale() == Scale.LINEAR || v > 0)) {
                            min = Math.min(min, v);
                            max = Math.max(max, v);
                        }
                    }
                }
            }
            if (min > max) {
                return new Axis(panel.yScale() == Scale.LOG ? 1 : 0, panel.yScale() == Scale.LOG ? 10 : 1,
                        panel.yScale());
            }
            return Axis.fitting(min, max, panel.yScale(), 0.05);
        }

        private void drawPanel(Panel panel, Rectangle2D.Double area, Axis xAxis, Ticks xTicks, Axis yAxis,
                Ticks yTicks, boolean showXLabels) {
            FontMetrics tickMetrics = g.getFontMetrics(tickFont);
            // Grid.
            g.setStroke(new BasicStroke(1f));
            g.setColor(GRID);
            for (double v : xTicks.values()) {
                double px = snap(area.x + xAxis.fraction(v) * area.width);
                g.draw(new java.awt.geom.Line2D.Double(px, area.y, px, area.y + area.height));
            }
            for (double v : yTicks.values()) {
                double py = snap(area.y + area.height - yAxis.fraction(v) * area.height);
                g.draw(new java.awt.geom.Line2D.Double(area.x, py, area.x + area.width, py));
            }

            // Series, clipped to the plot area.
            List<Color> colors = new ArrayList<>();
            List<Path2D> paths = new ArrayList<>();
            List<Series> shownSeries = new ArrayList<>();
            for (Series series : panel.series()) {
                Color color = series.color() != null ? series.color() : PALETTE.get(colorIndex++ % PALETTE.size());
                colors.add(color);
                Series shown = series;
                if (series.size() > 4 * area.width && series.xNonDecreasing()) {
                    Downsampler downsampler = new Downsampler(xAxis.min(), xAxis.max(), (int) area.width);
                    for (int i = 0; i < series.size(); i++) {
                        downsampler.add(series.x()[i], series.y()[i]);
                    }
                    shown = downsampler.toSeries(series.label());
                }
                paths.add(path(shown, area, xAxis, yAxis));
                shownSeries.add(shown);
            }
            Shape oldClip = g.getClip();
            g.clip(new Rectangle2D.Double(area.x - 2, area.y - 2, area.width + 4, area.height + 4));
            for (Band band : panel.bands()) {
                drawBand(band, area, xAxis, yAxis);
            }
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < paths.size(); i++) {
                g.setColor(colors.get(i));
                g.draw(paths.get(i));
                Series shown = shownSeries.get(i);
                // Few points far apart: mark each one, so that the steps themselves show.
                if (shown.size() <= area.width / MARKER_SPACING) {
                    drawMarkers(shown, area, xAxis, yAxis);
                }
            }
            for (Marker marker : panel.markers()) {
                if (marker.x() >= xAxis.min() && marker.x() <= xAxis.max() && (xScale == Scale.LINEAR || marker.x() > 0)) {
                    double px = area.x + xAxis.fraction(marker.x()) * area.width;
                    g.setColor(marker.color());
                    g.setStroke(MARKER_STROKE);
                    g.draw(new java.awt.geom.Line2D.Double(px, area.y, px, area.y + area.height));
                }
            }
            g.setClip(oldClip);

            // Frame and ticks.
            g.setStroke(new BasicStroke(1f));
            g.setColor(FRAME);
            g.draw(new Rectangle2D.Double(snap(area.x), snap(area.y), Math.round(area.width), Math.round(area.height)));
            g.setFont(tickFont);
            for (int i = 0; i < yTicks.values().size(); i++) {
                double py = snap(area.y + area.height - yAxis.fraction(yTicks.values().get(i)) * area.height);
                g.setColor(FRAME);
                g.draw(new java.awt.geom.Line2D.Double(area.x - TICK_LENGTH, py, area.x, py));
                String label = yTicks.labels().get(i);
                g.setColor(TEXT);
                g.drawString(label, (float) (area.x - TICK_LENGTH - 4 - tickMetrics.stringWidth(label)),
                        (float) (py + (tickMetrics.getAscent() - tickMetrics.getDescent()) / 2.0));
            }
            double bottom = area.y + area.height;
            for (int i = 0; i < xTicks.values().size(); i++) {
                double px = snap(area.x + xAxis.fraction(xTicks.values().get(i)) * area.width);
                g.setColor(FRAME);
                g.draw(new java.awt.geom.Line2D.Double(px, bottom, px, bottom + TICK_LENGTH));
                if (showXLabels) {
                    String label = xTicks.labels().get(i);
                    int labelWidth = tickMetrics.stringWidth(label);
                    double x = Math.max(2, Math.min(width - 2 - labelWidth, px - labelWidth / 2.0));
                    g.setColor(TEXT);
                    g.drawString(label, (float) x, (float) (bottom + TICK_LENGTH + 4 + tickMetrics.getAscent()));
                }
            }

            // Y-axis title, turned a quarter anticlockwise and centred on the panel.
            g.setFont(axisTitleFont);
            g.setColor(TEXT);
            FontMetrics axisMetrics = g.getFontMetrics();
            String yTitle = TextLayout.ellipsize(panel.yTitle(), axisMetrics, (int) area.height);
            AffineTransform saved = g.getTransform();
            g.translate(12 + axisMetrics.getAscent(), area.y + (area.height + axisMetrics.stringWidth(yTitle)) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(yTitle, 0, 0);
            g.setTransform(saved);

            if (panel.series().size() + panel.markers().size() > 1) {
                drawLegend(panel, colors, paths, area);
            }
        }

        private void drawMarkers(Series series, Rectangle2D.Double area, Axis xAxis, Axis yAxis) {
            double r = MARKER_RADIUS;
            for (int i = 0; i < series.size(); i++) {
                double x = series.x()[i];
                double y = series.y()[i];
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    double px = area.x + xAxis.fraction(x) * area.width;
                    double py = area.y + area.height - yAxis.fraction(y) * area.height;
                    g.fill(new java.awt.geom.Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r));
                }
            }
        }

        /** Draws the legend in the corner of the panel that hides the fewest points. */
        private void drawLegend(Panel panel, List<Color> colors, List<Path2D> paths, Rectangle2D.Double area) {
            g.setFont(legendFont);
            FontMetrics metrics = g.getFontMetrics();
            int sample = 24;
            int padding = 8;
            int rowHeight = metrics.getHeight() + 2;
            List<String> labels = new ArrayList<>();
            List<Color> rowColors = new ArrayList<>();
            List<Boolean> dashed = new ArrayList<>();
            for (int i = 0; i < panel.series().size(); i++) {
                labels.add(panel.series().get(i).label());
                rowColors.add(colors.get(i));
                dashed.add(false);
            }
            for (Marker marker : panel.markers()) {
                labels.add(marker.label());
                rowColors.add(marker.color());
                dashed.add(true);
            }
            int textWidth = 0;
            for (String label : labels) {
                textWidth = Math.max(textWidth, metrics.stringWidth(label));
            }
            double boxWidth = padding + sample + 6 + textWidth + padding;
            double boxHeight = padding + rowHeight * labels.size() - 2 + padding;
            double inset = 8;
            double[][] corners = {
                {area.x + area.width - inset - boxWidth, area.y + inset},
                {area.x + inset, area.y + inset},
                {area.x + area.width - inset - boxWidth, area.y + area.height - inset - boxHeight},
                {area.x + inset, area.y + area.height - inset - boxHeight},
            };
            BasicStroke stroke = new BasicStroke(2f);
            double[] best = corners[0];
            long fewest = Long.MAX_VALUE;
            for (double[] corner : corners) {
                Rectangle2D.Double box = new Rectangle2D.Double(corner[0], corner[1], boxWidth, boxHeight);
                long hidden = 0;
                for (Path2D path : paths) {
                    hidden += TextLayout.pointsInside(path, box);
                    if (stroke.createStrokedShape(path).intersects(box)) {
                        hidden += 1_000_000;
                    }
                }
                if (hidden < fewest) {
                    fewest = hidden;
                    best = corner;
                }
            }
            Rectangle2D.Double box = new Rectangle2D.Double(best[0], best[1], boxWidth, boxHeight);
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(box);
            g.setColor(new Color(0xbbbbbb));
            g.setStroke(new BasicStroke(1f));
            g.draw(box);
            for (int i = 0; i < labels.size(); i++) {
                double rowTop = box.y + padding + i * rowHeight;
                double mid = rowTop + metrics.getHeight() / 2.0;
                g.setColor(rowColors.get(i));
                g.setStroke(dashed.get(i) ? MARKER_STROKE
                        : new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new java.awt.geom.Line2D.Double(box.x + padding, mid, box.x + padding + sample, mid));
                g.setColor(TEXT);
                g.drawString(labels.get(i), (float) (box.x + padding + sample + 6),
                        (float) (rowTop + metrics.getAscent()));
            }
        }

        /** Fills the area between a band's bounds, translucent, leaving out points where a bound is missing. */
        private void drawBand(Band band, Rectangle2D.Double area, Axis xAxis, Axis yAxis) {
            List<double[]> upper = new ArrayList<>();
            List<double[]> lower = new ArrayList<>();
            for (int i = 0; i < band.x().length; i++) {
                double x = band.x()[i];
                double lo = band.lower()[i];
                double hi = band.upper()[i];
                boolean drawable = Double.isFinite(x) && Double.isFinite(lo) && Double.isFinite(hi)
                        && (xScale == Scale.LINEAR || x > 0) && (yAxis.scale() == Scale.LINEAR || lo > 0 && hi > 0);
                if (drawable) {
                    double px = area.x + xAxis.fraction(x) * area.width;
                    upper.add(new double[] {px, area.y + area.height - yAxis.fraction(hi) * area.height});
                    lower.add(new double[] {px, area.y + area.height - yAxis.fraction(lo) * area.height});
                }
            }
            if (upper.size() < 2) {
                return;
            }
            Path2D.Double polygon = new Path2D.Double();
            polygon.moveTo(upper.get(0)[0], upper.get(0)[1]);
            for (int i = 1; i < upper.size(); i++) {
                polygon.lineTo(upper.get(i)[0], upper.get(i)[1]);
            }
            for (int i = lower.size() - 1; i >= 0; i--) {
                polygon.lineTo(lower.get(i)[0], lower.get(i)[1]);
            }
            polygon.closePath();
            Color c = band.color();
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            g.fill(polygon);
        }
    }

    /** The series as a path in pixel coordinates; non-finite points break the line. */
    private static Path2D path(Series series, Rectangle2D.Double area, Axis xAxis, Axis yAxis) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, series.size() + 1);
        boolean penDown = false;
        double[] xs = series.x();
        double[] ys = series.y();
        int segmentStart = -1;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                penDown = false;
                continue;
            }
            double px = area.x + xAxis.fraction(xs[i]) * area.width;
            double py = area.y + area.height - yAxis.fraction(ys[i]) * area.height;
            if (penDown) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                // A lone point would not show: draw it as a dot-sized segment.
                path.lineTo(px + 0.01, py);
                penDown = true;
                segmentStart = i;
            }
        }
        return segmentStart < 0 ? new Path2D.Double() : path;
    }

    /** The middle of the pixel holding {@code v}, so that 1-pixel lines are crisp. */
    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    /** Builds a {@link LineChart}. */
    public static final class Builder {
        private String title = "";
        private String xTitle = "";
        private Scale xScale = Scale.LINEAR;
        private int width = 1000;
        private int height = 600;
        private final List<Panel> panels = new ArrayList<>();

        private Builder() {
        }

        /**
         * The title above the chart; wrapped to two lines and shortened with an ellipsis if longer.
         *
         * @param text the title, not null; leading and trailing blanks are stripped
         * @return this builder
         */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "title must not be null").strip();
            return this;
        }

        /**
         * The title of the shared x axis, below the bottom panel.
         *
         * @param text the x-axis title, not null
         * @return this builder
         */
        public Builder xTitle(String text) {
            this.xTitle = Objects.requireNonNull(text, "xTitle must not be null");
            return this;
        }

        /**
         * The scale of the shared x axis (linear by default).
         *
         * @param scale linear or log, not null
         * @return this builder
         */
        public Builder xScale(Scale scale) {
            this.xScale = Objects.requireNonNull(scale, "xScale must not be null");
            return this;
        }

        /**
         * The image size in pixels.
         *
         * @param newWidth the width in pixels, 300 to 10000
         * @param newHeight the height in pixels, 200 to 10000
         * @return this builder
         * @throws IllegalArgumentException if smaller than 300 x 200 or larger than 10000 x 10000
         */
        public Builder size(int newWidth, int newHeight) {
            if (newWidth < 300 || newHeight < 200 || newWidth > 10_000 || newHeight > 10_000) {
                throw new IllegalArgumentException("the chart size must be between 300x200 and 10000x10000 pixels, got "
                        + newWidth + "x" + newHeight);
            }
            this.width = newWidth;
            this.height = newHeight;
            return this;
        }

        /**
         * Adds a panel below those added before.
         *
         * @param panel the panel, not null
         * @return this builder
         */
        public Builder panel(Panel panel) {
            panels.add(Objects.requireNonNull(panel, "panel must not be null"));
            return this;
        }

        /**
         * The chart.
         *
         * @return a chart of the panels added so far
         * @throws IllegalArgumentException if no panel was added
         */
        public LineChart build() {
            return new LineChart(this);
        }
    }
}
