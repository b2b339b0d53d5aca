package dev.aidigest.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Embedding vectors as stored: float32, little-endian, in a BYTEA column. */
final class Vectors {
    private Vectors() {}

    static byte[] toBytes(float[] v) {
        if (v == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
