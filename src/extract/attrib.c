/*
 * attrib.c - speakers of direct quotes, and the attribution pass
 * (ws_attrib_resolve: classify, attribute direct quotes, then reported
 * speech).
 *
 * For each direct quote from quote.c the attribution is searched where
 * news style puts it (AP Stylebook "quotations in the news"; the PARC
 * attribution scheme of Pareti 2012 for cue/source/content):
 *
 *   after the quote     "...," X said / "...," said X / "...," according to X
 *                       "...," X, the foreign minister, said / "..." — X
 *                       "...!" X shot back (any verb closing the sentence)
 *                       a cue right after the closing mark wins over one
 *                       earlier in the sentence
 *   before the quote    X said: "..." / X told reporters "..." /
 *                       X welcomed it, saying "..." (subject of the clause) /
 *                       X called it "..." / X was quoted as saying "..."
 *                       (a cue inside the that-clause of an outer verb of
 *                       saying defers to the outer one)
 *   the lead-in line    Caddell continued:  (previous paragraph ends in ':')
 *   running quotes      a quote that opens its sentence with no cue of its
 *                       own continues the previous speaker's quotation
 *   clause subject      a partial quote with no cue of its own inside a
 *                       clause ("X accused Y of being "..."") belongs to
 *                       the clause's subject; so does 'X boomed: "..."'
 *
 * The speaker phrase next to the cue is read by phrase.c and resolved to
 * an entity by mention.c.  Nothing is guessed: without a cue there is no
 * speaker.  A quote inside an opening participle ('Bemoaning the
 * "system," X accused') belongs to the subject after it.
 *
 * Quotes of at most a few words inside a phrase with no cue near (scare
 * quotes, the so-called "deal"), capitalized titles of works and quoted
 * section headings are dropped here, since only the cue search can tell
 * them from partial quotes; a short quote dropped so that lies inside a
 * reported statement (reported.c) is readmitted as that statement's
 * partial quotation.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "extract/reported.h"
#include "words/words.h"

/* ----------------------------------------------------- finding the cue */

/* A dateline opening the sentence ("WASHINGTON (AFP) -", "OSLO, Norway
 * --"): capitalized words, commas and a parenthesis before a dash, which
 * name the place of the report, not the subject (AP Stylebook,
 * datelines).  Returns the first token after it, or i. */
static int32_t skip_dateline(const ctx *c, int32_t i, int32_t v) {
  int agency = 0; /* "(AFP)", or a place in capitals: a dateline, not "Vik
                     - a teacher - said" */
  if (i >= v || !(c->tok[i].flags & WS_TF_PARA))
    return i;
  if (c->tok[i].flags & WS_TF_UPPER)
    agency = 1;
  for (int32_t j = i; j < v && j < i + 10; j++) {
    if (is_dash(c, j))
      return j > i && agency ? j + 1 : i;
    if (is_punct(c, j, '(')) {
      agency = 1;
      while (j < v && j < i + 10 && !is_punct(c, j, ')'))
        j++;
      continue;
    }
    if (!(is_cap(c, j) || is_punct(c, j, ',') || is_punct(c, j, '.')))
      return i;
  }
  return i;
}

/* The subject of a participle cue (saying, adding) at v: the speaker of a
 * finite cue earlier in the sentence, else the sentence's first phrase. */
span at_clause_subject(const ctx *c, int32_t v, int32_t lo) {
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[v].sent].first;
  lo = first < v - 2 * BEFORE_MAX ? v - 2 * BEFORE_MAX : first;
  /* the main verb's subject: of the finite cues before v, the first in
   * the sentence ("X said he welcomed it and added ...": X) */
  span best = NO_SPAN;
  for (int32_t j = v - 1; j >= lo && j > v - BEFORE_MAX; j--) {
    int f;
    int32_t l;
    if (c->in_quote[j] >= 0 || !cue_at(c, j, &f, &l) || (f & WS_CUE_PART))
      continue;
    span s = NO_SPAN;
    if (isw(c, j, W_ACCORDING))
      s = at_source_of(c, j + 2, c->n);
    else
      s = at_subject_before(c, j, lo);
    if (c->descriptions && s.e - s.s == 1 && inc(c, s.s, C_REL) &&
        !is_punct(c, s.s - 1, ','))
      continue; /* "an architect who said ...": not the main verb */
    if (s.s < 0 && (f & WS_CUE_INVERT) &&
        (is_punct(c, j - 1, ',') || c->tok[j - 1].type == WS_TOK_QUOTE))
      s = at_np_starting(c, l + 1, c->n); /* '"...," said X, adding' */
    if (s.s >= 0)
      best = s;
  }
  if (best.s >= 0)
    return best;
  int32_t i = lo;
  while (i < v && (c->tok[i].type == WS_TOK_QUOTE || inc(c, i, C_CAPSTOP))) {
    if (is_cap(c, i) && inc(c, i, C_DET) && at_np_starting(c, i, v).s >= 0)
      break; /* "The billionaire businessman", "Her friends" */
    i++;
  }
  /* a leading adverbial ("Speaking in Salem, Trump ...", "On Monday, X")
   * is skipped to its comma */
  int lead = i > lo; /* a word such as "After" opened an adverbial */
  int32_t d = skip_dateline(c, i, v);
  if (d > i) {
    i = d, lead = 0;
    while (i < v && inc(c, i, C_CAPSTOP))
      i++, lead = 1;
  }
  if (i < v && (lead || ends_in_ing(c, i) || ends_in_ly(c, i)) &&
      (c->doc->tok_mention[i] < 0 ||
       (lead && at_place_at(c, i) && !at_place_modifies_person(c, i)))) {
    int32_t j = i;
    while (j < v && j < i + 25 && !is_punct(c, j, ','))
      j++;
    if (is_punct(c, j, ',')) {
      i = j + 1;
      while (i < v && c->tok[i].type == WS_TOK_QUOTE)
        i++; /* 'On "Harbour Talk," X said' */
      /* "in Salem, New Hampshire, Trump": the rest of a place name */
      for (int n = 0; n < 2; n++) {
        span p = at_np_starting(c, i, v);
        if (p.s < 0 || !is_punct(c, p.e, ',') || p.e + 1 >= v)
          break;
        int32_t ent = at_mention_entity(c, p);
        if (ent < 0 || entity_kind(c, ent) != WS_ENTITY_PLACE)
          break;
        i = p.e + 1;
      }
    } else if (c->descriptions && j == v && ends_in_ing(c, i) &&
               !is_punct(c, v - 1, ':')) {
      /* the quote sits inside the opening phrase ('Bemoaning the "phony
       * system," Trump accused ...'): the subject follows the phrase's
       * comma, wherever the quote ends */
      int32_t end = (int32_t)c->doc->tokens.sent[c->tok[v].sent].end;
      for (j = v; j < end && j < v + BEFORE_MAX && !is_punct(c, j, ','); j++)
        ;
      if (is_punct(c, j, ',')) {
        int32_t k = j + 1;
        while (k < end && c->tok[k].type == WS_TOK_QUOTE)
          k++;
        span r = at_np_starting(c, k, end);
        if (r.s >= 0 && c->in_quote[r.s] < 0 && is_word(c, r.e) &&
            !is_cap(c, r.e) && (is_cap(c, r.e - 1) || inc(c, r.s, C_SUBJ)))
          return r;
      }
      return NO_SPAN;
    }
  }
  /* a date opening the clause with no comma: "On September 27 they" */
  if (lead)
    while (i < v && (ws_lex_is_date_word(c->doc->text + c->tok[i].start,
                                         c->tok[i].core_end - c->tok[i].start) ||
                     c->tok[i].type == WS_TOK_NUMBER))
      i++;
  span r = at_np_starting(c, i, v);
  if (r.s >= 0 && c->in_quote[r.s] < 0) {
    /* "Another critic, Lena Vik, likened": the name in the apposition */
    if (c->descriptions && !is_cap(c, r.e - 1) && is_punct(c, r.e, ',')) {
      span n = at_np_starting(c, r.e + 1, v);
      if (n.s >= 0 && is_punct(c, n.e, ',') && is_cap(c, n.e - 1) &&
          c->doc->tok_mention[n.e - 1] >= 0)
        return n;
    }
    /* the phrase must be the subject: followed by its verb, not a comma
     * opening an adverbial */
    return r;
  }
  return NO_SPAN;
}

/* '"...," X shot back.' / '"...?" a staffer wondered aloud.': after a
 * quote that ends in a comma, question or exclamation mark, a subject and
 * a verb outside the lexicon that close the sentence are an attribution
 * too (the verb is the only thing that can follow the quote there). */
static int after_any_verb(const ctx *c, int32_t lo, int last_inner_stop,
                          attr *a) {
  if (last_inner_stop || lo >= c->n || (c->tok[lo].flags & WS_TF_PARA))
    return 0;
  /* a quote ending in '?' or '!' makes the next word open a sentence,
   * yet '"...?" Holm pressed.' is one: only the quote may end there */
  if ((c->tok[lo].flags & WS_TF_SENT) &&
      !(lo >= 2 && c->tok[lo - 1].type == WS_TOK_QUOTE &&
        (is_punct(c, lo - 2, '?') || is_punct(c, lo - 2, '!'))))
    return 0;
  span np = NO_SPAN;
  if (is_word(c, lo) && !is_cap(c, lo) && !inc(c, lo, C_NPSTOP) &&
      c->tok[lo].end - c->tok[lo].start > 3 &&
      memcmp(c->doc->text + c->tok[lo].end - 2, "ed", 2) == 0) {
    /* '"This is fantastic!" beamed X.' */
    span inv = at_np_starting(c, lo + 1, c->n);
    if (inv.s >= 0 && inv.e - inv.s <= 6 && is_cap(c, inv.e - 1) &&
        (ends_sentence(c, inv.e) || is_punct(c, inv.e, ',') || inv.e >= c->n)) {
      a->np = inv;
      a->cue.s = lo, a->cue.e = lo + 1;
      return 1;
    }
  }
  np = at_np_starting(c, lo, c->n);
  if (np.s < 0 || np.e - np.s > 6)
    return 0;
  int32_t v = np.e;
  if (!is_word(c, v) || is_cap(c, v) || inc(c, v, C_NPSTOP) ||
      inc(c, v, C_DET))
    return 0;
  int32_t e = v + 1;
  if (is_word(c, e) && !is_cap(c, e) && e < v + 3 &&
      (inc(c, e, C_FILLER) || isw(c, e, W_BACK) || isw(c, e, W_UP) ||
       isw(c, e, W_OUT) || isw(c, e, W_IN) || isw(c, e, W_ON)))
    e++;
  if (!(ends_sentence(c, e) || is_punct(c, e, ',') || e >= c->n ||
        (isw(c, e, W_AND) && !(c->tok[e].flags & WS_TF_CAP))))
    return 0;
  a->np = np;
  a->cue.s = v, a->cue.e = e;
  return 1;
}

/* Searches after the closing mark at ct. */
static int find_after(const ctx *c, int32_t ct, int last_inner_stop,
                      attr *a) {
  int32_t i = ct + 1;
  /* a trailing dash line: "..." — X, on the same line or the next */
  if (is_dash(c, i) && (is_cap(c, i + 1) || c->doc->tok_mention[i + 1] >= 0)) {
    a->np = at_np_starting(c, i + 1, c->n);
    a->cue.s = i, a->cue.e = i + 1;
    if (a->np.s >= 0 && (c->tok[i].flags & WS_TF_PARA)) {
      /* on a line of its own it must hold only the name */
      int32_t e = a->np.e;
      while (e < c->n && e < a->np.e + 8 && !(c->tok[e].flags & WS_TF_LINE) &&
             c->tok[e].type == WS_TOK_PUNCT)
        e++;
      if (e < c->n && !(c->tok[e].flags & WS_TF_LINE) &&
          !is_punct(c, e, ','))
        return 0;
    }
    return a->np.s >= 0;
  }
  if (i < c->n && (c->tok[i].flags & WS_TF_PARA))
    return 0;
  if (i < c->n && (c->tok[i].flags & WS_TF_SENT) && last_inner_stop) {
    /* '"... missing." Trump said.': a sentence of nothing but a name and
     * a verb of saying can only attribute the quote before it */
    span np = at_np_starting(c, i, c->n);
    int f;
    int32_t l;
    if (np.s < 0 || np.e - np.s > 4 || !cue_at(c, np.e, &f, &l) ||
        !(f & WS_CUE_SPEECH) || (f & (WS_CUE_PART | WS_CUE_PRESENT)) ||
        !ends_sentence(c, l + 1) || c->tok[np.e].type != WS_TOK_WORD)
      return 0;
    a->np = np;
    a->cue.s = np.e, a->cue.e = l + 1;
    return 1;
  }
  if (is_punct(c, i, ','))
    i++;
  int32_t lo = i;
  for (int32_t v = i; v < c->n && v < lo + AFTER_MAX; v++) {
    if (v > lo && c->tok[v].type == WS_TOK_QUOTE && !plural_possessive(c, v)) {
      /* '"...," X, wearing "Vik 2016" pins, said': a few quoted words
       * inside the phrase between the quote and its cue */
      int32_t e = at_quoted_words_end(c, v, lo + AFTER_MAX);
      if (e > v) {
        v = e;
        continue;
      }
    }
    if ((v > lo && (c->tok[v].flags & WS_TF_PARA)) || ends_sentence(c, v) ||
        (c->tok[v].type == WS_TOK_QUOTE && !plural_possessive(c, v)) ||
        c->in_quote[v] >= 0)
      break;
    int f;
    int32_t l;
    if (!cue_at(c, v, &f, &l) || !(f & WS_CUE_SPEECH))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (isw(c, v, W_ACCORDING)) {
      a->np = at_source_of(c, l + 1, c->n);
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
      a->np = at_np_starting(c, l + 1, c->n);
      return a->np.s >= 0;
    }
    a->np = at_subject_before(c, v, lo);
    if (a->np.s >= 0 && a->np.s == lo)
      return 1;
    if (a->np.s >= 0 && a->np.s > lo) {
      /* only a title or an apposition may stand before the subject:
       * '"...," political scientist X said', '"...," his wife, X, said' */
      int ok = a->np.s - lo <= 12;
      for (int32_t j = lo; j < a->np.s; j++)
        if (!is_word(c, j) && !is_punct(c, j, ','))
          ok = 0;
      if (ok)
        return 1;
    }
    return 0;
  }
  return after_any_verb(c, lo, last_inner_stop, a);
}

/* The speaker of a cue at v (flags f, last token l) found before the
 * quote opening at ot; 1 when one is found. */
static int speaker_of_cue_before(const ctx *c, int32_t v, int32_t l, int f,
                                 int32_t ot, int32_t lo, attr *a) {
  a->cue.s = v, a->cue.e = l + 1;
  if (isw(c, v, W_ACCORDING)) {
    a->np = at_source_of(c, l + 1, ot);
    return a->np.s >= 0;
  }
  if (isw(c, v - 1, W_AS) && isw(c, v - 2, W_QUOTED)) {
    /* passive: "X was quoted as saying" */
    a->np = at_subject_before(c, v - 2, lo);
    return a->np.s >= 0;
  }
  if ((f & WS_CUE_PART) &&
      (is_cap(c, v - 1) || c->doc->tok_mention[v - 1] >= 0)) {
    /* "footage of X asking", "with Y saying": the name before it */
    span n = at_np_ending(c, v - 1, lo);
    if (n.s >= 0) {
      a->np = n;
      return 1;
    }
  }
  if ((f & WS_CUE_PART) || isw(c, v - 1, W_AND) ||
      isw(c, v - 1, W_BUT)) {
    /* "X welcomed it, saying", "X met Y and thanked Z for its" */
    a->np = at_clause_subject(c, v, lo);
    return a->np.s >= 0;
  }
  a->np = at_subject_before(c, v, lo);
  if (a->np.s < 0 && (f & WS_CUE_INVERT) &&
      ((c->tok[v].flags & WS_TF_SENT) || is_punct(c, v - 1, ',') ||
       inc(c, v - 1, C_CAPSTOP)))
    a->np = at_np_starting(c, l + 1, ot); /* 'But, said X, "..."' */
  return a->np.s >= 0;
}

/* The nearest cue of saying before token v (in [lo, v)) whose subject
 * is found and is no restrictive relative pronoun; 1 when found. */
static int find_before_outer(const ctx *c, int32_t ot, int32_t v, int32_t lo,
                             attr *a) {
  for (int32_t u = v - 1; u >= lo; u--) {
    int f;
    int32_t l;
    if (c->in_quote[u] >= 0 || c->tok[u].type == WS_TOK_QUOTE ||
        !cue_at(c, u, &f, &l) || !(f & WS_CUE_SPEECH))
      continue;
    attr b = {NO_SPAN, NO_SPAN, -1, 0};
    if (speaker_of_cue_before(c, u, l, f, ot, lo, &b) &&
        !(b.np.e - b.np.s == 1 && inc(c, b.np.s, C_REL))) {
      *a = b;
      return 1;
    }
  }
  return 0;
}

/* Searches the sentence before the opening mark at ot: the nearest cue
 * of saying or naming. */
static int find_before(const ctx *c, int32_t ot, attr *a) {
  int32_t lo = (int32_t)c->doc->tokens.sent[c->tok[ot].sent].first;
  if (ot - lo > BEFORE_MAX)
    lo = ot - BEFORE_MAX;
  for (int32_t v = ot - 1; v >= lo; v--) {
    if (c->in_quote[v] >= 0 || c->tok[v].type == WS_TOK_QUOTE)
      continue;
    int f;
    int32_t l;
    /* a cue whose subject cannot be found ("some have argued") may sit
     * inside the clause of an outer one ("He said that ..."): go on */
    if (cue_at(c, v, &f, &l) && (f & (WS_CUE_SPEECH | WS_CUE_NAMING)) &&
        speaker_of_cue_before(c, v, l, f, ot, lo, a)) {
      /* "saying anybody who complains "..."": a cue in a restrictive
       * relative clause (no comma before "who") of a common noun sits
       * inside an outer phrase; the quote's cue is further out */
      if (a->np.e - a->np.s == 1 && inc(c, a->np.s, C_REL) &&
          !is_punct(c, a->np.s - 1, ',') && v - 1 > lo &&
          !is_cap(c, a->np.s - 1) && c->doc->tok_mention[a->np.s - 1] < 0) {
        attr out = *a; /* kept unless an outer cue has a subject */
        if (find_before_outer(c, ot, v, lo, a))
          return 1;
        *a = out;
        return 1;
      }
      /* a cue inside a reported clause ("X said that Y described it as
       * "..."", "X said she recalled thinking "...""): the quote is part
       * of X's report */
      /* (a relative clause is no reported clause: "asked the agency
       * which said" is the agency's) */
      /* (nor is a participle's phrase: "footage of X saying "..."") */
      for (int32_t u = v - 1;
           u >= lo && !(a->np.e - a->np.s == 1 && inc(c, a->np.s, C_REL)) &&
           !((f & WS_CUE_PART) && a->np.e == v &&
             (isw(c, a->np.s - 1, W_OF) || isw(c, a->np.s - 1, W_WITH)));
           u--) {
        int g;
        int32_t m;
        if (c->in_quote[u] >= 0 || !cue_at(c, u, &g, &m))
          continue;
        attr b = {NO_SPAN, NO_SPAN, -1, 0};
        /* the inner cue must sit in the outer one's clause: no comma
         * between them (a comma closes "When I emailed him, he replied") */
        int comma = 0; /* also a dash, or "as"/"when" opening a clause */
        for (int32_t j = m + 1; j < v && !comma; j++)
          comma = is_punct(c, j, ',') ||
                  (is_dash(c, j) && c->tok[j].cp != '-') ||
                  (j == a->np.s - 1 && inc2(c, j, C2_SUBORD));
        if ((g & WS_CUE_SPEECH) && (g & WS_CUE_CLAUSE) && !(g & WS_CUE_PART) &&
            !is_punct(c, m + 1, ',') && !ends_sentence(c, m + 1) && !comma &&
            speaker_of_cue_before(c, u, m, g, ot, lo, &b))
          *a = b;
        break;
      }
      return 1;
    }
  }
  a->cue = a->np = NO_SPAN;
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
        !(f & (WS_CUE_SPEECH | WS_CUE_NAMING)))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (isw(c, v, W_ACCORDING))
      a->np = at_source_of(c, l + 1, colon);
    else
      a->np = (f & WS_CUE_PART) ? at_clause_subject(c, v, lo)
                                : at_subject_before(c, v, lo);
    if (a->np.s < 0 && (f & WS_CUE_INVERT))
      a->np = at_np_starting(c, l + 1, colon); /* "Stated Stone:" */
    if (a->np.s >= 0)
      return 1;
    break;
  }
  /* "President X released the following statement:": the lead-in's
   * subject */
  a->cue = NO_SPAN;
  a->np = at_clause_subject(c, colon, lo);
  return a->np.s >= 0 && (is_cap(c, a->np.e - 1) ||
                          c->doc->tok_mention[a->np.e - 1] >= 0 ||
                          inc(c, a->np.s, C_SUBJ));
}

/* '"..." Vik said. Berg agreed. "Nothing will change."': a sentence of
 * only a subject and a verb of saying, with no quote of its own, in the
 * quote's paragraph, introduces the quote that follows it; so does a
 * report closed by its speaker ('The plan is late, Vik said. "..."'),
 * whose words the quote goes on with. */
static int find_lead_sentence(const ctx *c, int32_t ot, attr *a) {
  int32_t stop = ot - 1;
  if (!is_punct(c, stop, '.') || (c->tok[ot].flags & WS_TF_PARA))
    return 0;
  int32_t v = stop - 1;
  if (is_ly_adverb(c, v))
    v--;
  int f;
  int32_t l;
  /* '..., said Schiff. "..."': a report closed by an inverted cue (a
   * sentence with a quote of its own is a running quotation instead) */
  int32_t sfirst = (int32_t)c->doc->tokens.sent[c->tok[stop].sent].first;
  int quoted = stop - sfirst > 2 * BEFORE_MAX;
  for (int32_t i = sfirst; i < stop && !quoted; i++)
    quoted = c->tok[i].type == WS_TOK_QUOTE && !plural_possessive(c, i);
  for (int32_t k = v; !quoted && k > v - 6 && k > 0 && is_word(c, k); k--)
    if (cue_at(c, k, &f, &l) && (f & WS_CUE_SPEECH) && (f & WS_CUE_INVERT) &&
        !(f & (WS_CUE_PART | WS_CUE_OBJECT)) && is_punct(c, k - 1, ',')) {
      /* (not "..., X, told CNN.": that names a listener) */
      span np = at_np_starting(c, l + 1, stop);
      if (np.s < 0 || np.e != (is_ly_adverb(c, stop - 1) ? stop - 1 : stop) ||
          !(is_cap(c, np.e - 1) || c->doc->tok_mention[np.e - 1] >= 0))
        break;
      a->np = np;
      a->cue.s = k, a->cue.e = l + 1;
      return 1;
    }
  if (!cue_at(c, v, &f, &l) || l != v || !(f & WS_CUE_SPEECH) ||
      (f & WS_CUE_PART))
    return 0;
  {
    /* '..., Schiff said. "..."': a report closed by its speaker and cue */
    span np = at_subject_before(c, v, v - NP_MAX > 0 ? v - NP_MAX : 0);
    if (!quoted && np.s > 0 && is_punct(c, np.s - 1, ',') && np.e == v &&
        (is_cap(c, np.e - 1) || c->doc->tok_mention[np.e - 1] >= 0 ||
         inc(c, np.s, C_SUBJ))) {
      a->np = np;
      a->cue.s = v, a->cue.e = v + 1;
      return 1;
    }
  }
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[v].sent].first;
  if (v - first > NP_MAX + 2)
    return 0; /* a lead sentence is short; this also bounds the scan */
  for (int32_t i = first; i < v; i++)
    if (c->tok[i].type == WS_TOK_QUOTE && !plural_possessive(c, i))
      return 0;
  span np = at_subject_before(c, v, first);
  if (np.s != first && !(np.s > first && inc(c, first, C_CAPSTOP) &&
                         np.s - first <= 2))
    return 0; /* the sentence is the subject and its verb */
  if (!is_cap(c, np.e - 1) && c->doc->tok_mention[np.e - 1] < 0 &&
      !inc(c, np.s, C_SUBJ))
    return 0;
  a->np = np;
  a->cue.s = v, a->cue.e = v + 1;
  return 1;
}

/* ------------------------------------------------------------ the driver */

/* The first token starting at or after off (c->n when none): a lower
 * bound by halving, whose step is a conditional move rather than a branch
 * (Khuong and Morin, "Array layouts for comparison-based searching"):
 * its direction is a coin toss every step, and the branch mispredicted. */
int32_t at_tok_at_or_after(const ctx *c, uint32_t off) {
  if (c->n <= 0)
    return 0;
  const ws_token *base = c->tok;
  size_t n = (size_t)c->n;
  while (n > 1) {
    size_t half = n / 2;
    base = base[half].start < off ? base + half : base;
    n -= half;
  }
  return (int32_t)(base - c->tok) + (base->start < off);
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
  int words = 0;
  for (int32_t i = s; i < e; i++) {
    if (!is_word(c, i))
      continue;
    words++;
    if (!is_cap(c, i) && !inc(c, i, C_SMALL))
      return 0;
  }
  return words > 0 && words <= 6;
}

/* 1 when the short quote opening at token ot is a partial quotation
 * rather than a scare quote: the complement of "as" ("seen as a "lifeboat"",
 * "introduced him as "a fighter"") or of a verb of naming a few words back
 * ("calls the issue "a priority"").  A scare quote is the writer's own
 * distance from a word; these constructions report how someone put it
 * (the sense of partial quotation in the AP Stylebook, "quotation marks").
 * Returns 1 for "as" and naming verbs (attributed like any partial quote
 * inside a clause), 2 inside a that-clause (left to the reported statement
 * around it, which knows the speaker better than the clause subject),
 * 0 otherwise. */
static int partial_quotation(const ctx *c, int32_t ot) {
  int32_t i = ot - 1;
  int32_t lo = ot - 3;
  while (i > lo && i > 0 && word_in(c, i, ws_words_quote_determiners))
    i--;
  if (isw(c, i, W_AS))
    return 1;
  for (int32_t j = ot - 1; j >= 0 && j >= ot - 6; j--) {
    if (c->tok[j].type == WS_TOK_QUOTE || ends_sentence(c, j))
      break;
    if (word_in(c, j, ws_words_naming_verbs))
      return 1;
  }
  /* inside a that-clause ("the claim that there were "thousands" of
   * them", "a report that he "fabricated" it"): the content of a
   * statement, whose quoted words are the speaker's */
  for (int32_t j = ot - 1; j > 0 && j >= ot - 6; j--) {
    if (c->tok[j].type != WS_TOK_WORD)
      break;
    if (isw(c, j, W_THAT))
      return word_in(c, j - 1, ws_words_so_words) ? 0 : 2;
  }
  return 0;
}

/* Short quotes dropped as possible scare quotes are set aside here; one
 * that lies inside a reported statement is a partial quotation of that
 * statement's speaker ("Vik said the plan was "dead on arrival" for the
 * town"): the writer marks the speaker's own words inside the paraphrase
 * (AP Stylebook, "quotation marks": partial quotes).  Titles of works and
 * nicknames (title-cased) stay out even there. */
/* 1 when the title-cased quote opening a sentence, with its last content
 * token at inner and its closing mark at ct, is a name used as a word of
 * that sentence ("Harbour Nights" star Lena Vik, "Harbour Nights" is a
 * drama): no punctuation closes it and a lowercase word that is not a
 * pronoun follows, with no cue in the next few words.  A quotation opening
 * a sentence ends in punctuation or is followed by its cue ("Never Again"
 * the mayor said). */
static int title_in_sentence(const ctx *c, int32_t inner, int32_t ct) {
  if (ct + 1 >= c->n || c->tok[inner].type == WS_TOK_PUNCT ||
      !is_word(c, ct + 1) || is_cap(c, ct + 1) || inc(c, ct + 1, C_SUBJ))
    return 0;
  for (int32_t i = ct + 1; i < c->n && i <= ct + 4; i++) {
    int f;
    int32_t l;
    if (c->tok[i].type == WS_TOK_PUNCT || c->tok[i].type == WS_TOK_QUOTE)
      break;
    if (cue_at(c, i, &f, &l))
      return 0;
  }
  return 1;
}

static int by_start(const void *x, const void *y);

static int readmit_partials(ws_doc *doc, const ws_quote *held,
                            const uint8_t *held_that, size_t nh,
                            size_t n_direct) {
  if (!nh)
    return WS_OK;
  size_t nr = doc->quotes.len - n_direct;
  ws_quote *rep = ws_arena_alloc(doc->arena, (nr ? nr : 1) * sizeof *rep);
  if (!rep)
    return WS_ENOMEM;
  if (nr)
    memcpy(rep, (ws_quote *)doc->quotes.items + n_direct, nr * sizeof *rep);
  qsort(rep, nr, sizeof *rep, by_start);
  for (size_t h = 0; h < nh; h++) {
    int placed = 0;
    /* the last statement starting at or before the quote, and a few
     * before it (statements rarely nest deeper) */
    size_t lo = 0, hi = nr;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (rep[mid].start <= held[h].start)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t r = lo, tries = 0; r > 0 && tries < 4; r--, tries++) {
      const ws_quote *st = &rep[r - 1];
      if (st->kind != WS_QUOTE_REPORTED || st->end < held[h].end)
        continue;
      ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
      if (!q)
        return WS_ENOMEM;
      *q = held[h];
      q->speaker = st->speaker;
      q->speaker_start = st->speaker_start;
      q->speaker_end = st->speaker_end;
      q->cue_start = st->cue_start;
      q->cue_end = st->cue_end;
      placed = 1;
      break;
    }
    if (!placed && held_that[h]) {
      /* inside a that-clause no statement was found for: a partial
       * quotation with no speaker recovered */
      ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
      if (!q)
        return WS_ENOMEM;
      *q = held[h];
      q->speaker = -1;
      q->speaker_start = q->speaker_end = q->cue_start = q->cue_end = 0;
    }
  }
  return WS_OK;
}

static int by_start(const void *x, const void *y) {
  const ws_quote *a = x, *b = y;
  return (a->start > b->start) - (a->start < b->start);
}

/* 1 when q[a..b) is in text order. */
static int in_order(const ws_quote *q, size_t a, size_t b) {
  for (size_t i = a + 1; i < b; i++)
    if (q[i - 1].start > q[i].start)
      return 0;
  return 1;
}

/* Puts the quotes in text order: the n_direct direct quotes come first in
 * text order, the reported ones after them in the order found, most
 * often in text order too; two such runs are merged (in linear time, as a
 * stable sort orders them), anything else is sorted. */
static void sort_quotes(ws_doc *doc, size_t n_direct) {
  ws_quote *q = doc->quotes.items;
  size_t n = doc->quotes.len;
  if (n_direct > n || !in_order(q, 0, n_direct) || !in_order(q, n_direct, n)) {
    qsort(q, n, sizeof *q, by_start);
    return;
  }
  if (n_direct == 0 || n_direct == n || q[n_direct - 1].start <= q[n_direct].start)
    return; /* already in order */
  ws_quote *tmp = ws_arena_alloc(doc->arena, n * sizeof *tmp);
  if (!tmp) {
    qsort(q, n, sizeof *q, by_start);
    return;
  }
  size_t i = 0, j = n_direct, o = 0;
  while (i < n_direct && j < n)
    tmp[o++] = q[j].start < q[i].start ? q[j++] : q[i++];
  while (i < n_direct)
    tmp[o++] = q[i++];
  while (j < n)
    tmp[o++] = q[j++];
  memcpy(q, tmp, n * sizeof *q);
}

/* The pass over one document (declared in doc.h): at_classify(); the
 * token span of each direct quote; then quote by quote, in text order,
 * the search for its cue and speaker (after and before it, a lead-in, a
 * lead sentence, the clause subject, a running quotation) or its drop as
 * a scare quote or title; then titles of works among the kept ones;
 * then reported speech (at_reported()) and the readmission of short
 * quotes inside reported statements.  One function of about 220 lines:
 * the per-quote search reads and writes the arrays of this pass
 * (open/close tokens, keep, that_clause, prev) and the order of its
 * fallbacks is the attribution rule itself, best read in one place.
 * WS_OK, or WS_ENOMEM when the arena is out of memory. */
int ws_attrib_resolve(ws_doc *doc) {
  ctx c = {.doc = doc, .tok = doc->tokens.tok, .n = (int32_t)doc->tokens.n,
           .last_ent = -1, .last_tok = -1, .persons = at_any_person(doc),
           .budget = 64 * (int64_t)doc->tokens.n + 100000};
  if (doc->tokens.n > INT32_MAX / 2)
    return WS_ENOMEM;
  int rc0 = at_classify(&c);
  if (rc0)
    return rc0;
  c.gender = ws_arena_calloc(doc->arena, doc->entities.len ? doc->entities.len : 1, 1);
  if (!c.gender)
    return WS_ENOMEM;
  c.in_quote = ws_arena_alloc(doc->arena, (doc->tokens.n ? doc->tokens.n : 1) *
                                              sizeof(int32_t));
  if (!c.in_quote)
    return WS_ENOMEM;
  /* all bytes 0xff: -1 in every int32_t (two's complement, C11 7.20.1.1) */
  memset(c.in_quote, 0xff, (size_t)c.n * sizeof(int32_t));
  ws_quote *qs = doc->quotes.items;
  size_t nq = doc->quotes.len;
  int32_t *open_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *open_tok);
  int32_t *close_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *close_tok);
  uint8_t *keep = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  uint8_t *that_clause = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  /* the tokens at or after each quote's start and end, searched once */
  int32_t *start_tok = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *start_tok);
  int32_t *end_tok = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *end_tok);
  if (!open_tok || !close_tok || !keep || !that_clause || !start_tok || !end_tok)
    return WS_ENOMEM;
  for (size_t k = 0; k < nq; k++) {
    int32_t f = start_tok[k] = at_tok_at_or_after(&c, qs[k].start);
    int32_t e = end_tok[k] = at_tok_at_or_after(&c, qs[k].end);
    /* a doubled mark ('' for ") spans two tokens */
    if (f >= 2 && c.tok[f - 2].type == WS_TOK_QUOTE &&
        c.tok[f - 2].end == c.tok[f - 1].start)
      f--;
    if (e + 1 < c.n && c.tok[e + 1].type == WS_TOK_QUOTE &&
        c.tok[e + 1].start == c.tok[e].end && c.tok[e + 1].cp == c.tok[e].cp)
      e++;
    open_tok[k] = f - 1;
    close_tok[k] = e;
    for (int32_t i = f; i < e; i++)
      c.in_quote[i] = (int32_t)k;
    qs[k].speaker = -1;
  }
  int32_t prev = -1; /* the previous attributed quote */
  c.descriptions = 1;
  for (size_t k = 0; k < nq; k++) {
    ws_quote *q = &qs[k];
    int32_t ot = open_tok[k], ct = close_tok[k];
    int32_t inner = end_tok[k] - 1; /* last content token */
    int stop = ends_sentence(&c, inner) && !is_punct(&c, inner, ';') &&
               !is_punct(&c, inner, '?') && !is_punct(&c, inner, '!');
    attr a = {NO_SPAN, NO_SPAN, -1, 0};
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts_sentence = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    /* A quotation is long enough to be one, or ends its clause (partial
     * quotes close a sentence or clause: called it a "great meeting."),
     * or has a cue close by; a scare quote sits inside a phrase (the "sex
     * tape" reference) with no cue of its own. */
    int32_t words = 0;
    for (int32_t i = ot + 1; i < ct; i++)
      words += is_word(&c, i);
    int clause_final = c.tok[inner].type == WS_TOK_PUNCT ||
                       ct + 1 >= c.n || c.tok[ct + 1].type == WS_TOK_PUNCT ||
                       (c.tok[ct + 1].flags & WS_TF_SENT);
    int short_mid = words <= SCARE_WORDS && !clause_final && !starts_sentence;
    int cue_seen = 0; /* any cue in the sentence around the quote */
    if (short_mid) {
      int32_t s0 = sent_first > ot - BEFORE_MAX ? sent_first : ot - BEFORE_MAX;
      int32_t s1 =
          (int32_t)doc->tokens.sent[c.tok[ct < c.n ? ct : c.n - 1].sent].end;
      if (s1 > ct + AFTER_MAX)
        s1 = ct + AFTER_MAX;
      for (int32_t i = s0; i < s1 && !cue_seen; i++) {
        int f;
        int32_t l;
        cue_seen = c.in_quote[i] < 0 && cue_at(&c, i, &f, &l);
      }
      int pq = cue_seen ? 0 : partial_quotation(&c, ot);
      if (pq == 1)
        short_mid = 0; /* reads as someone's words, not a scare quote */
      that_clause[k] = pq == 2;
    }
    int found = 0;
    if (starts_sentence) {
      found = find_after(&c, ct, stop, &a) || find_before(&c, ot, &a);
    } else {
      /* '... because "...," she said': a cue right after the closing
       * mark is the quote's own, whatever came before */
      /* counted from the first word after the closing mark and its
       * comma, so that '..., ' and '...',' (American and British comma
       * placement, Chicago Manual 6.9) read alike */
      int32_t lo_after = ct + 1 + (ct + 1 < c.n && is_punct(&c, ct + 1, ','));
      found = find_after(&c, ct, stop, &a) && a.cue.s >= 0 &&
              a.cue.s <= lo_after + IMMEDIATE - 1;
      if (found && ends_sentence(&c, a.cue.e)) {
        /* 'X thanked Y for its "...," Z reported.': a partial quote in a
         * clause with its own subject and verb of saying is that
         * subject's words; the trailing source reports the whole
         * sentence (and is credited with it as a reported statement) */
        attr b = {NO_SPAN, NO_SPAN, -1, 0};
        /* (the quote continues that clause: no comma before its
         * opening mark, which would set it apart as the words of the
         * trailing speaker, 'When X offered it, "...," Z said'; and the
         * subject is a name or a personal pronoun, not 'who') */
        if (!is_punct(&c, ot - 1, ',') && find_before(&c, ot, &b) &&
            b.cue.s >= sent_first && b.np.s >= sent_first && b.np.e <= ot &&
            (is_cap(&c, b.np.e - 1) || inc(&c, b.np.s, C_SUBJ)) &&
            !inc(&c, b.np.s - 1, C_DET)) {
          /* (a name after an article modifies a noun, 'the March states
           * account for': no subject, and 'states' no verb) */
          /* (with no comma between the cue and the quote: a comma
           * closes the cue's clause, '... are asked to rank them, and
           * the group is "...," Z said') */
          /* (nor a subordinator or 'that': the quote then opens a clause
           * of its own, 'X said it was safe because "...," Z added') */
          int32_t j = b.cue.e;
          while (j < ot && !is_punct(&c, j, ',') && !ends_sentence(&c, j) &&
                 !inc2(&c, j, C2_SUBORD) && !isw(&c, j, W_THAT) &&
                 !word_in(&c, j, ws_words_clause_openers))
            j++;
          if (j == ot)
            a = b;
        }
      }
      if (!found)
        found = find_before(&c, ot, &a) || find_after(&c, ct, stop, &a);
    }
    if (!found) {
      a.np = a.cue = NO_SPAN; /* nothing half-found is kept */
      found = find_leadin(&c, ot, &a);
    }
    if (!found && ot > 0 && is_punct(&c, ot - 1, ':') &&
        !(c.tok[ot].flags & WS_TF_PARA)) {
      /* 'X boomed: "..."': the subject of the clause before the colon */
      a.cue = NO_SPAN;
      a.np = at_clause_subject(&c, ot - 1, 0);
      found = a.np.s >= 0;
    }
    if (!found && starts_sentence && words > SCARE_WORDS)
      found = find_lead_sentence(&c, ot, &a);
    if (!found && !starts_sentence && !short_mid) {
      /* a partial quote inside a clause: 'X accused Y of being "..."' is
       * attributed to the clause's subject (a few words inside a phrase
       * with no cue of their own are scare quotes: the "undercard"
       * debate) */
      a.cue = NO_SPAN;
      a.np = at_clause_subject(&c, ot, 0);
      found = a.np.s >= 0 && (is_cap(&c, a.np.e - 1) ||
                              inc(&c, a.np.s, C_SUBJ));
    }
    if (found) {
      a.ent = at_resolve(&c, a.np);
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
      if (p - pp <= 1 && words > SCARE_WORDS) {
        const ws_quote *pq = &qs[prev];
        q->speaker = pq->speaker;
        q->speaker_start = pq->speaker_start;
        q->speaker_end = pq->speaker_end;
        keep[k] = 1;
        continue;
      }
    }
    /* a title-cased line of its own in quotation marks is a section
     * heading ('All Bets Are Off.'), not a quotation */
    int own_line = (c.tok[ot].flags & WS_TF_PARA) &&
                   (ct + 1 >= c.n || (c.tok[ct + 1].flags & WS_TF_PARA));
    keep[k] = (!short_mid || cue_seen) &&
              !(title_like(&c, ot + 1, ct) && (!starts_sentence || own_line));
  }
  /* titles of works with a cue nearby ("said on CBS's "Face the Nation"")
   * and nicknames are not quotes either */
  size_t w = 0, nh = 0;
  ws_quote *held = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *held);
  uint8_t *held_that = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  if (!held || !held_that)
    return WS_ENOMEM;
  for (size_t k = 0; k < nq; k++) {
    int32_t ot = open_tok[k];
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    int title = title_like(&c, ot + 1, close_tok[k]);
    if (keep[k] && !starts && title)
      keep[k] = 0;
    if (keep[k] && starts && title &&
        title_in_sentence(&c, at_tok_at_or_after(&c, qs[k].end) - 1,
                          close_tok[k]))
      keep[k] = 0;
    if (keep[k]) {
      start_tok[w] = start_tok[k], end_tok[w] = end_tok[k];
      qs[w++] = qs[k];
    } else if (!title && !starts) {
      held_that[nh] = that_clause[k];
      held[nh++] = qs[k];
    }
  }
  doc->quotes.len = w;
  /* rebuild in_quote for the kept quotes */
  memset(c.in_quote, 0xff, (size_t)c.n * sizeof(int32_t));
  for (size_t k = 0; k < w; k++)
    for (int32_t i = start_tok[k]; i < end_tok[k]; i++)
      c.in_quote[i] = (int32_t)k;
  c.last_ent = c.last_tok = -1;
  c.descriptions = 0;
  int rc = at_reported(&c, w);
  if (!rc)
    rc = readmit_partials(doc, held, held_that, nh, w);
  if (rc)
    return rc;
  if (doc->quotes.len > 1)
    sort_quotes(doc, w);
  return WS_OK;
}

