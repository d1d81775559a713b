/**
 * Checkpoints of a training run and resuming from them: the binary container (magic number, format
 * version, length-prefixed sections with CRC32, SHA-256 of the whole), atomic writes (a crash mid-write
 * leaves the previous file intact), the full training state (weights with BatchNorm statistics, optimizer
 * buffers and counters, policy spec and fingerprint, step, seed and data position) and the rules for
 * resuming under a different policy ({@link org.lrkit.schedule.Elastic.Rule}).
 */
package org.lrkit.djl.checkpoint;
