package io.playbooks.conversion;

import io.playbooks.playbook.Image;
import org.jsoup.nodes.Element;

/** An {@code ac:image}: a page attachment (ri:attachment) or an external picture (ri:url). */
final class ImageReader {

    private ImageReader() {
    }

    static Image read(Element image) {
        String filename = null;
        String url = null;
        for (Element child = image.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ri:attachment")) {
                filename = child.attr("ri:filename");
            } else if (child.tagName().equals("ri:url")) {
                url = child.attr("ri:value");
            }
        }
        String alt = image.hasAttr("ac:alt") ? image.attr("ac:alt") : image.attr("ac:title");
        return new Image(filename, url, alt.isEmpty() ? null : alt);
    }
}
