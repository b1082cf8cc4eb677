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
