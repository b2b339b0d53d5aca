package dev.aidigest.llm;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX BERT encoder session that runs whole padded batches and keeps only the [CLS] hidden state
 * of each row. onnxruntime's {@code run} is thread-safe, so one instance serves every caller.
 */
final class OnnxBertEncoder implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final boolean wantsTypeIds;

    OnnxBertEncoder(byte[] model, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OptLevel.ALL_OPT);
            // idle pool threads otherwise spin for work; on 2 shared cores that burnt half the CPU (EmbedBench)
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(model, options);
        }
        wantsTypeIds = session.getInputNames().contains("token_type_ids");
    }

    /**
     * The [CLS] vector (unnormalised) of each token sequence. Rows are right-padded to the longest one
     * and masked, so a row's vector does not depend on its neighbours beyond rounding.
     */
    float[][] cls(List<long[]> rows) throws OrtException {
        int width = 0;
        for (long[] row : rows) {
            width = Math.max(width, row.length);
        }
        long[] ids = new long[rows.size() * width];
        long[] mask = new long[ids.length];
        for (int r = 0; r < rows.size(); r++) {
            long[] row = rows.get(r);
            System.arraycopy(row, 0, ids, r * width, row.length);
            Arrays.fill(mask, r * width, r * width + row.length, 1L);
        }
        long[] shape = {rows.size(), width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put(
                        "token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return firstTokens((OnnxTensor) result.get(0), rows.size(), width);
            }
        } finally {
            OnnxValue.close(inputs);
        }
    }

    /** last_hidden_state is [rows, width, dims]; [CLS] is position 0 of each row. */
    private static float[][] firstTokens(OnnxTensor hidden, int rows, int width) {
        int dims = (int) hidden.getInfo().getShape()[2];
        FloatBuffer all = hidden.getFloatBuffer();
        float[][] out = new float[rows][dims];
        for (int r = 0; r < rows; r++) {
            all.get(r * width * dims, out[r]);
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
