/*
 * entity.c - named-entity mentions (baseline: runs of capitalized words
 * that do not start a sentence).  Replaced by the full rules of issue 4.
 */
#include "doc.h"

#include <string.h>

int ws_entity_find(ws_doc *doc) {
  const ws_tokens *tk = &doc->tokens;
  doc->tok_mention = ws_arena_calloc(doc->arena, tk->n ? tk->n : 1,
                                     sizeof(int32_t));
  if (!doc->tok_mention)
    return WS_ENOMEM;
  for (size_t i = 0; i < tk->n; i++)
    doc->tok_mention[i] = -1;
  for (size_t i = 0; i < tk->n;) {
    const ws_token *t = &tk->tok[i];
    if (t->type != WS_TOK_WORD || !(t->flags & WS_TF_CAP) ||
        (t->flags & WS_TF_SENT)) {
      i++;
      continue;
    }
    size_t j = i + 1;
    while (j < tk->n && tk->tok[j].type == WS_TOK_WORD &&
           (tk->tok[j].flags & WS_TF_CAP) && tk->tok[j].sent == t->sent &&
           !(tk->tok[j - 1].flags & WS_TF_POSS))
      j++;
    ws_mention *m = ws_vec_push(&doc->mentions, doc->arena);
    ws_entity *e = ws_vec_push(&doc->entities, doc->arena);
    if (!m || !e)
      return WS_ENOMEM;
    m->start = t->start;
    m->end = tk->tok[j - 1].core_end;
    m->entity = (int32_t)(doc->entities.len - 1);
    e->name = ws_text_nfc(doc->arena, doc->text + m->start, m->end - m->start);
    if (!e->name)
      return WS_ENOMEM;
    e->kind = WS_ENTITY_OTHER;
    e->n_mentions = 1;
    for (size_t k = i; k < j; k++)
      doc->tok_mention[k] = (int32_t)(doc->mentions.len - 1);
    i = j;
  }
  return WS_OK;
}
