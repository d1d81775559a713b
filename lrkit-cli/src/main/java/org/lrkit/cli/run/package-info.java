/**
 * Full training runs for {@code lrkit train}, {@code compare} and {@code demo}: {@link
 * org.lrkit.cli.run.Workbench} (engine, data, models, optimizers), {@link org.lrkit.cli.run.PolicyRequest}
 * ({@code --policy}: spec, {@code @file} or {@code auto}), {@link org.lrkit.cli.run.RangeFinder} (the range
 * test behind {@code auto}) and {@link org.lrkit.cli.run.Experiment}, which trains every policy and seed into a
 * run directory ({@code config.json}, {@code summary.json}, metrics, checkpoints), resumes it, and on Ctrl-C
 * keeps the last checkpoint and says how to continue.
 */
package org.lrkit.cli.run;
