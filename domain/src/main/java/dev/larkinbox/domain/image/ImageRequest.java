package dev.larkinbox.domain.image;

import dev.larkinbox.domain.validation.Text;

/**
 * One image of a feedback, as a person asks for it.
 *
 * @param position its place among the feedback's images, from 0
 */
public record ImageRequest(String feedbackId, int position) {

    public ImageRequest {
        Text.requireNonBlank(feedbackId, "feedbackId");
        if (position < 0) {
            throw new IllegalArgumentException("an image's position is 0 or more, not " + position);
        }
    }
}
