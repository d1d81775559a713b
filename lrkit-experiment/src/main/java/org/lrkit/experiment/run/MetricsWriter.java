package org.lrkit.experiment.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.lrkit.Checks;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.djl.train.EpochResult;
import org.lrkit.djl.train.RunStart;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.experiment.report.Json;

/**
 * Writes a run's metrics as it trains: one row per optimizer step ({@code step, epoch, loss, lr, momentum})
 * and one per epoch ({@code step, epoch, train_loss, val_loss, val_accuracy, lr, seconds}), as CSV
 * ({@code steps.csv}, {@code epochs.csv}) or JSON Lines ({@code steps.jsonl}, {@code epochs.jsonl}, one
 * object per line; NaN becomes {@code null}). Rows reach the disk at every epoch end and at least once a
 * second. When a run resumes at step {@code s}, rows a crashed session wrote after its checkpoint are
 * dropped first (step rows from {@code s} on, epoch rows after {@code s}, and a partial-epoch row at
 * {@code s}), so the files read as one uninterrupted run.
 *
 * <p>A run that ends mid-epoch (a length in steps that is not a whole number of epochs) ends the epoch file
 * with a <em>partial-epoch row</em>: the final evaluation after its last step ({@link
 * TrainingSummary#partialEpoch()}). Its {@code step} is the last step, not a multiple of the steps per epoch;
 * its {@code epoch} is the 0-based epoch in progress; {@code train_loss} is the mean over the steps of that
 * epoch that were trained. The columns are those of every other row; {@code seconds} in every row counts the
 * training time of every session of a resumed run.
 *
 * <pre>{@code
 * try (MetricsWriter metrics = MetricsWriter.csv(runDir)) {
 *     TrainingRun.builder(model, optimizer)...listener(metrics).build().run();
 * }
 * }</pre>
 */
public final class MetricsWriter implements TrainingRunListener, Closeable {

    /** The file format. */
    public enum Format {
        /** Comma-separated values with a header row. */
        CSV,
        /** JSON Lines: one JSON object per line. */
        JSON
    }

    private static final String[] STEP_COLUMNS = {"step", "epoch", "loss", "lr", "momentum"};
    private static final String[] EPOCH_COLUMNS =
            {"step", "epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds"};
    private static final long FLUSH_INTERVAL_NANOS = 1_000_000_000L;

    private final Path directory;
    private final Format format;
    private final LongSupplier clock;
    private BufferedWriter steps;
    private BufferedWriter epochs;
    private long lastFlush;

    private MetricsWriter(Path directory, Format format, LongSupplier clock) {
        this.directory = Checks.notNull("directory", directory);
        this.format = Checks.notNull("format", format);
        this.clock = clock;
    }

    /**
     * CSV files in {@code directory}.
     *
     * @param directory the folder of the files
     * @return a writer of CSV files
     */
    public static MetricsWriter csv(Path directory) {
        return new MetricsWriter(directory, Format.CSV, System::nanoTime);
    }

    /**
     * JSON Lines files in {@code directory}.
     *
     * @param directory the folder of the files
     * @return a writer of JSON Lines files
     */
    public static MetricsWriter json(Path directory) {
        return new MetricsWriter(directory, Format.JSON, System::nanoTime);
    }

    /**
     * Files of {@code format} in {@code directory}.
     *
     * @param directory the folder of the files
     * @param format CSV or JSON Lines
     * @return the writer
     */
    public static MetricsWriter of(Path directory, Format format) {
        return new MetricsWriter(directory, format, System::nanoTime);
    }

    /**
     * The per-step file.
     *
     * @return {@code steps.csv} or {@code steps.jsonl} in the directory
     */
    public Path stepsFile() {
        return directory.resolve(format == Format.CSV ? "steps.csv" : "steps.jsonl");
    }

    /**
     * The per-epoch file.
     *
     * @return {@code epochs.csv} or {@code epochs.jsonl} in the directory
     */
    public Path epochsFile() {
        return directory.resolve(format == Format.CSV ? "epochs.csv" : "epochs.jsonl");
    }

    @Override
    public void onStart(RunStart start) {
        try {
            closeWriters();
            Files.createDirectories(directory);
            steps = open(stepsFile(), STEP_COLUMNS, start.startStep(), false, start.stepsPerEpoch());
            epochs = open(epochsFile(), EPOCH_COLUMNS, start.startStep(), true, start.stepsPerEpoch());
            lastFlush = clock.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the metrics files in " + directory, e);
        }
    }

    @Override
    public void onStep(long epoch, StepResult step) {
        write(steps, STEP_COLUMNS, step.step(), epoch, step.loss(), step.learningRate(), step.momentum());
        if (clock.getAsLong() - lastFlush >= FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    @Override
    public void onEpoch(EpochResult epoch) {
        write(epochs, EPOCH_COLUMNS, epoch.step(), epoch.epoch(), epoch.trainLoss(), epoch.validationLoss(),
                epoch.validationAccuracy(), epoch.learningRate(), epoch.seconds());
        flush();
    }

    @Override
    public void onEnd(TrainingSummary summary) {
        if (summary != null && summary.partialEpoch().isPresent()) {
            onEpoch(summary.partialEpoch().get());
        }
        flush();
    }

    @Override
    public void onFailure(Throwable error) {
        flush();
    }

    /** Writes buffered rows to disk. */
    public void flush() {
        try {
            if (steps != null) {
                steps.flush();
            }
            if (epochs != null) {
                epochs.flush();
            }
            lastFlush = clock.getAsLong();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics files in " + directory, e);
        }
    }

    @Override
    public void close() throws IOException {
        closeWriters();
    }

    private void closeWriters() throws IOException {
        try {
            if (steps != null) {
                steps.close();
            }
        } finally {
            steps = null;
            if (epochs != null) {
                epochs.close();
            }
            epochs = null;
        }
    }

    private BufferedWriter open(Path file, String[] columns, long startStep, boolean keepAtStart, long stepsPerEpoch)
            throws IOException {
        if (startStep > 0 && Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                long step = leadingStep(line);
                boolean partial = stepsPerEpoch > 0 && step % stepsPerEpoch != 0;
                if (step < 0 || step < startStep || (keepAtStart && step == startStep && !partial)) {
                    kept.add(line);
                }
            }
            AtomicFiles.write(file, (String.join("\n", kept) + (kept.isEmpty() ? "" : "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            writer.write(String.join(",", columns));
            writer.newLine();
        }
        return writer;
    }

    /** The step a row starts with, or -1 for a header or a line that is not a row. */
    private long leadingStep(String line) {
        String text = format == Format.CSV ? line : line.startsWith("{\"step\":") ? line.substring(8) : "";
        int end = 0;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(text.substring(0, end));
    }

    private void write(BufferedWriter writer, String[] columns, long step, long epoch, double... values) {
        if (writer == null) {
            throw new IllegalStateException("MetricsWriter received a row before onStart; add it to a TrainingRun as a "
                    + "listener");
        }
        StringBuilder row = new StringBuilder();
        if (format == Format.CSV) {
            row.append(step).append(',').append(epoch);
            for (double value : values) {
                row.append(',').append(Double.isNaN(value) ? "" : Double.toString(value));
            }
        } else {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(columns[0], step);
            fields.put(columns[1], epoch);
            for (int i = 0; i < values.length; i++) {
                fields.put(columns[i + 2], values[i]);
            }
            row.append(Json.line(fields));
        }
        try {
            writer.write(row.toString());
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics files in " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "MetricsWriter[" + directory + ", " + format.name().toLowerCase(Locale.ROOT) + "]";
    }
}
