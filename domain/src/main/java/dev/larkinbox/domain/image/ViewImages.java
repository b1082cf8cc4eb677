package dev.larkinbox.domain.image;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Use case: the copies of feedback's images, and their bytes. */
public interface ViewImages {

    /** @return per feedback id, its copies in order; a feedback without images is left out */
    Map<String, List<ImageCopy>> copies(Collection<String> feedbackIds);

    /** @return one feedback's copies in order; empty when it has no image */
    default List<ImageCopy> copies(String feedbackId) {
        return copies(List.of(feedbackId)).getOrDefault(feedbackId, List.of());
    }

    /** @return the image's bytes, when it is kept */
    Optional<KeptImage> image(ImageRequest request);
}
