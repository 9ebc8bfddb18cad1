package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
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

    /** Where a section that an expand holds ends: what follows is in the section around the expand again. */
    private static final String SECTION_END = "section-end";
    /**
     * Marks the heading that stands for a numbered paragraph: a level below the lowest, so that it stays inside a
     * section a bold name or an expand title opened ("**Rollback:**" then "1) Start the warmer again").
     */
    private static final String NUMBERED_PARAGRAPH = "data-numbered-paragraph";
    private static final int NUMBERED_PARAGRAPH_LEVEL = 7;
    private static final Set<String> TITLED_CONTAINERS = Set.of("expand", "ui-expand", "panel");
    /** Marks the heading that stands for an expand's title, which a {@link #SECTION_END} follows. */
    private static final String EXPAND_TITLE = "data-expand-title";
    /** The most words a bold paragraph or an expand title has when it names a section rather than says something. */
    private static final int SECTION_NAME_WORDS = 4;
    /** The level of the heading that stands for an expand's or a bold paragraph's section name: the lowest. */
    private static final int SECTION_END_LEVEL = 6;

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
            } else if (holdsASectionHeading(child)) {
                // its heading stands for a section that ends with the panel, as an expand's title does
                List<Element> inside = new ArrayList<>();
                unwrap(Macros.richBody(child), inside);
                for (Element block : inside) {
                    blocks.add(headingLevel(block) > 0 ? new Element("h6").attr(EXPAND_TITLE, "").text(PlainText.of(block)) : block);
                }
                blocks.add(new Element(SECTION_END));
            } else if (Macros.isTransparent(child) || holdsAProcedure(child) || opensASection(child)) {
                Element body = Macros.richBody(child);
                if (body == null) {
                    continue;
                }
                Optional<Element> namedSection = sectionTitle(child);
                if (namedSection.isPresent()) {
                    blocks.add(namedSection.get());
                    unwrap(body, blocks);
                    blocks.add(new Element(SECTION_END));
                } else {
                    numberedTitle(child, body).ifPresent(blocks::add);
                    unwrap(body, blocks);
                }
            } else if (isBoldSectionName(child)) {
                blocks.add(new Element("h6").text(PlainText.of(child)));
            } else if (!(holdsALineBreak(child) && addedNumberedLines(child, blocks))) {
                blocks.add(isNumberedStep(child) ? asHeading(child) : child);
            }
        }
    }

    /**
     * An expand titled as a section ("Prerequisites", "Rollback") holds that section: a heading of the lowest level
     * stands for the title, and the section ends with the expand.
     */
    private static Optional<Element> sectionTitle(Element macro) {
        String title = containerTitle(macro);
        // a warning titled "Read before you start" warns: its list is no prerequisites
        boolean warns = title != null && Macros.isWarning(Macros.name(macro)) && SectionKind.of(title.strip()) == SectionKind.PREREQUISITES;
        return title != null && namesASection(title) && !warns
                ? Optional.of(new Element("h6").attr(EXPAND_TITLE, "").text(title)) : Optional.empty();
    }

    /** A note or warning panel titled as a section ("Before you begin", "Rollback") holds that section, whatever its list. */
    private static boolean opensASection(Element panel) {
        return sectionTitle(panel).isPresent();
    }

    /**
     * The section that an expand inside a step holds when its title names one other than the procedure ("Rollback",
     * "See also"): it is no part of the step. Empty for any other element.
     */
    static Optional<Section> asideInAStep(Element macro) {
        SectionKind kind = asideKind(macro);
        Element body = kind == null ? null : Macros.richBody(macro);
        if (body == null) {
            return Optional.empty();
        }
        List<Element> blocks = new ArrayList<>();
        unwrap(body, blocks);
        return Optional.of(new Section(containerTitle(macro).strip(), kind, null, List.of(), blocks));
    }

    /** Whether {@link #asideInAStep} gives a section, without reading it. */
    static boolean isAside(Element macro) {
        return asideKind(macro) != null;
    }

    private static SectionKind asideKind(Element macro) {
        String title = containerTitle(macro);
        if (title == null || !namesASection(title)) {
            return null;
        }
        SectionKind kind = SectionKind.of(title.strip());
        // a note panel titled "Notes" or "Impact" inside a step is that step's note; only a rollback in one is set aside
        if (isNoteOrWarning(macro) && kind != SectionKind.ROLLBACK) {
            return null;
        }
        return kind == SectionKind.PROCEDURE ? null : kind;
    }

    /** The title of an expand or of a panel ("Procedure" over the list of steps, "Rollback"), else null. */
    private static String containerTitle(Element macro) {
        if (!Macros.isMacro(macro)) {
            return null;
        }
        String name = Macros.name(macro);
        return TITLED_CONTAINERS.contains(name) || Macros.isNote(name) || Macros.isWarning(name)
                ? Macros.parameter(macro, "title") : null;
    }

    /** A note or warning panel rather than an expand or a plain panel: its title names a section less often. */
    private static boolean isNoteOrWarning(Element macro) {
        String name = Macros.name(macro);
        return Macros.isNote(name) || Macros.isWarning(name);
    }

    /**
     * A paragraph of bold words only that names a section ("<strong>Before you begin:</strong>", "<b>Rollback</b>"):
     * editors who do not use headings write them so; it opens the section as a heading of the lowest level would.
     */
    private static boolean isBoldSectionName(Element block) {
        if (!block.tagName().equals("p")) {
            return false;
        }
        // walked by hand: childrenSize() and text() build a list and a string for every paragraph of the page
        Element bold = null;
        for (Node child = block.firstChild(); child != null; child = child.nextSibling()) {
            if (child instanceof Element element) {
                if (bold != null || !element.tagName().equals("strong") && !element.tagName().equals("b")) {
                    return false;
                }
                bold = element;
            } else if (child instanceof TextNode text && !isBlankOrColon(text.getWholeText())) {
                return false;
            }
        }
        return bold != null && namesASection(PlainText.of(block));
    }

    private static boolean isBlankOrColon(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && !PlainText.isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A paragraph numbered as a step ("1) Stop the warmer: <code>systemctl stop warmer</code>", "Step 2: ..."), as
     * editors write a procedure without a list: a step like a numbered heading's, when it starts with a verb, holds
     * a command or calls itself a step ("Step 2. On db-mst01, take a dump"); a numbered paragraph of a decision or a
     * note is no step.
     */
    private static boolean isNumberedStep(Element block) {
        if (!block.tagName().equals("p") || !startsWithANumberOrStep(block)) {
            return false;
        }
        String text = PlainText.of(block);
        Optional<String> title = NumberedHeading.title(text);
        // a footnote ("1) see the AWS documentation") starts in lower case
        return title.isPresent() && !title.get().isEmpty() && !Character.isLowerCase(title.get().charAt(0))
                && (NumberedHeading.startsWithAVerb(title.get()) || !NumberedHeading.commandsIn(block).isEmpty()
                || NumberedHeading.saysStep(text));
    }

    /** Whether the paragraph's first words could number it: a digit or an S first (most paragraphs are words). */
    private static boolean startsWithANumberOrStep(Element paragraph) {
        TextNode opening = firstWords(paragraph);
        if (opening == null) {
            return false;
        }
        String words = opening.getWholeText(); // text() would normalise a copy of it
        int at = 0;
        while (at < words.length() && PlainText.isSpace(words.charAt(at))) {
            at++;
        }
        char first = at < words.length() ? words.charAt(at) : ' ';
        return Character.isDigit(first) || first == 'S' || first == 's';
    }

    /** The first text node with words inside the element, in document order, or null (never beyond the element). */
    private static TextNode firstWords(Element element) {
        for (Node child = element.firstChild(); child != null; child = child.nextSibling()) {
            if (child instanceof TextNode text && !text.isBlank()) {
                return text;
            }
            if (child instanceof Element inner) {
                TextNode found = firstWords(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The paragraph as the lowest heading, its content kept (inline commands included). */
    private static Element asHeading(Element paragraph) {
        return copyOf("h6", paragraph.childNodes()).attr(NUMBERED_PARAGRAPH, "");
    }

    private static Element copyOf(String tag, List<Node> nodes) {
        Element copy = new Element(tag);
        for (Node node : nodes) {
            copy.appendChild(node.clone());
        }
        return copy;
    }

    /** Whether a text right after a line break starts with a digit or an S ("<br />2. Clear the cache"). */
    private static boolean numberAfterABreak(Element paragraph) {
        for (Element child = paragraph.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("br") && child.nextSibling() instanceof TextNode text) {
                String words = text.getWholeText().stripLeading();
                char first = words.isEmpty() ? ' ' : words.charAt(0);
                if (Character.isDigit(first) || first == 'S' || first == 's') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holdsALineBreak(Element block) {
        if (!block.tagName().equals("p")) {
            return false;
        }
        for (Element child = block.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("br")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A paragraph of numbered lines ("1. Stop the app<br/>2. Clear the cache<br/>..."): each numbered line is a step as
     * a numbered paragraph is, the other lines stay paragraphs.
     *
     * @return false, adding nothing, for a paragraph with fewer than two such lines
     */
    private static boolean addedNumberedLines(Element paragraph, List<Element> blocks) {
        if (!startsWithANumberOrStep(paragraph) && !numberAfterABreak(paragraph)) {
            return false; // no line can be numbered: nothing to copy
        }
        List<Element> lines = new ArrayList<>();
        List<Node> line = new ArrayList<>();
        for (Node child : paragraph.childNodes()) {
            if (child instanceof Element element && element.tagName().equals("br")) {
                lines.add(copyOf("p", line));
                line = new ArrayList<>();
            } else {
                line.add(child);
            }
        }
        lines.add(copyOf("p", line));
        if (lines.stream().filter(SectionSplitter::isNumberedStep).count() < 2) {
            return false;
        }
        for (Element each : lines) {
            if (isNumberedStep(each)) {
                blocks.add(each.tagName("h6").attr(NUMBERED_PARAGRAPH, ""));
            } else if (!PlainText.of(each).isEmpty()) {
                blocks.add(each);
            }
        }
        return true;
    }

    /** A short title that names a kind of section, or the procedure itself (which ends a prerequisites section). */
    private static boolean namesASection(String title) {
        String words = title.strip();
        return !words.isEmpty() && spaces(words) < SECTION_NAME_WORDS && NumberedHeading.title(words).isEmpty()
                && (SectionKind.of(words) != null || SectionKind.namesTheProcedure(words));
    }

    private static int spaces(String words) {
        int spaces = 0;
        for (int i = 0; i < words.length(); i++) {
            spaces += PlainText.isSpace(words.charAt(i)) ? 1 : 0;
        }
        return spaces;
    }

    /** The ordered and task lists a container holds, in its layout and container macros too. */
    static List<Element> listsIn(Element container) {
        List<Element> lists = new ArrayList<>();
        collectLists(container, lists);
        return lists;
    }

    private static void collectLists(Element container, List<Element> lists) {
        for (Element child = container.firstElementChild(); child != null; child = child.nextElementSibling()) {
            String tag = child.tagName();
            if (tag.equals("ol") || tag.equals("ac:task-list")) {
                lists.add(child);
            } else if (WRAPPERS.contains(tag)) {
                collectLists(child, lists);
            } else if (Macros.isTransparent(child)) {
                Element body = Macros.richBody(child);
                if (body != null) {
                    collectLists(body, lists);
                }
            }
        }
    }

    /**
     * An expand titled as a numbered step ("2. Fail over") is that step, its body the step's content: a heading of the
     * lowest level stands for the title, so that the expand's own headings and the next step's title end it. An expand
     * whose body holds an ordered list holds steps, as if the list stood in the page: a title is no content of the
     * page, and the list's items are the steps its reader follows.
     */
    private static Optional<Element> numberedTitle(Element macro, Element body) {
        String name = Macros.name(macro);
        if (!name.equals("expand") && !name.equals("ui-expand")) {
            return Optional.empty();
        }
        String title = Macros.parameter(macro, "title");
        return NumberedHeading.title(title).isPresent() && ElementsByTag.in(body, "ol"::equals).isEmpty()
                ? Optional.of(new Element("h6").text(title)) : Optional.empty();
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
     * expand and panel macros are); one inside a step stays that step's note. A warning or error panel is one when its
     * list instructs: a warning's list may as well say what goes wrong ("1. All sessions are dropped").
     */
    private static boolean holdsAProcedure(Element block) {
        String name = Macros.name(block);
        boolean note = Macros.isNote(name);
        if (!note && !Macros.isWarning(name)) {
            return false;
        }
        Element body = Macros.richBody(block);
        if (body == null) {
            return false;
        }
        for (Element child = body.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ol") || child.tagName().equals("ac:task-list")) {
                return note || instructs(child);
            }
        }
        return false;
    }

    /**
     * An info, note, tip or warning panel holding a "Prerequisites" or "Rollback" heading holds that section: the
     * heading and its list count as if they stood in the page (a warning titled "Before you begin" still warns).
     */
    private static boolean holdsASectionHeading(Element block) {
        String name = Macros.name(block);
        Element body = Macros.isNote(name) || Macros.isWarning(name) ? Macros.richBody(block) : null;
        if (body == null) {
            return false;
        }
        for (Element child = body.firstElementChild(); child != null; child = child.nextElementSibling()) {
            SectionKind kind = headingLevel(child) > 0 ? SectionKind.of(PlainText.of(child).strip()) : null;
            if (kind == SectionKind.PREREQUISITES || kind == SectionKind.ROLLBACK) {
                return true;
            }
        }
        return false;
    }

    /** Whether half the items of a list or more start with an imperative verb or hold a code block. */
    private static boolean instructs(Element list) {
        int items = 0;
        int instructing = 0;
        for (Element item = list.firstElementChild(); item != null; item = item.nextElementSibling()) {
            items++;
            String text = PlainText.of(item).strip();
            int space = text.indexOf(' ');
            String first = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
            // "`kubectl top nodes` shows no data": a command named in a consequence is no instruction; a code block is
            if (BuiltInProfile.isImperativeVerb(first) || holdsCode(item)) {
                instructing++;
            }
        }
        return items > 0 && instructing * 2 >= items;
    }

    private static boolean holdsCode(Element item) {
        for (Element macro : item.getElementsByTag("ac:structured-macro")) {
            if (Macros.isCode(Macros.name(macro))) {
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

    /** One pass over the blocks, keeping the kinds that enclosing headings opened. */
    private static final class Splitting {
        /** @param passesOn whether headings under it without a kind of their own are of its kind */
        private record Opened(int level, SectionKind kind, boolean passesOn) {
        }

        /** A section an expand holds inside a step, collected apart until the expand ends. */
        private record Aside(String heading, SectionKind kind, List<Element> blocks) {
            Section build() {
                return new Section(heading, kind, null, List.of(), List.copyOf(blocks));
            }
        }

        private final Deque<Opened> opened = new ArrayDeque<>();
        private Aside aside;
        private int asideDepth;
        private final List<Section> sections = new ArrayList<>();
        private String heading;
        private SectionKind kind = SectionKind.PROCEDURE;
        private String stepTitle;
        private List<Element> titleCommands = List.of();
        private int stepLevel;
        private List<Element> current = new ArrayList<>();

        List<Section> run(List<Element> blocks) {
            for (Element block : blocks) {
                if (aside != null) {
                    // expands inside the aside's expand end with their own markers
                    asideDepth += block.hasAttr(EXPAND_TITLE) ? 1 : 0;
                    if (block.tagName().equals(SECTION_END) && asideDepth-- == 0) {
                        sections.add(aside.build());
                        aside = null;
                        asideDepth = 0;
                    } else {
                        aside.blocks().add(block);
                    }
                    continue;
                }
                if (block.tagName().equals(SECTION_END)) {
                    // an expand's section ends; one that a numbered step began inside the expand goes on
                    if (stepTitle == null || stepLevel >= SECTION_END_LEVEL) {
                        close();
                        reopenEnclosing();
                    }
                    continue;
                }
                int level = block.hasAttr(NUMBERED_PARAGRAPH) ? NUMBERED_PARAGRAPH_LEVEL : headingLevel(block);
                if (level == 0) {
                    current.add(block);
                } else if (stepTitle != null && level > stepLevel) {
                    inStep(block, level);
                } else {
                    close();
                    open(block, level);
                }
            }
            close();
            return sections;
        }

        /**
         * A heading inside a numbered step belongs to the step, unless it opens steps or prerequisites of another kind:
         * a Rollback heading ends the step. An expand titled as a section (Rollback, See also) is set aside as that
         * section, the step going on after it.
         */
        private void inStep(Element subheading, int level) {
            String text = PlainText.of(subheading);
            String numbered = NumberedHeading.title(text).orElse(null);
            SectionKind named = numbered != null ? SectionKind.ofNumbered(numbered) : SectionKind.of(text);
            if (named == null || named == SectionKind.PROCEDURE) {
                current.add(subheading);
            } else if (subheading.hasAttr(EXPAND_TITLE)) {
                aside = new Aside(text, named, new ArrayList<>());
            } else if (named == SectionKind.NO_STEPS) {
                current.add(subheading); // the step's own notes or links: what follows may still be the step's
            } else {
                close();
                open(subheading, level);
            }
        }

        /** After a section an expand held: the blocks that follow belong to the section around the expand. */
        private void reopenEnclosing() {
            while (!opened.isEmpty() && opened.peek().level() >= SECTION_END_LEVEL) {
                opened.pop();
            }
            kind = opened.isEmpty() ? SectionKind.PROCEDURE : opened.peek().kind();
            stepTitle = null;
            titleCommands = List.of();
            heading = null;
        }

        private void open(Element newHeading, int level) {
            while (!opened.isEmpty() && opened.peek().level() >= level) {
                opened.pop();
            }
            String text = PlainText.of(newHeading);
            String numbered = NumberedHeading.title(text).orElse(null);
            SectionKind named = numbered != null ? SectionKind.ofNumbered(numbered) : SectionKind.of(text);
            stepTitle = named == null ? numbered : null;
            titleCommands = stepTitle == null ? List.of() : NumberedHeading.commandsIn(newHeading);
            if (named == null && (stepTitle != null || SectionKind.namesTheProcedure(text))) {
                // steps come from numbered headings and a "Procedure" heading holds them: neither is a prerequisite
                // or part of an overview, even when the page has no procedure heading of that section's level
                while (!opened.isEmpty() && (opened.peek().kind() == SectionKind.PREREQUISITES
                        || opened.peek().kind() == SectionKind.NO_STEPS)) {
                    opened.pop();
                }
            }
            if (named == null) {
                // an Overview or Notes heading over the whole page says nothing of the sections under it
                while (!opened.isEmpty() && !opened.peek().passesOn()) {
                    opened.pop();
                }
            } else {
                opened.push(new Opened(level, named, SectionKind.passesOn(text)));
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
