package org.lrkit.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The training-loop options of the commands that train full runs ({@code train}, {@code compare}, {@code demo}):
 * {@code --accumulate}, {@code --clip-norm} and {@code --layer-rates}, mixed in with {@code @Mixin} by
 * {@link RunOptions} and recorded in the run's {@code config.json}, so that {@code --resume} keeps them.
 */
public final class LoopOptions {

    /** Batches per optimizer step. */
    @Option(names = "--accumulate", paramLabel = "K", defaultValue = "1",
            description = "Gradient accumulation: one optimizer step on the mean gradient of K batches (1: one step"
                    + " per batch); steps per epoch, policies and checkpoints count optimizer steps.")
    int accumulate;

    /** The gradient-norm limit, or {@code null} for none. */
    @Option(names = "--clip-norm", paramLabel = "X",
            description = "Clip the gradients to a global L2 norm of at most X before each update, as PyTorch's"
                    + " clip_grad_norm_ (default: no clipping).")
    Double clipNorm;

    /** {@code PREFIX=MULT[,PREFIX=MULT...]} as typed, or {@code null}. */
    @Option(names = "--layer-rates", paramLabel = "PREFIX=MULT[,...]",
            description = "Discriminative learning rates: parameters whose name starts with PREFIX train at MULT"
                    + " times the policy's rate (0 freezes them), e.g. 01=0.1,02=0.5; the longest prefix wins.")
    String layerRates;

    /**
     * The gradient-norm limit, 0 for none.
     *
     * @throws IllegalArgumentException naming {@code --clip-norm} if it is not a finite number {@code > 0}
     */
    double clipNorm() {
        return clipNorm(clipNorm);
    }

    static double clipNorm(Double value) {
        if (value == null) {
            return 0.0;
        }
        if (!(value > 0) || value.isInfinite()) {
            throw new IllegalArgumentException("--clip-norm must be a finite number > 0, got " + value
                    + "; give the largest global gradient norm, e.g. 1.0, or leave the option out");
        }
        return value;
    }

    /**
     * The layer rates in the order given, empty without {@code --layer-rates}.
     *
     * @throws IllegalArgumentException naming {@code --layer-rates} and the pair that is not {@code PREFIX=MULT}
     */
    Map<String, Double> layerRates() {
        return parseLayerRates(layerRates);
    }

    static Map<String, Double> parseLayerRates(String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String item = pair.strip();
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--layer-rates: '" + item + "' is not PREFIX=MULT; give pairs "
                        + "separated by commas, e.g. --layer-rates 01=0.1,02=0.5");
            }
            String prefix = item.substring(0, equals).strip();
            String number = item.substring(equals + 1).strip();
            double multiplier;
            try {
                multiplier = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layer-rates: the multiplier of '" + prefix + "' is '" + number
                        + "', not a number; give e.g. " + prefix + "=0.1", e);
            }
            if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("--layer-rates: the multiplier of '" + prefix + "' must be a finite"
                        + " number >= 0, got " + number + "; give e.g. " + prefix + "=0.1 (0 freezes those weights)");
            }
            if (rates.put(prefix, multiplier) != null) {
                throw new IllegalArgumentException("--layer-rates gives prefix '" + prefix + "' twice; give each "
                        + "prefix once");
            }
        }
        return Collections.unmodifiableMap(rates);
    }
}
