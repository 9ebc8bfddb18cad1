package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The items of an ordered list or a task list, each as the content a step is read from. A list standing directly
 * in the list after an item belongs to that item, as if nested inside it: Confluence stores nested tasks so
 * ({@code <ac:task-list><ac:task/><ac:task-list>...</ac:task-list></ac:task-list>}), and some editors write
 * {@code <ol><li/><ol>...</ol></ol>}.
 */
final class ListItems {

    private ListItems() {
    }

    static List<List<Node>> of(Element list) {
        return of(list, 0);
    }

    private static List<List<Node>> of(Element list, int depth) {
        boolean tasks = list.tagName().equals("ac:task-list");
        String itemTag = tasks ? "ac:task" : "li";
        List<List<Node>> items = new ArrayList<>();
        List<Node> beforeFirstItem = new ArrayList<>(0);
        for (Element child = list.firstElementChild(); child != null; child = child.nextElementSibling()) {
            String tag = child.tagName();
            if (tag.equals(itemTag)) {
                List<Node> content = new ArrayList<>(tasks ? TaskList.body(child) : child.childNodes());
                content.addAll(beforeFirstItem);
                beforeFirstItem.clear();
                items.add(content);
            } else if (isList(tag) && !items.isEmpty()) {
                items.get(items.size() - 1).add(child);
            } else if (tag.equals("ul")) {
                beforeFirstItem.add(child); // no item to belong to yet: part of the first item's text, after its name
            } else if (isList(tag) && depth < StepReader.MAX_SUBSTEP_DEPTH) {
                items.addAll(of(child, depth + 1)); // steps listed before any item are steps all the same
            }
        }
        return items;
    }

    private static boolean isList(String tag) {
        return tag.equals("ol") || tag.equals("ul") || tag.equals("ac:task-list");
    }
}
