/*
 * mention.c - resolution: the entity a speaker phrase names (pronouns by
 * gender and salience, descriptions, documents, surnames).
 *
 * speaker_start/end of a quote is the speaker phrase (phrase.c); speaker
 * is the entity at_resolve() finds for it: the mention's entity, for
 * he/she the current speaker or the latest person mentioned, for a
 * description the entity whose role (or the words around whose mention)
 * holds the description's head noun and nationality.  they/it/I/we name
 * no entity, except it/they for an organisation that is speaking.
 *
 * he and she take the person who opens their sentence or the one before
 * (if named after the latest attribution), else the current speaker,
 * else the latest person, skipping any whose given name or honorific has
 * the other gender (Quirk et al. 6.10); "X, who ... said" is X's; a
 * definite description of a public figure ("the Republican nominee")
 * refers back like a pronoun; a document ("the statement said") speaks
 * for whoever issued it where it was last named; a person named by a role
 * for someone else ("a Clinton aide", "the Vermont senator") is not that
 * someone, and adjectives of party or nation ("Democratic leaders") name
 * no speaker.
 *
 * The backward searches take their steps from c->budget (step()), which
 * is linear in the document, so many pronouns and descriptions in a row
 * never make the work quadratic.
 */
#include <stdint.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "words/words.h"

int at_any_person(const ws_doc *doc) {
  const ws_entity *e = doc->entities.items;
  for (size_t i = 0; i < doc->entities.len; i++)
    if (e[i].kind == WS_ENTITY_PERSON)
      return 1;
  return 0;
}

/* 1 when token i is a one-word name used as an adjective of party or
 * nation ("Republican", "Democratic", "Libertarian", "Qatari"): a
 * nationality, or an untyped mention of one word in -an or -ic. */
int at_adjective_name(const ctx *c, int32_t i) {
  if (!is_cap(c, i))
    return 0;
  if (is_nationality(c, i))
    return 1;
  int32_t m = c->doc->tok_mention[i];
  if (m < 0 || (i > 0 && c->doc->tok_mention[i - 1] == m) ||
      (i + 1 < c->n && c->doc->tok_mention[i + 1] == m))
    return 0;
  if (entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m].entity) !=
      WS_ENTITY_OTHER)
    return 0;
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t n = t->core_end - t->start;
  return n > 4 && ((w[n - 2] == 'a' && w[n - 1] == 'n') ||
                   (w[n - 2] == 'i' && w[n - 1] == 'c'));
}

/* The entity of the last fitting mention in [s, e): a person if kinds are
 * known, otherwise the last mention that is not a nationality. */
int32_t at_mention_entity(const ctx *c, span p) {
  int32_t best = -1;
  for (int32_t i = p.s; i < p.e; i++) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0)
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    int k = entity_kind(c, ent);
    if (is_nationality(c, i) && k != WS_ENTITY_PERSON)
      continue; /* "Qatari" is no speaker, Mark Cuban is */
    if (i + 1 < p.e && is_word(c, i + 1) && !is_cap(c, i + 1) &&
        at_adjective_name(c, i))
      continue; /* "Democratic leaders" are no party */
    if (k == WS_ENTITY_PLACE && best >= 0)
      continue;
    if (best < 0 || k == WS_ENTITY_PERSON ||
        entity_kind(c, best) != WS_ENTITY_PERSON)
      best = ent;
  }
  return best;
}

/* A backward search that looks only at mentions, from token i down to
 * (not including) token lim, taking a step of *budget per token as step()
 * does: the first token at or before i that is in a mention, with the
 * steps of the tokens skipped taken; lim when there is none or the budget
 * runs out on the way.  With c->prev_mention the skip is one jump. */
static int32_t skip_to_mention(ctx *c, int32_t i, int32_t lim,
                               int64_t *budget) {
  if (!c->prev_mention && c->n > 0) {
    c->prev_mention =
        ws_arena_alloc(c->doc->arena, (size_t)c->n * sizeof *c->prev_mention);
    if (c->prev_mention) {
      const int32_t *tm = c->doc->tok_mention;
      int32_t last = -1;
      for (int32_t k = 0; k < c->n; k++)
        c->prev_mention[k] = last = tm[k] >= 0 ? k : last;
    }
  }
  if (i <= lim)
    return i;
  if (!c->prev_mention) {
    for (; i > lim && c->doc->tok_mention[i] < 0; i--)
      if ((*budget)-- <= 0)
        return lim;
    return i;
  }
  int32_t j = c->prev_mention[i];
  if (j < lim)
    j = lim;
  int64_t skipped = i - j;
  if (*budget >= skipped) {
    *budget -= skipped;
    return j;
  }
  *budget = *budget > 0 ? -1 : *budget - 1; /* as the failing step leaves it */
  return lim;
}

/* The entity of the latest mention before token `at` whose canonical
 * name ends with the word s[0..n): a surname written where the entity
 * layer found no mention (a name opening a sentence). */
static int32_t entity_by_word(ctx *c, int32_t at, const char *s, size_t n) {
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  int32_t lim = at - WORD_MAX < 0 ? -1 : at - WORD_MAX;
  for (int32_t i = at - 1;
       (i = skip_to_mention(c, i, lim, &c->budget)) > lim && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    const char *name = ents[ms[m].entity].name;
    size_t ln = strlen(name);
    if (ln >= n && memcmp(name + ln - n, s, n) == 0 &&
        (ln == n || name[ln - n - 1] == ' '))
      return ms[m].entity;
  }
  return -1;
}

/* The gender of entity ent from its first given name, or GENDER_NONE. */
static int entity_gender(ctx *c, int32_t ent) {
  if (c->gender[ent])
    return c->gender[ent] - 1;
  const char *name = ((const ws_entity *)c->doc->entities.items)[ent].name;
  int g = GENDER_NONE;
  /* the first word that is no title ("Sens. Jeff Merkley"), if a name
   * follows it; the name lives in the arena, not in the document text,
   * so at_name_gender() reads it */
  for (int w = 0; w < 3 && g == GENDER_NONE; w++) {
    size_t n = 0;
    while (name[n] && name[n] != ' ')
      n++;
    if (name[n] != ' ')
      break;
    g = at_name_gender(name, n);
    if (g != GENDER_NONE || (ws_lex_title(name, n) == WS_TITLE_NONE &&
                             !(n > 1 && name[n - 1] == '.')))
      break;
    name += n + 1;
  }
  c->gender[ent] = (uint8_t)(g + 1);
  return g;
}

/* The gender a mention at token i shows: its honorific ("Mrs. X") or its
 * entity's given name. */
static int mention_gender(ctx *c, int32_t i, int32_t ent) {
  int32_t f = mention_first(c, i, i - NP_MAX < 0 ? 0 : i - NP_MAX);
  int32_t h = f - 1;
  if (is_punct(c, h, '.'))
    h--;
  if (is_word(c, h)) {
    int g = at_word_gender(c, c->tok[h].start, c->tok[h].core_end);
    if (g != GENDER_NONE)
      return g;
  }
  return entity_gender(c, ent);
}

/* he/she/I/we: the current speaker if attributed in this or the previous
 * paragraph, else the latest person mentioned outside quotes; for he and
 * she, one whose gender does not disagree. */
static int32_t resolve_person(ctx *c, int32_t at, int other);

/* A person (an organisation for it/they: kind) who opens the sentence
 * of token at, or the sentence before,
 * named after the latest attribution: the subject a pronoun continues
 * ('Anna Berg agreed. "...," she said.' is Berg's, whoever spoke
 * before).  Only the first words of a sentence are read (a subject, with
 * a title or a determiner before it), so the cost is bounded. */
static int32_t sentence_subject(ctx *c, int32_t at, int kind, int other) {
  const ws_tokens *tk = &c->doc->tokens;
  uint32_t si = c->tok[at].sent;
  for (int back = 0; back < 2; back++, si--) {
    int32_t first = (int32_t)tk->sent[si].first;
    if (first <= c->last_tok)
      return -1;
    int32_t i = first;
    while (i < at && i < first + 4 && c->tok[i].type == WS_TOK_QUOTE)
      i++;
    /* an opening phrase ("With a vote for Trump ruled out, Cross said
     * he", "In an interview, X said") is skipped to its comma */
    if ((inc(c, i, C_CAPSTOP) && !inc(c, i, C_DET)) ||
        inc2(c, i, C2_PREP | C2_SUBORD)) {
      int32_t j = i;
      while (j < at && j < i + 12 && !is_punct(c, j, ',') &&
             c->in_quote[j] < 0)
        j++;
      if (!is_punct(c, j, ','))
        goto next;
      i = j + 1;
    }
    for (int32_t j = i; j < at && j < i + 6; j++) {
      if (is_punct(c, j, ',') || c->in_quote[j] >= 0 ||
          c->tok[j].type != WS_TOK_WORD)
        break;
      int32_t m = c->doc->tok_mention[j];
      if (m < 0) {
        if (inc2(c, j, C2_PREP) || isw(c, j, W_OF))
          break; /* a name after a preposition is no subject */
        continue;
      }
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      if (entity_kind(c, ent) != kind || is_nationality(c, j))
        break;
      while (j + 1 < c->n && c->doc->tok_mention[j + 1] == m)
        j++;
      /* the subject is followed by its verb, not by "'s" or "and" */
      if ((c->tok[j].flags & WS_TF_POSS) || !is_word(c, j + 1) ||
          is_cap(c, j + 1) || isw(c, j + 1, W_AND))
        break;
      if (mention_gender(c, j, ent) == other)
        break;
      return ent;
    }
  next:
    if (si == 0)
      break;
  }
  return -1;
}

static int32_t resolve_pronoun(ctx *c, int32_t at) {
  const ws_token *t = &c->tok[at];
  const char *w = c->doc->text + t->start;
  size_t wn = t->end - t->start;
  int third = (wn >= 2 && (w[0] | 32) == 'h' && w[1] == 'e' &&
               (wn == 2 || w[2] == '\'' || (unsigned char)w[2] == 0xE2)) ||
              (wn >= 3 && (w[0] | 32) == 's' && w[1] == 'h' && w[2] == 'e' &&
               (wn == 3 || w[3] == '\'' || (unsigned char)w[3] == 0xE2));
  uint32_t para = c->doc->tokens.sent[t->sent].para;
  if (!third) {
    /* "it" and "they" name an organisation that is the current speaker
     * ("The ministry said ... It added"); otherwise they/you name no
     * single entity, and I/we outside quotes are the writer, who is no
     * entity of the text */
    if (!isw(c, at, W_IT) && !isw(c, at, W_THEY))
      return -1;
    int32_t subj = sentence_subject(c, at, WS_ENTITY_ORG, GENDER_NONE);
    if (subj >= 0)
      return subj; /* "The council met and pledged ... what it called" */
    if (c->last_ent >= 0 && entity_kind(c, c->last_ent) == WS_ENTITY_ORG &&
        para - c->doc->tokens.sent[c->tok[c->last_tok].sent].para <= 1)
      return c->last_ent;
    /* an organisation that was the subject of a verb of saying just
     * before, in this or the previous paragraph */
    for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
      int32_t m = c->doc->tok_mention[i];
      if (para - c->doc->tokens.sent[c->tok[i].sent].para > 1)
        break;
      if (m < 0 || c->in_quote[i] >= 0 || (i + 1 < c->n &&
                                           c->doc->tok_mention[i + 1] == m))
        continue;
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      if (entity_kind(c, ent) != WS_ENTITY_ORG)
        continue;
      int32_t v = i + 1;
      while (v < c->n && v < i + 4 && inc(c, v, C_FILLER))
        v++;
      int f;
      int32_t l;
      if (cue_at(c, v, &f, &l) && (f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)))
        return ent;
    }
    return -1;
  }
  int other = (w[0] | 32) == 'h' ? GENDER_FEMALE : GENDER_MALE;
  int32_t subj = sentence_subject(c, at, WS_ENTITY_PERSON, other);
  if (subj >= 0)
    return subj;
  if (c->last_ent >= 0) {
    uint32_t lp = c->doc->tokens.sent[c->tok[c->last_tok].sent].para;
    int k = entity_kind(c, c->last_ent);
    if (para - lp <= 1 &&
        (k == WS_ENTITY_PERSON ? entity_gender(c, c->last_ent) != other
                               : !c->persons || k == WS_ENTITY_OTHER))
      return c->last_ent; /* he and she name no place or organisation */
  }
  return resolve_person(c, at, other);
}

/* The latest person mentioned outside quotes before token at whose
 * gender is not `other`; without typed persons, the current speaker or
 * the latest untyped mention. */
/* A person of unknown gender at token i is the antecedent unless one
 * whose given name agrees is named just before, in the same sentence
 * ("Mary Holt met Dr. Osk. She said": Holt). */
static int32_t known_gender_near(ctx *c, int32_t i, int32_t ent, int other) {
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[i].sent].first;
  int want = other == GENDER_MALE ? GENDER_FEMALE : GENDER_MALE;
  for (int32_t j = mention_first(c, i, first) - 1; j >= first && j > i - 40;
       j--) {
    int32_t m = c->doc->tok_mention[j];
    if (m < 0 || c->in_quote[j] >= 0)
      continue;
    int32_t e = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, e) == WS_ENTITY_PERSON && mention_gender(c, j, e) == want)
      return e;
    j = mention_first(c, j, first);
  }
  return ent;
}

static int32_t resolve_person(ctx *c, int32_t at, int other) {
  int persons = c->persons;
  for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || c->in_quote[i] >= 0 || is_nationality(c, i))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, ent) != WS_ENTITY_PERSON)
      continue;
    int g = other != GENDER_NONE ? mention_gender(c, i, ent) : GENDER_NONE;
    if (other != GENDER_NONE && g == other) {
      i = mention_first(c, i, i - NP_MAX < 0 ? 0 : i - NP_MAX);
      continue;
    }
    if (other != GENDER_NONE && g == GENDER_NONE)
      return known_gender_near(c, i, ent, other);
    return ent;
  }
  if (persons)
    return -1;
  if (c->last_ent >= 0)
    return c->last_ent;
  /* no kinds known: the latest mention outside quotes */
  for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || c->in_quote[i] >= 0 || is_nationality(c, i) ||
        inc(c, i, C_CAPSTOP))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, ent) == WS_ENTITY_OTHER) /* untyped: may be a person */
      return ent;
  }
  return -1;
}

static int ci_contains(const char *hay, const char *needle, size_t n) {
  for (; *hay; hay++) {
    size_t k = 0;
    while (k < n && hay[k]) {
      char a = hay[k], b = needle[k];
      if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
      if (b >= 'A' && b <= 'Z')
        b = (char)(b + 32);
      if (a != b)
        break;
      k++;
    }
    if (k == n)
      return 1;
  }
  return 0;
}

/* 1 when the words around mention tokens [s, e) carry the head noun and
 * the nationality (adjective or country) of a description. */
static int context_fits(const ctx *c, int32_t s, int32_t e, span desc,
                        const char *head, size_t hn, const char *adj,
                        const char *country) {
  int has_head = 0, has_nat = adj == NULL;
  size_t an = adj ? strlen(adj) : 0, cn = country ? strlen(country) : 0;
  int32_t lo = s - 7 < 0 ? 0 : s - 7, hi = e + 8 > c->n ? c->n : e + 8;
  if (hi > desc.s)
    hi = desc.s; /* the description itself is no evidence */
  for (int32_t i = lo; i < hi; i++) {
    if (i >= s && i < e)
      continue;
    const ws_token *t = &c->tok[i];
    const char *w = c->doc->text + t->start;
    size_t wn = t->core_end - t->start;
    if (wn == hn && ci_equal(w, head, hn))
      has_head = 1;
    if (adj && ((wn == an && memcmp(w, adj, wn) == 0) ||
                (wn == cn && memcmp(w, country, wn) == 0)))
      has_nat = 1;
  }
  return has_head && has_nat;
}

/* 1 when token i is the nationality of a description, as context_fits()
 * tests it: the adjective adj[0..an) or the country[0..cn). */
static int fit_nat(const ctx *c, int32_t i, const char *adj, size_t an,
                   const char *country, size_t cn) {
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t wn = t->core_end - t->start;
  return (wn == an && memcmp(w, adj, wn) == 0) ||
         (wn == cn && memcmp(w, country, wn) == 0);
}

/* "the statement", "the letter": the person or organisation that opens
 * the sentence where the document was last named ("The museum issued a
 * statement ..."); a document is near whom it names or addresses ("sent
 * a letter to the board"), so the words around it say nothing. */
static int32_t document_source(ctx *c, span p) {
  const ws_token *h = &c->tok[p.e - 1];
  const char *head = c->doc->text + h->start;
  size_t hn = h->core_end - h->start;
  for (int32_t i = p.s - 1; i >= 0 && i > p.s - DESC_MAX && step(c); i--) {
    const ws_token *t = &c->tok[i];
    if (t->type != WS_TOK_WORD || t->core_end - t->start != hn ||
        !ci_equal(c->doc->text + t->start, head, hn) || c->in_quote[i] >= 0)
      continue;
    int32_t first = (int32_t)c->doc->tokens.sent[t->sent].first;
    if (first < i - 25)
      first = i - 25;
    /* the nearest person or organisation before it that is no object of
     * a preposition: "The Times said Cook provided a statement" is Cook's */
    for (int32_t j = i - 1; j >= first; j--) {
      int32_t m = c->doc->tok_mention[j];
      if (m < 0 || c->in_quote[j] >= 0 || is_nationality(c, j) ||
          at_adjective_name(c, j))
        continue;
      j = mention_first(c, j, first);
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      int k = entity_kind(c, ent);
      int32_t b = inc(c, j - 1, C_DET) ? j - 2 : j - 1;
      if ((k == WS_ENTITY_PERSON || k == WS_ENTITY_ORG) &&
          !inc2(c, b, C2_PREP) && !isw(c, b, W_TO) && !isw(c, b, W_OF))
        return ent;
    }
    return -1;
  }
  return -1;
}

/* "the Qatari minister", "the spokesman": the entity whose role, or the
 * words around whose earlier mention, hold the head noun (and the
 * nationality when one is given). */
static int32_t resolve_description(ctx *c, span p) {
  const ws_token *h = &c->tok[p.e - 1];
  if (inc(c, p.e - 1, C_MEDIA) || inc2(c, p.e - 1, C2_DOC))
    return document_source(c, p); /* not whom it is near */
  const char *head = c->doc->text + h->start;
  size_t hn = h->core_end - h->start;
  const char *adj = NULL, *country = NULL;
  char adjbuf[64];
  for (int32_t i = p.s; i < p.e; i++) {
    const ws_token *t = &c->tok[i];
    const char *ct = ws_lex_nationality_country(c->doc->text + t->start,
                                                t->core_end - t->start);
    if (ct && t->core_end - t->start < sizeof adjbuf) {
      memcpy(adjbuf, c->doc->text + t->start, t->core_end - t->start);
      adjbuf[t->core_end - t->start] = 0;
      adj = adjbuf, country = ct;
    }
  }
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  /* context_fits() of every mention, without reading a token twice: the
   * windows only move back, so fit_head[j] / fit_nat[j] count the matching
   * tokens in [j, p.s), filled down to `low` as the search goes, and a
   * window's count is a difference of two (the same test, in O(1)). */
  if (!c->fit_head) {
    c->fit_head = ws_arena_alloc(c->doc->arena, 2 * ((size_t)c->n + 1) *
                                                    sizeof *c->fit_head);
    if (c->fit_head)
      c->fit_nat = c->fit_head + c->n + 1;
  }
  int32_t *fh = c->fit_head, *fn = c->fit_nat, low = p.s;
  size_t an = adj ? strlen(adj) : 0, cn = country ? strlen(country) : 0;
  if (fh)
    fh[low] = fn[low] = 0;
  /* step(c) on a local copy of the budget, and the mention index in a
   * local: the byte stores of is_nationality() might alias c's fields */
  int64_t budget = c->budget;
  const int32_t *tm = c->doc->tok_mention;
  int32_t lim = p.s - DESC_MAX < 0 ? -1 : p.s - DESC_MAX;
  for (int32_t i = p.s - 1;
       (i = skip_to_mention(c, i, lim, &budget)) > lim && budget-- > 0;
       i--) {
    int32_t m = tm[i];
    if (m < 0 || is_nationality(c, i))
      continue;
    int32_t s = mention_first(c, i, 0);
    const ws_entity *e = &ents[ms[m].entity];
    int fits = 0;
    for (uint32_t r = 0; r < e->n_roles && !fits; r++)
      fits = ci_contains(e->roles[r], head, hn) &&
             (!adj || strstr(e->roles[r], adj) || strstr(e->roles[r], country));
    if (!fits && fh) {
      /* the window of context_fits() */
      int32_t lo = s - 7 < 0 ? 0 : s - 7, hi = i + 9 > c->n ? c->n : i + 9;
      if (hi > p.s)
        hi = p.s;
      if (low > lo) {
        /* locals: the stores to fh might alias c's fields */
        const ws_token *tok = c->tok;
        const char *text = c->doc->text;
        int32_t run = fh[low], runn = fn[low];
        for (int32_t j = low; j > lo; j--) {
          const ws_token *t = &tok[j - 1];
          run += t->core_end - t->start == hn &&
                 ci_equal(text + t->start, head, hn);
          fh[j - 1] = run;
        }
        if (adj)
          for (int32_t j = low; j > lo; j--) {
            runn += fit_nat(c, j - 1, adj, an, country, cn);
            fn[j - 1] = runn;
          }
        low = lo;
      }
      fits = fh[lo] - fh[hi] - (fh[s] - fh[i + 1]) > 0 &&
             (!adj || fn[lo] - fn[hi] - (fn[s] - fn[i + 1]) > 0);
    } else if (!fits)
      fits = context_fits(c, s, i + 1, p, head, hn, adj, country);
    if (!fits && e->kind == WS_ENTITY_ORG && !adj)
      fits = ci_contains(e->name, head, hn);
    if (fits) {
      c->budget = budget;
      return ms[m].entity;
    }
    i = s;
  }
  c->budget = budget;
  return -1;
}

/* The latest person mentioned before description p (as far back as a
 * description's entity is looked for), of a gender other
 * than `other`, whose roles or the words around whose mention hold the
 * description's word at token w ("the Democratic candidate": a person
 * once called "Democratic candidate X"). */
static int32_t person_with_word(ctx *c, span p, int32_t w, int other) {
  const ws_token *t = &c->tok[w];
  const char *word = c->doc->text + t->start;
  size_t wn = t->core_end - t->start;
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  for (int32_t i = p.s - 1; i >= 0 && i > p.s - DESC_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || entity_kind(c, ms[m].entity) != WS_ENTITY_PERSON)
      continue;
    int32_t s = mention_first(c, i, 0);
    const ws_entity *e = &ents[ms[m].entity];
    int fits = other == GENDER_NONE || mention_gender(c, i, ms[m].entity) != other;
    int has = 0;
    for (uint32_t r = 0; r < e->n_roles && fits && !has; r++)
      has = ci_contains(e->roles[r], word, wn);
    if (fits && !has)
      has = context_fits(c, s, i + 1, p, word, wn, NULL, NULL);
    if (fits && has)
      return ms[m].entity;
    i = s;
  }
  return -1;
}

/* 1 when p is a definite description ("the former Republican
 * presidential nominee") whose head is a salient_heads noun. */
static int salient_description(const ctx *c, span p) {
  const ws_token *t = &c->tok[p.s];
  if (p.e - p.s < 2 || p.e - p.s > 6 || t->end - t->start != 3 ||
      !ci_equal(c->doc->text + t->start, "the", 3))
    return 0;
  const ws_token *h = &c->tok[p.e - 1];
  size_t n = h->core_end - h->start;
  for (const char *const *w = ws_words_salient_heads; *w; w++)
    if (strlen(*w) == n && ci_equal(c->doc->text + h->start, *w, n))
      return 1;
  return 0;
}

int32_t at_resolve(ctx *c, span p) {
  if (p.s < 0)
    return -1;
  if (p.e - p.s == 1 && inc(c, p.s, C_REL)) {
    /* "X, who said": the phrase before the comma */
    if (is_punct(c, p.s - 1, ',')) {
      span q = at_np_ending(c, p.s - 2, p.s - NP_MAX < 0 ? 0 : p.s - NP_MAX);
      if (q.s >= 0 && !is_cap(c, q.e - 1) &&
          c->doc->tok_mention[q.e - 1] < 0) {
        /* "X, now the majority leader, who": the name before the
         * apposition */
        int32_t j = q.s - 1;
        if (is_word(c, j) && !is_cap(c, j) && is_punct(c, j - 1, ','))
          j--; /* "now", "also" */
        if (is_punct(c, j, ',')) {
          span n = at_np_ending(c, j - 1, j - NP_MAX < 0 ? 0 : j - NP_MAX);
          if (n.s >= 0 && is_cap(c, n.e - 1))
            q = n;
        }
      }
      if (q.s >= 0 && !inc(c, q.s, C_REL))
        return at_resolve(c, q);
    } else if (is_word(c, p.s - 1)) {
      /* "the senator who said": the phrase right before */
      span q = at_np_ending(c, p.s - 1, p.s - NP_MAX < 0 ? 0 : p.s - NP_MAX);
      if (q.s >= 0 && !inc(c, q.s, C_REL | C_SUBJ) &&
          (is_cap(c, q.e - 1) || c->doc->tok_mention[q.e - 1] >= 0))
        return at_resolve(c, q); /* a name, not "critics who say" */
    }
    return -1;
  }
  if (p.e - p.s == 1 && inc(c, p.s, C_SUBJ))
    return resolve_pronoun(c, p.s);
  /* "a Clinton aide", "Berg's campaign manager": a person named by a role
   * for someone else is not that someone */
  int role = !is_cap(c, p.e - 1) && c->doc->tok_mention[p.e - 1] < 0 &&
             (at_person_noun(c, p.e - 1) || inc2(c, p.e - 1, C2_AIDE));
  if (role && inc2(c, p.e - 1, C2_AIDE))
    return -1; /* an aide or a spokesman a story need not name */
  int32_t ent = role ? -1 : at_mention_entity(c, p);
  if (ent >= 0)
    return ent;
  for (int32_t i = p.e - 1; i >= p.s && !role; i--)
    if (is_cap(c, i) && !is_nationality(c, i) && !inc(c, i, C_CAPSTOP) &&
        !at_adjective_name(c, i)) {
      const ws_token *t = &c->tok[i];
      ent = entity_by_word(c, p.s, c->doc->text + t->start,
                           t->core_end - t->start);
      if (ent >= 0)
        return ent;
      break;
    }
  if (!is_cap(c, p.e - 1)) {
    ent = resolve_description(c, p);
    if (role && ent >= 0 && entity_kind(c, ent) != WS_ENTITY_PERSON)
      ent = -1; /* a senator is a person, not the Senate */
    if (ent < 0 && salient_description(c, p)) {
      /* "the Republican presidential nominee said": a definite
       * description of a public figure refers back to the person the
       * story is about, as he or she would */
      const ws_token *h = &c->tok[p.e - 1];
      int g = at_word_gender(c, h->start, h->core_end);
      int other = g == GENDER_MALE     ? GENDER_FEMALE
                  : g == GENDER_FEMALE ? GENDER_MALE
                                       : GENDER_NONE;
      int32_t adj = -1; /* "Democratic", "Mexican": must fit the person */
      for (int32_t i = p.s + 1; i < p.e; i++)
        if (is_cap(c, i) || (c->tok[i].flags & WS_TF_POSS))
          adj = i;
      if (adj >= 0)
        return person_with_word(c, p, adj, other);
      uint32_t para = c->doc->tokens.sent[c->tok[p.s].sent].para;
      if (c->last_ent >= 0 &&
          entity_kind(c, c->last_ent) == WS_ENTITY_PERSON &&
          para - c->doc->tokens.sent[c->tok[c->last_tok].sent].para <= 1 &&
          (other == GENDER_NONE || entity_gender(c, c->last_ent) != other))
        return c->last_ent;
      if (c->persons)
        ent = resolve_person(c, p.s, other);
    }
    return ent;
  }
  return -1;
}

