/**
 * Starting DJL's PyTorch engine the lrkit way: offline by default (no download, no usage telemetry), with
 * thread counts, the native-library cache directory and the device ({@code cpu} or {@code gpu}) chosen
 * explicitly before the engine loads.
 */
package org.lrkit.djl.engine;
