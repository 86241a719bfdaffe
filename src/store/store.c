/*
 * store.c - the whosaid database: opening, schema checks, and writing one
 * document's results.
 *
 * Invariants (see also schema/schema.sql):
 *  - A file is only ever written after it has been recognised as an empty
 *    SQLite database (then the schema is created) or as a whosaid database
 *    of this schema version (PRAGMA application_id marks it, PRAGMA
 *    user_version is the schema version).  Anything else, older versions
 *    included, is refused untouched.
 *  - ws_store_put writes a document inside a savepoint: all of it or none.
 *  - Corpus-wide entities are found by key (NFC casefold of the name);
 *    a quote's words by their exact text (texts: one row per wording);
 *    statements by normalised text, then by near-duplicate text among the
 *    few statements that share a bottom-k bigram sketch value.
 *  - The writer keeps bounded caches of what it wrote (ent_cache); rows
 *    that need no lookup later in the batch (doc_entities, sketch values,
 *    occurrences) wait in memory and are written sorted before commit or
 *    before any delete.  A rollback empties all of it.
 *  - A document's quotes get consecutive ids (ws_store.next_quote), so
 *    documents.quote_lo..quote_hi find them without an index.
 */
#include "store/store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <utf8proc.h>

#include "text/arena.h"
#include "text/text.h"

/* 'wsai': PRAGMA application_id of every whosaid database. */
#define WS_APP_ID 0x77736169

extern const char ws_sql_schema[];

/* Rows written per multi-row INSERT (doc_entities): one
 * statement per row would cost more in statement overhead than in the
 * B-tree. */
#define MANY_ROWS 32

static const char *const stmt_sql[ST_COUNT_] = {
    [ST_DOC_FIND] = "SELECT id, size, mtime, hash, path FROM documents "
                    "WHERE path = ?1",
    [ST_DOC_ENTS] = "SELECT mentions FROM documents WHERE id = ?1",
    [ST_DOC_SPEAKERS] = "SELECT DISTINCT q.speaker FROM documents d "
                        "JOIN quotes q ON q.id BETWEEN d.quote_lo AND "
                        "d.quote_hi WHERE d.id = ?1 AND q.speaker IS NOT NULL",
    [ST_DOC_QUOTES_DELETE] = "DELETE FROM quotes WHERE id BETWEEN "
                             "(SELECT quote_lo FROM documents WHERE id = ?1) "
                             "AND (SELECT quote_hi FROM documents "
                             "WHERE id = ?1)",
    [ST_QUOTE_NEXT] = "SELECT coalesce(max(id), 0) + 1 FROM quotes",
    [ST_OCC_INSERT] = "INSERT INTO occurrences(statement, text_id, quote) "
                      "VALUES (?1, ?2, ?3)",
    [ST_DOC_UNCOUNT] =
        "UPDATE entities SET n_mentions = entities.n_mentions - de.n_mentions, "
        "n_docs = entities.n_docs - 1, n_quotes = entities.n_quotes - "
        "de.n_quotes, "
        "votes_other = votes_other - (de.kind = 0) * de.n_mentions, "
        "votes_person = votes_person - (de.kind = 1) * de.n_mentions, "
        "votes_org = votes_org - (de.kind = 2) * de.n_mentions, "
        "votes_place = votes_place - (de.kind = 3) * de.n_mentions, "
        "kind = ws_kind(votes_other - (de.kind = 0) * de.n_mentions, "
        "votes_person - (de.kind = 1) * de.n_mentions, "
        "votes_org - (de.kind = 2) * de.n_mentions, "
        "votes_place - (de.kind = 3) * de.n_mentions) "
        "FROM doc_entities de "
        "WHERE de.entity = ?2 AND de.doc = ?1 AND entities.id = ?2",
    [ST_DE_DELETE] = "DELETE FROM doc_entities WHERE entity = ?2 AND doc = ?1",
    [ST_DOC_DELETE] = "DELETE FROM documents WHERE id = ?1",
    [ST_DOC_INSERT] = "INSERT INTO documents(path, size, mtime, hash, indexed, "
                      "n_mentions, n_quotes, n_spoken, mentions, quote_lo, "
                      "quote_hi) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [ST_ENT_BY_KEY] = "SELECT id, kind FROM entities WHERE key = ?1",
    [ST_ENT_BY_ALIAS] = "SELECT a.entity, e.kind, e.n_mentions FROM aliases a "
                        "JOIN entities e ON e.id = a.entity WHERE a.key = ?1 "
                        "AND a.entity != ?2 ORDER BY e.n_mentions DESC, e.id "
                        "LIMIT 64",
    [ST_ENT_INSERT] =
        "INSERT INTO entities(name, key, kind) VALUES (?1, ?2, ?3)",
    [ST_ENT_KIND] = "UPDATE entities SET kind = ?2 WHERE id = ?1 AND kind = 0",
    [ST_ENT_COUNT] = "UPDATE entities SET n_mentions = n_mentions + ?2, "
                     "n_docs = n_docs + ?4, n_quotes = n_quotes + ?3, "
                     "votes_other = votes_other + ?5, "
                     "votes_person = votes_person + ?6, "
                     "votes_org = votes_org + ?7, "
                     "votes_place = votes_place + ?8, "
                     "kind = ws_kind(votes_other + ?5, votes_person + ?6, "
                     "votes_org + ?7, votes_place + ?8) "
                     "WHERE id = ?1",
    [ST_ALIAS_INSERT] = "INSERT OR IGNORE INTO aliases(entity, name, key) "
                        "VALUES (?1, ?2, ?3)",
    [ST_ROLE_INSERT] = "INSERT OR IGNORE INTO roles(entity, role) "
                       "VALUES (?1, ?2)",
    [ST_DE_INSERT] = "INSERT INTO doc_entities(doc, entity, n_mentions, "
                     "n_quotes, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_STMT_BY_KEY] = "SELECT id FROM statements WHERE hash = ?2 AND key = ?1",
    [ST_STMT_INSERT] = "INSERT INTO statements(key, hash, sketch) "
                       "VALUES (?1, ?2, ?3)",
    [ST_STMT_KEY] = "SELECT key FROM statements WHERE id = ?1",
    /* The statements of each sketch value (at most 64 each), value after
     * value, in one statement instead of one per value; an unused value
     * is NULL and matches nothing. */
    [ST_GRAM_FIND] =
        "SELECT * FROM (SELECT statement, 0 FROM statement_grams "
        "WHERE hash = ?1 LIMIT 16) UNION ALL "
        "SELECT * FROM (SELECT statement, 1 FROM statement_grams "
        "WHERE hash = ?2 LIMIT 16) UNION ALL "
        "SELECT * FROM (SELECT statement, 2 FROM statement_grams "
        "WHERE hash = ?3 LIMIT 16) UNION ALL "
        "SELECT * FROM (SELECT statement, 3 FROM statement_grams "
        "WHERE hash = ?4 LIMIT 16) UNION ALL "
        "SELECT * FROM (SELECT statement, 4 FROM statement_grams "
        "WHERE hash = ?5 LIMIT 16) UNION ALL "
        "SELECT * FROM (SELECT statement, 5 FROM statement_grams "
        "WHERE hash = ?6 LIMIT 16)",
    /* One row per sketch value (SKETCH_K = 6); a shorter sketch repeats
     * its last value, which OR IGNORE drops.  Plain VALUES cost a third
     * of json_each() over the sketch's JSON text. */
    [ST_GRAM_INSERT] = "INSERT OR IGNORE INTO statement_grams(hash, statement) "
                       "VALUES (?1, ?7), (?2, ?7), (?3, ?7), (?4, ?7), "
                       "(?5, ?7), (?6, ?7)",
    [ST_QUOTE_INSERT] =
        "INSERT INTO quotes(doc, start, end, line, text_id, kind, speaker, "
        "speaker_start, speaker_end, cue, statement, id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    [ST_FTS_INSERT] = "INSERT INTO quotes_fts(rowid, text) "
                      "SELECT id, text FROM texts WHERE id > ?1 ORDER BY id",
    [ST_TEXT_TOP] = "SELECT coalesce(max(id), 0) FROM texts",
    [ST_SEEN_INSERT] = "INSERT OR IGNORE INTO temp.ws_seen(path) VALUES (?1)",
    [ST_DOC_TOUCH] = "UPDATE documents SET size = ?2, mtime = ?3 "
                     "WHERE path = ?1",
    [ST_TEXT_FIND] = "SELECT id, statement FROM texts WHERE hash = ?1 "
                     "AND text = ?2",
    [ST_TEXT_INSERT] = "INSERT INTO texts(statement, hash, text) "
                       "VALUES (?1, ?2, ?3)",
    [ST_GRAM_ONE] = "INSERT OR IGNORE INTO statement_grams(hash, statement) "
                    "VALUES (?1, ?2)",
};

static int fail_msg(ws_error *err, int code, const char *msg) {
  if (err) {
    err->code = code;
    err->offset = -1;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
  }
  return code;
}

/* A message made of three parts (no format strings from variables). */
static int fail_cat(ws_error *err, int code, const char *a, const char *b,
                    const char *c) {
  char msg[sizeof err->msg];
  snprintf(msg, sizeof msg, "%.160s%.160s%.160s", a, b, c);
  return fail_msg(err, code, msg);
}

int ws_store_fail(ws_store *s, ws_error *err, const char *what) {
  const char *m = s && s->db ? sqlite3_errmsg(s->db) : "out of memory";
  char msg[sizeof err->msg];
  snprintf(msg, sizeof msg, "%.200s: %.300s", what, m);
  return fail_msg(err, WS_EDB, msg);
}

int ws_store_exec(ws_store *s, const char *sql, ws_error *err) {
  char *m = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &m) != SQLITE_OK) {
    fail_cat(err, WS_EDB, s->path, ": ", "");
    if (err) {
      size_t k = strlen(err->msg);
      snprintf(err->msg + k, sizeof err->msg - k, "%s", m ? m : "error");
    }
    sqlite3_free(m);
    return WS_EDB;
  }
  return WS_OK;
}

/* "INSERT ... VALUES (?,?,...), ..." for MANY_ROWS rows of the
 * single-row statement `one` (whose SQL ends in its VALUES list). */
static const char *many_rows_sql(enum store_stmt one, int cols, char *buf,
                                 size_t size) {
  if (!buf[0]) {
    const char *sql = stmt_sql[one];
    const char *values = strstr(sql, "VALUES");
    size_t n = (size_t)(values - sql) + 7;
    if (n >= size)
      return NULL;
    memcpy(buf, sql, n);
    buf[n] = '\0';
    for (int k = 0; k < MANY_ROWS; k++) {
      strcat(buf, k ? ",(" : "(");
      for (int c = 0; c < cols; c++)
        strcat(buf, c ? ",?" : "?");
      strcat(buf, ")");
    }
  }
  return buf;
}

sqlite3_stmt *ws_store_stmt(ws_store *s, enum store_stmt i, ws_error *err) {
  sqlite3_stmt *st = s->stmts[i];
  if (!st) {
    /* The multi-row forms are made from the single-row SQL. */
    static char de_n[128 + MANY_ROWS * 12], gram_n[128 + MANY_ROWS * 8],
        occ_n[128 + MANY_ROWS * 10];
    const char *sql =
        i == ST_DE_INSERT_N ? many_rows_sql(ST_DE_INSERT, 5, de_n, sizeof de_n)
        : i == ST_GRAM_ONE_N
            ? many_rows_sql(ST_GRAM_ONE, 2, gram_n, sizeof gram_n)
        : i == ST_OCC_INSERT_N
            ? many_rows_sql(ST_OCC_INSERT, 3, occ_n, sizeof occ_n)
            : stmt_sql[i];
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                           &s->stmts[i], NULL) != SQLITE_OK) {
      ws_store_fail(s, err, "preparing a statement");
      return NULL;
    }
    return s->stmts[i];
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return st;
}

/* 64-bit hash of any bytes, eight at a time: each word is mixed in with
 * one multiply and a shift, and the tail and the length go into the last
 * word; the finaliser is MurmurHash3's fmix64 (public domain).  A file's
 * hash is taken over the whole file on every index run, so a byte at a
 * time (FNV-1a, before) showed in profiles. */
uint64_t ws_hash(const void *data, size_t len) {
  const unsigned char *p = data;
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0xcbf29ce484222325ull ^ ((uint64_t)len * k);
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  /* the tail as a little-endian word (keys and names are short, so the
   * tail is much of their hash), the same value however it is read: on a
   * little-endian machine, from eight bytes of the input ending at its
   * end, shifted down past the bytes already mixed in (no branch on the
   * tail's length, whose mispredictions showed in profiles), or a load
   * of each size below eight bytes; elsewhere a byte at a time */
  static const union {
    uint16_t u;
    unsigned char b[2];
  } endian = {1};
  uint64_t w = 0;
  if (endian.b[0] && len >= 8) {
    uint64_t x;
    memcpy(&x, p + len - 8, 8);
    w = x >> (8 * (7 - (len - i))) >> 8; /* 0 when no byte is left */
  } else if (endian.b[0]) {
    w = ws_load_tail((const char *)p + i, len - i);
  } else {
    for (size_t j = 0; i + j < len; j++)
      w |= (uint64_t)p[i + j] << (8 * j);
  }
  h = (h ^ w) * k;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb93fe53a87ecull;
  h ^= h >> 33;
  return h;
}

/* Steps a statement without results and resets it; 0 if it went well. */
static int step_done(sqlite3_stmt *st) {
  int r = sqlite3_step(st);
  sqlite3_reset(st);
  return r == SQLITE_DONE ? 0 : -1;
}

/* ----------------------------------------------------------- mention lists */

/* A document's mentions are one BLOB (documents.mentions), not one row
 * each: a row per mention was half of the writer's B-tree work, and no
 * query looks a single mention up.  Per mention, in text order, four
 * unsigned LEB128 varints: entity id, start minus the previous start,
 * length, line minus the previous line (deltas keep most of them to one
 * byte, as in FTS5's position lists). */
#define MENTION_MAX_BYTES 40

static size_t put_varint(unsigned char *p, uint64_t v) {
  size_t n = 0;
  while (v >= 0x80) {
    p[n++] = (unsigned char)(v | 0x80);
    v >>= 7;
  }
  p[n++] = (unsigned char)v;
  return n;
}

static int get_varint(const unsigned char *p, size_t len, size_t *pos,
                      uint64_t *v) {
  uint64_t x = 0;
  for (unsigned shift = 0; *pos < len && shift < 64; shift += 7) {
    unsigned char b = p[(*pos)++];
    x |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *v = x;
      return 1;
    }
  }
  return 0;
}

static size_t put_mention(unsigned char *p, const ws_stored_mention *prev,
                          const ws_stored_mention *m) {
  size_t n = put_varint(p, (uint64_t)m->entity);
  n += put_varint(p + n, m->start - prev->start);
  n += put_varint(p + n, m->end - m->start);
  n += put_varint(p + n, m->line - prev->line);
  return n;
}

int ws_mentions_next(const void *blob, size_t len, size_t *pos,
                     ws_stored_mention *m) {
  const unsigned char *p = blob;
  uint64_t e, ds, n, dl;
  if (!p || *pos >= len || !get_varint(p, len, pos, &e) ||
      !get_varint(p, len, pos, &ds) || !get_varint(p, len, pos, &n) ||
      !get_varint(p, len, pos, &dl) || e > INT64_MAX ||
      ds > UINT32_MAX - m->start || n > UINT32_MAX - m->start - ds ||
      dl > UINT32_MAX - m->line)
    return 0;
  m->entity = (int64_t)e;
  m->start += (uint32_t)ds;
  m->end = m->start + (uint32_t)n;
  m->line += (uint32_t)dl;
  return 1;
}

/* SQL ws_remap(list, from, into): the mention list with entity `from`
 * renamed `into`, for fixing lists with plain SQL (ws_store_link renames
 * a pass's merges at once, relink_docs). */
static void sql_remap(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *in = sqlite3_value_blob(argv[0]);
  size_t len = (size_t)sqlite3_value_bytes(argv[0]), pos = 0, o = 0;
  int64_t from = sqlite3_value_int64(argv[1]);
  int64_t into = sqlite3_value_int64(argv[2]);
  if (!in) {
    sqlite3_result_value(cx, argv[0]);
    return;
  }
  /* A larger id takes at most one more byte per varint of 9. */
  unsigned char *out = sqlite3_malloc64(len * 2 + 16);
  if (!out) {
    sqlite3_result_error_nomem(cx);
    return;
  }
  ws_stored_mention prev = {0, 0, 0, 0}, m = prev;
  while (ws_mentions_next(in, len, &pos, &m)) {
    ws_stored_mention w = m;
    if (w.entity == from)
      w.entity = into;
    o += put_mention(out + o, &prev, &w);
    prev = m;
  }
  sqlite3_result_blob(cx, out, (int)o, sqlite3_free);
}

/* SQL ws_kind(other, person, org, place): the corpus-wide kind of an
 * entity from the mentions that vote for each kind (entities.votes_*).
 * A document with no evidence says "other" (a bare surname, an adjective
 * use), so "other" wins only with more than twice the votes of the best
 * specific kind: "Democratic", called other in four hundred documents
 * and person in three, stays other; a person named by surname alone in
 * most articles stays a person.  Ties go to person, then org, then place.
 * Every UPDATE of the votes sets kind with it (a trigger per row cost as
 * much as the update). */
static void sql_kind(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  int64_t other = sqlite3_value_int64(argv[0]);
  int64_t person = sqlite3_value_int64(argv[1]);
  int64_t org = sqlite3_value_int64(argv[2]);
  int64_t place = sqlite3_value_int64(argv[3]);
  int64_t best = person > org ? person : org;
  if (place > best)
    best = place;
  int kind;
  if (best <= 0 || other > 2 * best)
    kind = WS_ENTITY_OTHER;
  else if (person >= org && person >= place)
    kind = WS_ENTITY_PERSON;
  else if (org >= place)
    kind = WS_ENTITY_ORG;
  else
    kind = WS_ENTITY_PLACE;
  sqlite3_result_int(cx, kind);
}

/* SQL ws_mentions(list): the list as JSON, [[entity, start, end, line],
 * ...], for reading mentions with plain SQL. */
static void sql_mentions(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *in = sqlite3_value_blob(argv[0]);
  size_t len = (size_t)sqlite3_value_bytes(argv[0]), pos = 0;
  sqlite3_str *str = sqlite3_str_new(sqlite3_context_db_handle(cx));
  ws_stored_mention m = {0, 0, 0, 0};
  sqlite3_str_appendchar(str, 1, '[');
  for (int k = 0; ws_mentions_next(in, len, &pos, &m); k++)
    sqlite3_str_appendf(str, "%s[%lld,%u,%u,%u]", k ? "," : "",
                        (long long)m.entity, m.start, m.end, m.line);
  sqlite3_str_appendchar(str, 1, ']');
  int n = sqlite3_str_length(str);
  char *z = sqlite3_str_finish(str);
  if (!z)
    sqlite3_result_error_nomem(cx);
  else
    sqlite3_result_text(cx, z, n, sqlite3_free);
}

/* ------------------------------------------------------------ writer cache */

/* Every document names the same few hundred people and places again and
 * again; looking each up in SQLite, and rewriting its aliases, roles and
 * totals, would cost several statements per name per document.  These
 * open-addressing tables keep what the writer already knows.  Sizes are
 * powers of two; each table is emptied when half full (or, for lists and
 * queued rows, when full), so memory stays bounded whatever the corpus:
 * about 40 MB at most with the queued rows, touched only as it fills. */
#define CACHE_BITS 16
#define CACHE_SIZE (1u << CACHE_BITS)

typedef struct key_slot {
  char *key; /* entity key (NFC casefold), malloc'd; NULL if empty */
  uint64_t hash; /* ws_hash of key: compared before the key itself */
  int64_t id;
  int kind;
} key_slot;

typedef struct delta_slot {
  int64_t id; /* entity id; 0 if empty */
  int64_t mentions, docs, quotes;
  int64_t votes[4]; /* mentions by the kind their document gave */
} delta_slot;

/* A quote text already stored: texts.id and its statement, by the
 * 64-bit hash of the text's bytes (ws_hash, computed by the extraction
 * threads).  Only the hash is kept, as in the `seen` table: two texts
 * would need equal hashes and equal lengths to be confused. */
typedef struct text_slot {
  uint64_t hash; /* 0 if empty */
  int64_t id, statement;
  uint32_t len;
} text_slot;

#define TEXT_CACHE_SIZE (1u << 17)

/* One bit per hash of each stored text, statement key and sketch value
 * (see ent_cache.fresh): 1 MiB each, about 1% of clear bits misread as
 * set at a hundred thousand rows. */
#define BLOOM_BITS (1u << 23)
enum { BLOOM_TEXTS, BLOOM_KEYS, BLOOM_GRAMS, BLOOM_ENTS };

/* Sketch values of the statements this connection wrote (see
 * ent_cache.grams_complete): per value, its statements in id order, at
 * most GRAM_CAP, as a list through gram_node.next. */
typedef struct gram_slot {
  int64_t hash; /* sketch value; 0 if empty (ws_hash >> 1 is never 0 here) */
  uint32_t head, tail, n;
} gram_slot;

#define GRAM_SLOTS (1u << 17)
#define GRAM_NODES (1u << 18)
#define GRAM_PENDING (1u << 16) /* rows written early past this */
#define OCC_PENDING (1u << 18)  /* the same for occurrences */

/* A doc_entities row waiting to be written. */
typedef struct de_row {
  int64_t entity, doc, mentions, quotes, kind;
} de_row;

struct ent_cache {
  key_slot keys[CACHE_SIZE];
  size_t n_keys;
  uint64_t seen[CACHE_SIZE]; /* hashes of written (entity, alias|role) */
  size_t n_seen;
  delta_slot deltas[CACHE_SIZE];
  size_t n_deltas;
  /* doc_entities rows of the batch, written sorted by (entity, doc) at
   * commit: in document order they land all over the table's B-tree and
   * cost as much as the full-text index. */
  de_row *de;
  size_t n_de, cap_de;
  unsigned char *mbuf; /* a document's mention list, being encoded */
  size_t cap_mbuf;
  /* Statements by exact key: news repeats wire copy word for word, and
   * most quotes are found here without a B-tree search.  Emptied when any
   * document is deleted (a statement may go with it). */
  key_slot stmts[CACHE_SIZE];
  size_t n_stmts;
  /* Quote texts by hash: a repeated quote (most of them) costs one probe
   * here instead of a statement lookup and a full-text entry.  Emptied,
   * like stmts, when any document is deleted. */
  text_slot texts[TEXT_CACHE_SIZE];
  size_t n_texts;
  /* Whether the database held no statements or texts when it was opened
   * and no other connection has written since (PRAGMA data_version):
   * then every stored statement, text and sketch value was written by
   * this connection and has its bit set below, and a clear bit means
   * "not stored", with no lookup.  A fresh index (the bulk case) skips
   * most statement lookups this way.  Bits are never cleared: a row
   * deleted or rolled back leaves a bit that only costs a lookup. */
  int fresh;
  int foreign; /* another connection has written since this one opened */
  int64_t data_version;
  /* While grams_complete (fresh, and nothing deleted, rolled back or
   * dropped for room since), gram_slots list every statement_grams row,
   * so near-duplicate candidates are found here with no SQL; the rows
   * are written at commit, sorted (gram_pending), instead of one random
   * B-tree insert each. */
  int grams_complete;
  gram_slot gram_slots[GRAM_SLOTS];
  size_t n_gram_slots;
  int64_t gram_stmt[GRAM_NODES]; /* statement of node i (from 1) */
  uint32_t gram_next[GRAM_NODES]; /* next node of the same value, or 0 */
  size_t n_gram_nodes;
  int64_t (*gram_pending)[2]; /* (hash, statement) rows not yet written */
  size_t n_gram_pending;
  /* occurrences rows of the batch, written sorted at commit (or before a
   * delete, or when OCC_PENDING are waiting). */
  int64_t (*occ_pending)[3]; /* (statement, text_id, quote) */
  size_t n_occ_pending;
  int fresh_ents; /* the same for entity keys (no entities at open) */
  uint64_t bloom[4][BLOOM_BITS / 64]; /* BLOOM_TEXTS, _KEYS, _GRAMS, _ENTS */
};

#define DE_MAX (1u << 18) /* pending rows written early past this */

static int de_flush(ws_store *s, ws_error *err);
static int gram_flush(ws_store *s, ws_error *err);
static int occ_flush(ws_store *s, ws_error *err);
static int gram_add(ws_store *s, int64_t h, int64_t id, ws_error *err);

static void cache_clear_keys(ent_cache *c) {
  for (size_t i = 0; i < CACHE_SIZE; i++) {
    free(c->keys[i].key);
    c->keys[i].key = NULL;
  }
  c->n_keys = 0;
  memset(c->seen, 0, sizeof c->seen);
  c->n_seen = 0;
}

static key_slot *slot_find(key_slot *t, const char *key, uint64_t h) {
  for (size_t i = h & (CACHE_SIZE - 1);; i = (i + 1) & (CACHE_SIZE - 1)) {
    key_slot *k = &t[i];
    if (!k->key || (k->hash == h && strcmp(k->key, key) == 0))
      return k;
  }
}

static void cache_clear_stmts(ent_cache *c) {
  for (size_t i = 0; i < CACHE_SIZE; i++) {
    free(c->stmts[i].key);
    c->stmts[i].key = NULL;
  }
  c->n_stmts = 0;
  memset(c->texts, 0, sizeof c->texts);
  c->n_texts = 0;
}

/* The slot of text hash h (h != 0): its entry, or the empty slot where
 * it goes. */
static text_slot *text_find(ent_cache *c, uint64_t h) {
  for (size_t i = (h >> 7) & (TEXT_CACHE_SIZE - 1);;
       i = (i + 1) & (TEXT_CACHE_SIZE - 1)) {
    text_slot *t = &c->texts[i];
    if (!t->hash || t->hash == h)
      return t;
  }
}

static void cache_put_text(ent_cache *c, uint64_t h, uint32_t len, int64_t id,
                           int64_t statement) {
  if (c->n_texts >= TEXT_CACHE_SIZE / 2) {
    memset(c->texts, 0, sizeof c->texts);
    c->n_texts = 0;
  }
  text_slot *t = text_find(c, h);
  if (!t->hash)
    c->n_texts++;
  *t = (text_slot){h, id, statement, len};
}

/* Records statement id for key (h: ws_hash of key). */
static void cache_put_stmt(ent_cache *c, const char *key, uint64_t h,
                           int64_t id) {
  if (c->n_stmts >= CACHE_SIZE / 2)
    cache_clear_stmts(c);
  key_slot *k = slot_find(c->stmts, key, h);
  if (!k->key) {
    if (!(k->key = strdup(key)))
      return;
    k->hash = h;
    c->n_stmts++;
  }
  k->id = id;
}

static void cache_put_key(ent_cache *c, const char *key, uint64_t h,
                          int64_t id, int kind) {
  if (c->n_keys >= CACHE_SIZE / 2)
    cache_clear_keys(c);
  key_slot *k = slot_find(c->keys, key, h);
  if (!k->key) {
    if (!(k->key = strdup(key)))
      return;
    k->hash = h;
    c->n_keys++;
  }
  k->id = id;
  k->kind = kind;
}

static size_t bloom_bit(uint64_t h) {
  return (size_t)((h * 0x9E3779B97F4A7C15ull) >> (64 - 23));
}
_Static_assert(BLOOM_BITS == 1u << 23, "bloom_bit takes 23 bits");

static void bloom_add(ent_cache *c, int which, uint64_t h) {
  size_t b = bloom_bit(h);
  c->bloom[which][b / 64] |= (uint64_t)1 << (b % 64);
}

/* 0 only when a row with hash h is certainly not stored. */
static int maybe_stored(const ent_cache *c, int which, uint64_t h) {
  size_t b = bloom_bit(h);
  if (which == BLOOM_ENTS ? !c->fresh_ents : !c->fresh)
    return 1;
  return (c->bloom[which][b / 64] >> (b % 64)) & 1;
}

static gram_slot *gram_find(ent_cache *c, int64_t h) {
  uint64_t x = (uint64_t)h * 0x9E3779B97F4A7C15ull;
  for (size_t i = (size_t)(x >> 47) & (GRAM_SLOTS - 1);;
       i = (i + 1) & (GRAM_SLOTS - 1)) {
    gram_slot *g = &c->gram_slots[i];
    if (!g->hash || g->hash == h)
      return g;
  }
}

/* Drops the in-memory lists: from now on candidates come from SQL. */
static void grams_forget(ent_cache *c) {
  if (c->n_gram_slots)
    memset(c->gram_slots, 0, sizeof c->gram_slots);
  c->n_gram_slots = 0;
  c->n_gram_nodes = 0;
  c->grams_complete = 0;
}

/* Returns 1 if the pair was already recorded, else records it. */
static int cache_seen(ent_cache *c, int64_t id, const char *what, int tag) {
  uint64_t h = ws_hash(what, strlen(what)) ^
               ((uint64_t)id * 0x9E3779B97F4A7C15ull) ^ (uint64_t)tag;
  if (!h)
    h = 1;
  size_t i = h & (CACHE_SIZE - 1);
  for (;; i = (i + 1) & (CACHE_SIZE - 1)) {
    if (c->seen[i] == h)
      return 1;
    if (!c->seen[i])
      break;
  }
  if (c->n_seen >= CACHE_SIZE / 2) {
    memset(c->seen, 0, sizeof c->seen);
    c->n_seen = 0;
    i = h & (CACHE_SIZE - 1);
  }
  c->seen[i] = h;
  c->n_seen++;
  return 0;
}

/* Adds the texts written since the last call to the full-text index, in
 * one statement.  Inserting each quote's row as it is written costs
 * twice as much: every later multi-row INSERT or UPDATE opens a
 * statement savepoint, and FTS5 writes its pending terms out as a new
 * segment at every savepoint (fts5_main.c, fts5SavepointMethod), so the
 * index was built from thousands of tiny segments that then had to be
 * merged.  Called before commit and before any delete (whose trigger
 * removes FTS rows, which must exist by then). */
static int fts_top(ws_store *s, int64_t *top, ws_error *err) {
  sqlite3_stmt *st = ws_store_stmt(s, ST_TEXT_TOP, err);
  if (!st)
    return WS_EDB;
  int r = sqlite3_step(st);
  if (r == SQLITE_ROW)
    *top = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  return r == SQLITE_ROW ? WS_OK : ws_store_fail(s, err, s->path);
}

static int fts_flush(ws_store *s, ws_error *err) {
  if (!s->in_txn)
    return WS_OK;
  int64_t top = 0;
  int rc = fts_top(s, &top, err);
  if (rc)
    return rc;
  if (top <= s->fts_from)
    return WS_OK;
  sqlite3_stmt *st;
  if (!(st = ws_store_stmt(s, ST_FTS_INSERT, err)))
    return WS_EDB;
  sqlite3_bind_int64(st, 1, s->fts_from);
  if (step_done(st))
    return ws_store_fail(s, err, "indexing quote text");
  s->fts_from = top;
  return WS_OK;
}

/* Sorts slot numbers by the entity id in their slot (as (id, slot)
 * pairs: C's qsort takes no context).  Leaves them as they are if there
 * is no memory. */
static int cmp_pair(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  return (x[0] > y[0]) - (x[0] < y[0]);
}

static void sort_by_id(uint32_t *order, size_t n, const delta_slot *deltas) {
  int64_t(*pair)[2] = malloc(n * sizeof *pair);
  if (!pair)
    return;
  for (size_t i = 0; i < n; i++) {
    pair[i][0] = deltas[order[i]].id;
    pair[i][1] = order[i];
  }
  qsort(pair, n, sizeof *pair, cmp_pair);
  for (size_t i = 0; i < n; i++)
    order[i] = (uint32_t)pair[i][1];
  free(pair);
}

/* Writes the pending entity totals. */
static int cache_flush(ws_store *s, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c)
    return WS_OK;
  int rc = de_flush(s, err);
  if (!rc)
    rc = gram_flush(s, err);
  if (!rc)
    rc = occ_flush(s, err);
  if (rc || !c->n_deltas)
    return rc;
  /* In id order: entity rows are then updated page by page rather than
   * in hash order all over the table (unsorted if there is no room). */
  uint32_t *order = malloc(c->n_deltas * sizeof *order);
  size_t n = 0;
  for (size_t i = 0; order && i < CACHE_SIZE; i++)
    if (c->deltas[i].id)
      order[n++] = (uint32_t)i;
  if (order)
    sort_by_id(order, n, c->deltas);
  for (size_t j = 0; j < (order ? n : CACHE_SIZE); j++) {
    delta_slot *d = &c->deltas[order ? order[j] : j];
    if (!d->id)
      continue;
    sqlite3_stmt *st = rc ? NULL : ws_store_stmt(s, ST_ENT_COUNT, err);
    if (st) {
      sqlite3_bind_int64(st, 1, d->id);
      sqlite3_bind_int64(st, 2, d->mentions);
      sqlite3_bind_int64(st, 3, d->quotes);
      sqlite3_bind_int64(st, 4, d->docs);
      for (int k = 0; k < 4; k++)
        sqlite3_bind_int64(st, 5 + k, d->votes[k]);
      if (sqlite3_step(st) != SQLITE_DONE)
        rc = ws_store_fail(s, err, "counting entities");
      sqlite3_reset(st);
    } else {
      rc = WS_EDB;
    }
    memset(d, 0, sizeof *d);
  }
  free(order);
  c->n_deltas = 0;
  return rc;
}

static int cache_add_delta(ws_store *s, int64_t id, int64_t m, int64_t q,
                           int kind, ws_error *err) {
  ent_cache *c = s->cache;
  if (c->n_deltas >= CACHE_SIZE / 2) {
    int rc = cache_flush(s, err);
    if (rc)
      return rc;
  }
  uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15ull;
  for (size_t i = (h >> 20) & (CACHE_SIZE - 1);;
       i = (i + 1) & (CACHE_SIZE - 1)) {
    delta_slot *d = &c->deltas[i];
    if (d->id == id || !d->id) {
      if (!d->id)
        c->n_deltas++;
      d->id = id;
      d->mentions += m;
      d->quotes += q;
      d->docs += 1;
      d->votes[(unsigned)kind < 4 ? kind : 0] += m;
      return WS_OK;
    }
  }
}

/* After a rollback the cached ids and the pending totals may name rows
 * that no longer exist. */
static void cache_reset(ws_store *s, int deltas_too) {
  if (!s->cache)
    return;
  cache_clear_keys(s->cache);
  cache_clear_stmts(s->cache);
  if (deltas_too) {
    memset(s->cache->deltas, 0, sizeof s->cache->deltas);
    s->cache->n_deltas = 0;
    s->cache->n_de = 0;
    s->cache->n_gram_pending = 0;
    s->cache->n_occ_pending = 0;
    grams_forget(s->cache);
  }
}

/* ------------------------------------------------------------- open, close */

/* Reads one integer pragma; returns an SQLite result code. */
static int pragma_int(sqlite3 *db, const char *sql, int64_t *v) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *v = sqlite3_column_int64(st, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

static int create_schema(ws_store *s, ws_error *err) {
  char pragmas[128];
  snprintf(pragmas, sizeof pragmas,
           "PRAGMA application_id = %d; PRAGMA user_version = %d;", WS_APP_ID,
           WS_SCHEMA_VERSION);
  int rc;
  if ((rc = ws_store_exec(s, "BEGIN IMMEDIATE", err)))
    return rc;
  if ((rc = ws_store_exec(s, ws_sql_schema, err)) ||
      (rc = ws_store_exec(s, pragmas, err))) {
    ws_store_rollback(s);
    return rc;
  }
  return ws_store_exec(s, "COMMIT", err);
}

/* Decides whether the opened file is ours; creates the schema in an empty
 * database when allowed. */
static int check_schema(ws_store *s, int flags, ws_error *err) {
  int64_t app = 0, version = 0, objects = 0;
  int rc = pragma_int(s->db, "PRAGMA application_id", &app);
  if (rc == SQLITE_OK)
    rc = pragma_int(s->db, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK)
    rc = pragma_int(s->db, "SELECT count(*) FROM sqlite_schema", &objects);
  if ((rc & 0xff) == SQLITE_NOTADB)
    return fail_cat(err, WS_ESCHEMA, s->path,
                    ": not a whosaid database (not an SQLite file)", "");
  if (rc != SQLITE_OK)
    return ws_store_fail(s, err, s->path);
  if (app == WS_APP_ID) {
    if (version > WS_SCHEMA_VERSION) {
      char msg[96];
      snprintf(msg, sizeof msg, " (schema %lld; this whosaid reads %d)",
               (long long)version, WS_SCHEMA_VERSION);
      fail_cat(err, WS_ESCHEMA, s->path,
               ": database was made by a newer whosaid", "");
      if (err) {
        size_t k = strlen(err->msg);
        snprintf(err->msg + k, sizeof err->msg - k, "%s", msg);
      }
      return WS_ESCHEMA;
    }
    if (version < WS_SCHEMA_VERSION) {
      /* Schema 1 never shipped: no migration, a rebuild is quick. */
      char msg[160];
      snprintf(msg, sizeof msg,
               ": database was made by an older whosaid (schema %lld; this "
               "whosaid reads %d); delete it and run 'whosaid index' again",
               (long long)version, WS_SCHEMA_VERSION);
      return fail_cat(err, WS_ESCHEMA, s->path, msg, "");
    }
    return WS_OK;
  }
  if (app == 0 && version == 0 && objects == 0) {
    if (flags & WS_STORE_READONLY)
      return fail_cat(err, WS_ESCHEMA, s->path,
                      ": empty database (run 'whosaid index PATH' first)", "");
    return create_schema(s, err);
  }
  return fail_cat(err, WS_ESCHEMA, s->path,
                  ": not a whosaid database (an SQLite file of another "
                  "program)",
                  "");
}

/* Memory statistics take a global mutex on every allocation; whosaid
 * never reads them (SQLite's "sqlite3_config" documentation). */
static void configure_sqlite(void) {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int ws_store_open(const char *path, int flags, ws_store **out, ws_error *err) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, configure_sqlite);
  *out = NULL;
  struct stat st;
  int exists = stat(path, &st) == 0;
  if (!exists && errno == ENOENT && !(flags & WS_STORE_CREATE))
    return fail_cat(err, WS_EDB, "no database at ", path,
                    " (run 'whosaid index PATH' first)");
  if (exists && S_ISDIR(st.st_mode))
    return fail_cat(err, WS_EDB, path, ": is a directory, not a database", "");
  if (!exists && errno == ENOENT) {
    /* Name the missing folder rather than SQLite's "unable to open". */
    const char *slash = strrchr(path, '/');
    if (slash && slash != path) {
      char dir[4096];
      size_t n = (size_t)(slash - path);
      if (n < sizeof dir) {
        memcpy(dir, path, n);
        dir[n] = '\0';
        if (stat(dir, &st) != 0)
          return fail_cat(err, WS_EDB, "cannot create database: folder ", dir,
                          " does not exist");
      }
    }
  }
  ws_store *s = calloc(1, sizeof *s);
  if (!s || !(s->path = malloc(strlen(path) + 1))) {
    free(s);
    return fail_msg(err, WS_ENOMEM, "out of memory");
  }
  strcpy(s->path, path);
  s->readonly = (flags & WS_STORE_READONLY) != 0;
  /* One connection per thread: SQLite's own mutexes only cost time. */
  int oflags = SQLITE_OPEN_NOMUTEX;
  oflags |= s->readonly
                ? SQLITE_OPEN_READONLY
                : SQLITE_OPEN_READWRITE |
                      ((flags & WS_STORE_CREATE) ? SQLITE_OPEN_CREATE : 0);
  int rc;
  if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK) {
    rc = fail_cat(err, WS_EDB, "cannot open database ", path, ": ");
    if (err) {
      size_t k = strlen(err->msg);
      snprintf(err->msg + k, sizeof err->msg - k, "%s",
               s->db ? sqlite3_errmsg(s->db) : "out of memory");
    }
    goto fail;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, 10000);
  int fflags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  if (sqlite3_create_function(s->db, "ws_remap", 3, fflags, NULL, sql_remap,
                              NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function(s->db, "ws_mentions", 1, fflags, NULL,
                              sql_mentions, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function(s->db, "ws_kind", 4, fflags, NULL, sql_kind,
                              NULL, NULL) != SQLITE_OK) {
    rc = ws_store_fail(s, err, path);
    goto fail;
  }
  if ((rc = check_schema(s, flags, err)))
    goto fail;
  if (!s->readonly && sqlite3_db_readonly(s->db, "main") == 1) {
    rc = fail_cat(err, WS_EDB, path,
                  ": database is read-only (no write permission)", "");
    goto fail;
  }
  /* WAL: readers never block the writer and a crash never leaves a torn
   * database; synchronous=NORMAL is durable at each checkpoint, which is
   * what an index that can be rebuilt needs (SQLite's WAL documentation). */
  if (!s->readonly && (rc = ws_store_exec(s,
                                          "PRAGMA journal_mode = WAL;"
                                          "PRAGMA synchronous = NORMAL;",
                                          err)))
    goto fail;
  /* A 64 MiB page cache; temporary tables (the files seen by an index
   * run, GROUP BY sorts) stay on disk past their own small cache, so
   * memory does not grow with the corpus. */
  if ((rc = ws_store_exec(s,
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA cache_size = -65536;",
                          err)))
    goto fail;
  int64_t maxalias = 0;
  if (pragma_int(s->db, "SELECT coalesce(max(id), 0) FROM aliases",
                 &maxalias) != SQLITE_OK) {
    rc = ws_store_fail(s, err, path);
    goto fail;
  }
  s->link_from = maxalias;
  if (pragma_int(s->db, "SELECT coalesce(max(id), 0) FROM entities",
                 &s->ent_from) != SQLITE_OK) {
    rc = ws_store_fail(s, err, path);
    goto fail;
  }
  if (!s->readonly && !(s->cache = calloc(1, sizeof *s->cache))) {
    rc = fail_msg(err, WS_ENOMEM, "out of memory");
    goto fail;
  }
  if (s->cache) {
    /* data_version first: a write after it, even one this check misses,
     * changes it before the first transaction (ws_store_begin). */
    int64_t any = 1, ents = 0;
    if (pragma_int(s->db, "PRAGMA data_version", &s->cache->data_version) !=
            SQLITE_OK ||
        pragma_int(s->db,
                   "SELECT EXISTS (SELECT 1 FROM statements) OR "
                   "EXISTS (SELECT 1 FROM texts)",
                   &any) != SQLITE_OK ||
        pragma_int(s->db, "SELECT NOT EXISTS (SELECT 1 FROM entities)",
                   &ents) != SQLITE_OK) {
      rc = ws_store_fail(s, err, path);
      goto fail;
    }
    s->cache->fresh_ents = (int)ents;
    s->cache->fresh = s->cache->grams_complete = !any;
  }
  *out = s;
  return WS_OK;
fail:
  ws_store_close(s);
  return rc;
}

void ws_store_close(ws_store *s) {
  if (!s)
    return;
  if (s->cache) {
    cache_reset(s, 1);
    free(s->cache->de);
    free(s->cache->mbuf);
    free(s->cache->gram_pending);
    free(s->cache->occ_pending);
  }
  free(s->cache);
  for (int i = 0; i < ST_COUNT_; i++)
    sqlite3_finalize(s->stmts[i]);
  if (s->in_txn)
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(s->db);
  free(s->path);
  free(s);
}

int ws_store_begin(ws_store *s, ws_error *err) {
  if (s->in_txn)
    return WS_OK;
  int rc = ws_store_exec(s, "BEGIN IMMEDIATE", err);
  if (rc == WS_OK)
    s->in_txn = 1;
  if (rc == WS_OK && s->cache && !s->cache->foreign) {
    /* Another connection wrote: its rows have no bits (ent_cache.fresh),
     * and a document it stored may be one the caller thought new. */
    int64_t dv = 0;
    if (pragma_int(s->db, "PRAGMA data_version", &dv) != SQLITE_OK ||
        dv != s->cache->data_version) {
      s->cache->fresh = s->cache->fresh_ents = 0;
      s->cache->foreign = 1;
      grams_forget(s->cache);
    }
  }
  /* Every committed text is in quotes_fts (fts_flush before COMMIT). */
  if (rc == WS_OK)
    rc = fts_top(s, &s->fts_from, err);
  /* Quote ids are given, not taken from SQLite: a document's quotes must
   * be consecutive (documents.quote_lo..quote_hi). */
  if (rc == WS_OK) {
    sqlite3_stmt *st = ws_store_stmt(s, ST_QUOTE_NEXT, err);
    if (!st)
      rc = WS_EDB;
    else if (sqlite3_step(st) == SQLITE_ROW)
      s->next_quote = sqlite3_column_int64(st, 0);
    else
      rc = ws_store_fail(s, err, s->path);
    if (st)
      sqlite3_reset(st);
  }
  if (rc && s->in_txn)
    ws_store_rollback(s);
  return rc;
}

int ws_store_commit(ws_store *s, ws_error *err) {
  if (!s->in_txn)
    return WS_OK;
  int rc = cache_flush(s, err);
  if (!rc)
    rc = fts_flush(s, err);
  if (rc)
    return rc;
  rc = ws_store_exec(s, "COMMIT", err);
  if (rc == WS_OK)
    s->in_txn = 0;
  return rc;
}

int ws_store_rollback(ws_store *s) {
  s->in_txn = 0;
  cache_reset(s, 1);
  return sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK
             ? WS_OK
             : WS_EDB;
}

/* ------------------------------------------------------ statement identity */

/* Characters that join the letters around them when they sit between two
 * letters or digits ("U.S." -> "us", "1,000" -> "1000", "don't"): house
 * styles differ on exactly these, so they must not split a word. */
static int is_joiner(int32_t c) {
  return c == '.' || c == ',' || c == '\'' || c == 0x2019 || c == 0x2018 ||
         c == 0x02BC || c == 0x00B7;
}

static int is_word_cp(int32_t c) {
  utf8proc_category_t cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* The code point at text[i] if it is ASCII or one of the punctuation marks
 * news text is full of (curly quotes, dashes, ellipsis, no-break space),
 * with its length in *k; -1 for anything else. */
static int32_t simple_cp(const unsigned char *t, size_t i, size_t len,
                         size_t *k) {
  if (t[i] < 0x80) {
    *k = 1;
    return t[i];
  }
  *k = 2;
  if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0xA0)
    return 0xA0;
  *k = 3;
  if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x80)
    switch (t[i + 2]) {
    case 0x93: case 0x94: case 0x98: case 0x99: case 0x9C: case 0x9D:
    case 0xA6:
      return 0x2000 + (t[i + 2] - 0x80);
    }
  return -1;
}

static int simple_word_cp(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* ws_statement_key() of text made of ASCII and simple_cp() marks, without
 * utf8proc: case folding is lower-casing there, none of the marks is a
 * word character, and compatibility mapping only turns the no-break space
 * into a space and the ellipsis into "..." (which separates words exactly
 * as the ellipsis does).  Writes the key to out (room for len + 1 bytes,
 * as a key is never longer than its text) and returns its length, or
 * (size_t)-1 when the text has any other character (out is then
 * garbage).  Most quotes qualify, and utf8proc_map was most of the key's
 * cost; ASCII letters and digits, most of a quote, take the first branch
 * without decoding.  The offsets in out of the first max_starts words
 * go to starts[0..*n_starts) (*n_starts is 0 on entry): key_sketch()
 * reads the words from them. */
/* SWAR (SIMD within a register) over eight bytes, for the runs of
 * letters of a key: the high bit of each byte below 0x80 that is >= c
 * (0 < c <= 0x80), as adding 0x80 - c carries into bit 7 exactly then. */
#define KEY_ONES UINT64_C(0x0101010101010101)
#define KEY_HIGH UINT64_C(0x8080808080808080)
static inline uint64_t key_ge(uint64_t x, unsigned c) {
  return (x + KEY_ONES * (0x80u - c)) & KEY_HIGH;
}

/* 1 on a little-endian machine, where the first of eight loaded bytes is
 * the lowest (the SWAR steps count bytes from there). */
static inline int little_endian(void) {
  static const union {
    uint16_t u;
    unsigned char b[2];
  } e = {1};
  return e.b[0];
}

static size_t simple_statement_key(const char *text, size_t len, char *out,
                                   size_t *starts, size_t max_starts,
                                   size_t *n_starts) {
  /* an ASCII letter or digit as the key writes it (lower case), else 0 */
#define KEY_LETTER(c) [c] = c, [c - ('a' - 'A')] = c
#define KEY_DIGIT(c) [c] = c
  static const char key_byte[128] = {
      KEY_LETTER('a'), KEY_LETTER('b'), KEY_LETTER('c'), KEY_LETTER('d'),
      KEY_LETTER('e'), KEY_LETTER('f'), KEY_LETTER('g'), KEY_LETTER('h'),
      KEY_LETTER('i'), KEY_LETTER('j'), KEY_LETTER('k'), KEY_LETTER('l'),
      KEY_LETTER('m'), KEY_LETTER('n'), KEY_LETTER('o'), KEY_LETTER('p'),
      KEY_LETTER('q'), KEY_LETTER('r'), KEY_LETTER('s'), KEY_LETTER('t'),
      KEY_LETTER('u'), KEY_LETTER('v'), KEY_LETTER('w'), KEY_LETTER('x'),
      KEY_LETTER('y'), KEY_LETTER('z'), KEY_DIGIT('0'), KEY_DIGIT('1'),
      KEY_DIGIT('2'), KEY_DIGIT('3'), KEY_DIGIT('4'), KEY_DIGIT('5'),
      KEY_DIGIT('6'), KEY_DIGIT('7'), KEY_DIGIT('8'), KEY_DIGIT('9')};
#undef KEY_LETTER
#undef KEY_DIGIT
  const unsigned char *t = (const unsigned char *)text;
  size_t o = 0, k;
  int in_word = 0; /* the previous character was a word character */
  for (size_t i = 0; i < len; i += k) {
    unsigned b = t[i];
    int32_t c;
    if (b < 0x80) {
      char kc = key_byte[b];
      if (kc) { /* a run of ASCII letters and digits, copied lowered */
        if (!in_word) { /* a word starts */
          if (o > 0)
            out[o++] = ' ';
          if (*n_starts < max_starts)
            starts[(*n_starts)++] = o;
        }
        /* eight bytes a step while eight remain (o <= i, so out has
         * room for them): the run's letters lowered and where it ends
         * from bit arithmetic, as ws_tokenize() finds words, instead of
         * a branch per byte that mispredicted at the end of every word */
        while (little_endian() && len - i >= 8) {
          uint64_t w;
          memcpy(&w, t + i, 8);
          uint64_t x = w & ~KEY_HIGH, lc = x | (KEY_ONES * 0x20);
          uint64_t letter = key_ge(lc, 'a') & ~key_ge(lc, 'z' + 1) & ~w;
          uint64_t digit = key_ge(x, '0') & ~key_ge(x, '9' + 1) & ~w;
          uint64_t low = w | (letter >> 2); /* bit 5 set: lower case */
          memcpy(out + o, &low, 8);
          uint64_t nw = ~(letter | digit) & KEY_HIGH; /* not in the run */
          if (!nw) {
            i += 8, o += 8;
            continue;
          }
          /* the first such byte's index: (1 << 8r) times the constant
           * puts r in the top byte */
          size_t r = (size_t)((((nw & (~nw + 1)) >> 7) *
                               UINT64_C(0x0001020304050607)) >> 56);
          i += r, o += r;
          break;
        }
        while (i < len && t[i] < 0x80 && (kc = key_byte[t[i]]) != 0)
          out[o++] = kc, i++;
        in_word = 1;
        k = 0;
        continue;
      }
      k = 1;
      c = (int32_t)b;
    } else if ((c = simple_cp(t, i, len, &k)) < 0) {
      return (size_t)-1;
    }
    if (is_joiner(c) && in_word && i + k < len) {
      size_t k2;
      in_word = simple_word_cp(simple_cp(t, i + k, len, &k2));
    } else {
      in_word = 0;
    }
  }
  out[o] = '\0';
  return o;
}

/* The statement key of a text with characters beyond simple_cp()'s, by
 * utf8proc; malloc'd, NULL when out of memory. */
static char *full_statement_key(const char *text, size_t len) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map(
      (const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &folded,
      UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
          UTF8PROC_IGNORE | UTF8PROC_COMPAT);
  if (n < 0) {
    /* Invalid UTF-8 never reaches the store; fall back to the raw bytes. */
    folded = malloc(len + 1);
    if (!folded)
      return NULL;
    memcpy(folded, text, len);
    folded[len] = 0;
    n = (utf8proc_ssize_t)len;
  }
  char *out = malloc((size_t)n + 1);
  if (!out) {
    free(folded);
    return NULL;
  }
  size_t o = 0;
  int32_t prev = 0; /* previous code point, or 0 after a separator */
  for (utf8proc_ssize_t i = 0; i < n;) {
    int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &c);
    if (k <= 0) {
      i++;
      continue;
    }
    if (is_word_cp(c)) {
      if (prev == 0 && o > 0)
        out[o++] = ' ';
      memcpy(out + o, folded + i, (size_t)k);
      o += (size_t)k;
      prev = c;
    } else if (is_joiner(c) && prev != 0 && i + k < n) {
      int32_t next;
      utf8proc_iterate(folded + i + k, n - i - k, &next);
      if (!is_word_cp(next))
        prev = 0;
    } else {
      prev = 0;
    }
    i += k;
  }
  out[o] = '\0';
  free(folded);
  return out;
}

char *ws_statement_key(const char *text, size_t len) {
  if (len == SIZE_MAX)
    return NULL;
  char *out = malloc(len + 1);
  if (!out)
    return NULL;
  size_t n_starts = 0; /* no word starts wanted */
  if (simple_statement_key(text, len, out, NULL, 0, &n_starts) != (size_t)-1)
    return out;
  free(out);
  return full_statement_key(text, len);
}

/* Splits a key into word pointers/lengths (keys are single-space
 * separated).  Returns the number of words (at most max). */
static size_t key_words(const char *key, const char **w, size_t *wl,
                        size_t max) {
  size_t n = 0;
  const char *p = key;
  while (*p && n < max) {
    const char *s = p; /* words are short: a loop, not strchr + strlen */
    while (*p && *p != ' ')
      p++;
    w[n] = s;
    wl[n++] = (size_t)(p - s);
    if (*p == ' ')
      p++;
  }
  return n;
}

static int word_cmp(const char *a, size_t la, const char *b, size_t lb) {
  int c = memcmp(a, b, la < lb ? la : lb);
  return c ? c : (la > lb) - (la < lb);
}

/* Insertion sort of words (pointer + length pairs): at most MAXW. */
static void sort_words(const char **w, size_t *l, size_t n) {
  for (size_t i = 1; i < n; i++) {
    const char *kw = w[i];
    size_t kl = l[i], j = i;
    while (j > 0 && word_cmp(w[j - 1], l[j - 1], kw, kl) > 0) {
      w[j] = w[j - 1];
      l[j] = l[j - 1];
      j--;
    }
    w[j] = kw;
    l[j] = kl;
  }
}

/* A statement joins a near-duplicate only when it has at least this many
 * words and this similarity: short quotes ("no", "a deal") differ by one
 * word and mean something else.  Word-order changes need a closer match
 * of the words themselves. */
#define NEAR_MIN_WORDS 5
#define NEAR_MIN_SIM 0.8
#define NEAR_MIN_BAG 0.9

/* Longest statements compared word by word; longer ones only join on an
 * exact key, which keeps the edit distance at most MAXW^2 steps. */
#define MAXW 400

double ws_statement_similarity(const char *a, const char *b) {
  if (strcmp(a, b) == 0)
    return 1.0;
  static const size_t cap = MAXW + 1;
  const char **wa = malloc(cap * sizeof *wa), **wb = malloc(cap * sizeof *wb);
  size_t *la = malloc(cap * sizeof *la), *lb = malloc(cap * sizeof *lb);
  size_t *row = malloc((cap + 1) * sizeof *row);
  double sim = 0;
  if (!wa || !wb || !la || !lb || !row)
    goto out;
  size_t n = key_words(a, wa, la, cap), m = key_words(b, wb, lb, cap);
  if (n > MAXW || m > MAXW || n == 0 || m == 0)
    goto out;
  /* Levenshtein distance over words, one row at a time. */
  for (size_t j = 0; j <= m; j++)
    row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j];
      int same = la[i - 1] == lb[j - 1] &&
                 memcmp(wa[i - 1], wb[j - 1], la[i - 1]) == 0;
      size_t best = diag + (same ? 0 : 1);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  sim = 1.0 - (double)row[m] / (double)(n > m ? n : m);
  if (sim < NEAR_MIN_SIM) {
    /* Reordered clauses ("achieve X through Y" / "achieve through Y X")
     * cost many edits but keep the words: compare the word multisets
     * (Dice coefficient), with a stricter bar. */
    sort_words(wa, la, n);
    sort_words(wb, lb, m);
    size_t i = 0, j = 0, common = 0;
    while (i < n && j < m) {
      int c = word_cmp(wa[i], la[i], wb[j], lb[j]);
      if (c == 0) {
        common++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    double dice = 2.0 * (double)common / (double)(n + m);
    if (dice >= NEAR_MIN_BAG && dice > sim)
      sim = dice;
  }
out:
  free(wa);
  free(wb);
  free(la);
  free(lb);
  free(row);
  return sim;
}

/* Sketch size and the sketch values a candidate must share.  With six
 * values and two required, a pair whose bigram sets overlap by two thirds
 * (one or two words changed in a sentence) is found 98% of the time, and
 * statements sharing one common bigram by chance are never compared. */
#define SKETCH_K 6
#define SKETCH_MIN_SHARED 2

/* Statements listed per sketch value.  A value shared by more is a
 * common phrase ("we have to", or the opening words of a quote that
 * runs on into different paragraphs), weak evidence of a near-duplicate,
 * and reading long lists was most of the cost of finding statements. */
#define GRAM_CAP 16
_Static_assert(SKETCH_K == 6, "ST_GRAM_INSERT has one row per sketch value");

/* The sketch reads the first MAXW + 1 words of a key (as key_words()
 * splits them), from their offsets in the key and that of the word after
 * the last, which ends it: KEY_STARTS offsets. */
#define KEY_STARTS (MAXW + 2)

/* The offsets of the first max words of key[0..len) (single-space
 * separated); returns how many. */
static size_t key_starts(const char *key, size_t len, size_t *at,
                         size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < len && n < max; i++)
    if (i == 0 || key[i - 1] == ' ')
      at[n++] = i;
  return n;
}

/* The SKETCH_K smallest hashes of the key's word bigrams (unigrams for a
 * one-word key): near-duplicates share most bigrams, so they share sketch
 * values with high probability.  key[0..len) has n_at word offsets from
 * key_starts() or simple_statement_key() (at most KEY_STARTS).  Returns
 * the number of hashes. */
static size_t key_sketch(const char *key, size_t len, const size_t *at,
                         size_t n_at, int64_t *out) {
  size_t n = n_at < MAXW + 1 ? n_at : MAXW + 1, k = 0;
  for (size_t i = 0; i + 1 < n || (n == 1 && i == 0); i++) {
    /* the bigram runs to the end of word i + 1 (of word i when alone) */
    size_t last = n == 1 ? i : i + 1;
    size_t end = last + 1 < n_at ? at[last + 1] - 1 : len;
    int64_t h = (int64_t)(ws_hash(key + at[i], end - at[i]) >> 1);
    if (k == SKETCH_K && h >= out[SKETCH_K - 1])
      continue; /* not among the smallest (the test below, without the
                   walk): most bigrams of a long key */
    size_t j = 0;
    while (j < k && out[j] < h)
      j++;
    if (j < k && out[j] == h)
      continue;
    if (j >= SKETCH_K)
      continue;
    if (k < SKETCH_K)
      k++;
    for (size_t m = k - 1; m > j; m--) /* at most five: no memmove call */
      out[m] = out[m - 1];
    out[j] = h;
  }
  return k;
}

static size_t word_count(const char *key) {
  size_t n = *key ? 1 : 0;
  for (; *key; key++)
    n += *key == ' ';
  return n;
}

/* Counts one more shared sketch value for candidate statement `cand`. */
static void note_candidate(int64_t cand, int64_t *seen, unsigned char *shared,
                           size_t *n_seen) {
  size_t j = 0;
  while (j < *n_seen && seen[j] != cand)
    j++;
  if (j < *n_seen) {
    shared[j]++;
    return;
  }
  shared[*n_seen] = 1;
  seen[(*n_seen)++] = cand;
}

/* Finds or creates the statement of a quote, given its key and sketch
 * (ws_store_prepare); sets *id. */
static int statement_for(ws_store *s, const char *key, uint64_t h,
                         const int64_t *sketch, size_t k,
                         const char *sketch_json, int64_t *id, ws_error *err) {
  int rc = WS_OK;
  key_slot *ks = slot_find(s->cache->stmts, key, h);
  if (ks->key) {
    *id = ks->id;
    return WS_OK;
  }
  ent_cache *c = s->cache;
  sqlite3_stmt *st = NULL;
  int64_t hash = (int64_t)(h >> 1);
  int r;
  if (maybe_stored(c, BLOOM_KEYS, (uint64_t)hash)) {
    if (!(st = ws_store_stmt(s, ST_STMT_BY_KEY, err)))
      goto dberr;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, hash);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
      *id = sqlite3_column_int64(st, 0);
      sqlite3_reset(st);
      cache_put_stmt(c, key, h, *id);
      goto out;
    }
    if (r != SQLITE_DONE)
      goto dberr;
    sqlite3_reset(st);
  }
  /* Statements already listed under each sketch value (up to GRAM_CAP). */
  size_t bucket[SKETCH_K] = {0};
  if (word_count(key) >= NEAR_MIN_WORDS) {
    int64_t best = 0, seen[SKETCH_K * GRAM_CAP];
    unsigned char shared[SKETCH_K * GRAM_CAP];
    size_t n_seen = 0;
    double best_sim = NEAR_MIN_SIM;
    if (c->grams_complete) {
      /* Every sketch row is listed in memory (ent_cache.grams_complete). */
      for (size_t i = 0; i < k; i++) {
        gram_slot *g = gram_find(c, sketch[i]);
        for (uint32_t nd = g->hash ? g->head : 0; nd && bucket[i] < GRAM_CAP;
             nd = c->gram_next[nd]) {
          bucket[i]++;
          note_candidate(c->gram_stmt[nd], seen, shared, &n_seen);
        }
      }
    } else {
      size_t n_maybe = 0;
      for (size_t i = 0; i < k; i++)
        n_maybe += maybe_stored(c, BLOOM_GRAMS, (uint64_t)sketch[i]);
      /* Values no statement has are left NULL: they match nothing. */
      if (n_maybe && !(st = ws_store_stmt(s, ST_GRAM_FIND, err)))
        goto dberr;
      for (size_t i = 0; n_maybe && i < k; i++)
        if (maybe_stored(c, BLOOM_GRAMS, (uint64_t)sketch[i]))
          sqlite3_bind_int64(st, (int)i + 1, sketch[i]);
      r = SQLITE_DONE;
      while (n_maybe && (r = sqlite3_step(st)) == SQLITE_ROW) {
        int v = sqlite3_column_int(st, 1);
        if (v >= 0 && v < SKETCH_K)
          bucket[v]++;
        note_candidate(sqlite3_column_int64(st, 0), seen, shared, &n_seen);
      }
      if (st)
        sqlite3_reset(st);
      if (r != SQLITE_DONE)
        goto dberr;
    }
    size_t n_words = word_count(key);
    for (size_t j = 0; j < n_seen; j++) {
      if (shared[j] < (k < SKETCH_MIN_SHARED ? k : SKETCH_MIN_SHARED))
        continue;
      if (!(st = ws_store_stmt(s, ST_STMT_KEY, err)))
        goto dberr;
      sqlite3_bind_int64(st, 1, seen[j]);
      if (sqlite3_step(st) == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        /* Word counts alone bound the similarity: an edit distance is
         * at least the difference of the lengths, and a word-bag match
         * of 0.9 needs lengths within a ratio of 9 to 11. */
        size_t m_words = word_count(other);
        size_t lo = n_words < m_words ? n_words : m_words;
        size_t hi = n_words < m_words ? m_words : n_words;
        if ((double)lo < NEAR_MIN_SIM * (double)hi) {
          sqlite3_reset(st);
          continue;
        }
        double sim = ws_statement_similarity(key, other);
        if (sim >= best_sim) {
          best_sim = sim;
          best = seen[j];
        }
      }
      sqlite3_reset(st);
    }
    if (best) {
      *id = best;
      goto out;
    }
  }
  if (!(st = ws_store_stmt(s, ST_STMT_INSERT, err)))
    goto dberr;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, hash);
  sqlite3_bind_text(st, 3, sketch_json, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE)
    goto dberr;
  sqlite3_reset(st);
  *id = sqlite3_last_insert_rowid(s->db);
  cache_put_stmt(c, key, h, *id);
  bloom_add(c, BLOOM_KEYS, (uint64_t)hash);
  if (k && c->grams_complete) {
    size_t i = 0;
    for (; i < k; i++) {
      if (bucket[i] >= GRAM_CAP)
        continue;
      bloom_add(c, BLOOM_GRAMS, (uint64_t)sketch[i]);
      if ((rc = gram_add(s, sketch[i], *id, err)) == WS_ENOTFOUND)
        break; /* lists dropped: written below, as for any database */
      if (rc)
        goto out;
    }
    if (i == k)
      goto out;
    rc = WS_OK;
  }
  if (k) {
    if (!(st = ws_store_stmt(s, ST_GRAM_INSERT, err)))
      goto dberr;
    /* A value whose list is full is left out (NULL: OR IGNORE drops the
     * row); the statement is still found through its other values.  Rows
     * already queued by gram_add are written twice, which OR IGNORE
     * also drops. */
    for (size_t i = 0; i < SKETCH_K; i++) {
      size_t j = i < k ? i : k - 1;
      if (bucket[j] < GRAM_CAP) {
        sqlite3_bind_int64(st, (int)i + 1, sketch[j]);
        bloom_add(c, BLOOM_GRAMS, (uint64_t)sketch[j]);
      }
    }
    sqlite3_bind_int64(st, SKETCH_K + 1, *id);
    if (sqlite3_step(st) != SQLITE_DONE)
      goto dberr;
    sqlite3_reset(st);
  }
  goto out;
dberr:
  rc = ws_store_fail(s, err, "storing a quote");
  if (st)
    sqlite3_reset(st);
out:
  return rc;
}

/* Finds or creates the stored text of a quote (text, len bytes; h its
 * ws_hash, never 0) and sets *id and *statement.  A new text joins the
 * statement of its key and sketch (statement_for). */
static int text_for(ws_store *s, const char *text, size_t len, uint64_t h,
                    const char *key, uint64_t key_hash, const int64_t *sketch,
                    size_t k,
                    const char *sketch_json, int64_t *id, int64_t *statement,
                    ws_error *err) {
  ent_cache *c = s->cache;
  text_slot *t = text_find(c, h);
  if (t->hash && t->len == (uint32_t)len) {
    *id = t->id;
    *statement = t->statement;
    return WS_OK;
  }
  sqlite3_stmt *st;
  int r = SQLITE_DONE;
  if (maybe_stored(c, BLOOM_TEXTS, h >> 1)) {
    if (!(st = ws_store_stmt(s, ST_TEXT_FIND, err)))
      return WS_EDB;
    sqlite3_bind_int64(st, 1, (int64_t)(h >> 1));
    sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
      *id = sqlite3_column_int64(st, 0);
      *statement = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
      return ws_store_fail(s, err, "storing a quote");
  }
  if (r == SQLITE_DONE) {
    int rc = statement_for(s, key, key_hash, sketch, k, sketch_json,
                           statement, err);
    if (rc)
      return rc;
    if (!(st = ws_store_stmt(s, ST_TEXT_INSERT, err)))
      return WS_EDB;
    sqlite3_bind_int64(st, 1, *statement);
    sqlite3_bind_int64(st, 2, (int64_t)(h >> 1));
    sqlite3_bind_text(st, 3, text, (int)len, SQLITE_STATIC);
    if (step_done(st))
      return ws_store_fail(s, err, "storing a quote");
    *id = sqlite3_last_insert_rowid(s->db);
    bloom_add(c, BLOOM_TEXTS, h >> 1);
  }
  cache_put_text(c, h, (uint32_t)len, *id, *statement);
  return WS_OK;
}

/* ----------------------------------------------------------------- writing */

/* Counts lines up to ascending offsets without a line index. */
typedef struct line_cursor {
  const char *text;
  size_t len, pos;
  uint32_t line;
} line_cursor;

static uint32_t line_at(line_cursor *c, size_t off) {
  if (off > c->len)
    off = c->len;
  if (off < c->pos) { /* not in text order: start again */
    c->pos = 0;
    c->line = 1;
  }
  const char *p = c->text + c->pos, *end = c->text + off;
  while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
    c->line++;
    p++;
  }
  c->pos = off;
  return c->line;
}

/* A short name links to the entity it is an alias of when that entity
 * is the only one, or when it is named at least this many times as often
 * as all the others together: a bare "Trump" in a corpus about Donald
 * Trump is him, even though Eric Trump exists (news style names a lesser
 * namesake in full).  Reading of aliases stops at 64 candidates. */
#define ALIAS_DOMINANCE 4

/* Steps a statement returning (entity, kind, n_mentions) best first and
 * sets *owner to the entity a short name links to, or 0.  Returns the
 * last SQLite result (SQLITE_DONE when all went well). */
static int alias_owner(sqlite3_stmt *st, int64_t *owner, int *kind) {
  int64_t best = 0, best_n = 0, others = 0;
  int best_kind = 0, r, n = 0;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (n++ == 0) {
      best = sqlite3_column_int64(st, 0);
      best_kind = sqlite3_column_int(st, 1);
      best_n = sqlite3_column_int64(st, 2);
    } else {
      others += sqlite3_column_int64(st, 2);
    }
  }
  *owner = 0;
  if (r == SQLITE_DONE && n > 0 &&
      (n == 1 || best_n >= ALIAS_DOMINANCE * (others ? others : 1))) {
    *owner = best;
    *kind = best_kind;
  }
  return r;
}

/* Finds or creates the corpus entity of a document entity, and records
 * its aliases and roles. */
static int entity_for(ws_store *s, const ws_entity *e, const char *key,
                      uint64_t kh, const char *const *akeys, int64_t *id,
                      ws_error *err) {
  int rc = WS_OK;
  sqlite3_stmt *st;
  int kind = 0;
  key_slot *ks = slot_find(s->cache->keys, key, kh);
  *id = ks->key ? ks->id : 0;
  kind = ks->key ? ks->kind : 0;
  if (!ks->key) {
    if (maybe_stored(s->cache, BLOOM_ENTS, kh)) {
      if (!(st = ws_store_stmt(s, ST_ENT_BY_KEY, err)))
        goto dberr;
      sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
      int r = sqlite3_step(st);
      if (r == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        kind = sqlite3_column_int(st, 1);
      }
      sqlite3_reset(st);
      if (r != SQLITE_ROW && r != SQLITE_DONE)
        goto dberr;
    }
    /* No linking by alias here: totals are not yet current inside a
     * batch, and a wrong link would grow with every document.
     * ws_store_link decides with current totals at the end of a run. */
    if (!*id) {
      if (!(st = ws_store_stmt(s, ST_ENT_INSERT, err)))
        goto dberr;
      sqlite3_bind_text(st, 1, e->name, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_int(st, 3, (int)e->kind);
      if (step_done(st))
        goto dberr;
      *id = sqlite3_last_insert_rowid(s->db);
      kind = (int)e->kind;
      bloom_add(s->cache, BLOOM_ENTS, kh);
    }
    cache_put_key(s->cache, key, kh, *id, kind);
  }
  if (kind == WS_ENTITY_OTHER && e->kind != WS_ENTITY_OTHER) {
    if (!(st = ws_store_stmt(s, ST_ENT_KIND, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_int(st, 2, (int)e->kind);
    if (step_done(st))
      goto dberr;
    cache_put_key(s->cache, key, kh, *id, (int)e->kind);
  }
  for (uint32_t i = 0; i < e->n_aliases; i++) {
    const char *a = e->aliases[i], *akey = akeys[i];
    if (cache_seen(s->cache, *id, a, 1))
      continue;
    if (strcmp(akey, key) != 0) {
      if (!(st = ws_store_stmt(s, ST_ALIAS_INSERT, err)))
        goto dberr;
      sqlite3_bind_int64(st, 1, *id);
      sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 3, akey, -1, SQLITE_STATIC);
      if (step_done(st))
        goto dberr;
    }
  }
  for (uint32_t i = 0; i < e->n_roles; i++) {
    if (cache_seen(s->cache, *id, e->roles[i], 2))
      continue;
    if (!(st = ws_store_stmt(s, ST_ROLE_INSERT, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_text(st, 2, e->roles[i], -1, SQLITE_STATIC);
    if (step_done(st))
      goto dberr;
  }
  goto out;
dberr:
  rc = ws_store_fail(s, err, "storing an entity");
out:
  return rc;
}

/* Per corpus entity: counts in this document (sorted by id to merge the
 * document entities that map to one corpus entity). */
typedef struct ent_count {
  int64_t id;
  int64_t mentions, quotes;
  int kind; /* the kind this document gave it */
} ent_count;

static int cmp_count(const void *a, const void *b) {
  int64_t x = ((const ent_count *)a)->id, y = ((const ent_count *)b)->id;
  return (x > y) - (x < y);
}

/* Sorts a document's entity counts by id (the first specific kind among
 * equal ids wins, put_doc).  Most documents name a few dozen entities:
 * an insertion sort for those, where the library's merge sort cost a
 * callback per comparison for each document stored; qsort (a stable
 * merge sort in glibc, as before) past that, so a document of thousands
 * of names is not sorted in quadratic time. */
static void sort_counts(ent_count *c, size_t n) {
  if (n > 48) {
    qsort(c, n, sizeof *c, cmp_count);
    return;
  }
  for (size_t i = 1; i < n; i++) {
    ent_count x = c[i];
    size_t j = i;
    for (; j > 0 && c[j - 1].id > x.id; j--)
      c[j] = c[j - 1];
    c[j] = x;
  }
}

static int cmp_id(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* Deletes document id with everything in it, keeping entity totals. */
static int delete_doc(ws_store *s, int64_t id, ws_error *err) {
  sqlite3_stmt *st;
  /* Its statements may go with it (trigger quotes_ad), with their sketch
   * rows, which must be written by then. */
  cache_clear_stmts(s->cache);
  int rc0 = gram_flush(s, err);
  if (!rc0)
    rc0 = occ_flush(s, err);
  if (rc0)
    return rc0;
  grams_forget(s->cache);
  /* The document's doc_entities rows may still be pending, and its texts
   * must be in quotes_fts for the delete trigger to remove them. */
  int rc = de_flush(s, err);
  if (!rc)
    rc = fts_flush(s, err);
  if (rc)
    return rc;
  /* The document's entities: those it mentions and its speakers. */
  int64_t *ids = NULL;
  size_t n = 0, cap = 0;
  for (int pass = 0; pass < 2 && rc == WS_OK; pass++) {
    if (!(st = ws_store_stmt(s, pass ? ST_DOC_SPEAKERS : ST_DOC_ENTS, err))) {
      rc = WS_EDB;
      break;
    }
    sqlite3_bind_int64(st, 1, id);
    int r = SQLITE_DONE;
    while (rc == WS_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
      const void *blob = sqlite3_column_blob(st, 0);
      size_t len = (size_t)sqlite3_column_bytes(st, 0), pos = 0;
      ws_stored_mention m = {0, 0, 0, 0};
      for (;;) {
        if (pass)
          m.entity = sqlite3_column_int64(st, 0);
        else if (!ws_mentions_next(blob, len, &pos, &m))
          break;
        if (n == cap) {
          size_t nc = cap ? cap * 2 : 64;
          int64_t *ni = realloc(ids, nc * sizeof *ni);
          if (!ni) {
            rc = fail_msg(err, WS_ENOMEM, "out of memory");
            break;
          }
          ids = ni;
          cap = nc;
        }
        ids[n++] = m.entity;
        if (pass)
          break;
      }
    }
    sqlite3_reset(st);
    if (rc == WS_OK && r != SQLITE_DONE)
      rc = ws_store_fail(s, err, "removing a document");
  }
  /* Each entity once: its doc_entities row is uncounted, then deleted. */
  qsort(ids, n, sizeof *ids, cmp_id);
  for (size_t i = 0; i < n && rc == WS_OK; i++) {
    if (i && ids[i] == ids[i - 1])
      continue;
    for (int k = 0; k < 2 && rc == WS_OK; k++) {
      if (!(st = ws_store_stmt(s, k ? ST_DE_DELETE : ST_DOC_UNCOUNT, err))) {
        rc = WS_EDB;
        break;
      }
      sqlite3_bind_int64(st, 1, id);
      sqlite3_bind_int64(st, 2, ids[i]);
      if (step_done(st))
        rc = ws_store_fail(s, err, "removing a document");
    }
  }
  free(ids);
  if (rc)
    return rc;
  for (int k = 0; k < 2; k++) {
    if (!(st = ws_store_stmt(s, k ? ST_DOC_DELETE : ST_DOC_QUOTES_DELETE,
                             err)))
      return WS_EDB;
    sqlite3_bind_int64(st, 1, id);
    if (step_done(st))
      return ws_store_fail(s, err, "removing a document");
  }
  /* Every text left is in quotes_fts, and the next text id is one past
   * the largest left, which may be below fts_from now. */
  return fts_top(s, &s->fts_from, err);
}

/* What ws_store_put needs from a document apart from the database,
 * computed on the extraction threads (index.c): folding names and
 * normalising quotes is a third of the writer's work otherwise. */
struct ws_store_prep {
  ws_arena *a;                 /* owns everything below */
  ws_doc_view view; /* the document's results, copied: all but the text */
  const char **ent_key;        /* per entity: NFC casefold of the name */
  uint64_t *ent_hash;          /* per entity: ws_hash of ent_key */
  const char ***alias_key;     /* per entity and alias: the same */
  const char **stmt_key;       /* per quote: ws_statement_key */
  uint64_t *stmt_hash;         /* per quote: ws_hash of stmt_key */
  int64_t (*sketch)[SKETCH_K]; /* per quote: bigram sketch */
  size_t *n_sketch;
  const char **sketch_json; /* per quote: the sketch as a JSON array */
  uint64_t *text_hash;      /* per quote: ws_hash of its text, never 0 */
  /* Per mention: its line if it is stored (the first valid mention at
   * each start, in text order, of an entity of the document), else 0. */
  uint32_t *mention_line;
  uint32_t *quote_line; /* per quote: the line of its start */
};

/* Rows for a multi-row INSERT, written MANY_ROWS at a time and the rest
 * one by one. */
typedef struct row_batch {
  ws_store *s;
  enum store_stmt one, many; /* single-row and MANY_ROWS-row statements */
  int cols;                  /* values per row, at most 5 */
  int64_t v[MANY_ROWS][5];
  size_t n;
} row_batch;

static int batch_write(row_batch *b, enum store_stmt which, size_t rows,
                       ws_error *err) {
  sqlite3_stmt *st = ws_store_stmt(b->s, which, err);
  if (!st)
    return WS_EDB;
  for (size_t k = 0; k < rows; k++)
    for (int c = 0; c < b->cols; c++)
      sqlite3_bind_int64(st, (int)k * b->cols + c + 1, b->v[k][c]);
  return step_done(st) ? ws_store_fail(b->s, err, b->s->path) : WS_OK;
}

static int batch_add(row_batch *b, ws_error *err) {
  if (++b->n < MANY_ROWS)
    return WS_OK;
  b->n = 0;
  return batch_write(b, b->many, MANY_ROWS, err);
}

static int batch_finish(row_batch *b, ws_error *err) {
  int rc = WS_OK;
  for (size_t k = 0; k < b->n && rc == WS_OK; k++) {
    memcpy(b->v[0], b->v[k], sizeof b->v[0]);
    rc = batch_write(b, b->one, 1, err);
  }
  b->n = 0;
  return rc;
}

static int cmp_de(const void *a, const void *b) {
  const de_row *x = a, *y = b;
  if (x->entity != y->entity)
    return (x->entity > y->entity) - (x->entity < y->entity);
  return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Sorts rows by (entity, doc).  Rows arrive document by document with
 * ascending ids (a delete flushes them first), so a stable sort by entity
 * alone is enough: two stable counting passes over 16 bits each.  A
 * callback qsort of the batch cost as much as writing it.  Falls back to
 * qsort for ids past 32 bits, or when rows are not in document order. */
static void de_sort(ent_cache *c) {
  size_t n = c->n_de;
  de_row *tmp = malloc(n * sizeof *tmp);
  size_t *count = calloc(1u << 16, sizeof *count);
  int ok = tmp && count;
  for (size_t i = 0; ok && i < n; i++)
    ok = c->de[i].entity >= 0 && c->de[i].entity <= (int64_t)UINT32_MAX &&
         (i == 0 || c->de[i].doc >= c->de[i - 1].doc);
  for (int pass = 0; ok && pass < 2; pass++) {
    de_row *from = pass ? tmp : c->de, *to = pass ? c->de : tmp;
    unsigned shift = pass ? 16 : 0;
    memset(count, 0, (1u << 16) * sizeof *count);
    for (size_t i = 0; i < n; i++)
      count[((uint64_t)from[i].entity >> shift) & 0xffff]++;
    size_t sum = 0;
    for (size_t b = 0; b < (1u << 16); b++) {
      size_t k = count[b];
      count[b] = sum;
      sum += k;
    }
    for (size_t i = 0; i < n; i++)
      to[count[((uint64_t)from[i].entity >> shift) & 0xffff]++] = from[i];
  }
  if (!ok)
    qsort(c->de, n, sizeof *c->de, cmp_de);
  free(tmp);
  free(count);
}

/* Writes the pending doc_entities rows in key order. */
static int de_flush(ws_store *s, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c || !c->n_de)
    return WS_OK;
  de_sort(c);
  row_batch b;
  b.s = s;
  b.one = ST_DE_INSERT;
  b.many = ST_DE_INSERT_N;
  b.cols = 5;
  b.n = 0;
  int rc = WS_OK;
  for (size_t i = 0; i < c->n_de && rc == WS_OK; i++) {
    int64_t *rw = b.v[b.n];
    rw[0] = c->de[i].doc;
    rw[1] = c->de[i].entity;
    rw[2] = c->de[i].mentions;
    rw[3] = c->de[i].quotes;
    rw[4] = c->de[i].kind;
    rc = batch_add(&b, err);
  }
  if (rc == WS_OK)
    rc = batch_finish(&b, err);
  c->n_de = 0;
  return rc;
}

static int de_add(ws_store *s, int64_t doc, const ent_count *e, ws_error *err) {
  ent_cache *c = s->cache;
  if (c->n_de == c->cap_de) {
    if (c->n_de >= DE_MAX) {
      int rc = de_flush(s, err);
      if (rc)
        return rc;
    } else {
      size_t nc = c->cap_de ? c->cap_de * 2 : 4096;
      de_row *nd = realloc(c->de, nc * sizeof *nd);
      if (!nd)
        return fail_msg(err, WS_ENOMEM, "out of memory");
      c->de = nd;
      c->cap_de = nc;
    }
  }
  c->de[c->n_de++] = (de_row){e->id, doc, e->mentions, e->quotes, e->kind};
  return WS_OK;
}

/* One stable counting-sort pass over n rows of `cols` values each, by the
 * 16 bits at `shift` of column `col`, from `from` into `to`: a digit of
 * the least-significant-digit radix sorts of gram_sort and occ_sort.
 * count has 2^16 entries. */
static void radix_pass(const int64_t *from, int64_t *to, size_t n, size_t cols,
                       size_t col, unsigned shift, size_t *count) {
  memset(count, 0, (1u << 16) * sizeof *count);
  for (size_t i = 0; i < n; i++)
    count[((uint64_t)from[i * cols + col] >> shift) & 0xffff]++;
  size_t sum = 0;
  for (size_t b = 0; b < (1u << 16); b++) {
    size_t k = count[b];
    count[b] = sum;
    sum += k;
  }
  for (size_t i = 0; i < n; i++) {
    size_t d = count[((uint64_t)from[i * cols + col] >> shift) & 0xffff]++;
    memcpy(to + d * cols, from + i * cols, cols * sizeof *from);
  }
}

static int cmp_gram(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  if (x[0] != y[0])
    return (x[0] > y[0]) - (x[0] < y[0]);
  return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Sorts the pending rows by (hash, statement).  They are queued with
 * ascending statement ids, so a stable sort by hash is enough: four
 * counting passes over 16 bits of the (non-negative) hash, as de_sort
 * does, instead of a callback qsort that cost a quarter of writing the
 * rows.  Falls back to qsort when the ids are not ascending. */
static void gram_sort(ent_cache *c) {
  size_t n = c->n_gram_pending;
  int64_t(*a)[2] = c->gram_pending;
  int64_t(*tmp)[2] = malloc(n * sizeof *tmp);
  size_t *count = malloc((1u << 16) * sizeof *count);
  int ok = tmp && count;
  for (size_t i = 0; ok && i < n; i++)
    ok = a[i][0] >= 0 && (i == 0 || a[i][1] >= a[i - 1][1]);
  for (unsigned pass = 0; ok && pass < 4; pass++)
    radix_pass(pass % 2 ? tmp[0] : a[0], pass % 2 ? a[0] : tmp[0], n, 2, 0,
               16 * pass, count);
  if (!ok)
    qsort(a, n, sizeof *a, cmp_gram);
  free(tmp);
  free(count);
}

/* Writes the pending statement_grams rows in key order. */
static int gram_flush(ws_store *s, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c || !c->n_gram_pending)
    return WS_OK;
  gram_sort(c);
  row_batch b;
  b.s = s;
  b.one = ST_GRAM_ONE;
  b.many = ST_GRAM_ONE_N;
  b.cols = 2;
  b.n = 0;
  int rc = WS_OK;
  for (size_t i = 0; i < c->n_gram_pending && rc == WS_OK; i++) {
    b.v[b.n][0] = c->gram_pending[i][0];
    b.v[b.n][1] = c->gram_pending[i][1];
    rc = batch_add(&b, err);
  }
  if (rc == WS_OK)
    rc = batch_finish(&b, err);
  c->n_gram_pending = 0;
  return rc;
}

/* Lists statement `id` under sketch value h in memory and queues its row.
 * Returns WS_OK, or WS_ENOTFOUND when the lists are full (they are
 * dropped, and the caller writes the row itself). */
static int gram_add(ws_store *s, int64_t h, int64_t id, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c->gram_pending &&
      !(c->gram_pending = malloc(GRAM_PENDING * sizeof *c->gram_pending)))
    return fail_msg(err, WS_ENOMEM, "out of memory");
  gram_slot *g = gram_find(c, h);
  if (!h || (!g->hash && c->n_gram_slots >= GRAM_SLOTS / 2) ||
      c->n_gram_nodes + 1 >= GRAM_NODES) {
    int rc = gram_flush(s, err);
    grams_forget(c);
    return rc ? rc : WS_ENOTFOUND;
  }
  if (c->n_gram_pending == GRAM_PENDING) {
    int rc = gram_flush(s, err);
    if (rc)
      return rc;
  }
  uint32_t node = (uint32_t)++c->n_gram_nodes;
  c->gram_stmt[node] = id;
  c->gram_next[node] = 0;
  if (!g->hash) {
    g->hash = h;
    g->head = node;
    c->n_gram_slots++;
  } else {
    c->gram_next[g->tail] = node;
  }
  g->tail = node;
  g->n++;
  c->gram_pending[c->n_gram_pending][0] = h;
  c->gram_pending[c->n_gram_pending][1] = id;
  c->n_gram_pending++;
  return WS_OK;
}

static int cmp_occ(const void *a, const void *b) {
  const int64_t *x = a, *y = b;
  for (int i = 0; i < 3; i++)
    if (x[i] != y[i])
      return (x[i] > y[i]) - (x[i] < y[i]);
  return 0;
}

/* Sorts the pending occurrences by (statement, text_id, quote).  They are
 * queued with ascending quote ids, so stable counting passes by text_id
 * and then by statement (16 bits a pass) leave them in key order; qsort
 * when an id passes 32 bits or quotes are not ascending. */
static void occ_sort(ent_cache *c) {
  size_t n = c->n_occ_pending;
  int64_t(*a)[3] = c->occ_pending;
  int64_t(*tmp)[3] = malloc(n * sizeof *tmp);
  size_t *count = malloc((1u << 16) * sizeof *count);
  int ok = tmp && count;
  for (size_t i = 0; ok && i < n; i++)
    ok = a[i][0] >= 0 && a[i][0] <= (int64_t)UINT32_MAX && a[i][1] >= 0 &&
         a[i][1] <= (int64_t)UINT32_MAX && (i == 0 || a[i][2] > a[i - 1][2]);
  for (unsigned pass = 0; ok && pass < 4; pass++) /* text_id, then statement */
    radix_pass(pass % 2 ? tmp[0] : a[0], pass % 2 ? a[0] : tmp[0], n, 3,
               pass < 2 ? 1 : 0, 16 * (pass % 2), count);
  if (!ok)
    qsort(a, n, sizeof *a, cmp_occ);
  free(tmp);
  free(count);
}

/* Writes the pending occurrences rows in key order. */
static int occ_flush(ws_store *s, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c || !c->n_occ_pending)
    return WS_OK;
  occ_sort(c);
  row_batch b;
  b.s = s;
  b.one = ST_OCC_INSERT;
  b.many = ST_OCC_INSERT_N;
  b.cols = 3;
  b.n = 0;
  int rc = WS_OK;
  for (size_t i = 0; i < c->n_occ_pending && rc == WS_OK; i++) {
    memcpy(b.v[b.n], c->occ_pending[i], sizeof c->occ_pending[i]);
    rc = batch_add(&b, err);
  }
  if (rc == WS_OK)
    rc = batch_finish(&b, err);
  c->n_occ_pending = 0;
  return rc;
}

/* Queues the occurrences row of a quote. */
static int occ_add(ws_store *s, int64_t statement, int64_t text_id,
                   int64_t quote, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c->occ_pending &&
      !(c->occ_pending = malloc(OCC_PENDING * sizeof *c->occ_pending)))
    return fail_msg(err, WS_ENOMEM, "out of memory");
  if (c->n_occ_pending == OCC_PENDING) {
    int rc = occ_flush(s, err);
    if (rc)
      return rc;
  }
  int64_t *o = c->occ_pending[c->n_occ_pending++];
  o[0] = statement;
  o[1] = text_id;
  o[2] = quote;
  return WS_OK;
}

/* Whether mention i is stored: the first valid mention at its start. */
static int mention_kept(const ws_doc_view *v, size_t i) {
  const ws_mention *m = &v->mentions[i];
  if (m->end > v->len || m->start >= m->end)
    return 0;
  for (size_t j = i; j-- > 0;) {
    const ws_mention *p = &v->mentions[j];
    if (p->end > v->len || p->start >= p->end || p->entity < 0)
      continue;
    return p->start != m->start;
  }
  return 1;
}

static int put_doc(ws_store *s, const ws_doc_info *info, const ws_doc_view *v,
                   const ws_store_prep *p, ws_error *err) {
  int rc = WS_OK;
  sqlite3_stmt *st;
  int64_t *gid = NULL;
  ent_count *counts = NULL;
  int64_t oldid = 0;
  if (!info->is_new || s->cache->foreign) {
    if (!(st = ws_store_stmt(s, ST_DOC_FIND, err)))
      return WS_EDB;
    sqlite3_bind_text(st, 1, info->path, -1, SQLITE_TRANSIENT);
    int r = sqlite3_step(st);
    oldid = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
      return ws_store_fail(s, err, "looking up a document");
  }
  if (oldid && (rc = delete_doc(s, oldid, err)))
    return rc;

  size_t n_ent = v->n_entities;
  gid = calloc(n_ent ? n_ent : 1, sizeof *gid);
  counts = calloc(n_ent ? n_ent : 1, sizeof *counts);
  if (!gid || !counts) {
    rc = fail_msg(err, WS_ENOMEM, "out of memory");
    goto out;
  }
  for (size_t i = 0; i < n_ent; i++)
    if ((rc = entity_for(s, &v->entities[i], p->ent_key[i], p->ent_hash[i],
                         p->alias_key[i], &gid[i], err)))
      goto out;
  for (size_t i = 0; i < n_ent; i++) {
    counts[i].id = gid[i];
    counts[i].kind = (int)v->entities[i].kind;
  }
  int64_t spoken = 0;
  for (size_t i = 0; i < v->n_quotes; i++) {
    int32_t e = v->quotes[i].speaker;
    if (e >= 0 && (size_t)e < n_ent) {
      counts[e].quotes++;
      spoken++;
    }
  }
  /* The mention list (see "mention lists" above).  Mentions come in text
   * order; one per start offset is kept, and only those are counted. */
  ent_cache *ec = s->cache;
  size_t need = v->n_mentions * MENTION_MAX_BYTES + 1, mlen = 0;
  if (need > ec->cap_mbuf) {
    unsigned char *nb = realloc(ec->mbuf, need);
    if (!nb) {
      rc = fail_msg(err, WS_ENOMEM, "out of memory");
      goto out;
    }
    ec->mbuf = nb;
    ec->cap_mbuf = need;
  }
  int64_t n_kept = 0;
  ws_stored_mention prev = {0, 0, 0, 0};
  for (size_t i = 0; i < v->n_mentions; i++) {
    const ws_mention *m = &v->mentions[i];
    if (!p->mention_line[i]) /* not stored (ws_store_prepare) */
      continue;
    ws_stored_mention cur = {gid[m->entity], m->start, m->end,
                             p->mention_line[i]};
    mlen += put_mention(ec->mbuf + mlen, &prev, &cur);
    prev = cur;
    counts[m->entity].mentions++;
    n_kept++;
  }

  if (!(st = ws_store_stmt(s, ST_DOC_INSERT, err)))
    goto dberr;
  sqlite3_bind_text(st, 1, info->path, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, info->size);
  sqlite3_bind_int64(st, 3, info->mtime_ns);
  sqlite3_bind_int64(st, 4, (int64_t)info->hash);
  sqlite3_bind_int64(st, 5, (int64_t)time(NULL));
  sqlite3_bind_int64(st, 6, n_kept);
  sqlite3_bind_int64(st, 7, (int64_t)v->n_quotes);
  sqlite3_bind_int64(st, 8, spoken);
  sqlite3_bind_blob(st, 9, ec->mbuf, (int)mlen, SQLITE_STATIC);
  int64_t n_stored = 0; /* quotes with a valid span, written below */
  for (size_t i = 0; i < v->n_quotes; i++)
    n_stored += v->quotes[i].end <= v->len &&
                v->quotes[i].start <= v->quotes[i].end;
  int64_t qid = s->next_quote;
  sqlite3_bind_int64(st, 10, qid);
  sqlite3_bind_int64(st, 11, qid + n_stored - 1);
  if (step_done(st))
    goto dberr;
  int64_t doc = sqlite3_last_insert_rowid(s->db);

  /* Merge document entities that are one corpus entity, then count. */
  sort_counts(counts, n_ent);
  for (size_t i = 0; i < n_ent;) {
    ent_count c = counts[i++];
    while (i < n_ent && counts[i].id == c.id) {
      if (c.kind == WS_ENTITY_OTHER) /* one corpus entity, two document */
        c.kind = counts[i].kind;     /* ones: the specific kind speaks */
      c.mentions += counts[i].mentions;
      c.quotes += counts[i++].quotes;
    }
    /* Rows are found again through mentions and quotes (delete_doc). */
    if (!c.mentions && !c.quotes)
      continue;
    if ((rc = de_add(s, doc, &c, err)))
      goto out;
  }

  for (size_t i = 0; i < v->n_quotes; i++) {
    const ws_quote *q = &v->quotes[i];
    if (q->end > v->len || q->start > q->end)
      continue;
    int64_t stmt_id = 0, text_id = 0;
    if ((rc = text_for(s, v->text + q->start, q->end - q->start,
                       p->text_hash[i], p->stmt_key[i], p->stmt_hash[i],
                       p->sketch[i],
                       p->n_sketch[i], p->sketch_json[i], &text_id, &stmt_id,
                       err)))
      goto out;
    if (!(st = ws_store_stmt(s, ST_QUOTE_INSERT, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, q->start);
    sqlite3_bind_int64(st, 3, q->end);
    sqlite3_bind_int64(st, 4, p->quote_line[i]);
    sqlite3_bind_int64(st, 5, text_id);
    sqlite3_bind_int(st, 6, (int)q->kind);
    if (q->speaker >= 0 && (size_t)q->speaker < n_ent)
      sqlite3_bind_int64(st, 7, gid[q->speaker]);
    if (q->speaker_end > q->speaker_start) {
      sqlite3_bind_int64(st, 8, q->speaker_start);
      sqlite3_bind_int64(st, 9, q->speaker_end);
    }
    if (q->cue_end > q->cue_start && q->cue_end <= v->len)
      sqlite3_bind_text(st, 10, v->text + q->cue_start,
                        (int)(q->cue_end - q->cue_start), SQLITE_STATIC);
    sqlite3_bind_int64(st, 11, stmt_id);
    sqlite3_bind_int64(st, 12, qid);
    if (step_done(st))
      goto dberr;
    if ((rc = occ_add(s, stmt_id, text_id, qid++, err)))
      goto out;
  }
  s->next_quote = qid;
  /* Totals last: nothing is counted for a document that failed. */
  for (size_t i = 0; i < n_ent; i++) {
    if (i && counts[i].id == counts[i - 1].id)
      continue;
    int64_t m = 0, q = 0;
    int kind = WS_ENTITY_OTHER;
    for (size_t j = i; j < n_ent && counts[j].id == counts[i].id; j++) {
      m += counts[j].mentions;
      q += counts[j].quotes;
      if (kind == WS_ENTITY_OTHER)
        kind = counts[j].kind;
    }
    if ((m || q) && (rc = cache_add_delta(s, counts[i].id, m, q, kind, err)))
      goto out;
  }
  goto out;
dberr:
  rc = ws_store_fail(s, err, info->path);
out:
  free(gid);
  free(counts);
  return rc;
}

void ws_store_prep_free(ws_store_prep *p) {
  if (!p)
    return;
  ws_arena_free(p->a);
  free(p);
}

/* Writes v in decimal at out (at most 20 bytes, no NUL); returns the
 * length.  The sketch lists of every quote are formatted on the
 * extraction threads, and snprintf showed in their profile. */
static size_t put_i64(char *out, int64_t v) {
  /* digits by pairs from a table: a sketch value has 18 or 19 of them */
  static const char pairs[201] =
      "00010203040506070809101112131415161718192021222324252627282930313233"
      "34353637383940414243444546474849505152535455565758596061626364656667"
      "6869707172737475767778798081828384858687888990919293949596979899";
  char tmp[20];
  size_t n = sizeof tmp, o = 0;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  while (u >= 10000) { /* four digits a 64-bit division */
    unsigned r = (unsigned)(u % 10000);
    u /= 10000;
    n -= 4;
    memcpy(tmp + n, pairs + 2 * (r / 100), 2);
    memcpy(tmp + n + 2, pairs + 2 * (r % 100), 2);
  }
  while (u >= 100) {
    const char *d = pairs + 2 * (u % 100);
    u /= 100;
    tmp[--n] = d[1];
    tmp[--n] = d[0];
  }
  if (u >= 10) {
    tmp[--n] = pairs[2 * u + 1];
    tmp[--n] = pairs[2 * u];
  } else {
    tmp[--n] = (char)('0' + u);
  }
  if (v < 0)
    out[o++] = '-';
  memcpy(out + o, tmp + n, sizeof tmp - n);
  return o + sizeof tmp - n;
}

/* Copies n items of `size` bytes into the arena (NULL for none). */
static void *arena_copy(ws_arena *a, const void *src, size_t n, size_t size,
                        int *oom) {
  if (!n)
    return NULL;
  void *d = ws_arena_alloc(a, n * size); /* n * size is an array's size */
  if (!d)
    *oom = 1;
  else
    memcpy(d, src, n * size);
  return d;
}

static const char **copy_names(ws_arena *a, const char *const *names,
                               uint32_t n, int *oom) {
  const char **d = arena_copy(a, names, n, sizeof *names, oom);
  for (uint32_t i = 0; d && i < n; i++)
    if (!(d[i] = ws_arena_strndup(a, names[i], strlen(names[i]))))
      *oom = 1;
  return d;
}

/* Copies the document's results into p's arena, so that the document
 * can be freed as soon as it is prepared: what waits for the writer is
 * then a few kilobytes a file, not the extraction's working memory. */
static int copy_view(ws_store_prep *p, const ws_doc_view *v) {
  int oom = 0;
  ws_doc_view *c = &p->view;
  *c = *v;
  c->mentions = arena_copy(p->a, v->mentions, v->n_mentions,
                           sizeof *v->mentions, &oom);
  c->quotes =
      arena_copy(p->a, v->quotes, v->n_quotes, sizeof *v->quotes, &oom);
  ws_entity *ents = arena_copy(p->a, v->entities, v->n_entities,
                               sizeof *v->entities, &oom);
  c->entities = ents;
  for (size_t i = 0; ents && i < v->n_entities && !oom; i++) {
    ws_entity *e = &ents[i];
    if (!(e->name = ws_arena_strndup(p->a, e->name, strlen(e->name))))
      oom = 1;
    e->aliases = copy_names(p->a, e->aliases, e->n_aliases, &oom);
    e->roles = copy_names(p->a, e->roles, e->n_roles, &oom);
  }
  return oom ? WS_ENOMEM : WS_OK;
}

int ws_store_prepare(const ws_doc_view *v, ws_store_prep **out) {
  *out = NULL;
  char *kbuf = NULL; /* statement keys are made here (kcap bytes) */
  size_t kcap = 0;
  ws_store_prep *p = calloc(1, sizeof *p);
  /* Sized for a typical record: names, keys and sketches come to about
   * the text's length (a 4 KB article needs 4-8 KB). */
  if (!p || !(p->a = ws_arena_new_sized(v->len + 1024))) {
    free(p);
    return WS_ENOMEM;
  }
  if (copy_view(p, v))
    goto oom;
  size_t ne = v->n_entities ? v->n_entities : 1;
  size_t nq = v->n_quotes ? v->n_quotes : 1;
  p->ent_key = ws_arena_calloc(p->a, ne, sizeof *p->ent_key);
  p->ent_hash = ws_arena_calloc(p->a, ne, sizeof *p->ent_hash);
  p->stmt_hash = ws_arena_calloc(p->a, nq, sizeof *p->stmt_hash);
  p->alias_key = ws_arena_calloc(p->a, ne, sizeof *p->alias_key);
  p->stmt_key = ws_arena_calloc(p->a, nq, sizeof *p->stmt_key);
  p->sketch = ws_arena_calloc(p->a, nq, sizeof *p->sketch);
  p->n_sketch = ws_arena_calloc(p->a, nq, sizeof *p->n_sketch);
  p->sketch_json = ws_arena_calloc(p->a, nq, sizeof *p->sketch_json);
  p->text_hash = ws_arena_calloc(p->a, nq, sizeof *p->text_hash);
  p->mention_line = ws_arena_calloc(p->a, v->n_mentions ? v->n_mentions : 1,
                                    sizeof *p->mention_line);
  p->quote_line = ws_arena_calloc(p->a, nq, sizeof *p->quote_line);
  if (!p->ent_key || !p->alias_key || !p->stmt_key || !p->sketch ||
      !p->n_sketch || !p->sketch_json || !p->text_hash || !p->mention_line ||
      !p->quote_line || !p->ent_hash || !p->stmt_hash)
    goto oom;
  /* Which mentions are stored, and lines: one per start offset, in text
   * order, of an entity of this document. */
  line_cursor lc = {v->text, v->len, 0, 1};
  uint32_t last_start = 0;
  int any = 0;
  for (size_t i = 0; i < v->n_mentions; i++) {
    const ws_mention *m = &v->mentions[i];
    if (m->entity < 0 || (size_t)m->entity >= v->n_entities ||
        !mention_kept(v, i) || (any && m->start <= last_start))
      continue;
    p->mention_line[i] = line_at(&lc, m->start);
    last_start = m->start;
    any = 1;
  }
  lc.pos = 0;
  lc.line = 1;
  for (size_t i = 0; i < v->n_quotes; i++)
    p->quote_line[i] = line_at(&lc, v->quotes[i].start);
  for (size_t i = 0; i < v->n_entities; i++) {
    const ws_entity *e = &v->entities[i];
    if (!(p->ent_key[i] = ws_text_fold(p->a, e->name, strlen(e->name))))
      goto oom;
    p->ent_hash[i] = ws_hash(p->ent_key[i], strlen(p->ent_key[i]));
    p->alias_key[i] =
        ws_arena_calloc(p->a, e->n_aliases + 1, sizeof *p->alias_key[i]);
    if (!p->alias_key[i])
      goto oom;
    for (uint32_t k = 0; k < e->n_aliases; k++)
      if (!(p->alias_key[i][k] =
                ws_text_fold(p->a, e->aliases[k], strlen(e->aliases[k]))))
        goto oom;
  }
  for (size_t i = 0; i < v->n_quotes; i++) {
    const ws_quote *q = &v->quotes[i];
    if (q->end > v->len || q->start > q->end)
      continue;
    const char *qt = v->text + q->start;
    size_t qn = q->end - q->start;
    uint64_t h = ws_hash(qt, qn);
    p->text_hash[i] = h ? h : 1;
    /* the key as ws_statement_key() makes it, in a buffer kept for the
     * document's quotes: one malloc a document, not one a quote */
    if (qn >= kcap) {
      free(kbuf);
      kcap = qn + 1 > 256 ? qn + 1 : 256;
      if (!(kbuf = malloc(kcap)))
        goto oom;
    }
    size_t at[KEY_STARTS], n_at = 0; /* where the key's words start */
    size_t kn = simple_statement_key(qt, qn, kbuf, at, KEY_STARTS, &n_at);
    if (kn != (size_t)-1) {
      p->stmt_key[i] = ws_arena_strndup(p->a, kbuf, kn);
    } else {
      char *key = full_statement_key(qt, qn);
      if (!key)
        goto oom;
      kn = strlen(key);
      n_at = key_starts(key, kn, at, KEY_STARTS);
      p->stmt_key[i] = ws_arena_strndup(p->a, key, kn);
      free(key);
    }
    if (!p->stmt_key[i])
      goto oom;
    p->stmt_hash[i] = ws_hash(p->stmt_key[i], kn);
    p->n_sketch[i] = key_sketch(p->stmt_key[i], kn, at, n_at, p->sketch[i]);
    char json[SKETCH_K * 22 + 3];
    size_t o = 0;
    json[o++] = '[';
    for (size_t k = 0; k < p->n_sketch[i]; k++) {
      if (k)
        json[o++] = ',';
      o += put_i64(json + o, p->sketch[i][k]);
    }
    json[o++] = ']';
    if (!(p->sketch_json[i] = ws_arena_strndup(p->a, json, o)))
      goto oom;
  }
  free(kbuf);
  *out = p;
  return WS_OK;
oom:
  free(kbuf);
  ws_store_prep_free(p);
  return WS_ENOMEM;
}

int ws_store_put_prepared(ws_store *s, const ws_doc_info *info,
                          const ws_store_prep *p, ws_error *err) {
  const ws_doc_view *v = &p->view;
  /* No savepoint per document: FTS5 flushes its pending terms at every
   * savepoint, which made each document cost a segment write.  Instead a
   * failed put poisons the enclosing transaction: the caller rolls it
   * back (index.c treats it as a database error).  Input problems never
   * get here; they fail in extraction, before anything is written. */
  int own = !s->in_txn, rc;
  if (own && (rc = ws_store_begin(s, err)))
    return rc;
  rc = put_doc(s, info, v, p, err);
  if (own) {
    if (rc)
      ws_store_rollback(s);
    else
      rc = ws_store_commit(s, err);
  }
  return rc;
}

int ws_store_put(ws_store *s, const ws_doc_info *info, const ws_doc_view *v,
                 ws_error *err) {
  ws_store_prep *p;
  if (ws_store_prepare(v, &p))
    return fail_msg(err, WS_ENOMEM, "out of memory");
  int rc = ws_store_put_prepared(s, info, p, err);
  ws_store_prep_free(p);
  return rc;
}

int ws_store_find_doc(ws_store *s, const char *path, ws_doc_info *info,
                      ws_error *err) {
  sqlite3_stmt *st = ws_store_stmt(s, ST_DOC_FIND, err);
  if (!st)
    return WS_EDB;
  sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
  int r = sqlite3_step(st);
  if (r == SQLITE_DONE) {
    sqlite3_reset(st);
    return WS_ENOTFOUND;
  }
  if (r != SQLITE_ROW) {
    sqlite3_reset(st);
    return ws_store_fail(s, err, "looking up a document");
  }
  info->size = sqlite3_column_int64(st, 1);
  info->mtime_ns = sqlite3_column_int64(st, 2);
  info->hash = (uint64_t)sqlite3_column_int64(st, 3);
  info->path = (const char *)sqlite3_column_text(st, 4);
  /* The row stays current (and path valid) until the next use of st. */
  return WS_OK;
}

int ws_store_remove(ws_store *s, const char *path, ws_error *err) {
  sqlite3_stmt *st = ws_store_stmt(s, ST_DOC_FIND, err);
  if (!st)
    return WS_EDB;
  sqlite3_bind_text(st, 1, path, -1, SQLITE_TRANSIENT);
  int r = sqlite3_step(st);
  int64_t id = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_reset(st);
  if (r != SQLITE_ROW && r != SQLITE_DONE)
    return ws_store_fail(s, err, "looking up a document");
  if (!id)
    return WS_ENOTFOUND;
  int own = !s->in_txn, rc;
  if (own && (rc = ws_store_begin(s, err)))
    return rc;
  rc = delete_doc(s, id, err);
  if (own) {
    if (rc)
      ws_store_rollback(s);
    else
      rc = ws_store_commit(s, err);
  }
  return rc;
}

/* ----------------------------------------------------------------- linking */

#define MERGE_STMTS 8

/* The merges of one link pass: which ids went where, and the documents
 * whose mention lists name a merged id.  The lists are rewritten once at
 * the end of the pass (relink_docs) rather than once per merge: a
 * document naming five merged names was rewritten five times, half the
 * cost of linking.  Nothing reads mention lists during a pass. */
typedef struct merge_log {
  int64_t *moved; /* (from, into) pairs, in merge order, then by from */
  size_t n_moved, cap_moved;
  int64_t *docs;
  size_t n_docs, cap_docs;
} merge_log;

static int log_push(int64_t **v, size_t *n, size_t *cap, size_t width,
                    const int64_t *x) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 64;
    int64_t *nv = realloc(*v, nc * width * sizeof *nv);
    if (!nv)
      return WS_ENOMEM;
    *v = nv;
    *cap = nc;
  }
  memcpy(*v + *n * width, x, width * sizeof *x);
  (*n)++;
  return WS_OK;
}

static int cmp_moved(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* The entity an id names after the pass: a merged id follows its chain
 * (A into B, then B into C).  Merged ids are deleted, so chains end. */
static int64_t moved_to(const merge_log *g, int64_t id) {
  for (;;) {
    const int64_t *m =
        bsearch(&id, g->moved, g->n_moved, 2 * sizeof *m, cmp_moved);
    if (!m)
      return id;
    id = m[1];
  }
}

/* Rewrites the mention lists of the documents in the log with the final
 * ids; the same lists the merges' one-by-one rewrites gave. */
static int relink_docs(ws_store *s, merge_log *g, ws_error *err) {
  if (!g->n_moved || !g->n_docs)
    return WS_OK;
  qsort(g->moved, g->n_moved, 2 * sizeof *g->moved, cmp_moved);
  qsort(g->docs, g->n_docs, sizeof *g->docs, cmp_id);
  sqlite3_stmt *get = NULL, *put = NULL;
  unsigned char *out = NULL;
  size_t cap = 0;
  int rc = WS_OK;
  if (sqlite3_prepare_v2(s->db, "SELECT mentions FROM documents WHERE id = ?1",
                         -1, &get, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(s->db,
                         "UPDATE documents SET mentions = ?2 WHERE id = ?1",
                         -1, &put, NULL) != SQLITE_OK)
    rc = ws_store_fail(s, err, "merging entities");
  for (size_t i = 0; i < g->n_docs && rc == WS_OK; i++) {
    if (i && g->docs[i] == g->docs[i - 1])
      continue;
    sqlite3_reset(get);
    sqlite3_bind_int64(get, 1, g->docs[i]);
    int r = sqlite3_step(get);
    if (r == SQLITE_DONE)
      continue;
    if (r != SQLITE_ROW) {
      rc = ws_store_fail(s, err, "merging entities");
      break;
    }
    const unsigned char *in = sqlite3_column_blob(get, 0);
    size_t len = (size_t)sqlite3_column_bytes(get, 0), pos = 0, o = 0;
    if (!in)
      continue;
    /* A larger id takes at most one more byte per varint of 9. */
    if (len * 2 + 16 > cap) {
      unsigned char *nb = realloc(out, len * 2 + 16);
      if (!nb) {
        rc = fail_msg(err, WS_ENOMEM, "out of memory");
        break;
      }
      out = nb;
      cap = len * 2 + 16;
    }
    ws_stored_mention prev = {0, 0, 0, 0}, m = prev;
    while (ws_mentions_next(in, len, &pos, &m)) {
      ws_stored_mention w = m;
      w.entity = moved_to(g, m.entity);
      o += put_mention(out + o, &prev, &w);
      prev = m;
    }
    sqlite3_reset(put);
    sqlite3_bind_int64(put, 1, g->docs[i]);
    sqlite3_bind_blob(put, 2, out, (int)o, SQLITE_STATIC);
    if (sqlite3_step(put) != SQLITE_DONE)
      rc = ws_store_fail(s, err, "merging entities");
  }
  sqlite3_finalize(get);
  sqlite3_finalize(put);
  free(out);
  return rc;
}

/* Merges entity `from` into entity `into`: every quote, alias and role
 * moves, the totals add up, and `from` disappears; its documents are
 * logged for relink_docs, which moves its mentions. */
static int merge_entity(ws_store *s, int64_t from, int64_t into,
                        sqlite3_stmt **cache, merge_log *g, ws_error *err) {
  static const char *const sql[] = {
      /* The documents of `from`, and whether `into` is named there too. */
      "SELECT a.doc, EXISTS (SELECT 1 FROM doc_entities b "
      "WHERE b.entity = ?2 AND b.doc = a.doc) "
      "FROM doc_entities a WHERE a.entity = ?1",
      /* Its quotes, in the documents where it has some (schema.sql). */
      "UPDATE quotes SET speaker = ?2 WHERE id IN (SELECT q.id "
      "FROM doc_entities de CROSS JOIN documents d ON d.id = de.doc "
      "CROSS JOIN quotes q ON q.id BETWEEN d.quote_lo AND d.quote_hi "
      "WHERE de.entity = ?1 AND de.n_quotes > 0 AND q.speaker = ?1)",
      "INSERT INTO doc_entities(doc, entity, n_mentions, n_quotes, kind) "
      "SELECT doc, ?2, n_mentions, n_quotes, kind FROM doc_entities "
      "WHERE entity = ?1 "
      "AND true ON CONFLICT(entity, doc) DO UPDATE SET "
      "n_mentions = n_mentions + excluded.n_mentions, "
      "n_quotes = n_quotes + excluded.n_quotes",
      "DELETE FROM doc_entities WHERE entity = ?1",
      "INSERT OR IGNORE INTO aliases(entity, name, key) "
      "SELECT ?2, name, key FROM aliases WHERE entity = ?1 "
      "UNION ALL SELECT ?2, name, key FROM entities WHERE id = ?1",
      "INSERT OR IGNORE INTO roles(entity, role) "
      "SELECT ?2, role FROM roles WHERE entity = ?1",
      "UPDATE entities SET "
      "votes_other = entities.votes_other + f.votes_other, "
      "votes_person = entities.votes_person + f.votes_person, "
      "votes_org = entities.votes_org + f.votes_org, "
      "votes_place = entities.votes_place + f.votes_place, "
      "kind = ws_kind(entities.votes_other + f.votes_other, "
      "entities.votes_person + f.votes_person, "
      "entities.votes_org + f.votes_org, "
      "entities.votes_place + f.votes_place), "
      /* Totals add up (the sums over doc_entities, ws_store_link flushed
       * them); ?3 documents name both.  Summing the rows of `into`
       * again cost a pass over its documents per merge. */
      "n_mentions = entities.n_mentions + f.n_mentions, "
      "n_quotes = entities.n_quotes + f.n_quotes, "
      "n_docs = entities.n_docs + f.n_docs - ?3 "
      "FROM (SELECT votes_other, votes_person, votes_org, votes_place, "
      "n_mentions, n_quotes, n_docs FROM entities WHERE id = ?1) AS f "
      "WHERE entities.id = ?2",
      "DELETE FROM entities WHERE id = ?1",
  };
  _Static_assert(sizeof sql / sizeof *sql == MERGE_STMTS, "merge statements");
  int64_t both = 0; /* documents that name both entities */
  /* cache holds MERGE_STMTS statements prepared on first use (a link
   * pass merges thousands of names); ws_store_link finalises them. */
  for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
    if (!cache[i] &&
        sqlite3_prepare_v2(s->db, sql[i], -1, &cache[i], NULL) != SQLITE_OK)
      return ws_store_fail(s, err, "merging entities");
    sqlite3_stmt *st = cache[i];
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, into);
    if (sqlite3_bind_parameter_count(st) >= 3)
      sqlite3_bind_int64(st, 3, both);
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
      int64_t doc = sqlite3_column_int64(st, 0);
      both += sqlite3_column_int(st, 1);
      if (log_push(&g->docs, &g->n_docs, &g->cap_docs, 1, &doc)) {
        sqlite3_reset(st);
        return fail_msg(err, WS_ENOMEM, "out of memory");
      }
    }
    sqlite3_reset(st);
    if (r != SQLITE_DONE)
      return ws_store_fail(s, err, "merging entities");
  }
  const int64_t pair[2] = {from, into};
  if (log_push(&g->moved, &g->n_moved, &g->cap_moved, 2, pair))
    return fail_msg(err, WS_ENOMEM, "out of memory");
  return WS_OK;
}

/* After a link pass: a cached key whose entity was merged now names the
 * entity it went into.  The key cache thereby remembers the pass's
 * decisions for the rest of the run: a document that writes "Carson"
 * alone after "Carson" was merged into "Ben Carson" is stored under Ben
 * Carson at once, instead of creating "Carson" again for the next pass
 * to merge, which moves every row of it (ws_index links every few
 * thousand files).  The (entity, alias) hashes are forgotten: a merged
 * id may be given to a new entity. */
static void remap_keys(ws_store *s, merge_log *g) {
  ent_cache *c = s->cache;
  if (!c)
    return;
  qsort(g->moved, g->n_moved, 2 * sizeof *g->moved, cmp_moved);
  sqlite3_stmt *st = NULL;
  int ok = sqlite3_prepare_v2(s->db, "SELECT kind FROM entities WHERE id = ?1",
                              -1, &st, NULL) == SQLITE_OK;
  for (size_t i = 0; i < CACHE_SIZE; i++) {
    key_slot *k = &c->keys[i];
    if (!k->key || !bsearch(&k->id, g->moved, g->n_moved, 2 * sizeof(int64_t),
                            cmp_moved))
      continue;
    k->id = moved_to(g, k->id);
    int r = SQLITE_ERROR;
    if (ok) {
      sqlite3_reset(st);
      sqlite3_bind_int64(st, 1, k->id);
      r = sqlite3_step(st);
      k->kind = r == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    }
    if (r != SQLITE_ROW) { /* cannot tell: forget them all */
      sqlite3_finalize(st);
      cache_reset(s, 0);
      return;
    }
  }
  sqlite3_finalize(st);
  memset(c->seen, 0, sizeof c->seen);
  c->n_seen = 0;
}

/* Reads one integer from a query with up to two integer parameters. */
static int query_int(ws_store *s, const char *sql, int64_t a, int64_t *out) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return WS_EDB;
  sqlite3_bind_int64(st, 1, a);
  int r = sqlite3_step(st);
  *out = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return r == SQLITE_ROW || r == SQLITE_DONE ? WS_OK : WS_EDB;
}

int ws_store_link(ws_store *s, ws_error *err) {
  /* Candidates: entities whose whole name is another entity's alias,
   * among those created, or aliases added, since the last pass. */
  const char *find =
      "SELECT e.id FROM aliases a JOIN entities e ON e.key = a.key "
      "AND e.id != a.entity WHERE a.id > ?1 "
      "UNION SELECT e.id FROM entities e WHERE e.id > ?2 AND EXISTS "
      "(SELECT 1 FROM aliases a WHERE a.key = e.key AND a.entity != e.id)";
  int own = !s->in_txn, rc = WS_OK;
  int64_t *cand = NULL, top_alias = 0, top_ent = 0;
  size_t n = 0, cap = 0;
  sqlite3_stmt *merge_st[MERGE_STMTS] = {0}, *ks = NULL;
  merge_log g = {NULL, 0, 0, NULL, 0, 0};
  if (own && (rc = ws_store_begin(s, err)))
    return rc;
  /* Totals must be current: they decide who owns a name. */
  if ((rc = cache_flush(s, err)))
    goto done;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, find, -1, &st, NULL) != SQLITE_OK) {
    rc = ws_store_fail(s, err, "linking entities");
    goto done;
  }
  sqlite3_bind_int64(st, 1, s->link_from);
  sqlite3_bind_int64(st, 2, s->ent_from);
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 64;
      int64_t *nn = realloc(cand, nc * sizeof *nn);
      if (!nn)
        break;
      cand = nn;
      cap = nc;
    }
    cand[n++] = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  if (r != SQLITE_DONE && r != SQLITE_ROW) {
    rc = ws_store_fail(s, err, "linking entities");
    goto done;
  }
  for (size_t i = 0; i < n && rc == WS_OK; i++) {
    /* The entity may have been merged away already. */
    if (!ks && sqlite3_prepare_v2(s->db,
                                  "SELECT key, n_mentions FROM "
                                  "entities WHERE id = ?1",
                                  -1, &ks, NULL) != SQLITE_OK) {
      rc = ws_store_fail(s, err, "linking entities");
      break;
    }
    sqlite3_reset(ks);
    sqlite3_bind_int64(ks, 1, cand[i]);
    int64_t owner = 0, owner_n = 0, mine = 0;
    int okind = 0;
    int one_word = 0;
    if (sqlite3_step(ks) == SQLITE_ROW) {
      mine = sqlite3_column_int64(ks, 1);
      one_word = !strchr((const char *)sqlite3_column_text(ks, 0), ' ');
      sqlite3_stmt *os = ws_store_stmt(s, ST_ENT_BY_ALIAS, err);
      if (!os) {
        rc = WS_EDB;
        break;
      }
      sqlite3_bind_text(os, 1, (const char *)sqlite3_column_text(ks, 0), -1,
                        SQLITE_TRANSIENT);
      sqlite3_bind_int64(os, 2, cand[i]);
      r = alias_owner(os, &owner, &okind);
      sqlite3_reset(os);
      if (r != SQLITE_DONE)
        rc = ws_store_fail(s, err, "linking entities");
    }
    sqlite3_reset(ks);
    if (rc || !owner)
      continue;
    /* A full name never folds into a rarer one: "Donald Trump" stays
     * itself even when a stray "Republican Donald Trump" lists it as an
     * alias.  A one-word name (a surname: "Obama") may be the commoner
     * form, since news style uses it after the first mention, but not by
     * far: "Republican" is not short for a stray "Trump-led Republican". */
    if ((rc = query_int(s, "SELECT n_mentions FROM entities WHERE id = ?1",
                        owner, &owner_n)))
      rc = ws_store_fail(s, err, "linking entities");
    else if (owner_n >= mine || (one_word && owner_n * 4 >= mine))
      rc = merge_entity(s, cand[i], owner, merge_st, &g, err);
  }
  if (rc == WS_OK)
    rc = relink_docs(s, &g, err);
  if (rc == WS_OK &&
      (query_int(s, "SELECT coalesce(max(id), 0) FROM aliases", 0,
                 &top_alias) ||
       query_int(s, "SELECT coalesce(max(id), 0) FROM entities", 0, &top_ent)))
    rc = ws_store_fail(s, err, "linking entities");
done:
  for (size_t i = 0; i < MERGE_STMTS; i++)
    sqlite3_finalize(merge_st[i]);
  sqlite3_finalize(ks);
  free(cand);
  if (own) {
    if (rc)
      ws_store_rollback(s);
    else
      rc = ws_store_commit(s, err);
  }
  if (rc == WS_OK) {
    s->link_from = top_alias;
    s->ent_from = top_ent;
    if (g.n_moved)
      remap_keys(s, &g);
  } else {
    cache_reset(s, 0); /* merged ids may be cached */
  }
  free(g.moved);
  free(g.docs);
  return rc;
}

/* ------------------------------------------------------------------- stats */

int ws_store_stats_get(ws_store *s, ws_store_stats *out, ws_error *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  const char *sql = "SELECT (SELECT count(*) FROM documents),"
                    " (SELECT count(*) FROM entities WHERE n_mentions > 0),"
                    " (SELECT coalesce(sum(n_mentions), 0) FROM documents),"
                    " (SELECT coalesce(sum(n_quotes), 0) FROM documents),"
                    " (SELECT count(*) FROM statements),"
                    " (SELECT coalesce(sum(n_spoken), 0) FROM documents)";
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return ws_store_fail(s, err, s->path);
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return ws_store_fail(s, err, s->path);
  }
  out->documents = sqlite3_column_int64(st, 0);
  out->entities = sqlite3_column_int64(st, 1);
  out->mentions = sqlite3_column_int64(st, 2);
  out->quotes = sqlite3_column_int64(st, 3);
  out->statements = sqlite3_column_int64(st, 4);
  out->quotes_with_speaker = sqlite3_column_int64(st, 5);
  sqlite3_finalize(st);
  struct stat sb;
  if (stat(s->path, &sb) == 0)
    out->db_bytes += sb.st_size;
  size_t n = strlen(s->path);
  char *wal = malloc(n + 5);
  if (wal) {
    memcpy(wal, s->path, n);
    memcpy(wal + n, "-wal", 5);
    if (stat(wal, &sb) == 0)
      out->db_bytes += sb.st_size;
    free(wal);
  }
  return WS_OK;
}

_Static_assert(WS_SKETCH_K == SKETCH_K, "store.h names the sketch size");
int ws_statement_sketch(const char *text, size_t len, int full, char **key,
                        int64_t *sketch, size_t *n_sketch) {
  size_t at[KEY_STARTS], n_at = 0, kn = (size_t)-1;
  *key = NULL;
  *n_sketch = 0;
  if (!full) {
    if (len == SIZE_MAX || !(*key = malloc(len + 1)))
      return WS_ENOMEM;
    kn = simple_statement_key(text, len, *key, at, KEY_STARTS, &n_at);
    if (kn == (size_t)-1) {
      free(*key);
      *key = NULL;
      return WS_EINVAL;
    }
  } else {
    if (!(*key = full_statement_key(text, len)))
      return WS_ENOMEM;
    kn = strlen(*key);
    n_at = key_starts(*key, kn, at, KEY_STARTS);
  }
  *n_sketch = key_sketch(*key, kn, at, n_at, sketch);
  return WS_OK;
}
