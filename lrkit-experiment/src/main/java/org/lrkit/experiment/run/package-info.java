/**
 * Full training runs for {@code lrkit train}, {@code compare} and {@code demo}: {@link
 * org.lrkit.experiment.run.Workbench} (engine, data, models, optimizers), {@link
 * org.lrkit.experiment.run.PolicyRequest} ({@code --policy}: spec, {@code @file} or {@code auto}), {@link
 * org.lrkit.experiment.run.RangeFinder} (the range test behind {@code auto}) and {@link
 * org.lrkit.experiment.run.Experiment}, which trains every policy and seed into a run directory ({@code
 * config.json}, {@code summary.json}, metrics, checkpoints), resumes it, and on Ctrl-C keeps the last checkpoint
 * and says how to continue.
 */
package org.lrkit.experiment.run;
