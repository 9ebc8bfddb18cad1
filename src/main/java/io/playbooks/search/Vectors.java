package io.playbooks.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/** Small vector arithmetic and the text form in which embeddings are kept in the database. */
final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to length 1 (a zero vector stays zero), so that a dot product is the cosine. */
    static float[] unit(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        float[] unit = vector.clone();
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < unit.length; i++) {
                unit[i] *= scale;
            }
        }
        return unit;
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Base64 of the little-endian float32 values. */
    static String encode(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** @throws IllegalArgumentException when the text is not base64 of {@code dimensions} float32 values */
    static float[] decode(String text, int dimensions) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length != dimensions * Float.BYTES) {
            throw new IllegalArgumentException("a stored embedding holds " + bytes.length + " bytes, not "
                    + dimensions * Float.BYTES + " for " + dimensions + " dimensions");
        }
        float[] vector = new float[dimensions];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
