/*
 * entity_ctx.h - what the files of the entity layer share (private to
 * src/extract/): the per-document context, the word-form statistics, the
 * mentions under construction, the hot little predicates over tokens, and
 * the steps each file provides to ws_entity_find() (entity.c).
 *
 * The files, in the order the passes run:
 *   evidence.c    pass 1: word forms and case counts, URLs, line modes
 *   form_facts.c  the lexicon facts of a word form, cached per thread
 *   name_word.c  pass 2: each token a name word, a particle or neither
 *   entity.c      spans of name words, titles cut out; the driver
 *   role.c        title phrases before a name or in apposition after it
 *   entity_kind.c kind evidence of a mention, and the vote of an entity
 *   identity.c    names and keys; short forms folded into full names
 *
 * Everything is allocated from the document's arena (ws_doc.arena), and
 * a ctx lives for one call of ws_entity_find().  Functions returning int
 * return WS_OK or WS_ENOMEM unless said otherwise.
 */
#ifndef WS_ENTITY_CTX_H
#define WS_ENTITY_CTX_H

#include "extract/doc.h"
#include "extract/lexicon.h"

#include <stdint.h>
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
  struct memo_slot *memo; /* the thread's lexicon memo (form_facts.c),
                             or NULL */
} ctx;

/* ------------------------------------------------------------ evidence.c */

/* Sizes the word-form tables for a document of n tokens. */
int ws_ent_forms_init(ctx *c, size_t n);

/* The word form s[0, n) (ASCII case folded), or NULL when the document
 * has none. */
const wstat *ws_ent_form_find(const ctx *c, const char *s, size_t n);

/* Word forms, URL marks, line modes and case counts, in one walk. */
int ws_ent_first_pass(ctx *c);

/* ---------------------------------------------------------- form_facts.c */

/* Fills the lexicon fields of w (dict, title, bits, learn) from the
 * thread's memo or the lexicon; never fails. */
void ws_ent_lex_facts(const ctx *c, wstat *w);

/* The calling thread's lexicon memo, allocated on first use; NULL when
 * out of memory (the caller then works without it). */
struct memo_slot *ws_ent_memo_get(void);

/* The country of a nationality word at token i, also in headline
 * capitals (IRANIAN -> Iran), or NULL; tok_nationality() remembers it. */
const char *ws_ent_nationality_of(const ctx *c, size_t i);

/* ---------------------------------------------------------- name_word.c */

/* Sets c->cls (C_*) of every token; needs ws_ent_first_pass(). */
void ws_ent_classify(ctx *c);

/* ---------------------------------------------------------------- role.c */

/* The first token of the title phrase ending just before token a
 * ("Qatar's Foreign Minister"), setting *head_kind (WS_TITLE_*), or a
 * with WS_TITLE_NONE when no title head precedes. */
size_t ws_ent_role_start(const ctx *c, size_t a, int *head_kind);

/* A title in apposition after the name ending before token b ("X, the
 * Hamas chief,"): sets [*ra, *rb) and returns 1, or returns 0. */
int ws_ent_appositive_role(const ctx *c, size_t b, size_t *ra, size_t *rb);

/* --------------------------------------------------------- entity_kind.c */

/* 1 when token i is a given name by the train split's statistics. */
int ws_ent_given_name_at(const ctx *c, size_t i);

/* 1 when token i plausibly starts a personal name. */
int ws_ent_personal_name_at(const ctx *c, size_t i);

/* Sets m->kind and m->weight from the mention's own evidence; head_kind
 * is the WS_TITLE_* of a title before it. */
void ws_ent_kind_of(ctx *c, cand *m, int head_kind);

/* The vote a mention of evidence weight w brings its entity's kind. */
int ws_ent_vote_of(int weight);

/* The kind with the most votes (votes[ws_entity_kind]); OTHER when none. */
ws_entity_kind ws_ent_kind_elect(const int votes[4]);

/* ------------------------------------------------------------ identity.c */

/* Acronym letters of m's capitalised words into buf ("Islamic
 * Revolutionary Guard Corps" -> "IRGC"); returns the length. */
size_t ws_ent_initials(const ctx *c, const cand *m, char *buf, size_t cap);

/* Names, roles and kinds of the candidates, their entities, and the
 * document's mention and entity lists. */
int ws_ent_resolve(ctx *c);

/* ------------------------------------------------------ inline helpers */

static inline int is_word(const ws_token *t) {
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
static inline size_t word_len(const ctx *c, const ws_token *t) {
  size_t n = t->core_end - t->start;
  if (n > 1 && c->text[t->start + n - 1] == '.' &&
      !(t->flags & WS_TF_UPPER && memchr(c->text + t->start, '.', n - 1)))
    n--;
  return n;
}

static inline int has_letter(const ws_token *t) {
  return t->flags & WS_TF_LETTER; /* is_word(t) && ws_cp_is_letter(t->cp) */
}

static const wstat lex_none; /* for tokens without letters: no facts */

/* The cached lexicon facts of token i (a word with a letter).  Inline:
 * every pass asks for them about once per token. */
static inline const wstat *lex(const ctx *c, size_t i) {
  uint32_t k = c->wi[i];
  if (k == UINT32_MAX)
    return &lex_none;
  wstat *w = &c->ws[k];
  if (!w->ready) {
    w->ready = 1;
    ws_ent_lex_facts(c, w);
  }
  return w;
}

static inline int is_stop(const ctx *c, size_t i) {
  return lex(c, i)->bits & L_STOP;
}

static inline int tok_title(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  return has_letter(t) ? lex(c, i)->title : WS_TITLE_NONE;
}

static inline int tok_place_word(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  return has_letter(t) && (lex(c, i)->bits & L_PLACE);
}

/* ws_ent_nationality_of(), remembered per token: the span and kind passes
 * ask it of the same tokens several times (c->nat: 0 unknown, 1 none, 2
 * one; a found country is looked up again, which is rare). */
static inline const char *tok_nationality(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  if ((unsigned)(t->cp - 'A') >= 26u)
    return NULL; /* every nationality starts with an ASCII capital */
  if (c->nat[i] == 1)
    return NULL;
  const char *country = ws_ent_nationality_of(c, i);
  c->nat[i] = country ? 2 : 1;
  return country;
}

static inline int tok_org_word(const ctx *c, size_t i) {
  return has_letter(&c->tok[i]) && (lex(c, i)->bits & L_ORG);
}

static inline int is_acronym(const ctx *c, size_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->core_end - t->start;
  return (t->flags & WS_TF_UPPER) && n >= 2 && n <= 8 && has_letter(t);
}

/* 1 when capitals at token i carry no information: the start of a
 * sentence or line, or just after an opening mark or a dash (CoNLL tables
 * "Romania - Cosmin Contra", bylines, bracketed credits). */
static inline int initial(const ctx *c, size_t i) {
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

#endif
