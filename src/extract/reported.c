/*
 * reported.c - reported speech: statements with a cue and a speaker but
 * no quotation marks, and where each one ends.
 *
 * A cue that takes a clause (said, told ... that, thinks, according to)
 * with a subject noun phrase yields a quote of kind "reported" whose
 * content is the clause, as far as the sentence end; "..., X said."
 * reports what precedes, and a paragraph opening "Name: ..." (headlines,
 * transcripts) reports what follows.  Passives ("was called") are not
 * attributions.  Also reported: an infinitive after the cue (vowed to
 * stay, urged X to act), the topic of a statement (talked about X, warned
 * against X), an indirect question after "Asked", whatever follows
 * "according to" as its source, and "As X noted, ...".  The rules that
 * read a stance, a belief or a noun of saying are in stance.c.
 *
 * A statement ends where the next begins: before ", saying ...", ", but
 * ...", ", while ..." and before a new speaker and verb (", X said", "and
 * she asked").  A direct quote inside a reported statement, with no
 * speaker of its own, takes the statement's speaker.  Headlines (every
 * word capitalized) may capitalize their cue.
 */
#include <stdint.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "extract/reported.h"
#include "extract/stance.h"
#include "words/words.h"

/* The end of a short object phrase that starts at token s: the first
 * comma or sentence end, at most CLAUSE_MAX tokens on, never past s1
 * ("praising the candidate, ...", "talking about the budget."). */
int32_t at_phrase_end(const ctx *c, int32_t s, int32_t s1) {
  int32_t e = s;
  while (e < s1 && e < s + CLAUSE_MAX && !is_punct(c, e, ',') &&
         !ends_sentence(c, e))
    e++;
  return e;
}

/* 1 when a new speaker starts at token i, before e: a short phrase and a
 * finite verb of saying ("A, former President X said this week"). */
static int next_speaker(const ctx *c, int32_t i, int32_t e) {
  for (int32_t j = i; j < e && j < i + 8; j++) {
    int f;
    int32_t l;
    if (j > i && cue_at(c, j, &f, &l) && !(f & WS_CUE_PART) &&
        (f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)))
      return at_subject_before(c, j, i).s >= i;
    if (!is_word(c, j))
      return 0;
  }
  return 0;
}

/* A direct quote inside a reported statement, with no speaker of its
 * own, is the same speaker's words: 'X said the plan was "a disaster"',
 * 'X told them "the plan is dead"'. */
static void credit_partial(ctx *c, int32_t s, int32_t e, const attr *a) {
  if (a->np.s < 0)
    return;
  ws_quote *qs = c->doc->quotes.items;
  int32_t last = -1;
  for (int32_t i = s; i < e; i++) {
    int32_t k = c->in_quote[i];
    if (k < 0 || k == last)
      continue;
    last = k;
    if (qs[k].speaker_end == qs[k].speaker_start) {
      qs[k].speaker = a->ent;
      qs[k].speaker_start = c->tok[a->np.s].start;
      qs[k].speaker_end = c->tok[a->np.e - 1].core_end;
      qs[k].cue_start = c->tok[a->cue.s].start;
      qs[k].cue_end = c->tok[a->cue.e - 1].end;
    }
  }
}

/* The head noun right before a verb of saying whose subject phrase
 * at_subject_before() could not read: "police said", "expert says", "some
 * advocates for stem cell research said", "a court document filed
 * Thursday says".  The head alone is the speaker phrase; a function
 * word, a verb of saying or a quotation there is no subject. */
static span head_before(const ctx *c, int32_t v, int32_t s0) {
  const ws_token *vt = &c->tok[v];
  size_t vn = vt->end - vt->start;
  const char *vw = c->doc->text + vt->start;
  /* a past form in -ed is a verb; "reports", "comments", "notes" are as
   * often nouns ("user reports of", "took notes about") */
  if (!inc2(c, v, C2_FINSAY) &&
      !(vn > 4 && vw[vn - 2] == 'e' && vw[vn - 1] == 'd') &&
      !(vn > 3 && vw[vn - 1] != 's' && !(c->tok[v].flags & WS_TF_CAP)))
    return NO_SPAN;
  int32_t k = v - 1;
  for (int skip = 0; skip < 2 && k > s0 &&
                     (is_ly_adverb(c, k) || inc(c, k, C_FILLER));
       skip++)
    k--;
  if (k < s0 || !is_word(c, k) || c->in_quote[k] >= 0 || c->f[k].cue ||
      inc(c, k, C_DET | C_NPSTOP | C_FILLER | C_WH | C_PARTICLE |
                    C_NOTCL | C_OBJ | C_CAPSTOP | C_SMALL))
    return NO_SPAN;
  const ws_token *t = &c->tok[k];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (n < 3 || (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
      (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'))
    return NO_SPAN; /* "rushed inside and said": a verb, not a noun */
  if (isw(c, k - 1, W_IN) || isw(c, k - 1, W_ON) || isw(c, k - 1, W_TO))
    return NO_SPAN; /* "in particular feared": no noun phrase */
  span r = {k, k + 1};
  return r;
}

/* The listener after "told" that starts with a determiner: "the AP",
 * "the crowd", "a local radio station".  A determiner phrase read by
 * at_np_starting() runs on into the reported clause ("told the AP his firm
 * worked ..."), so it stops here at the next determiner, pronoun,
 * preposition or verb of saying, after at most three words; a
 * capitalized name after the determiner is read as a name. */
static span listener(const ctx *c, int32_t k, int32_t hi) {
  if (!inc(c, k, C_DET) || isw(c, k, W_THAT) || c->in_quote[k] >= 0)
    return NO_SPAN;
  if (is_cap(c, k + 1)) {
    span r = at_np_starting(c, k + 1, hi);
    if (r.s >= 0)
      r.s = k;
    return r;
  }
  int32_t e = k + 1;
  while (e < hi && e < k + 4 && is_word(c, e) && !is_cap(c, e) &&
         !inc(c, e, C_DET | C_SUBJ | C_NPSTOP | C_REL) && !c->f[e].cue)
    e++;
  if (e == k + 1)
    return NO_SPAN;
  span r = {k, e};
  return r;
}

/* After "asked", the word that opens the question, past a short phrase
 * of place, time or medium: "asked whether", "asked on Fox News who",
 * "asked at a briefing Monday about"; -1 when none does before a comma
 * or a verb of saying. */
static int32_t asked_what(const ctx *c, int32_t i, int32_t hi) {
  for (int32_t j = i; j < hi && j < i + 8; j++) {
    if ((inc(c, j, C_WH) && !isw(c, j, W_WHEN)) || isw(c, j, W_ABOUT))
      return j > i && inc(c, j, C_REL) ? -1 : j; /* not "the man who" */
    if (!(is_word(c, j) || c->tok[j].type == WS_TOK_NUMBER) ||
        c->f[j].cue || c->in_quote[j] >= 0)
      return -1;
  }
  return -1;
}

/* 1 when token i is a negated auxiliary written as one word, which the
 * filler words between a subject and its verb do not list: "don't",
 * "wouldn't", "can't" ("we don't know how ...", "he wouldn't say
 * whether ..."). */
static int neg_aux(const ctx *c, int32_t i) {
  if (!is_word(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (n >= 4 && w[n - 1] == 't' && w[n - 2] == '\'' && w[n - 3] == 'n')
    return 1; /* don't, didn't, wouldn't, can't */
  /* the same with a typographic apostrophe, U+2019 (E2 80 99) */
  return n >= 6 && w[n - 1] == 't' && (unsigned char)w[n - 2] == 0x99 &&
         (unsigned char)w[n - 3] == 0x80 && (unsigned char)w[n - 4] == 0xE2 &&
         w[n - 5] == 'n';
}

/* The complementizer "that" of a verb of saying whose clause begins at
 * token k: right there ("noted that"), after a parenthesis between
 * commas ("says, however, that"), or after a listener or setting that
 * starts with a preposition or a capital ("wrote to the senator's
 * office that", "told CNN that"); -1 when none, or when "that" is a
 * pronoun ("said that." / "said that, too"). */
static int32_t that_after(const ctx *c, int32_t k, int32_t hi) {
  int32_t j = k;
  if (is_punct(c, j, ',')) {
    int32_t p = j + 1;
    while (p < hi && p < j + 10 && !is_punct(c, p, ',') &&
           (is_word(c, p) || c->tok[p].type == WS_TOK_NUMBER) &&
           !c->f[p].cue && c->in_quote[p] < 0)
      p++;
    if (!is_punct(c, p, ','))
      return -1;
    j = p + 1;
  } else if (!isw(c, j, W_THAT)) {
    if (!(is_cap(c, j) || inc(c, j, C_NOTCL)) || isw(c, j, W_AND))
      return -1;
    int32_t p = j + 1;
    while (p < hi && p < j + 8 && !isw(c, p, W_THAT) &&
           (is_word(c, p) || c->tok[p].type == WS_TOK_NUMBER ||
            is_punct(c, p, ',')) &&
           !c->f[p].cue && !inc(c, p, C_SUBJ) && c->in_quote[p] < 0)
      p++;
    j = p;
  }
  if (!isw(c, j, W_THAT) || j + 1 >= hi)
    return -1;
  if (!is_word(c, j + 1) && c->tok[j + 1].type != WS_TOK_QUOTE &&
      c->tok[j + 1].type != WS_TOK_NUMBER)
    return -1;
  return j;
}

/* 1 when a finite verb of saying, stance or naming starts at token i,
 * perhaps after an adverb ("and later told", "and also urged"): the
 * second verb of a coordination whose subject is the first's. */
static int coordinated_cue(const ctx *c, int32_t i) {
  if (is_ly_adverb(c, i) || (inc(c, i, C_FILLER) && !c->f[i].cue))
    i++;
  int f;
  int32_t l;
  return cue_at(c, i, &f, &l) && !(f & WS_CUE_PART) &&
         (f & (WS_CUE_CLAUSE | WS_CUE_STANCE | WS_CUE_NAMING)) &&
         !inc(c, i, C_THATONLY);
}

int at_push_reported(ctx *c, int32_t s, int32_t e, const attr *a) {
  /* a run-on "sentence" (a whole file without a full stop) is cut to a
   * window around the cue */
  if (s < a->cue.s - CLAUSE_MAX)
    s = a->cue.s - CLAUSE_MAX;
  if (e > a->cue.e + CLAUSE_MAX)
    e = a->cue.e + CLAUSE_MAX;
  /* A statement ends where the next begins: "X said A, saying B",
   * "X said A, but added B" hold two (PARC gives each its own content). */
  for (int32_t i = s + 1; i + 1 < e; i++) {
    int f;
    int32_t l;
    if (c->in_quote[i] >= 0)
      continue;
    /* (a comma inside the closing mark, American style, ends the
     * clause as one after it does: '... for its "...," Z reported') */
    if ((is_punct(c, i, ',') || (c->tok[i].type == WS_TOK_QUOTE &&
                                 c->in_quote[i - 1] >= 0 &&
                                 is_punct(c, i - 1, ','))) &&
        (isw(c, i + 1, W_BUT) || isw(c, i + 1, W_WHILE) ||
         (cue_at(c, i + 1, &f, &l) && (f & WS_CUE_PART)) ||
         (i + 1 != a->np.s && next_speaker(c, i + 1, e)))) {
      e = i;
      break;
    }
    /* "... computers and she accused X": a new subject starts a new
     * clause */
    if (isw(c, i, W_AND) && inc(c, i + 1, C_SUBJ) && i + 2 < e &&
        is_word(c, i + 2) && c->f[i + 2].cue) {
      e = i;
      break;
    }
    /* "X praised the plan and urged Y to act": a second verb of saying
     * or stance coordinated with the cue is a statement of its own */
    if (i > a->cue.e && (isw(c, i, W_AND) || isw(c, i, W_BUT)) &&
        coordinated_cue(c, i + 1)) {
      e = i;
      break;
    }
  }
  while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                   c->tok[e - 1].type == WS_TOK_QUOTE))
    e--;
  while (s < e && (c->tok[s].type == WS_TOK_PUNCT))
    s++;
  /* A direct quote that makes up most of the clause carries the statement
   * already; a partial one inside it ("X said the plan was "a disaster"
   * for farmers") leaves the clause a reported statement of its own. */
  int words = 0, quoted = 0;
  for (int32_t i = s; i < e; i++) {
    words += is_word(c, i);
    quoted += is_word(c, i) && c->in_quote[i] >= 0;
  }
  if (words < (a->min_words ? a->min_words : 3))
    return WS_OK;
  /* An elliptical question after its cue is no statement: "without
   * saying how many", "declined to say why", "would not say when".  (A
   * relative pronoun before the cue, "the plan, which he said ...", stands
   * for its antecedent and stays.) */
  if (words <= 2 && s >= a->cue.e && inc(c, s, C_WH))
    return WS_OK;
  int lead = 0;
  int32_t qm = s;
  while (qm < e && c->in_quote[qm] < 0 && c->tok[qm].type != WS_TOK_QUOTE)
    lead += is_word(c, qm++);
  if (qm > s && (inc2(c, qm - 1, C2_UNFIN | C2_DANGLING) ||
                 c->tok[qm - 1].type == WS_TOK_PUNCT))
    lead = 0; /* nor across a comma or a coordinator: "..., and then "..."" */
  if (quoted * 2 > words && lead < 1) {
    credit_partial(c, s, e, a); /* the quote carries the statement */
    /* but words of the reporter's own before it are a statement too:
     * 'he respects Berg and calls him "..."' */
    int32_t q0 = s;
    int before = 0;
    while (q0 < e && c->in_quote[q0] < 0 &&
           c->tok[q0].type != WS_TOK_QUOTE)
      before += is_word(c, q0++);
    if (before < 3 || q0 >= e)
      return WS_OK;
    e = q0;
    while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                     c->tok[e - 1].type == WS_TOK_QUOTE))
      e--;
  }
  /* A statement does not end on a word that asks for more.  A dangling
   * coordinator ("the first priority is the ceasefire, and then") is
   * trimmed; a clause cut after a determiner or preposition, where a
   * quotation or another clause takes over ("thanked Iran for its
   * \"pivotal role\""), is no statement of its own. */
  while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                   inc2(c, e - 1, C2_DANGLING)))
    e--;
  if (e <= s || inc2(c, e - 1, C2_UNFIN))
    return WS_OK;
  ws_quote *q = ws_vec_push(&c->doc->quotes, c->doc->arena);
  if (!q)
    return WS_ENOMEM;
  q->start = c->tok[s].start;
  q->end = c->tok[e - 1].end;
  q->kind = WS_QUOTE_REPORTED;
  q->speaker = a->ent;
  if (a->np.s >= 0) {
    q->speaker_start = c->tok[a->np.s].start;
    q->speaker_end = c->tok[a->np.e - 1].core_end;
  }
  q->cue_start = c->tok[a->cue.s].start;
  q->cue_end = c->tok[a->cue.e - 1].end;
  credit_partial(c, s, e, a);
  return WS_OK;
}

/* 1 when token v lies inside the content of one of the last few
 * reported statements pushed since index q0 (this sentence's): "47
 * percent said they would vote for X" is one statement, the poll's, not
 * a second one of "they".  Only the latest eight are looked at, so the
 * test stays constant-time in a sentence of a million words. */
int at_inside_reported(const ctx *c, size_t q0, int32_t v) {
  const ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  uint32_t at = c->tok[v].start;
  for (size_t i = n; i > q0 && i + 8 > n; i--)
    if (qs[i - 1].kind == WS_QUOTE_REPORTED && qs[i - 1].start <= at &&
        at < qs[i - 1].end)
      return 1;
  return 0;
}

/* Marks the reported statements pushed from index q on to lose their
 * speaker (their content stands, their source is another statement's);
 * unhide() clears them once split_statements() has used the speaker to
 * tell where each statement begins. */
enum { HIDDEN = -2 };

static void hide_speakers(ctx *c, size_t q) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t i = q; i < c->doc->quotes.len; i++)
    if (qs[i].kind == WS_QUOTE_REPORTED)
      qs[i].speaker = HIDDEN;
}

static void unhide(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t i = q0; i < c->doc->quotes.len; i++)
    if (qs[i].speaker == HIDDEN) {
      qs[i].speaker = -1;
      qs[i].speaker_start = qs[i].speaker_end = 0;
    }
}

/* 'X's claim that ...', "Trump's support for the wall": the possessor
 * speaks. */

/* "Caddell: Voters Are Worried", "PENCE: Well, look ...": a paragraph
 * that opens with a person's name and a colon (headlines, transcripts)
 * reports that person's words. */
static int name_colon(ctx *c, int32_t s0, int32_t s1) {
  if (!(c->tok[s0].flags & WS_TF_PARA))
    return WS_OK;
  span np = at_np_starting(c, s0, s1);
  if (np.s < 0 || np.e - np.s > 4)
    return WS_OK;
  int32_t colon = np.e;
  if (!is_punct(c, colon, ':') &&
      (isw(c, colon, W_TO) || isw(c, colon, W_ON) ||
       (is_word(c, colon) && ws_tok_is(c->doc->text, &c->tok[colon], "at")))) {
    /* "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": the
     * listener or the place in title case before the colon */
    span x = at_np_starting(c, colon + 1, s1);
    if (x.s >= 0 && x.e - x.s <= 4 && is_cap(c, x.s) &&
        is_punct(c, x.e, ':') && is_cap(c, np.e - 1))
      colon = x.e;
  }
  if (!is_punct(c, colon, ':'))
    return WS_OK;
  int32_t ent = at_mention_entity(c, np);
  if (ent < 0 || (entity_kind(c, ent) != WS_ENTITY_PERSON &&
                  entity_kind(c, ent) != WS_ENTITY_ORG)) {
    /* a headline's source in title case with no entity ("Poll: ...",
     * "Clinton Camp: ...", "Newspaper: ..."), but not a label of the
     * page ("Contributing:", "Twitter:", "BYLINE:", "Q:") */
    if (ent >= 0 && entity_kind(c, ent) == WS_ENTITY_PLACE)
      return WS_OK; /* a dateline or a section: "Iowa:" */
    for (int32_t j = np.s; j < np.e; j++)
      if (!is_cap(c, j) || ((c->tok[j].flags & WS_TF_UPPER) &&
                            np.e - np.s == 1))
        return WS_OK;
    if (ws_tok_in(c->doc->text, &c->tok[np.s], ws_words_page_labels))
      return WS_OK;
    int words = 0;
    for (int32_t j = colon + 1; j < s1 && words < 3; j++)
      words += is_word(c, j);
    if (words < 3)
      return WS_OK;
  }
  attr a = {np, {colon, colon + 1}, ent, 0};
  return at_push_reported(c, colon + 1, s1, &a);
}

/* A statement ends where the next one of the sentence begins: "X said
 * the plan is dead and Y warned that ..." or "X praised A, the actress
 * also pointed out that B" hold two (PARC gives each its own content).
 * Each reported quote pushed for the sentence (from index q0 on) is cut
 * before the speaker, or else the cue, of a later statement with a
 * speaker of its own that starts inside it, when at least three words of
 * its own remain. */
static void split_statements(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  for (size_t i = q0; i < n; i++) {
    if (qs[i].kind != WS_QUOTE_REPORTED)
      continue;
    uint32_t cut = qs[i].end;
    /* quotes are pushed in the order of their cues, and a content spans
     * at most CLAUSE_MAX tokens from its cue, so the later statements
     * that can start inside this one are the next few: linear work even
     * in a sentence of a million words */
    for (size_t j = i + 1; j < n && qs[j].cue_start < qs[i].end; j++) {
      const ws_quote *b = &qs[j];
      if (b->kind != WS_QUOTE_REPORTED || b->cue_end == b->cue_start ||
          b->start < b->cue_end)
        continue;
      uint32_t at;
      if (b->speaker_end == b->speaker_start ||
          b->speaker_start == qs[i].speaker_start) {
        /* a second statement of the same holder, coordinated with the
         * first: "noted that X and added that Y", "hailed X, warning
         * that Y" are two statements, not one (a cue inside the content
         * without a comma or coordinator is nested: "said he wants X") */
        int32_t tb = at_tok_at_or_after(c, b->cue_start);
        if (!(is_punct(c, tb - 1, ',') || isw(c, tb - 1, W_AND) ||
              isw(c, tb - 1, W_BUT)))
          continue;
        at = b->cue_start;
      } else {
        at = b->speaker_start < b->cue_start ? b->speaker_start
                                             : b->cue_start;
      }
      if (at > qs[i].start && at < cut && b->cue_start > qs[i].cue_start)
        cut = at;
    }
    if (cut == qs[i].end)
      continue;
    int32_t s = at_tok_at_or_after(c, qs[i].start);
    int32_t e = at_tok_at_or_after(c, cut);
    /* the later speaker's phrase may begin before the mention found for
     * it ("and the mayor of the town replied"): back to a coordinator or
     * comma a few words before */
    for (int32_t j = e - 1; j > s && j >= e - 6; j--) {
      if (is_punct(c, j, ',') || ws_tok_in(c->doc->text, &c->tok[j], ws_words_statement_joins)) {
        e = j;
        break;
      }
      if (!is_word(c, j) || c->f[j].cue)
        break;
    }
    while (e > s && (c->tok[e - 1].type != WS_TOK_WORD ||
                     ws_tok_in(c->doc->text, &c->tok[e - 1], ws_words_statement_joins)))
      e--;
    int words = 0;
    for (int32_t k = s; k < e && words < 3; k++)
      words += is_word(c, k);
    if (words >= 3)
      qs[i].end = c->tok[e - 1].end;
  }
}

/* The entity of the latest mention before token `at` whose canonical
 * name ends with the word of token w, ignoring case: the speaker label of
 * a transcript is written in capitals ("PENCE" for Mike Pence). */
static int32_t entity_by_label(ctx *c, int32_t at, int32_t w) {
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  const char *s = c->doc->text + c->tok[w].start;
  size_t n = c->tok[w].core_end - c->tok[w].start;
  int32_t last = -1;
  for (int32_t i = at - 1; i >= 0 && i > at - WORD_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || ms[m].entity == last)
      continue;
    last = ms[m].entity;
    const char *name = ents[last].name;
    size_t ln = strlen(name);
    if (ln < n || (ln > n && name[ln - n - 1] != ' '))
      continue;
    size_t k = 0;
    while (k < n && (name[ln - n + k] | 32) == (s[k] | 32))
      k++;
    if (k == n)
      return last;
  }
  return -1;
}

/* A direct quote that opens with a speaker's label in capitals and a
 * colon ('"WALLACE: Let's start ...'), the turn of a quoted transcript,
 * is that speaker's when no cue named one. */
static void transcript_speakers(ctx *c, size_t n_direct) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t k = 0; k < n_direct; k++) {
    if (qs[k].speaker_end != qs[k].speaker_start)
      continue;
    int32_t s = at_tok_at_or_after(c, qs[k].start), e = s;
    while (e < c->n && e < s + 4 && is_word(c, e) &&
           (c->tok[e].flags & WS_TF_UPPER))
      e++;
    if (e == s || !is_punct(c, e, ':') || c->tok[e].start >= qs[k].end)
      continue;
    qs[k].speaker = entity_by_label(c, s, e - 1);
    qs[k].speaker_start = c->tok[s].start;
    qs[k].speaker_end = c->tok[e - 1].core_end;
    qs[k].cue_start = c->tok[e].start;
    qs[k].cue_end = c->tok[e].end;
  }
}

/* Two patterns may read the same statement ("his plans for X" as a noun
 * of stance and as a verb): the sentence's reported quotes from index q0
 * on keep one of each span, the one that names a speaker.  Each is
 * compared with the few before it only (quotes come in the order of
 * their cues), so the work stays linear. */
static void dedupe(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len, w = q0;
  for (size_t i = q0; i < n; i++) {
    int dup = 0;
    if (qs[i].kind == WS_QUOTE_REPORTED)
      for (size_t j = w; j > q0 && j + 8 > w; j--) {
        ws_quote *p = &qs[j - 1];
        if (p->kind != WS_QUOTE_REPORTED || p->start != qs[i].start ||
            p->end != qs[i].end)
          continue;
        if (p->speaker_end == p->speaker_start &&
            qs[i].speaker_end != qs[i].speaker_start)
          *p = qs[i];
        dup = 1;
        break;
      }
    if (!dup)
      qs[w++] = qs[i];
  }
  c->doc->quotes.len = w;
}

/* 1 when token k is a whole answer closing its clause: "said yes.",
 * "said no,", "thought so.", "said nothing." */
static int answer_word(const ctx *c, int32_t k, int32_t s1) {
  return ws_tok_in(c->doc->text, &c->tok[k], ws_words_answer_words) &&
         (k + 1 >= s1 || ends_sentence(c, k + 1) || is_punct(c, k + 1, ','));
}

/* Sentence by sentence: the current speaker follows the direct quotes,
 * "Name: ..." paragraphs first, then each token that is not in a quote is
 * offered to the stance rules (stance.c) and, when it is a cue, read in
 * three steps: its speaker (the subject, "according to X", "Asked ...,
 * X", "As X noted", an inverted "said X"), then the content after it (a
 * clause, a topic, a position or label, an infinitive, past a listener, a
 * medium or a parenthesis), else the statement before it ("..., he
 * said."); split_statements() and dedupe() then set the boundaries.
 *
 * One piece, about 500 lines, on purpose for now: the three steps are one
 * decision list whose later cases read what the earlier ones computed
 * (the speaker phrase and its end, the cue's last token, the sentence
 * window, hide_from for statements reported inside another) and leave the
 * token with `continue` at 18 places; cut into functions, each would
 * take and return most of that state.  The comments inside name each
 * case by the sentence it reads. */
int at_reported(ctx *c, size_t n_direct) {
  transcript_speakers(c, n_direct);
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
        c->last_tok = at_tok_at_or_after(c, d->speaker_start);
      }
    }
    size_t q0 = c->doc->quotes.len;
    int rc0 = name_colon(c, s0, s1);
    if (rc0)
      return rc0;
    size_t hide_from = (size_t)-1; /* statements to leave unattributed */
    for (int32_t v = s0; v < s1; v++) {
      if (hide_from != (size_t)-1) {
        hide_speakers(c, hide_from);
        hide_from = (size_t)-1;
      }
      if (c->in_quote[v] >= 0)
        continue;
      /* only words that can open one of these rules (C_RULE): a rule
       * added here must add the words it first tests to C_RULE in
       * build_wtab(), or it never runs */
      int rcn = WS_OK;
      if (c->f[v].cls & C_RULE) {
        rcn = at_nominal(c, v, s1, q0);
        if (!rcn)
          rcn = at_impression(c, v, s1);
        if (!rcn)
          rcn = at_stance_verb(c, v, s0, s1, q0);
        if (!rcn)
          rcn = at_belief_adjective(c, v, s0, s1);
        if (!rcn)
          rcn = at_topic_question(c, v, s1);
        if (!rcn)
          rcn = at_copula_content(c, v, s0, s1);
        if (!rcn)
          rcn = at_stance_person(c, v, s1);
      }
      if (rcn)
        return rcn;
      int f;
      int32_t l;
      if (!cue_at(c, v, &f, &l))
        continue;
      if (!(f & (WS_CUE_CLAUSE | WS_CUE_STANCE | WS_CUE_NAMING |
                 WS_CUE_TOPIC)))
        continue;
      /* "states", "maintained", "proved" report only a that-clause: not
       * "several states say", "maintained a lead", "proved popular" (after
       * a quote they still cue it: '"...," she maintained') */
      if (inc(c, v, C_THATONLY) && is_word(c, l + 1) &&
          !isw(c, l + 1, W_THAT))
        continue;
      if ((inc(c, v - 1, C_BE) || isw(c, v - 1, W_WHEN)) &&
          (f & WS_CUE_OBJECT) && !(f & WS_CUE_PRESENT) &&
          (inc(c, l + 1, C_WH) || isw(c, l + 1, W_ABOUT))) {
        /* "when asked about the pier", "voters were asked who ...": the
         * question is reported, its asker is not named */
        attr q = {NO_SPAN, {v, l + 1}, -1, 2};
        int32_t b = isw(c, l + 1, W_ABOUT) ? l + 2 : l + 1, e = b + 1;
        while (e < s1 && !is_punct(c, e, ',') && !ends_sentence(c, e))
          e++;
        int rc = at_push_reported(c, b, e, &q);
        if (rc)
          return rc;
        continue;
      }
      int32_t pb = v - 1; /* "is widely expected", "was also told" */
      for (int skip = 0; skip < 2 && pb > s0 &&
                         (is_ly_adverb(c, pb) ||
                          (inc(c, pb, C_FILLER) && !inc(c, pb, C_BE)));
           skip++)
        pb--;
      if (inc(c, pb, C_BE) && !(f & WS_CUE_PRESENT) &&
          !isw(c, v, W_ACCORDING) && !ends_in_ing(c, v)) {
        /* a passive: "Texas was called for X" is no statement; "it was
         * reported that ...", "voters were told to ..." report a clause
         * whose source is not named */
        if (ws_tok_is(c->doc->text, &c->tok[l + 1], "by")) {
          /* "was told by aides that ...", "was asked by the host
           * whether ...": the agent is the source */
          attr q = {at_source_of(c, l + 2, s1), {v, l + 1}, -1, 0};
          int32_t k = q.np.s >= 0 ? q.np.e : -1;
          if (k > 0 && (isw(c, k, W_THAT) || inc(c, k, C_WH)) &&
              is_word(c, k + 1)) {
            q.ent = at_resolve(c, q.np);
            int rc = at_push_reported(c, isw(c, k, W_THAT) ? k + 1 : k, s1, &q);
            if (rc)
              return rc;
          } else if (k > 0) {
            /* "The plan was rejected by the council", "The meeting was
             * first reported by the paper": the passive's subject is
             * what the agent said or took a stance on */
            span subj = at_subject_before(c, pb, s0);
            if (subj.s >= 0) {
              q.ent = at_resolve(c, q.np);
              q.min_words = 1;
              int rc = at_push_reported(c, subj.s, subj.e, &q);
              if (rc)
                return rc;
            }
          }
        } else if ((f & WS_CUE_CLAUSE) &&
            (isw(c, l + 1, W_THAT) ||
             (isw(c, l + 1, W_TO) && is_word(c, l + 2) &&
              !is_cap(c, l + 2) && !inc(c, l + 2, C_DET | C_SUBJ | C_OBJ)))) {
          attr q = {NO_SPAN, {v, l + 1}, -1, 0};
          int rc = at_push_reported(c, isw(c, l + 1, W_THAT) ? l + 2 : l + 1,
                                 s1, &q);
          if (rc)
            return rc;
        }
        continue;
      }
      attr a = {NO_SPAN, {v, l + 1}, -1, 0};
      if (isw(c, v, W_ACCORDING)) {
        a.np = at_source_of(c, l + 1, s1);
        if (a.np.s < 0)
          continue;
        a.ent = at_resolve(c, a.np);
        int rc;
        /* "According to X, ...", and after a short lead-in: "In
         * addition, according to the department, ...", "But, according
         * to the poll, ..." */
        int lead = 0;
        for (int32_t j = s0; j < v && j < s0 + 8 && lead < 4; j++)
          lead += is_word(c, j);
        if (v == s0 || (v == s0 + 1 && c->tok[s0].type == WS_TOK_QUOTE) ||
            (v - s0 <= 8 && lead < 4 && is_punct(c, v - 1, ',') &&
             is_punct(c, a.np.e, ','))) {
          int32_t k = a.np.e;
          while (k < s1 && !is_punct(c, k, ','))
            k++;
          rc = at_push_reported(c, k + 1, s1, &a);
        } else {
          rc = at_push_reported(c, s0, v, &a);
        }
        if (rc)
          return rc;
        v = l;
        continue;
      }
      if ((f & WS_CUE_PART) || isw(c, v - 1, W_AND) ||
      isw(c, v - 1, W_BUT)) {
        a.np = at_clause_subject(c, v, s0); /* "..., and says he will" */
        if (inc(c, pb, C_BE) && ends_in_ing(c, v)) {
          /* the progressive: "Obama is defending X" has the subject of
           * its auxiliary */
          span sb = at_subject_before(c, pb, s0);
          if (sb.s >= 0)
            a.np = sb;
        }
      } else {
        a.np = at_subject_before(c, v, s0);
        if ((f & WS_CUE_INVERT) && is_punct(c, v - 1, ',')) {
          /* "..., said Steve Grubbs, an operative": a name after the
           * verb, closing the sentence or followed by its apposition, is
           * the speaker, unless a name stands before ("Vik, the mayor,
           * said Berg was late") */
          span inv = at_np_starting(c, l + 1, s1);
          int named_before = a.np.s >= 0 &&
                             (is_cap(c, a.np.e - 1) ||
                              c->doc->tok_mention[a.np.e - 1] >= 0 ||
                              inc(c, a.np.s, C_SUBJ | C_REL));
          if (a.np.s < 0 ||
              (inv.s >= 0 && !named_before &&
               (is_cap(c, inv.e - 1) || c->doc->tok_mention[inv.e - 1] >= 0) &&
               (inv.e >= s1 || ends_sentence(c, inv.e) ||
                is_punct(c, inv.e, ','))))
            a.np = inv;
        }
      }
      int32_t wq = a.np.s < 0 && (f & WS_CUE_OBJECT) ? asked_what(c, l + 1, s1)
                                                      : -1;
      if (wq >= 0) {
        /* "Asked whether the pier is safe, the mayor said ...", "Asked
         * on the radio about the pier, ...": the question is reported,
         * its asker is not named */
        int32_t e = wq + 1;
        while (e < s1 && !is_punct(c, e, ',') && !ends_sentence(c, e))
          e++;
        a.min_words = 1; /* "Asked about the closure" */
        int rc = at_push_reported(c, isw(c, wq, W_ABOUT) ? wq + 1 : wq, e, &a);
        if (rc)
          return rc;
        continue;
      }
      if (a.np.s < 0 && isw(c, v - 1, W_AS) &&
          (ws_tok_is(c->doc->text, &c->tok[l + 1], "by") ||
           (isw(c, l + 1, W_IN) && inc(c, l + 2, C_DET | C_MEDIA)) ||
           (isw(c, l + 1, W_IN) && is_cap(c, l + 2)))) {
        /* "As reported by the paper, ...", "As stated in the letter,
         * ...", "As noted in Vik's column, ...": the agent, or the text
         * that states it, is the source */
        a.np = at_source_of(c, l + 2, s1);
        int32_t k = a.np.s >= 0 ? a.np.e : s1;
        if (is_punct(c, k, ',')) {
          a.ent = at_resolve(c, a.np);
          int rc = at_push_reported(c, k + 1, s1, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      if (a.np.s < 0 && neg_aux(c, v - 1))
        a.np = at_subject_before(c, v - 1, s0); /* "we don't know how" */
      if (a.np.s < 0 && (f & WS_CUE_CLAUSE) && !(f & WS_CUE_PART))
        a.np = head_before(c, v, s0);
      int unread = (f & WS_CUE_PRESENT) && !(f & WS_CUE_PART) &&
                   !at_present_verb_context(c, v) && !at_after_apposition(c, v);
      if (unread)
        a.np = NO_SPAN; /* a base form read as a verb only for the clause
                           after it ("critics of the plan say that", "nine
                           in ten polled say they"): the word before is not
                           its subject, and the subject is not read */
      if (a.np.s < 0) {
        /* no subject to read ("Having announced that ...", "Let me just
         * say that ...", "a court document filed Thursday says that"),
         * but a that-clause is still a statement: reported with no
         * speaker */
        int32_t th = (f & WS_CUE_CLAUSE) ? that_after(c, l + 1, s1) : -1;
        if (th < 0 && unread && inc(c, l + 1, C_SUBJ))
          th = l; /* the clause opens with its subject */
        if (th < 0 && (f & (WS_CUE_TOPIC | WS_CUE_CLAUSE)) &&
            isw(c, l + 1, W_ABOUT) && l + 2 < s1 &&
            (inc(c, l + 2, C_DET) || is_cap(c, l + 2) ||
             c->doc->tok_mention[l + 2] >= 0)) {
          /* "after talking about the budget": the topic, its speaker
           * unread */
          int32_t e = at_phrase_end(c, l + 2, s1);
          a.min_words = 1;
          int rc = at_push_reported(c, l + 2, e, &a);
          if (rc)
            return rc;
          continue;
        }
        if (th >= 0) {
          /* an opening participle clause ends at its comma: "Having
           * announced that the bridge would close, the council left" */
          int32_t e = s1;
          if (v - s0 <= 2)
            for (int32_t j = th + 1; j < s1 && j < th + CLAUSE_MAX; j++)
              if (is_punct(c, j, ',') && c->in_quote[j] < 0) {
                e = j;
                break;
              }
          int rc = at_push_reported(c, th + 1, e, &a);
          if (rc)
            return rc;
        } else if ((f & (WS_CUE_STANCE | WS_CUE_SPEECH)) &&
                   isw(c, l + 1, W_TO) && is_word(c, l + 2) &&
                   !is_cap(c, l + 2) &&
                   !inc(c, l + 2, C_DET | C_SUBJ | C_OBJ) &&
                   !inc(c, v, C_PLAINSAY)) {
          /* "have pledged to end the programs", "most in Miami want to
           * change the law": the undertaking, its holder unread */
          a.min_words = 2;
          int rc = at_push_reported(c, l + 1, s1, &a);
          if (rc)
            return rc;
        } else if ((f & (WS_CUE_STANCE | WS_CUE_NAMING)) &&
                   !(f & WS_CUE_CLAUSE) && l + 1 < s1 &&
                   (inc(c, l + 1, C_DET) || is_cap(c, l + 1) ||
                    c->doc->tok_mention[l + 1] >= 0)) {
          /* "praising the candidate", "backing Jeb Bush": the stance's
           * object, its holder unread */
          int32_t e = at_phrase_end(c, l + 1, s1);
          a.min_words = 1;
          int rc = at_push_reported(c, l + 1, e, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* a belief or stance inside another statement of the sentence
       * ("47 percent said they would support X") is part of that
       * statement: its content is reported, but "they" is not named as a
       * second source */
      if (!(f & WS_CUE_SPEECH) && at_inside_reported(c, q0, v))
        hide_from = c->doc->quotes.len;
      a.ent = at_resolve(c, a.np);
      if (a.ent >= 0) {
        c->last_ent = a.ent;
        c->last_tok = a.np.s;
      }
      int32_t k = l + 1;
      int skipped = 0;
      if (a.np.s == l + 1) {
        /* "The pier is too short, said Lena Vik, a teacher.": the
         * statement is what comes before the cue */
        if (v - 1 > s0) {
          int rc = at_push_reported(c, s0, v - 1, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* what the statement was about: "talked about the pier", "warned
       * against it", "complained of the noise" (PARC annotates the topic
       * of a statement as its content) */
      if (isw(c, k, W_ABOUT) || isw(c, k, W_AGAINST) ||
          (isw(c, k, W_OF) && (f & (WS_CUE_CLAUSE | WS_CUE_TOPIC)))) {
        int rc = at_push_reported(c, k + 1, s1, &a);
        if (rc)
          return rc;
        continue;
      }
      if (f & WS_CUE_TOPIC)
        continue; /* "spoke to reporters": no statement named */
      if (!(f & WS_CUE_CLAUSE)) {
        /* a position taken or a label given: "endorsed the plan",
         * "wants to cut taxes", "called for a recount" */
        if (isw(c, k, W_FOR) || isw(c, k, W_ON) ||
            (isw(c, k, W_TO) && isw(c, v, W_REFERRING)))
          k++;
        if (k < s1 && !ends_sentence(c, k) && !is_punct(c, k, ',')) {
          /* the object ends where a second predicate of the holder
           * begins: "hailed the streak, challenging rivals to ...",
           * "endorsed Vik and attacked Berg" */
          int32_t e = k + 1;
          for (; e < s1 && e < k + CLAUSE_MAX; e++)
            if ((is_punct(c, e, ',') &&
                 (ends_in_ing(c, e + 1) || c->f[e + 1].cue)) ||
                ((isw(c, e, W_AND) || isw(c, e, W_BUT)) && e + 1 < s1 &&
                 c->f[e + 1].cue))
              break;
          a.min_words = 1;
          int rc = at_push_reported(c, k, e >= k + CLAUSE_MAX ? s1 : e, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* "told reporters that", "said in a statement Tuesday that" */
      if ((f & WS_CUE_OBJECT) && k < s1) {
        span o = listener(c, k, s1);
        if (o.s < 0)
          o = at_np_starting(c, k, s1);
        if (o.s < 0 && inc(c, k, C_DET))
          o = at_np_starting(c, k + 1, s1); /* "told The Atlantic's X" */
        if (o.s < 0 && is_word(c, k) && !inc(c, k, C_CLFILL))
          o.s = k, o.e = k + 1;
        if (o.s >= 0)
          k = o.e;
        /* "told The Star-Ledger of Newark": the listener's place */
        if (o.s >= 0 && isw(c, k, W_OF) && is_cap(c, k + 1)) {
          span pl = at_np_starting(c, k + 1, s1);
          if (pl.s >= 0)
            k = pl.e;
        }
      }
      /* what one undertakes or urges: "vowed to stay", "agreed to pay",
       * "urged the council to act" (the infinitive is the content), also
       * past a time: "vowed last month to stay", "promised Monday to" */
      {
        int32_t kt = k;
        for (int n = 0; n < 3 && inc(c, kt, C_CLFILL) && !isw(c, kt, W_THAT) &&
                        !isw(c, kt, W_ON);
             n++)
          kt++;
        if (kt > k && isw(c, kt, W_TO))
          k = kt;
      }
      if (isw(c, k, W_TO) && is_word(c, k + 1) && !is_cap(c, k + 1) &&
          !inc(c, k + 1, C_DET | C_SUBJ) && k + 1 < s1 &&
          !inc(c, v, C_PLAINSAY)) { /* not "said to cheers" */
        a.min_words = 2;
        int rc = at_push_reported(c, k, s1, &a);
        if (rc)
          return rc;
        continue;
      }
      /* "said in a statement", "wrote in a long Facebook post" */
      if (isw(c, k, W_IN) && inc(c, k + 1, C_DET)) {
        for (int32_t j = k + 2; j < s1 && j < k + 6; j++)
          if (inc(c, j, C_MEDIA)) {
            k = j + 1;
            break;
          }
      }
      while (k < s1 && skipped < 6 && inc(c, k, C_CLFILL) &&
             !isw(c, k, W_THAT) &&
             !(isw(c, k, W_ON) && !inc(c, k + 1, C_TIMEW | C_CLFILL)))
        k++, skipped++; /* "on Monday", but not "on NBC's show" */
      if (is_punct(c, k, ',')) {
        /* "He believes, for example, that ...": a parenthesis */
        int32_t th = that_after(c, k, s1);
        if (th >= 0)
          k = th;
      }
      /* "X says at a campaign stop in Toledo, Ohio, that ...": a phrase
       * of place or time before the complementizer */
      for (int32_t j = k; j < s1 && j < k + 12; j++) {
        if (isw(c, j, W_THAT)) {
          if (j > k && (is_word(c, k) && !is_cap(c, k) &&
                        inc(c, k, C_NOTCL)))
            k = j;
          break;
        }
        int g;
        int32_t m;
        if (!(is_word(c, j) || is_punct(c, j, ',') ||
              c->tok[j].type == WS_TOK_NUMBER) ||
            cue_at(c, j, &g, &m))
          break;
      }
      if (is_punct(c, k, ':') && k + 1 < c->n &&
          (c->tok[k + 1].flags & WS_TF_PARA) &&
          c->tok[k + 1].type != WS_TOK_QUOTE && c->in_quote[k + 1] < 0) {
        /* "The governor added:" closing its paragraph, and the words
         * follow in the next paragraph without quotation marks: that
         * paragraph is the statement */
        int32_t e = k + 2;
        while (e < c->n && e < k + 1 + CLAUSE_MAX &&
               !(c->tok[e].flags & WS_TF_PARA))
          e++;
        int rc = at_push_reported(c, k + 1, e, &a);
        if (rc)
          return rc;
        continue;
      }
      int introduced = isw(c, k, W_THAT) || is_punct(c, k, ':');
      if (introduced)
        k++; /* "X said that ...", "X said: ..." */
      if (introduced && isw(c, k - 1, W_THAT) && is_punct(c, k, ',') &&
          is_word(c, k + 1))
        k++; /* "said that, among voters, ..." */
      int rc = WS_OK;
      int32_t as = inc(c, a.np.s - 1, C_DET) ? a.np.s - 2 : a.np.s - 1;
      if (as == s0 && isw(c, as, W_AS) && is_punct(c, k, ',')) {
        /* "As the paper noted, trust is collapsing." */
        rc = at_push_reported(c, k + 1, s1, &a);
      } else if (as > s0 && isw(c, as, W_AS) && is_punct(c, as - 1, ',') &&
                 is_punct(c, k, ',')) {
        /* "..., as the paper reported on Monday, the mayor is leaving":
         * what follows is reported, or what precedes when little does */
        int after = 0;
        for (int32_t j = k + 1; j < s1 && j < k + 12 && after < 3; j++)
          after += is_word(c, j);
        rc = after >= 3 ? at_push_reported(c, k + 1, s1, &a)
                        : at_push_reported(c, s0, as - 1, &a);
      } else if (as > s0 && isw(c, as, W_AS) && is_punct(c, as - 1, ',') &&
                 (k >= s1 - 1 || ends_sentence(c, k))) {
        /* "The mayor is leaving, as the paper reported." */
        rc = at_push_reported(c, s0, as - 1, &a);
      } else if (a.np.s > s0 && is_punct(c, a.np.s - 1, ',') &&
                 is_punct(c, k, ',') && k + 1 < s1 &&
                 c->tok[k + 1].type != WS_TOK_QUOTE) {
        /* "The plan, he said, is dead.", but not "Still, he said,
         * "...": there the quotation is the statement */
        rc = at_push_reported(c, s0, s1, &a);
      } else if (as > s0 &&
                 (is_punct(c, as, ',') || (c->tok[as].type == WS_TOK_QUOTE &&
                                           is_punct(c, as - 1, ','))) &&
                 (k >= s1 - 1 || ends_sentence(c, k) || inc(c, k, C_TRAIL))) {
        /* "The plan is dead, he said in Oslo.", also with the comma inside
         * a closing mark: '... "a good plan," the paper reported.' */
        rc = at_push_reported(c, s0, as, &a);
      } else if (k < s1 &&
                 (introduced || !inc(c, k, C_NOTCL) ||
                  isw(c, k + 1, W_THAN) || /* "said more than ..." */
                  answer_word(c, k, s1)) &&
                 (skipped < 6) && !ends_sentence(c, k) &&
                 !is_punct(c, k, ',') && !is_punct(c, k, ':')) {
        /* a short answer is a statement too ("said yes", "said so",
         * "would not say when"), but not a phrase of time, place or
         * manner closing the sentence ("said this week", "said here",
         * "said sarcastically") */
        if (!ws_tok_in(c->doc->text, &c->tok[k], ws_words_closing_adjuncts) &&
            !is_ly_adverb(c, k) && !inc(c, k, C_TIMEW) &&
            !inc(c, k + 1, C_TIMEW))
          a.min_words = 1;
        rc = at_push_reported(c, k, s1, &a);
      }
      if (rc)
        return rc;
    }
    if (hide_from != (size_t)-1)
      hide_speakers(c, hide_from);
    split_statements(c, q0);
    unhide(c, q0);
    dedupe(c, q0);
  }
  return WS_OK;
}

