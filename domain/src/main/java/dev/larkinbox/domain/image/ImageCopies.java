package dev.larkinbox.domain.image;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Outgoing port: the copies kept of feedback's images. */
public interface ImageCopies {

    /** @return per feedback id asked for, its copies in order; a feedback without images is left out */
    Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds);

    /** @return the bytes of that image, when it is kept */
    Optional<KeptImage> kept(String feedbackId, int position);
}
