package io.playbooks.playbook;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.emitter.Emitter;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * One YAML document written as SnakeYAML events, with the scalar styles Jackson's YAML generator asks for
 * (literal block style on, line splitting off): keys plain unless Jackson's quoting checker wants them quoted,
 * strings double-quoted or, when multi-line, literal blocks; numbers and booleans plain. SnakeYAML's emitter
 * still decides how each scalar is written (escapes, block indicators, and a fallback to quotes when a literal
 * block cannot hold the text), so the document is byte for byte what the Jackson YAML mapper writes for the same
 * values, without its reflection and serializer layers.
 */
final class YamlEvents {

    private static final ImplicitTuple NO_TAGS = new ImplicitTuple(true, true);
    private static final StringQuotingChecker QUOTING = StringQuotingChecker.Default.instance();
    /** Read by each emitter's constructor and never changed, so one serves every document. */
    private static final DumperOptions OPTIONS = options();

    private final TextWriter text = new TextWriter();
    private final Emitter emitter = new Emitter(text, OPTIONS);

    YamlEvents() {
        emit(new StreamStartEvent(null, null));
        emit(new DocumentStartEvent(null, null, false, null, Map.of()));
    }

    private static DumperOptions options() {
        DumperOptions options = new DumperOptions();
        options.setCanonical(false);
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setSplitLines(false);
        return options;
    }

    YamlEvents startMapping() {
        return emit(new MappingStartEvent(null, null, true, null, null, DumperOptions.FlowStyle.BLOCK));
    }

    YamlEvents endMapping() {
        return emit(new MappingEndEvent(null, null));
    }

    YamlEvents startSequence() {
        return emit(new SequenceStartEvent(null, null, true, null, null, DumperOptions.FlowStyle.BLOCK));
    }

    YamlEvents endSequence() {
        return emit(new SequenceEndEvent(null, null));
    }

    YamlEvents key(String name) {
        return scalar(name, QUOTING.needToQuoteName(name) ? DumperOptions.ScalarStyle.DOUBLE_QUOTED
                : DumperOptions.ScalarStyle.PLAIN);
    }

    /** Text; null is written as Jackson writes it, a plain {@code null}. */
    YamlEvents string(String value) {
        if (value == null) {
            return plain(null);
        }
        return scalar(value, value.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL
                : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /** A number, a boolean or null, as Jackson writes them: their Java text, plain. */
    YamlEvents plain(Object value) {
        return scalar(String.valueOf(value), DumperOptions.ScalarStyle.PLAIN);
    }

    /** Ends the document and returns it. */
    String finish() {
        emit(new DocumentEndEvent(null, null, false));
        emit(new StreamEndEvent(null, null));
        return text.toString();
    }

    private YamlEvents scalar(String value, DumperOptions.ScalarStyle style) {
        return emit(new ScalarEvent(null, null, NO_TAGS, value, null, null, style));
    }

    private YamlEvents emit(Event event) {
        try {
            emitter.emit(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write YAML", e);
        }
        return this;
    }

    /** A writer into a StringBuilder: the emitter writes many short pieces, and StringWriter locks for each. */
    private static final class TextWriter extends Writer {

        private final StringBuilder text = new StringBuilder(2048);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
