package org.lrkit.djl.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrkit.Checks;
import org.lrkit.djl.checkpoint.Checkpoint;
import org.lrkit.djl.checkpoint.CheckpointSchedule;
import org.lrkit.djl.checkpoint.DataPlan;
import org.lrkit.djl.checkpoint.ForeignCheckpointException;
import org.lrkit.djl.checkpoint.Resume;
import org.lrkit.djl.checkpoint.TrainingProgress;
import org.lrkit.djl.optim.ScheduledOptimizer;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.schedule.CycleStructure;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.TrainingClock;
import org.lrkit.schedule.TrainingClock.Remainder;

/**
 * Trains a DJL model with a {@link ScheduledOptimizer} for a number of epochs or steps: batches in a seeded
 * order, an evaluation (loss, top-1 accuracy) after each epoch, listeners for steps, epochs and cycle ends,
 * a divergence guard, checkpoints, and bit-identical resumption; optionally gradient accumulation
 * ({@link Builder#accumulateGradients}) and gradient clipping ({@link Builder#clipGradientNorm}).
 *
 * <pre>{@code
 * OneCycle lr = OneCycle.builder().start(0.004).peak(0.1).end(4e-7).totalSteps(3 * 469).build();
 * ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(lr).withMomentum(lr.mirrored(0.95, 0.85))).build();
 * TrainingSummary summary = TrainingRun.builder(model, sgd)
 *         .trainingData(trainSet, 128)
 *         .validationData(testSet)
 *         .inputShapes(new Shape(1, 1, 28, 28))
 *         .length(TrainingLength.epochs(3))
 *         .seed(42)
 *         .listener(ConsoleProgressBar.forConsole())
 *         .checkpoints(CheckpointSchedule.in(runDir).everyEpochs(1))
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p><b>Determinism.</b> Everything random is a function of the seed and a position: the data order of
 * each epoch comes from lrkit's own {@link java.util.Random} seeded by (seed, epoch), and the engine's
 * generator is reseeded from (seed, step) before every step (dropout masks and the like). At a fixed thread
 * count a run is therefore bit-identical to itself, and a resumed run to the uninterrupted one.
 *
 * <p><b>Memory.</b> Each epoch's batches live in a sub-manager of the trainer's manager and each batch is
 * closed after its step, so native memory does not grow over an epoch.
 *
 * <p><b>Data.</b> A {@link RandomAccessDataset} is read in lrkit's order in batches of the given size (its
 * own sampler is not used). Any other {@link Dataset} is read in its own batches and order; a run resumed
 * mid-epoch skips the batches already seen, which is exact only if that order is deterministic.
 */
public final class TrainingRun {

    private final Model model;
    private final ScheduledOptimizer optimizer;
    private final Loss loss;
    private final Dataset trainingData;
    private final int batchSize;
    private final Dataset validationData;
    private final int evaluationBatchSize;
    private final Shape[] inputShapes;
    private final TrainingLength length;
    private final long seed;
    private final boolean seedSet;
    private final boolean shuffle;
    private final Device device;
    private final long stepsPerEpoch;
    private final List<TrainingRunListener> listeners;
    private final CheckpointSchedule checkpoints;
    private final Resume resume;
    private final Map<String, String> owner;
    private final int accumulation;
    private final double maxGradientNorm;

    private TrainingRun(Builder builder) {
        this.model = builder.model;
        this.optimizer = builder.optimizer;
        this.loss = builder.loss;
        this.trainingData = builder.trainingData;
        this.batchSize = builder.batchSize;
        this.validationData = builder.validationData;
        this.evaluationBatchSize = builder.evaluationBatchSize > 0 ? builder.evaluationBatchSize : builder.batchSize;
        this.inputShapes = builder.inputShapes.clone();
        this.length = builder.length;
        this.seed = builder.seed;
        this.seedSet = builder.seedSet;
        this.shuffle = builder.shuffle;
        this.device = builder.device != null ? builder.device : builder.model.getNDManager().getDevice();
        this.stepsPerEpoch = builder.stepsPerEpoch;
        this.listeners = List.copyOf(builder.listeners);
        this.checkpoints = builder.checkpoints;
        this.resume = builder.resume;
        this.owner = Collections.unmodifiableMap(new LinkedHashMap<>(builder.owner));
        this.accumulation = builder.accumulation;
        this.maxGradientNorm = builder.maxGradientNorm;
    }

    /**
     * A builder for a run training {@code model} (with its block set) with {@code optimizer}.
     *
     * @param model the model to train, with its block set (initialized by the run with the input shapes)
     * @param optimizer the optimizer to train with, at step 0 unless the run resumes from a checkpoint
     * @return a builder with the defaults of its setters
     * @throws IllegalArgumentException if an argument is null or the model has no block
     */
    public static Builder builder(Model model, ScheduledOptimizer optimizer) {
        return new Builder(model, optimizer);
    }

    /**
     * Trains until the planned number of steps is reached.
     *
     * @return how the run ended
     * @throws DivergenceException if a loss becomes NaN or infinite
     * @throws org.lrkit.djl.checkpoint.PolicyMismatchException if resuming with a changed policy is refused
     * @throws org.lrkit.djl.checkpoint.CorruptCheckpointException if the checkpoint to resume from is damaged
     * @throws org.lrkit.djl.checkpoint.ForeignCheckpointException if the checkpoint to resume from records
     *     another owner
     * @throws IllegalArgumentException if the checkpoint to resume from does not fit this run (another seed,
     *     batch size, dataset size or batches per step, or more steps than this run plans), or checkpoints are
     *     asked for and the policy has no text form
     * @throws IllegalStateException if a run that does not resume is given an optimizer that has already made
     *     steps
     * @throws IOException if reading data or writing a checkpoint fails
     * @throws TranslateException if the dataset fails to build a batch
     */
    public TrainingSummary run() throws IOException, TranslateException {
        long startNanos = System.nanoTime();
        Block block = model.getBlock();
        Checkpoint resumed = resume == null ? null : Checkpoint.read(resume.checkpoint());
        long runSeed = resumed == null ? seed : resumedSeed(resumed.data());
        DataOrder order = trainingData instanceof RandomAccessDataset randomAccess
                ? new DataOrder(runSeed, randomAccess.size(), batchSize, shuffle) : null;
        long perEpoch = order != null
                ? TrainingClock.ofBatches(order.batchesPerEpoch(), accumulation, Remainder.STEP).stepsPerEpoch()
                : stepsPerEpoch;
        long planned = length.plannedSteps(perEpoch);
        DataPlan dataPlan = new DataPlan(runSeed, batchSize, order != null ? order.size() : -1, accumulation);
        if (resumed != null) {
            checkOwner(resumed);
            checkSameData(resumed.data(), dataPlan);
            if (resumed.progress().step() > planned) {
                throw new IllegalArgumentException("the checkpoint is at step " + resumed.progress().step()
                        + " but this run plans only " + planned + " steps; give a length of at least "
                        + resumed.progress().step() + " steps");
            }
            optimizer.setPolicy(Resume.reconcile(resumed, optimizer.policy(), planned, resume.rule()));
        } else if (optimizer.step() != 0) {
            throw new IllegalStateException("the optimizer has already made " + optimizer.step() + " steps; give a "
                    + "fresh run a fresh optimizer (or call optimizer.reset()), or resume from a checkpoint");
        }
        Policy policy = optimizer.policy();
        if (checkpoints != null) {
            requireTextForm(policy);
        }
        optimizer.bind(block);
        if (resumed != null) {
            optimizer.restore(resumed.optimizerState());
        }
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer)
                .optDevices(new Device[] {device});
        try (Trainer trainer = model.newTrainer(config)) {
            Engine engine = trainer.getManager().getEngine();
            engine.setRandomSeed(Seeds.engineSeed(runSeed, Seeds.INITIALIZATION, 0));
            trainer.initialize(inputShapes);
            Position position = resumed == null ? new Position() : Position.of(resumed.progress());
            if (resumed != null) {
                resumed.weights().restoreInto(block);
            }
            double secondsBefore = resumed == null ? 0 : resumed.progress().seconds();
            Session session = new Session(trainer, engine, order, planned, perEpoch, dataPlan, startNanos,
                    secondsBefore);
            announce(listener -> listener.onStart(new RunStart(position.step, planned, perEpoch, policy)));
            try {
                TrainingSummary summary = session.train(position);
                announce(listener -> listener.onEnd(summary));
                return summary;
            } catch (RuntimeException | IOException | TranslateException | Error e) {
                for (TrainingRunListener listener : listeners) {
                    try {
                        listener.onFailure(e);
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }
    }

    private long resumedSeed(DataPlan recorded) {
        if (seedSet && recorded.seed() != seed) {
            throw new IllegalArgumentException("seed " + seed + " differs from the checkpoint's seed " + recorded.seed()
                    + "; a resumed run continues the recorded data order, so leave the seed unset (or set it to "
                    + recorded.seed() + ")");
        }
        return recorded.seed();
    }

    private void checkOwner(Checkpoint recorded) throws ForeignCheckpointException {
        if (!owner.isEmpty() && !recorded.owner().isEmpty() && !owner.equals(recorded.owner())) {
            throw new ForeignCheckpointException(resume.checkpoint() + " belongs to another run ("
                    + recorded.ownerText()
                    + "), not to this one (" + Checkpoint.ownerText(owner) + "); it is left as it is: "
                    + "resume from this run's own checkpoint, or checkpoint into another directory");
        }
    }

    private static void checkSameData(DataPlan recorded, DataPlan now) {
        if (recorded.accumulation() != now.accumulation()) {
            throw new IllegalArgumentException("the checkpoint was trained with " + recorded.accumulation()
                    + " batch(es) per optimizer step (gradient accumulation), this run has " + now.accumulation()
                    + "; resume with accumulateGradients(" + recorded.accumulation() + ") to continue the run");
        }
        if (recorded.batchSize() != now.batchSize() || recorded.datasetSize() != now.datasetSize()) {
            throw new IllegalArgumentException("the checkpoint was trained with batch size " + recorded.batchSize()
                    + " on " + recorded.datasetSize() + " examples, this run has batch size " + now.batchSize() + " on "
                    + now.datasetSize() + "; resume with the same data and batch size to continue the data order");
        }
    }

    private static void requireTextForm(Policy policy) {
        try {
            policy.fingerprint();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("checkpoints record the policy's spec and fingerprint, but this policy "
                    + "has no text form (" + e.getMessage() + "); build it from lrkit's schedules, or train without "
                    + "checkpoints", e);
        }
    }

    private void announce(java.util.function.Consumer<TrainingRunListener> event) {
        listeners.forEach(event);
    }

    /** Where the run stands; updated after every step. */
    private static final class Position {
        private long step;
        private long epoch;
        private long batchInEpoch;
        private double lossSum;
        private long lossSteps;
        private double lastLearningRate = Double.NaN;

        static Position of(TrainingProgress progress) {
            Position position = new Position();
            position.step = progress.step();
            position.epoch = progress.epoch();
            position.batchInEpoch = progress.batchInEpoch();
            position.lossSum = progress.epochLossSum();
            position.lossSteps = progress.epochLossSteps();
            return position;
        }
    }

    /** One session of training: the trainer and everything fixed for its duration. */
    private final class Session {
        private final Trainer trainer;
        private final Engine engine;
        private final DataOrder order;
        private final long planned;
        private final long perEpoch;
        private final DataPlan dataPlan;
        private final long startNanos;
        private final double secondsBefore;
        private final TrainingSteps steps;
        private final Optional<CycleStructure> cycles;
        private EpochResult lastEpoch;
        private EvaluationResult lastEvaluation;
        private Path lastCheckpoint;

        Session(Trainer trainer, Engine engine, DataOrder order, long planned, long perEpoch, DataPlan dataPlan,
                long startNanos, double secondsBefore) {
            this.trainer = trainer;
            this.engine = engine;
            this.order = order;
            this.planned = planned;
            this.perEpoch = perEpoch;
            this.dataPlan = dataPlan;
            this.startNanos = startNanos;
            this.secondsBefore = secondsBefore;
            TrainingSteps plain = new TrainingSteps(trainer, optimizer);
            this.steps = Double.isNaN(maxGradientNorm) ? plain : plain.clippingGradientNorm(maxGradientNorm);
            this.cycles = optimizer.policy().learningRate().cycles();
        }

        TrainingSummary train(Position position) throws IOException, TranslateException {
            while (position.step < planned) {
                boolean progressed = trainEpoch(position);
                if (!progressed) {
                    throw new IllegalStateException("the training dataset yielded no batches for epoch " + position.epoch);
                }
            }
            Optional<EvaluationResult> finalEvaluation = Optional.empty();
            Optional<EpochResult> partialEpoch = Optional.empty();
            if (validationData != null) {
                boolean atEpochEnd = lastEpoch != null && lastEpoch.step() == position.step;
                EvaluationResult evaluation = atEpochEnd ? lastEvaluation
                        : Evaluation.evaluate(trainer, validationData, evaluationBatchSize);
                finalEvaluation = Optional.of(evaluation);
                if (!atEpochEnd && position.batchInEpoch > 0) {
                    partialEpoch = Optional.of(new EpochResult(position.epoch, position.step,
                            position.lossSteps > 0 ? position.lossSum / position.lossSteps : Double.NaN,
                            evaluation.loss(), evaluation.accuracy(), position.lastLearningRate, seconds()));
                }
            }
            if (checkpoints != null && checkpoints.atEnd()) {
                writeCheckpoint(position);
            }
            return new TrainingSummary(position.step, position.epoch, seconds(), Optional.ofNullable(lastEpoch),
                    finalEvaluation, optimizer.policy(), Optional.ofNullable(lastCheckpoint), partialEpoch);
        }

        /** Trains on the rest of the current epoch, or until the plan ends; returns whether any step was made. */
        private boolean trainEpoch(Position position) throws IOException, TranslateException {
            boolean progressed = false;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                Iterator<Batch> batches = batchesFrom(scope, position);
                while (position.step < planned && batches.hasNext()) {
                    long seed = dataPlan.seed();
                    long step = position.step;
                    TrainingSteps.Accumulated accumulated = steps.accumulate(batches, accumulation,
                            index -> engine.setRandomSeed(index == 0 ? Seeds.engineSeed(seed, Seeds.ENGINE_STEP, step)
                                    : Seeds.engineSeed(Seeds.derive(seed, Seeds.ENGINE_STEP, step),
                                            Seeds.ACCUMULATED_BATCH, index)), true);
                    StepResult result = accumulated.result();
                    progressed = true;
                    position.step++;
                    position.batchInEpoch += accumulated.batches();
                    position.lossSum += result.loss();
                    position.lossSteps++;
                    position.lastLearningRate = result.learningRate();
                    long epoch = position.epoch;
                    announce(listener -> listener.onStep(epoch, result));
                    if (cycles.isPresent() && cycles.get().isCycleEnd(result.step())) {
                        CycleEnd end = new CycleEnd(result.step(), cycles.get().positionAt(result.step()).cycle());
                        announce(listener -> listener.onCycleEnd(end));
                    }
                    boolean epochEnded = !batches.hasNext();
                    if (epochEnded) {
                        finishEpoch(position);
                    }
                    if (checkpoints != null && (checkpoints.afterStep(position.step)
                            || (epochEnded && checkpoints.afterEpoch(position.epoch)))
                            && position.step < planned) {
                        writeCheckpoint(position);
                    }
                }
            }
            return progressed;
        }

        private void finishEpoch(Position position) throws IOException, TranslateException {
            EvaluationResult evaluation = validationData == null ? null
                    : Evaluation.evaluate(trainer, validationData, evaluationBatchSize);
            double trainLoss = position.lossSteps > 0 ? position.lossSum / position.lossSteps : Double.NaN;
            EpochResult result = new EpochResult(position.epoch, position.step, trainLoss,
                    evaluation == null ? Double.NaN : evaluation.loss(),
                    evaluation == null ? Double.NaN : evaluation.accuracy(), position.lastLearningRate, seconds());
            position.epoch++;
            position.batchInEpoch = 0;
            position.lossSum = 0;
            position.lossSteps = 0;
            lastEpoch = result;
            lastEvaluation = evaluation;
            announce(listener -> listener.onEpoch(result));
        }

        private Iterator<Batch> batchesFrom(NDManager scope, Position position) throws IOException, TranslateException {
            if (order != null) {
                return ((RandomAccessDataset) trainingData).getData(scope, order.sampler(position.epoch,
                        position.batchInEpoch)).iterator();
            }
            Iterator<Batch> batches = trainingData.getData(scope).iterator();
            for (long skip = 0; skip < position.batchInEpoch && batches.hasNext(); skip++) {
                batches.next().close();
            }
            return batches;
        }

        private void writeCheckpoint(Position position) throws IOException {
            Policy policy = optimizer.policy();
            TrainingProgress progress = new TrainingProgress(position.step, position.epoch, position.batchInEpoch,
                    planned, position.lossSum, position.lossSteps, seconds());
            Checkpoint checkpoint = new Checkpoint(policy.toSpec(), policy.fingerprint(), progress, dataPlan,
                    optimizer.describe(), ModelWeights.capture(model.getBlock()), optimizer.state(), owner);
            checkpoint.write(checkpoints.file());
            lastCheckpoint = checkpoints.file();
        }

        /** Training seconds over every session: those recorded in the checkpoint resumed from, and this one's. */
        private double seconds() {
            return secondsBefore + (System.nanoTime() - startNanos) / 1e9;
        }
    }

    /** Builds a {@link TrainingRun}; every setter checks its argument at once. */
    public static final class Builder {

        private final Model model;
        private final ScheduledOptimizer optimizer;
        private Loss loss = Loss.softmaxCrossEntropyLoss();
        private Dataset trainingData;
        private int batchSize;
        private Dataset validationData;
        private int evaluationBatchSize;
        private Shape[] inputShapes;
        private TrainingLength length;
        private long seed;
        private boolean seedSet;
        private boolean shuffle = true;
        private Device device;
        private long stepsPerEpoch = -1;
        private final List<TrainingRunListener> listeners = new ArrayList<>();
        private CheckpointSchedule checkpoints;
        private Resume resume;
        private final Map<String, String> owner = new LinkedHashMap<>();
        private int accumulation = 1;
        private double maxGradientNorm = Double.NaN;

        private Builder(Model model, ScheduledOptimizer optimizer) {
            this.model = Checks.notNull("model", model);
            this.optimizer = Checks.notNull("optimizer", optimizer);
            if (model.getBlock() == null) {
                throw new IllegalArgumentException("model has no block; call model.setBlock(block) first");
            }
        }

        /**
         * The loss; default softmax cross-entropy (classification with integer labels).
         *
         * @param loss the training and evaluation loss, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code loss} is null
         */
        public Builder loss(Loss loss) {
            this.loss = Checks.notNull("loss", loss);
            return this;
        }

        /**
         * The training set and the batch size ({@code > 0}). A {@link RandomAccessDataset} is batched by lrkit in
         * its seeded order; for other datasets the size is recorded and their own batches are used.
         *
         * @param dataset the training set, not null
         * @param batchSize examples per batch, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code dataset} is null or {@code batchSize <= 0}
         */
        public Builder trainingData(Dataset dataset, int batchSize) {
            this.trainingData = Checks.notNull("dataset", dataset);
            this.batchSize = (int) Checks.positive("batchSize", batchSize);
            return this;
        }

        /**
         * The validation set evaluated after each epoch (loss and top-1 accuracy); default none.
         *
         * @param dataset the validation set, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code dataset} is null
         */
        public Builder validationData(Dataset dataset) {
            this.validationData = Checks.notNull("dataset", dataset);
            return this;
        }

        /**
         * Examples per evaluation batch; default the training batch size.
         *
         * @param size examples per evaluation batch, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code size <= 0}
         */
        public Builder evaluationBatchSize(int size) {
            this.evaluationBatchSize = (int) Checks.positive("evaluationBatchSize", size);
            return this;
        }

        /**
         * The shapes of the model's inputs, batch dimension included, e.g. {@code new Shape(1, 3, 32, 32)}
         * (required).
         *
         * @param shapes one shape per input of the block, at least one, none null (copied)
         * @return this builder
         * @throws IllegalArgumentException if {@code shapes} is null, empty or holds a null shape
         */
        public Builder inputShapes(Shape... shapes) {
            Checks.notNull("shapes", shapes);
            if (shapes.length == 0) {
                throw new IllegalArgumentException("inputShapes must name at least one shape, e.g. new Shape(1, 784)");
            }
            for (int i = 0; i < shapes.length; i++) {
                Checks.notNull("shapes[" + i + "]", shapes[i]);
            }
            this.inputShapes = shapes.clone();
            return this;
        }

        /**
         * How long to train (required).
         *
         * @param length the run's length in epochs or optimizer steps, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code length} is null
         */
        public Builder length(TrainingLength length) {
            this.length = Checks.notNull("length", length);
            return this;
        }

        /**
         * The run's seed (data order, initialisation, engine randomness); default 0. A resumed run takes the
         * checkpoint's seed; setting another one makes it fail.
         *
         * @param seed the seed, any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            this.seedSet = true;
            return this;
        }

        /**
         * Whether to visit a random-access training set in a new random order each epoch; default true.
         *
         * @param shuffle true for a seeded random order each epoch, false for index order
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * The device to train on; default the model's device.
         *
         * @param device the one device to train on, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code device} is null
         */
        public Builder device(Device device) {
            this.device = Checks.notNull("device", device);
            return this;
        }

        /**
         * Optimizer steps per epoch ({@code > 0}), needed only to give a length in epochs for a dataset that is
         * not a {@link RandomAccessDataset}; under {@link #accumulateGradients} it counts optimizer steps, not
         * batches.
         *
         * @param steps optimizer steps per epoch, {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code steps <= 0}
         */
        public Builder stepsPerEpoch(long steps) {
            this.stepsPerEpoch = Checks.positive("stepsPerEpoch", steps);
            return this;
        }

        /**
         * Adds a listener; listeners are called in the order added.
         *
         * @param listener told of the run's start, steps, epochs, cycle ends, end and failure; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(TrainingRunListener listener) {
            listeners.add(Checks.notNull("listener", listener));
            return this;
        }

        /**
         * Writes checkpoints on this schedule; default none. The policy must then have a text form.
         *
         * @param schedule where and after which steps or epochs to write checkpoints, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code schedule} is null
         */
        public Builder checkpoints(CheckpointSchedule schedule) {
            this.checkpoints = Checks.notNull("schedule", schedule);
            return this;
        }

        /**
         * Whose run this is, as {@code key=value} pairs (keys without {@code =}, values on one line), e.g. a run id,
         * the dataset and the model: written into every checkpoint, and a checkpoint that records another owner is
         * refused on resuming ({@link org.lrkit.djl.checkpoint.ForeignCheckpointException}); one that records none
         * (written before lrkit recorded owners, or by a run without one) is accepted. Default none.
         *
         * @param pairs the owner's {@code key=value} pairs, in the order to record them (copied); not null
         * @return this builder
         * @throws IllegalArgumentException if {@code pairs} is null, a key is null or empty or contains {@code =}
         *     or a newline, or a value is null or contains a newline or carriage return
         */
        public Builder owner(Map<String, String> pairs) {
            Checks.notNull("owner", pairs);
            pairs.forEach((key, value) -> {
                if (key == null || key.isEmpty() || key.contains("=") || key.contains("\n") || value == null
                        || value.contains("\n") || value.contains("\r")) {
                    throw new IllegalArgumentException("owner entry '" + key + "=" + value + "' is not a key=value "
                            + "pair on one line; give keys without '=' and values without line breaks");
                }
            });
            owner.clear();
            owner.putAll(pairs);
            return this;
        }

        /**
         * Gradient accumulation: one optimizer step on the mean gradient of {@code batchesPerStep} consecutive
         * batches (see {@link TrainingSteps#step(List)}), so that batch {@code b} with {@code k} batches per
         * step trains like batch {@code k * b} in the memory of batch {@code b}. Steps follow
         * {@link TrainingClock#ofBatches} with {@link Remainder#STEP}: an epoch of {@code n} batches makes
         * {@code ceil(n / k)} optimizer steps (the last on the batches left), the policy and the length count
         * optimizer steps, each {@link StepResult} is one optimizer step (its loss the mean of its batches'),
         * and checkpoints fall between optimizer steps and record {@code k}, so that resuming with another
         * {@code k} is refused. For a dataset that is not a {@link RandomAccessDataset}, give
         * {@link #stepsPerEpoch} in optimizer steps. Default 1 (one batch per step).
         *
         * <pre>{@code builder.trainingData(train, 64).accumulateGradients(4)   // steps of 256 examples}</pre>
         *
         * @param batchesPerStep batches per optimizer step, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if {@code batchesPerStep < 1}
         */
        public Builder accumulateGradients(int batchesPerStep) {
            if (batchesPerStep < 1) {
                throw new IllegalArgumentException("batchesPerStep (gradient accumulation) must be >= 1, got "
                        + batchesPerStep + "; give 1 for one optimizer step per batch, k for one per k batches");
            }
            this.accumulation = batchesPerStep;
            return this;
        }

        /**
         * Clips the gradients before each update to a global L2 norm of at most {@code maxNorm}, as PyTorch's
         * {@code clip_grad_norm_} (see {@link TrainingSteps#clippingGradientNorm}); with accumulation, the mean
         * gradient of the step is clipped. Default: no clipping.
         *
         * <pre>{@code builder.clipGradientNorm(1.0)}</pre>
         *
         * @param maxNorm the largest norm of all trainable gradients together, finite and {@code > 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxNorm} is NaN, infinite or {@code <= 0}
         */
        public Builder clipGradientNorm(double maxNorm) {
            this.maxGradientNorm = TrainingSteps.checkMaxNorm(maxNorm);
            return this;
        }

        /**
         * Resumes from a checkpoint instead of starting afresh; default none.
         *
         * @param resume the checkpoint to resume from and the rule for a changed policy, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code resume} is null
         */
        public Builder resume(Resume resume) {
            this.resume = Checks.notNull("resume", resume);
            return this;
        }

        /**
         * The run.
         *
         * @return a run with these settings, ready to {@link TrainingRun#run()}
         * @throws IllegalArgumentException naming the first missing setting
         */
        public TrainingRun build() {
            if (trainingData == null) {
                throw new IllegalArgumentException("trainingData must be set: trainingData(dataset, batchSize)");
            }
            if (inputShapes == null) {
                throw new IllegalArgumentException("inputShapes must be set, e.g. inputShapes(new Shape(1, 784))");
            }
            if (length == null) {
                throw new IllegalArgumentException("length must be set: TrainingLength.epochs(n) or .steps(n)");
            }
            return new TrainingRun(this);
        }
    }
}
