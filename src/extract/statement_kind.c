/*
 * statement_kind.c - what each quote says and how sure we are of it.
 *
 * PolNeAR and PARC annotate every attribution, beliefs and topics
 * included, so attrib.c reports "welcomed the ceasefire" as readily as
 * "said the ceasefire would hold".  A reader listing what a person said
 * wants the second.  This pass runs after attribution and grades every
 * quote from three pieces of evidence, all read off the tokens:
 *
 *   the cue's sense      a verb of saying (said, told, vowed, according
 *                        to), of belief or evidence (thinks, found, shows),
 *                        of stance or label (backed, accused, called), of
 *                        topic (talked about), or a noun or preposition
 *                        (support for, questions about)
 *   the complement       a that-clause, a question (whether, how), a quoted
 *                        clause, an infinitive, a clause with its own verb,
 *                        content before the cue ("..., X said"), or a bare
 *                        noun phrase
 *   the speaker          resolved to an entity, a description left as its
 *                        mention, or none
 *
 * A statement is a clause, question, quotation or infinitive after a verb
 * of saying, or anything "according to" a source (Quirk et al., A
 * Comprehensive Grammar of the English Language (1985), 14.29 and 16.31:
 * reporting clauses; Pareti 2012, PARC 3.0, for the cue types).  An
 * infinitive after a verb of intention ("plans to visit") and any
 * complement of a stance verb is a stance; a bare noun phrase is a topic.
 * The confidence starts from the kind and the cue and loses weight when no
 * speaker was found; WS_CONFIDENT is the line a reader's default listing
 * draws.  Nothing is removed here; the work is a few token reads a quote.
 */
#include <string.h>

#include "extract/cue.h"
#include "extract/doc.h"
#include "words/words.h"

enum {
  COMP_NP = 0, /* a bare noun phrase: "the ceasefire" */
  COMP_THAT,   /* "that ..." */
  COMP_WH,     /* "whether ...", "how ..." */
  COMP_INF,    /* "to ..." */
  COMP_QUOTE,  /* opens with a quotation mark */
  COMP_CLAUSE, /* a clause with an auxiliary or a verb of its own */
  COMP_BEFORE  /* the content precedes its cue: "..., X said" */
};

/* Words of a clause read to find its verb: "the plan will fail" holds
 * one by its fourth word; a noun phrase with a relative clause further on
 * ("the idea that ...") is still a noun phrase. */
enum { CLAUSE_WORDS = 5 };

static const char *const wh_words[] = {"whether", "if",   "how",  "what",
                                       "why",     "when", "where", "who",
                                       "which",   NULL};

/* The first token starting at or after byte off (n when none). */
static size_t tok_at(const ws_tokens *t, uint32_t off) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->tok[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* 1 when the lower-case word t ends in -ed: a past form ("failed",
 * "violated"), which a noun phrase of a few words rarely holds before its
 * head.  (A final -s is as often a plural as a verb: "my messages".) */
static int verb_like(const char *text, const ws_token *t) {
  size_t n = t->end - t->start;
  const char *w = text + t->start;
  return t->type == WS_TOK_WORD && !(t->flags & WS_TF_CAP) && n >= 4 &&
         w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* The complement type of a reported quote whose content is [cs, ce)
 * (token indices) and whose cue ends before it. */
static int complement(const ws_doc *doc, size_t cs, size_t ce) {
  const ws_tokens *tt = &doc->tokens;
  const char *text = doc->text;
  if (cs >= ce)
    return COMP_NP;
  const ws_token *f = &tt->tok[cs];
  if (f->type == WS_TOK_QUOTE)
    return COMP_QUOTE;
  if (ws_tok_is(text, f, "that"))
    return COMP_THAT;
  if (ws_tok_in(text, f, wh_words))
    return COMP_WH;
  if (ws_tok_is(text, f, "to") && cs + 1 < ce &&
      tt->tok[cs + 1].type == WS_TOK_WORD)
    return COMP_INF;
  int words = 0;
  for (size_t i = cs; i < ce && words < CLAUSE_WORDS; i++) {
    const ws_token *t = &tt->tok[i];
    if (t->type == WS_TOK_PUNCT && t->cp != '-' && t->cp != 0x2019)
      break; /* a comma or a dash closes the phrase the verb must be in */
    if (t->type != WS_TOK_WORD)
      continue;
    words++;
    if (ws_tok_in(text, t, ws_words_clause_verbs) ||
        (words > 1 && verb_like(text, t)))
      return COMP_CLAUSE;
    /* "he's", "it'll", "they're": a subject and its verb in one word */
    if ((t->flags & WS_TF_APOS) && !(t->flags & WS_TF_POSS) &&
        ws_tok_in(text, t, ws_words_subject_pronouns))
      return COMP_CLAUSE;
  }
  return COMP_NP;
}

/* The cue's flags: its first word's, 0 for a noun, a preposition or a
 * colon ("according to" is asked apart). */
static int cue_flags(const ws_doc *doc, const ws_quote *q) {
  if (q->cue_end <= q->cue_start)
    return 0;
  const char *w = doc->text + q->cue_start;
  size_t n = q->cue_end - q->cue_start;
  size_t k = 0;
  while (k < n && w[k] != ' ')
    k++;
  return ws_cue_flags(w, k);
}

static int according(const ws_doc *doc, const ws_quote *q) {
  size_t n = q->cue_end - q->cue_start;
  const char *w = doc->text + q->cue_start;
  return n >= 9 && (w[0] == 'a' || w[0] == 'A') &&
         memcmp(w + 1, "ccording", 8) == 0;
}

/* 1 when the speaker phrase is a lone pronoun ("he", "they"): left
 * unresolved it names nobody, where a description ("a Democratic
 * source") still tells the reader who spoke. */
static int pronoun_speaker(const ws_doc *doc, const ws_quote *q) {
  size_t i = tok_at(&doc->tokens, q->speaker_start);
  return i < doc->tokens.n && doc->tokens.tok[i].core_end >= q->speaker_end &&
         (ws_tok_in(doc->text, &doc->tokens.tok[i], ws_words_subject_pronouns) ||
          ws_tok_is(doc->text, &doc->tokens.tok[i], "who") ||
          ws_tok_is(doc->text, &doc->tokens.tok[i], "which"));
}

static float speaker_weight(const ws_doc *doc, const ws_quote *q) {
  if (q->speaker >= 0)
    return 0.05f;
  if (q->speaker_end > q->speaker_start && !pronoun_speaker(doc, q))
    return -0.05f; /* a description the reader can still read */
  return -0.35f;
}

static void grade_reported(const ws_doc *doc, ws_quote *q) {
  const ws_tokens *tt = &doc->tokens;
  int flags = cue_flags(doc, q);
  int comp;
  if (q->cue_end > q->cue_start && q->cue_start >= q->end)
    comp = COMP_BEFORE;
  else
    comp = complement(doc, tok_at(tt, q->start), tok_at(tt, q->end));
  size_t ci = tok_at(tt, q->cue_start);
  int intention = ci < tt->n && ws_tok_in(doc->text, &tt->tok[ci],
                                          ws_words_intention_verbs);
  ws_statement_kind kind = WS_STATEMENT;
  float conf;
  int statement_comp = comp == COMP_THAT || comp == COMP_WH ||
                       comp == COMP_QUOTE || comp == COMP_CLAUSE ||
                       comp == COMP_BEFORE;
  if (according(doc, q)) {
    conf = 0.9f;
  } else if (flags & WS_CUE_SPEECH) {
    if (comp == COMP_INF && intention) {
      kind = WS_STATEMENT_STANCE, conf = 0.4f;
    } else if (statement_comp || comp == COMP_INF) {
      conf = comp == COMP_CLAUSE ? 0.8f : comp == COMP_INF ? 0.75f : 0.9f;
    } else {
      kind = WS_STATEMENT_TOPIC, conf = 0.3f;
    }
  } else if (flags & WS_CUE_STANCE) {
    kind = WS_STATEMENT_STANCE, conf = 0.4f;
  } else if (flags & WS_CUE_TOPIC) {
    kind = WS_STATEMENT_TOPIC, conf = 0.25f;
  } else if (flags & (WS_CUE_CLAUSE | WS_CUE_NAMING)) {
    /* beliefs and evidence ("thinks", "found", "shows") and labels
     * ("called it", "described as") */
    if (comp == COMP_INF && intention)
      kind = WS_STATEMENT_STANCE, conf = 0.4f;
    else if (statement_comp || comp == COMP_INF)
      conf = (flags & WS_CUE_NAMING) ? 0.7f : 0.6f;
    else if (flags & WS_CUE_NAMING)
      kind = WS_STATEMENT_STANCE, conf = 0.4f;
    else
      kind = WS_STATEMENT_TOPIC, conf = 0.3f;
  } else {
    /* a noun or preposition of saying: "Trump's claim that ..." states,
     * "support for the wall", "questions about X" do not; a colon after a
     * name ("Trump: ...") introduces words as a cue does */
    int colon = q->cue_end - q->cue_start == 1 &&
                doc->text[q->cue_start] == ':';
    if (comp == COMP_THAT || colon)
      conf = 0.65f;
    else if (comp == COMP_INF)
      kind = WS_STATEMENT_STANCE, conf = 0.3f;
    else
      kind = WS_STATEMENT_TOPIC, conf = 0.2f;
  }
  if ((flags & WS_CUE_PRESENT) && !according(doc, q))
    conf -= 0.05f; /* "to say", "would say": often no saying took place */
  conf += speaker_weight(doc, q);
  q->statement = kind;
  q->confidence = conf < 0.0f ? 0.0f : conf > 1.0f ? 1.0f : conf;
}

/* A direct quote: sure with a cue and a speaker, less so with a speaker
 * carried from the quotes before it, unsure with none. */
static void grade_direct(ws_quote *q) {
  q->statement = WS_STATEMENT;
  if (q->speaker_end <= q->speaker_start)
    q->confidence = 0.4f;
  else if (q->cue_end <= q->cue_start)
    q->confidence = 0.75f;
  else
    q->confidence = q->speaker >= 0 ? 0.95f : 0.85f;
}

int ws_statement_grade(ws_doc *doc) {
  ws_quote *qs = doc->quotes.items;
  for (size_t i = 0; i < doc->quotes.len; i++) {
    if (qs[i].kind == WS_QUOTE_REPORTED)
      grade_reported(doc, &qs[i]);
    else
      grade_direct(&qs[i]);
  }
  return WS_OK;
}
