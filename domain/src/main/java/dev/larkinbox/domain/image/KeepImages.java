package dev.larkinbox.domain.image;

import dev.larkinbox.domain.sync.SyncReport;

/** Use case: fetch and keep the images that are due. */
public interface KeepImages {

    /**
     * Fetches every image due, until none is or their host cannot be reached.
     *
     * @return kept ({@code delivered}), to be tried again ({@code retrying}) and lost ({@code abandoned})
     */
    SyncReport keepDue();
}
