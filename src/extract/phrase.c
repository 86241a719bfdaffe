/*
 * phrase.c - noun phrases: the speaker phrase before or after a cue.
 *
 * A speaker is a noun phrase next to the cue: a mention, a capitalized
 * run, a pronoun, a poll share ("47 percent say", "six in 10 say"), a
 * lone quantifier ("some say") or a description ("the Qatari minister").
 * at_np_ending() reads a phrase back from its last token, at_np_starting()
 * forward from its first, at_subject_before() finds a cue's subject across
 * auxiliaries, an age, a party tag, a time phrase and an apposition or
 * relative clause ("X, 54, a teacher, said"; "X (D-Md.), said"; "X on
 * Monday said").  A description opening a sentence ("The billionaire
 * businessman", "Another critic, X,") is read as a phrase; the object of
 * a preposition ("marching through the streets chanted") is no subject.
 * These functions only read spans: which entity a phrase names is
 * mention.c's question.  Every search is bounded by a fixed window.
 */
#include <stdint.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "words/words.h"

/* The subjects of poll findings, which name a share rather than a
 * speaker: "47 percent said", "47% say", "six in 10 say", "most of them
 * said".  A bare number is no subject ("in 2012 said"). */
span at_counted(const ctx *c, int32_t k, int32_t lo) {
  span r = NO_SPAN;
  int32_t s = -1;
  if ((isw(c, k, W_PERCENT) || is_punct(c, k, '%')) && k - 1 >= lo &&
      (is_number(c, k - 1) || (c->tok[k - 1].flags & WS_TF_HYPHEN)))
    s = k - 1; /* "Thirty-one percent" */
  else if (is_number(c, k) && isw(c, k - 1, W_IN) && is_number(c, k - 2) &&
           k - 2 >= lo)
    s = k - 2;
  else if (inc(c, k, C_OF_WHOM) && isw(c, k - 1, W_OF) && k - 2 >= lo &&
           is_word(c, k - 2) && !(c->tok[k - 2].flags & WS_TF_CAP))
    s = k - 2;
  if (s >= 0)
    r.s = s, r.e = k + 1;
  return r;
}

/* The noun phrase that ends at token k (inclusive), not before lo. */
span at_np_ending(const ctx *c, int32_t k, int32_t lo) {
  span r = NO_SPAN;
  if (k >= lo && (r = at_counted(c, k, lo)).s >= 0)
    return r;
  if (k < lo || !is_word(c, k))
    return r;
  if (inc(c, k, C_SUBJ) || inc(c, k, C_REL)) {
    r.s = k, r.e = k + 1;
    return r;
  }
  /* a quantifier standing alone before its verb: "some say" */
  if (inc(c, k, C_QUANT_PL | C_QUANT_SG) && k + 1 < c->n && c->f[k + 1].cue) {
    r.s = k, r.e = k + 1;
    return r;
  }
  if (c->doc->tok_mention[k] >= 0) {
    r.s = mention_first(c, k, lo), r.e = k + 1;
    /* titles before the name belong to the phrase (Foreign Minister X) */
    while (r.s - 1 >= lo && r.s > k - NP_MAX && is_cap(c, r.s - 1) &&
           !(c->tok[r.s - 1].flags & WS_TF_POSS) && !inc(c, r.s - 1, C_CAPSTOP))
      r.s--;
    while (r.s < k && inc(c, r.s, C_CAPSTOP))
      r.s++; /* "Monday Mayor X": a day is not part of the name */
    if (inc(c, r.s, C_CAPSTOP))
      return NO_SPAN;
    return r;
  }
  if (is_cap(c, k)) {
    int32_t s = k;
    while (s - 1 >= lo && s > k - NP_MAX &&
           (is_cap(c, s - 1) || inc(c, s - 1, C_PARTICLE)) &&
           !(c->tok[s - 1].flags & WS_TF_POSS))
      s--;
    while (s <= k && inc(c, s, C_CAPSTOP))
      s++;
    if (s > k)
      return r;
    r.s = s, r.e = k + 1;
    return r;
  }
  /* "the two write", "the three said": a number word as the head */
  if (inc(c, k, C_NUMWORD) && k - 1 >= lo && isw(c, k - 1, W_THE)) {
    r.s = k - 1, r.e = k + 1;
    return r;
  }
  /* a description: [det] [adjectives, Nationality, Name's] head */
  if (inc(c, k, C_DET) || inc(c, k, C_FILLER) ||
      inc(c, k, C_NPSTOP))
    return r;
  int32_t s = k;
  while (s - 1 >= lo && s > k - 6) {
    if (is_word(c, s - 1) && !inc(c, s - 1, C_NPSTOP) &&
        !inc(c, s - 1, C_FILLER) && !inc(c, s - 1, C_DET)) {
      s--;
      continue;
    }
    /* a plural possessive: "Sanders’ campaign", "the voters' choice" */
    if (s - 2 >= lo && c->tok[s - 1].type == WS_TOK_QUOTE &&
        !(c->tok[s - 1].flags & WS_TF_SPACE_B) && is_word(c, s - 2) &&
        c->doc->text[c->tok[s - 2].end - 1] == 's') {
      s -= 2;
      continue;
    }
    break;
  }
  if (s - 1 >= lo && inc(c, s - 1, C_DET) && !isw(c, s - 1, W_THAT)) {
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

/* 1 when token i is part of a mention of a place. */
int at_place_at(const ctx *c, int32_t i) {
  int32_t m = i >= 0 && i < c->n ? c->doc->tok_mention[i] : -1;
  return m >= 0 &&
         entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m].entity) ==
             WS_ENTITY_PLACE;
}

/* 1 when the place mention at i is followed by a person noun: "the
 * Hollywood columnist X", "Ohio Governor X". */
int at_place_modifies_person(const ctx *c, int32_t i) {
  int32_t m = c->doc->tok_mention[i];
  while (i < c->n && c->doc->tok_mention[i] == m)
    i++;
  return is_word(c, i) && at_person_noun(c, i);
}

/* When the mark at p closes a quote of at most four words that sits
 * inside a phrase (a word before its opening mark), the opening mark;
 * else -1. */
static int32_t quoted_words_start(const ctx *c, int32_t p, int32_t lo) {
  for (int32_t q = p - 1; q >= lo && q > p - 6; q--) {
    if (c->tok[q].type == WS_TOK_QUOTE)
      return q < p - 1 && is_word(c, q - 1) ? q : -1;
    if (!is_word(c, q) && c->tok[q].type != WS_TOK_NUMBER)
      return -1;
  }
  return -1;
}

/* When the mark at p opens a quote of at most four words inside a
 * phrase (a word before it, a word after its closing mark), the
 * closing mark; else -1. */
int32_t at_quoted_words_end(const ctx *c, int32_t p, int32_t hi) {
  if (!is_word(c, p - 1) || !c->descriptions)
    return -1;
  for (int32_t q = p + 1; q < hi && q < c->n && q < p + 6; q++) {
    if (c->tok[q].type == WS_TOK_QUOTE)
      return q > p + 1 && is_word(c, q + 1) ? q : -1;
    if (!is_word(c, q) && c->tok[q].type != WS_TOK_NUMBER)
      return -1;
  }
  return -1;
}

/* The subject of a cue at token v: the phrase before it, skipping
 * auxiliaries, a parenthesis (R-Fla.) and an apposition or relative clause
 * between commas ("X, the foreign minister, said"). */
span at_subject_before(const ctx *c, int32_t v, int32_t lo) {
  int32_t k = v - 1;
  int skipped = 0;
  while (k >= lo && skipped < 4 &&
         ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
    k--, skipped++;
  /* a time between subject and verb: "X at the time said", "X on Monday
   * said", "X last week said", "X yesterday said" */
  if (inc(c, k, C_TIMEW)) {
    int32_t j = k - 1;
    while (j >= lo && j > k - 4 && !inc(c, j, C_TIMELEAD) &&
           is_word(c, j) && !is_cap(c, j))
      j--;
    if (inc(c, j, C_TIMELEAD) && j >= lo && !(c->tok[j].flags & WS_TF_CAP))
      k = j - 1;
    else if (inc(c, k, C_TIMEALONE))
      k = k - 1;
    while (k >= lo && skipped < 4 &&
           ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
      k--, skipped++;
  }
  /* a year: "X, who in 2010 said" */
  if (k - 1 >= lo && c->tok[k].type == WS_TOK_NUMBER &&
      c->tok[k].end - c->tok[k].start == 4 && isw(c, k - 1, W_IN)) {
    k -= 2;
    while (k >= lo && skipped < 4 &&
           ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
      k--, skipped++;
  }
  if (is_punct(c, k, ')')) {
    int32_t p = k - 1;
    while (p >= lo && p > k - 10 && !is_punct(c, p, '('))
      p--;
    if (is_punct(c, p, '('))
      k = p - 1;
  }
  if (is_punct(c, k, ',') && is_punct(c, k - 1, ')')) {
    /* "Gov. X (R-Ohio), said": a party tag, then the verb */
    int32_t p = k - 2;
    while (p >= lo && p > k - 10 && !is_punct(c, p, '('))
      p--;
    if (is_punct(c, p, '(') && is_cap(c, p - 1))
      return at_np_ending(c, p - 1, lo);
  }
  if (is_punct(c, k, ',') || (is_dash(c, k) && c->tok[k].cp != '-')) {
    /* "X, the harbour master, said" / "X — a teacher — says" */
    int32_t sep = c->tok[k].cp;
    int32_t p = k - 1;
    while (p >= lo && p > k - APPOS_MAX && !is_punct(c, p, sep) &&
           !ends_sentence(c, p)) {
      if (c->tok[p].type == WS_TOK_QUOTE && !plural_possessive(c, p)) {
        /* a few quoted words inside the apposition ("wearing "Vik 2016"
         * pins") are skipped whole; any other mark ends the search */
        int32_t q = c->descriptions ? quoted_words_start(c, p, lo) : -1;
        if (q < 0)
          break;
        p = q;
      }
      p--;
    }
    if (!is_punct(c, p, sep))
      return NO_SPAN;
    /* an age before the apposition: "Lena Vik, 54, a teacher, said" */
    if (sep == ',' && p - 2 >= lo && c->tok[p - 1].type == WS_TOK_NUMBER &&
        is_punct(c, p - 2, ',')) {
      span who = at_np_ending(c, p - 3, lo);
      if (who.s >= 0 && is_cap(c, who.e - 1) && is_word(c, p + 1) &&
          !is_cap(c, p + 1))
        return who;
    }
    /* "the mayor, Lena Vik, said": the name in the apposition */
    span ap = at_np_ending(c, k - 1, p + 1);
    if (ap.s == p + 1 && is_cap(c, ap.e - 1) && !inc(c, ap.s, C_REL) &&
        !inc(c, ap.s, C_SUBJ) && !is_cap(c, p - 1))
      return ap;
    if (is_punct(c, p - 1, ')')) {
      /* "Rep. X (D-Md.), chair of the committee, said" */
      int32_t q = p - 2;
      while (q >= lo && q > p - 10 && !is_punct(c, q, '('))
        q--;
      if (is_punct(c, q, '(') && is_cap(c, q - 1))
        return at_np_ending(c, q - 1, lo);
    }
    span r = at_np_ending(c, p - 1, lo);
    if (sep == ',' && r.s >= 0 && at_place_at(c, r.e - 1) &&
        (inc(c, r.s - 1, C_TRAIL) || isw(c, r.s - 1, W_OF))) {
      /* "X, during a meeting in Columbus, Ohio, said": the place closes
       * a phrase that began after X's comma */
      int32_t q = r.s - 1;
      while (q >= lo && q > r.s - APPOS_MAX && !is_punct(c, q, ',') &&
             !ends_sentence(c, q) && c->tok[q].type != WS_TOK_QUOTE)
        q--;
      if (is_punct(c, q, ',')) {
        if (q - 2 >= lo && c->tok[q - 1].type == WS_TOK_NUMBER &&
            is_punct(c, q - 2, ','))
          q -= 2; /* "Cory Vik, 22, of Flint, Mich., said": an age */
        span x = at_np_ending(c, q - 1, lo);
        if (x.s >= 0 && (is_cap(c, x.e - 1) || inc(c, x.s, C_SUBJ)) &&
            !at_place_at(c, x.e - 1))
          return x;
      }
    }
    return r;
  }
  span r = at_np_ending(c, k, lo);
  if (c->descriptions && !(r.s >= 0 && inc(c, r.s, C_REL | C_SUBJ)) &&
      is_word(c, k)) {
    /* "a White House official who spoke anonymously said", "police who
     * arrested the man said": the phrase closes a restrictive relative
     * clause, whose antecedent is the subject ("the woman who Vik said"
     * is an object clause: no word between "who" and the phrase) */
    int32_t from = r.s >= 0 ? r.s : k + 1, w = from - 1;
    while (w >= lo && w > from - 12 && is_word(c, w) && !inc(c, w, C_REL))
      w--;
    if (inc(c, w, C_REL) && w < from - 1 && is_word(c, w - 1) && w - 1 >= lo) {
      span x = at_np_ending(c, w - 1, lo);
      if (x.s >= 0 && !inc(c, x.s, C_REL | C_SUBJ))
        return x;
    }
  }
  if (c->descriptions && r.s >= 0 && !is_cap(c, r.e - 1) &&
      c->doc->tok_mention[r.e - 1] < 0 && inc2(c, r.s - 1, C2_PREP)) {
    /* "Protesters marching through the streets chanted": the phrase is
     * the object of a preposition; the subject opens the clause */
    int32_t j = r.s - 2;
    while (j >= lo && j > r.s - 10 && is_word(c, j) && !c->f[j].cue)
      j--;
    int32_t first = j + 1;
    if (first < r.s - 1 &&
        (j < lo || is_punct(c, j, ',') || ends_sentence(c, j) ||
         (c->tok[first].flags & WS_TF_SENT))) {
      span x = at_np_starting(c, first, r.s - 1);
      if (x.s >= 0 && !inc(c, x.s, C_REL))
        return x;
    }
  }
  return r;
}

/* A lower-case word that can be part of a title before a name
 * ("strategist", "campaign manager"): a singular noun, so not a past
 * verb ("Vik credited Berg"), a third-person verb or plural ("ad hits
 * Berg"), nor a function word ("Vik if Berg"). */
static int title_word(const ctx *c, int32_t j) {
  const ws_token *t = &c->tok[j];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (inc(c, j, C_WH | C_DET | C_FILLER | C_SUBJ) || c->f[j].cue)
    return 0;
  if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
    return 0;
  return !(n > 3 && w[n - 1] == 's' && w[n - 2] != 's');
}

/* 1 when token i is a noun for a person: "businessman", "president". */
int at_person_noun(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t n = t->core_end - t->start;
  return ws_lex_is_descriptor(w, n) || ws_lex_title(w, n) == WS_TITLE_HEAD;
}

/* 1 when up to three lower-case words from i lead to a name: a title
 * before it ("presidential candidate Gary Johnson"). */
static int title_before_name(const ctx *c, int32_t i, int32_t hi) {
  for (int32_t j = i; j < hi && j < i + 3 && is_word(c, j); j++) {
    if (is_cap(c, j) || c->doc->tok_mention[j] >= 0)
      return 1;
    if (inc(c, j, C_NPSTOP | C_FILLER | C_DET) || c->f[j].cue)
      return 0;
  }
  return 0;
}

/* The phrase starting at token i, read forward: "said Rep. John Mica",
 * "said the spokesman", "said he". */
span at_np_starting(const ctx *c, int32_t i, int32_t hi) {
  span r = NO_SPAN;
  if (i >= hi || !(is_word(c, i) || (c->descriptions &&
                                      c->tok[i].type == WS_TOK_NUMBER)))
    return r;
  if (inc(c, i, C_SUBJ)) {
    r.s = i, r.e = i + 1;
    return r;
  }
  if (c->descriptions && is_cap(c, i) && c->doc->tok_mention[i] < 0 &&
      i + 1 < hi &&
      is_word(c, i + 1) && !is_cap(c, i + 1) &&
      c->doc->tok_mention[i + 1] < 0 &&
      (inc(c, i, C_DET) ||
       ((c->tok[i].flags & WS_TF_SENT) && !inc(c, i, C_CAPSTOP))) &&
      !inc(c, i + 1, C_NPSTOP | C_FILLER | C_DET) && !c->f[i + 1].cue &&
      !(c->tok[i].flags & WS_TF_POSS) && !title_before_name(c, i + 1, hi) &&
      !(!inc(c, i, C_DET) &&
        (ends_in_s(c, i) ||
         ws_lex_is_descriptor(c->doc->text + c->tok[i].start,
                              c->tok[i].core_end - c->tok[i].start)))) {
    /* a capitalized determiner or a common word opening the sentence
     * starts a description, not a name: "Another critic", "The
     * billionaire businessman", "Small groups of protesters" (a name the
     * entity layer missed is followed by its verb: "Sims said").  The
     * phrase ends at its head: a person noun, a title, a plural, or
     * before a verb (-ed, a cue, an auxiliary). */
    int32_t e = i + 1;
    while (e < hi && e < i + 4 && is_word(c, e) && !is_cap(c, e) &&
           !inc(c, e, C_NPSTOP | C_FILLER) && !c->f[e].cue &&
           !ends_in_ly(c, e) && !ends_in_ed(c, e)) {
      if (ends_in_s(c, e++) ||
          (at_person_noun(c, e - 1) && !(is_word(c, e) && at_person_noun(c, e))))
        break; /* "billionaire businessman" goes on, "president left" not */
    }
    int timed = 0; /* "A month later, he", "This week": a time, no one */
    for (int32_t j = i + 1; j <= e && j < c->n && !timed; j++)
      timed = inc(c, j, C_TIMEW) || c->f[j].id == W_TIMEEND;
    if (!timed) {
      r.s = i, r.e = e;
      return r;
    }
  }
  if (is_cap(c, i) || c->doc->tok_mention[i] >= 0) {
    int32_t e = i;
    /* a possessor is part of the phrase: "Qatar's Foreign Minister X" */
    while (e < hi && e < i + NP_MAX &&
           (is_cap(c, e) || c->doc->tok_mention[e] >= 0 ||
            (e > i && inc(c, e, C_PARTICLE))) &&
           !(e > i && (c->tok[e].flags & WS_TF_PARA)))
      e++;
    if (inc(c, i, C_CAPSTOP))
      return r;
    /* "Republican strategist Al Cardenas", "RNC spokesman Sean Spicer":
     * an affiliation and a title before the person's name */
    for (int32_t j = e; j < hi && j < e + 2 && is_word(c, j) &&
                        !is_cap(c, j) && !inc(c, j, C_NPSTOP) &&
                        title_word(c, j);
         j++) {
      int32_t m = j + 1 < c->n ? c->doc->tok_mention[j + 1] : -1;
      if (m >= 0 &&
          entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m]
                             .entity) == WS_ENTITY_PERSON) {
        int32_t k = j + 1;
        while (k < hi && c->doc->tok_mention[k] == m)
          k++;
        e = k;
        break;
      }
    }
    r.s = i, r.e = e;
    return r;
  }
  /* "said retired neurosurgeon Ben Carson", "said 9/11 widow X": up to
   * three lower-case words (or a number) before a name */
  for (int32_t j = i;
       j < hi && j < i + 4 &&
       (is_word(c, j) ||
        (c->descriptions && j < i + 3 &&
         (c->tok[j].type == WS_TOK_NUMBER || is_punct(c, j, '/')))) &&
       !inc(c, j, C_NPSTOP) && !inc(c, j, C_DET);
       j++) {
    if (is_cap(c, j + 1) && !inc(c, j + 1, C_CAPSTOP)) {
      span r2 = at_np_starting(c, j + 1, hi);
      if (r2.s >= 0) {
        r2.s = i;
        return r2;
      }
      break;
    }
    if (is_cap(c, j))
      break;
  }
  if (inc(c, i, C_QUANT_SG | C_QUANT_PL) && c->descriptions &&
      (i + 1 >= c->n || ends_sentence(c, i + 1) || is_punct(c, i + 1, ','))) {
    r.s = i, r.e = i + 1; /* '"...," read one.', 'said another,' */
    return r;
  }
  if (inc(c, i, C_QUANT_SG | C_QUANT_PL | C_NUMWORD) && c->descriptions &&
      isw(c, i + 1, W_OF)) {
    /* "said one of those advisers", "said two of her aides" */
    int32_t e = i + 2;
    if (inc(c, e, C_DET))
      e++;
    int32_t h = e;
    while (e < hi && e < h + 3 && is_word(c, e) && !inc(c, e, C_NPSTOP) &&
           !c->f[e].cue)
      e++;
    if (e > h) {
      r.s = i, r.e = e;
      return r;
    }
  }
  if (inc(c, i, C_DET)) {
    int32_t e = i + 1;
    /* (a year or an age inside: "a 2008 Clinton veteran") */
    while (e < hi && e < i + 6 &&
           (is_word(c, e) ||
            (c->descriptions && c->tok[e].type == WS_TOK_NUMBER &&
             e + 1 < hi && is_word(c, e + 1))) &&
           !inc(c, e, C_NPSTOP))
      e++;
    if (e > i + 1) {
      r.s = i, r.e = e;
      return r;
    }
  }
  return r;
}

/* The source after "according to": a name or phrase as at_np_starting()
 * reads it, else whatever phrase stands there up to a comma or the end
 * of the sentence ("according to exit polls", "according to a 2014
 * Labor Department study", "according to The Hill"). */
span at_source_of(const ctx *c, int32_t i, int32_t hi) {
  span r = at_np_starting(c, i, hi);
  if (r.s >= 0)
    return r;
  int32_t e = i;
  while (e < hi && e < i + NP_MAX &&
         (is_word(c, e) || c->tok[e].type == WS_TOK_NUMBER) &&
         !(e > i && (inc(c, e, C_REL) || isw(c, e, W_THAT))))
    e++;
  if (e > i && is_word(c, e - 1) && !inc(c, e - 1, C_DET)) {
    r.s = i, r.e = e;
    return r;
  }
  return NO_SPAN;
}

