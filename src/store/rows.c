/*
 * rows.c - rows written late: the doc_entities, statement_grams and
 * occurrences rows of a batch, queued in memory, sorted and written with
 * multi-row INSERTs; and the full-text rows of the batch's texts.
 *
 * Invariants:
 *  - Rows that need no lookup later in the batch wait in memory and are
 *    written sorted (radix sorts on their ids) before commit, before any
 *    delete, or when a queue is full.  A rollback empties the queues
 *    (store_cache_reset).
 *  - Every committed text is in quotes_fts (store_fts_flush before
 *    COMMIT and before any delete).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/* Adds the texts written since the last call to the full-text index, in
 * one statement.  Inserting each quote's row as it is written costs
 * twice as much: every later multi-row INSERT or UPDATE opens a
 * statement savepoint, and FTS5 writes its pending terms out as a new
 * segment at every savepoint (fts5_main.c, fts5SavepointMethod), so the
 * index was built from thousands of tiny segments that then had to be
 * merged.  Called before commit and before any delete (whose trigger
 * removes FTS rows, which must exist by then). */
int store_fts_top(ws_store *s, int64_t *top, ws_error *err) {
  sqlite3_stmt *st = ws_store_stmt(s, ST_TEXT_TOP, err);
  if (!st)
    return WS_EDB;
  int r = sqlite3_step(st);
  if (r == SQLITE_ROW)
    *top = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  return r == SQLITE_ROW ? WS_OK : ws_store_fail(s, err, s->path);
}

int store_fts_flush(ws_store *s, ws_error *err) {
  if (!s->in_txn)
    return WS_OK;
  int64_t top = 0;
  int rc = store_fts_top(s, &top, err);
  if (rc)
    return rc;
  if (top <= s->fts_from)
    return WS_OK;
  sqlite3_stmt *st;
  if (!(st = ws_store_stmt(s, ST_FTS_INSERT, err)))
    return WS_EDB;
  sqlite3_bind_int64(st, 1, s->fts_from);
  if (store_step_done(st))
    return ws_store_fail(s, err, "indexing quote text");
  s->fts_from = top;
  return WS_OK;
}

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
  return store_step_done(st) ? ws_store_fail(b->s, err, b->s->path) : WS_OK;
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
int store_de_flush(ws_store *s, ws_error *err) {
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

int store_de_add(ws_store *s, const de_row *r, ws_error *err) {
  ent_cache *c = s->cache;
  if (c->n_de == c->cap_de) {
    if (c->n_de >= DE_MAX) {
      int rc = store_de_flush(s, err);
      if (rc)
        return rc;
    } else {
      size_t nc = c->cap_de ? c->cap_de * 2 : 4096;
      de_row *nd = realloc(c->de, nc * sizeof *nd);
      if (!nd)
        return store_fail_msg(err, WS_ENOMEM, "out of memory");
      c->de = nd;
      c->cap_de = nc;
    }
  }
  c->de[c->n_de++] = *r;
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
int store_gram_flush(ws_store *s, ws_error *err) {
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
int store_occ_flush(ws_store *s, ws_error *err) {
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
int store_occ_add(ws_store *s, int64_t statement, int64_t text_id,
                  int64_t quote, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c->occ_pending &&
      !(c->occ_pending = malloc(OCC_PENDING * sizeof *c->occ_pending)))
    return store_fail_msg(err, WS_ENOMEM, "out of memory");
  if (c->n_occ_pending == OCC_PENDING) {
    int rc = store_occ_flush(s, err);
    if (rc)
      return rc;
  }
  int64_t *o = c->occ_pending[c->n_occ_pending++];
  o[0] = statement;
  o[1] = text_id;
  o[2] = quote;
  return WS_OK;
}
