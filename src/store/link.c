/*
 * link.c - cross-document identity: folding a corpus entity into the
 * entity whose alias its whole name is ("Obama" into "Barack Obama").
 *
 * Invariants:
 *  - Linking runs between batches, with every total written
 *    (store_cache_flush first): the totals decide who owns a short name.
 *  - A merge moves every row of the merged entity (quotes, doc_entities,
 *    aliases, roles, totals, votes) and deletes it; mention lists are
 *    rewritten once per pass (relink_docs), with the final ids.
 *  - After a pass the key cache names the entities merged into, so a
 *    later document is stored under them at once (remap_keys).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

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

/* The entity an id names after the pass: a merged id follows its chain
 * (A into B, then B into C).  Merged ids are deleted, so chains end. */
static int64_t moved_to(const merge_log *g, int64_t id) {
  for (;;) {
    const int64_t *m =
        bsearch(&id, g->moved, g->n_moved, 2 * sizeof *m, store_cmp_i64);
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
  qsort(g->moved, g->n_moved, 2 * sizeof *g->moved, store_cmp_i64);
  qsort(g->docs, g->n_docs, sizeof *g->docs, store_cmp_i64);
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
        rc = store_fail_msg(err, WS_ENOMEM, "out of memory");
        break;
      }
      out = nb;
      cap = len * 2 + 16;
    }
    ws_stored_mention prev = {0, 0, 0, 0}, m = prev;
    while (ws_mentions_next(in, len, &pos, &m)) {
      ws_stored_mention w = m;
      w.entity = moved_to(g, m.entity);
      o += store_mention_put(out + o, &prev, &w);
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
        return store_fail_msg(err, WS_ENOMEM, "out of memory");
      }
    }
    sqlite3_reset(st);
    if (r != SQLITE_DONE)
      return ws_store_fail(s, err, "merging entities");
  }
  const int64_t pair[2] = {from, into};
  if (log_push(&g->moved, &g->n_moved, &g->cap_moved, 2, pair))
    return store_fail_msg(err, WS_ENOMEM, "out of memory");
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
  qsort(g->moved, g->n_moved, 2 * sizeof *g->moved, store_cmp_i64);
  sqlite3_stmt *st = NULL;
  int ok = sqlite3_prepare_v2(s->db, "SELECT kind FROM entities WHERE id = ?1",
                              -1, &st, NULL) == SQLITE_OK;
  for (size_t i = 0; i < CACHE_SIZE; i++) {
    key_slot *k = &c->keys[i];
    if (!k->key || !bsearch(&k->id, g->moved, g->n_moved, 2 * sizeof(int64_t),
                            store_cmp_i64))
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
      store_cache_reset(s, 0);
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
  if ((rc = store_cache_flush(s, err)))
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
    store_cache_reset(s, 0); /* merged ids may be cached */
  }
  free(g.moved);
  free(g.docs);
  return rc;
}
