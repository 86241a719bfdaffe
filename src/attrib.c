/*
 * attrib.c - speakers of quotes, and reported speech.
 *
 * For each direct quote from quote.c the attribution is searched where
 * news style puts it (AP Stylebook "quotations in the news"; the PARC
 * attribution scheme of Pareti 2012 for cue/source/content):
 *
 *   after the quote     "...," X said / "...," said X / "...," according to X
 *                       "...," X, the foreign minister, said / "..." — X
 *   before the quote    X said: "..." / X told reporters "..." /
 *                       X welcomed it, saying "..." (subject of the clause)
 *   the lead-in line    Caddell continued:  (previous paragraph ends in ':')
 *   running quotes      a quote that opens its sentence with no cue of its
 *                       own continues the previous speaker's quotation
 *
 * A speaker is a noun phrase next to the cue: a mention, a capitalized run,
 * a pronoun or a description ("the Qatari minister").  speaker_start/end is
 * that phrase; speaker is the entity it resolves to: the mention's entity,
 * for a pronoun the current speaker or the latest person mentioned, for a
 * description the entity whose role (or the words around whose mention)
 * holds the description's head noun and nationality.  Nothing is guessed:
 * without a cue there is no speaker.
 *
 * Quotes of at most a few words that have no cue (scare quotes, the
 * so-called "deal") and capitalized titles of works are dropped here, since
 * only the cue search can tell them from partial quotes.
 *
 * Reported speech: a cue that takes a clause (said, told ... that, thinks,
 * according to) with a subject noun phrase yields a quote of kind
 * "reported" whose content is the clause, as far as the sentence end.
 *
 * Every search is bounded by a fixed window of tokens, so the work is
 * linear in the document.
 */
#include <stdlib.h>
#include <string.h>

#include "cue.h"
#include "doc.h"
#include "lexicon.h"

enum {
  NP_MAX = 10,      /* tokens in a speaker noun phrase */
  APPOS_MAX = 20,   /* tokens in an apposition or relative clause */
  AFTER_MAX = 16,   /* tokens searched after a quote for its cue */
  BEFORE_MAX = 40,  /* tokens searched before a quote for its cue */
  PRON_MAX = 600,   /* tokens searched back for a pronoun's antecedent */
  DESC_MAX = 3000,  /* tokens searched back for a description's entity */
  SCARE_WORDS = 4   /* a quote this short needs a cue to be a quote */
};

typedef struct span {
  int32_t s, e; /* token range [s, e); s < 0 when empty */
} span;

static const span NO_SPAN = {-1, -1};

typedef struct attr {
  span np;      /* the speaker phrase */
  span cue;     /* the cue */
  int32_t ent;  /* resolved entity, or -1 */
} attr;

typedef struct ctx {
  ws_doc *doc;
  const ws_token *tok;
  int32_t n;
  int32_t *in_quote; /* per token: direct quote index, or -1 */
  int32_t last_ent;  /* the latest attributed speaker */
  int32_t last_tok;  /* where it was attributed */
} ctx;

/* ------------------------------------------------------------ word tests */

static int is(const ctx *c, int32_t i, const char *w) {
  return i >= 0 && i < c->n && ws_tok_is(c->doc->text, &c->tok[i], w);
}

static int in(const ctx *c, int32_t i, const char *const *ws) {
  return i >= 0 && i < c->n && ws_tok_in(c->doc->text, &c->tok[i], ws);
}

static int is_word(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_WORD;
}

static int is_cap(const ctx *c, int32_t i) {
  return is_word(c, i) && (c->tok[i].flags & WS_TF_CAP);
}

static int is_punct(const ctx *c, int32_t i, int32_t cp) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         c->tok[i].cp == cp;
}

static int ends_sentence(const ctx *c, int32_t i) {
  return is_punct(c, i, '.') || is_punct(c, i, '?') || is_punct(c, i, '!') ||
         is_punct(c, i, ';');
}

static const char *const subj_pronouns[] = {"he", "she", "they", "i", "we",
                                            "it", "you", NULL};
static const char *const rel_pronouns[] = {"who", "which", NULL};
static const char *const determiners[] = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
    "this", "that", "these", "those", "some", "many", "several", "most",
    "both", "other", "another", "one", "two", "three", "four", "few", "all",
    NULL};
/* Words between a subject and its cue: auxiliaries and adverbs
 * ("X has also said", "X later told"). */
static const char *const cue_fillers[] = {
    "also", "then", "later", "previously", "recently", "repeatedly", "once",
    "again", "has", "have", "had", "would", "will", "could", "might", "may",
    "reportedly", "further", "simply", "just", "flatly", "publicly",
    "privately", "separately", "earlier", "often", "frequently", "did",
    "does", "do", "is", "was", "were", "are", "been", "being", "had",
    "quickly", "bluntly", "angrily", "told", "first", "herself", "himself",
    "always", "never", "even", "still", "already", "subsequently",
    "famously", "initially", "openly", "directly", "shall", "should",
    "must", "can", "not", "long", "has", NULL};
/* Capitalized words that start sentences but never name a speaker. */
static const char *const cap_stop[] = {
    "the", "but", "and", "in", "on", "at", "for", "if", "when", "as",
    "after", "while", "so", "yet", "or", "then", "now", "still", "also",
    "meanwhile", "however", "asked", "said", "says", "according", "this",
    "that", "there", "here", "what", "why", "how", "where", "during",
    "since", "before", "with", "without", "by", "from", "to", "of", "a",
    "an", "his", "her", "their", "its", "our", "my", "your", "yes", "no",
    NULL};
/* Words that end a description phrase read forward. */
static const char *const np_stops[] = {
    "who", "which", "that", "in", "on", "at", "to", "during", "after",
    "before", "when", "as", "and", "but", "told", "said", "says", "with",
    "while", "for", "from", "about", "by", "last", "this", "on", "is",
    "was", "has", "had", "of", NULL};
static const char *const particles[] = {"bin", "al", "el", "de", "van",
                                        "von", "ibn", "abu", "da", "di",
                                        "la", "le", "der", "den", "du",
                                        NULL};

/* "he's saying" is a contraction, not a possessive. */
static const char *const contractions[] = {"he's", "she's", "it's",
                                           "he\xE2\x80\x99s", "she\xE2\x80\x99s",
                                           "it\xE2\x80\x99s", "who's",
                                           "who\xE2\x80\x99s", NULL};

/* 1 when token i is a cue verb used as a verb; fills flags and the last
 * token of a multi-word cue. */
static int cue_at(const ctx *c, int32_t i, int *flags, int32_t *last) {
  if (!is_word(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  *last = i;
  if (is(c, i, "according") && is(c, i + 1, "to")) {
    *flags = WS_CUE_SPEECH | WS_CUE_CLAUSE;
    *last = i + 1;
    return 1;
  }
  if ((t->flags & WS_TF_CAP) && !(t->flags & WS_TF_SENT))
    return 0;
  int f = ws_cue_flags(c->doc->text + t->start, t->end - t->start);
  if (!f)
    return 0;
  /* A determiner or possessive before it makes it a noun: "the report". */
  if (in(c, i - 1, determiners) && !is(c, i - 1, "that"))
    return 0;
  if (is_word(c, i - 1) && (c->tok[i - 1].flags & WS_TF_POSS) &&
      !in(c, i - 1, contractions))
    return 0;
  if ((f & WS_CUE_PRESENT) && is(c, i - 1, "to"))
    f |= WS_CUE_PART; /* "went on to say": subject is the clause's */
  if (is(c, i, "pointed") && !is(c, i + 1, "out"))
    return 0;
  /* "continued" cues speech only as a lead-in ("Caddell continued:"),
   * not with an object ("continues the war"). */
  if (ws_tok_is(c->doc->text, t, "continue") ||
      ws_tok_is(c->doc->text, t, "continued") ||
      ws_tok_is(c->doc->text, t, "continues") ||
      ws_tok_is(c->doc->text, t, "continuing"))
    if (!(i + 1 < c->n && (is_punct(c, i + 1, ':') || is_punct(c, i + 1, ',') ||
                           is_punct(c, i + 1, '.') ||
                           c->tok[i + 1].type == WS_TOK_QUOTE)))
      return 0;
  *flags = f;
  return 1;
}

/* ----------------------------------------------------------- noun phrases */

/* The first token of the mention covering token i. */
static int32_t mention_first(const ctx *c, int32_t i, int32_t lo) {
  int32_t m = c->doc->tok_mention[i];
  while (i - 1 >= lo && c->doc->tok_mention[i - 1] == m)
    i--;
  return i;
}

/* The noun phrase that ends at token k (inclusive), not before lo. */
static span np_ending(const ctx *c, int32_t k, int32_t lo) {
  span r = NO_SPAN;
  if (k < lo || !is_word(c, k))
    return r;
  if (in(c, k, subj_pronouns) || in(c, k, rel_pronouns)) {
    r.s = k, r.e = k + 1;
    return r;
  }
  if (c->doc->tok_mention[k] >= 0) {
    r.s = mention_first(c, k, lo), r.e = k + 1;
    /* titles before the name belong to the phrase (Foreign Minister X) */
    while (r.s - 1 >= lo && r.s > k - NP_MAX && is_cap(c, r.s - 1) &&
           !(c->tok[r.s - 1].flags & WS_TF_POSS) && !in(c, r.s - 1, cap_stop))
      r.s--;
    return r;
  }
  if (is_cap(c, k)) {
    int32_t s = k;
    while (s - 1 >= lo && s > k - NP_MAX &&
           (is_cap(c, s - 1) || in(c, s - 1, particles)) &&
           !(c->tok[s - 1].flags & WS_TF_POSS))
      s--;
    while (s <= k && in(c, s, cap_stop))
      s++;
    if (s > k)
      return r;
    r.s = s, r.e = k + 1;
    return r;
  }
  /* a description: [det] [adjectives, Nationality, Name's] head */
  if (in(c, k, determiners) || in(c, k, cue_fillers) ||
      in(c, k, np_stops))
    return r;
  int32_t s = k;
  while (s - 1 >= lo && s > k - 6 && is_word(c, s - 1) &&
         !in(c, s - 1, np_stops) && !in(c, s - 1, cue_fillers) &&
         !in(c, s - 1, determiners))
    s--;
  if (s - 1 >= lo && in(c, s - 1, determiners) && !is(c, s - 1, "that")) {
    r.s = s - 1, r.e = k + 1;
    return r;
  }
  /* bare plurals and possessed nouns: officials, Trump's campaign */
  const char *w = c->doc->text + c->tok[k].start;
  size_t wn = c->tok[k].end - c->tok[k].start;
  if ((wn > 3 && w[wn - 1] == 's' && w[wn - 2] != 's' && k - s <= 2) ||
      (s < k && (c->tok[s].flags & WS_TF_POSS)) ||
      (s < k && is_cap(c, s))) {
    r.s = s, r.e = k + 1;
    return r;
  }
  return r;
}

/* The subject of a cue at token v: the phrase before it, skipping
 * auxiliaries, a parenthesis (R-Fla.) and an apposition or relative clause
 * between commas ("X, the foreign minister, said"). */
static span subject_before(const ctx *c, int32_t v, int32_t lo) {
  int32_t k = v - 1;
  int skipped = 0;
  while (k >= lo && skipped < 4 && in(c, k, cue_fillers) &&
         !is(c, k, "told"))
    k--, skipped++;
  if (is_punct(c, k, ')')) {
    int32_t p = k - 1;
    while (p >= lo && p > k - 10 && !is_punct(c, p, '('))
      p--;
    if (is_punct(c, p, '('))
      k = p - 1;
  }
  if (is_punct(c, k, ',')) {
    int32_t p = k - 1;
    while (p >= lo && p > k - APPOS_MAX && !is_punct(c, p, ',') &&
           c->tok[p].type != WS_TOK_QUOTE && !ends_sentence(c, p))
      p--;
    if (!is_punct(c, p, ','))
      return NO_SPAN;
    return np_ending(c, p - 1, lo);
  }
  return np_ending(c, k, lo);
}

/* The phrase starting at token i, read forward: "said Rep. John Mica",
 * "said the spokesman", "said he". */
static span np_starting(const ctx *c, int32_t i, int32_t hi) {
  span r = NO_SPAN;
  if (i >= hi || !is_word(c, i))
    return r;
  if (in(c, i, subj_pronouns)) {
    r.s = i, r.e = i + 1;
    return r;
  }
  if (is_cap(c, i) || c->doc->tok_mention[i] >= 0) {
    int32_t e = i;
    /* a possessor is part of the phrase: "Qatar's Foreign Minister X" */
    while (e < hi && e < i + NP_MAX &&
           (is_cap(c, e) || c->doc->tok_mention[e] >= 0 ||
            (e > i && in(c, e, particles))))
      e++;
    if (in(c, i, cap_stop))
      return r;
    r.s = i, r.e = e;
    return r;
  }
  if (in(c, i, determiners)) {
    int32_t e = i + 1;
    while (e < hi && e < i + 6 && is_word(c, e) && !in(c, e, np_stops))
      e++;
    if (e > i + 1) {
      r.s = i, r.e = e;
      return r;
    }
  }
  return r;
}

/* ------------------------------------------------------------- resolution */

static int entity_kind(const ctx *c, int32_t ent) {
  return ((const ws_entity *)c->doc->entities.items)[ent].kind;
}

static int any_person(const ctx *c) {
  const ws_entity *e = c->doc->entities.items;
  for (size_t i = 0; i < c->doc->entities.len; i++)
    if (e[i].kind == WS_ENTITY_PERSON)
      return 1;
  return 0;
}

static int is_nationality(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  return ws_lex_nationality_country(c->doc->text + t->start,
                                    t->core_end - t->start) != NULL;
}

/* The entity of the last fitting mention in [s, e): a person if kinds are
 * known, otherwise the last mention that is not a nationality. */
static int32_t mention_entity(const ctx *c, span p) {
  int32_t best = -1;
  for (int32_t i = p.s; i < p.e; i++) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || is_nationality(c, i))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    int k = entity_kind(c, ent);
    if (k == WS_ENTITY_PLACE && best >= 0)
      continue;
    if (best < 0 || k == WS_ENTITY_PERSON ||
        entity_kind(c, best) != WS_ENTITY_PERSON)
      best = ent;
  }
  return best;
}

/* The entity whose name or alias ends with the word s[0..n), most
 * mentioned first: a surname written where no mention was found. */
static int32_t entity_by_word(const ctx *c, const char *s, size_t n) {
  const ws_entity *e = c->doc->entities.items;
  int32_t best = -1;
  for (size_t i = 0; i < c->doc->entities.len; i++) {
    size_t ln = strlen(e[i].name);
    if (ln < n || memcmp(e[i].name + ln - n, s, n) != 0)
      continue;
    if (ln > n && e[i].name[ln - n - 1] != ' ')
      continue;
    if (best < 0 || e[i].n_mentions > e[best].n_mentions)
      best = (int32_t)i;
  }
  return best;
}

/* he/she/I/we: the current speaker if attributed in this or the previous
 * paragraph, else the latest person mentioned outside quotes. */
static int32_t resolve_pronoun(const ctx *c, int32_t at) {
  const ws_token *t = &c->tok[at];
  if (is(c, at, "it") || is(c, at, "they") || is(c, at, "you"))
    return -1; /* plural or impersonal: no single entity to name */
  uint32_t para = c->doc->tokens.sent[t->sent].para;
  if (c->last_ent >= 0) {
    uint32_t lp = c->doc->tokens.sent[c->tok[c->last_tok].sent].para;
    if (para - lp <= 1)
      return c->last_ent;
  }
  int persons = any_person(c);
  for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX; i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || c->in_quote[i] >= 0 || is_nationality(c, i))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, ent) == WS_ENTITY_PERSON)
      return ent;
  }
  if (!persons && c->last_ent >= 0)
    return c->last_ent;
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
static int context_fits(const ctx *c, int32_t s, int32_t e, const char *head,
                        size_t hn, const char *adj, const char *country) {
  int has_head = 0, has_nat = adj == NULL;
  int32_t lo = s - 7 < 0 ? 0 : s - 7, hi = e + 8 > c->n ? c->n : e + 8;
  for (int32_t i = lo; i < hi; i++) {
    if (i >= s && i < e)
      continue;
    const ws_token *t = &c->tok[i];
    const char *w = c->doc->text + t->start;
    size_t wn = t->core_end - t->start;
    if (wn == hn && ci_contains(w, head, hn) &&
        (wn == hn))
      has_head = 1;
    if (adj && ((wn == strlen(adj) && memcmp(w, adj, wn) == 0) ||
                (wn == strlen(country) && memcmp(w, country, wn) == 0)))
      has_nat = 1;
  }
  return has_head && has_nat;
}

/* "the Qatari minister", "the spokesman": the entity whose role, or the
 * words around whose earlier mention, hold the head noun (and the
 * nationality when one is given). */
static int32_t resolve_description(const ctx *c, span p) {
  const ws_token *h = &c->tok[p.e - 1];
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
  for (int32_t i = p.s - 1; i >= 0 && i > p.s - DESC_MAX; i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || is_nationality(c, i))
      continue;
    int32_t s = mention_first(c, i, 0);
    const ws_entity *e = &ents[ms[m].entity];
    int fits = 0;
    for (uint32_t r = 0; r < e->n_roles && !fits; r++)
      fits = ci_contains(e->roles[r], head, hn) &&
             (!adj || strstr(e->roles[r], adj) || strstr(e->roles[r], country));
    if (!fits)
      fits = context_fits(c, s, i + 1, head, hn, adj, country);
    if (!fits && e->kind == WS_ENTITY_ORG && !adj)
      fits = ci_contains(e->name, head, hn);
    if (fits)
      return ms[m].entity;
    i = s;
  }
  return -1;
}

static int32_t resolve(ctx *c, span p) {
  if (p.s < 0)
    return -1;
  if (p.e - p.s == 1 && in(c, p.s, rel_pronouns)) {
    /* "X, who said": the phrase before the comma */
    if (is_punct(c, p.s - 1, ',')) {
      span q = np_ending(c, p.s - 2, p.s - NP_MAX < 0 ? 0 : p.s - NP_MAX);
      if (q.s >= 0 && !in(c, q.s, rel_pronouns))
        return resolve(c, q);
    }
    return -1;
  }
  if (p.e - p.s == 1 && in(c, p.s, subj_pronouns))
    return resolve_pronoun(c, p.s);
  int32_t ent = mention_entity(c, p);
  if (ent >= 0)
    return ent;
  for (int32_t i = p.e - 1; i >= p.s; i--)
    if (is_cap(c, i) && !is_nationality(c, i) && !in(c, i, cap_stop)) {
      const ws_token *t = &c->tok[i];
      ent = entity_by_word(c, c->doc->text + t->start, t->core_end - t->start);
      if (ent >= 0)
        return ent;
      break;
    }
  if (!is_cap(c, p.e - 1))
    return resolve_description(c, p);
  return -1;
}

/* ----------------------------------------------------- finding the cue */

static int is_dash(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         (c->tok[i].cp == 0x2014 || c->tok[i].cp == 0x2013 ||
          c->tok[i].cp == '-');
}

static int ends_in_ing(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return is_word(c, i) && n > 4 &&
         memcmp(c->doc->text + t->end - 3, "ing", 3) == 0;
}

/* The subject of a participle cue (saying, adding) at v: the speaker of a
 * finite cue earlier in the sentence, else the sentence's first phrase. */
static span clause_subject(const ctx *c, int32_t v, int32_t lo) {
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[v].sent].first;
  lo = first < v - 2 * BEFORE_MAX ? v - 2 * BEFORE_MAX : first;
  for (int32_t j = v - 1; j >= lo && j > v - BEFORE_MAX; j--) {
    int f;
    int32_t l;
    if (c->in_quote[j] >= 0 || !cue_at(c, j, &f, &l) || (f & WS_CUE_PART))
      continue;
    if (is(c, j, "according"))
      return np_starting(c, j + 2, c->n);
    span s = subject_before(c, j, lo);
    if (s.s >= 0)
      return s;
    if (f & WS_CUE_INVERT)
      return np_starting(c, l + 1, c->n);
  }
  int32_t i = lo;
  while (i < v && (c->tok[i].type == WS_TOK_QUOTE || in(c, i, cap_stop)))
    i++;
  /* a leading adverbial ("Speaking in Salem, Trump ...", "On Monday, X")
   * is skipped to its comma */
  if (i < v && (i > lo || ends_in_ing(c, i)) &&
      c->doc->tok_mention[i] < 0) {
    int32_t j = i;
    while (j < v && j < i + 25 && !is_punct(c, j, ','))
      j++;
    if (is_punct(c, j, ','))
      i = j + 1;
  }
  span r = np_starting(c, i, v);
  if (r.s >= 0 && c->in_quote[r.s] < 0) {
    /* the phrase must be the subject: followed by its verb, not a comma
     * opening an adverbial */
    return r;
  }
  return NO_SPAN;
}

/* Searches after the closing mark at ct. */
static int find_after(const ctx *c, int32_t ct, int last_inner_stop,
                      attr *a) {
  int32_t i = ct + 1;
  if (i < c->n && (c->tok[i].flags & WS_TF_PARA))
    return 0;
  if (i < c->n && (c->tok[i].flags & WS_TF_SENT) && last_inner_stop)
    return 0;
  /* a trailing dash line: "..." — X */
  if (is_dash(c, i) && (is_cap(c, i + 1) || c->doc->tok_mention[i + 1] >= 0)) {
    a->np = np_starting(c, i + 1, c->n);
    a->cue.s = i, a->cue.e = i + 1;
    return a->np.s >= 0;
  }
  if (is_punct(c, i, ','))
    i++;
  int32_t lo = i;
  for (int32_t v = i; v < c->n && v < lo + AFTER_MAX; v++) {
    if (v > lo && (c->tok[v].flags & WS_TF_PARA))
      return 0;
    if (ends_sentence(c, v) || c->tok[v].type == WS_TOK_QUOTE ||
        c->in_quote[v] >= 0)
      return 0;
    int f;
    int32_t l;
    if (!cue_at(c, v, &f, &l) || !(f & WS_CUE_SPEECH))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (is(c, v, "according")) {
      a->np = np_starting(c, l + 1, c->n);
      return a->np.s >= 0;
    }
    if (f & WS_CUE_PART) {
      if (v == lo)
        return 0; /* '"...," saying' belongs to the sentence before */
      continue;
    }
    if (v == lo) {
      if (!(f & WS_CUE_INVERT))
        return 0;
      a->np = np_starting(c, l + 1, c->n);
      return a->np.s >= 0;
    }
    a->np = subject_before(c, v, lo);
    if (a->np.s >= 0 && a->np.s == lo)
      return 1;
    if (a->np.s >= 0 && a->np.s > lo) {
      /* words before the subject other than a title: not an attribution */
      int ok = a->np.s - lo <= 6;
      for (int32_t j = lo; j < a->np.s; j++)
        if (!is_word(c, j))
          ok = 0;
      if (ok)
        return 1;
    }
    return 0;
  }
  return 0;
}

/* Searches the sentence before the opening mark at ot. */
static int find_before(const ctx *c, int32_t ot, attr *a) {
  int32_t lo = (int32_t)c->doc->tokens.sent[c->tok[ot].sent].first;
  if (ot - lo > BEFORE_MAX)
    lo = ot - BEFORE_MAX;
  for (int32_t v = ot - 1; v >= lo; v--) {
    if (c->in_quote[v] >= 0 || c->tok[v].type == WS_TOK_QUOTE)
      continue;
    int f;
    int32_t l;
    if (!cue_at(c, v, &f, &l) || !(f & (WS_CUE_SPEECH | WS_CUE_NAMING)))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (is(c, v, "according")) {
      a->np = np_starting(c, l + 1, ot);
      return a->np.s >= 0;
    }
    if ((f & WS_CUE_PART) || is(c, v - 1, "and")) {
      /* "X welcomed it, saying", "X met Y and thanked Z for its" */
      a->np = clause_subject(c, v, lo);
      return a->np.s >= 0;
    }
    a->np = subject_before(c, v, lo);
    if (a->np.s < 0 && (f & WS_CUE_INVERT) && c->tok[v].flags & WS_TF_SENT)
      a->np = np_starting(c, l + 1, ot);
    return a->np.s >= 0;
  }
  /* "according to X" in the words before, or "as X put it" */
  return 0;
}

/* A paragraph that opens with the quote after a lead-in ending in ':'. */
static int find_leadin(const ctx *c, int32_t ot, attr *a) {
  if (!(c->tok[ot].flags & WS_TF_PARA) || ot == 0 ||
      !is_punct(c, ot - 1, ':'))
    return 0;
  int32_t colon = ot - 1;
  int32_t lo = (int32_t)c->doc->tokens.sent[c->tok[colon].sent].first;
  if (colon - lo > BEFORE_MAX)
    lo = colon - BEFORE_MAX;
  for (int32_t v = colon - 1; v >= lo; v--) {
    int f;
    int32_t l;
    if (c->in_quote[v] >= 0 || !cue_at(c, v, &f, &l) ||
        !(f & WS_CUE_SPEECH))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    a->np = (f & WS_CUE_PART) ? clause_subject(c, v, lo)
                              : subject_before(c, v, lo);
    return a->np.s >= 0;
  }
  return 0;
}

/* ------------------------------------------------------------ the driver */

static int32_t tok_at_or_after(const ctx *c, uint32_t off) {
  int32_t lo = 0, hi = c->n;
  while (lo < hi) {
    int32_t mid = lo + (hi - lo) / 2;
    if (c->tok[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static void set_attr(ctx *c, ws_quote *q, const attr *a) {
  q->speaker = a->ent;
  q->speaker_start = c->tok[a->np.s].start;
  q->speaker_end = c->tok[a->np.e - 1].core_end;
  if (a->cue.s >= 0) {
    q->cue_start = c->tok[a->cue.s].start;
    q->cue_end = c->tok[a->cue.e - 1].end;
  }
  if (a->ent >= 0) {
    c->last_ent = a->ent;
    c->last_tok = a->np.s;
  }
}

/* 1 when the quote reads as a title: every word capitalized except small
 * words (Chicago Manual of Style 8.159 headline style). */
static int title_like(const ctx *c, int32_t s, int32_t e) {
  static const char *const small[] = {"a", "an", "the", "of", "and", "or",
                                      "in", "on", "for", "to", "with", "at",
                                      "by", NULL};
  int words = 0;
  for (int32_t i = s; i < e; i++) {
    if (!is_word(c, i))
      continue;
    words++;
    if (!is_cap(c, i) && !in(c, i, small))
      return 0;
  }
  return words > 0 && words <= 6;
}

static int by_start(const void *x, const void *y) {
  const ws_quote *a = x, *b = y;
  return (a->start > b->start) - (a->start < b->start);
}

static int reported(ctx *c, size_t n_direct);

int ws_attrib_resolve(ws_doc *doc) {
  ctx c = {.doc = doc, .tok = doc->tokens.tok, .n = (int32_t)doc->tokens.n,
           .last_ent = -1, .last_tok = -1};
  if (doc->tokens.n > INT32_MAX / 2)
    return WS_ENOMEM;
  c.in_quote = ws_arena_calloc(doc->arena, doc->tokens.n ? doc->tokens.n : 1,
                               sizeof(int32_t));
  if (!c.in_quote)
    return WS_ENOMEM;
  for (int32_t i = 0; i < c.n; i++)
    c.in_quote[i] = -1;
  ws_quote *qs = doc->quotes.items;
  size_t nq = doc->quotes.len;
  int32_t *open_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *open_tok);
  int32_t *close_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *close_tok);
  uint8_t *keep = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  if (!open_tok || !close_tok || !keep)
    return WS_ENOMEM;
  for (size_t k = 0; k < nq; k++) {
    int32_t f = tok_at_or_after(&c, qs[k].start);
    int32_t e = tok_at_or_after(&c, qs[k].end);
    open_tok[k] = f - 1;
    close_tok[k] = e;
    for (int32_t i = f; i < e; i++)
      c.in_quote[i] = (int32_t)k;
    qs[k].speaker = -1;
  }
  int32_t prev = -1; /* the previous attributed quote */
  for (size_t k = 0; k < nq; k++) {
    ws_quote *q = &qs[k];
    int32_t ot = open_tok[k], ct = close_tok[k];
    int32_t inner = ct - 1;
    int stop = ends_sentence(&c, inner) && !is_punct(&c, inner, ';') &&
               !is_punct(&c, inner, '?') && !is_punct(&c, inner, '!');
    attr a = {NO_SPAN, NO_SPAN, -1};
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts_sentence = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    int found = 0;
    if (starts_sentence)
      found = find_after(&c, ct, stop, &a) || find_before(&c, ot, &a);
    else
      found = find_before(&c, ot, &a) || find_after(&c, ct, stop, &a);
    if (!found)
      found = find_leadin(&c, ot, &a);
    if (found) {
      a.ent = resolve(&c, a.np);
      set_attr(&c, q, &a);
      prev = (int32_t)k;
      keep[k] = 1;
      continue;
    }
    /* A running quotation: the quote opens its sentence and the previous
     * attributed quote is in this or the previous paragraph. */
    if (starts_sentence && prev >= 0) {
      uint32_t pp = doc->tokens.sent[c.tok[close_tok[prev]].sent].para;
      uint32_t p = doc->tokens.sent[c.tok[ot].sent].para;
      int32_t words = 0;
      for (int32_t i = ot + 1; i < ct; i++)
        words += is_word(&c, i);
      if (p - pp <= 1 && words > SCARE_WORDS) {
        const ws_quote *pq = &qs[prev];
        q->speaker = pq->speaker;
        q->speaker_start = pq->speaker_start;
        q->speaker_end = pq->speaker_end;
        keep[k] = 1;
        continue;
      }
    }
    /* No cue: a quotation if it is long enough to be one, or if it ends
     * its clause (partial quotes close a sentence or a clause: called it
     * a "great meeting."); a scare quote sits inside a phrase (the "sex
     * tape" reference). */
    int32_t words = 0;
    for (int32_t i = ot + 1; i < ct; i++)
      words += is_word(&c, i);
    int clause_final = c.tok[ct - 1].type == WS_TOK_PUNCT ||
                       ct + 1 >= c.n || c.tok[ct + 1].type == WS_TOK_PUNCT ||
                       (c.tok[ct + 1].flags & WS_TF_SENT);
    int cue_seen = 0;
    int32_t s0 = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int32_t s1 = (int32_t)doc->tokens.sent[c.tok[ct < c.n ? ct : c.n - 1].sent].end;
    for (int32_t i = s0; i < s1 && !cue_seen; i++) {
      int f;
      int32_t l;
      cue_seen = c.in_quote[i] < 0 && cue_at(&c, i, &f, &l);
    }
    keep[k] = (words > SCARE_WORDS || clause_final || cue_seen) &&
              !(title_like(&c, ot + 1, ct) && !starts_sentence);
  }
  /* titles of works with a cue nearby ("said on CBS's "Face the Nation"")
   * and nicknames are not quotes either */
  size_t w = 0;
  for (size_t k = 0; k < nq; k++) {
    int32_t ot = open_tok[k];
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    if (keep[k] && !starts && title_like(&c, ot + 1, close_tok[k]))
      keep[k] = 0;
    if (keep[k])
      qs[w++] = qs[k];
  }
  doc->quotes.len = w;
  /* rebuild in_quote for the kept quotes */
  for (int32_t i = 0; i < c.n; i++)
    c.in_quote[i] = -1;
  for (size_t k = 0; k < w; k++) {
    int32_t f = tok_at_or_after(&c, qs[k].start);
    int32_t e = tok_at_or_after(&c, qs[k].end);
    for (int32_t i = f; i < e; i++)
      c.in_quote[i] = (int32_t)k;
  }
  c.last_ent = c.last_tok = -1;
  int rc = reported(&c, w);
  if (rc)
    return rc;
  qsort(doc->quotes.items, doc->quotes.len, sizeof(ws_quote), by_start);
  return WS_OK;
}

/* ------------------------------------------------------- reported speech */

static int push_reported(ctx *c, int32_t s, int32_t e, const attr *a) {
  while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                   c->tok[e - 1].type == WS_TOK_QUOTE))
    e--;
  while (s < e && (c->tok[s].type == WS_TOK_PUNCT))
    s++;
  int words = 0;
  for (int32_t i = s; i < e; i++) {
    if (c->in_quote[i] >= 0 || c->tok[i].type == WS_TOK_QUOTE)
      return WS_OK; /* a direct quote carries this statement already */
    words += is_word(c, i);
  }
  if (words < 3)
    return WS_OK;
  ws_quote *q = ws_vec_push(&c->doc->quotes, c->doc->arena);
  if (!q)
    return WS_ENOMEM;
  q->start = c->tok[s].start;
  q->end = c->tok[e - 1].end;
  q->kind = WS_QUOTE_REPORTED;
  q->speaker = a->ent;
  q->speaker_start = c->tok[a->np.s].start;
  q->speaker_end = c->tok[a->np.e - 1].core_end;
  q->cue_start = c->tok[a->cue.s].start;
  q->cue_end = c->tok[a->cue.e - 1].end;
  return WS_OK;
}

/* Words after a cue that are not yet the reported clause. */
static const char *const clause_fillers[] = {
    "that", "on", "in", "a", "an", "statement", "interview", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight", "last", "week", "month", "year",
    "earlier", "later", "recently", "previously", "also", "repeatedly",
    "publicly", "privately", "night", "morning", "afternoon", "evening",
    NULL};
static const char *const not_clause[] = {
    "to", "for", "of", "about", "with", "by", "from", "at", "as", "into",
    "and", "or", "so", "nothing", "something", "anything", "yes", "no",
    "goodbye", "thanks", "hello", "more", "little", "much", NULL};

static int reported(ctx *c, size_t n_direct) {
  const ws_tokens *tk = &c->doc->tokens;
  size_t dq = 0; /* direct quotes before the current sentence */
  for (size_t si = 0; si < tk->n_sent; si++) {
    int32_t s0 = (int32_t)tk->sent[si].first, s1 = (int32_t)tk->sent[si].end;
    /* the current speaker follows the direct quotes in text order */
    for (; dq < n_direct; dq++) {
      const ws_quote *d = (const ws_quote *)c->doc->quotes.items + dq;
      if (d->start >= c->tok[s0].start)
        break;
      if (d->speaker >= 0) {
        c->last_ent = d->speaker;
        c->last_tok = tok_at_or_after(c, d->speaker_start);
      }
    }
    for (int32_t v = s0; v < s1; v++) {
      if (c->in_quote[v] >= 0)
        continue;
      int f;
      int32_t l;
      if (!cue_at(c, v, &f, &l) || !(f & WS_CUE_CLAUSE))
        continue;
      attr a = {NO_SPAN, {v, l + 1}, -1};
      if (is(c, v, "according")) {
        a.np = np_starting(c, l + 1, s1);
        if (a.np.s < 0)
          continue;
        a.ent = resolve(c, a.np);
        int rc;
        if (v == s0 || (v == s0 + 1 && c->tok[s0].type == WS_TOK_QUOTE)) {
          int32_t k = a.np.e;
          while (k < s1 && !is_punct(c, k, ','))
            k++;
          rc = push_reported(c, k + 1, s1, &a);
        } else {
          rc = push_reported(c, s0, v, &a);
        }
        if (rc)
          return rc;
        v = l;
        continue;
      }
      if (f & WS_CUE_PART) {
        a.np = clause_subject(c, v, s0);
      } else {
        a.np = subject_before(c, v, s0);
        if (a.np.s < 0 && (f & WS_CUE_INVERT) && is_punct(c, v - 1, ','))
          a.np = np_starting(c, l + 1, s1);
      }
      if (a.np.s < 0)
        continue;
      a.ent = resolve(c, a.np);
      if (a.ent >= 0) {
        c->last_ent = a.ent;
        c->last_tok = a.np.s;
      }
      int32_t k = l + 1;
      int skipped = 0;
      /* "told reporters that", "said in a statement Tuesday that" */
      if ((f & WS_CUE_OBJECT) && k < s1) {
        span o = np_starting(c, k, s1);
        if (o.s < 0 && is_word(c, k) && !in(c, k, clause_fillers))
          o.s = k, o.e = k + 1;
        if (o.s >= 0)
          k = o.e;
      }
      while (k < s1 && skipped < 6 && in(c, k, clause_fillers) &&
             !is(c, k, "that"))
        k++, skipped++;
      if (is(c, k, "that"))
        k++;
      int rc = WS_OK;
      if (a.np.s > s0 && is_punct(c, a.np.s - 1, ',') &&
          (k >= s1 - 1 || is_punct(c, k, ','))) {
        /* "The plan, he said, is dead." / "The plan is dead, he said." */
        rc = push_reported(c, s0, s1, &a);
      } else if (k < s1 && !in(c, k, not_clause) &&
                 (skipped < 6) && !ends_sentence(c, k) &&
                 !is_punct(c, k, ',') && !is_punct(c, k, ':')) {
        rc = push_reported(c, k, s1, &a);
      }
      if (rc)
        return rc;
    }
  }
  return WS_OK;
}
