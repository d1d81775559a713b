/**
 * The networks of the learning-rate papers as DJL blocks, by name from {@link org.lrkit.vision.model.Models}:
 * an MLP, Caffe's LeNet-5 and {@code cifar10_full}, the CIFAR ResNets of He et al., Page's DAWNBench ResNet-9,
 * wide ResNets and a small Fashion-MNIST CNN; {@link org.lrkit.vision.model.ParameterCount} counts their
 * trainable parameters.
 */
package org.lrkit.vision.model;
