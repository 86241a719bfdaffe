/*
 * store.h - the store layer's header for index/ and cli/: the ws_store
 * connection, its prepared statements, mention lists.
 *
 * A ws_store is one SQLite connection plus its prepared statements.  The
 * statements are prepared lazily (ws_store_stmt) and finalised at close,
 * so a read-only connection never prepares the writer's statements.
 * What only the files of src/store/ share is in store_int.h.
 */
#ifndef WS_STORE_H
#define WS_STORE_H

#include <sqlite3.h>

#include "whosaid.h"

/* Prepared statements, by index into ws_store.stmts; their SQL is in
 * schema/statements.sql, under the same names. */
enum store_stmt {
  ST_DOC_FIND,
  ST_DOC_ENTS,
  ST_DOC_SPEAKERS,
  ST_DOC_UNCOUNT,
  ST_DE_DELETE,
  ST_DOC_DELETE,
  ST_DOC_INSERT,
  ST_ENT_BY_KEY,
  ST_ENT_BY_ALIAS,
  ST_ENT_INSERT,
  ST_ENT_KIND,
  ST_ENT_COUNT,
  ST_ALIAS_INSERT,
  ST_ROLE_INSERT,
  ST_DE_INSERT,
  ST_DE_INSERT_N, /* MANY_ROWS rows at once; SQL made by ws_store_stmt */
  ST_STMT_BY_KEY,
  ST_STMT_INSERT,
  ST_STMT_KEY,
  ST_GRAM_FIND,
  ST_GRAM_INSERT,
  ST_QUOTE_INSERT,
  ST_FTS_INSERT,
  ST_TEXT_TOP,
  ST_SEEN_INSERT,
  ST_DOC_TOUCH,
  ST_TEXT_FIND,
  ST_TEXT_INSERT,
  ST_GRAM_ONE,
  ST_GRAM_ONE_N, /* MANY_ROWS rows at once; SQL made by ws_store_stmt */
  ST_DOC_QUOTES_DELETE,
  ST_QUOTE_NEXT,
  ST_OCC_INSERT,
  ST_OCC_INSERT_N, /* MANY_ROWS rows at once; SQL made by ws_store_stmt */
  ST_COUNT_
};

/* Writer caches (cache.c): corpus entities by key, (entity, alias/role)
 * pairs already written, and entity counter changes not yet written.
 * Bounded: a full cache is emptied, never grown past its cap.  Cleared on
 * any rollback, since the ids in them may have been undone. */
typedef struct ent_cache ent_cache;

struct ws_store {
  sqlite3 *db;                    /* the connection */
  char *path;                     /* database file, for messages and size */
  int readonly;                   /* opened with WS_STORE_READONLY */
  int in_txn;                     /* inside ws_store_begin/commit */
  int64_t link_from;              /* aliases.id already linked (link.c) */
  int64_t ent_from;               /* entities.id already linked */
  int64_t fts_from;               /* texts.id already in quotes_fts */
  int64_t next_quote;             /* quotes.id of the next quote written */
  sqlite3_stmt *stmts[ST_COUNT_]; /* prepared on first use, or NULL */
  ent_cache *cache;               /* writer caches, or NULL */
};

/* One mention of a document's mention list (documents.mentions). */
typedef struct ws_stored_mention {
  int64_t entity;
  uint32_t start, end, line; /* byte span; line from 1 */
} ws_stored_mention;

/* Decodes the mention at *pos of a mention list of len bytes into m,
 * which holds the previous mention (all zero before the first: the list
 * stores differences), and advances *pos.  Returns 1, or 0 at the end of
 * the list or where it is malformed. */
int ws_mentions_next(const void *blob, size_t len, size_t *pos,
                     ws_stored_mention *m);

/* Returns the prepared statement i, reset and with bindings cleared, or
 * NULL with err filled (WS_EDB). */
sqlite3_stmt *ws_store_stmt(ws_store *s, enum store_stmt i, ws_error *err);

/* Fills err from the connection's last error, prefixed with what was
 * being done; returns WS_EDB. */
int ws_store_fail(ws_store *s, ws_error *err, const char *what);

/* Runs SQL without results; returns WS_OK or WS_EDB with err filled. */
int ws_store_exec(ws_store *s, const char *sql, ws_error *err);

/* The statement key and sketch of text[0..len) as ws_store_prepare makes
 * them, by one of the two key builders: full = 0 is the fast path for
 * ASCII and common punctuation (WS_EINVAL when the text has any other
 * character), full = 1 the utf8proc path every text can take.  The two
 * must agree wherever both apply (fuzz/fuzz_key.c checks it).  Sets *key
 * (malloc'd, free with free(); NULL on error) and sketch[0..*n_sketch)
 * (room for WS_SKETCH_K values, ascending).  Returns WS_OK, WS_EINVAL or
 * WS_ENOMEM. */
#define WS_SKETCH_K 6
int ws_statement_sketch(const char *text, size_t len, int full, char **key,
                        int64_t *sketch, size_t *n_sketch);

#endif
