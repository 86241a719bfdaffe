/*
 * entity_kind.c - entity kinds: person, organisation, place or other,
 * from the lexicon and a mention's context.
 *
 * Each mention brings evidence of a kind with a strength (a title or an
 * organisation word is strong, a learned word or a place preposition
 * weak); its entity takes the kind with the strongest votes, where one
 * strong cue outweighs several weak ones (ws_ent_vote_of).  A short form
 * folded into a longer name and a name made adjective (Toronto-based)
 * bring no vote: the longer name decides (identity.c).  The learned
 * evidence is the CoNLL-2003 train split's counts per word (conll_lex.c).
 */
#include "extract/entity_ctx.h"
#include "words/words.h"

#include <string.h>

/* 1 when token i is a given name by the train split's statistics: seen at
 * least three times, mostly inside personal names. */
int ws_ent_given_name_at(const ctx *c, size_t i) {
  if (!has_letter(&c->tok[i]))
    return 0;
  const uint16_t *lc = lex(c, i)->learn;
  return lc[0] >= 3 && lc[0] > 2 * (lc[1] + lc[2] + lc[3]);
}

/* 1 when token i plausibly starts a personal name: an initial, a word the
 * train split knew mostly as part of personal names, or a word neither
 * the dictionary nor the train split knows (Australian Tom Moody, but not
 * Czech Republic, Australian Open, Bosnian Serb). */
int ws_ent_personal_name_at(const ctx *c, size_t i) {
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

/* 1 when one of the two words from token i is a lower-case organisation
 * noun (org_nouns_after_name.txt): "X news agency", "X party". */
static int org_noun_after(const ctx *c, size_t i) {
  for (size_t k = i; k < c->n && k < i + 2; k++) {
    const ws_token *t = &c->tok[k];
    if (!is_word(t) || !ws_cp_is_lower(t->cp))
      return 0;
    if (ws_tok_in(c->text, t, ws_words_org_nouns_after_name))
      return 1;
  }
  return 0;
}

/* Local kind evidence of a mention.  One piece on purpose: a ladder of
 * rules in order of strength, where the first that fires decides the kind
 * and its weight; split up, the order (which is the design) would hide in
 * the calls between the steps. */
void ws_ent_kind_of(ctx *c, cand *m, int head_kind) {
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
  if (ntok >= 2 && ws_ent_given_name_at(c, m->a)) {
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
      ws_tok_in(c->text, &c->tok[m->b], ws_words_common_speech_verbs) &&
      !is_acronym(c, m->a)) {
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

/* A mention's vote for its entity's kind: one strong cue (a title, an
 * organisation word) outweighs several weak ones (a learned word). */
int ws_ent_vote_of(int weight) {
  static const int votes[] = {0, 1, 3, 9, 27};
  return weight >= 0 && weight <= 4 ? votes[weight] : 27;
}

ws_entity_kind ws_ent_kind_elect(const int votes[4]) {
  int best = WS_ENTITY_OTHER, bw = 0;
  for (int k = 0; k < 4; k++)
    if (votes[k] > bw)
      bw = votes[k], best = k;
  return (ws_entity_kind)best;
}
