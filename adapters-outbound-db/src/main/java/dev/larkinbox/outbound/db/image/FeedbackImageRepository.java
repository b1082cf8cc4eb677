package dev.larkinbox.outbound.db.image;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The images of feedback and their copies. Rows are written with their feedback (EventBatch); their leases are
 * {@link dev.larkinbox.outbound.db.postgres.LeasedOutbox}'s.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeedbackImageRepository extends GenericRepository<FeedbackImageRow, Long> {

    @Query("""
            SELECT feedback_id, position, delivered_at IS NOT NULL AS kept, abandoned_at IS NOT NULL AS lost,
                   last_error, content_type, coalesce(octet_length(content), 0) AS bytes
            FROM feedback_image WHERE feedback_id = ANY (:feedbackIds) ORDER BY feedback_id, position""")
    List<ImageCopyView> copies(@TypeDef(type = DataType.STRING_ARRAY) String[] feedbackIds);

    @Query("""
            SELECT content_type, content FROM feedback_image
            WHERE feedback_id = :feedbackId AND position = :position AND delivered_at IS NOT NULL""")
    Optional<ImageContentView> content(String feedbackId, int position);

    /** Only a pending image: one kept or lost by another worker stays as it is. */
    @Query("""
            UPDATE feedback_image SET content = :content, content_type = :contentType, delivered_at = :at,
                                      attempts = attempts + 1
            WHERE id = :id AND delivered_at IS NULL AND abandoned_at IS NULL""")
    void kept(long id, byte[] content, String contentType, Instant at);

    @Query("SELECT count(*) FROM feedback_image WHERE delivered_at IS NOT NULL")
    long countKept();

    @Query("SELECT count(*) FROM feedback_image WHERE delivered_at IS NULL AND abandoned_at IS NULL")
    long countPending();

    @Query("SELECT count(*) FROM feedback_image WHERE abandoned_at IS NOT NULL")
    long countLost();
}
