-- statements.sql - the SQL of the writer's prepared statements.
--
-- Embedded by embed.py as ws_sql_statements[], indexed by the
-- enum store_stmt of src/store/store.h: a statement begins with a line
-- "-- name: ST_...", which names its enumerator, and ends at the ";"
-- that ends a line.  Its lines are stripped of leading and trailing
-- blanks and joined with one space; other "--" lines are comments and
-- are left out.  ws_store_stmt (src/store/open.c) prepares each on first
-- use, so a read-only connection prepares none of them.  The multi-row
-- forms (ST_*_N) are not here: ws_store_stmt makes them from the
-- single-row statement, whose SQL must therefore end in its VALUES list.
--
-- The tables and their invariants are in schema.sql.

-- ------------------------------------------------------------- documents

-- name: ST_DOC_FIND
SELECT id, size, mtime, hash, path FROM documents
WHERE path = ?1;

-- name: ST_DOC_INSERT
INSERT INTO documents(path, size, mtime, hash, indexed,
  n_mentions, n_quotes, n_spoken, mentions, quote_lo,
  quote_hi)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);

-- An unchanged file that was touched (index.c).
-- name: ST_DOC_TOUCH
UPDATE documents SET size = ?2, mtime = ?3
WHERE path = ?1;

-- The files an index run has seen (index.c): the others are removed.
-- name: ST_SEEN_INSERT
INSERT OR IGNORE INTO temp.ws_seen(path) VALUES (?1);

-- Removing a document (put.c, delete_doc): the entities of its mention
-- list and its speakers are uncounted and their doc_entities rows
-- deleted, then its quotes and the document itself.
-- name: ST_DOC_ENTS
SELECT mentions FROM documents WHERE id = ?1;

-- name: ST_DOC_SPEAKERS
SELECT DISTINCT q.speaker FROM documents d
JOIN quotes q ON q.id BETWEEN d.quote_lo AND
  d.quote_hi WHERE d.id = ?1 AND q.speaker IS NOT NULL;

-- name: ST_DOC_UNCOUNT
UPDATE entities SET n_mentions = entities.n_mentions - de.n_mentions,
  n_docs = entities.n_docs - 1, n_quotes = entities.n_quotes -
  de.n_quotes,
  votes_other = votes_other - (de.kind = 0) * de.n_mentions,
  votes_person = votes_person - (de.kind = 1) * de.n_mentions,
  votes_org = votes_org - (de.kind = 2) * de.n_mentions,
  votes_place = votes_place - (de.kind = 3) * de.n_mentions,
  kind = ws_kind(votes_other - (de.kind = 0) * de.n_mentions,
    votes_person - (de.kind = 1) * de.n_mentions,
    votes_org - (de.kind = 2) * de.n_mentions,
    votes_place - (de.kind = 3) * de.n_mentions)
FROM doc_entities de
WHERE de.entity = ?2 AND de.doc = ?1 AND entities.id = ?2;

-- name: ST_DE_DELETE
DELETE FROM doc_entities WHERE entity = ?2 AND doc = ?1;

-- name: ST_DOC_QUOTES_DELETE
DELETE FROM quotes WHERE id BETWEEN
  (SELECT quote_lo FROM documents WHERE id = ?1)
  AND (SELECT quote_hi FROM documents
  WHERE id = ?1);

-- name: ST_DOC_DELETE
DELETE FROM documents WHERE id = ?1;

-- -------------------------------------------------------------- entities

-- name: ST_ENT_BY_KEY
SELECT id, kind FROM entities WHERE key = ?1;

-- The entities a name is an alias of, most mentioned first (link.c).
-- name: ST_ENT_BY_ALIAS
SELECT a.entity, e.kind, e.n_mentions FROM aliases a
JOIN entities e ON e.id = a.entity WHERE a.key = ?1
  AND a.entity != ?2 ORDER BY e.n_mentions DESC, e.id
  LIMIT 64;

-- name: ST_ENT_INSERT
INSERT INTO entities(name, key, kind) VALUES (?1, ?2, ?3);

-- name: ST_ENT_KIND
UPDATE entities SET kind = ?2 WHERE id = ?1 AND kind = 0;

-- A batch's counts of one entity (cache.c, store_cache_flush).
-- name: ST_ENT_COUNT
UPDATE entities SET n_mentions = n_mentions + ?2,
  n_docs = n_docs + ?4, n_quotes = n_quotes + ?3,
  votes_other = votes_other + ?5,
  votes_person = votes_person + ?6,
  votes_org = votes_org + ?7,
  votes_place = votes_place + ?8,
  kind = ws_kind(votes_other + ?5, votes_person + ?6,
    votes_org + ?7, votes_place + ?8)
WHERE id = ?1;

-- name: ST_ALIAS_INSERT
INSERT OR IGNORE INTO aliases(entity, name, key)
VALUES (?1, ?2, ?3);

-- name: ST_ROLE_INSERT
INSERT OR IGNORE INTO roles(entity, role)
VALUES (?1, ?2);

-- One row; ST_DE_INSERT_N is made from it (rows.c writes them).
-- name: ST_DE_INSERT
INSERT INTO doc_entities(doc, entity, n_mentions,
  n_quotes, kind) VALUES (?1, ?2, ?3, ?4, ?5);

-- ------------------------------------------------- statements and texts

-- name: ST_STMT_BY_KEY
SELECT id FROM statements WHERE hash = ?2 AND key = ?1;

-- name: ST_STMT_INSERT
INSERT INTO statements(key, hash, sketch)
VALUES (?1, ?2, ?3);

-- name: ST_STMT_KEY
SELECT key FROM statements WHERE id = ?1;

-- The statements of each sketch value (at most GRAM_CAP = 16 each,
-- statement.c), value after value, in one statement instead of one per
-- value; an unused value is NULL and matches nothing.
-- name: ST_GRAM_FIND
SELECT * FROM (SELECT statement, 0 FROM statement_grams
  WHERE hash = ?1 LIMIT 16) UNION ALL
SELECT * FROM (SELECT statement, 1 FROM statement_grams
  WHERE hash = ?2 LIMIT 16) UNION ALL
SELECT * FROM (SELECT statement, 2 FROM statement_grams
  WHERE hash = ?3 LIMIT 16) UNION ALL
SELECT * FROM (SELECT statement, 3 FROM statement_grams
  WHERE hash = ?4 LIMIT 16) UNION ALL
SELECT * FROM (SELECT statement, 4 FROM statement_grams
  WHERE hash = ?5 LIMIT 16) UNION ALL
SELECT * FROM (SELECT statement, 5 FROM statement_grams
  WHERE hash = ?6 LIMIT 16);

-- One row per sketch value (SKETCH_K = 6); a shorter sketch repeats
-- its last value, which OR IGNORE drops.  Plain VALUES cost a third
-- of json_each() over the sketch's JSON text.
-- name: ST_GRAM_INSERT
INSERT OR IGNORE INTO statement_grams(hash, statement)
VALUES (?1, ?7), (?2, ?7), (?3, ?7), (?4, ?7),
  (?5, ?7), (?6, ?7);

-- One row; ST_GRAM_ONE_N is made from it (rows.c writes the rows queued
-- in memory).
-- name: ST_GRAM_ONE
INSERT OR IGNORE INTO statement_grams(hash, statement)
VALUES (?1, ?2);

-- name: ST_TEXT_FIND
SELECT id, statement FROM texts WHERE hash = ?1
  AND text = ?2;

-- name: ST_TEXT_INSERT
INSERT INTO texts(statement, hash, text)
VALUES (?1, ?2, ?3);

-- ---------------------------------------------------------------- quotes

-- The first quote id of a transaction (open.c, ws_store_begin).
-- name: ST_QUOTE_NEXT
SELECT coalesce(max(id), 0) + 1 FROM quotes;

-- name: ST_QUOTE_INSERT
INSERT INTO quotes(doc, start, end, line, text_id, kind, speaker,
  speaker_start, speaker_end, cue, statement, id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);

-- One row; ST_OCC_INSERT_N is made from it (rows.c).
-- name: ST_OCC_INSERT
INSERT INTO occurrences(statement, text_id, quote)
VALUES (?1, ?2, ?3);

-- The full-text rows of the texts written since ?1 (rows.c,
-- store_fts_flush), and where the texts end.
-- name: ST_FTS_INSERT
INSERT INTO quotes_fts(rowid, text)
SELECT id, text FROM texts WHERE id > ?1 ORDER BY id;

-- name: ST_TEXT_TOP
SELECT coalesce(max(id), 0) FROM texts;
