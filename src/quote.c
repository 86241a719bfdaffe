/*
 * quote.c - quotation spans (baseline: paired straight and curly double
 * quotes within a paragraph).  Replaced by the full rules of issue 3.
 */
#include "doc.h"

int ws_quote_find(ws_doc *doc) {
  const ws_tokens *tk = &doc->tokens;
  size_t open = (size_t)-1;
  for (size_t i = 0; i < tk->n; i++) {
    const ws_token *t = &tk->tok[i];
    if (t->flags & WS_TF_PARA)
      open = (size_t)-1;
    if (t->type != WS_TOK_QUOTE || (t->cp != '"' && t->cp != 0x201C &&
                                    t->cp != 0x201D))
      continue;
    if (open == (size_t)-1) {
      open = i;
      continue;
    }
    ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
    if (!q)
      return WS_ENOMEM;
    q->start = tk->tok[open].end;
    q->end = t->start;
    q->kind = WS_QUOTE_DIRECT;
    q->speaker = -1;
    open = (size_t)-1;
  }
  return WS_OK;
}
