/*
 * open.c - the connection: opening a database, schema checks, closing,
 * transactions, and the prepared statements every other file uses.
 *
 * Invariants (see also schema/schema.sql):
 *  - A file is only ever written after it has been recognised as an empty
 *    SQLite database (then the schema is created) or as a whosaid database
 *    of this schema version (PRAGMA application_id marks it, PRAGMA
 *    user_version is the schema version).  Anything else, older versions
 *    included, is refused untouched.
 *  - Statements are prepared on first use (ws_store_stmt) from the SQL of
 *    schema/statements.sql and finalised at close, so a read-only
 *    connection never prepares the writer's statements.
 *  - Between ws_store_begin and ws_store_commit the writer caches hold
 *    rows not yet written (cache.c, rows.c): commit writes them first; a
 *    rollback forgets them with everything cached (store_cache_reset).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store_int.h"

/* 'wsai': PRAGMA application_id of every whosaid database. */
#define WS_APP_ID 0x77736169

extern const char ws_sql_schema[];

int store_fail_msg(ws_error *err, int code, const char *msg) {
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
  return store_fail_msg(err, code, msg);
}

int ws_store_fail(ws_store *s, ws_error *err, const char *what) {
  const char *m = s && s->db ? sqlite3_errmsg(s->db) : "out of memory";
  char msg[sizeof err->msg];
  snprintf(msg, sizeof msg, "%.200s: %.300s", what, m);
  return store_fail_msg(err, WS_EDB, msg);
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
    const char *sql = ws_sql_statements[one];
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
            : ws_sql_statements[i];
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

/* Creates the schema in a database that was empty when looked at.  Two
 * indexers may both have seen it empty: the write lock (BEGIN IMMEDIATE,
 * which waits out the busy timeout) decides, and the one that comes second
 * finds the schema made and returns 1 for its caller to check it again.
 * Returns WS_OK when created, 1 when another connection created it first,
 * or a negative ws_status with err filled. */
static int create_schema(ws_store *s, ws_error *err) {
  char pragmas[128];
  snprintf(pragmas, sizeof pragmas,
           "PRAGMA application_id = %d; PRAGMA user_version = %d;", WS_APP_ID,
           WS_SCHEMA_VERSION);
  int rc;
  if ((rc = ws_store_exec(s, "BEGIN IMMEDIATE", err)))
    return rc;
  int64_t objects = 0;
  if (pragma_int(s->db, "SELECT count(*) FROM sqlite_schema", &objects) !=
      SQLITE_OK) {
    ws_store_rollback(s);
    return ws_store_fail(s, err, s->path);
  }
  if (objects > 0) { /* made meanwhile by another connection */
    ws_store_rollback(s);
    return 1;
  }
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
  int again = 0;
look:;
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
    rc = create_schema(s, err);
    if (rc == 1 && !again++) /* another indexer made it: check what it made */
      goto look;
    return rc == 1 ? fail_cat(err, WS_ESCHEMA, s->path,
                              ": not a whosaid database (made meanwhile by "
                              "another program)", "")
                   : rc;
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
    return store_fail_msg(err, WS_ENOMEM, "out of memory");
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
  if (store_sql_functions(s->db) != SQLITE_OK) {
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
    rc = store_fail_msg(err, WS_ENOMEM, "out of memory");
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
    store_cache_reset(s, 1);
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
      store_grams_forget(s->cache);
    }
  }
  /* Every committed text is in quotes_fts (store_fts_flush before COMMIT). */
  if (rc == WS_OK)
    rc = store_fts_top(s, &s->fts_from, err);
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
  int rc = store_cache_flush(s, err);
  if (!rc)
    rc = store_fts_flush(s, err);
  if (rc)
    return rc;
  rc = ws_store_exec(s, "COMMIT", err);
  if (rc == WS_OK)
    s->in_txn = 0;
  return rc;
}

int ws_store_rollback(ws_store *s) {
  s->in_txn = 0;
  store_cache_reset(s, 1);
  return sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK
             ? WS_OK
             : WS_EDB;
}
