/*
 * name_word.c - pass 2, the class of each token: a name word, a name
 * particle, or neither (C_* of entity_ctx.h).
 *
 * A capitalised word inside a normal sentence is a name word.  A
 * capitalised word whose capital says nothing (sentence start, after an
 * opening mark, headline) is decided by evidence: the document's own
 * counts first (evidence.c), then the system dictionary (Debian wamerican
 * lists common words in lower case and proper nouns capitalised, British
 * spellings mapped), then how the CoNLL-2003 train split used the word
 * (conll_lex.c, see gen_conll_lex.py), then its neighbours.  Lower-case
 * particles (bin, al, de, van) join names; URLs, weekdays, contractions
 * (We're) and the pronoun I never do.
 */
#include "extract/entity_ctx.h"
#include "words/words.h"

#include <string.h>

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
 * adjective-making words: Toronto-based, U.S.-led, Iranian-backed
 * (compound_adjective_tails.txt). */
static int compound_adjective(const char *s, size_t n) {
  const char *h = NULL;
  for (size_t i = n; i > 1; i--)
    if (s[i - 1] == '-') {
      h = s + i;
      break;
    }
  if (!h)
    return 0;
  ws_token t = {.start = 0, .end = (uint32_t)(s + n - h)};
  return ws_tok_in(h, &t, ws_words_compound_adjective_tails);
}

/* 1 when s[0..n) is a contraction (We're, They've, Don't, I'd): an
 * apostrophe followed by a lower-case English contraction tail. */
static int contraction(const char *s, size_t n) {
  for (size_t i = 1; i + 1 < n; i++) {
    size_t al = s[i] == '\''                                           ? 1
                : (i + 3 < n && memcmp(s + i, "\xE2\x80\x99", 3) == 0) ? 3
                                                                       : 0;
    if (!al)
      continue;
    ws_token t = {.start = 0, .end = (uint32_t)(n - i - al)};
    return ws_tok_in(s + i + al, &t, ws_words_contraction_tails) &&
           s[i + al] >= 'a' && s[i + al] <= 'z';
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

void ws_ent_classify(ctx *c) {
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
