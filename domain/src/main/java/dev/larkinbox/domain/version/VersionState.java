package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Bounds;
import dev.larkinbox.domain.validation.Text;

/**
 * A version of an app as an event describes it at that moment.
 *
 * @param version its name, such as {@code 1.0.3}; null when Lark left it out
 * @param status  Lark's review status, kept as sent (1 audited, 2 rejected, 3 under audit, 4 not submitted; a
 *                number added later is kept too); null when Lark left it out
 */
public record VersionState(String versionId, String version, Integer status) {
    public VersionState {
        Bounds.requireId(Text.requireNonBlank(versionId, "versionId"), "versionId");
    }
}
