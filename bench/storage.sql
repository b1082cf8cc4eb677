-- Bytes per stored event by table and index (issue 29, "Storage"): each table's heap with its TOAST, then each
-- index, largest first, divided by the events in the ledger. Run after VACUUM, so that a queue's deleted rows
-- count as the space they leave. Used by GroupingBench; also by hand: psql -f bench/storage.sql
WITH events AS (SELECT greatest(count(*), 1) AS n FROM event_ledger),
relations AS (
    SELECT c.relname AS name, 'table' AS kind, c.relname AS of_table, pg_table_size(c.oid) AS bytes
    FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE s.nspname = current_schema() AND c.relkind = 'r'
    UNION ALL
    SELECT x.relname, 'index', c.relname, pg_relation_size(x.oid)
    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_namespace s ON s.oid = c.relnamespace
    WHERE s.nspname = current_schema()
)
SELECT string_agg(format('%-36s %-5s %-18s %9s %8s B/event', name, kind, of_table, pg_size_pretty(bytes),
                         round(bytes::numeric / n, 1)), E'\n' ORDER BY bytes DESC, name)
       || E'\n' || format('total %s in %s events: %s bytes per stored event', pg_size_pretty(sum(bytes)), max(n),
                          round(sum(bytes)::numeric / max(n), 1))
FROM relations, events WHERE bytes > 16384
