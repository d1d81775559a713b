/**
 * Snapshot ensembles (Huang et al. 2017; Loshchilov &amp; Hutter 2017, section 4.2): save the model at the end
 * of each cycle of a cyclic policy, then predict with the last M snapshots by averaging their softmax
 * outputs (prediction averaging, not weight averaging), and compare single-model and ensemble accuracy.
 */
package org.lrkit.djl.ensemble;
