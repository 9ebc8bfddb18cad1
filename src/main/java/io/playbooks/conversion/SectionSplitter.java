package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a parsed page into sections by its headings. Layouts (ac:layout, sections, cells), plain divs, quotes of
 * blocks (migrated wikis indent with them) and
 * container macros (expand, panel, details...) are unwrapped first, so their content counts as if it stood in
 * the page directly. A heading naming a kind (Prerequisites, Rollback, See also...) gives it to the deeper
 * headings under it; a numbered heading makes its whole part of the page, deeper headings included, one step.
 */
final class SectionSplitter {

    private static final Set<String> WRAPPERS = Set.of("ac:layout", "ac:layout-section", "ac:layout-cell", "div",
            "section", "article", "main", "body", "ac:rich-text-body", "ac:confluence");

    private SectionSplitter() {
    }

    static List<Section> split(Element root) {
        List<Element> blocks = new ArrayList<>();
        unwrap(root, blocks);
        return new Splitting().run(blocks);
    }

    /** The block-level elements of a container, containers unwrapped, in document order. */
    static void unwrap(Element container, List<Element> blocks) {
        for (Element child = container.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (WRAPPERS.contains(child.tagName()) || isQuotedBlocks(child)) {
                unwrap(child, blocks);
            } else if (Macros.isTransparent(child) || holdsAProcedure(child)) {
                Element body = Macros.richBody(child);
                if (body != null) {
                    numberedTitle(child).ifPresent(blocks::add);
                    unwrap(body, blocks);
                }
            } else {
                blocks.add(child);
            }
        }
    }

    /**
     * An expand titled as a numbered step ("2. Fail over") is that step, its body the step's content: a heading of the
     * lowest level stands for the title, so that the expand's own headings and the next step's title end it.
     */
    private static Optional<Element> numberedTitle(Element macro) {
        String name = Macros.name(macro);
        if (!name.equals("expand") && !name.equals("ui-expand")) {
            return Optional.empty();
        }
        String title = Macros.parameter(macro, "title");
        return NumberedHeading.title(title).isPresent() ? Optional.of(new Element("h6").text(title)) : Optional.empty();
    }

    /** A quote holding blocks only: migrated wikis indent whole lists with it. A quote of words stays a block. */
    private static boolean isQuotedBlocks(Element element) {
        if (!element.tagName().equals("blockquote")) {
            return false;
        }
        for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * An info, note or tip panel standing in the page with a list of steps in it is a panel around the procedure (as
     * expand and panel macros are); one inside a step stays that step's note.
     */
    private static boolean holdsAProcedure(Element block) {
        // a warning's list says what goes wrong ("1. All sessions are dropped"), not what to do
        if (!Macros.isMacro(block) || !Macros.isNote(Macros.name(block))) {
            return false;
        }
        Element body = Macros.richBody(block);
        if (body == null) {
            return false;
        }
        for (Element child = body.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ol") || child.tagName().equals("ac:task-list")) {
                return true;
            }
        }
        return false;
    }

    static int headingLevel(Element element) {
        String tag = element.tagName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    private static List<Element> commandsIn(Element heading) {
        return ElementsByTag.in(heading, "code"::equals).stream()
                .filter(code -> CommandRecognizer.isCommand(code.wholeText().strip())).toList();
    }

    /** The title up to the command it names ("Run ./reindex.sh" gives "Run"), or the whole title. */
    private static String before(String title, String command) {
        int at = title.indexOf(command);
        int end = at < 0 ? title.length() : at;
        while (end > 0 && " :,;-\u2013\u2014".indexOf(title.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == 0 ? title : title.substring(0, end);
    }

    /** One pass over the blocks, keeping the kinds that enclosing headings opened. */
    private static final class Splitting {
        private record Opened(int level, SectionKind kind) {
        }

        private final Deque<Opened> opened = new ArrayDeque<>();
        private final List<Section> sections = new ArrayList<>();
        private String heading;
        private SectionKind kind = SectionKind.PROCEDURE;
        private String stepTitle;
        private List<Element> titleCommands = List.of();
        private int stepLevel;
        private List<Element> current = new ArrayList<>();

        List<Section> run(List<Element> blocks) {
            for (Element block : blocks) {
                int level = headingLevel(block);
                if (level == 0 || (stepTitle != null && level > stepLevel)) {
                    current.add(block);
                } else {
                    close();
                    open(block, level);
                }
            }
            close();
            return sections;
        }

        private void open(Element newHeading, int level) {
            while (!opened.isEmpty() && opened.peek().level() >= level) {
                opened.pop();
            }
            String text = PlainText.of(newHeading);
            String numbered = NumberedHeading.title(text).orElse(null);
            SectionKind named = numbered != null ? SectionKind.ofNumbered(numbered) : SectionKind.of(text);
            stepTitle = named == null ? numbered : null;
            titleCommands = stepTitle == null ? List.of() : commandsIn(newHeading);
            if (!titleCommands.isEmpty()) {
                stepTitle = before(stepTitle, PlainText.of(titleCommands.get(0)));
            }
            if (named != null) {
                opened.push(new Opened(level, named));
            }
            kind = opened.isEmpty() ? SectionKind.PROCEDURE : opened.peek().kind();
            stepLevel = level;
            heading = text;
        }

        private void close() {
            if (heading != null || !current.isEmpty()) {
                sections.add(new Section(heading, kind, stepTitle, titleCommands, List.copyOf(current)));
            }
            current = new ArrayList<>();
        }
    }
}
