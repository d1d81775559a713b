package org.lrkit.experiment.run;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.CorruptCheckpointException;
import org.lrkit.djl.checkpoint.ForeignCheckpointException;
import org.lrkit.djl.checkpoint.PolicyMismatchException;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.ensemble.SnapshotSaver;
import org.lrkit.djl.train.DivergenceException;
import org.lrkit.djl.train.EpochResult;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.experiment.report.Numbers;
import org.lrkit.experiment.report.ResultTable;
import org.lrkit.vision.loader.ImageLoader;

/**
 * Trains one policy with one seed into its folder of a run directory: {@code steps.csv} and
 * {@code epochs.csv} ({@link MetricsWriter}), a checkpoint every few epochs and at the end, evaluation on the
 * test set after every epoch, and, for the policies the configuration names, a snapshot of the model at every
 * cycle end of the learning rate ({@link SnapshotSaver}); or continues it from its checkpoint, bit-identically.
 */
final class PolicyRun {

    /** Where the run stands, for the Ctrl-C message: read from another thread. */
    static final class Position {
        volatile String label = "";
        volatile long seed;
        volatile long step;
        volatile long epoch;
        /** Training seconds up to the last checkpoint, over every session. */
        volatile double secondsAtCheckpoint;
    }

    private PolicyRun() {
    }

    /**
     * Trains (or resumes) one run.
     *
     * @param previous the run's record so far (pending, or interrupted with a checkpoint to resume from)
     * @return the record after training: completed, or diverged with the message
     * @throws RunFailure if the data cannot be read, the checkpoint is damaged or does not fit, or a file
     *     cannot be written
     */
    static RunRecord train(Workbench bench, ExperimentConfig config, Path directory, PolicyPlan plan, long seed,
            RunRecord previous, Progress progress, Position position) throws IOException {
        Path folder = ExperimentConfig.runFolder(directory, plan.label(), seed);
        Path checkpoints = config.checkpointFolder(directory, plan.label(), seed);
        Files.createDirectories(folder);
        Files.createDirectories(checkpoints);
        Path checkpointFile = checkpoints.resolve(CheckpointSchedule.FILE_NAME);
        boolean resume = Files.isRegularFile(checkpointFile);
        String name = plan.label() + " seed " + seed;
        long epochs = plan.epochs() > 0 ? plan.epochs() : ceilDiv(plan.steps(), bench.stepsPerEpoch());
        position.label = plan.label();
        position.seed = seed;
        position.step = 0;
        position.epoch = 0;
        position.secondsAtCheckpoint = 0;

        ImageLoader loader = bench.trainLoader(seed);
        Map<String, String> owner = owner(bench, config, plan, seed);
        double secondsBefore = 0;
        if (resume) {
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.read(checkpointFile);
            } catch (CorruptCheckpointException e) {
                throw new RunFailure("cannot resume " + name + ": " + e.getMessage(), e);
            }
            requireOwn(checkpoint, checkpointFile, owner, name, directory);
            long epoch = checkpoint.progress().epoch();
            loader.resumeAt(Math.toIntExact(epoch), 0);
            position.step = checkpoint.progress().step();
            position.epoch = epoch;
            progress.skip(checkpoint.progress().step());
            secondsBefore = checkpoint.progress().seconds();
            position.secondsAtCheckpoint = secondsBefore;
            progress.say(name + ": resuming at step " + checkpoint.progress().step() + " (epoch " + epoch + ") from "
                    + checkpointFile);
        }
        TrainingLength length = plan.epochs() > 0 ? TrainingLength.epochs(plan.epochs())
                : TrainingLength.steps(plan.steps());
        try (Model model = bench.newModel(); MetricsWriter metrics = MetricsWriter.csv(folder)) {
            TrainingRun.Builder builder = TrainingRun.builder(model, bench.optimizer(plan.policy()))
                    .trainingData(loader, bench.settings().batchSize())
                    .stepsPerEpoch(bench.stepsPerEpoch())
                    .validationData(bench.testLoader())
                    .evaluationBatchSize(Workbench.EVALUATION_BATCH)
                    .inputShapes(bench.inputShape())
                    .length(length)
                    .seed(seed)
                    .device(bench.device())
                    .listener(metrics)
                    .listener(listener(name, epochs, progress, position, config.checkpointEvery()))
                    .owner(owner)
                    .checkpoints(CheckpointSchedule.in(checkpoints).everyEpochs(config.checkpointEvery()))
                    .accumulateGradients(bench.settings().accumulate());
            if (bench.settings().clipNorm() > 0) {
                builder.clipGradientNorm(bench.settings().clipNorm());
            }
            if (config.savesSnapshots(plan.label())) {
                builder.listener(new SnapshotSaver(model.getBlock(), folder.resolve(ExperimentConfig.SNAPSHOTS)));
            }
            if (resume) {
                builder.resume(Resume.from(checkpointFile));
            }
            TrainingSummary summary = builder.build().run();
            double seconds = summary.seconds();
            double accuracy = summary.finalEvaluation().map(e -> e.accuracy()).orElse(Double.NaN);
            progress.say(String.format(Locale.ROOT, "%s: %d steps (%s), test accuracy %s, %s", name, summary.steps(),
                    plan.epochs() > 0 ? plan.epochs() + (plan.epochs() == 1 ? " epoch" : " epochs")
                            : ResultTable.epochs((double) plan.steps() / bench.stepsPerEpoch())
                                    + " epochs",
                    Numbers.percent(accuracy), Numbers.seconds(seconds)));
            return previous.with(RunRecord.Status.COMPLETED, summary.steps(), seconds, "").withFinalAccuracy(accuracy);
        } catch (DivergenceException e) {
            progress.say(name + ": diverged at step " + e.step() + " (learning rate " + Numbers.number(e.learningRate())
                    + ")");
            return previous.with(RunRecord.Status.DIVERGED, e.step(), secondsBefore, e.getMessage());
        } catch (PolicyMismatchException e) {
            throw new RunFailure("cannot resume " + name + " from " + checkpointFile + ": "
                    + e.problem().replaceAll("\\s*\\n\\s*", " ") + " The command line resumes only with the"
                    + " recorded policy: put it back in " + directory.resolve(ExperimentConfig.FILE)
                    + ", or start a new run with another --out", e);
        } catch (CorruptCheckpointException | ForeignCheckpointException e) {
            throw new RunFailure("cannot resume " + name + " from " + checkpointFile + ": "
                    + e.getMessage().replaceAll("\\s*\\n\\s*", " "), e);
        } catch (TranslateException e) {
            throw new RunFailure(name + ": cannot read the data: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RunFailure(name + ": " + e.getMessage(), e);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * Whose run this is, as its checkpoints record it: the run directory's id, the policy's label, the seed, the
     * dataset and its training-set size, and the model.
     */
    static Map<String, String> owner(Workbench bench, ExperimentConfig config, PolicyPlan plan, long seed) {
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put("run", config.runId() == null ? "" : config.runId());
        owner.put("policy", plan.label());
        owner.put("seed", Long.toString(seed));
        owner.put("dataset", String.valueOf(bench.dataJson().get("name")));
        owner.put("trainImages", String.valueOf(bench.dataJson().get("trainImages")));
        owner.put("model", bench.settings().model());
        return owner;
    }

    /**
     * Refuses a checkpoint that is not this run's: one recording another owner, or one recording none (written
     * before lrkit recorded owners) unless this run directory also predates run ids, so that it is the directory
     * that wrote it. The file is left as it is.
     */
    private static void requireOwn(Checkpoint checkpoint, Path file, Map<String, String> owner, String name,
            Path directory) {
        String self = name + " of run " + (owner.get("run").isEmpty() ? directory : owner.get("run") + " (" + directory
                + ")");
        if (checkpoint.owner().isEmpty()) {
            if (!owner.get("run").isEmpty()) {
                throw new RunFailure("cannot resume " + self + " from " + file + ": the checkpoint was written by an"
                        + " older lrkit and does not record which run it belongs to, so it is left as it is; move it"
                        + " away to train " + name + " from step 0, or resume the run directory that wrote it");
            }
        } else if (!checkpoint.owner().equals(owner)) {
            throw new RunFailure("cannot resume " + self + ": " + file + " belongs to another run ("
                    + checkpoint.ownerText() + ") and is left as it is; move it away to train " + name
                    + " from step 0, or resume the run it belongs to");
        }
    }

    private static TrainingRunListener listener(String name, long epochs, Progress progress, Position position,
            int checkpointEvery) {
        return new TrainingRunListener() {
            @Override
            public void onStep(long epoch, StepResult step) {
                position.step = step.step() + 1;
                position.epoch = epoch;
                progress.step(String.format(Locale.ROOT, "%s: epoch %d/%d, loss %.4f", name, epoch + 1, epochs,
                        step.loss()));
            }

            @Override
            public void onEpoch(EpochResult epoch) {
                position.epoch = epoch.epoch() + 1;
                if ((epoch.epoch() + 1) % checkpointEvery == 0) {
                    position.secondsAtCheckpoint = epoch.seconds();
                }
                progress.sayOnConsole(String.format(Locale.ROOT,
                        "%s: epoch %d/%d: train loss %.4f, test loss %.4f, test accuracy %s", name, epoch.epoch() + 1,
                        epochs, epoch.trainLoss(), epoch.validationLoss(),
                        Numbers.percent(epoch.validationAccuracy())));
            }
        };
    }
}
