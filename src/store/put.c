/*
 * put.c - writing one document: its corpus entities, mention list,
 * quotes and counts; replacing and removing a stored document.
 *
 * Invariants (see also schema/schema.sql):
 *  - A document is written all or nothing: ws_store_put in a transaction
 *    of its own, or, inside ws_store_begin/commit, by failing the batch,
 *    which the caller rolls back.  Totals are counted last, so nothing
 *    is counted for a document that failed.
 *  - Corpus-wide entities are found by key (NFC casefold of the name,
 *    computed by ws_store_prepare); linking them by alias is left to
 *    ws_store_link (link.c), which decides with current totals.
 *  - A document's quotes get consecutive ids (ws_store.next_quote), so
 *    documents.quote_lo..quote_hi find them without an index.
 *  - Replacing a document is delete + insert: delete_doc uncounts and
 *    removes every row that belongs to it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store_int.h"

/* Finds or creates the corpus entity of a document entity, and records
 * its aliases and roles. */
static int entity_for(ws_store *s, const ws_entity *e, const char *key,
                      uint64_t kh, const char *const *akeys, int64_t *id,
                      ws_error *err) {
  int rc = WS_OK;
  sqlite3_stmt *st;
  int kind = 0;
  key_slot *ks = store_slot_find(s->cache->keys, key, kh);
  *id = ks->key ? ks->id : 0;
  kind = ks->key ? ks->kind : 0;
  if (!ks->key) {
    if (store_maybe_stored(s->cache, BLOOM_ENTS, kh)) {
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
      if (store_step_done(st))
        goto dberr;
      *id = sqlite3_last_insert_rowid(s->db);
      kind = (int)e->kind;
      store_bloom_add(s->cache, BLOOM_ENTS, kh);
    }
    store_cache_put_key(s->cache, key, kh, *id, kind);
  }
  if (kind == WS_ENTITY_OTHER && e->kind != WS_ENTITY_OTHER) {
    if (!(st = ws_store_stmt(s, ST_ENT_KIND, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_int(st, 2, (int)e->kind);
    if (store_step_done(st))
      goto dberr;
    store_cache_put_key(s->cache, key, kh, *id, (int)e->kind);
  }
  for (uint32_t i = 0; i < e->n_aliases; i++) {
    const char *a = e->aliases[i], *akey = akeys[i];
    if (store_cache_seen(s->cache, *id, a, 1))
      continue;
    if (strcmp(akey, key) != 0) {
      if (!(st = ws_store_stmt(s, ST_ALIAS_INSERT, err)))
        goto dberr;
      sqlite3_bind_int64(st, 1, *id);
      sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
      sqlite3_bind_text(st, 3, akey, -1, SQLITE_STATIC);
      if (store_step_done(st))
        goto dberr;
    }
  }
  for (uint32_t i = 0; i < e->n_roles; i++) {
    if (store_cache_seen(s->cache, *id, e->roles[i], 2))
      continue;
    if (!(st = ws_store_stmt(s, ST_ROLE_INSERT, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, *id);
    sqlite3_bind_text(st, 2, e->roles[i], -1, SQLITE_STATIC);
    if (store_step_done(st))
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

/* Deletes document id with everything in it, keeping entity totals. */
static int delete_doc(ws_store *s, int64_t id, ws_error *err) {
  sqlite3_stmt *st;
  /* Its statements may go with it (trigger quotes_ad), with their sketch
   * rows, which must be written by then. */
  store_cache_clear_stmts(s->cache);
  int rc0 = store_gram_flush(s, err);
  if (!rc0)
    rc0 = store_occ_flush(s, err);
  if (rc0)
    return rc0;
  store_grams_forget(s->cache);
  /* The document's doc_entities rows may still be pending, and its texts
   * must be in quotes_fts for the delete trigger to remove them. */
  int rc = store_de_flush(s, err);
  if (!rc)
    rc = store_fts_flush(s, err);
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
            rc = store_fail_msg(err, WS_ENOMEM, "out of memory");
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
  qsort(ids, n, sizeof *ids, store_cmp_i64);
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
      if (store_step_done(st))
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
    if (store_step_done(st))
      return ws_store_fail(s, err, "removing a document");
  }
  /* Every text left is in quotes_fts, and the next text id is one past
   * the largest left, which may be below fts_from now. */
  return store_fts_top(s, &s->fts_from, err);
}

/* Encodes the document's mention list into ec->mbuf (see mentions.c),
 * its length in *mlen, and counts the mentions kept per entity in counts
 * and in all in *n_kept.  Mentions come in text order; one per start
 * offset is kept (ws_store_prepare gave it a line), and only those are
 * counted.  Returns WS_OK, or WS_ENOMEM with err filled. */
static int encode_mentions(ent_cache *ec, const ws_doc_view *v,
                           const ws_store_prep *p, const int64_t *gid,
                           ent_count *counts, size_t *mlen, int64_t *n_kept,
                           ws_error *err) {
  size_t need = v->n_mentions * MENTION_MAX_BYTES + 1;
  if (need > ec->cap_mbuf) {
    unsigned char *nb = realloc(ec->mbuf, need);
    if (!nb)
      return store_fail_msg(err, WS_ENOMEM, "out of memory");
    ec->mbuf = nb;
    ec->cap_mbuf = need;
  }
  ws_stored_mention prev = {0, 0, 0, 0};
  for (size_t i = 0; i < v->n_mentions; i++) {
    const ws_mention *m = &v->mentions[i];
    if (!p->mention_line[i]) /* not stored (ws_store_prepare) */
      continue;
    ws_stored_mention cur = {gid[m->entity], m->start, m->end,
                             p->mention_line[i]};
    *mlen += store_mention_put(ec->mbuf + *mlen, &prev, &cur);
    prev = cur;
    counts[m->entity].mentions++;
    (*n_kept)++;
  }
  return WS_OK;
}

/* Writes the document's quotes (those with a valid span), with their
 * texts and statements, as quotes.id s->next_quote onwards; advances
 * s->next_quote past them when all are written.  gid maps the document's
 * entities to corpus entities. */
static int put_quotes(ws_store *s, const ws_doc_info *info,
                      const ws_doc_view *v, const ws_store_prep *p,
                      int64_t doc, const int64_t *gid, ws_error *err) {
  int rc;
  sqlite3_stmt *st;
  size_t n_ent = v->n_entities;
  int64_t qid = s->next_quote;
  for (size_t i = 0; i < v->n_quotes; i++) {
    const ws_quote *q = &v->quotes[i];
    if (q->end > v->len || q->start > q->end)
      continue;
    int64_t stmt_id = 0, text_id = 0;
    if ((rc = store_text_for(s, v->text + q->start, q->end - q->start,
                             p->text_hash[i], p->stmt_key[i], p->stmt_hash[i],
                             p->sketch[i], p->n_sketch[i], p->sketch_json[i],
                             &text_id, &stmt_id, err)))
      return rc;
    if (!(st = ws_store_stmt(s, ST_QUOTE_INSERT, err)))
      return ws_store_fail(s, err, info->path);
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
    if (store_step_done(st))
      return ws_store_fail(s, err, info->path);
    if ((rc = store_occ_add(s, stmt_id, text_id, qid++, err)))
      return rc;
  }
  s->next_quote = qid;
  return WS_OK;
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
    rc = store_fail_msg(err, WS_ENOMEM, "out of memory");
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
  ent_cache *ec = s->cache;
  size_t mlen = 0;
  int64_t n_kept = 0;
  if ((rc = encode_mentions(ec, v, p, gid, counts, &mlen, &n_kept, err)))
    goto out;

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
  if (store_step_done(st))
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
    de_row row = {c.id, doc, c.mentions, c.quotes, c.kind};
    if ((rc = store_de_add(s, &row, err)))
      goto out;
  }

  if ((rc = put_quotes(s, info, v, p, doc, gid, err)))
    goto out;
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
    if ((m || q) &&
        (rc = store_cache_add_delta(s, counts[i].id, m, q, kind, err)))
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
    return store_fail_msg(err, WS_ENOMEM, "out of memory");
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
