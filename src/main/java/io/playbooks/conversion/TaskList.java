package io.playbooks.conversion;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.List;

/** Confluence task lists ({@code ac:task-list} of {@code ac:task}, each with an {@code ac:task-body}). */
final class TaskList {

    private TaskList() {
    }

    static List<Node> body(Element task) {
        Element body = bodyElement(task);
        return body == null ? List.of() : body.childNodes();
    }

    static Element bodyElement(Element task) {
        for (Element child = task.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ac:task-body")) {
                return child;
            }
        }
        return null;
    }
}
