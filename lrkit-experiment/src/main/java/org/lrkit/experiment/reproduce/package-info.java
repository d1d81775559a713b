/**
 * {@code lrkit reproduce}: the papers' experiments as declared, versioned plans, checked against the papers'
 * claims. Two kinds ({@link org.lrkit.experiment.reproduce.CatalogExperiment}).
 *
 * <p>Policy comparisons, run on the machinery of {@code compare}: {@link
 * org.lrkit.experiment.reproduce.ExperimentCatalog} holds the experiments ({@link
 * org.lrkit.experiment.reproduce.PaperExperiment}: paper, {@link org.lrkit.experiment.reproduce.Claim claims} and
 * a {@link org.lrkit.experiment.reproduce.ScaledPlan} per {@link org.lrkit.experiment.reproduce.Scale}, whose
 * policies are {@link org.lrkit.experiment.reproduce.PlannedPolicy planned policies} with specs that may count in
 * epochs, {@link org.lrkit.experiment.reproduce.SpecTemplate}). A plan becomes an {@code ExperimentRequest};
 * after the runs, {@link org.lrkit.experiment.reproduce.ReproductionAnalysis} reads the run directory into {@link
 * org.lrkit.experiment.reproduce.PolicyOutcome outcomes}, checks each claim ({@link
 * org.lrkit.experiment.reproduce.ClaimCheck}, one {@link org.lrkit.experiment.reproduce.ReproductionRow} each),
 * draws SGDR's {@link org.lrkit.experiment.reproduce.AnytimeCurve anytime curves} and evaluates the {@link
 * org.lrkit.experiment.reproduce.SnapshotEnsembles snapshot ensembles}; {@link
 * org.lrkit.experiment.reproduce.ReproductionReport} writes {@code reproduction.json} and {@code
 * reproduction.md}.
 *
 * <p>Estimates, run on the machinery of {@code estimate} ({@link org.lrkit.experiment.estimate}): an {@link
 * org.lrkit.experiment.reproduce.EstimateExperiment} has an {@link org.lrkit.experiment.reproduce.EstimateClaim}
 * (a range the paper reports) and an {@link org.lrkit.experiment.reproduce.EstimatePlan} per scale; {@link
 * org.lrkit.experiment.reproduce.EstimateReproductionRunner} trains each seed and summarizes it ({@link
 * org.lrkit.experiment.reproduce.EstimateOutcome}), {@link org.lrkit.experiment.reproduce.EstimateCheck} reads
 * the verdict, and {@link org.lrkit.experiment.reproduce.EstimateReproductionReport} writes the row of the {@link
 * org.lrkit.experiment.reproduce.EstimateReproduction} into the same two files.
 */
package org.lrkit.experiment.reproduce;
