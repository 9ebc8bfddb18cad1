package io.playbooks.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.playbooks.conversion.Conversion;
import io.playbooks.conversion.PageConverter;
import io.playbooks.page.OfflinePageReader;
import io.playbooks.page.SourcePage;
import io.playbooks.page.UnreadablePageException;
import io.playbooks.profile.ProfileDocuments;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code convert [--format yaml|json] [--title T] [--space KEY] [--labels a,b] FILE.xhtml} prints one playbook
 * (exit 0), or says on stderr why the page is not one (exit 3) or cannot be read (exit 2).
 * {@code convert [--format json|yaml] --out OUTDIR INDIR} converts every NAME.xhtml of INDIR (with its optional
 * NAME.meta.json) to OUTDIR/NAME.json (or NAME.yaml); a bad file gets a one-line reason on stderr and does not
 * stop the others (exit 2 at the end when any file could not be read). {@code --profile FILE} converts with a
 * detection profile exported by {@code GET /api/v1/confluence/profile} (its threshold as written: the learned
 * threshold needs the service's evidence) instead of the built-in one.
 */
public class ConvertCommand {

    static final int OK = 0;
    static final int UNREADABLE = 2;
    static final int NOT_A_PLAYBOOK = 3;
    private static final String USAGE = "usage: convert [--format yaml|json] [--title T] [--space KEY] [--labels a,b]"
            + " [--profile PROFILE.json] FILE.xhtml | convert [--format json|yaml] [--profile PROFILE.json] --out OUTDIR INDIR";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;
    private final PageConverter converter;
    private final OfflinePageReader reader = new OfflinePageReader();

    public ConvertCommand(PrintStream out, PrintStream err) {
        this(out, err, new PageConverter());
    }

    public ConvertCommand(PrintStream out, PrintStream err, PageConverter converter) {
        this.out = out;
        this.err = err;
        this.converter = converter;
    }

    public int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("convert: " + e.getMessage());
            err.println(USAGE);
            return UNREADABLE;
        }
        PageConverter converter;
        try {
            converter = options.profile() == null ? this.converter
                    : new PageConverter(ProfileDocuments.read(options.profile()).profile());
        } catch (IllegalArgumentException e) {
            err.println("convert: --profile " + e.getMessage());
            return UNREADABLE;
        }
        return options.outDir() == null ? convertFile(options, converter) : convertFolder(options, converter);
    }

    private int convertFile(Options options, PageConverter converter) {
        SourcePage page;
        try {
            page = options.override(reader.read(options.input()));
        } catch (UnreadablePageException e) {
            err.println("convert: " + e.getMessage());
            return UNREADABLE;
        }
        Conversion conversion = convert(converter, page);
        if (conversion.unreadable()) {
            err.println("convert: " + options.input() + ": " + conversion.problems().get(0));
            return UNREADABLE;
        }
        if (options.json()) {
            out.println(json(ConversionReport.of(conversion)));
        } else if (conversion.hasPlaybook()) {
            out.print(conversion.yaml());
        }
        if (conversion.hasPlaybook()) {
            return OK;
        }
        err.println("convert: " + options.input() + ": not a playbook (score "
                + conversion.detection().score() + ")");
        conversion.detection().reasons().forEach(reason -> err.println("  " + reason));
        conversion.problems().forEach(problem -> err.println("  problem: " + problem));
        return NOT_A_PLAYBOOK;
    }

    private int convertFolder(Options options, PageConverter converter) {
        List<Path> pages;
        try {
            pages = reader.pageFiles(options.input());
            Files.createDirectories(options.outDir());
        } catch (UnreadablePageException e) {
            err.println("convert: " + e.getMessage());
            return UNREADABLE;
        } catch (IOException e) {
            err.println("convert: " + options.outDir() + ": cannot create the output folder (" + e.getMessage() + ")");
            return UNREADABLE;
        }
        int unreadable = 0;
        for (Path file : pages) {
            String name = OfflinePageReader.pageName(file);
            ConversionReport report;
            Conversion conversion = null;
            try {
                conversion = convert(converter, reader.read(file));
                report = ConversionReport.of(conversion);
                if (conversion.unreadable()) {
                    err.println("convert: " + file + ": " + conversion.problems().get(0));
                    unreadable++;
                }
            } catch (UnreadablePageException e) {
                err.println("convert: " + e.getMessage());
                report = ConversionReport.unreadable(e.getMessage());
                unreadable++;
            }
            try {
                if (options.json()) {
                    Files.writeString(options.outDir().resolve(name + ".json"), json(report) + "\n", StandardCharsets.UTF_8);
                } else if (conversion != null && conversion.hasPlaybook()) {
                    Files.writeString(options.outDir().resolve(name + ".yaml"), conversion.yaml(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                err.println("convert: " + options.outDir().resolve(name) + ": cannot write (" + e.getMessage() + ")");
                unreadable++;
            }
        }
        return unreadable == 0 ? OK : UNREADABLE;
    }

    /** A converter failure on one page is that page's one-line reason: the other pages of a folder are converted. */
    private static Conversion convert(PageConverter converter, SourcePage page) {
        try {
            return converter.convert(page);
        } catch (RuntimeException e) {
            return Conversion.unreadable(page, "the converter failed on this page (" + e + ")");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a conversion report always serializes", e);
        }
    }

    /** The parsed command line. */
    record Options(boolean json, String title, String space, List<String> labels, Path outDir, Path input, Path profile) {

        static Options parse(String[] args) {
            String format = "yaml";
            String title = null;
            String space = null;
            List<String> labels = null;
            Path outDir = null;
            Path input = null;
            Path profile = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--format" -> format = value(args, ++i, arg);
                    case "--title" -> title = value(args, ++i, arg);
                    case "--space" -> space = value(args, ++i, arg);
                    case "--labels" -> labels = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::trim).filter(label -> !label.isEmpty()).toList();
                    case "--out" -> outDir = Path.of(value(args, ++i, arg));
                    case "--profile" -> profile = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        if (input != null) {
                            throw new IllegalArgumentException("one input only, got " + input + " and " + arg);
                        }
                        input = Path.of(arg);
                    }
                }
            }
            if (!format.equals("yaml") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be yaml or json, not " + format);
            }
            if (input == null) {
                throw new IllegalArgumentException("no input file or folder given");
            }
            return new Options(format.equals("json"), title, space, labels, outDir, input, profile);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        /** The page with the title, space and labels given on the command line in place of its own. */
        SourcePage override(SourcePage page) {
            List<String> pageLabels = labels == null ? page.labels() : new ArrayList<>(labels);
            return new SourcePage(page.id(), space == null ? page.spaceKey() : space, title == null ? page.title() : title,
                    pageLabels, page.version(), page.storageBody(), page.webUrl(), page.lastModified(), page.attachments());
        }
    }
}
