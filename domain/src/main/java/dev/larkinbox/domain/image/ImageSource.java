package dev.larkinbox.domain.image;

import java.net.URI;

/** Outgoing port: where images are fetched from, under the {@link ImageRules}. */
public interface ImageSource {

    /**
     * @return the body, at most the rules' largest size
     * @throws ImageRefusedException    the image is not to be fetched or kept: trying again changes nothing
     * @throws ImageUnavailableException the host could not be reached or failed: try later
     */
    byte[] fetch(URI url);
}
