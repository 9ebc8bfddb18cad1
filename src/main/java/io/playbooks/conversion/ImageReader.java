package io.playbooks.conversion;

import io.playbooks.playbook.Image;
import org.jsoup.nodes.Element;

import java.util.Optional;

/** An {@code ac:image}: a page attachment (ri:attachment) or an external picture (ri:url). */
final class ImageReader {

    private ImageReader() {
    }

    /** @return the picture, or empty when it names neither a file nor a URL (a broken macro shows nothing) */
    static Optional<Image> read(Element image) {
        String filename = null;
        String url = null;
        for (Element child = image.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (child.tagName().equals("ri:attachment")) {
                filename = child.attr("ri:filename");
            } else if (child.tagName().equals("ri:url")) {
                url = child.attr("ri:value");
            }
        }
        filename = filename == null || filename.isBlank() ? null : filename;
        url = url == null || url.isBlank() ? null : url;
        if (filename == null && url == null) {
            return Optional.empty();
        }
        String alt = image.hasAttr("ac:alt") ? image.attr("ac:alt") : image.attr("ac:title");
        return Optional.of(new Image(filename, url, alt.isEmpty() ? null : alt));
    }
}
