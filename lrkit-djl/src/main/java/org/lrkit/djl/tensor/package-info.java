/**
 * Host-side copies of DJL arrays and of a model's parameters: the exact bytes, data type and shape, so that
 * checkpoints, snapshots and optimizer states restore bit for bit.
 */
package org.lrkit.djl.tensor;
