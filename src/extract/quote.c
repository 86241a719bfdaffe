/*
 * quote.c - direct quotations: pairing quotation marks into spans.
 *
 * One left-to-right pass over the quotation-mark tokens with a small stack
 * of open marks.  Whether a mark opens or closes is decided from its code
 * point and its flanking (white space or punctuation on either side), the
 * rule CommonMark's smart punctuation uses for straight quotes:
 *
 *   - a mark after white space / an opening bracket and before a word opens;
 *     a mark after a word or punctuation and before white space closes;
 *   - the code point narrows the choice by language convention (Chicago
 *     Manual of Style 11.x, Duden, the Polish and French typographic norms):
 *     “…” English, „…“ German, „…” Polish, ”…” Swedish, «…» and « … »
 *     French, »…« German/Danish, ‹…› Swiss single, ‘…’ British or nested,
 *     '…' and "…" straight;
 *   - a closing mark must match the family of an open one; a stray closer is
 *     ignored, an inner opener left open is dropped by the outer closer.
 *
 * An apostrophe is never a quote: ' and ’ inside a word are part of the
 * word token already; a right-flanking ’ after an s (Palestinians’) or a
 * left-flanking ’ before a digit (’90s) or an elision (’em, ’til) is an
 * apostrophe unless a single quote is open on top of the stack.
 *
 * A doubled apostrophe '' (the typewriter " of some newspaper archives)
 * is one double mark.
 *
 * Paragraphs bound every quote: at a paragraph break an open quote either
 * continues (the new paragraph starts with an opening mark of the same
 * family, the convention for quotations running over several paragraphs)
 * or is abandoned, so an unbalanced mark never swallows the rest of a
 * document; inside one very long paragraph an open mark is abandoned
 * OPEN_MAX tokens after it opened.  Only outermost quotes are emitted;
 * nested ones stay inside.  A quoted transcript runs its marks over
 * paragraphs the same way, but each paragraph that opens with a speaker's
 * label in capitals ("WALLACE: ...") is a turn, and a quote of its own.
 *
 * Filtering scare quotes and titles needs the attribution cues and is done
 * in attrib.c.
 */
#include "extract/doc.h"
#include "words/words.h"

/* Families of quotation marks; a closer must match its opener's family. */
enum {
  FAM_STRAIGHT2, /* "…" */
  FAM_CURLY2,    /* “…”, „…“, „…”, ”…” */
  FAM_GUILL2,    /* «…», »…« */
  FAM_STRAIGHT1, /* '…' */
  FAM_CURLY1,    /* ‘…’, ‚…‘ */
  FAM_GUILL1     /* ‹…›, ›…‹ */
};

typedef struct open_mark {
  uint32_t tok; /* token index of the opening mark */
  int32_t cp;   /* the opening code point */
  int fam;      /* FAM_* */
} open_mark;

#define STACK_MAX 8 /* deeper nesting than this is not quotation */
/* An open mark left unclosed this many tokens after its opening (or its
 * reopening on a new paragraph) is abandoned: a paragraph of a document
 * with no line breaks can be megabytes long. */
#define OPEN_MAX 3000

static int is_single_fam(int fam) { return fam >= FAM_STRAIGHT1; }

/* Code points that count as "opening context" before a mark: white space
 * is handled by flags; these are brackets and dashes after which a mark
 * opens. */
static int opens_context(int32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == '/' ||
         ws_cp_is_dash(cp) || ws_quote_mark_class(cp) != 0;
}

typedef struct flank {
  int left;  /* may open: nothing or space/bracket before, a word after */
  int right; /* may close: a word or punctuation before, space/punct after */
} flank;

/* Flanking of the mark made of tokens i..j (j > i for a doubled mark). */
static flank flanking(const ws_tokens *tk, size_t i, size_t j) {
  const ws_token *t = &tk->tok[i];
  const ws_token *p = i > 0 ? &tk->tok[i - 1] : NULL;
  const ws_token *n = j + 1 < tk->n ? &tk->tok[j + 1] : NULL;
  int space_b = (t->flags & WS_TF_SPACE_B) || !p;
  int space_a = (tk->tok[j].flags & WS_TF_SPACE_A) || !n;
  int prev_open = !space_b && p && opens_context(p->cp) &&
                  p->type != WS_TOK_WORD;
  int next_word = !space_a && n &&
                  (n->type == WS_TOK_WORD || n->type == WS_TOK_NUMBER ||
                   n->type == WS_TOK_QUOTE || n->cp == '(' || n->cp == '[' ||
                   n->cp == 0x2026 || n->cp == '.' || n->cp == '$');
  flank f;
  f.left = (space_b || prev_open) && next_word;
  f.right = !space_b && !prev_open;
  if (space_b && space_a) /* a mark standing alone: French « x » spacing */
    f.left = f.right = 0;
  return f;
}

/* 1 when the mark i..j, glued to the punctuation before it, still opens:
 * a colon lead-in with the space left out ("Vik:"We sail") or an English
 * opening “ after a comma or colon ("said,“We sail"), when a word follows
 * at once.  A straight mark after a comma is left alone: ',"she said'
 * closes a quote as often as it opens one. */
static int opens_after_punct(const ws_tokens *tk, size_t i, size_t j,
                             int32_t cp) {
  if (i == 0 || j + 1 >= tk->n || (tk->tok[i].flags & WS_TF_SPACE_B) ||
      (tk->tok[j].flags & WS_TF_SPACE_A) ||
      tk->tok[j + 1].type != WS_TOK_WORD)
    return 0;
  int32_t p = tk->tok[i - 1].cp;
  if (cp == '"')
    return p == ':';
  return cp == 0x201C && (p == ':' || p == ',' || p == ';');
}

/* 1 when the double mark i..j, after white space, opens a quotation that
 * begins with an ellipsis set off by a space (“ … and then he left”):
 * the elided start of a quotation (Chicago Manual of Style 13.50). */
static int opens_before_ellipsis(const ws_tokens *tk, size_t i, size_t j,
                                 int32_t cp) {
  if (!(cp == '"' || cp == 0x201C || cp == 0x201D) || j + 2 >= tk->n ||
      (i > 0 && !(tk->tok[i].flags & WS_TF_SPACE_B)))
    return 0;
  return tk->tok[j + 1].cp == 0x2026 && tk->tok[j + 2].type == WS_TOK_WORD;
}

/* The family a code point opens, or -1. */
static int open_family(int32_t cp) {
  switch (cp) {
  case '"': return FAM_STRAIGHT2;
  case 0x201C: case 0x201D: case 0x201E: return FAM_CURLY2;
  case 0x00AB: case 0x00BB: return FAM_GUILL2;
  case '\'': return FAM_STRAIGHT1;
  case 0x2018: case 0x201A: case 0x2019: return FAM_CURLY1;
  case 0x2039: case 0x203A: return FAM_GUILL1;
  default: return -1;
  }
}

/* 1 when cp closes an open mark o (same family, the right glyph). */
static int closes(const open_mark *o, int32_t cp) {
  switch (o->fam) {
  case FAM_STRAIGHT2:
  case FAM_CURLY2:
    /* “ closes with ”; „ with “ (German) or ” (Polish); ” with ” (Swedish).
     * Sloppy text closes “ with “ and mixes straight and curly marks
     * ("…” and “…"), so the two double families close each other. */
    return cp == '"' || cp == 0x201D || (cp == 0x201C && o->cp != 0x201D);
  case FAM_GUILL2: return (o->cp == 0x00AB) ? cp == 0x00BB : cp == 0x00AB;
  case FAM_STRAIGHT1: return cp == '\'' || cp == 0x2019;
  case FAM_CURLY1: return cp == 0x2019 || (cp == 0x2018 && o->cp == 0x201A);
  case FAM_GUILL1: return (o->cp == 0x2039) ? cp == 0x203A : cp == 0x2039;
  default: return 0;
  }
}

/* An apostrophe that is not inside a word: ’90s, ’em, ’til, rock ’n’ roll,
 * and a plural possessive (voters’, the Joneses'). */
static int is_apostrophe(const ws_doc *doc, size_t i, flank f) {
  const ws_tokens *tk = &doc->tokens;
  const ws_token *t = &tk->tok[i];
  if (t->cp != '\'' && t->cp != 0x2019)
    return 0;
  const ws_token *p = i > 0 ? &tk->tok[i - 1] : NULL;
  const ws_token *n = i + 1 < tk->n ? &tk->tok[i + 1] : NULL;
  if (f.left && n && (n->type == WS_TOK_NUMBER || (n->flags & WS_TF_DIGIT)))
    return 1;
  if (f.left && n && n->type == WS_TOK_WORD) {
    if (ws_tok_in(doc->text, n, ws_words_apostrophe_elisions))
      return 1;
  }
  if (f.right && p && p->type == WS_TOK_WORD && p->end == t->start) {
    char c = doc->text[p->end - 1];
    if (c == 's' || c == 'S' || c == 'z')
      return 1;
  }
  return 0;
}

/* Emits the quote opened by o whose content ends at byte e, before token
 * close_tok (its closing mark, or the first token of the next paragraph
 * when a paragraph ends the quote). */
static int emit_to(ws_doc *doc, const open_mark *o, size_t close_tok,
                   uint32_t e) {
  const ws_tokens *tk = &doc->tokens;
  uint32_t s = tk->tok[o->tok].end;
  /* Attribute values in markup (<tweet author="x">) are not quotations. */
  if (o->tok > 0 && tk->tok[o->tok - 1].cp == '=' &&
      !(tk->tok[o->tok].flags & WS_TF_SPACE_B))
    return WS_OK;
  int words = 0;
  for (size_t k = o->tok + 1; k < close_tok; k++)
    if (tk->tok[k].type == WS_TOK_WORD || tk->tok[k].type == WS_TOK_NUMBER)
      words++;
  if (!words)
    return WS_OK;
  /* trim white space inside French « … » spacing */
  int32_t cp;
  size_t l;
  while (s < e && (l = ws_text_decode(doc->text, e, s, &cp)) &&
         ws_cp_is_space(cp))
    s += (uint32_t)l;
  while (e > s && (l = ws_text_decode_back(doc->text, e, &cp)) &&
         ws_cp_is_space(cp))
    e -= (uint32_t)l;
  ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
  if (!q)
    return WS_ENOMEM;
  q->start = s;
  q->end = e;
  q->kind = WS_QUOTE_DIRECT;
  q->speaker = -1;
  return WS_OK;
}

static int emit(ws_doc *doc, const open_mark *o, size_t close_tok) {
  return emit_to(doc, o, close_tok, doc->tokens.tok[close_tok].start);
}

/* 1 when the paragraph whose opening mark ends at token j is a turn of a
 * transcript: the mark, a speaker's name in capitals and a colon
 * ("WALLACE: ...", "MR. SMITH: ...").  Each turn is a quotation of its
 * own, though the marks run on over paragraphs as in a multi-paragraph
 * quote. */
static int transcript_turn(const ws_tokens *tk, size_t j) {
  size_t k = j + 1;
  int names = 0;
  while (k < tk->n && names < 4 &&
         ((tk->tok[k].type == WS_TOK_WORD &&
           (tk->tok[k].flags & WS_TF_UPPER)) ||
          (names > 0 && tk->tok[k].cp == '.'))) {
    names += tk->tok[k].type == WS_TOK_WORD;
    k++;
  }
  return names > 0 && k < tk->n && tk->tok[k].cp == ':' &&
         !(tk->tok[k].flags & WS_TF_SPACE_B);
}

/* The mark starting at token i: a doubled apostrophe '' (or ``), the
 * typewriter spelling of a double quotation mark used by some newspapers,
 * is one double mark ending at token *j. */
static int32_t mark_at(const ws_tokens *tk, size_t i, size_t *j) {
  const ws_token *t = &tk->tok[i];
  *j = i;
  if ((t->cp == '\'' || t->cp == '`') && i + 1 < tk->n &&
      tk->tok[i + 1].cp == t->cp && tk->tok[i + 1].start == t->end) {
    *j = i + 1;
    return '"';
  }
  return t->cp;
}

/* Quotes closed directly inside an outermost quote that is still open.
 * They are dropped when the outer quote closes (only outermost quotes are
 * emitted) but emitted when it is abandoned: a stray opening mark (a
 * paragraph that opens with " and never closes it) must not hide the real
 * quotations inside its paragraph. */
#define PENDING_MAX 32

typedef struct pending {
  open_mark o[PENDING_MAX];
  size_t close[PENDING_MAX]; /* token of each closing mark */
  int n;
} pending;

static int flush_pending(ws_doc *doc, pending *pd) {
  for (int k = 0; k < pd->n; k++) {
    int rc = emit(doc, &pd->o[k], pd->close[k]);
    if (rc)
      return rc;
  }
  pd->n = 0;
  return WS_OK;
}

int ws_quote_find(ws_doc *doc) {
  const ws_tokens *tk = &doc->tokens;
  open_mark st[STACK_MAX];
  int depth = 0;
  size_t opened = 0; /* token of the last (re)opening of st[0] */
  pending pd = {.n = 0};
  for (size_t i = 0; i < tk->n; i++) {
    const ws_token *t = &tk->tok[i];
    if (depth > 0 && i - opened > OPEN_MAX) {
      depth = 0;
      int rc = flush_pending(doc, &pd);
      if (rc)
        return rc;
    }
    if ((t->flags & WS_TF_PARA) && depth > 0) {
      /* A quote running over paragraphs reopens with the same family. */
      size_t j;
      int32_t mcp = t->type == WS_TOK_QUOTE ? mark_at(tk, i, &j) : 0;
      if (mcp && open_family(mcp) == st[0].fam && flanking(tk, i, j).left) {
        if (transcript_turn(tk, j)) {
          /* the previous turn ends with its paragraph */
          int rc = emit_to(doc, &st[0], i, tk->tok[i - 1].end);
          if (rc)
            return rc;
          pd.n = 0;
          st[0].tok = (uint32_t)j;
          st[0].cp = mcp;
        }
        depth = 1;
        opened = i;
        i = j;
        continue;
      }
      depth = 0;
      int rc = flush_pending(doc, &pd);
      if (rc)
        return rc;
    }
    if (t->type != WS_TOK_QUOTE)
      continue;
    size_t j;
    int32_t cp = mark_at(tk, i, &j);
    int fam = open_family(cp);
    if (fam < 0)
      continue;
    flank f = flanking(tk, i, j);
    open_mark *top = depth ? &st[depth - 1] : NULL;
    /* An apostrophe, unless it can close an open single quote; a plural
     * possessive before a word (the growers’ union) is one even then. */
    if (is_single_fam(fam) && is_apostrophe(doc, i, f) &&
        (!(top && is_single_fam(top->fam) && closes(top, cp) && !f.left) ||
         (i + 1 < tk->n && tk->tok[i + 1].type == WS_TOK_WORD &&
          !(tk->tok[i + 1].flags & WS_TF_CAP))))
      continue;
    /* Does it close something open?  Look from the top down so an inner
     * quote left open is dropped by its outer closer. */
    int closer = -1;
    for (int d = depth - 1; d >= 0; d--) {
      if (!closes(&st[d], cp))
        continue;
      /* A mark that can only open here (“ before a word, after a space)
       * does not close a quote unless it is the sole reading of a toggle. */
      if (f.left && !f.right && (cp == '"' || cp == '\'' || cp == 0x201C ||
                                 cp == 0x2018 || cp == 0x00BB ||
                                 cp == 0x203A))
        break;
      closer = d;
      break;
    }
    if (closer >= 0) {
      if (closer == 0) {
        int rc = emit(doc, &st[0], i);
        if (rc)
          return rc;
        pd.n = 0;
      } else if (closer == 1 && pd.n < PENDING_MAX) {
        pd.o[pd.n] = st[1];
        pd.close[pd.n++] = i;
      }
      depth = closer;
      i = j;
      continue;
    }
    /* Otherwise it opens, if it can. */
    int can_open = f.left || (!f.right && (cp == 0x00AB || cp == 0x201E ||
                                           cp == 0x2039 || cp == 0x201A));
    if (cp == 0x2019 && !f.left)
      can_open = 0;
    if (!can_open && (opens_after_punct(tk, i, j, cp) ||
                      opens_before_ellipsis(tk, i, j, cp)))
      can_open = 1;
    /* A single mark opens at top level only as British outer quotes:
     * at the start of a sentence or after white space. */
    if (can_open && depth < STACK_MAX) {
      if (depth == 0)
        opened = i;
      st[depth].tok = (uint32_t)j;
      st[depth].cp = cp;
      st[depth].fam = fam;
      depth++;
    }
    i = j;
  }
  return depth > 0 ? flush_pending(doc, &pd) : WS_OK;
}
