/*
 * role.c - roles: the title phrase a mention carries, written before the
 * name ("Qatar's Foreign Minister X", "Hamas politburo chief X") or in
 * apposition after it ("X, the Hamas chief,", "X, a spokeswoman for").
 *
 * The title words themselves are cut out of name spans in entity.c; here
 * the words before them are walked back over (title words, organisation
 * words, nationality adjectives and names with their possessives, at most
 * seven tokens and never across a sentence start), so that the role
 * names whose minister it is.  A lower-case descriptor right before the
 * name (striker, novelist) counts as a title head; an honorific (Mr., Dr.)
 * makes its name a person's but is no role.  Both walks read token
 * classes and lexicon facts only.
 */
#include "extract/entity_ctx.h"

/* The title phrase ending just before token a, walking back over title
 * words, organisation words, nationality adjectives and names (with their
 * possessives): "Qatar's Foreign Minister", "Hamas politburo chief".
 * Returns the first token of the phrase and sets *head_kind, or returns a
 * when no title head precedes. */
size_t ws_ent_role_start(const ctx *c, size_t a, int *head_kind) {
  *head_kind = WS_TITLE_NONE;
  if (a == 0 || c->tok[a].flags & WS_TF_SENT)
    return a;
  int h = tok_title(c, a - 1);
  const ws_token *d = &c->tok[a - 1];
  if (!h && has_letter(d) && ws_cp_is_lower(d->cp) &&
      ws_lex_is_descriptor(c->text + d->start, d->core_end - d->start))
    h = WS_TITLE_HEAD;
  size_t s = a - 1;
  if (h == WS_TITLE_MOD) {
    /* Secretary of State, Chief of Staff: modifiers after "of" + head */
    while (s > 0 && a - s < 4 && tok_title(c, s - 1) == WS_TITLE_MOD)
      s--;
    if (s >= 2 && is_word(&c->tok[s - 1]) &&
        ws_tok_is(c->text, &c->tok[s - 1], "of") &&
        tok_title(c, s - 2) == WS_TITLE_HEAD) {
      a = s - 1; /* continue as if the name followed the head */
      s = s - 2;
      h = WS_TITLE_HEAD;
    } else {
      return a;
    }
  }
  if (h != WS_TITLE_HEAD && h != WS_TITLE_HONORIFIC)
    return a;
  *head_kind = h;
  if (h == WS_TITLE_HONORIFIC)
    return s;
  while (s > 0 && a - s < 7 && !(c->tok[s].flags & WS_TF_SENT)) {
    size_t p = s - 1;
    const ws_token *t = &c->tok[p];
    if (!has_letter(t))
      break;
    int tt = tok_title(c, p);
    if (tt == WS_TITLE_HONORIFIC)
      break;
    if (tt || tok_org_word(c, p) || tok_nationality(c, p) ||
        c->cls[p] == C_NAME)
      s = p;
    else
      break;
  }
  return s;
}

/* A title in apposition after a name: "Ismail Haniyeh, the Hamas chief,"
 * or "Jane Roe, a spokeswoman for ...".  From token b (just after the
 * name): a comma, an optional article, then at most six words of
 * nationalities, names, organisation and title words ending in a title
 * head that closes the phrase.  Sets [*ra, *rb) and returns 1, or 0. */
int ws_ent_appositive_role(const ctx *c, size_t b, size_t *ra, size_t *rb) {
  if (b + 2 >= c->n || c->tok[b].cp != ',' || c->tok[b].type != WS_TOK_PUNCT)
    return 0;
  size_t k = b + 1;
  if (is_word(&c->tok[k]) && (ws_tok_is(c->text, &c->tok[k], "the") ||
                              ws_tok_is(c->text, &c->tok[k], "a") ||
                              ws_tok_is(c->text, &c->tok[k], "an")))
    k++;
  size_t first = k, head_end = 0;
  for (; k < c->n && k < first + 6; k++) {
    const ws_token *t = &c->tok[k];
    if (!has_letter(t) || (t->flags & WS_TF_SENT))
      break;
    int tt = tok_title(c, k);
    if (tt == WS_TITLE_HONORIFIC)
      break;
    if (tt == WS_TITLE_HEAD)
      head_end = k + 1;
    else if (!(tt || tok_org_word(c, k) || tok_nationality(c, k) ||
               c->cls[k] == C_NAME))
      break;
  }
  if (!head_end)
    return 0;
  /* the head must close the phrase: , . of for at in with or the end */
  if (head_end < c->n) {
    const ws_token *t = &c->tok[head_end];
    if (!(t->type == WS_TOK_PUNCT || t->type == WS_TOK_QUOTE ||
          ws_tok_is(c->text, t, "of") || ws_tok_is(c->text, t, "for") ||
          ws_tok_is(c->text, t, "at") || ws_tok_is(c->text, t, "in") ||
          ws_tok_is(c->text, t, "with")))
      return 0;
  }
  *ra = first;
  *rb = head_end;
  return 1;
}
