/*
 * store_int.h - what the files of src/store/ share and index/ does not
 * need: the writer's caches (struct ent_cache), a prepared document
 * (struct ws_store_prep), and the functions that cross files.
 *
 * Names declared here carry the store_ prefix: private to the layer, but
 * not static, so they must not clash with others in the static library.
 * store.h keeps what index/ uses as well (struct ws_store, the prepared
 * statements).  Unless said otherwise, a function returning int returns
 * WS_OK or a negative ws_status with err filled.
 */
#ifndef WS_STORE_INT_H
#define WS_STORE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "text/arena.h"

/* ------------------------------------------------- connection (open.c) */

/* The SQL of each prepared statement, by enum store_stmt: the named
 * statements of schema/statements.sql, embedded by schema/embed.py.
 * NULL for the multi-row forms (ST_*_N), which ws_store_stmt makes. */
extern const char *const ws_sql_statements[ST_COUNT_];

/* Rows written per multi-row INSERT (doc_entities): one
 * statement per row would cost more in statement overhead than in the
 * B-tree. */
#define MANY_ROWS 32

/* Fills err (when not NULL) with code and msg; returns code. */
int store_fail_msg(ws_error *err, int code, const char *msg);

/* Steps a statement without results and resets it; 0 if it went well. */
static inline int store_step_done(sqlite3_stmt *st) {
  int r = sqlite3_step(st);
  sqlite3_reset(st);
  return r == SQLITE_DONE ? 0 : -1;
}

/* qsort order of int64_t values, or of rows whose first column is one. */
static inline int store_cmp_i64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* --------------------------------------------- mention lists (mentions.c) */

/* The most bytes one mention takes in a list: four varints. */
#define MENTION_MAX_BYTES 40

/* Writes mention m at p (room for MENTION_MAX_BYTES), as the difference
 * from prev, the mention before it (all zero for the first); returns the
 * bytes written.  Cannot fail. */
size_t store_mention_put(unsigned char *p, const ws_stored_mention *prev,
                         const ws_stored_mention *m);

/* ------------------------------------------------- SQL functions (sqlfn.c) */

/* Registers ws_remap, ws_mentions and ws_kind on db; returns an SQLite
 * result code (SQLITE_OK when all three are registered). */
int store_sql_functions(sqlite3 *db);

/* ----------------------------------------------- writer caches (cache.c) */

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

static inline size_t store_bloom_bit(uint64_t h) {
  return (size_t)((h * 0x9E3779B97F4A7C15ull) >> (64 - 23));
}
_Static_assert(BLOOM_BITS == 1u << 23, "store_bloom_bit takes 23 bits");

/* Sets the bit of hash h in Bloom filter `which` (BLOOM_*). */
static inline void store_bloom_add(ent_cache *c, int which, uint64_t h) {
  size_t b = store_bloom_bit(h);
  c->bloom[which][b / 64] |= (uint64_t)1 << (b % 64);
}

/* 0 only when a row with hash h is certainly not stored. */
static inline int store_maybe_stored(const ent_cache *c, int which,
                                     uint64_t h) {
  size_t b = store_bloom_bit(h);
  if (which == BLOOM_ENTS ? !c->fresh_ents : !c->fresh)
    return 1;
  return (c->bloom[which][b / 64] >> (b % 64)) & 1;
}

/* The slot of key (h: its ws_hash) in table t (ent_cache.keys or
 * .stmts): its entry, or the empty slot where it goes. */
key_slot *store_slot_find(key_slot *t, const char *key, uint64_t h);

/* The slot of text hash h (h != 0) in ent_cache.texts: its entry, or
 * the empty slot where it goes. */
text_slot *store_text_find(ent_cache *c, uint64_t h);

/* Record an entity (keys), a statement (stmts) or a text (texts); a
 * full table is emptied first.  Out of memory, nothing is recorded. */
void store_cache_put_key(ent_cache *c, const char *key, uint64_t h, int64_t id,
                         int kind);
void store_cache_put_stmt(ent_cache *c, const char *key, uint64_t h,
                          int64_t id);
void store_cache_put_text(ent_cache *c, uint64_t h, uint32_t len, int64_t id,
                          int64_t statement);

/* Empties the statement and text tables. */
void store_cache_clear_stmts(ent_cache *c);

/* Returns 1 if the pair (entity id, alias or role `what`; tag 1 for an
 * alias, 2 for a role) was already recorded, else records it. */
int store_cache_seen(ent_cache *c, int64_t id, const char *what, int tag);

/* The list of sketch value h in ent_cache.gram_slots: its slot, or the
 * empty slot where it goes. */
gram_slot *store_gram_find(ent_cache *c, int64_t h);

/* Lists statement `id` under sketch value h in memory and queues its
 * row.  Returns WS_OK, WS_ENOTFOUND when the lists are full (they are
 * dropped, and the caller writes the row itself), or an error. */
int store_gram_add(ws_store *s, int64_t h, int64_t id, ws_error *err);

/* Drops the in-memory sketch lists: from now on candidates come from
 * SQL (ent_cache.grams_complete is 0). */
void store_grams_forget(ent_cache *c);

/* Adds m mentions, q quotes and one document, given kind by the
 * document, to entity id's pending totals (written when the table is
 * half full, or by store_cache_flush). */
int store_cache_add_delta(ws_store *s, int64_t id, int64_t m, int64_t q,
                          int kind, ws_error *err);

/* Writes every queued row (rows.c) and the pending entity totals. */
int store_cache_flush(ws_store *s, ws_error *err);

/* Forgets the cached keys, statements and texts, and with deltas_too
 * the pending totals, queued rows and sketch lists: after a rollback the
 * ids in them may name rows that no longer exist.  Accepts a store
 * without caches. */
void store_cache_reset(ws_store *s, int deltas_too);

/* ---------------------------------------------- rows written late (rows.c) */

/* Queues a doc_entities row (written early when DE_MAX are waiting). */
int store_de_add(ws_store *s, const de_row *r, ws_error *err);

/* Queues the occurrences row of a quote. */
int store_occ_add(ws_store *s, int64_t statement, int64_t text_id,
                  int64_t quote, ws_error *err);

/* Write the queued doc_entities, statement_grams and occurrences rows,
 * sorted by their keys. */
int store_de_flush(ws_store *s, ws_error *err);
int store_gram_flush(ws_store *s, ws_error *err);
int store_occ_flush(ws_store *s, ws_error *err);

/* Sets *top to the largest texts.id. */
int store_fts_top(ws_store *s, int64_t *top, ws_error *err);

/* Adds the texts written since ws_store.fts_from to quotes_fts. */
int store_fts_flush(ws_store *s, ws_error *err);

/* --------------------------------------- statement identity (statement.c) */

/* Longest statements compared word by word; longer ones only join on an
 * exact key, which keeps the edit distance at most MAXW^2 steps. */
#define MAXW 400

/* Sketch size and the sketch values a candidate must share.  With six
 * values and two required, a pair whose bigram sets overlap by two thirds
 * (one or two words changed in a sentence) is found 98% of the time, and
 * statements sharing one common bigram by chance are never compared. */
#define SKETCH_K 6

/* The sketch reads the first MAXW + 1 words of a key (as key_words()
 * splits them), from their offsets in the key and that of the word after
 * the last, which ends it: KEY_STARTS offsets. */
#define KEY_STARTS (MAXW + 2)

/* The statement key of text[0..len) when it is made of ASCII and the
 * common punctuation of news (without utf8proc), written to out (room
 * for len + 1 bytes); returns its length, or (size_t)-1 for any other
 * text (out is then garbage).  The offsets in out of the first
 * max_starts words go to starts[0..*n_starts) (*n_starts is 0 on entry). */
size_t store_key_simple(const char *text, size_t len, char *out, size_t *starts,
                        size_t max_starts, size_t *n_starts);

/* The statement key of any text, by utf8proc; malloc'd, NULL when out of
 * memory. */
char *store_key_full(const char *text, size_t len);

/* The offsets of the first max words of key[0..len); returns how many. */
size_t store_key_starts(const char *key, size_t len, size_t *at, size_t max);

/* The SKETCH_K smallest bigram hashes of key[0..len), from n_at word
 * offsets, into out; returns how many (fewer for a short key). */
size_t store_key_sketch(const char *key, size_t len, const size_t *at,
                        size_t n_at, int64_t *out);

/* Finds or creates the stored text of a quote (text, len bytes; h its
 * ws_hash, never 0) and sets *id and *statement; a new text joins the
 * statement of its key (key_hash: its ws_hash) and sketch. */
int store_text_for(ws_store *s, const char *text, size_t len, uint64_t h,
                   const char *key, uint64_t key_hash, const int64_t *sketch,
                   size_t k, const char *sketch_json, int64_t *id,
                   int64_t *statement, ws_error *err);

/* ------------------------------------------- a prepared document (prep.c) */

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

#endif
