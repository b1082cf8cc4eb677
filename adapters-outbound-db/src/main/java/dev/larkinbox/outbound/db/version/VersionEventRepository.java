package dev.larkinbox.outbound.db.version;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Versions' applications and reviews, read together with the revocations. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface VersionEventRepository extends GenericRepository<VersionEventRow, String> {

    /** A plain insert: the ledger entry written first in the same transaction already settled duplicates. */
    @Query("""
            INSERT INTO version_event (event_id, app_id, version_id, kind, version, version_status, online_version_id,
                                       online_version, online_version_status, remark, audit_source, operator_open_id,
                                       operator_union_id, operator_user_id, creator_open_id, creator_union_id,
                                       creator_user_id, tenant_key, happened_at, received_at, raw_event)
            VALUES (:eventId, :appId, :versionId, :kind, :version, :versionStatus, :onlineVersionId, :onlineVersion,
                    :onlineVersionStatus, :remark, :auditSource, :operatorOpenId, :operatorUnionId, :operatorUserId,
                    :creatorOpenId, :creatorUnionId, :creatorUserId, :tenantKey, :happenedAt, :receivedAt, :rawEvent)""")
    void insert(VersionEventRow row);

    /** Every event of the app's versions, revocations included, in no particular order. */
    @Query("""
            SELECT event_id, version_id, version, kind, happened_at, operator_open_id, operator_union_id,
                   operator_user_id, remark
            FROM version_event WHERE app_id = :appId
            UNION ALL
            SELECT event_id, version_id, NULL, 'revoked', revoked_at, operator_open_id, operator_union_id,
                   operator_user_id, NULL
            FROM revocation WHERE app_id = :appId""")
    List<VersionMentionView> mentions(String appId);

    @Query("SELECT DISTINCT app_id FROM version_event WHERE happened_at >= :since")
    List<String> appsSince(Instant since);
}
