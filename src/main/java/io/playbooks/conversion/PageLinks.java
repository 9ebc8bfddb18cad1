package io.playbooks.conversion;

import io.playbooks.page.PageLink;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages and attachments a storage-format body links to: {@code <ri:page>} (in {@code ac:link}) and
 * {@code <ri:attachment>} (in {@code ac:link} or {@code ac:image}, with an {@code <ri:page>} inside when it belongs
 * to another page). Each target once, in the order of the page; links to users, URLs or blog posts are left out.
 */
final class PageLinks {

    private PageLinks() {
    }

    static List<PageLink> in(Document document) {
        Set<PageLink> links = new LinkedHashSet<>();
        for (Element element : ElementsByTag.in(document, PageLinks::isLinkTarget)) {
            if (element.tagName().equals("ri:attachment")) {
                String fileName = element.attr("ri:filename").trim();
                Element holder = element.getElementsByTag("ri:page").first();
                if (!fileName.isEmpty()) {
                    links.add(holder == null ? PageLink.attachment(null, null, fileName)
                            : PageLink.attachment(holder.attr("ri:space-key"), title(holder), fileName));
                }
            } else if (!holdsAnAttachment(element) && title(element) != null) {
                links.add(PageLink.page(element.attr("ri:space-key"), title(element)));
            }
        }
        return new ArrayList<>(links);
    }

    private static boolean isLinkTarget(String tag) {
        return tag.equals("ri:attachment") || tag.equals("ri:page");
    }

    private static boolean holdsAnAttachment(Element page) {
        return page.parent() != null && page.parent().tagName().equals("ri:attachment");
    }

    private static String title(Element page) {
        String title = page.attr("ri:content-title").trim();
        return title.isEmpty() ? null : title;
    }
}
