/*
 * evidence.c - pass 1, what the document's capitals say: its word forms
 * with their case counts, URL marks and line modes, in one walk.
 *
 * Each line gets a mode: normal, ALL-CAPS headline or Title-Case
 * headline.  Each distinct word form (ASCII case folded, without a
 * trailing abbreviation period) gets one wstat slot, in order of first
 * occurrence, indexed per token by ctx.wi and found through an
 * open-addressing hash table of the forms' indices and hashes (ctx.wh,
 * doubled at half load by the stored hashes only); it counts how often
 * the document writes the form lower case and how often capitalised in a
 * position where capitals carry information (inside a sentence of a
 * normal line).  The form table lives here, with the walk that fills it,
 * so that adding a token's form stays inlined in that walk.
 */
#include "extract/entity_ctx.h"

#include <string.h>

/* ------------------------------------------------------ 1. evidence */

/* The slot of the word form s[0, n) with hash h (ASCII case folded): the
 * one holding it, or the empty slot where it belongs.  `room` bytes may be
 * read from s (at least n). */
static inline wslot *stat_slot(const ctx *c, const char *s, size_t n,
                               uint32_t h, size_t room) {
  for (size_t k = h & c->ws_mask;; k = (k + 1) & c->ws_mask) {
    wslot *sl = &c->wh[k];
    if (sl->idx == 0)
      return sl;
    if (sl->hash == h) {
      const wstat *w = &c->ws[sl->idx - 1];
      /* the stored form lies in the text: read up to its end */
      size_t wroom = c->doc->len - w->off;
      if (w->len == n && eq_fold_room(c->text + w->off, s, n,
                                      wroom < room ? wroom : room))
        return sl;
    }
  }
}

/* The word form s[0, n) (ASCII case folded), or NULL when the document
 * has none. */
const wstat *ws_ent_form_find(const ctx *c, const char *s, size_t n) {
  const wslot *sl = stat_slot(c, s, n, (uint32_t)hash_fold(s, n), n);
  return sl->idx ? &c->ws[sl->idx - 1] : NULL;
}

/* Sizes the word-form tables for a document of n tokens: distinct forms
 * are fewer than tokens, and the tables grow when a long document has
 * more forms than this first guess. */
int ws_ent_forms_init(ctx *c, size_t n) {
  size_t slots = 64;
  while (slots < n && slots < 4096)
    slots *= 2;
  c->wh = ws_arena_calloc(c->doc->arena, slots, sizeof(wslot));
  c->ws_mask = slots - 1;
  c->ws_cap = slots / 2;
  c->ws_used = 0;
  c->ws = ws_arena_alloc(c->doc->arena, c->ws_cap * sizeof(wstat));
  return c->wh && c->ws ? WS_OK : WS_ENOMEM;
}

/* Adds the word form of token i and sets c->wi[i].  The forms live in a
 * dense array that the hash table indexes, so that doubling the table at
 * half load moves slots by their stored hashes only (the old arrays stay
 * in the arena: waste is bounded by the final size).  Returns WS_OK or
 * WS_ENOMEM. */
static int form_add(ctx *c, size_t ti) {
  const ws_token *t = &c->tok[ti];
  size_t n = word_len(c, t);
  const char *s = c->text + t->start;
  size_t room = c->doc->len - t->start;
  uint32_t h = (uint32_t)hash_fold_room(s, n, room);
  wslot *sl = stat_slot(c, s, n, h, room);
  if (sl->idx) {
    c->wi[ti] = sl->idx - 1;
    return WS_OK;
  }
  if (c->ws_used == c->ws_cap) {
    wstat *neu = ws_arena_grow(c->doc->arena, c->ws, c->ws_cap * sizeof(wstat),
                               c->ws_cap * 2 * sizeof(wstat));
    if (!neu)
      return WS_ENOMEM;
    c->ws = neu;
    c->ws_cap *= 2;
  }
  wstat *w = &c->ws[c->ws_used];
  memset(w, 0, sizeof *w);
  w->off = t->start;
  w->len = (uint32_t)n;
  w->hash = h;
  c->wi[ti] = (uint32_t)c->ws_used;
  sl->idx = (uint32_t)++c->ws_used;
  sl->hash = h;
  if (c->ws_used * 2 <= c->ws_mask + 1)
    return WS_OK;
  size_t cap = (c->ws_mask + 1) * 2;
  wslot *old = c->wh, *neu = ws_arena_calloc(c->doc->arena, cap, sizeof(wslot));
  if (!neu)
    return WS_ENOMEM;
  size_t old_cap = c->ws_mask + 1;
  c->wh = neu;
  c->ws_mask = cap - 1;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].idx) {
      size_t k = old[i].hash & c->ws_mask;
      while (neu[k].idx)
        k = (k + 1) & c->ws_mask;
      neu[k] = old[i];
    }
  return WS_OK;
}


/* Headline modes per line.  An ALL-CAPS line has at least 60% of its
 * words in capitals; a Title-Case line capitalises a function word inside
 * it (news headline style: "Iran Says It Will Talk").  In both, capitals
 * say nothing about names.  The counts of one line: */
typedef struct line_count {
  size_t first;   /* the line's first token */
  size_t words, upper, cap, capstop, numbers;
} line_count;

/* Counts token k (whose form is in the table) into its line. */
static void line_add(ctx *c, line_count *lc, size_t k) {
  const ws_token *t = &c->tok[k];
  lc->numbers += t->type == WS_TOK_NUMBER;
  if (!has_letter(t))
    return;
  lc->words++;
  if (t->flags & WS_TF_UPPER)
    lc->upper++;
  if (t->flags & WS_TF_CAP) {
    lc->cap++;
    if (lc->words > 1 && !(t->flags & WS_TF_UPPER) && !initial(c, k) &&
        is_stop(c, k))
      lc->capstop++;
  }
}

/* Sets the mode of the line's tokens [lc->first, end). */
static void line_close(ctx *c, const line_count *lc, size_t end) {
  uint8_t m = MODE_NORMAL;
  if (lc->words && lc->upper * 10 >= lc->words * 6)
    m = MODE_CAPS;
  else if (lc->words >= 3 && lc->capstop && lc->cap * 10 >= lc->words * 7 &&
           lc->numbers * 4 < lc->words) /* not a table row of names and scores */
    m = MODE_TITLE;
  memset(c->mode + lc->first, m, end - lc->first);
}

/* Marks tokens of URLs (<https://...>, www.example.org/...) so that their
 * path words never become names.  Called for each token in order with the
 * state in *done and *url_end; each byte is scanned at most twice. */
static void url_at(ctx *c, size_t i, size_t *done, size_t *url_end) {
  const char *text = c->text;
  size_t len = c->doc->len;
  const ws_token *t = &c->tok[i];
  if (t->start < *url_end) { /* inside the URL found last */
    c->url[i] = 1;
    return;
  }
  int is_url = 0;
  if (t->cp == ':' && t->end + 2 <= len && text[t->end] == '/' &&
      text[t->end + 1] == '/')
    is_url = 1;
  else if (t->cp == 'w' && is_word(t) && t->start + 4 <= len &&
           memcmp(text + t->start, "www.", 4) == 0)
    is_url = 1;
  if (!is_url)
    return;
  size_t s = t->start;
  while (s > *done && s + 256 > t->start && text[s - 1] != ' ' &&
         text[s - 1] != '\n' && text[s - 1] != '<' && text[s - 1] != '(')
    s--;
  size_t e = t->end;
  while (e < len && text[e] != ' ' && text[e] != '\n' && text[e] != '\t' &&
         text[e] != '>' && text[e] != ')' && text[e] != '\r')
    e++;
  for (size_t k = i; k > 0 && c->tok[k - 1].start >= s; k--)
    c->url[k - 1] = 1;
  c->url[i] = 1; /* and the tokens after it that start before e */
  *done = *url_end = e;
}

static void count_words(ctx *c, size_t a, size_t b);

/* The first pass, four in one walk over the tokens (each of them was a
 * pass of its own; the tokens are read once): word forms (one slot per
 * distinct form, indexed by token), URLs, line modes, and the case counts
 * of the forms.  A line is closed when the next one starts: its mode
 * needs the forms of its tokens only, and a URL never spans a line break
 * (its bounds stop at white space), so its marks are final by then.
 * Returns WS_OK or WS_ENOMEM. */
int ws_ent_first_pass(ctx *c) {
  line_count lc = {0};
  size_t done = 0, url_end = 0;
  for (size_t i = 0; i < c->n; i++) {
    const ws_token *t = &c->tok[i];
    c->wi[i] = UINT32_MAX;
    if (has_letter(t) && form_add(c, i))
      return WS_ENOMEM;
    url_at(c, i, &done, &url_end);
    if (i > 0 && (t->flags & WS_TF_LINE)) {
      line_close(c, &lc, i);
      count_words(c, lc.first, i);
      memset(&lc, 0, sizeof lc);
      lc.first = i;
    }
    line_add(c, &lc, i);
  }
  if (c->n) {
    line_close(c, &lc, c->n);
    count_words(c, lc.first, c->n);
  }
  return WS_OK;
}

/* Counts how often each form of tokens [a, b) is written lower case, and
 * how often capitalised where capitals are informative; their modes and
 * URL marks must be final. */
static void count_words(ctx *c, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    const ws_token *t = &c->tok[i];
    if (!has_letter(t) || c->url[i])
      continue;
    wstat *w = &c->ws[c->wi[i]];
    /* lower case and a capital exclude each other: one branch, not two */
    w->lower += (uint32_t)ws_cp_is_lower(t->cp);
    if ((t->flags & WS_TF_CAP) && c->mode[i] == MODE_NORMAL && !initial(c, i))
      w->cap++;
  }
}
