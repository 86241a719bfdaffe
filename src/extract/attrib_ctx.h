/*
 * attrib_ctx.h - the state of one attribution pass (ctx), shared by the
 * files of attribution: attrib.c, wordclass.c, phrase.c, mention.c,
 * reported.c and stance.c.  Private to src/extract/.
 *
 * A pass works on one document: tokens, mentions and quotes are read from
 * ws_doc, and every array it allocates comes from the document's arena and
 * is released with it.  Positions are token indices (int32_t); a span is a
 * half-open token range.  Every search is bounded by one of the windows
 * below, so the work is linear in the document.  The tiny predicates
 * below are static inline: they are tested at nearly every token.
 */
#ifndef WS_ATTRIB_CTX_H
#define WS_ATTRIB_CTX_H

#include <stdint.h>
#include <string.h>

#include "extract/cue.h"
#include "extract/doc.h"
#include "extract/lexicon.h"
#include "extract/wordclass.h"

enum {
  NP_MAX = 10,      /* tokens in a speaker noun phrase */
  APPOS_MAX = 20,   /* tokens in an apposition or relative clause */
  AFTER_MAX = 24,   /* tokens searched after a quote for its cue */
  BEFORE_MAX = 40,  /* tokens searched before a quote for its cue */
  PRON_MAX = 600,   /* tokens searched back for a pronoun's antecedent */
  DESC_MAX = 3000,  /* tokens searched back for a description's entity */
  CLAUSE_MAX = 150, /* tokens in a reported clause */
  WORD_MAX = 2000,  /* tokens searched back for a surname's full name */
  SCARE_WORDS = 4,  /* a quote this short needs a cue to be a quote */
  IMMEDIATE = 3,    /* tokens from a closing mark to a cue that is its own */
  HEADLINE_MAX = 25 /* words in a headline */
};

typedef struct span {
  int32_t s, e; /* token range [s, e); s < 0 when empty */
} span;

static const span NO_SPAN = {-1, -1};

typedef struct attr {
  span np;      /* the speaker phrase */
  span cue;     /* the cue */
  int32_t ent;  /* resolved entity, or -1 */
  int min_words; /* fewest words of a reported statement (0: 3); a
                    position needs fewer ("endorsed Berg") */
} attr;

typedef struct ctx {
  ws_doc *doc;
  const ws_token *tok;
  int32_t n;
  int32_t *in_quote; /* per token: direct quote index, or -1 */
  int32_t last_ent;  /* the latest attributed speaker */
  int32_t last_tok;  /* where it was attributed */
  int persons;       /* 1 when the entity layer typed any person */
  struct feat *f;    /* per token: its word classes, classified once */
  uint8_t *headline; /* per sentence: 1 when written in headline style */
  int64_t budget;    /* steps left for the backward searches, linear in the
                        document so that many pronouns and descriptions in
                        a row never make the work quadratic */
  uint8_t *gender;   /* per entity: 0 not yet asked, else GENDER_* + 1 */
  int descriptions;  /* 1 while direct quotes are attributed: a phrase
                        opening a sentence may be a description ("The
                        billionaire businessman"); the reported-speech
                        pass reads only names there */
  int32_t *prev_mention; /* per token: the last token at or before it that
                            is in a mention, or -1 (NULL until needed) */
  int32_t *fit_head; /* resolve_description(): per token, how many tokens */
  int32_t *fit_nat;  /* from it to the description match the head noun /
                        the nationality (NULL until first needed) */
} ctx;

/* Takes one step of a backward search from the budget; 0 when spent. */
static inline int step(ctx *c) { return c->budget-- > 0; }

static inline int isw(const ctx *c, int32_t i, int id) {
  return i >= 0 && i < c->n && c->f[i].id == id;
}

static inline int inc(const ctx *c, int32_t i, uint32_t cls) {
  return i >= 0 && i < c->n && (c->f[i].cls & cls);
}

static inline int inc2(const ctx *c, int32_t i, uint32_t cls) {
  return i >= 0 && i < c->n && (c->f[i].cls2 & cls);
}

static inline int is_word(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_WORD;
}

static inline int is_cap(const ctx *c, int32_t i) {
  return is_word(c, i) && (c->tok[i].flags & WS_TF_CAP);
}

static inline int is_punct(const ctx *c, int32_t i, int32_t cp) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         c->tok[i].cp == cp;
}

static inline int ends_sentence(const ctx *c, int32_t i) {
  if (is_punct(c, i, '.') && i > 0 && i + 1 < c->n &&
      !(c->tok[i].flags & WS_TF_SPACE_B) && c->tok[i - 1].type == WS_TOK_WORD &&
      (is_punct(c, i + 1, ',') || is_punct(c, i + 1, ')')))
    return 0; /* the period of a party-state tag: "(D-Wis.)", "R-Ky.," */
  return is_punct(c, i, '.') || is_punct(c, i, '?') || is_punct(c, i, '!') ||
         is_punct(c, i, ';');
}

static inline int ends_in_s(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  return t->end - t->start > 3 && c->doc->text[t->end - 1] == 's';
}

/* "increasingly", "repeatedly": a lower-case -ly word between a subject
 * and its verb. */
static inline int is_ly_adverb(const ctx *c, int32_t i) {
  if (!is_word(c, i) || is_cap(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return n > 4 && c->doc->text[t->end - 2] == 'l' &&
         c->doc->text[t->end - 1] == 'y';
}

static inline int is_number(const ctx *c, int32_t i) {
  return (i >= 0 && i < c->n && c->tok[i].type == WS_TOK_NUMBER) ||
         inc(c, i, C_NUMWORD);
}

/* The first token of the mention covering token i. */
static inline int32_t mention_first(const ctx *c, int32_t i, int32_t lo) {
  int32_t m = c->doc->tok_mention[i];
  while (i - 1 >= lo && c->doc->tok_mention[i - 1] == m)
    i--;
  return i;
}

/* The apostrophe of a plural possessive ("Sanders' campaign manager"):
 * glued to a word ending in s, and followed by a word. */
static inline int plural_possessive(const ctx *c, int32_t i) {
  return i > 0 && c->tok[i].type == WS_TOK_QUOTE &&
         !(c->tok[i].flags & WS_TF_SPACE_B) &&
         (c->tok[i].cp == '\'' || c->tok[i].cp == 0x2019) &&
         is_word(c, i - 1) && c->doc->text[c->tok[i - 1].end - 1] == 's' &&
         is_word(c, i + 1);
}

static inline int ends_in_ed(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  return t->end - t->start > 3 && c->doc->text[t->end - 2] == 'e' &&
         c->doc->text[t->end - 1] == 'd';
}

static inline int entity_kind(const ctx *c, int32_t ent) {
  return ((const ws_entity *)c->doc->entities.items)[ent].kind;
}

static inline int is_nationality(const ctx *c, int32_t i) {
  if (!c->f[i].nat) { /* asked again and again by the backward searches */
    const ws_token *t = &c->tok[i];
    c->f[i].nat = ws_lex_nationality_country(c->doc->text + t->start,
                                             t->core_end - t->start)
                      ? 2
                      : 1;
  }
  return c->f[i].nat == 2;
}

/* 1 when a[0..n) and b[0..n) are equal ignoring ASCII case. */
static inline int ci_equal(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z')
      y = (char)(y + 32);
    if (x != y)
      return 0;
  }
  return 1;
}

static inline int is_dash(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         (c->tok[i].cp == 0x2014 || c->tok[i].cp == 0x2013 ||
          c->tok[i].cp == 0x2015 || c->tok[i].cp == '-');
}

static inline int ends_in_ing(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return is_word(c, i) && n > 4 &&
         memcmp(c->doc->text + t->end - 3, "ing", 3) == 0;
}

/* "Quickly, ...": a sentence-opening adverb in -ly, capitalized. */
static inline int ends_in_ly(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return is_word(c, i) && n > 4 && c->doc->text[t->end - 2] == 'l' &&
         c->doc->text[t->end - 1] == 'y';
}

/* 1 when token i is one of the words in list (ASCII case ignored). */
static inline int word_in(const ctx *c, int32_t i, const char *const *list) {
  if (!is_word(c, i))
    return 0;
  const char *t = c->doc->text + c->tok[i].start;
  size_t n = c->tok[i].end - c->tok[i].start;
  for (; *list; list++)
    if (strlen(*list) == n && ci_equal(t, *list, n))
      return 1;
  return 0;
}

/* 1 when token i is a cue verb used as a verb (cue_eval, computed once
 * per token by classify()); fills flags and the last token of a two-word
 * cue. */
static inline int cue_at(const ctx *c, int32_t i, int *flags, int32_t *last) {
  if (i < 0 || i >= c->n || !c->f[i].cue)
    return 0;
  *flags = c->f[i].cue & ~(CUE_LAST_NEXT | CUE_LAST_NEXT2);
  *last = i + ((c->f[i].cue & CUE_LAST_NEXT) ? 1 : 0) +
          ((c->f[i].cue & CUE_LAST_NEXT2) ? 2 : 0);
  return 1;
}

/* attrib.c */

/* The subject of a participle cue (saying, adding) at v, not before lo:
 * the speaker of a finite cue earlier in the sentence, else the
 * sentence's first phrase; NO_SPAN when none. */
span at_clause_subject(const ctx *c, int32_t v, int32_t lo);
/* The first token starting at or after byte off (c->n when none). */
int32_t at_tok_at_or_after(const ctx *c, uint32_t off);

#endif
