/*
 * query.c - answering questions from the database: quotes by phrase,
 * speaker or document (grouped into statements), entities, one entity.
 *
 * Each query first selects the ids it will show (one SQL statement with
 * ORDER BY and LIMIT, so the cost follows the answer, not the corpus),
 * then fetches the details of each shown row with small indexed lookups.
 * Strings handed to callbacks live in a per-row arena freed after the
 * callback returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/arena.h"
#include "store/store.h"
#include "text/text.h"

static int fail(ws_error *err, int code, const char *msg) {
  if (err) {
    err->code = code;
    err->offset = -1;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
  }
  return code;
}

/* A growable string (for building SQL). */
typedef struct sbuf {
  char *p;
  size_t n, cap;
  int oom;
} sbuf;

static void sb_add(sbuf *b, const char *s) {
  size_t l = strlen(s);
  if (b->oom)
    return;
  if (b->n + l + 1 > b->cap) {
    size_t nc = (b->n + l + 1) * 2;
    char *np = realloc(b->p, nc);
    if (!np) {
      b->oom = 1;
      return;
    }
    b->p = np;
    b->cap = nc;
  }
  memcpy(b->p + b->n, s, l + 1);
  b->n += l;
}

static const char *col_dup(ws_arena *a, sqlite3_stmt *st, int i) {
  const unsigned char *t = sqlite3_column_text(st, i);
  if (!t)
    return NULL;
  return ws_arena_strndup(a, (const char *)t,
                          (size_t)sqlite3_column_bytes(st, i));
}

/* Turns what the user typed into an FTS5 query: every word a quoted
 * string, so punctuation and FTS operators in the input are just text.
 * `phrase` joins the words into one phrase; otherwise all must appear. */
static char *fts_query(const char *in, int phrase) {
  sbuf b = {0};
  int open = 0;
  const char *p = in;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '"')
      p++;
    if (!*p)
      break;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '"')
      e++;
    if (phrase) {
      sb_add(&b, open ? " " : "\"");
      open = 1;
    } else {
      sb_add(&b, b.n ? " \"" : "\"");
    }
    char w[512];
    size_t l = (size_t)(e - p) < sizeof w - 1 ? (size_t)(e - p) : sizeof w - 1;
    memcpy(w, p, l);
    w[l] = '\0';
    sb_add(&b, w);
    if (!phrase)
      sb_add(&b, "\"");
    p = e;
  }
  if (phrase && open)
    sb_add(&b, "\"");
  if (b.oom || !b.n) {
    free(b.p);
    return NULL;
  }
  return b.p;
}

/* Fallback for a name that is no entity's name or alias: entities whose
 * name holds it as whole words ("Al Thani" finds "Mohammed bin
 * Abdulrahman bin Jassim Al Thani"), most mentioned first.  A scan of the
 * entity names, run only when the exact lookups found nothing. */
static int64_t resolve_words(ws_store *s, const char *key, int64_t *ids,
                             size_t max, ws_error *err) {
  size_t n = strlen(key);
  char *pat = malloc(2 * n + 1);
  if (!pat)
    return fail(err, WS_ENOMEM, "out of memory");
  size_t o = 0;
  for (size_t i = 0; i < n; i++) { /* escape LIKE's wildcards */
    if (key[i] == '%' || key[i] == '_' || key[i] == '\\')
      pat[o++] = '\\';
    pat[o++] = key[i];
  }
  pat[o] = '\0';
  sqlite3_stmt *st;
  const char *sql =
      "SELECT id FROM entities WHERE n_mentions > 0 AND ("
      "key LIKE '% ' || ?1 ESCAPE '\\' OR key LIKE ?1 || ' %' ESCAPE '\\' OR "
      "key LIKE '% ' || ?1 || ' %' ESCAPE '\\') "
      "ORDER BY n_mentions DESC, id";
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
    free(pat);
    return ws_store_fail(s, err, "looking up a name");
  }
  sqlite3_bind_text(st, 1, pat, -1, SQLITE_STATIC);
  int64_t found = 0;
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if ((size_t)found < max)
      ids[found] = sqlite3_column_int64(st, 0);
    found++;
  }
  sqlite3_finalize(st);
  free(pat);
  if (r != SQLITE_DONE)
    return ws_store_fail(s, err, "looking up a name");
  return found;
}

int64_t ws_query_resolve(ws_store *s, const char *name, int64_t *ids,
                         size_t max, ws_error *err) {
  char *key = NULL;
  /* What a user types may be in another encoding: say so, rather than
   * "out of memory" from the normalisation that cannot read it. */
  if (ws_text_validate(name, strlen(name), NULL) != WS_OK)
    return fail(err, WS_EINVAL, "name is not valid UTF-8");
  if (ws_text_fold_alloc(name, strlen(name), &key))
    return fail(err, WS_ENOMEM, "out of memory");
  sqlite3_stmt *st;
  const char *sql =
      "SELECT e.id FROM entities e WHERE e.n_mentions > 0 AND (e.key = ?1 "
      "OR e.id IN (SELECT entity FROM aliases WHERE key = ?1)) "
      "ORDER BY e.key = ?1 DESC, e.n_mentions DESC, e.id";
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
    free(key);
    return ws_store_fail(s, err, "looking up a name");
  }
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int64_t n = 0;
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if ((size_t)n < max)
      ids[n] = sqlite3_column_int64(st, 0);
    n++;
  }
  sqlite3_finalize(st);
  if (r != SQLITE_DONE) {
    free(key);
    return ws_store_fail(s, err, "looking up a name");
  }
  if (n == 0 && *key)
    n = resolve_words(s, key, ids, max, err);
  free(key);
  return n;
}

/* Details of one statement row. */
static int fill_statement(ws_store *s, const ws_quote_query *q,
                          const char *match, int64_t stmt_id, int64_t shown,
                          int64_t speaker, ws_arena *a, ws_quote_row *row,
                          ws_error *err) {
  sqlite3_stmt *st = NULL;
  int rc = WS_OK;
  row->statement = stmt_id;
  /* The version shown: the given occurrence, or the longest, then the
   * earliest (oldest document) version of the statement. */
  const char *pick =
      shown ? "SELECT q.id, t.text, q.kind, q.cue, q.line, q.start, q.end, "
              "d.path, e.name, q.text_id FROM quotes q "
              "JOIN texts t ON t.id = q.text_id "
              "JOIN documents d ON d.id = q.doc "
              "LEFT JOIN entities e ON e.id = q.speaker WHERE q.id = ?2"
            : "SELECT q.id, t.text, q.kind, q.cue, q.line, q.start, q.end, "
              "d.path, e.name, q.text_id FROM occurrences o "
              "JOIN quotes q ON q.id = o.quote "
              "JOIN texts t ON t.id = q.text_id "
              "JOIN documents d ON d.id = q.doc "
              "LEFT JOIN entities e ON e.id = q.speaker "
              "WHERE o.statement = ?1 "
              "ORDER BY length(t.text) DESC, d.mtime, d.path, q.start LIMIT 1";
  if (sqlite3_prepare_v2(s->db, pick, -1, &st, NULL) != SQLITE_OK)
    goto dberr;
  sqlite3_bind_int64(st, 1, stmt_id);
  sqlite3_bind_int64(st, 2, shown);
  if (sqlite3_step(st) != SQLITE_ROW)
    goto dberr;
  row->quote = sqlite3_column_int64(st, 0);
  row->text = col_dup(a, st, 1);
  row->kind = ws_quote_kind_name((ws_quote_kind)sqlite3_column_int(st, 2));
  row->cue = col_dup(a, st, 3);
  row->line = (uint32_t)sqlite3_column_int64(st, 4);
  row->start = (uint32_t)sqlite3_column_int64(st, 5);
  row->end = (uint32_t)sqlite3_column_int64(st, 6);
  row->path = col_dup(a, st, 7);
  row->speaker = col_dup(a, st, 8);
  int64_t text_id = sqlite3_column_int64(st, 9);
  sqlite3_finalize(st);
  st = NULL;

  /* The speaker of a statement: the one asked for, else the one most
   * occurrences name (one article may miss the attribution another has). */
  if (!q->all) {
    const char *who =
        speaker
            ? "SELECT name FROM entities WHERE id = ?2"
            : "SELECT e.name FROM occurrences o JOIN quotes q "
              "ON q.id = o.quote JOIN entities e "
              "ON e.id = q.speaker WHERE o.statement = ?1 "
              "GROUP BY q.speaker ORDER BY count(*) DESC, min(q.id) LIMIT 1";
    if (sqlite3_prepare_v2(s->db, who, -1, &st, NULL) != SQLITE_OK)
      goto dberr;
    sqlite3_bind_int64(st, 1, stmt_id);
    sqlite3_bind_int64(st, 2, speaker);
    if (sqlite3_step(st) == SQLITE_ROW)
      row->speaker = col_dup(a, st, 0);
    sqlite3_finalize(st);
    st = NULL;
  }

  if (sqlite3_prepare_v2(s->db,
                         "SELECT count(DISTINCT q.doc), count(*) FROM "
                         "occurrences o JOIN quotes q ON q.id = o.quote "
                         "WHERE o.statement = ?1",
                         -1, &st, NULL) != SQLITE_OK)
    goto dberr;
  sqlite3_bind_int64(st, 1, stmt_id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    row->n_docs = sqlite3_column_int64(st, 0);
    row->n_quotes = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  st = NULL;

  size_t max = q->max_sources ? q->max_sources : 10;
  const char **src = ws_arena_calloc(a, max, sizeof *src);
  if (!src)
    return fail(err, WS_ENOMEM, "out of memory");
  if (q->all) {
    char *one = ws_arena_alloc(a, strlen(row->path) + 24);
    if (!one)
      return fail(err, WS_ENOMEM, "out of memory");
    sprintf(one, "%s:%u", row->path, row->line);
    src[0] = one;
    row->n_sources = 1;
  } else {
    if (sqlite3_prepare_v2(s->db,
                           "SELECT d.path, min(q.line) FROM occurrences o "
                           "JOIN quotes q ON q.id = o.quote JOIN "
                           "documents d ON d.id = q.doc WHERE o.statement = ?1 "
                           "GROUP BY q.doc ORDER BY d.mtime, d.path LIMIT ?2",
                           -1, &st, NULL) != SQLITE_OK)
      goto dberr;
    sqlite3_bind_int64(st, 1, stmt_id);
    sqlite3_bind_int64(st, 2, (int64_t)max);
    while (sqlite3_step(st) == SQLITE_ROW && row->n_sources < max) {
      const char *p = (const char *)sqlite3_column_text(st, 0);
      char *one = ws_arena_alloc(a, strlen(p) + 24);
      if (!one)
        break;
      sprintf(one, "%s:%lld", p, (long long)sqlite3_column_int64(st, 1));
      src[row->n_sources++] = one;
    }
    sqlite3_finalize(st);
    st = NULL;
  }
  row->sources = src;

  if (match && q->highlight) {
    if (sqlite3_prepare_v2(s->db,
                           "SELECT highlight(quotes_fts, 0, char(1), char(2)) "
                           "FROM quotes_fts WHERE quotes_fts MATCH ?1 "
                           "AND rowid = ?2",
                           -1, &st, NULL) != SQLITE_OK)
      goto dberr;
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, text_id);
    if (sqlite3_step(st) == SQLITE_ROW)
      row->text = col_dup(a, st, 0);
    sqlite3_finalize(st);
    st = NULL;
  }
  return rc;
dberr:
  rc = ws_store_fail(s, err, "reading a quote");
  sqlite3_finalize(st);
  return rc;
}

/* The statements already listed by run_quotes: an open-addressing set
 * of ids (statement ids are never 0), grown at half load. */
typedef struct id_set {
  int64_t *slot;
  size_t cap, n;
} id_set;

static size_t id_slot(int64_t id, size_t cap) {
  return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

/* Adds id: 1 if it is new, 0 if it was there, -1 out of memory. */
static int id_set_add(id_set *set, int64_t id) {
  if (2 * (set->n + 1) > set->cap) {
    size_t cap = set->cap ? 2 * set->cap : 256;
    int64_t *slot = calloc(cap, sizeof *slot);
    if (!slot)
      return -1;
    for (size_t i = 0; i < set->cap; i++) {
      if (!set->slot[i])
        continue;
      size_t j = id_slot(set->slot[i], cap);
      while (slot[j])
        j = (j + 1) & (cap - 1);
      slot[j] = set->slot[i];
    }
    free(set->slot);
    set->slot = slot;
    set->cap = cap;
  }
  size_t j = id_slot(id, set->cap);
  for (; set->slot[j]; j = (j + 1) & (set->cap - 1))
    if (set->slot[j] == id)
      return 0;
  set->slot[j] = id;
  set->n++;
  return 1;
}

/* Runs the selection with one FTS query string (or none). */
static int64_t run_quotes(ws_store *s, const ws_quote_query *q,
                          const char *match, const int64_t *ids, size_t n_ids,
                          ws_quote_cb cb, void *ud, ws_error *err) {
  sbuf b = {0}, in = {0}; /* the SQL; the speaker ids, "1,2,..." */
  for (size_t i = 0; i < n_ids; i++) {
    char num[32];
    snprintf(num, sizeof num, "%s%lld", i ? "," : "", (long long)ids[i]);
    sb_add(&in, num);
  }
  if (q->all)
    sb_add(&b, "SELECT q.statement, q.id, ");
  else
    sb_add(&b, "SELECT q.statement, 0, ");
  sb_add(&b, match ? (q->all ? "h.rank" : "min(h.rank)") : "0");
  if (match) {
    /* Hits are texts; each is quoted by one or more occurrences. */
    sb_add(&b, " FROM (SELECT rowid AS id, rank FROM quotes_fts WHERE "
               "quotes_fts MATCH ?1) h JOIN texts t ON t.id = h.id "
               "JOIN occurrences o ON o.statement = t.statement "
               "AND o.text_id = t.id JOIN quotes q ON q.id = o.quote");
  } else if (q->doc) {
    /* A document's quotes are an id range (schema.sql). */
    sb_add(&b, " FROM documents d CROSS JOIN quotes q "
               "ON q.id BETWEEN d.quote_lo AND d.quote_hi");
  } else if (n_ids) {
    /* A speaker's quotes are in the documents where doc_entities counts
     * some (schema.sql): quotes have no index by speaker.  DISTINCT: two
     * of the names may be counted in one document. */
    sb_add(&b, " FROM (SELECT DISTINCT doc FROM doc_entities WHERE "
               "n_quotes > 0 AND entity IN (");
    sb_add(&b, in.oom ? "0" : in.p);
    sb_add(&b, ")) de CROSS JOIN documents dd ON dd.id = de.doc "
               "CROSS JOIN quotes q "
               "ON q.id BETWEEN dd.quote_lo AND dd.quote_hi");
  } else {
    sb_add(&b, " FROM quotes q");
  }
  if (q->doc && match)
    sb_add(&b, " JOIN documents d ON d.id = q.doc");
  sb_add(&b, " WHERE 1");
  if (q->doc)
    sb_add(&b, " AND d.path = ?2");
  if (q->kind >= 0)
    sb_add(&b, " AND q.kind = ?3");
  if (n_ids) {
    sb_add(&b, " AND q.speaker IN (");
    sb_add(&b, in.oom ? "0" : in.p);
    sb_add(&b, ")");
  }
  if (in.oom)
    b.oom = 1;
  free(in.p);
  /* Without a search, statements are listed in the order of their first
   * occurrence: the occurrences are read in id order and a statement is
   * listed when first seen (id_set), so that --limit stops the scan early
   * instead of after grouping every quote of the corpus. */
  int first_seen = !match && !q->all;
  if (match && !q->all)
    sb_add(&b, " GROUP BY q.statement");
  if (match)
    sb_add(&b, q->all ? " ORDER BY h.rank, q.id" : " ORDER BY 3, min(q.id)");
  else
    sb_add(&b, " ORDER BY q.id");
  sb_add(&b, " LIMIT ?4");
  if (b.oom) {
    free(b.p);
    return fail(err, WS_ENOMEM, "out of memory");
  }
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, b.p, -1, &st, NULL) != SQLITE_OK) {
    free(b.p);
    return ws_store_fail(s, err, "searching quotes");
  }
  free(b.p);
  if (match)
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
  if (q->doc)
    sqlite3_bind_text(st, 2, q->doc, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 3, q->kind);
  sqlite3_bind_int64(st, 4, q->limit > 0 && !first_seen ? q->limit : -1);
  int64_t n = 0;
  int r;
  id_set seen = {0};
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (first_seen) {
      int fresh = id_set_add(&seen, sqlite3_column_int64(st, 0));
      if (fresh < 0) {
        free(seen.slot);
        sqlite3_finalize(st);
        return fail(err, WS_ENOMEM, "out of memory");
      }
      if (!fresh)
        continue;
    }
    ws_arena *a = ws_arena_new();
    if (!a) {
      free(seen.slot);
      sqlite3_finalize(st);
      return fail(err, WS_ENOMEM, "out of memory");
    }
    ws_quote_row row;
    memset(&row, 0, sizeof row);
    row.rank = sqlite3_column_double(st, 2);
    int rc = fill_statement(s, q, match, sqlite3_column_int64(st, 0),
                            sqlite3_column_int64(st, 1),
                            n_ids == 1 ? ids[0] : 0, a, &row, err);
    int stop = rc == WS_OK && cb ? cb(ud, &row) : 0;
    ws_arena_free(a);
    if (rc) {
      free(seen.slot);
      sqlite3_finalize(st);
      return rc;
    }
    n++;
    if (stop || (first_seen && q->limit > 0 && n >= q->limit))
      break;
  }
  free(seen.slot);
  int bad = r != SQLITE_ROW && r != SQLITE_DONE;
  int64_t out = bad ? ws_store_fail(s, err, "searching quotes") : n;
  sqlite3_finalize(st);
  return out;
}

int64_t ws_query_quotes(ws_store *s, const ws_quote_query *q, ws_quote_cb cb,
                        void *ud, ws_error *err) {
  int64_t ids[64];
  size_t n_ids = 0;
  if (q->phrase && ws_text_validate(q->phrase, strlen(q->phrase), NULL))
    return fail(err, WS_EINVAL, "search phrase is not valid UTF-8");
  if (q->by_entity) {
    ids[0] = q->by_entity;
    n_ids = 1;
  } else if (q->by) {
    int64_t n = ws_query_resolve(s, q->by, ids, 64, err);
    if (n < 0)
      return n;
    if (n == 0) {
      if (err) {
        err->code = WS_ENOTFOUND;
        err->offset = -1;
        snprintf(err->msg, sizeof err->msg, "no entity named '%s'", q->by);
      }
      return WS_ENOTFOUND;
    }
    n_ids = n > 64 ? 64 : (size_t)n;
  }
  if (!q->phrase)
    return run_quotes(s, q, NULL, ids, n_ids, cb, ud, err);
  /* The words as a phrase first; if that finds nothing, all the words
   * anywhere in the quote. */
  int64_t n = 0;
  for (int phrase = 1; phrase >= 0 && n == 0; phrase--) {
    char *m = fts_query(q->phrase, phrase);
    if (!m)
      return fail(err, WS_EINVAL, "empty search phrase");
    n = run_quotes(s, q, m, ids, n_ids, cb, ud, err);
    free(m);
  }
  return n;
}

/* Aliases and roles of one entity into the row. */
static int entity_details(ws_store *s, ws_arena *a, ws_entity_row *row) {
  static const char *const sql[2] = {
      "SELECT name FROM aliases WHERE entity = ?1 ORDER BY id",
      "SELECT role FROM roles WHERE entity = ?1 ORDER BY role",
  };
  for (int k = 0; k < 2; k++) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql[k], -1, &st, NULL) != SQLITE_OK)
      return WS_EDB;
    sqlite3_bind_int64(st, 1, row->id);
    size_t n = 0, cap = 8;
    const char **v = ws_arena_calloc(a, cap, sizeof *v);
    while (v && sqlite3_step(st) == SQLITE_ROW) {
      if (n == cap) {
        const char **nv = ws_arena_calloc(a, cap * 2, sizeof *nv);
        if (!nv)
          break;
        memcpy(nv, v, n * sizeof *v);
        v = nv;
        cap *= 2;
      }
      const char *t = col_dup(a, st, 0);
      if (t)
        v[n++] = t;
    }
    sqlite3_finalize(st);
    if (k == 0) {
      row->aliases = v;
      row->n_aliases = n;
    } else {
      row->roles = v;
      row->n_roles = n;
    }
  }
  return WS_OK;
}

static int64_t run_entities(ws_store *s, const char *sql, int64_t a1,
                            int64_t a2, ws_entity_cb cb, void *ud,
                            ws_error *err) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return ws_store_fail(s, err, "listing entities");
  sqlite3_bind_int64(st, 1, a1);
  sqlite3_bind_int64(st, 2, a2);
  int64_t n = 0;
  int r;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    ws_arena *a = ws_arena_new();
    if (!a)
      break;
    ws_entity_row row;
    memset(&row, 0, sizeof row);
    row.id = sqlite3_column_int64(st, 0);
    row.name = col_dup(a, st, 1);
    row.kind = ws_entity_kind_name((ws_entity_kind)sqlite3_column_int(st, 2));
    row.n_mentions = sqlite3_column_int64(st, 3);
    row.n_docs = sqlite3_column_int64(st, 4);
    row.n_quotes = sqlite3_column_int64(st, 5);
    int stop = 0;
    if (entity_details(s, a, &row) == WS_OK && cb)
      stop = cb(ud, &row);
    ws_arena_free(a);
    n++;
    if (stop)
      break;
  }
  int bad = r != SQLITE_ROW && r != SQLITE_DONE;
  sqlite3_finalize(st);
  return bad ? ws_store_fail(s, err, "listing entities") : n;
}

int64_t ws_query_entities(ws_store *s, int kind, int64_t limit, ws_entity_cb cb,
                          void *ud, ws_error *err) {
  const char *sql =
      kind < 0 ? "SELECT id, name, kind, n_mentions, n_docs, n_quotes FROM "
                 "entities WHERE n_mentions > 0 "
                 "ORDER BY n_mentions DESC, id LIMIT ?2"
               : "SELECT id, name, kind, n_mentions, n_docs, n_quotes FROM "
                 "entities WHERE n_mentions > 0 AND kind = ?1 "
                 "ORDER BY n_mentions DESC, id LIMIT ?2";
  return run_entities(s, sql, kind, limit > 0 ? limit : -1, cb, ud, err);
}

int64_t ws_query_entity(ws_store *s, int64_t id, ws_entity_cb cb,
                        void (*doc_cb)(void *ud, const char *path,
                                       int64_t n_mentions),
                        void *ud, ws_error *err) {
  int64_t n = run_entities(s,
                           "SELECT id, name, kind, n_mentions, n_docs, "
                           "n_quotes FROM entities WHERE id = ?1",
                           id, 0, cb, ud, err);
  if (n <= 0 || !doc_cb)
    return n;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db,
                         "SELECT d.path, de.n_mentions FROM doc_entities de "
                         "JOIN documents d ON d.id = de.doc "
                         "WHERE de.entity = ?1 "
                         "ORDER BY de.n_mentions DESC, d.path",
                         -1, &st, NULL) != SQLITE_OK)
    return ws_store_fail(s, err, "listing documents");
  sqlite3_bind_int64(st, 1, id);
  while (sqlite3_step(st) == SQLITE_ROW)
    doc_cb(ud, (const char *)sqlite3_column_text(st, 0),
           sqlite3_column_int64(st, 1));
  sqlite3_finalize(st);
  return n;
}
