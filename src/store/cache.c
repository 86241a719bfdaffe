/*
 * cache.c - the writer's caches: corpus entities, statements and quote
 * texts already written, (entity, alias|role) pairs seen, entity totals
 * not yet written, Bloom filters of stored hashes, and the in-memory
 * lists of sketch values.
 *
 * Every document names the same few hundred people and places again and
 * again; looking each up in SQLite, and rewriting its aliases, roles and
 * totals, would cost several statements per name per document.  These
 * open-addressing tables keep what the writer already knows.  Sizes are
 * powers of two; each table is emptied when half full (or, for lists and
 * queued rows, when full), so memory stays bounded whatever the corpus:
 * about 40 MB at most with the queued rows, touched only as it fills.
 * The types and sizes are in store_int.h (struct ent_cache).
 *
 * Invariants:
 *  - Bounded: a full table is emptied, never grown past its cap.
 *  - A rollback empties all of it (store_cache_reset), since the ids in
 *    it may have been undone; so does a failed link pass.
 *  - Deleting a document empties the statement and text tables and the
 *    sketch lists (a statement may go with it).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static void cache_clear_keys(ent_cache *c) {
  for (size_t i = 0; i < CACHE_SIZE; i++) {
    free(c->keys[i].key);
    c->keys[i].key = NULL;
  }
  c->n_keys = 0;
  memset(c->seen, 0, sizeof c->seen);
  c->n_seen = 0;
}

key_slot *store_slot_find(key_slot *t, const char *key, uint64_t h) {
  for (size_t i = h & (CACHE_SIZE - 1);; i = (i + 1) & (CACHE_SIZE - 1)) {
    key_slot *k = &t[i];
    if (!k->key || (k->hash == h && strcmp(k->key, key) == 0))
      return k;
  }
}

void store_cache_clear_stmts(ent_cache *c) {
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
text_slot *store_text_find(ent_cache *c, uint64_t h) {
  for (size_t i = (h >> 7) & (TEXT_CACHE_SIZE - 1);;
       i = (i + 1) & (TEXT_CACHE_SIZE - 1)) {
    text_slot *t = &c->texts[i];
    if (!t->hash || t->hash == h)
      return t;
  }
}

void store_cache_put_text(ent_cache *c, uint64_t h, uint32_t len, int64_t id,
                          int64_t statement) {
  if (c->n_texts >= TEXT_CACHE_SIZE / 2) {
    memset(c->texts, 0, sizeof c->texts);
    c->n_texts = 0;
  }
  text_slot *t = store_text_find(c, h);
  if (!t->hash)
    c->n_texts++;
  *t = (text_slot){h, id, statement, len};
}

/* Records statement id for key (h: ws_hash of key). */
void store_cache_put_stmt(ent_cache *c, const char *key, uint64_t h,
                          int64_t id) {
  if (c->n_stmts >= CACHE_SIZE / 2)
    store_cache_clear_stmts(c);
  key_slot *k = store_slot_find(c->stmts, key, h);
  if (!k->key) {
    if (!(k->key = strdup(key)))
      return;
    k->hash = h;
    c->n_stmts++;
  }
  k->id = id;
}

void store_cache_put_key(ent_cache *c, const char *key, uint64_t h, int64_t id,
                         int kind) {
  if (c->n_keys >= CACHE_SIZE / 2)
    cache_clear_keys(c);
  key_slot *k = store_slot_find(c->keys, key, h);
  if (!k->key) {
    if (!(k->key = strdup(key)))
      return;
    k->hash = h;
    c->n_keys++;
  }
  k->id = id;
  k->kind = kind;
}

gram_slot *store_gram_find(ent_cache *c, int64_t h) {
  uint64_t x = (uint64_t)h * 0x9E3779B97F4A7C15ull;
  for (size_t i = (size_t)(x >> 47) & (GRAM_SLOTS - 1);;
       i = (i + 1) & (GRAM_SLOTS - 1)) {
    gram_slot *g = &c->gram_slots[i];
    if (!g->hash || g->hash == h)
      return g;
  }
}

/* Drops the in-memory lists: from now on candidates come from SQL. */
void store_grams_forget(ent_cache *c) {
  if (c->n_gram_slots)
    memset(c->gram_slots, 0, sizeof c->gram_slots);
  c->n_gram_slots = 0;
  c->n_gram_nodes = 0;
  c->grams_complete = 0;
}

/* Returns 1 if the pair was already recorded, else records it. */
int store_cache_seen(ent_cache *c, int64_t id, const char *what, int tag) {
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

/* Sorts slot numbers by the entity id in their slot (as (id, slot)
 * pairs: C's qsort takes no context).  Leaves them as they are if there
 * is no memory. */
static void sort_by_id(uint32_t *order, size_t n, const delta_slot *deltas) {
  int64_t(*pair)[2] = malloc(n * sizeof *pair);
  if (!pair)
    return;
  for (size_t i = 0; i < n; i++) {
    pair[i][0] = deltas[order[i]].id;
    pair[i][1] = order[i];
  }
  qsort(pair, n, sizeof *pair, store_cmp_i64);
  for (size_t i = 0; i < n; i++)
    order[i] = (uint32_t)pair[i][1];
  free(pair);
}

/* Writes the pending entity totals. */
int store_cache_flush(ws_store *s, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c)
    return WS_OK;
  int rc = store_de_flush(s, err);
  if (!rc)
    rc = store_gram_flush(s, err);
  if (!rc)
    rc = store_occ_flush(s, err);
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

int store_cache_add_delta(ws_store *s, int64_t id, int64_t m, int64_t q,
                          int kind, ws_error *err) {
  ent_cache *c = s->cache;
  if (c->n_deltas >= CACHE_SIZE / 2) {
    int rc = store_cache_flush(s, err);
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
void store_cache_reset(ws_store *s, int deltas_too) {
  if (!s->cache)
    return;
  cache_clear_keys(s->cache);
  store_cache_clear_stmts(s->cache);
  if (deltas_too) {
    memset(s->cache->deltas, 0, sizeof s->cache->deltas);
    s->cache->n_deltas = 0;
    s->cache->n_de = 0;
    s->cache->n_gram_pending = 0;
    s->cache->n_occ_pending = 0;
    store_grams_forget(s->cache);
  }
}

/* Lists statement `id` under sketch value h in memory and queues its row.
 * Returns WS_OK, or WS_ENOTFOUND when the lists are full (they are
 * dropped, and the caller writes the row itself). */
int store_gram_add(ws_store *s, int64_t h, int64_t id, ws_error *err) {
  ent_cache *c = s->cache;
  if (!c->gram_pending &&
      !(c->gram_pending = malloc(GRAM_PENDING * sizeof *c->gram_pending)))
    return store_fail_msg(err, WS_ENOMEM, "out of memory");
  gram_slot *g = store_gram_find(c, h);
  if (!h || (!g->hash && c->n_gram_slots >= GRAM_SLOTS / 2) ||
      c->n_gram_nodes + 1 >= GRAM_NODES) {
    int rc = store_gram_flush(s, err);
    store_grams_forget(c);
    return rc ? rc : WS_ENOTFOUND;
  }
  if (c->n_gram_pending == GRAM_PENDING) {
    int rc = store_gram_flush(s, err);
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
