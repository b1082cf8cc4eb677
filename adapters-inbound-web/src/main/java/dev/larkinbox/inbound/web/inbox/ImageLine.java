package dev.larkinbox.inbound.web.inbox;

import dev.larkinbox.domain.image.ImageCopy;
import dev.larkinbox.domain.image.ImageState;
import dev.larkinbox.inbound.web.EventLinks;
import dev.larkinbox.inbound.web.language.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One image of a feedback as its page shows it: the inbox's copy inline once kept, else its state in words; Lark's
 * URL as before.
 *
 * @param src   where the inbox serves its copy; null until kept
 * @param state what became of the copy, in words
 */
public record ImageLine(EventLinks.Link lark, String src, String state) {

    static ImageLine of(String feedbackId, int position, EventLinks.Link lark, ImageCopy copy, Reader reader) {
        if (copy == null || copy.state() == ImageState.PENDING) {
            return new ImageLine(lark, null, reader.text("image.pending"));
        }
        if (copy.state() == ImageState.LOST) {
            return new ImageLine(lark, null, reader.text("image.lost", reader.text(copy.reason())));
        }
        return new ImageLine(lark, "/feedback/" + URLEncoder.encode(feedbackId, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/images/" + position,
                reader.text("image.kept", copy.contentType(), copy.bytes()));
    }
}
