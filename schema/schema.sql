-- schema.sql - the whosaid database, version 4.
--
-- Run once on an empty database by src/store/open.c, inside one
-- transaction, which then sets PRAGMA application_id (marks the file as a
-- whosaid database) and PRAGMA user_version (the schema version below).
--
-- The comments inside CREATE statements are stored in the database with
-- them (sqlite_schema), so they are left as they were written: their
-- "store.c" is the files of src/store/ now.
--
-- Invariants kept by src/store/:
--  * put.c deletes every row that belongs to a document with it: its
--    doc_entities rows (the entities in its mention list and its
--    speakers) and its quotes (documents.quote_lo..quote_hi), so
--    replacing a document is DELETE + INSERT;
--  * entities.n_mentions / n_docs / n_quotes are the sums over
--    doc_entities, maintained on insert and delete so that `entities`
--    (most mentioned first) answers from an index instead of a GROUP BY
--    over every mention;
--  * quotes_fts mirrors texts.text (external content).  rows.c adds the
--    FTS rows of the texts a batch created just before it commits, in
--    one statement; deletes are kept in sync by a trigger.  (An insert
--    trigger would run FTS5 inside a statement savepoint, and FTS5 flushes
--    its pending terms to disk at every savepoint: forty times slower.)
--  * a statement exists while at least one quote points to it, and a
--    text while at least one quote has it (trigger quotes_ad);
--  * entities.votes_* are the sums of doc_entities.n_mentions by the kind
--    each document gave the entity, and entities.kind follows from them:
--    every UPDATE of the votes sets kind = ws_kind(votes...) (sqlfn.c,
--    sql_kind: the rule, and why not a trigger).

-- One indexed file.  path is absolute; mtime is in nanoseconds; hash is
-- the 64-bit FNV-1a of the file's bytes.
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  indexed INTEGER NOT NULL,            -- unix time of indexing
  n_mentions INTEGER NOT NULL DEFAULT 0,
  n_quotes INTEGER NOT NULL DEFAULT 0,
  n_spoken INTEGER NOT NULL DEFAULT 0, -- quotes with a speaker
  -- Its quotes are quotes.id quote_lo..quote_hi (none when hi < lo):
  -- store.c writes a document's quotes with consecutive ids, so a range
  -- finds them and quotes need no index by document.
  quote_lo INTEGER NOT NULL DEFAULT 0,
  quote_hi INTEGER NOT NULL DEFAULT -1,
  -- Every mention (entity, byte span, line), in text order, as one
  -- BLOB: per mention four unsigned LEB128 varints, entity id, start
  -- minus the previous start, length, line minus the previous line.  A
  -- row per mention was half the cost of writing the index, and nothing
  -- looks up single mentions.  SQL ws_mentions(mentions) (store.c) gives
  -- [[entity, start, end, line], ...] as JSON; a link pass rewrites the
  -- ids of its merges (store.c relink_docs; SQL ws_remap() does one).
  mentions BLOB
);

-- One real-world name across the corpus.  key is the NFC + casefolded
-- name: two names with one key are one entity.
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  key TEXT NOT NULL UNIQUE,
  kind INTEGER NOT NULL DEFAULT 0,     -- ws_entity_kind
  n_mentions INTEGER NOT NULL DEFAULT 0,
  n_docs INTEGER NOT NULL DEFAULT 0,
  n_quotes INTEGER NOT NULL DEFAULT 0,
  -- mentions in documents that judged the entity other / person / org /
  -- place: the corpus-wide kind is a vote, not the first guess
  votes_other INTEGER NOT NULL DEFAULT 0,
  votes_person INTEGER NOT NULL DEFAULT 0,
  votes_org INTEGER NOT NULL DEFAULT 0,
  votes_place INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_rank ON entities(n_mentions DESC, id);

-- Other names of an entity ("Amir-Abdollahian"), also folded into key so
-- that `--by` and `entity` match any alias case-insensitively.
CREATE TABLE aliases(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  UNIQUE(entity, key)
);
CREATE INDEX aliases_key ON aliases(key);

-- Titles seen with the name ("Foreign Minister").
CREATE TABLE roles(
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY(entity, role)
) WITHOUT ROWID;

-- Per entity and document: how often it is named and quoted there.
-- Clustered by entity, which is how it is read (an entity's documents,
-- merges, and its quotes: n_quotes > 0 names the documents to look in); a document's rows are found through its mention list and
-- quotes, so there is no second index to maintain (a third of the cost
-- of writing this table) and no foreign key: put.c deletes these rows
-- before the document.
CREATE TABLE doc_entities(
  entity INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  n_mentions INTEGER NOT NULL,
  n_quotes INTEGER NOT NULL,
  kind INTEGER NOT NULL DEFAULT 0,     -- the kind this document gave it
  PRIMARY KEY(entity, doc)
) WITHOUT ROWID;

-- One statement: the occurrences of the same words in several documents
-- (issue 3, "one quote, many sources").  key is the normalised text of
-- the first occurrence (statement.c: NFC, casefold, no marks, no punctuation).
CREATE TABLE statements(
  id INTEGER PRIMARY KEY,
  hash INTEGER NOT NULL,               -- ws_hash(key): a small index key
  key TEXT NOT NULL,
  sketch TEXT NOT NULL DEFAULT '[]'    -- its statement_grams hashes, JSON
);
CREATE INDEX statements_hash ON statements(hash);

-- A bottom-k sketch of each statement's word bigrams: statements sharing
-- a sketch value are the only candidates for near-duplicate matching, so
-- linking costs a few index lookups, never a pass over the corpus.  A
-- statement's rows are deleted with it by their keys, listed in
-- statements.sketch (trigger statements_ad), so there is neither an
-- index by statement nor a foreign key to check on every insert.
CREATE TABLE statement_grams(
  hash INTEGER NOT NULL,
  statement INTEGER NOT NULL,
  PRIMARY KEY(hash, statement)
) WITHOUT ROWID;

CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
  DELETE FROM statement_grams WHERE statement = old.id
    AND hash IN (SELECT value FROM json_each(old.sketch));
END;

-- One wording of a statement: the exact text of one or more quote
-- occurrences.  Wire copy and republished articles repeat quotes word for
-- word (a 26 MB news corpus: 130,000 quotes, 19,000 wordings), so the
-- text is stored, and indexed for full-text search, once per wording
-- rather than once per occurrence.  A text always belongs to the statement
-- of its first occurrence.
CREATE TABLE texts(
  id INTEGER PRIMARY KEY,
  statement INTEGER NOT NULL,          -- statements.id
  hash INTEGER NOT NULL,               -- ws_hash(text) >> 1: the lookup key
  text TEXT NOT NULL
);
CREATE INDEX texts_hash ON texts(hash);

-- One quote occurrence in one document.  doc, speaker, statement and
-- text_id carry no foreign key (a lookup per insert): put.c points
-- them only at live rows, deletes a document's quotes with it, merges
-- rewrite speaker before an entity goes, and a statement or text goes
-- only when no quote points to it (trigger quotes_ad).  There is no
-- index: a document's quotes are an id range (documents), and
-- a speaker's are found in the documents where doc_entities counts its
-- quotes, so no index by document or speaker is kept up on every insert
-- (two thirds of the cost of writing a quote); occurrences below lists
-- them by statement.
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,                -- documents.id
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  line INTEGER NOT NULL,
  text_id INTEGER NOT NULL,            -- texts.id: the words quoted
  kind INTEGER NOT NULL,               -- ws_quote_kind
  speaker INTEGER,                     -- entities.id, or NULL
  speaker_start INTEGER,               -- NULL when no speaker mention
  speaker_end INTEGER,
  cue TEXT,
  statement INTEGER NOT NULL           -- statements.id (= its text's)
);
-- A statement's occurrences, and those of one of its texts (full-text
-- hits, trigger quotes_ad): in effect an index of quotes by (statement,
-- text_id), but a table that rows.c fills at commit with the batch's
-- rows sorted, rather than one random B-tree insert per quote (a quarter
-- of the cost of writing quotes).  A quote's row goes with it (trigger
-- quotes_ad).
CREATE TABLE occurrences(
  statement INTEGER NOT NULL,
  text_id INTEGER NOT NULL,
  quote INTEGER NOT NULL,              -- quotes.id
  PRIMARY KEY(statement, text_id, quote)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content = 'texts', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
-- Terms are gathered in memory up to 16 MiB (FTS5's default: 1 MiB)
-- before they are written as a segment: fewer, larger segments mean
-- less merging, which was a third of the writer's work on a 60 MB
-- corpus.  Memory stays bounded by this size (FTS5 'hashsize' option).
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 16777216);

CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  DELETE FROM occurrences WHERE statement = old.statement
    AND text_id = old.text_id AND quote = old.id;
  DELETE FROM texts WHERE id = old.text_id AND NOT EXISTS (SELECT 1
    FROM occurrences WHERE statement = old.statement
    AND text_id = old.text_id);
  DELETE FROM statements WHERE id = old.statement AND NOT EXISTS
    (SELECT 1 FROM occurrences WHERE statement = old.statement);
END;

CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;
