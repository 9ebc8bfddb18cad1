package io.playbooks.api;

import io.playbooks.page.Attachment;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes an attachment as the HTTP answer: its bytes with its media type, tagged by attachment version. Only raster
 * images and plain text are shown inline; any other file (HTML, SVG, PDF...) is a download, never a page opened
 * under the dashboard's origin, which holds the API token (the server's security headers also forbid sniffing and
 * inline scripts: io.playbooks.web.SecurityHeaders).
 */
public class AttachmentReply implements Processor {

    private static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp",
            "image/bmp", "text/plain");

    @Override
    public void process(Exchange exchange) throws InvalidPayloadException {
        Message message = exchange.getMessage();
        AttachmentContent fetched = message.getMandatoryBody(AttachmentContent.class);
        Attachment attachment = fetched.file().attachment();
        String mediaType = fetched.file().mediaType();
        message.setHeader(Exchange.CONTENT_TYPE, mediaType);
        message.setHeader("Content-Disposition", (SHOWN_INLINE.contains(mediaType) ? "inline" : "attachment")
                + "; filename*=UTF-8''" + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        message.setHeader("ETag", "\"" + attachment.id() + "-" + attachment.version() + "\"");
        message.setHeader("Cache-Control", "private, max-age=300");
        message.setBody(fetched.content().open());
    }
}
