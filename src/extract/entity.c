/*
 * entity.c - named-entity mentions, their kinds and their identity within
 * one document.
 *
 * Four passes over the tokens, each linear (hash tables keyed by word or
 * name; runs and look-backs bounded by MAX_RUN tokens):
 *
 *  1. Evidence.  Each line gets a mode: normal, ALL-CAPS headline or
 *     Title-Case headline.  Each word form (ASCII case folded) counts how
 *     often the document writes it lower case and how often capitalised in
 *     a position where capitals carry information (inside a sentence of a
 *     normal line).
 *  2. Classes.  A capitalised word inside a normal sentence is a name word.
 *     A capitalised word whose capital says nothing (sentence start, after
 *     an opening mark, headline) is decided by evidence: the document's own
 *     counts first, then the system dictionary (Debian wamerican lists
 *     common words in lower case and proper nouns capitalised, British
 *     spellings mapped), then how the CoNLL-2003 train split used the word
 *     (conll_lex.c, see gen_conll_lex.py), then its neighbours.  Lower-case
 *     particles (bin, al, de, van) join names; URLs and weekdays never do.
 *  3. Spans.  Runs of name words within a sentence (particles, "of" after
 *     an organisation head, "&" inside), ending at a possessive or a name
 *     made adjective (Toronto-based); titles (Foreign Minister, Mr.) are
 *     cut out and remembered as roles together with the words before them
 *     ("Qatar's Foreign Minister", "Hamas politburo chief") or in
 *     apposition after the name; a nationality adjective before a
 *     personal name is its own mention.
 *  4. Identity and kinds.  Longer names are resolved first; a shorter name
 *     that equals a token suffix of exactly one longer personal name folds
 *     into it (Haniyeh -> Ismail Haniyeh, Mr. Trump -> Donald Trump, never
 *     Donald Trump Jr.); an acronym in brackets after a name, or spelling
 *     the initials of exactly one longer name, links to it; fixed
 *     abbreviations (U.S., US) name their expansion.  Each mention brings
 *     evidence of a kind with a strength (a title or an organisation word
 *     is strong, a learned word or a place preposition weak) and the
 *     entity takes the kind with the strongest votes.
 */
#include "extract/doc.h"
#include "extract/lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_RUN = 10 };     /* longest name, in tokens */
enum { MAX_ALIASES = 16 }; /* aliases kept per entity */
enum { MAX_ROLES = 8 };    /* roles kept per entity */

enum { MODE_NORMAL = 0, MODE_CAPS = 1, MODE_TITLE = 2 };
enum { C_NONE = 0, C_NAME = 1, C_PART = 2 };

/* Word statistics: one slot per distinct word form. */
typedef struct wstat {
  uint32_t off, len; /* first occurrence; len 0 marks an empty slot */
  uint32_t lower;    /* occurrences starting lower case */
  uint32_t cap;      /* capitalised where capitals are informative */
  uint8_t ready;     /* the lexicon fields below are filled */
  uint8_t dict;      /* dict_flags() */
  uint8_t title;     /* ws_lex_title() */
  uint8_t bits;      /* L_* */
  uint8_t part;      /* lowered, a name particle? 0 unknown, 1 no, 2 yes */
  uint16_t learn[5]; /* ws_lex_learned() counts, zero when unseen */
  uint32_t hash;     /* hash_fold() of the form, 32 bits */
} wstat;

/* Case-insensitive lexicon facts of a word form, cached per form. */
enum { L_STOP = 1, L_ORG = 2, L_PLACE = 4, L_DATE = 8, L_LEARNED = 16 };

/* A slot of the word-form hash table: the form's index in ctx.ws plus
 * one (0 marks an empty slot) and its hash, kept so that growing the
 * table and most mismatches never look at the text again. */
typedef struct wslot {
  uint32_t idx;
  uint32_t hash;
} wslot;

/* String table: folded name -> entity index. */
typedef struct sslot {
  const char *key; /* NULL marks an empty slot */
  int32_t val;     /* entity index, or -2 when ambiguous */
  uint32_t hash;   /* key_hash(key): most mismatches skip strcmp */
} sslot;

typedef struct stab {
  sslot *slot;
  size_t mask;
  size_t used;
} stab;

/* A mention under construction. */
typedef struct cand {
  uint32_t a, b;     /* tokens [a, b) */
  const char *name;  /* NFC surface form */
  const char *key;   /* folded canonical key */
  uint32_t khash;    /* key_hash(key) */
  const char *canon; /* canonical name when fixed (U.S.), else NULL */
  const char *role;  /* title phrase before it, or NULL */
  int kind;          /* ws_entity_kind from local evidence */
  int weight;        /* strength of that evidence, 0 none */
  int32_t entity;    /* resolved entity, -1 until then */
  int folded;        /* short form of a longer name: the longer decides
                        the kind (Jordan in Neil Jordan's article) */
  int adjective;     /* a name made adjective (Toronto-based): names its
                        entity, neither votes nor becomes an alias */
} cand;

typedef struct ctx {
  ws_doc *doc;
  const char *text;
  const ws_token *tok;
  size_t n;
  uint8_t *mode; /* per token: its line's mode */
  uint8_t *cls;  /* per token: C_* */
  uint8_t *url;  /* per token: inside a URL */
  uint8_t *adj;  /* per token: a name made adjective (Toronto-based) */
  uint8_t *nat;  /* per token: tok_nationality() state */
  uint32_t part_pairs[32]; /* ws_lex_particle_pairs(), then zeros: an
                              index of five bits needs no bounds test */
  wstat *ws;      /* distinct word forms, in order of first occurrence */
  size_t ws_used; /* forms in ws */
  size_t ws_cap;  /* room in ws */
  wslot *wh;      /* hash table over ws */
  size_t ws_mask; /* slots in wh, minus one */
  uint32_t *wi;   /* per token: its form's index in ws, or UINT32_MAX */
  ws_vec cands;   /* cand */
  struct memo_slot *memo; /* the thread's lexicon memo, or NULL */
} ctx;

/* ------------------------------------------------------------- helpers */

static int is_word(const ws_token *t) {
  return t->type == WS_TOK_WORD;
}


/* The low k bytes of a word (1 <= k <= 8). */
static inline uint64_t low_bytes(uint64_t w, size_t k) {
  return k >= 8 ? w : w & ((UINT64_C(1) << (8 * k)) - 1);
}

/* A hash of the bytes with bit 5 set: the same for every spelling that
 * eq_fold() equates (it sets bit 5 of 'A'..'Z' only), without a compare
 * per byte; the few other bytes this merges ('@' and '`') only share a
 * bucket.  One multiply per eight bytes, and the result is the high half
 * of the last product, which depends on every bit before it: it runs for
 * every word of every document, and the tables wait for it.  `room` is
 * how many bytes from s may be read (at least n): with eight to spare,
 * the last step loads a whole word and masks it instead of assembling
 * its bytes.  The value fits 32 bits. */
static inline uint64_t hash_fold_room(const char *s, size_t n, size_t room) {
  const uint64_t fold = 0x2020202020202020u;
  uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ (w | fold)) * 0xBF58476D1CE4E5B9u;
    h ^= h >> 32;
  }
  if (i < n) {
    uint64_t w;
    if (room - i >= 8) {
      memcpy(&w, s + i, 8);
      w = low_bytes(w, n - i);
    } else {
      w = ws_load_tail(s + i, n - i);
    }
    h = (h ^ (w | fold)) * 0xBF58476D1CE4E5B9u;
  }
  return h >> 32;
}

static inline uint64_t hash_fold(const char *s, size_t n) {
  return hash_fold_room(s, n, n);
}

/* 1 when a[0..n) and b[0..n) are equal but for ASCII case; `room` bytes
 * may be read from each (at least n).  Most equal forms are spelt alike:
 * words are compared eight bytes a step, single bytes only where one
 * differs. */
static inline int eq_fold_room(const char *a, const char *b, size_t n,
                               size_t room) {
  size_t i = 0;
  for (; i < n && room - i >= 8; i += 8) {
    uint64_t x, y;
    memcpy(&x, a + i, 8);
    memcpy(&y, b + i, 8);
    if (low_bytes(x ^ y, n - i) != 0)
      break;
  }
  for (; i < n; i++) {
    unsigned x = (unsigned char)a[i], y = (unsigned char)b[i];
    /* different bytes are equal folded only as the two cases of a letter:
     * bit 5 apart, and a-z with it set */
    if (x != y && ((x | 0x20u) != (y | 0x20u) || (x | 0x20u) - 'a' >= 26u))
      return 0;
  }
  return 1;
}

static inline int eq_fold(const char *a, const char *b, size_t n) {
  return eq_fold_room(a, b, n, n);
}

/* The word's text without a trailing abbreviation period. */
static size_t word_len(const ctx *c, const ws_token *t) {
  size_t n = t->core_end - t->start;
  if (n > 1 && c->text[t->start + n - 1] == '.' &&
      !(t->flags & WS_TF_UPPER && memchr(c->text + t->start, '.', n - 1)))
    n--;
  return n;
}

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
static const wstat *stat_find(const ctx *c, const char *s, size_t n) {
  const wslot *sl = stat_slot(c, s, n, (uint32_t)hash_fold(s, n), n);
  return sl->idx ? &c->ws[sl->idx - 1] : NULL;
}

/* Sizes the word-form tables for a document of n tokens: distinct forms
 * are fewer than tokens, and the tables grow when a long document has
 * more forms than this first guess. */
static int stat_init(ctx *c, size_t n) {
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
static int stat_add(ctx *c, size_t ti) {
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

static int dict_flags(const char *s, size_t n);

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
static memo_slot *memo_get(void) {
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

static void lex_facts(const ctx *c, wstat *w) {
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

static const wstat lex_none; /* for tokens without letters: no facts */

/* The cached lexicon facts of token i (a word with a letter).  Inline:
 * the passes below ask for them about once per token. */
static inline const wstat *lex(const ctx *c, size_t i) {
  uint32_t k = c->wi[i];
  if (k == UINT32_MAX)
    return &lex_none;
  wstat *w = &c->ws[k];
  if (!w->ready) {
    w->ready = 1;
    lex_facts(c, w);
  }
  return w;
}

static int is_stop(const ctx *c, size_t i) {
  return lex(c, i)->bits & L_STOP;
}

static int stab_init(stab *t, ws_arena *a, size_t want) {
  size_t cap = 16;
  while (cap < want * 2)
    cap *= 2;
  t->slot = ws_arena_calloc(a, cap, sizeof(sslot));
  t->mask = cap - 1;
  t->used = 0;
  return t->slot ? WS_OK : WS_ENOMEM;
}

static uint32_t key_hash(const char *key) {
  return (uint32_t)hash_fold(key, strlen(key));
}

/* Returns the slot of key, whose key_hash() is h (empty when absent; a
 * new key's caller stores h with it). */
static sslot *stab_get_h(stab *t, const char *key, uint32_t h) {
  size_t k = h & t->mask;
  while (t->slot[k].key &&
         (t->slot[k].hash != h || strcmp(t->slot[k].key, key) != 0))
    k = (k + 1) & t->mask;
  return &t->slot[k];
}

/* Sets key -> val; a second, different value makes the key ambiguous. */
static void stab_put_h(stab *t, const char *key, uint32_t h, int32_t val,
                       int exclusive) {
  sslot *s = stab_get_h(t, key, h);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    s->val = val;
    t->used++;
  } else if (exclusive && s->val != val) {
    s->val = -2;
  }
}

static void stab_put(stab *t, const char *key, int32_t val, int exclusive) {
  stab_put_h(t, key, key_hash(key), val, exclusive);
}

/* ------------------------------------------------------ 1. evidence */

/* 1 when capitals at token i carry no information: the start of a
 * sentence or line, or just after an opening mark or a dash (CoNLL tables
 * "Romania - Cosmin Contra", bylines, bracketed credits). */
static int initial(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  if (i == 0 || (t->flags & (WS_TF_SENT | WS_TF_LINE)))
    return 1;
  const ws_token *p = &c->tok[i - 1];
  if (p->type == WS_TOK_QUOTE)
    return 1;
  if (p->type == WS_TOK_PUNCT)
    return !(p->cp == ',' || p->cp == ';' || p->cp == '&' || p->cp == '/');
  return 0;
}

static int has_letter(const ws_token *t) {
  return t->flags & WS_TF_LETTER; /* is_word(t) && ws_cp_is_letter(t->cp) */
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
static int first_pass(ctx *c) {
  line_count lc = {0};
  size_t done = 0, url_end = 0;
  for (size_t i = 0; i < c->n; i++) {
    const ws_token *t = &c->tok[i];
    c->wi[i] = UINT32_MAX;
    if (has_letter(t) && stat_add(c, i))
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

/* ------------------------------------------------------- 2. classes */

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

/* 1 when the train split mostly capitalised the word outside any name
 * (table headers, words of headlines). */
static int learned_not_name(const ctx *c, size_t i) {
  const uint16_t *lc = lex(c, i)->learn;
  unsigned names = (unsigned)lc[0] + lc[1] + lc[2] + lc[3];
  return lc[WS_LEARN_NOT] >= 4 && lc[WS_LEARN_NOT] > 2 * names;
}

/* 1 when the capitalised word at i, in a position where capitals say
 * nothing, is part of a name.  depth 1 marks a look-ahead call. */
static int decide(ctx *c, size_t i, int depth) {
  const ws_token *t = &c->tok[i];
  const char *s = c->text + t->start;
  if ((t->flags & WS_TF_ABBR) && (t->flags & WS_TF_UPPER))
    return 1; /* U.S., H. */
  if (ws_lex_abbrev_name(s, t->core_end - t->start))
    return 1;
  const wstat *w = lex(c, i);
  if (w->bits & L_STOP)
    return 0;
  if (w->title)
    return 1; /* cut out later, leaves its role */
  if (w->cap || w->lower)
    return w->cap >= w->lower;
  int f = w->dict;
  if (f == 0 || f == WS_DICT_CAP)
    return 1;
  /* how the train split used the word when capitalised inside sentences */
  const uint16_t *lc = w->learn;
  unsigned names = (unsigned)lc[0] + lc[1] + lc[2] + lc[3];
  unsigned plain = lc[WS_LEARN_NOT];
  int cap_next = i + 1 < c->n && has_letter(&c->tok[i + 1]) &&
                 (c->tok[i + 1].flags & WS_TF_CAP) &&
                 !(c->tok[i + 1].flags & WS_TF_SENT) && !is_stop(c, i + 1);
  /* in a headline the next word's capital proves nothing: it must be a
   * name itself (NEW YORK, not NEW BRIDGE); one word of look-ahead */
  if (cap_next && c->mode[i] != MODE_NORMAL)
    cap_next = depth == 0 && decide(c, i + 1, 1);
  if (f == WS_DICT_LOWER) /* a common word; first word of a name (New York)? */
    return cap_next && names >= 3 && names >= 2 * plain;
  if (names + plain >= 2) /* both a common word and a name: China, Kent */
    return names > plain;
  /* otherwise a name when a capitalised word follows in the sentence
   * (Bill Carter), or in a headline */
  return cap_next || c->mode[i] == MODE_CAPS;
}

/* 1 when s[0..n) is a name joined to a participle or a few other
 * adjective-making words: Toronto-based, U.S.-led, Iranian-backed. */
static int compound_adjective(const char *s, size_t n) {
  static const char *const tails[] = {
      "allied",    "backed", "based",      "born",      "bound",
      "brokered",  "built",  "controlled", "dominated", "educated",
      "funded",    "held",   "inspired",   "led",       "linked",
      "listed",    "made",   "occupied",   "owned",     "registered",
      "ruled",     "run",    "speaking",   "sponsored", "style",
      "supported", NULL};
  const char *h = NULL;
  for (size_t i = n; i > 1; i--)
    if (s[i - 1] == '-') {
      h = s + i;
      break;
    }
  if (!h)
    return 0;
  ws_token t = {.start = 0, .end = (uint32_t)(s + n - h)};
  return ws_tok_in(h, &t, tails);
}

/* 1 when s[0..n) is a contraction (We're, They've, Don't, I'd): an
 * apostrophe followed by a lower-case English contraction tail. */
static int contraction(const char *s, size_t n) {
  static const char *const tails[] = {"d", "ll", "m", "re", "t", "ve", NULL};
  for (size_t i = 1; i + 1 < n; i++) {
    size_t al = s[i] == '\''                                           ? 1
                : (i + 3 < n && memcmp(s + i, "\xE2\x80\x99", 3) == 0) ? 3
                                                                       : 0;
    if (!al)
      continue;
    ws_token t = {.start = 0, .end = (uint32_t)(n - i - al)};
    return ws_tok_in(s + i + al, &t, tails) && s[i + al] >= 'a' &&
           s[i + al] <= 'z';
  }
  return 0;
}

/* 1 when token i, starting lower case, s[0..n) with n <= 5, is a name
 * particle (exact case).  Every particle is lower-case ASCII, so a word
 * form whose lowered spelling is none never is one: that is decided once
 * per form, and only the forms that are get the exact test per token. */
static int tok_particle(ctx *c, size_t i, const char *s, size_t n) {
  wstat *w = &c->ws[c->wi[i]];
  if (w->len != n) /* a form without a trailing period: ask directly */
    return ws_lex_is_particle(s, n);
  if (!w->part) {
    char low[8];
    const char *f = c->text + w->off;
    for (size_t k = 0; k < n; k++)
      low[k] = (char)(f[k] >= 'A' && f[k] <= 'Z' ? f[k] + 32 : f[k]);
    w->part = ws_lex_is_particle(low, n) ? 2 : 1;
  }
  return w->part == 2 && ws_lex_is_particle(s, n);
}

/* The class of token i from its own evidence (C_*). */
static uint8_t word_class(ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  uint8_t k = C_NONE;
  if (!has_letter(t) || c->url[i])
    return k;
  const char *s = c->text + t->start;
  size_t n = t->core_end - t->start;
  if (ws_cp_is_lower(t->cp)) {
    /* a particle's first two letters first (della is the longest): a
     * test rarely passed, where the length and the initial mispredicted
     * on the common short words (the, and, its, to) */
    unsigned a = (unsigned)(t->cp - 'a');
    unsigned b = n >= 2 ? (unsigned)(unsigned char)s[1] - 'a' : 26u;
    if ((c->part_pairs[a & 31u] >> (b & 31u) & 1u) && a < 26u && b <= 26u &&
        n <= 5 && tok_particle(c, i, s, n))
      k = C_PART;
    else if ((t->flags & WS_TF_HYPHEN) && n > 3 && /* rare: first */
             (t->cp == 'a' || t->cp == 'e') &&
             (memcmp(s, "al-", 3) == 0 || memcmp(s, "el-", 3) == 0) &&
             s[3] >= 'A' && s[3] <= 'Z')
      k = C_NAME; /* al-Assad: Arabic article joined by a hyphen */
  } else if (t->flags & WS_TF_CAP) {
    if (lex(c, i)->bits & L_DATE)
      k = C_NONE;
    else if ((t->flags & WS_TF_APOS) && contraction(s, n))
      k = C_NONE; /* We're, They'll, Don't */
    else if (n == 1 && !(i + 1 < c->n && (c->tok[i + 1].cp == '$' ||
                                          c->tok[i + 1].cp == '&')))
      k = C_NONE; /* a letter without a period labels (Group B, W L) */
    else if (s[0] == 'I' &&
             (n == 1 || s[1] == '\'' ||
              (n > 3 && memcmp(s + 1, "\xE2\x80\x99", 3) == 0)))
      k = C_NONE; /* the pronoun: I, I'm, I’ve */
    else if (learned_not_name(c, i) && !lex(c, i)->title)
      k = C_NONE;
    else if ((t->flags & WS_TF_HYPHEN) && compound_adjective(s, n))
      k = C_NAME, c->adj[i] = 1;
    else if (c->mode[i] == MODE_NORMAL && !initial(c, i))
      k = C_NAME;
    else
      k = decide(c, i, 0) ? C_NAME : C_NONE;
  }
  return k;
}

static void classify(ctx *c) {
  for (size_t i = 0; i < c->n; i++) {
    uint8_t k = word_class(c, i);
    /* in a headline or at a sentence start, an organisation or place head
     * after a name belongs to it (KANSAS CITY, LABOUR PARTY); the name
     * before may be such a head itself (word_class reads no class, so one
     * walk decides both) */
    const ws_token *t = &c->tok[i];
    if (k == C_NONE && i > 0 && c->cls[i - 1] == C_NAME &&
        (t->flags & WS_TF_CAP) && !(t->flags & WS_TF_SENT) &&
        (lex(c, i)->bits & (L_ORG | L_PLACE)))
      k = C_NAME;
    c->cls[i] = k;
  }
}

/* --------------------------------------------------------- 3. spans */

static int tok_title(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  return has_letter(t) ? lex(c, i)->title : WS_TITLE_NONE;
}

static int tok_place_word(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  return has_letter(t) && (lex(c, i)->bits & L_PLACE);
}

/* The country of a nationality word at token i, also in headline
 * capitals (IRANIAN -> Iran), or NULL. */
static const char *tok_nationality_of(const ctx *c, size_t i);

/* tok_nationality_of(), remembered per token: the span and kind passes
 * ask it of the same tokens several times (c->nat: 0 unknown, 1 none, 2
 * one; a found country is looked up again, which is rare). */
static const char *tok_nationality(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  if ((unsigned)(t->cp - 'A') >= 26u)
    return NULL; /* every nationality starts with an ASCII capital */
  if (c->nat[i] == 1)
    return NULL;
  const char *country = tok_nationality_of(c, i);
  c->nat[i] = country ? 2 : 1;
  return country;
}

static const char *tok_nationality_of(const ctx *c, size_t i) {
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

static int tok_org_word(const ctx *c, size_t i) {
  return has_letter(&c->tok[i]) && (lex(c, i)->bits & L_ORG);
}

/* The title phrase ending just before token a, walking back over title
 * words, organisation words, nationality adjectives and names (with their
 * possessives): "Qatar's Foreign Minister", "Hamas politburo chief".
 * Returns the first token of the phrase and sets *head_kind, or returns a
 * when no title head precedes. */
static size_t role_start(const ctx *c, size_t a, int *head_kind) {
  *head_kind = WS_TITLE_NONE;
  if (a == 0 || c->tok[a].flags & WS_TF_SENT)
    return a;
  int h = tok_title(c, a - 1);
  const ws_token *d = &c->tok[a - 1];
  if (!h && has_letter(d) && ws_cp_is_lower(d->cp) &&
      ws_lex_is_descriptor(c->text + d->start, d->core_end - d->start))
    h = WS_TITLE_HEAD;
  size_t s = a - 1;
  if (h == WS_TITLE_MOD) {
    /* Secretary of State, Chief of Staff: modifiers after "of" + head */
    while (s > 0 && a - s < 4 && tok_title(c, s - 1) == WS_TITLE_MOD)
      s--;
    if (s >= 2 && is_word(&c->tok[s - 1]) &&
        ws_tok_is(c->text, &c->tok[s - 1], "of") &&
        tok_title(c, s - 2) == WS_TITLE_HEAD) {
      a = s - 1; /* continue as if the name followed the head */
      s = s - 2;
      h = WS_TITLE_HEAD;
    } else {
      return a;
    }
  }
  if (h != WS_TITLE_HEAD && h != WS_TITLE_HONORIFIC)
    return a;
  *head_kind = h;
  if (h == WS_TITLE_HONORIFIC)
    return s;
  while (s > 0 && a - s < 7 && !(c->tok[s].flags & WS_TF_SENT)) {
    size_t p = s - 1;
    const ws_token *t = &c->tok[p];
    if (!has_letter(t))
      break;
    int tt = tok_title(c, p);
    if (tt == WS_TITLE_HONORIFIC)
      break;
    if (tt || tok_org_word(c, p) || tok_nationality(c, p) ||
        c->cls[p] == C_NAME)
      s = p;
    else
      break;
  }
  return s;
}

/* A title in apposition after a name: "Ismail Haniyeh, the Hamas chief,"
 * or "Jane Roe, a spokeswoman for ...".  From token b (just after the
 * name): a comma, an optional article, then at most six words of
 * nationalities, names, organisation and title words ending in a title
 * head that closes the phrase.  Sets [*ra, *rb) and returns 1, or 0. */
static int appositive_role(const ctx *c, size_t b, size_t *ra, size_t *rb) {
  if (b + 2 >= c->n || c->tok[b].cp != ',' || c->tok[b].type != WS_TOK_PUNCT)
    return 0;
  size_t k = b + 1;
  if (is_word(&c->tok[k]) && (ws_tok_is(c->text, &c->tok[k], "the") ||
                              ws_tok_is(c->text, &c->tok[k], "a") ||
                              ws_tok_is(c->text, &c->tok[k], "an")))
    k++;
  size_t first = k, head_end = 0;
  for (; k < c->n && k < first + 6; k++) {
    const ws_token *t = &c->tok[k];
    if (!has_letter(t) || (t->flags & WS_TF_SENT))
      break;
    int tt = tok_title(c, k);
    if (tt == WS_TITLE_HONORIFIC)
      break;
    if (tt == WS_TITLE_HEAD)
      head_end = k + 1;
    else if (!(tt || tok_org_word(c, k) || tok_nationality(c, k) ||
               c->cls[k] == C_NAME))
      break;
  }
  if (!head_end)
    return 0;
  /* the head must close the phrase: , . of for at in with or the end */
  if (head_end < c->n) {
    const ws_token *t = &c->tok[head_end];
    if (!(t->type == WS_TOK_PUNCT || t->type == WS_TOK_QUOTE ||
          ws_tok_is(c->text, t, "of") || ws_tok_is(c->text, t, "for") ||
          ws_tok_is(c->text, t, "at") || ws_tok_is(c->text, t, "in") ||
          ws_tok_is(c->text, t, "with")))
      return 0;
  }
  *ra = first;
  *rb = head_end;
  return 1;
}

static int push_cand(ctx *c, uint32_t a, uint32_t b) {
  /* a cut title can leave a connector at an edge: "Doha & [Minister] X" */
  while (b > a && c->cls[b - 1] != C_NAME)
    b--;
  while (a < b && c->cls[a] != C_NAME && c->cls[a] != C_PART)
    a++;
  if (a == b)
    return WS_OK;
  /* drop runs of titles only (Prime Minister, Foreign) */
  int any = 0;
  for (uint32_t i = a; i < b; i++)
    if (c->cls[i] == C_NAME && !tok_title(c, i))
      any = 1;
  if (!any)
    return WS_OK;
  /* a lone capital letter (or initial) is a label (column B), not a name,
   * unless a currency sign follows it (C$) */
  if (b - a == 1 &&
      (c->tok[a].end - c->tok[a].start == 1 ||
       (c->tok[a].end - c->tok[a].start == 2 &&
        c->text[c->tok[a].start + 1] == '.')) &&
      !(b < c->n && c->tok[b].cp == '$' && c->tok[b].start == c->tok[a].end))
    return WS_OK;
  cand *m = ws_vec_push(&c->cands, c->doc->arena);
  if (!m)
    return WS_ENOMEM;
  m->a = a;
  m->b = b;
  m->entity = -1;
  return WS_OK;
}

/* 1 when token i is a given name by the train split's statistics: seen at
 * least three times, mostly inside personal names. */
static int given_name_at(const ctx *c, size_t i) {
  if (!has_letter(&c->tok[i]))
    return 0;
  const uint16_t *lc = lex(c, i)->learn;
  return lc[0] >= 3 && lc[0] > 2 * (lc[1] + lc[2] + lc[3]);
}

/* 1 when token i plausibly starts a personal name: an initial, a word the
 * train split knew mostly as part of personal names, or a word neither
 * the dictionary nor the train split knows (Australian Tom Moody, but not
 * Czech Republic, Australian Open, Bosnian Serb). */
static int personal_name_at(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  if ((t->flags & WS_TF_ABBR) && t->end - t->start <= 3)
    return 1;
  const wstat *w = lex(c, i);
  const uint16_t *lc = w->learn;
  size_t n = word_len(c, t);
  if (w->bits & L_LEARNED)
    return lc[0] > lc[1] + lc[2] + lc[3];
  int f = w->dict;
  if (f == 0)
    return 1;
  /* a proper noun of the dictionary followed by another name word */
  return f == WS_DICT_CAP && i + 1 < c->n && c->cls[i + 1] == C_NAME &&
         !ws_lex_is_country(c->text + t->start, n);
}

/* 1 when token i is a party label written before a member's name. */
static int party_label(const ctx *c, size_t i) {
  static const char *const labels[] = {
      "communist",  "conservative", "democrat", "democratic", "liberal",
      "republican", "socialist",    "tory",     NULL};
  return has_letter(&c->tok[i]) && ws_tok_in(c->text, &c->tok[i], labels);
}

/* Emits the mentions of the raw run [a, b): cuts title runs that end in a
 * title head, splits a leading nationality adjective off a personal name. */
static int split_run(ctx *c, uint32_t a, uint32_t b) {
  /* trailing particles are not part of a name */
  while (b > a && c->cls[b - 1] == C_PART)
    b--;
  /* time words of a title never begin a name: Former England captain,
   * Acting President X */
  static const char *const times[] = {"acting",  "former",   "incoming",
                                      "interim", "outgoing", NULL};
  while (b - a >= 2 && tok_title(c, a) == WS_TITLE_MOD &&
         ws_tok_in(c->text, &c->tok[a], times))
    a++;
  uint32_t s = a;
  /* the rest of a title split by "of" (Secretary of State John Kerry,
   * Chief of Staff Ana Ruiz): its modifiers before a name are no name */
  if (a >= 2 && is_word(&c->tok[a - 1]) &&
      ws_tok_is(c->text, &c->tok[a - 1], "of") &&
      tok_title(c, a - 2) == WS_TITLE_HEAD) {
    uint32_t k = a;
    while (k < b && tok_title(c, k) == WS_TITLE_MOD)
      k++;
    if (k > a && k < b)
      s = k;
  }
  for (uint32_t i = s; i < b;) {
    if (!tok_title(c, i)) {
      i++;
      continue;
    }
    uint32_t j = i;
    int last = WS_TITLE_NONE;
    while (j < b && tok_title(c, j))
      last = tok_title(c, j++);
    /* A title is cut when a name follows it (Pope John Paul II, New Party
     * President Ana Ruiz), or at the end when it is unmistakable (Iran
     * Foreign Minister); a single head word at the end stays (Martin
     * Luther King, King Jr.), and an organisation name ending in an org
     * word keeps its titles (Prime Minister's Office). */
    int name_after =
        j < b && !ws_lex_is_generation(c->text + c->tok[j].start,
                                       c->tok[j].core_end - c->tok[j].start);
    int cut = (last == WS_TITLE_HEAD || last == WS_TITLE_HONORIFIC) &&
              !(b > j && tok_org_word(c, b - 1)) &&
              (name_after || (j == b && j - i >= 2));
    /* a leading modifier alone is a title before a personal name (General
     * Benjamin Ortiz, General Anatoly Ivanov), not before a common word
     * (General Motors, General Electric Co) */
    if (!cut && i == s && name_after &&
        (given_name_at(c, j) ||
         (b - j >= 2 && lex(c, j)->dict != WS_DICT_LOWER &&
          !tok_org_word(c, b - 1))))
      cut = 1;
    if (cut) {
      if (i > s) {
        int rc = push_cand(c, s, i);
        if (rc)
          return rc;
      }
      s = j;
    }
    i = j;
  }
  if (s >= b)
    return WS_OK;
  /* a party label or nationality before a personal name is its own
   * mention (Australian Tom Moody, Republican Bob Dole) */
  if (b - s >= 2 && (tok_nationality(c, s) || party_label(c, s)) &&
      !tok_org_word(c, b - 1) && c->cls[s + 1] == C_NAME &&
      personal_name_at(c, s + 1)) {
    int rc = push_cand(c, s, s + 1);
    if (rc)
      return rc;
    s++;
  }
  /* a capitalised common word before a known given name describes the
   * person (Novelist Ana Ruiz, Miss Universe Alicia Machado) */
  if (b - s >= 3 && lex(c, s)->dict == WS_DICT_LOWER &&
      !(lex(c, s)->bits & L_LEARNED) && !tok_org_word(c, b - 1) &&
      given_name_at(c, s + 1))
    s++;
  return push_cand(c, s, b);
}

/* 1 when a lower-case particle at i opens a name: "de Silva", "van Gogh"
 * after a word that is not a name (inside a name it joins anyway); only
 * particles that are not also common words of the text's language. */
static int particle_opens(const ctx *c, size_t i) {
  static const char *const openers[] = {"bin", "da",  "de",  "del", "di",
                                        "dos", "ibn", "van", "von", NULL};
  return c->cls[i] == C_PART && i + 1 < c->n && c->cls[i + 1] == C_NAME &&
         !(c->tok[i + 1].flags & WS_TF_SENT) &&
         ws_tok_in(c->text, &c->tok[i], openers);
}

static int find_spans(ctx *c) {
  for (size_t i = 0; i < c->n;) {
    if (c->cls[i] != C_NAME && !particle_opens(c, i)) {
      i++;
      continue;
    }
    size_t j = i + 1;
    size_t of_at = 0; /* token of the last "of" / "for" joined, or 0 */
    while (j < c->n && j - i < MAX_RUN && !(c->tok[j - 1].flags & WS_TF_POSS) &&
           !c->adj[j - 1] && !(c->tok[j].flags & WS_TF_SENT)) {
      if (c->cls[j] == C_NAME) {
        j++;
        continue;
      }
      /* "of" / "for" after an organisation or place head (Bank of Japan,
       * Republic of Ireland, Institute for Peace), then one "and" right
       * after its first word (Organisation for Security and Cooperation);
       * "&" between names (Procter & Gamble) */
      if (j + 1 < c->n && c->cls[j + 1] == C_NAME &&
          !(c->tok[j + 1].flags & WS_TF_SENT)) {
        const ws_token *t = &c->tok[j];
        int join = 0;
        if (t->type == WS_TOK_PUNCT)
          join = t->cp == '&';
        else if (ws_tok_is(c->text, t, "of") || ws_tok_is(c->text, t, "for"))
          join = (tok_org_word(c, j - 1) || tok_place_word(c, j - 1));
        else if (ws_tok_is(c->text, t, "and"))
          join = of_at && j == of_at + 2; /* one word between: X for Y and */
        if (join) {
          of_at =
              ws_tok_is(c->text, t, "and") || t->type == WS_TOK_PUNCT ? 0 : j;
          j += 2;
          continue;
        }
      }
      /* particles between name words: bin, de, van der */
      size_t k = j;
      while (k < c->n && k - j < 3 && c->cls[k] == C_PART)
        k++;
      if (k > j && k < c->n && c->cls[k] == C_NAME &&
          !(c->tok[k].flags & WS_TF_SENT)) {
        j = k;
        continue;
      }
      break;
    }
    int rc = split_run(c, (uint32_t)i, (uint32_t)j);
    if (rc)
      return rc;
    i = j;
  }
  return WS_OK;
}

/* ------------------------------------------------- 4. kinds, identity */

/* ws_text_nfc / ws_text_fold with a fast path for ASCII, which is already
 * in NFC: copy, white space runs folded to one space, lowered if fold. */
static char *norm(ws_arena *a, const char *s, size_t n, int fold) {
  /* one pass: a non-ASCII byte abandons the copy (its n + 1 bytes stay
   * in the arena) for the full normalisation */
  char *out = ws_arena_alloc(a, n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)s[i];
    if (ch <= ' ') {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (k && out[k - 1] != ' ')
          out[k++] = ' ';
        continue;
      }
    } else if (ch >= 0x80) {
      return fold ? ws_text_fold(a, s, n) : ws_text_nfc(a, s, n);
    }
    out[k++] = (char)(fold && ch - 'A' < 26u ? ch + 32 : ch);
  }
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = 0;
  return out;
}

/* ws_text_nfc of the NUL-terminated s, which norm() copies when it is
 * ASCII without the white space only ws_text_nfc folds (\v, \f): the
 * canonical names of the lexicon are, and utf8proc costs thousands of
 * instructions a call. */
static char *canon_nfc(ws_arena *a, const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)s[i];
    if (ch >= 0x80 || ch == '\v' || ch == '\f')
      return ws_text_nfc(a, s, n);
  }
  return norm(a, s, n, 0);
}

/* The name of a mention, text[s, e) normalised as span_nfc() does, and
 * when it is ASCII also its key (what norm() folding the name gives: the
 * name lowered, its white space being single spaces already) from the
 * same pass; *key is NULL otherwise.  Returns the name, or NULL when out
 * of memory. */
static const char *name_and_key(ctx *c, uint32_t s, uint32_t e,
                                const char **key) {
  const char *src = c->text + s;
  size_t n = e - s;
  *key = NULL;
  char *out = ws_arena_alloc(c->doc->arena, 2 * (n + 1));
  if (!out)
    return NULL;
  char *low = out + n + 1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)src[i];
    if (ch <= ' ') {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (k && out[k - 1] != ' ')
          out[k] = low[k] = ' ', k++;
        continue;
      }
    } else if (ch >= 0x80) {
      return ws_text_nfc(c->doc->arena, src, n);
    }
    out[k] = (char)ch;
    low[k] = (char)(ch - 'A' < 26u ? ch + 32 : ch);
    k++;
  }
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = low[k] = 0;
  *key = low;
  return out;
}

static const char *span_nfc(ctx *c, uint32_t s, uint32_t e) {
  return norm(c->doc->arena, c->text + s, e - s, 0);
}

static int is_acronym(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->core_end - t->start;
  return (t->flags & WS_TF_UPPER) && n >= 2 && n <= 8 && has_letter(t);
}

static const char *const speech_verbs[] = {
    "said",   "says",     "told",      "added",    "stressed", "warned",
    "argued", "insisted", "explained", "declared", NULL};

/* 1 when one of the two words from token i is a lower-case organisation
 * noun: "X news agency", "X party", "X newspaper". */
static int org_noun_after(const ctx *c, size_t i) {
  static const char *const nouns[] = {
      "agency",   "daily",   "newspaper", "party",   "group",
      "movement", "company", "militia",   "network", NULL};
  for (size_t k = i; k < c->n && k < i + 2; k++) {
    const ws_token *t = &c->tok[k];
    if (!is_word(t) || !ws_cp_is_lower(t->cp))
      return 0;
    if (ws_tok_in(c->text, t, nouns))
      return 1;
  }
  return 0;
}

/* Local kind evidence of a mention. */
static void kind_of(ctx *c, cand *m, int head_kind) {
  const ws_token *first = &c->tok[m->a], *last = &c->tok[m->b - 1];
  const char *fs = c->text + first->start;
  size_t fn = last->core_end - first->start;
  size_t ntok = m->b - m->a;
  m->kind = WS_ENTITY_OTHER;
  m->weight = 0;
  if (ntok == 1 && tok_nationality(c, m->a)) {
    m->kind = WS_ENTITY_OTHER, m->weight = 4;
    return;
  }
  if (tok_org_word(c, m->b - 1) && ntok >= 2) {
    m->kind = WS_ENTITY_ORG, m->weight = 3;
    return;
  }
  if (head_kind) {
    m->kind = WS_ENTITY_PERSON, m->weight = 3;
    return;
  }
  const char *abbr = ws_lex_abbrev_name(fs, fn);
  if (abbr) {
    m->kind =
        ws_lex_is_country(abbr, strlen(abbr)) ? WS_ENTITY_PLACE : WS_ENTITY_ORG;
    m->weight = 3;
    return;
  }
  /* a known given name first: Anthony Hill, Neil Jordan, Tiger Woods */
  if (ntok >= 2 && given_name_at(c, m->a)) {
    m->kind = WS_ENTITY_PERSON, m->weight = 2;
    return;
  }
  if (ws_lex_is_country(fs, fn) ||
      (ntok >= 2 && ws_lex_is_place_word(c->text + last->start,
                                         last->core_end - last->start))) {
    m->kind = WS_ENTITY_PLACE, m->weight = 3;
    return;
  }
  /* an organisation word first (Bank of Japan, Radio Free Asia), or a
   * lower-case organisation noun right after ("Fars news agency") */
  if ((ntok >= 2 && tok_org_word(c, m->a)) || org_noun_after(c, m->b)) {
    m->kind = WS_ENTITY_ORG, m->weight = 2;
    return;
  }
  for (uint32_t i = m->a + 1; i < m->b; i++)
    if (lex(c, i - 1)->dict != WS_DICT_LOWER &&
        ws_lex_is_generation(c->text + c->tok[i].start,
                             c->tok[i].core_end - c->tok[i].start)) {
      m->kind = WS_ENTITY_PERSON, m->weight = 2;
      return;
    }
  /* an initial before a family name: H. Morris (not S. Korean) */
  if (ntok >= 2 && (first->flags & WS_TF_ABBR) && ws_cp_is_upper(first->cp) &&
      first->end - first->start <= 3 && !tok_nationality(c, m->b - 1) &&
      !ws_lex_is_country(c->text + c->tok[m->a + 1].start,
                         last->core_end - c->tok[m->a + 1].start)) {
    m->kind = WS_ENTITY_PERSON, m->weight = 2;
    return;
  }
  /* "in Doha", "near Kabul": a single word after a place preposition is a
   * place, whatever sports tables taught the train split (Houston the
   * club) */
  if (ntok == 1 && m->a > 0 && is_word(&c->tok[m->a - 1]) &&
      (ws_tok_is(c->text, &c->tok[m->a - 1], "in") ||
       ws_tok_is(c->text, &c->tok[m->a - 1], "near") ||
       ws_tok_is(c->text, &c->tok[m->a - 1], "outside"))) {
    m->kind = WS_ENTITY_PLACE, m->weight = 2;
    return;
  }
  /* names the train split knows: given names, clubs, places */
  double sc[4] = {0, 0, 0, 0};
  int known = 0;
  for (uint32_t i = m->a; i < m->b; i++) {
    if (!has_letter(&c->tok[i]))
      continue;
    const uint16_t *lc = lex(c, i)->learn;
    double tot = (double)lc[0] + lc[1] + lc[2] + lc[3];
    if (tot == 0)
      continue;
    for (int k = 0; k < 4; k++)
      sc[k] += (lc[k] + 0.1) / (tot + 0.4);
    known++;
  }
  if (known) {
    static const int map[4] = {WS_ENTITY_PERSON, WS_ENTITY_ORG, WS_ENTITY_PLACE,
                               WS_ENTITY_OTHER};
    /* ties go to person, then place (Warsaw the city before the club) */
    static const int order[4] = {0, 2, 1, 3};
    int best = order[0];
    for (int k = 1; k < 4; k++)
      if (sc[order[k]] > sc[best])
        best = order[k];
    m->kind = map[best], m->weight = 2;
    return;
  }
  /* a name particle inside (Khalid bin Saud, Pieter van der Linden) when
   * no word is known: places have them too (Rio de Janeiro) */
  for (uint32_t i = m->a; i < m->b; i++)
    if (c->cls[i] == C_PART) {
      m->kind = WS_ENTITY_PERSON, m->weight = 2;
      return;
    }
  /* the subject of a speech verb is a person more often than not */
  if (m->b + 1 < c->n && is_word(&c->tok[m->b]) &&
      ws_tok_in(c->text, &c->tok[m->b], speech_verbs) && !is_acronym(c, m->a)) {
    m->kind = WS_ENTITY_PERSON, m->weight = 1;
    return;
  }
  if (ntok == 1 && is_acronym(c, m->a)) {
    m->kind = WS_ENTITY_ORG, m->weight = 1;
    return;
  }
  /* "in Doha", "Doha, Qatar" */
  if (m->a > 0) {
    const ws_token *p = &c->tok[m->a - 1];
    if (is_word(p) &&
        (ws_tok_is(c->text, p, "in") || ws_tok_is(c->text, p, "near") ||
         ws_tok_is(c->text, p, "from") || ws_tok_is(c->text, p, "at"))) {
      m->kind = WS_ENTITY_PLACE, m->weight = 1;
      return;
    }
  }
  if (m->b + 1 < c->n && c->tok[m->b].cp == ',' &&
      has_letter(&c->tok[m->b + 1]) &&
      ws_lex_is_country(c->text + c->tok[m->b + 1].start,
                        c->tok[m->b + 1].core_end - c->tok[m->b + 1].start)) {
    m->kind = WS_ENTITY_PLACE, m->weight = 2;
    return;
  }
  /* two or three capitalised words, each a possible name: a person
   * (given name + family name is the commonest multi-word name in news) */
  if (ntok >= 2 && ntok <= 3) {
    int ok = 1;
    for (uint32_t i = m->a; i < m->b; i++) {
      const ws_token *t = &c->tok[i];
      if ((t->flags & WS_TF_UPPER) || (t->flags & WS_TF_DIGIT) ||
          !has_letter(t) || is_stop(c, i))
        ok = 0;
    }
    /* the family name must not be a common word (White House) */
    if (lex(c, m->b - 1)->dict == WS_DICT_LOWER)
      ok = 0;
    if (ok && !tok_nationality(c, m->a)) {
      m->kind = WS_ENTITY_PERSON, m->weight = 1;
      return;
    }
  }
}

/* Acronym letters of a mention's capitalised words ("Islamic Revolutionary
 * Guard Corps" -> "IRGC") into buf; returns its length. */
static size_t initials(const ctx *c, const cand *m, char *buf, size_t cap) {
  size_t k = 0;
  for (uint32_t i = m->a; i < m->b && k + 1 < cap; i++) {
    const ws_token *t = &c->tok[i];
    if (!(t->flags & WS_TF_CAP))
      continue;
    unsigned char ch = (unsigned char)c->text[t->start];
    if (ch < 0x80)
      buf[k++] = (char)ch;
  }
  buf[k] = 0;
  return k;
}

/* 1 when the NUL-terminated s has an ASCII lower-case letter. */
static int has_lower(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z')
      return 1;
  return 0;
}

/* 1 when x and y are the same name but for case. */
static int same_fold(ws_arena *a, const char *x, const char *y) {
  const char *fx = norm(a, x, strlen(x), 1), *fy = norm(a, y, strlen(y), 1);
  return fx && fy && strcmp(fx, fy) == 0;
}

static int add_unique(ws_arena *a, const char ***list, uint32_t *n,
                      uint32_t max, const char *s) {
  for (uint32_t i = 0; i < *n; i++)
    if (strcmp((*list)[i], s) == 0)
      return WS_OK;
  if (*n >= max)
    return WS_OK;
  if (*n == 0) {
    *list = ws_arena_alloc(a, max * sizeof(char *));
    if (!*list)
      return WS_ENOMEM;
  }
  (*list)[(*n)++] = s;
  return WS_OK;
}

/* A mention's vote for its entity's kind: one strong cue (a title, an
 * organisation word) outweighs several weak ones (a learned word). */
static int vote_of(int weight) {
  static const int votes[] = {0, 1, 3, 9, 27};
  return weight >= 0 && weight <= 4 ? votes[weight] : 27;
}

typedef struct ent_acc {
  int votes[4];   /* evidence weight per kind */
  uint32_t first; /* first mention index */
} ent_acc;

/* 1 when name[0..n) is a name particle (bin, Al, van), any case. */
static int particle_word(const char *w, size_t n) {
  char low[8];
  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  return ws_lex_is_particle(low, n);
}

/* Adds the family name of a person entity of two or more words as an
 * alias (see the caller).  Returns WS_OK or WS_ENOMEM. */
static int add_family_name(ws_arena *a, ws_entity *e) {
  const char *name = e->name;
  const char *last = strrchr(name, ' ');
  if (!last)
    return WS_OK;
  const char *start = last + 1;
  size_t tail = strlen(start);
  if (ws_lex_is_generation(start, tail) ||
      (tail > 1 && start[tail - 1] == '.'))
    return WS_OK; /* Jr., Sr., III, or an initial */
  /* walk back over particles: "... Jassim Al Thani" -> "Al Thani" */
  while (start > name) {
    const char *end = start - 1; /* the space before the current word */
    const char *w = end;
    while (w > name && w[-1] != ' ')
      w--;
    if (w == name || !particle_word(w, (size_t)(end - w)))
      break;
    start = w;
  }
  if (start == name)
    return WS_OK;
  return add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES, start);
}

static int cmp_len_desc(const void *x, const void *y) {
  const cand *const *a = x, *const *b = y;
  uint32_t la = (*a)->b - (*a)->a, lb = (*b)->b - (*b)->a;
  if (la != lb)
    return la > lb ? -1 : 1;
  return (*a)->a < (*b)->a ? -1 : (*a)->a > (*b)->a;
}

static int new_entity(ctx *c, stab *names, cand *m, const char *canon_name) {
  ws_doc *doc = c->doc;
  sslot *sl = stab_get_h(names, m->key, m->khash);
  if (sl->key) {
    m->entity = sl->val;
    return WS_OK;
  }
  ws_entity *e = ws_vec_push(&doc->entities, doc->arena);
  if (!e)
    return WS_ENOMEM;
  e->name = canon_name;
  sl->key = m->key;
  sl->hash = m->khash;
  sl->val = (int32_t)(doc->entities.len - 1);
  names->used++;
  m->entity = sl->val;
  return WS_OK;
}

/* Token suffixes of a personal name that may stand for it alone (never
 * one starting with a particle or a generational suffix), and its given
 * name.  A form shared by two names becomes ambiguous and folds into
 * neither. */
static int fold_suffixes(ctx *c, stab *suffixes, stab *given, cand *m) {
  for (uint32_t k = m->a + 1; k < m->b; k++) {
    const ws_token *t = &c->tok[k];
    if (c->cls[k] != C_NAME ||
        ws_lex_is_generation(c->text + t->start, t->core_end - t->start))
      continue;
    const char *key = norm(c->doc->arena, c->text + t->start,
                           c->tok[m->b - 1].core_end - t->start, 1);
    if (!key)
      return WS_ENOMEM;
    stab_put(suffixes, key, m->entity, 1);
  }
  /* a person is also called by the given name alone (Hillary for Hillary
   * Rodham Clinton) when no other name of the document starts with it */
  const ws_token *g = &c->tok[m->a];
  if (m->kind == WS_ENTITY_PERSON && c->cls[m->a] == C_NAME &&
      !(g->flags & (WS_TF_ABBR | WS_TF_UPPER)) && given_name_at(c, m->a)) {
    const char *key =
        norm(c->doc->arena, c->text + g->start, g->core_end - g->start, 1);
    if (!key)
      return WS_ENOMEM;
    stab_put(given, key, m->entity, 1);
  }
  return WS_OK;
}

/* End of a mention's name: its last word without a possessive, and with a
 * dollar sign written against a country code (C$, HK$, US$: the currency,
 * not the country). */
static uint32_t mention_end(const ctx *c, const cand *m) {
  const ws_token *t = &c->tok[m->b - 1];
  if (m->b < c->n && c->tok[m->b].cp == '$' && c->tok[m->b].start == t->end &&
      m->b - m->a == 1 && (t->flags & WS_TF_UPPER) &&
      !(t->flags & WS_TF_ABBR) && t->end - t->start <= 3)
    return c->tok[m->b].end;
  return t->core_end;
}

static int resolve(ctx *c) {
  ws_doc *doc = c->doc;
  ws_arena *a = doc->arena;
  cand *cs = c->cands.items;
  size_t nc = c->cands.len;
  int rc;
  /* names, keys, roles, local kinds */
  for (size_t i = 0; i < nc; i++) {
    cand *m = &cs[i];
    uint32_t s = c->tok[m->a].start, e = mention_end(c, m);
    const char *name_key;
    m->name = name_and_key(c, s, e, &name_key);
    if (!m->name)
      return WS_ENOMEM;
    int head = 0;
    size_t rs = role_start(c, m->a, &head);
    if (head == WS_TITLE_HEAD) {
      m->role = span_nfc(c, c->tok[rs].start, c->tok[m->a - 1].core_end);
      if (!m->role)
        return WS_ENOMEM;
    } else {
      size_t ra, rb;
      if (appositive_role(c, m->b, &ra, &rb)) {
        m->role = span_nfc(c, c->tok[ra].start, c->tok[rb - 1].core_end);
        if (!m->role)
          return WS_ENOMEM;
      }
    }
    kind_of(c, m, head);
    const char *abbr = ws_lex_abbrev_name(doc->text + s, e - s);
    const char *nat = m->b - m->a == 1 ? tok_nationality(c, m->a) : NULL;
    if (c->adj[m->b - 1]) {
      /* Toronto-based names Toronto: the name before the last hyphen */
      uint32_t h = e;
      while (h > s && doc->text[h - 1] != '-')
        h--;
      const char *ab =
          h > s + 1 ? ws_lex_abbrev_name(doc->text + s, h - 1 - s) : NULL;
      m->canon = ab          ? ab
                 : h > s + 1 ? ws_arena_strndup(a, doc->text + s, h - 1 - s)
                             : NULL;
      m->adjective = 1;
      m->kind = WS_ENTITY_OTHER, m->weight = 0;
      if (h > s + 1 && !m->canon)
        return WS_ENOMEM;
    } else if (abbr)
      m->canon = abbr;
    else if (nat && doc->text[e - 1] == 's' &&
             ws_lex_nationality_country(doc->text + s, e - s - 1))
      m->canon = ws_arena_strndup(a, m->name, strlen(m->name) - 1);
    const char *k = m->canon ? m->canon : m->name;
    m->key = !m->canon && name_key ? name_key : norm(a, k, strlen(k), 1);
    if (!m->key || (m->canon && !(m->canon = canon_nfc(a, m->canon))))
      return WS_ENOMEM;
    m->khash = key_hash(m->key);
  }
  /* longest names first, so that short forms find them */
  cand **order = ws_arena_calloc(a, nc ? nc : 1, sizeof(cand *));
  if (!order)
    return WS_ENOMEM;
  /* The candidates come in text order (strictly increasing first
   * tokens), so a stable counting sort by length gives cmp_len_desc's
   * order without a comparison sort; qsort stays for any other case. */
  size_t maxlen = 0;
  int text_order = 1;
  for (size_t i = 0; i < nc; i++) {
    size_t l = cs[i].b - cs[i].a;
    if (l > maxlen)
      maxlen = l;
    if (i && cs[i].a <= cs[i - 1].a)
      text_order = 0;
  }
  size_t *start = text_order && maxlen < 64
                      ? ws_arena_calloc(a, maxlen + 2, sizeof(size_t))
                      : NULL;
  if (start) {
    for (size_t i = 0; i < nc; i++) /* longest first: bucket maxlen - l */
      start[maxlen - (cs[i].b - cs[i].a) + 1]++;
    for (size_t l = 1; l <= maxlen + 1; l++)
      start[l] += start[l - 1];
    for (size_t i = 0; i < nc; i++)
      order[start[maxlen - (cs[i].b - cs[i].a)]++] = &cs[i];
  } else {
    for (size_t i = 0; i < nc; i++)
      order[i] = &cs[i];
    qsort(order, nc, sizeof(cand *), cmp_len_desc);
  }
  /* The tables hold at most: a key per candidate (names); one per
   * multi-word candidate (inits, given); one per word after the first of
   * those (suffixes, fold_suffixes); one per bracketed acronym (acro).
   * Sized from these bounds, not from nc, they stay small to clear. */
  size_t n_multi = 0, n_suffix = 0, n_acro = 0;
  for (size_t i = 0; i < nc; i++) {
    uint32_t ntok = cs[i].b - cs[i].a;
    if (ntok >= 2)
      n_multi++, n_suffix += ntok - 1;
    if (i + 1 < nc && cs[i + 1].a == cs[i].b + 1 && ntok >= 2 &&
        c->tok[cs[i].b].cp == '(')
      n_acro++;
  }
  stab names, suffixes, given, acro, inits;
  if ((rc = stab_init(&names, a, nc)) ||
      (rc = stab_init(&suffixes, a, n_suffix)) ||
      (rc = stab_init(&acro, a, n_acro)) ||
      (rc = stab_init(&inits, a, n_multi)) ||
      (rc = stab_init(&given, a, n_multi)))
    return rc;
  /* acronyms in brackets after their expansion: Guard Corps (IRGC) */
  for (size_t i = 0; i + 1 < nc; i++) {
    cand *m = &cs[i], *x = &cs[i + 1];
    if (x->a != m->b + 1 || x->b != x->a + 1 || c->tok[m->b].cp != '(' ||
        !is_acronym(c, x->a) || m->b - m->a < 2)
      continue;
    char ini[MAX_RUN + 2];
    size_t ni = initials(c, m, ini, sizeof ini);
    const ws_token *t = &c->tok[x->a];
    if (ni == t->core_end - t->start &&
        memcmp(ini, c->text + t->start, ni) == 0)
      stab_put_h(&acro, x->key, x->khash, (int32_t)i,
                 0); /* candidate index for now */
  }
  for (size_t oi = 0; oi < nc; oi++) {
    cand *m = order[oi];
    if (m->entity >= 0)
      continue;
    uint32_t ntok = m->b - m->a;
    sslot *sl = stab_get_h(&acro, m->key, m->khash);
    if (sl->key && cs[sl->val].entity >= 0) {
      m->entity = cs[sl->val].entity;
      continue;
    }
    if (!m->canon) {
      sl = stab_get_h(&suffixes, m->key, m->khash);
      if (!sl->key) /* not a family name: a given name? */
        sl = stab_get_h(&given, m->key, m->khash);
      if (sl->key && sl->val >= 0 &&
          !stab_get_h(&names, m->key, m->khash)->key) {
        m->entity = sl->val;
        m->folded = 1;
        continue;
      }
    }
    /* an acronym spelling the initials of exactly one longer name of the
     * document, wherever it stands (RHC ... Radio Habana Cuba) */
    if (ntok == 1 && !m->canon && is_acronym(c, m->a)) {
      sl = stab_get_h(&inits, m->key, m->khash);
      if (sl->key && sl->val >= 0 &&
          !stab_get_h(&names, m->key, m->khash)->key) {
        m->entity = sl->val;
        continue;
      }
    }
    const char *cn = m->canon ? m->canon : m->name;
    if ((rc = new_entity(c, &names, m, cn)))
      return rc;
    if (ntok >= 2) {
      char ini[MAX_RUN + 2];
      size_t ni = initials(c, m, ini, sizeof ini);
      for (size_t k = 0; k < ni; k++)
        if (ini[k] >= 'A' && ini[k] <= 'Z')
          ini[k] = (char)(ini[k] + 32);
      const char *ik = ni >= 2 ? ws_arena_strndup(a, ini, ni) : NULL;
      if (ni >= 2 && !ik)
        return WS_ENOMEM;
      if (ik)
        stab_put(&inits, ik, m->entity, 1);
    }
    if (ntok >= 2 && (m->kind == WS_ENTITY_PERSON ||
                      (m->kind == WS_ENTITY_OTHER && m->weight == 0)))
      if ((rc = fold_suffixes(c, &suffixes, &given, m)))
        return rc;
  }
  /* votes, aliases, roles, mention list */
  size_t ne = doc->entities.len;
  ent_acc *acc = ws_arena_calloc(a, ne ? ne : 1, sizeof(ent_acc));
  if (!acc)
    return WS_ENOMEM;
  for (size_t i = 0; i < ne; i++)
    acc[i].first = UINT32_MAX;
  ws_entity *es = doc->entities.items;
  for (size_t i = 0; i < nc; i++) {
    cand *m = &cs[i];
    ent_acc *ac = &acc[m->entity];
    ws_entity *e = &es[m->entity];
    if (!m->folded && !m->adjective)
      ac->votes[m->kind] += vote_of(m->weight);
    if (ac->first == UINT32_MAX)
      ac->first = (uint32_t)i;
    e->n_mentions++;
    /* a name first seen in capitals (a dateline) takes its usual case
     * from a later mention (BRUSSELS -> Brussels) */
    if (!has_lower(e->name) && has_lower(m->name) && !m->adjective &&
        same_fold(a, e->name, m->name)) {
      const char *caps = e->name;
      e->name = m->name;
      if ((rc = add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES, caps)))
        return rc;
    } else if (strcmp(m->name, e->name) != 0 && !m->adjective &&
               (rc = add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES,
                                m->name)))
      return rc;
    if (m->role &&
        (rc = add_unique(a, &e->roles, &e->n_roles, MAX_ROLES, m->role)))
      return rc;
  }
  for (size_t i = 0; i < ne; i++) {
    int best = WS_ENTITY_OTHER, bw = 0;
    for (int k = 0; k < 4; k++)
      if (acc[i].votes[k] > bw)
        bw = acc[i].votes[k], best = k;
    es[i].kind = (ws_entity_kind)best;
  }
  /* A person's family name is an alias even where the text never uses it
   * alone: news style refers to people by surname after the first
   * reference (AP Stylebook, "second reference"), so another article's
   * "Haniyeh" is this "Ismail Haniyeh".  The family name is the last word
   * with the particles before it (Al Thani, van Gogh); a name ending in a
   * generation (Jr., III) has none, so Donald Trump Jr. never claims
   * "Trump". */
  for (size_t i = 0; i < ne; i++)
    if (es[i].kind == WS_ENTITY_PERSON &&
        (rc = add_family_name(a, &es[i])))
      return rc;
  /* entities in order of first mention */
  int32_t *remap = ws_arena_calloc(a, ne ? ne : 1, sizeof(int32_t));
  ws_entity *sorted = ws_arena_calloc(a, ne ? ne : 1, sizeof(ws_entity));
  if (!remap || !sorted)
    return WS_ENOMEM;
  int32_t next = 0;
  for (size_t i = 0; i < nc; i++) {
    int32_t e = cs[i].entity;
    if (acc[e].first == i) {
      remap[e] = next;
      sorted[next++] = es[e];
    }
  }
  if (ne)
    memcpy(es, sorted, ne * sizeof(ws_entity));
  for (size_t i = 0; i < nc; i++) {
    cand *m = &cs[i];
    ws_mention *mm = ws_vec_push(&doc->mentions, a);
    if (!mm)
      return WS_ENOMEM;
    mm->start = c->tok[m->a].start;
    mm->end = mention_end(c, m);
    mm->entity = remap[m->entity];
    for (uint32_t k = m->a; k < m->b; k++)
      doc->tok_mention[k] = (int32_t)i;
  }
  return WS_OK;
}

/* Joins a capitalised common word before a mention when an acronym of the
 * document spells the initials of both (RHC ... Radio Habana Cuba). */
static void extend_by_acronyms(ctx *c) {
  cand *cs = c->cands.items;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    if (m->a == 0 || m->b - m->a < 2 || m->b - m->a >= MAX_RUN)
      continue;
    uint32_t p = m->a - 1;
    const ws_token *t = &c->tok[p];
    if (!has_letter(t) || !(t->flags & WS_TF_CAP) || c->cls[p] != C_NONE ||
        (t->flags & WS_TF_UPPER) || (c->tok[m->a].flags & WS_TF_SENT))
      continue;
    char ini[MAX_RUN + 2];
    ini[0] = c->text[t->start];
    cand tmp = *m;
    size_t ni = 1 + initials(c, &tmp, ini + 1, sizeof ini - 1);
    /* look for the acronym among the document's words */
    const wstat *w = stat_find(c, ini, ni);
    if (w && memcmp(c->text + w->off, ini, ni) == 0) {
      m->a = p;
      c->cls[p] = C_NAME;
    }
  }
}

/* A company suffix (Corp, Inc., Ltd) ends a name whose capitalised words
 * all belong to it, even common words at a sentence start (Jeans Mate
 * Corp): the mention takes them back to the sentence start or the first
 * function word. */
static void extend_companies(ctx *c) {
  static const char *const suffixes[] = {
      "ag",  "bhd", "co",   "co.", "corp", "corp.", "gmbh", "inc", "inc.",
      "llc", "ltd", "ltd.", "nv",  "plc",  "sa",    "spa",  NULL};
  cand *cs = c->cands.items;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    if (!tok_org_word(c, m->b - 1) ||
        !ws_tok_in(c->text, &c->tok[m->b - 1], suffixes))
      continue;
    while (m->a > 0 && m->b - m->a < MAX_RUN &&
           !(c->tok[m->a].flags & WS_TF_SENT)) {
      uint32_t p = m->a - 1;
      const ws_token *t = &c->tok[p];
      if (!has_letter(t) || !(t->flags & WS_TF_CAP) || c->cls[p] != C_NONE ||
          is_stop(c, p) || (lex(c, p)->bits & L_DATE) || c->url[p])
        break;
      c->cls[p] = C_NAME;
      m->a = p;
    }
  }
}

int ws_entity_find(ws_doc *doc) {
  const ws_tokens *tk = &doc->tokens;
  size_t n = tk->n;
  ws_arena *a = doc->arena;
  doc->tok_mention = ws_arena_alloc(a, (n ? n : 1) * sizeof(int32_t));
  if (!doc->tok_mention)
    return WS_ENOMEM;
  for (size_t i = 0; i < n; i++)
    doc->tok_mention[i] = -1;
  ctx c = {.doc = doc, .text = doc->text, .tok = tk->tok, .n = n,
           .memo = memo_get()};
  ws_lex_particle_pairs(c.part_pairs);
  c.mode = ws_arena_calloc(a, n ? n : 1, 1);
  c.cls = ws_arena_calloc(a, n ? n : 1, 1);
  c.url = ws_arena_calloc(a, n ? n : 1, 1);
  c.adj = ws_arena_calloc(a, n ? n : 1, 1);
  c.nat = ws_arena_calloc(a, n ? n : 1, 1);
  c.wi = ws_arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));
  if (!c.mode || !c.cls || !c.url || !c.adj || !c.nat || !c.wi ||
      stat_init(&c, n))
    return WS_ENOMEM;
  if (first_pass(&c))
    return WS_ENOMEM;
  ws_vec_init(&c.cands, sizeof(cand));
  classify(&c);
  int rc = find_spans(&c);
  if (rc)
    return rc;
  extend_by_acronyms(&c);
  extend_companies(&c);
  return resolve(&c);
}
