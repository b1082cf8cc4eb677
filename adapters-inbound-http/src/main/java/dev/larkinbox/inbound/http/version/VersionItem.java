package dev.larkinbox.inbound.http.version;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.larkinbox.domain.version.AppVersion;
import dev.larkinbox.domain.version.VersionEvent;
import dev.larkinbox.inbound.http.api.ApiTime;
import dev.larkinbox.inbound.http.api.UserView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A version as {@code /api/versions} shows it.
 *
 * @param version its name, such as {@code 1.0.1}; null while only a review or a revocation told of it
 * @param events  in the order they happened
 */
@Serdeable.Serializable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VersionItem(String appId, String versionId, @Nullable String version, List<Event> events) {

    static VersionItem of(AppVersion version) {
        return new VersionItem(version.appId(), version.versionId(), version.version(),
                version.events().stream().map(Event::of).toList());
    }

    /**
     * One step in the version's life.
     *
     * @param at     when Lark created its event, ISO-8601 in UTC
     * @param remark the reviewer's remark on an approval or rejection; null otherwise
     */
    @Serdeable.Serializable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(String eventId,
                        @Schema(allowableValues = {"applied", "approved", "rejected", "revoked"}) String kind,
                        String at, UserView operator, @Nullable String remark) {

        static Event of(VersionEvent event) {
            return new Event(event.eventId(), event.kind().label(), ApiTime.instant(event.at()),
                    UserView.of(event.operator()), event.remark());
        }

        /** The remark is free text a person wrote. */
        @Override
        public String toString() {
            return "Event[eventId=" + eventId + ", kind=" + kind + "]";
        }
    }
}
