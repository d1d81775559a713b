package org.lrkit.experiment.reproduce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.experiment.report.Json;

/**
 * Which reproduction a run directory holds, {@code reproduce.json}: the experiment, its version, the scale and
 * the command that makes it again. Written when the directory is made, read to resume it and to build the
 * reproduction row afterwards.
 *
 * @param experiment the experiment's id
 * @param version the experiment's version
 * @param scale the scale
 * @param command the command that regenerates the reproduction
 */
public record PlanStamp(String experiment, int version, Scale scale, String command) {

    /** The file name in a run directory. */
    public static final String FILE = "reproduce.json";

    /**
     * Writes {@code reproduce.json} into {@code directory}, atomically.
     *
     * @param directory the run directory
     * @throws IOException if the file cannot be written
     */
    public void write(Path directory) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lrkit", "reproduction");
        map.put("experiment", experiment);
        map.put("version", version);
        map.put("scale", scale.word());
        map.put("command", command);
        AtomicFiles.write(directory.resolve(FILE), Json.write(map).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads {@code reproduce.json} of a run directory.
     *
     * @param directory the run directory
     * @return the stamp
     * @throws IllegalArgumentException if there is none or it cannot be read, in one line
     * @throws IOException if the file exists but cannot be read
     */
    public static PlanStamp read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        try {
            Map<String, Object> map = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            return new PlanStamp(Json.text(map, "experiment", ""), (int) Json.whole(map, "version", 0),
                    Scale.parse(Json.text(map, "scale", "")), Json.text(map, "command", ""));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(directory + " holds no reproduction: it has no " + FILE, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
