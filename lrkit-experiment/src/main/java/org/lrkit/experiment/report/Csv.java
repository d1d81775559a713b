package org.lrkit.experiment.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric CSV file with a header row, as lrkit writes them ({@code epochs.csv}, {@code steps.csv},
 * {@code curve.csv}): columns are found by name, an empty cell reads as NaN.
 */
public final class Csv {

    private final List<String> header;
    private final List<double[]> rows;

    private Csv(List<String> header, List<double[]> rows) {
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /**
     * Reads {@code file}.
     *
     * @param file a CSV file with a header line and numeric cells
     * @return the header and rows; empty for an empty file
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if a cell is not a number, naming the file, line and column
     */
    public static Csv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return new Csv(List.of(), new ArrayList<>());
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[header.size()];
            Arrays.fill(row, Double.NaN);
            for (int c = 0; c < Math.min(cells.length, row.length); c++) {
                String cell = cells[c].strip();
                if (!cell.isEmpty()) {
                    try {
                        row[c] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file + " line " + (i + 1) + ": column '" + header.get(c)
                                + "' is not a number: '" + cell + "'", e);
                    }
                }
            }
            rows.add(row);
        }
        return new Csv(header, rows);
    }

    /**
     * The number of data rows.
     *
     * @return the number of lines after the header
     */
    public int size() {
        return rows.size();
    }

    /**
     * Whether the file has a column of this name.
     *
     * @param column the column name
     * @return whether the header names it
     */
    public boolean has(String column) {
        return header.contains(column);
    }

    /**
     * The values of a column, NaN where empty; an empty array if there is no such column.
     *
     * @param name the column name
     * @return the values, one per row (a new array)
     */
    public double[] column(String name) {
        int index = header.indexOf(name);
        double[] values = new double[rows.size()];
        if (index < 0) {
            return new double[0];
        }
        for (int i = 0; i < rows.size(); i++) {
            values[i] = rows.get(i)[index];
        }
        return values;
    }
}
