/*
 * prep.c - ws_store_prepare: the part of writing a document that needs no
 * database (folded names, statement keys, sketches, lines), run on the
 * extraction threads so that the one writer thread only writes.
 *
 * A ws_store_prep (store_int.h) owns a copy of the document's results in
 * an arena of its own, so the document can be freed as soon as it is
 * prepared; only the text must outlive it, until ws_store_put_prepared.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "text/text.h"

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
    size_t kn = store_key_simple(qt, qn, kbuf, at, KEY_STARTS, &n_at);
    if (kn != (size_t)-1) {
      p->stmt_key[i] = ws_arena_strndup(p->a, kbuf, kn);
    } else {
      char *key = store_key_full(qt, qn);
      if (!key)
        goto oom;
      kn = strlen(key);
      n_at = store_key_starts(key, kn, at, KEY_STARTS);
      p->stmt_key[i] = ws_arena_strndup(p->a, key, kn);
      free(key);
    }
    if (!p->stmt_key[i])
      goto oom;
    p->stmt_hash[i] = ws_hash(p->stmt_key[i], kn);
    p->n_sketch[i] =
        store_key_sketch(p->stmt_key[i], kn, at, n_at, p->sketch[i]);
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
