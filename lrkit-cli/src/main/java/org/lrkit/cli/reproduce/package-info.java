/**
 * {@code lrkit reproduce}: the papers' experiments as declared, versioned plans, checked against the papers'
 * claims. Two kinds ({@link org.lrkit.cli.reproduce.CatalogExperiment}).
 *
 * <p>Policy comparisons, run on the machinery of {@code compare}: {@link
 * org.lrkit.cli.reproduce.ExperimentCatalog} holds the experiments ({@link
 * org.lrkit.cli.reproduce.PaperExperiment}: paper, {@link org.lrkit.cli.reproduce.Claim claims} and a {@link
 * org.lrkit.cli.reproduce.ScaledPlan} per {@link org.lrkit.cli.reproduce.Scale}, whose policies are {@link
 * org.lrkit.cli.reproduce.PlannedPolicy planned policies} with specs that may count in epochs, {@link
 * org.lrkit.cli.reproduce.SpecTemplate}). A plan becomes an {@code Experiment.Request}; after the runs, {@link
 * org.lrkit.cli.reproduce.ReproductionAnalysis} reads the run directory into {@link
 * org.lrkit.cli.reproduce.PolicyOutcome outcomes}, checks each claim ({@link org.lrkit.cli.reproduce.ClaimCheck},
 * one {@link org.lrkit.cli.reproduce.ReproductionRow} each), draws SGDR's {@link
 * org.lrkit.cli.reproduce.AnytimeCurve anytime curves} and evaluates the {@link
 * org.lrkit.cli.reproduce.SnapshotEnsembles snapshot ensembles}; {@link
 * org.lrkit.cli.reproduce.ReproductionReport} writes {@code reproduction.json} and {@code reproduction.md}.
 *
 * <p>Estimates, run on the machinery of {@code estimate} ({@link org.lrkit.cli.estimate}): an {@link
 * org.lrkit.cli.reproduce.EstimateExperiment} has an {@link org.lrkit.cli.reproduce.EstimateClaim} (a range the
 * paper reports) and an {@link org.lrkit.cli.reproduce.EstimatePlan} per scale; {@link
 * org.lrkit.cli.reproduce.EstimateReproductionRunner} trains each seed and summarizes it ({@link
 * org.lrkit.cli.reproduce.EstimateOutcome}), {@link org.lrkit.cli.reproduce.EstimateCheck} reads the verdict, and
 * {@link org.lrkit.cli.reproduce.EstimateReproductionReport} writes the row of the {@link
 * org.lrkit.cli.reproduce.EstimateReproduction} into the same two files.
 */
package org.lrkit.cli.reproduce;
