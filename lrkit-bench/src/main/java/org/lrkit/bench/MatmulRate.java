package org.lrkit.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.experiment.report.Json;

/**
 * The machine's dense FP32 matrix-product rate through the engine lrkit trains with: the practical ceiling
 * that training throughput is read against. For each size {@code n}, two random {@code n x n} matrices are
 * multiplied repeatedly (three untimed products first, then at least one second of them) and the rate is
 * {@code 2 n^3} operations per product.
 *
 * <pre>
 * java -cp lrkit-bench/target/benchmarks.jar:&lt;pytorch-native-cpu jar&gt; org.lrkit.bench.MatmulRate --threads 2
 * </pre>
 *
 * Prints one JSON object: {@code {"framework": "lrkit", "threads": 2, "gflops": {"512": ..., ...}}}.
 */
public final class MatmulRate {

    private MatmulRate() {
    }

    /** Runs the measurement; options {@code --threads N --sizes 512,1024,2048}. */
    public static void main(String[] args) {
        Options options = Options.parse(args, "--threads", "--sizes");
        int threads = options.positive("--threads", Runtime.getRuntime().availableProcessors());
        Engines.start(EngineSettings.defaults().withThreads(threads, 1));
        Map<String, Object> rates = new LinkedHashMap<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int n : options.positiveList("--sizes", java.util.List.of(512, 1024, 2048))) {
                rates.put(Integer.toString(n), gflops(manager, n));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("framework", "lrkit");
        result.put("version", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        result.put("threads", threads);
        result.put("gflops", rates);
        System.out.print(Json.write(result));
    }

    private static double gflops(NDManager manager, int n) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new Shape(n, n));
            NDArray b = scope.randomNormal(new Shape(n, n));
            for (int i = 0; i < 3; i++) {
                a.matMul(b).close();
            }
            long start = System.nanoTime();
            long products = 0;
            double seconds;
            do {
                a.matMul(b).close();
                products++;
                seconds = (System.nanoTime() - start) / 1e9;
            } while (seconds < 1.0);
            return 2.0 * n * n * n * products / seconds / 1e9;
        }
    }
}
