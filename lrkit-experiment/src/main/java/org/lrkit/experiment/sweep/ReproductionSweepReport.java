package org.lrkit.experiment.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Numbers;

/**
 * The results of a sweep of paper reproductions ({@code lrkit sweep --reproduce}): every claim of every
 * experiment with its verdict, read from each reproduction's {@code reproduction.json}, as a table, {@code
 * reproductions.md} (the table with links to each reproduction's own {@code reproduction.md} and {@code
 * report.html}) and {@code summary.json}, written atomically into the sweep's directory.
 *
 * <p>Example: {@code ReproductionSweepReport.read(List.of(new Entry("clr", "reproductions/clr", 1)),
 * sweepDirectory, timing).write(sweepDirectory)}.
 */
public final class ReproductionSweepReport {

    /**
     * One experiment of the sweep.
     *
     * @param experiment the experiment's id
     * @param folder its reproduction's directory, relative to the sweep's
     * @param attempts how many processes it took (0 if it never ran in this sweep)
     */
    public record Entry(String experiment, String folder, int attempts) {
    }

    /** One claim of a finished reproduction, as its reproduction.json gives it. */
    private record Claim(String experiment, String claim, String verdict, String lrkit, String speedup) {
    }

    private final List<Entry> entries;
    private final List<Entry> finished = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();
    private final Map<String, Object> timing;

    private ReproductionSweepReport(List<Entry> entries, Map<String, Object> timing) {
        this.entries = List.copyOf(entries);
        this.timing = new LinkedHashMap<>(timing);
    }

    /**
     * Reads the reproductions that finished (those whose directory holds {@code reproduction.json}).
     *
     * @param entries every experiment of the sweep
     * @param sweepDirectory the sweep's directory
     * @param timing what the sweep's time went to, written as given into summary.json
     * @return the report
     * @throws IOException if a reproduction.json cannot be read, naming it
     */
    @SuppressWarnings("unchecked")
    public static ReproductionSweepReport read(List<Entry> entries, Path sweepDirectory, Map<String, Object> timing)
            throws IOException {
        ReproductionSweepReport report = new ReproductionSweepReport(entries, timing);
        for (Entry entry : entries) {
            Path file = sweepDirectory.resolve(entry.folder()).resolve("reproduction.json");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Map<String, Object> root;
            try {
                root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
            report.finished.add(entry);
            for (Object row : Json.array(root, "rows")) {
                Map<String, Object> map = row instanceof Map ? (Map<String, Object>) row : Map.of();
                report.claims.add(new Claim(entry.experiment(), Json.text(map, "claim", "?"),
                        Json.text(map, "verdict", "?"), Json.text(map, "lrkit", "-"),
                        Json.text(map, "speedupText", "-")));
            }
        }
        return report;
    }

    /**
     * Whether every experiment finished.
     *
     * @return true when each has its reproduction.json
     */
    public boolean complete() {
        return finished.size() == entries.size();
    }

    /**
     * The claims as aligned text: experiment, verdict and claim, one line each; unfinished experiments say so.
     *
     * @return the text, ending with a newline
     */
    public String text() {
        int width = Math.max("experiment".length(), entries.stream().mapToInt(entry -> entry.experiment().length())
                .max().orElse(0)) + 2;
        int verdictWidth = Math.max("unfinished".length(), claims.stream().mapToInt(claim -> claim.verdict().length())
                .max().orElse(0)) + 2;
        StringBuilder text = new StringBuilder(Numbers.pad("experiment", width))
                .append(Numbers.pad("verdict", verdictWidth)).append("claim\n");
        for (Entry entry : entries) {
            List<Claim> own = claims.stream().filter(claim -> claim.experiment().equals(entry.experiment())).toList();
            if (!finished.contains(entry)) {
                text.append(Numbers.pad(entry.experiment(), width)).append(Numbers.pad("unfinished", verdictWidth))
                        .append("-\n");
            }
            for (Claim claim : own) {
                text.append(Numbers.pad(claim.experiment(), width)).append(Numbers.pad(claim.verdict(), verdictWidth))
                        .append(claim.claim()).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Writes {@code reproductions.md} and {@code summary.json} into the sweep's directory.
     *
     * @param directory the sweep's directory
     * @throws IOException if a file cannot be written
     */
    public void write(Path directory) throws IOException {
        StringBuilder markdown = new StringBuilder("# Reproductions\n\n")
                .append(finished.size()).append(" of ").append(entries.size()).append(" experiments finished.\n\n")
                .append("| experiment | claim | lrkit | speed-up | verdict |\n|---|---|---|---|---|\n");
        for (Claim claim : claims) {
            markdown.append("| ").append(cell(claim.experiment())).append(" | ").append(cell(claim.claim()))
                    .append(" | ").append(cell(claim.lrkit())).append(" | ").append(cell(claim.speedup()))
                    .append(" | ").append(cell(claim.verdict())).append(" |\n");
        }
        markdown.append('\n');
        for (Entry entry : entries) {
            markdown.append("- ").append(entry.experiment()).append(": ").append(finished.contains(entry)
                    ? "[reproduction.md](" + entry.folder() + "/reproduction.md), [report.html](" + entry.folder()
                            + "/report.html)" : "unfinished (`" + entry.folder() + "`)").append('\n');
        }
        AtomicFiles.write(directory.resolve("reproductions.md"), markdown.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lrkit", "sweep summary");
        root.put("kind", "reproductions");
        root.put("status", complete() ? "completed" : "incomplete");
        root.put("runsPlanned", entries.size());
        root.put("runsFinished", finished.size());
        List<Object> experiments = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("experiment", entry.experiment());
            map.put("folder", entry.folder());
            map.put("status", finished.contains(entry) ? "completed" : "unfinished");
            map.put("attempts", entry.attempts());
            List<Object> rows = new ArrayList<>();
            for (Claim claim : claims) {
                if (claim.experiment().equals(entry.experiment())) {
                    rows.add(Map.of("claim", claim.claim(), "verdict", claim.verdict(), "lrkit", claim.lrkit(),
                            "speedup", claim.speedup()));
                }
            }
            map.put("claims", rows);
            experiments.add(map);
        }
        root.put("experiments", experiments);
        root.put("timing", timing);
        root.put("report", "reproductions.md");
        AtomicFiles.write(directory.resolve("summary.json"), Json.write(root).getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
