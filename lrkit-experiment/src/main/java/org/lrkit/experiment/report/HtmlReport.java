package org.lrkit.experiment.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.experiment.run.PolicyPlan;
import org.lrkit.experiment.run.Settings;

/**
 * The text of {@code report.html}: one self-contained page (inline CSS, the charts as base64 PNG, no script,
 * nothing fetched) with the results table, the charts, the policies with their specs, the range test's
 * suggestions, the configuration and the versions and machine it ran on.
 */
final class HtmlReport {

    /** A chart: its id, heading, caption and PNG bytes. */
    record Figure(String id, String heading, String caption, byte[] png) {
    }

    private static final String PLUS_MINUS = "\u00b1";

    private final RunData data;
    private final ResultTable table;
    private final Map<String, Figure> figures;
    private final List<String> notes;
    private final StringBuilder out = new StringBuilder();

    HtmlReport(RunData data, ResultTable table, List<Figure> figures, List<String> notes) {
        this.data = data;
        this.table = table;
        this.figures = new LinkedHashMap<>();
        for (Figure figure : figures) {
            this.figures.put(figure.id(), figure);
        }
        this.notes = notes;
    }

    String render() {
        Map<String, Object> settings = data.settings();
        Map<String, Object> dataInfo = Json.object(data.config(), "data");
        String command = Json.text(data.config(), "command", "run");
        String title = title(command, data.policies().isEmpty() ? "" : data.policies().get(0).label());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(Html.STYLE).append("</style>\n")
                .append("</head>\n<body>\n<main>\n");
        out.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        out.append("<p class=\"subtitle\">").append(Html.escape(Json.text(settings, "model", "?"))).append(" on ")
                .append(Html.escape(Json.text(dataInfo, "name", Json.text(settings, "dataset", "?")))).append(" (")
                .append(Html.escape(Json.text(dataInfo, "trainImages", "?"))).append(" training and ")
                .append(Html.escape(Json.text(dataInfo, "testImages", "?"))).append(" test images), batch ")
                .append(Html.escape(Json.text(settings, "batchSize", "?"))).append(", ")
                .append(Html.escape(optimizer(settings))).append(" &middot; ")
                .append(Html.escape(created(Json.text(data.config(), "created", "")))).append(" &middot; status <b>")
                .append(Html.escape(data.status())).append("</b></p>\n");
        if (command.equals("demo")) {
            out.append("<p>").append(DEMO_INTRO).append("</p>\n");
        }
        results();
        figure("accuracy");
        figure("loss");
        policies();
        rangeTest();
        configuration(settings, dataInfo);
        environment();
        files();
        out.append("<footer>Made by lrkit ").append(Html.escape(Json.text(Json.object(data.config(), "environment"),
                "lrkit", "?"))).append(". Rebuild it with <code>lrkit report ")
                .append(Html.escape(data.directory().toString())).append("</code>.</footer>\n");
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static final String DEMO_INTRO = "A learning-rate range test on the model gives the peak learning rate"
            + " (its upper bound, where the loss stops improving). A one-cycle policy (Smith &amp; Topin 2018)"
            + " peaking there trains for a short budget; a step-decay schedule, the usual baseline, starts at"
            + " the same rate and trains for the same budget and for several times that budget. The target is"
            + " the accuracy the one-cycle run reached: how many epochs did step decay need to get there?";

    private static String title(String command, String firstPolicy) {
        return switch (command) {
            case "demo" -> "lrkit demo: one-cycle from a range test against step decay";
            case "compare" -> "lrkit compare: learning-rate policies side by side";
            case "train" -> "lrkit train: " + firstPolicy;
            default -> "lrkit " + command;
        };
    }

    /** {@code 2025-01-01T12:00:00Z} as {@code 2025-01-01 12:00 UTC}. */
    private static String created(String instant) {
        return instant.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*Z") ? instant.substring(0, 10) + " "
                + instant.substring(11, 16) + " UTC" : instant;
    }

    private static String optimizer(Map<String, Object> settings) {
        boolean adam = Json.text(settings, "optimizer", "sgd").equals("adamw");
        return (adam ? "AdamW beta1 " : "SGD momentum ") + Numbers.number(Json.number(settings, "momentum"))
                + (Json.flag(settings, "nesterov", false) && !adam ? " (Nesterov)" : "") + ", weight decay "
                + Numbers.number(Json.number(settings, "weightDecay"))
                + Settings.describeTraining(Json.whole(settings, "accumulate", 1),
                        Json.number(settings, "clipNorm") > 0 ? Json.number(settings, "clipNorm") : 0,
                        Json.object(settings, "layerRates"));
    }

    private void results() {
        out.append("<h2 id=\"results\">Results</h2>\n");
        out.append(headline()).append('\n');
        out.append("<table class=\"results\">\n<thead><tr><th>policy</th><th>epochs</th><th>final accuracy</th>"
                + "<th>best accuracy</th><th>epochs to ").append(Html.escape(Numbers.percent(table.target())))
                .append("</th><th>wall time</th><th>runs</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < table.rows().size(); i++) {
            ResultTable.Row row = table.rows().get(i);
            out.append("<tr><td><span class=\"swatch\" style=\"background:").append(hex(Charts.color(i)))
                    .append("\"></span>").append(Html.escape(row.label())).append("</td><td>")
                    .append(ResultTable.epochs(row.epochs())).append("</td><td>")
                    .append(Html.escape(Numbers.percent(row.finalMean(), row.finalStd(), row.completed(), PLUS_MINUS)))
                    .append("</td><td>")
                    .append(Html.escape(Numbers.percent(row.bestMean(), row.bestStd(), row.completed(), PLUS_MINUS)))
                    .append("</td><td>").append(Html.escape(ResultTable.toTarget(row))).append("</td><td>")
                    .append(Html.escape(Numbers.seconds(row.secondsMean()))).append("</td><td>").append(row.completed())
                    .append(" of ").append(row.runs()).append(row.note().isEmpty() ? "" : " (" + Html.escape(row.note())
                            + ")").append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        out.append("<p class=\"note\">Accuracy on the ").append(Html.escape(Json.text(Json.object(data.config(), "data"),
                "testImages", "?"))).append(" test images after the last step; best: the highest after any epoch."
                + " Target ").append(Html.escape(Numbers.percent(table.target()))).append(" (")
                .append(Html.escape(table.targetRule())).append("). With several seeds: mean &plusmn; standard deviation;"
                + " epochs to target averaged over the seeds that reached it. Wall time: training and evaluation,"
                + " per run.</p>\n");
        for (String note : notes) {
            out.append("<p class=\"warning\">").append(Html.escape(note)).append("</p>\n");
        }
    }

    /** One line per policy: where it ended, and when it reached the target. */
    private String headline() {
        StringBuilder text = new StringBuilder();
        String target = Html.escape(Numbers.percent(table.target()));
        for (ResultTable.Row row : table.rows()) {
            if (Double.isNaN(row.finalMean())) {
                continue;
            }
            text.append("<li><b>").append(Html.escape(row.label())).append("</b>: ")
                    .append(Html.escape(Numbers.percent(row.finalMean()))).append(" after ")
                    .append(ResultTable.epochs(row.epochs())).append(" epochs (")
                    .append(Html.escape(Numbers.seconds(row.secondsMean()))).append(")");
            if (!Double.isNaN(table.target())) {
                if (row.reached() == 0) {
                    text.append("; did not reach ").append(target);
                } else {
                    text.append("; reached ").append(target).append(" after ")
                            .append(Html.escape(ResultTable.toTarget(row))).append(" epoch")
                            .append(row.toTargetMean() == 1 ? "" : "s");
                }
            }
            text.append(".</li>\n");
        }
        return text.length() == 0 ? "" : "<ul class=\"headline\">\n" + text + "</ul>";
    }

    private void figure(String id) {
        Figure figure = figures.get(id);
        if (figure == null) {
            return;
        }
        out.append("<h2 id=\"").append(id).append("\">").append(Html.escape(figure.heading())).append("</h2>\n");
        out.append("<figure><img id=\"plot-").append(id).append("\" alt=\"").append(Html.escape(figure.heading()))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(figure.png()))
                .append("\">\n<figcaption>").append(Html.escape(figure.caption())).append("</figcaption></figure>\n");
    }

    private void policies() {
        figure("policies");
        if (!figures.containsKey("policies")) {
            out.append("<h2 id=\"policies\">Policies</h2>\n");
        }
        out.append("<table>\n<thead><tr><th>policy</th><th>spec</th><th>length</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < data.policies().size(); i++) {
            PolicyPlan policy = data.policies().get(i);
            out.append("<tr><td><span class=\"swatch\" style=\"background:").append(hex(Charts.color(i)))
                    .append("\"></span>").append(Html.escape(policy.label()));
            if (!policy.role().isEmpty()) {
                out.append("<div class=\"role\">").append(Html.escape(policy.role())).append("</div>");
            }
            out.append("</td><td><code>").append(Html.escape(policy.spec().toCompactString())).append("</code>");
            if (!policy.given().isEmpty() && !policy.given().equals(policy.spec().toCompactString())) {
                out.append("<div class=\"role\">given as <code>").append(Html.escape(policy.given()))
                        .append("</code></div>");
            }
            out.append("</td><td>")
                    .append(policy.epochs() > 0 ? policy.epochs() + " epochs, " : "").append(policy.steps())
                    .append(" steps</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void rangeTest() {
        RunData.RangeCurve curve = data.rangeTest();
        if (curve == null) {
            return;
        }
        figure("range-test");
        Map<String, Object> advice = curve.advice();
        Map<String, Object> sweep = Json.object(data.config(), "rangeTest");
        out.append("<p>").append(Html.escape(Json.text(sweep, "steps", "?"))).append(" steps, learning rate from ")
                .append(Html.escape(Numbers.number(Json.number(sweep, "start")))).append(" to ")
                .append(Html.escape(Numbers.number(Json.number(sweep, "end")))).append(" (exponential), seed ")
                .append(Html.escape(Json.text(sweep, "seed", "0"))).append("; ")
                .append(Html.escape(Json.text(advice, "stepsRun", "?"))).append(" steps run (")
                .append(Html.escape(Json.text(advice, "stopReason", "?"))).append("), ")
                .append(Html.escape(Numbers.seconds(Json.number(advice, "seconds")))).append(".</p>\n");
        out.append("<table class=\"narrow\">\n<thead><tr><th>suggestion</th><th>learning rate</th></tr></thead>\n"
                + "<tbody>\n");
        for (Object entry : Json.array(advice, "suggestions")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) entry;
            out.append("<tr><td>").append(Html.escape(Json.text(s, "method", "?"))).append("</td><td>")
                    .append(Html.escape(Numbers.number(Json.number(s, "lr")))).append("</td></tr>\n");
        }
        for (Object entry : Json.array(advice, "peaks")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> peak = (Map<String, Object>) entry;
            out.append("<tr class=\"strong\"><td>auto for ").append(Html.escape(Json.text(peak, "policy", "?")))
                    .append(" (").append(Html.escape(Json.text(peak, "steps", "?")))
                    .append(" steps)</td><td>one-cycle peak ")
                    .append(Html.escape(Numbers.number(Json.number(peak, "peak")))).append(", held rate ")
                    .append(Html.escape(Numbers.number(Json.number(peak, "heldRate")))).append("</td></tr>\n");
        }
        out.append("<tr><td>consensus</td><td>")
                .append(Html.escape(Numbers.number(Json.number(advice, "consensus")))).append("</td></tr>\n");
        out.append("<tr><td>cyclical bounds (Smith)</td><td>")
                .append(Html.escape(Numbers.number(Json.number(advice, "clrLower")))).append(" .. ")
                .append(Html.escape(Numbers.number(Json.number(advice, "clrUpper")))).append("</td></tr>\n");
        out.append("</tbody>\n</table>\n");
        List<Object> warnings = Json.array(advice, "warnings");
        for (Object warning : warnings) {
            out.append("<p class=\"warning\">Range test: ").append(Html.escape(String.valueOf(warning))).append("</p>\n");
        }
    }

    private void configuration(Map<String, Object> settings, Map<String, Object> dataInfo) {
        out.append("<h2 id=\"configuration\">Configuration</h2>\n<table class=\"narrow\">\n<tbody>\n");
        row("command line", "<code>" + Html.escape(Json.text(data.config(), "commandLine", "")) + "</code>");
        row("dataset", Html.escape(Json.text(dataInfo, "name", "?") + " from " + Json.text(dataInfo, "source", "?")));
        row("images", Html.escape(Json.text(dataInfo, "trainImages", "?") + " training, " + Json.text(dataInfo,
                "testImages", "?") + " test, " + Json.text(dataInfo, "imageShape", "?") + ", "
                + Json.text(dataInfo, "classes", "?") + " classes"));
        row("augmentation", Html.escape(Json.text(dataInfo, "augmentation", "?")));
        row("model", Html.escape(Json.text(settings, "model", "?")));
        row("batch size", Html.escape(Json.text(settings, "batchSize", "?") + " (" + Json.text(dataInfo, "stepsPerEpoch",
                "?") + " steps per epoch)"));
        row("optimizer", Html.escape(optimizer(settings)));
        List<String> seeds = Json.array(data.config(), "seeds").stream()
                .map(v -> Long.toString(((Number) v).longValue())).toList();
        row("seeds", Html.escape(String.join(", ", seeds)));
        row("device", Html.escape(Json.text(settings, "device", "cpu") + ", threads " + (Json.whole(settings, "threads", 0)
                == 0 ? "default" : Json.text(settings, "threads", "?"))));
        Map<String, Object> checkpoints = Json.object(data.config(), "checkpoints");
        row("checkpoints", Html.escape("every " + Json.text(checkpoints, "everyEpochs", "1")
                + " epoch(s) and at the end, in "
                + Json.text(checkpoints, "directory", "runs/<policy>/seed-<s>/")));
        out.append("</tbody>\n</table>\n");
    }

    private void environment() {
        Map<String, Object> environment = Json.object(data.config(), "environment");
        Map<String, Object> machine = Json.object(environment, "machine");
        out.append("<h2 id=\"environment\">Versions and machine</h2>\n<table class=\"narrow\">\n<tbody>\n");
        row("lrkit", Html.escape(Json.text(environment, "lrkit", "?")));
        row("DJL", Html.escape(Json.text(environment, "djl", "?")));
        row("libtorch", Html.escape(Json.text(environment, "libtorch", "?")));
        row("JDK", Html.escape(Json.text(environment, "jdk", "?")));
        String commit = Json.text(environment, "gitCommit", "unknown");
        String dirty = Json.text(environment, "gitUncommittedChanges", null);
        row("git commit", "<code>" + Html.escape(commit) + "</code>" + ("yes".equals(dirty) ? " (with uncommitted changes)"
                : ""));
        row("machine", Html.escape(Json.text(machine, "cores", "?") + " cores, " + Json.text(machine, "cpu", "?") + ", "
                + Json.text(machine, "os", "?")));
        out.append("</tbody>\n</table>\n");
    }

    private void files() {
        out.append("<h2 id=\"files\">Files</h2>\n<ul class=\"files\">\n");
        List<String[]> files = new ArrayList<>();
        files.add(new String[] {"config.json", "the resolved configuration"});
        files.add(new String[] {"summary.json", "the results"});
        if (data.rangeTest() != null) {
            files.add(new String[] {"range-test/curve.csv", "the range test's curve"});
        }
        for (RunData.Run run : data.runs()) {
            String folder = run.stepsCsv().substring(0, run.stepsCsv().lastIndexOf('/'));
            files.add(new String[] {folder + "/epochs.csv", run.label() + " seed " + run.seed() + ": per epoch"});
            files.add(new String[] {folder + "/steps.csv", run.label() + " seed " + run.seed() + ": per step"});
        }
        for (String[] file : files) {
            out.append("<li><a href=\"").append(Html.escape(file[0])).append("\"><code>").append(Html.escape(file[0]))
                    .append("</code></a> &ndash; ").append(Html.escape(file[1])).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private void row(String name, String html) {
        out.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    private static String hex(java.awt.Color color) {
        return String.format(Locale.ROOT, "#%06x", color.getRGB() & 0xffffff);
    }
}
