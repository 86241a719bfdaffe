/*
 * doc.h - the document under extraction, shared by the extraction layers.
 *
 * A ws_doc owns one arena; every array below lives in it.  Layers run in
 * order (doc.c): text -> tokens -> entities -> quotes -> attribution; each
 * reads what the earlier ones filled and appends its own results.
 */
#ifndef WS_DOC_H
#define WS_DOC_H

#include "text/arena.h"
#include "text/text.h"
#include "extract/token.h"
#include "whosaid.h"

struct ws_doc {
  ws_arena *arena;     /* owns everything below */
  const char *text;    /* caller's buffer, not owned */
  size_t len;          /* bytes in text */
  size_t body;         /* offset of the first byte after a BOM */
  ws_lines lines;      /* line index */
  ws_tokens tokens;    /* token layer */
  ws_vec mentions;     /* ws_mention, text order (entity.c) */
  ws_vec entities;     /* ws_entity, order of first mention (entity.c) */
  int32_t *tok_mention; /* per token: index of the mention covering it, or
                           -1; tokens.n entries (entity.c) */
  ws_vec quotes;       /* ws_quote, text order (quote.c, attrib.c) */
};

/* Stage functions, each returns WS_OK or a negative ws_status. */
int ws_entity_find(ws_doc *doc);   /* entity.c: mentions, entities */
int ws_quote_find(ws_doc *doc);    /* quote.c: direct and reported quotes */
int ws_attrib_resolve(ws_doc *doc); /* attrib.c: speakers of quotes */
int ws_statement_grade(ws_doc *doc); /* statement_kind.c: kind, confidence */

#endif
