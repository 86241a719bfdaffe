/*
 * form_facts.c - the lexicon facts of a word form, cached per thread.
 *
 * A form's facts (system dictionary flags, title class, stop,
 * organisation, place and date words, CoNLL-2003 train counts; see
 * lexicon.h) are computed on first use (lex() in entity_ctx.h) through a
 * per-thread memo shared by the documents a thread extracts (see
 * memo_slot), so that each costs a handful of hash lookups per distinct
 * form at most.  Nationalities are looked up per token, in headline
 * capitals too.
 */
#include "extract/entity_ctx.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Dictionary flags, for a hyphenated word from its parts: common only
 * when every part is a common word (Short-lived), otherwise proper. */
static int dict_flags(const char *s, size_t n) {
  int f = ws_lex_dict(s, n);
  if (f || !memchr(s, '-', n))
    return f;
  int all_lower = 1;
  size_t p = 0;
  while (p <= n) {
    size_t q = p;
    while (q < n && s[q] != '-')
      q++;
    if (q > p && !(ws_lex_dict(s + p, q - p) & WS_DICT_LOWER))
      all_lower = 0;
    p = q + 1;
  }
  return all_lower ? WS_DICT_LOWER : WS_DICT_CAP;
}

/* A month or weekday, or a range of them (January-June, Mon-Fri). */
static int date_word(const char *s, size_t n) {
  if (ws_lex_is_date_word(s, n))
    return 1;
  const char *h = memchr(s, '-', n);
  return h && h > s && h + 1 < s + n &&
         ws_lex_is_date_word(s, (size_t)(h - s)) &&
         ws_lex_is_date_word(h + 1, (size_t)(s + n - h - 1));
}

/* The lexicon facts of a word form: a handful of binary searches over
 * sorted tables (lexicon.c) per distinct form. */
static void lex_compute(const char *s, size_t n, wstat *w) {
  unsigned lc[5];
  w->dict = (uint8_t)dict_flags(s, n);
  w->title = (uint8_t)ws_lex_title(s, n);
  w->bits = (uint8_t)((ws_lex_is_stopword(s, n) ? L_STOP : 0) |
                      (ws_lex_is_org_word(s, n) ? L_ORG : 0) |
                      (ws_lex_is_place_word(s, n) ? L_PLACE : 0) |
                      (date_word(s, n) ? L_DATE : 0));
  if (ws_lex_learned(s, n, lc)) {
    w->bits |= L_LEARNED;
    for (int k = 0; k < 5; k++)
      w->learn[k] = (uint16_t)lc[k];
  }
}

/* A per-thread, direct-mapped memo of lex_compute() across documents.
 * Short articles share most of their vocabulary, and recomputing the
 * facts of every form in every document was a fifth of extraction time.
 * Fixed size, no locks: each indexing thread has its own
 * (a pthread key frees it when the thread exits).  Every lookup of
 * lex_compute() ignores ASCII case, so a slot holds a form as first
 * written and serves all its spellings (eq_fold); it is found by the hash
 * the document's form table already computed.  A collision only costs a
 * recomputation.  A slot is half a cache line, and 64K slots (2 MB a
 * thread) keep most of a news corpus's working vocabulary: with 16K,
 * misses and their dictionary lookups cost 5% of entity time more.
 * Longer forms, about one in two hundred, are computed each time. */
enum { MEMO_BITS = 16, MEMO_SLOTS = 1u << MEMO_BITS, MEMO_KEY = 17 };
typedef struct memo_slot {
  uint8_t len;        /* key bytes; 0 marks an empty slot */
  char key[MEMO_KEY]; /* the form as first written */
  uint8_t dict, title, bits;
  uint16_t learn[5]; /* the wstat fields of lex_compute() */
} memo_slot;
static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;
static int memo_key_ok;

static void memo_make_key(void) {
  /* free() runs on each thread's memo when the thread exits */
  memo_key_ok = pthread_key_create(&memo_key, free) == 0;
}

/* The calling thread's memo, allocated on first use; NULL when out of
 * memory (the caller then works without it). */
struct memo_slot *ws_ent_memo_get(void) {
  pthread_once(&memo_once, memo_make_key);
  if (!memo_key_ok)
    return NULL;
  memo_slot *m = pthread_getspecific(memo_key);
  if (!m) {
    m = calloc(MEMO_SLOTS, sizeof *m);
    if (m && pthread_setspecific(memo_key, m) != 0) {
      free(m);
      m = NULL;
    }
  }
  return m;
}

void ws_ent_lex_facts(const ctx *c, wstat *w) {
  const char *s = c->text + w->off;
  size_t n = w->len;
  if (!c->memo || n == 0 || n > MEMO_KEY) {
    lex_compute(s, n, w);
    return;
  }
  /* the form table's index takes the low bits of the hash: the memo the
   * high ones */
  memo_slot *m = &c->memo[w->hash >> (32 - MEMO_BITS)];
  if (m->len != n || !eq_fold(m->key, s, n)) {
    lex_compute(s, n, w);
    memcpy(m->key, s, n);
    m->len = (uint8_t)n;
    m->dict = w->dict;
    m->title = w->title;
    m->bits = w->bits;
    memcpy(m->learn, w->learn, sizeof m->learn);
    return;
  }
  w->dict = m->dict;
  w->title = m->title;
  w->bits = m->bits;
  memcpy(w->learn, m->learn, sizeof w->learn);
}

/* The country of a nationality word at token i, also in headline
 * capitals (IRANIAN -> Iran), or NULL. */
const char *ws_ent_nationality_of(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  const char *s = c->text + t->start;
  size_t n = t->core_end - t->start;
  if (!(t->flags & WS_TF_UPPER) || n < 3 || n > 32)
    return ws_lex_nationality_country(s, n);
  char buf[32];
  buf[0] = s[0];
  for (size_t k = 1; k < n; k++)
    buf[k] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] + 32) : s[k];
  return ws_lex_nationality_country(buf, n);
}
