package dev.larkinbox.outbound.db.revocation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** The history of revoked publish requests. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RevocationRepository extends GenericRepository<RevocationRow, String> {

    /**
     * Newest first, after the given position when there is one. A null filter matches everything; the
     * casts tell PostgreSQL the type of a parameter that is null.
     */
    @Query("""
            SELECT r.event_id, l.event_type, l.app_id AS event_app_id, r.tenant_key, l.transport, l.created_at,
                   r.received_at, r.app_id, r.version_id, r.operator_open_id, r.operator_union_id,
                   r.operator_user_id, r.creator_open_id, r.creator_union_id, r.creator_user_id, r.revoked_at
            FROM revocation r JOIN event_ledger l ON l.event_id = r.event_id
            WHERE (CAST(:appId AS text) IS NULL OR r.app_id = :appId)
              AND (CAST(:versionId AS text) IS NULL OR r.version_id = :versionId)
              AND (CAST(:afterReceivedAt AS timestamptz) IS NULL
                   OR (r.received_at, r.event_id) < (:afterReceivedAt, :afterEventId))
            ORDER BY r.received_at DESC, r.event_id DESC
            LIMIT :limit""")
    List<RevocationView> list(@Nullable String appId, @Nullable String versionId, @Nullable Instant afterReceivedAt,
                              @Nullable String afterEventId, int limit);
}
