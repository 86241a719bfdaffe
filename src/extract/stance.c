/*
 * stance.c - reported stance: the per-token rules of reported speech that
 * read a noun of saying, a stance verb, a belief adjective or a label.
 *
 * Besides verbs of saying, PARC (Pareti 2012) and PolNeAR attribute
 * stances and their holders: a noun of saying with its possessor
 * ("Trump's claim that ...", "her support for the wall"), a verb of
 * stance with its object ("endorsed Berg", "called for a recount", "wants
 * to"), an adjective of belief ("is confident that", "is critical of"), a
 * person named by a stance ("critics of the plan"), a copula giving a
 * content ("the argument is that ...") and an impression with no holder
 * ("is seen as", "reportedly").  Each at_* rule here looks at token v,
 * returns WS_OK at once unless v is one of its words (the C_RULE bit of
 * wordclass.h lets reported() skip them all for most tokens), and pushes
 * what it finds with at_push_reported(); WS_ENOMEM when the arena is out
 * of memory.
 */
#include <stdint.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "extract/reported.h"
#include "extract/stance.h"
#include "words/words.h"

/* 1 when the lower-case word i ends like an English adjective or
 * participle (-al, -ic, -ive, -ous, -ful, -ing, -ed, -ent, -ant, -ong,
 * ...: "strong support", "growing opposition", "voiced support"), as
 * against a modifying noun ("storm attacks", "campaign plans"). */
static int adjective_like(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  for (size_t k = 0; ws_words_adjective_suffixes[k]; k++) {
    size_t m = strlen(ws_words_adjective_suffixes[k]);
    if (n > m + 1 && memcmp(w + n - m, ws_words_adjective_suffixes[k], m) == 0)
      return 1;
  }
  return 0;
}

int at_nominal(ctx *c, int32_t v, int32_t s1, size_t q0) {
  int32_t k0 = v + 1; /* the word that names the content */
  int that = isw(c, k0, W_THAT);
  if (!is_word(c, v) || (c->tok[v].flags & WS_TF_CAP))
    return WS_OK;
  int thought = that && k0 + 1 < s1 &&
                inc2(c, v, C2_THOUGHTN) &&
                (inc(c, k0 + 1, C_SUBJ | C_DET) || is_cap(c, k0 + 1) ||
                 c->tok[k0 + 1].type == WS_TOK_NUMBER ||
                 c->doc->tok_mention[k0 + 1] >= 0);
  if (!(inc(c, v, C_SAYN) && that) && !thought) {
    if (!(isw(c, k0, W_FOR) || isw(c, k0, W_OF) || isw(c, k0, W_TO) ||
          isw(c, k0, W_ABOUT) || isw(c, k0, W_ON) || isw(c, k0, W_AGAINST) ||
          that) ||
        !inc2(c, v, C2_STANCEN))
      return WS_OK;
  }
  attr a = {NO_SPAN, {v, v + 1}, -1, 0};
  int32_t k = v - 1;
  while (k >= 0 && k > v - 3 && is_word(c, k) && !is_cap(c, k) &&
         !(c->tok[k].flags & WS_TF_POSS) && !inc(c, k, C_DET) &&
         !c->f[k].cue)
    k--; /* "Trump's repeated claim" */
  if (k >= 0 && is_word(c, k) && (c->tok[k].flags & WS_TF_POSS) &&
      !inc(c, k, C_CONTR)) {
    a.np = at_np_ending(c, k, k - NP_MAX < 0 ? 0 : k - NP_MAX);
    if (a.np.s >= 0)
      a.ent = at_resolve(c, a.np);
  } else if (inc(c, k, C_DET) && (isw(c, k, W_HIS) || isw(c, k, W_HER) ||
                                  isw(c, k, W_THEIR) || isw(c, k, W_ITS))) {
    a.np.s = k, a.np.e = k + 1; /* "his claim": his names the speaker */
  }
  /* with no possessor the holder is not named ("voiced support for X",
   * "the claim that X"), but the content is still a stance's: reported
   * with no speaker.  Not when the phrase is the object of a statement
   * already reported ("endorsed the plan to build a pier": one
   * statement), nor after a modifying noun ("the storm attacks on the
   * pier": no one's stance) */
  if (a.np.s < 0) {
    int32_t p = v - 1;
    int open = p < 0 || !is_word(c, p) || is_cap(c, p) ||
               inc(c, p, C_DET | C_NOTCL) || c->f[p].cue ||
               adjective_like(c, p);
    if (!open || at_inside_reported(c, q0, v))
      return WS_OK;
  }
  int32_t b = k0 + 1;
  if (isw(c, k0, W_TO) && is_word(c, b) && !is_cap(c, b) &&
      !inc(c, b, C_DET))
    b = k0; /* "his plan to cut taxes": the infinitive */
  int32_t e = s1;
  if (!that) /* a noun phrase ends at the clause's next comma */
    for (int32_t j = b; j < s1 && j < b + CLAUSE_MAX; j++)
      if (is_punct(c, j, ',') && c->in_quote[j] < 0) {
        e = j;
        break;
      }
  a.min_words = that ? 0 : 1;
  if (!(inc(c, v, C_SAYN) && that) && !thought) {
    /* the holder of a stance is reliable only when the noun phrase is
     * no one's object: in "X criticised Y's decision to ..." the
     * statement is X's, and in "Bush pinned his hopes on ..." the
     * pronoun stands for the subject; a named possessor opening the
     * clause ("Trump's plan to ...") is kept */
    int clear = is_cap(c, a.np.e - 1) && !inc(c, a.np.s, C_SUBJ);
    for (int32_t j = a.np.s - 1; clear && j >= 0 && j > a.np.s - 12; j--) {
      if (ends_sentence(c, j) || is_punct(c, j, ','))
        break;
      if (c->f[j].cue || c->in_quote[j] >= 0 || is_word(c, j))
        clear = 0;
    }
    if (!clear)
      a.np = NO_SPAN, a.ent = -1;
  }
  return at_push_reported(c, b, e, &a);
}

/* Verbs of appearance and expectation: "The race appears closer", "The
 * plan seems to work", "The House is expected to pass the bill".  PARC
 * and PolNeAR annotate them as attributions with no source (the
 * reporter's or the public's impression), so the clause is reported
 * speech with no speaker; the content runs from the verb to the end of
 * the clause.  Not their physical senses: "appeared on Fox News",
 * "appeared at a rally", "seemed Monday". */
int at_impression(ctx *c, int32_t v, int32_t s1) {
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD || (t->flags & WS_TF_CAP))
    return WS_OK;
  if (isw(c, v + 1, W_AS) && is_word(c, v + 2) &&
      inc2(c, v, C2_LABEL)) {
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && b > 0 &&
                       (is_ly_adverb(c, b) ||
                        (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
         skip++)
      b--;
    if (!inc(c, b, C_BE) || ws_tok_is(c->doc->text, &c->tok[v + 2], "well"))
      return WS_OK; /* "known as well" */
    attr l = {NO_SPAN, {v, v + 1}, -1, 2};
    return at_push_reported(c, v, s1, &l);
  }
  if (t->end - t->start < 4 || t->end - t->start > 11)
    return WS_OK;
  char c0 = c->doc->text[t->start];
  if (c0 != 's' && c0 != 'a' && c0 != 'e' && c0 != 'r' && c0 != 'p')
    return WS_OK; /* a cheap first test: most words are none of these */
  int32_t k = v + 1; /* the complement */
  if (inc2(c, v, C2_HEARSAY)) {
    if (!is_word(c, k) || is_cap(c, k))
      return WS_OK;
    attr h = {NO_SPAN, {v, v + 1}, -1, 2};
    return at_push_reported(c, v, s1, &h);
  }
  if (t->end - t->start > 8)
    return WS_OK;
  if (inc2(c, v, C2_EXPECTED)) {
    /* only the passive with an infinitive: "is (widely) expected to" */
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && (is_ly_adverb(c, b) ||
                                    (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
         skip++)
      b--; /* "is widely expected", "is also not expected" */
    if (!(inc(c, b, C_BE) || inc(c, b, C_CONTR)) || !isw(c, k, W_TO))
      return WS_OK;
  } else if (!inc2(c, v, C2_SEEM)) {
    return WS_OK;
  }
  if (k >= s1 || !(is_word(c, k) || is_punct(c, k, ',')))
    return WS_OK;
  if (isw(c, k, W_TO)) {
    if (!is_word(c, k + 1) || is_cap(c, k + 1) || inc(c, k + 1, C_DET))
      return WS_OK; /* "appeared to reporters", "appeared to the crowd" */
  } else if (is_cap(c, k) || (inc(c, k, C_NOTCL) && !isw(c, k, W_AS)) ||
             inc(c, k, C_TIMEW) || c->f[k].cue) {
    return WS_OK; /* "appeared on", "appeared Monday" */
  } else if (isw(c, k, W_AS)) {
    return WS_OK; /* "appeared as a guest" */
  }
  attr a = {NO_SPAN, {v, v + 1}, -1, 2};
  return at_push_reported(c, v, s1, &a);
}

/* Verbs of preference, attention and decision that PARC and PolNeAR
 * annotate as attributions of a stance, with the object as content:
 * "voters favored Clinton", "Trump discussed his tax plan", "the senator
 * voted against the bill", "Obama responded to the critics", "she sees
 * the deal as a mistake", "the governor signed the measure".  Only with a
 * subject noun phrase (the holder) and in a verb's context: a past form
 * not after a determiner ("the signed bill"), an -s form after a
 * third-person subject, a base form after a pronoun or modal.  Its verb
 * lists are with the other word lists (build_wtab() reads them). */
int at_stance_verb(ctx *c, int32_t v, int32_t s0, int32_t s1,
                       size_t q0) {
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD ||
      ((t->flags & WS_TF_CAP) && !c->headline[t->sent]))
    return WS_OK;
  size_t n = t->end - t->start;
  if (n < 3 || n > 10)
    return WS_OK;
  int out = 0;
  if (is_word(c, v + 1) && isw(c, v + 1, W_OUT) && inc2(c, v, C2_OUTV)) {
    out = 1;
  } else if (c->f[v].cue &&
             !((isw(c, v + 1, W_TO) || isw(c, v + 1, W_ON)) &&
               (inc(c, v + 2, C_DET) || is_cap(c, v + 2)))) {
    /* a verb of saying ("responded") is the main loop's, except with a
     * preposition and a noun phrase ("responded to the critics"), which
     * there reads as no clause */
    return WS_OK;
  }
  const char *w = c->doc->text + t->start;
  int32_t k = v + 1; /* the content */
  int see = 0, irregular_inf = 0;
  int32_t hv = v; /* where the holder is looked for before */
  if (out) {
    k = v + 2; /* "spoke out against the bill", "lashed out at" */
    if (isw(c, k, W_AGAINST) || isw(c, k, W_ABOUT) || isw(c, k, W_FOR) ||
        isw(c, k, W_ON) ||
        (is_word(c, k) && ws_tok_is(c->doc->text, &c->tok[k], "at")))
      k++;
    irregular_inf = ws_tok_is(c->doc->text, t, "spoke") ||
                    ws_tok_is(c->doc->text, t, "laid") ||
                    ws_tok_is(c->doc->text, t, "lay");
  } else if (isw(c, k, W_FOR) && word_in(c, v, ws_words_for_verbs)) {
    /* a call for a thing: "pushed for a recount", "calling for new
     * rules" (the thing asked for is the content); a passive is no
     * call ("the seat was called for the challenger") */
    if (w[n - 2] == 'e' && w[n - 1] == 'd' && word_in(c, v - 1, ws_words_be_passive))
      return WS_OK;
    k++;
    irregular_inf = 1;
  } else if (isw(c, k, W_OF) && ws_tok_is(c->doc->text, t, "favor") &&
             isw(c, v - 1, W_IN)) {
    /* "is in favor of the plan", "voted in favor of it" */
    k++;
    hv = v - 1;
    irregular_inf = 1;
  } else if (isw(c, k, W_ABOUT) && word_in(c, v, ws_words_about_verbs)) {
    /* talk about a thing: its topic is the content ("talked about the
     * budget"); the -ing and strong forms read as verbs after a subject
     * or an auxiliary like the past tense */
    k++;
    irregular_inf = 1;
  } else if (inc2(c, v, C2_OBJV)) {
    /* a token other than a word holds no letter: none of the list */
    if (inc2(c, k, C2_OBJPART))
      return WS_OK;
  } else if (inc2(c, v, C2_TOV)) {
    if (!isw(c, k, W_TO))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_ONV)) {
    if (!isw(c, k, W_ON))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_VOTEV)) {
    if (!isw(c, k, W_FOR) && !isw(c, k, W_AGAINST))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_INFV)) {
    if (!isw(c, k, W_TO) || !is_word(c, k + 1) || is_cap(c, k + 1) ||
        inc(c, k + 1, C_DET | C_SUBJ | C_OBJ))
      return WS_OK;
    if (ws_tok_is(c->doc->text, t, "like") &&
        !ws_tok_is(c->doc->text, &c->tok[v - 1], "would"))
      return WS_OK; /* only "would like to" */
    if (ws_tok_is(c->doc->text, t, "like"))
      irregular_inf = 1;
  } else if (inc2(c, v, C2_SEEV)) {
    int as = 0;
    for (int32_t j = k + 1; j < s1 && j < k + 8 && is_word(c, j); j++)
      if (isw(c, j, W_AS)) {
        as = 1;
        break;
      }
    if (!as)
      return WS_OK; /* "sees X as Y": a view, not a sight */
    see = 1;
  } else {
    return WS_OK;
  }
  (void)see;
  /* the verb's context */
  int past = n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd';
  int irregular = ws_tok_is(c->doc->text, t, "saw") || irregular_inf;
  int third = !past && !irregular && w[n - 1] == 's';
  if (inc(c, v - 1, C_DET) ||
      (is_word(c, v - 1) && (c->tok[v - 1].flags & WS_TF_POSS)))
    return WS_OK; /* "the signed bill", "his views" */
  if (third && !at_third_person_subject(c, v - 1))
    return WS_OK; /* "the comments on", "his points to" */
  if (!past && !irregular && !third && !at_present_verb_context(c, v))
    return WS_OK; /* "a vote for", "the favor"; but "voters favor" */
  if (k >= s1 || !(is_word(c, k) || c->tok[k].type == WS_TOK_NUMBER ||
                   c->tok[k].type == WS_TOK_QUOTE))
    return WS_OK;
  attr a = {at_subject_before(c, hv, s0), {v, v + 1}, -1, 1};
  if (at_inside_reported(c, q0, v))
    return WS_OK;
  if (a.np.s >= 0) /* else the holder is not read: no speaker */
    a.ent = at_resolve(c, a.np);
  int32_t e = s1;
  for (int32_t j = k; j < s1 && j < k + CLAUSE_MAX; j++)
    if ((is_punct(c, j, ',') || is_punct(c, j, ':')) && c->in_quote[j] < 0) {
      e = j;
      break;
    }
  return at_push_reported(c, k, e, &a);
}

/* Adjectives of certainty and feeling with a that-clause: "voters are
 * convinced that ...", "Cruz has been acutely aware that ...", "his
 * supporters are optimistic that ..." (PARC annotates the clause as the
 * holder's belief).  The holder is the subject of the copula. */
int at_belief_adjective(ctx *c, int32_t v, int32_t s0, int32_t s1) {
  /* linking verbs besides "be": "remain confident that", "felt sure
   * that", "became clear that" */
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD || (t->flags & WS_TF_CAP) ||
      !is_word(c, v + 2))
    return WS_OK;
  if ((isw(c, v + 1, W_THAT) || inc(c, v + 1, C_WH)) &&
      inc2(c, v, C2_CLEAR)) {
    /* "it is not clear whether ...", "it became clear that ...": the
     * clause is an impression with no holder named */
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && b > s0 &&
                       (is_ly_adverb(c, b) ||
                        ws_tok_in(c->doc->text, &c->tok[b], ws_words_clear_adverbs));
         skip++)
      b--;
    if (!(inc(c, b, C_BE) || ws_tok_in(c->doc->text, &c->tok[b], ws_words_linking_verbs) ||
          ws_tok_in(c->doc->text, &c->tok[b], ws_words_be_contracted)) ||
        !(isw(c, v + 1, W_THAT) || inc(c, v + 1, C_WH)))
      return WS_OK;
    attr a = {NO_SPAN, {v, v + 1}, -1, 2};
    return at_push_reported(c, isw(c, v + 1, W_THAT) ? v + 2 : v + 1, s1, &a);
  }
  int prep = (isw(c, v + 1, W_OF) || isw(c, v + 1, W_ABOUT) ||
              isw(c, v + 1, W_IN) || isw(c, v + 1, W_WITH)) &&
             inc2(c, v, C2_TOWARD) &&
             (inc(c, v + 2, C_DET) || is_cap(c, v + 2) ||
              c->doc->tok_mention[v + 2] >= 0 || inc(c, v + 2, C_WH) ||
              (is_word(c, v + 2) && !inc(c, v + 2, C_NOTCL)));
  int inf = 0;
  if (prep) {
    /* handled below, the content after the preposition */
  } else if (isw(c, v + 1, W_TO) && !is_cap(c, v + 2) &&
      !inc(c, v + 2, C_DET | C_SUBJ | C_OBJ) &&
      inc2(c, v, C2_WILLADJ))
    inf = 1;
  else if (!isw(c, v + 1, W_THAT) || !inc2(c, v, C2_BELIEFADJ))
    return WS_OK;
  int32_t b = v - 1; /* "is acutely aware", "are not sure" */
  for (int skip = 0; skip < 2 && b > s0 &&
                     (is_ly_adverb(c, b) ||
                      (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
       skip++)
    b--;
  int linked = inc(c, b, C_BE) || ws_tok_in(c->doc->text, &c->tok[b], ws_words_linking_verbs);
  if (!linked && !inf && !prep)
    return WS_OK;
  if (prep) {
    /* "voters critical of the plan": the holder is the noun before, not
     * read as a source */
    attr a = {linked ? at_subject_before(c, b, s0) : NO_SPAN, {v, v + 2}, -1, 1};
    if (a.np.s >= 0)
      a.ent = at_resolve(c, a.np);
    int32_t e = at_phrase_end(c, v + 2, s1);
    return at_push_reported(c, v + 2, e, &a);
  }
  /* "leaders willing to work hard": the will is the noun's, which is not
   * read as a source */
  attr a = {linked ? at_subject_before(c, b, s0) : NO_SPAN, {v, v + 1}, -1,
            inf ? 2 : 0};
  if (a.np.s >= 0)
    a.ent = at_resolve(c, a.np);
  return at_push_reported(c, inf ? v + 1 : v + 2, s1, &a);
}

/* An indirect question after a preposition of topic: "talks about how
 * she pushed for it", "split on whether the plan works", "a fight over
 * why the deal failed" (PARC annotates the question as the content of
 * the discussion, worry or dispute).  Its holder is not read: reported
 * with no speaker.  Not "what", which as often opens a plain noun phrase
 * ("about what happened"), nor "when" ("on when the vote is"). */
int at_topic_question(ctx *c, int32_t v, int32_t s1) {
  if (!(isw(c, v, W_ABOUT) || isw(c, v, W_ON) ||
        inc2(c, v, C2_OVER)))
    return WS_OK;
  int32_t k = v + 1;
  if (k + 1 >= s1 || !is_word(c, k) || !is_word(c, k + 1) ||
      !inc2(c, k, C2_QWH))
    return WS_OK;
  /* a verb of saying before may have reported it already ("talked
   * about how ...", "asked about whether ..."): one statement, not two */
  const ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  for (size_t i = n; i > 0 && i + 8 > n; i--)
    if (qs[i - 1].kind == WS_QUOTE_REPORTED &&
        qs[i - 1].start == c->tok[k].start)
      return WS_OK;
  attr a = {NO_SPAN, {v, v + 1}, -1, 2};
  return at_push_reported(c, k, s1, &a);
}

/* "supporters of the plan", "a critic of the mayor", "an advocate for
 * farmers": a person named by a stance holds it toward the object of the
 * preposition. */
int at_stance_person(ctx *c, int32_t v, int32_t s1) {
  const ws_token *t = &c->tok[v];
  /* the cheap tests on the neighbours first: this runs on every word */
  if (!(isw(c, v + 1, W_OF) || isw(c, v + 1, W_FOR)) || v + 2 >= s1 ||
      !is_word(c, v + 2) || inc(c, v + 2, C_NOTCL) ||
      t->type != WS_TOK_WORD ||
      ((t->flags & WS_TF_CAP) && !(t->flags & WS_TF_SENT)) ||
      !inc2(c, v, C2_SPERSON))
    return WS_OK;
  /* the noun is a role, not a mention to resolve: no speaker is named */
  attr a = {NO_SPAN, {v, v + 2}, -1, 1};
  int32_t e = v + 2;
  while (e < s1 && e < v + 2 + CLAUSE_MAX && !is_punct(c, e, ',') &&
         !ends_sentence(c, e) && !(e > v + 2 && c->f[e].cue) &&
         !inc(c, e, C_BE) && !inc2(c, e, C2_PSTOP))
    e++;
  return at_push_reported(c, v + 2, e, &a);
}

/* "Her main argument is that ...", "The question now is whether ...":
 * a noun of saying, thought or asking that is the subject of a copula
 * names a statement whose content is the clause after it (PARC's
 * nominal attributions); its holder is not read here. */
int at_copula_content(ctx *c, int32_t v, int32_t s0, int32_t s1) {
  if (!inc2(c, v, C2_COPULA) || v + 2 >= s1 ||
      !(isw(c, v + 1, W_THAT) ||
        inc2(c, v + 1, C2_WHETHER)) ||
      !is_word(c, v + 2))
    return WS_OK;
  int found = 0;
  for (int32_t j = v - 1; j >= s0 && j >= v - 8 && !found; j--)
    found = is_word(c, j) && inc2(c, j, C2_CHEAD);
  if (!found)
    return WS_OK;
  attr a = {NO_SPAN, {v, v + 1}, -1, 3};
  return at_push_reported(c, isw(c, v + 1, W_THAT) ? v + 2 : v + 1, s1, &a);
}
