package dev.larkinbox.domain.version;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** How an app's versions follow from its events: the same for every store. */
public final class Versions {
    /** The steps that make a version the app's newest: it was applied for, or approved. */
    private static final Set<VersionEventKind> MAKE_NEWEST = EnumSet.of(VersionEventKind.APPLIED,
            VersionEventKind.APPROVED);
    private static final Comparator<AppVersion> FIRST_HEARD_OF = Comparator
            .comparing((AppVersion v) -> v.events().get(0).at())
            .thenComparing(v -> v.events().get(0).eventId());

    private Versions() {
    }

    /**
     * The app's versions, the one first heard of last first, each with its events in order and the name its latest
     * naming event gave it.
     */
    public static List<AppVersion> of(String appId, List<VersionMention> mentions) {
        Map<String, List<VersionMention>> byVersion = mentions.stream()
                .collect(Collectors.groupingBy(VersionMention::versionId, LinkedHashMap::new, Collectors.toList()));
        return byVersion.entrySet().stream()
                .map(e -> new AppVersion(appId, e.getKey(), name(e.getValue()),
                        e.getValue().stream().map(VersionMention::event).toList()))
                .sorted(FIRST_HEARD_OF.reversed())
                .toList();
    }

    /**
     * The version that was newest at that moment: of the versions whose latest event by then was an application
     * or an approval (not a rejection or a revocation), the one whose latest such event came last. Empty when no
     * version was applied for or approved by then. Events after the moment are not looked at, so a version
     * revoked later still was the newest then.
     */
    public static Optional<AppVersion> newestAt(List<AppVersion> versions, Instant at) {
        return versions.stream()
                .filter(v -> latestBy(v, at).filter(e -> MAKE_NEWEST.contains(e.kind())).isPresent())
                .max(Comparator.comparing((AppVersion v) -> latestBy(v, at).orElseThrow().at())
                        .thenComparing(v -> latestBy(v, at).orElseThrow().eventId()));
    }

    private static Optional<VersionEvent> latestBy(AppVersion version, Instant at) {
        // events are in order: the last one not after the moment is the latest by then
        return version.events().stream().filter(e -> !e.at().isAfter(at)).reduce((first, second) -> second);
    }

    private static String name(List<VersionMention> mentions) {
        return mentions.stream().filter(m -> m.version() != null)
                .max(Comparator.comparing((VersionMention m) -> m.event().at())
                        .thenComparing(m -> m.event().eventId()))
                .map(VersionMention::version).orElse(null);
    }
}
