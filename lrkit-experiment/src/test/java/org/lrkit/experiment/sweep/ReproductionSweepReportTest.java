package org.lrkit.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproductionSweepReportTest {

    @TempDir
    Path sweep;

    private static final List<ReproductionSweepReport.Entry> ENTRIES = List.of(
            new ReproductionSweepReport.Entry("clr", "reproductions/clr", 2),
            new ReproductionSweepReport.Entry("lenet", "reproductions/lenet", 1));

    private void finished(String id, String json) throws IOException {
        Path folder = Files.createDirectories(sweep.resolve("reproductions").resolve(id));
        Files.writeString(folder.resolve("reproduction.json"), json);
    }

    @Test
    void everyClaimOfTheFinishedReproductionsIsListedAndTheOthersAreMarkedUnfinished() throws IOException {
        finished("clr", """
                {"lrkit": "reproduction", "rows": [
                  {"claim": "triangular2 matches | fixed", "verdict": "partly", "lrkit": "81.0% vs 81.2%",
                   "speedupText": "2.8x"},
                  {"claim": "exp_range beats fixed", "verdict": "not reproduced", "lrkit": "80.1%"}]}
                """);

        ReproductionSweepReport report = ReproductionSweepReport.read(ENTRIES, sweep, Map.of("jobSeconds", 3.5));
        report.write(sweep);

        assertThat(report.complete()).isFalse();
        assertThat(report.text()).isEqualTo("""
                experiment  verdict         claim
                clr         partly          triangular2 matches | fixed
                clr         not reproduced  exp_range beats fixed
                lenet       unfinished      -
                """);
        assertThat(Files.readString(sweep.resolve("reproductions.md")))
                .contains("1 of 2 experiments finished.")
                .contains("| clr | triangular2 matches \\| fixed | 81.0% vs 81.2% | 2.8x | partly |")
                .contains("| clr | exp_range beats fixed | 80.1% | - | not reproduced |")
                .contains("- lenet: unfinished (`reproductions/lenet`)");
        assertThat(Files.readString(sweep.resolve("summary.json"))).contains("\"kind\": \"reproductions\"")
                .contains("\"status\": \"incomplete\"").contains("\"attempts\": 2").contains("\"jobSeconds\": 3.5");
    }

    @Test
    void aCorruptReproductionJsonIsNamed() throws IOException {
        finished("clr", "{\"rows\": [");

        assertThatThrownBy(() -> ReproductionSweepReport.read(ENTRIES, sweep, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("reproduction.json: invalid JSON");
    }
}
