package dev.larkinbox.domain.revocation;

import dev.larkinbox.domain.paging.Page;
import dev.larkinbox.domain.paging.PageRequest;

/** Use case: read the revocation history, newest first. */
public interface BrowseRevocations {
    Page<RecordedRevocation> list(RevocationFilter filter, PageRequest page);
}
