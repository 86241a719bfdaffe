/*
 * doc.c - the extraction pipeline for one document, and the small public
 * helpers around it.
 */
#include "extract/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *ws_strerror(int code) {
  switch (code) {
  case WS_OK: return "ok";
  case WS_ENOMEM: return "out of memory";
  case WS_EIO: return "i/o error";
  case WS_EUTF8: return "invalid UTF-8";
  case WS_EBINARY: return "binary file";
  case WS_EEMPTY: return "empty file";
  case WS_EDB: return "database error";
  case WS_ESCHEMA: return "not a whosaid database";
  case WS_EINVAL: return "invalid argument";
  case WS_ENOTFOUND: return "not found";
  case WS_EPARSE: return "not valid in its format";
  case WS_EENCODING: return "invalid encoding";
  default: return "unknown error";
  }
}

static const char *const kind_names[] = {"other", "person", "org", "place"};

const char *ws_entity_kind_name(ws_entity_kind kind) {
  return (unsigned)kind < 4 ? kind_names[kind] : "other";
}

int ws_entity_kind_parse(const char *name) {
  for (int i = 0; i < 4; i++)
    if (strcmp(name, kind_names[i]) == 0)
      return i;
  return -1;
}

const char *ws_quote_kind_name(ws_quote_kind kind) {
  return kind == WS_QUOTE_REPORTED ? "reported" : "direct";
}

const char *ws_quote_label(const ws_quote *q) {
  if (q->kind != WS_QUOTE_REPORTED)
    return "direct";
  return q->statement == WS_STATEMENT_STANCE  ? "stance"
         : q->statement == WS_STATEMENT_TOPIC ? "topic"
                                              : "reported";
}

static int set_err(ws_error *err, int code, const char *msg) {
  if (err) {
    err->code = code;
    err->offset = -1;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
  }
  return code;
}

int ws_doc_extract(const char *text, size_t len, ws_doc **out,
                   ws_error *err) {
  *out = NULL;
  if (len > UINT32_MAX - 1)
    return set_err(err, WS_EINVAL, "file larger than 4 GiB");
  int rc = ws_text_validate(text, len, err);
  if (rc)
    return rc;
  size_t body = ws_text_bom(text, len);
  size_t k = body;
  while (k < len && (text[k] == ' ' || (text[k] >= '\t' && text[k] <= '\r')))
    k++;
  if (k == len)
    return set_err(err, WS_EEMPTY, len ? "no text (only white space)"
                                       : "empty file");
  ws_doc *doc = calloc(1, sizeof *doc);
  if (!doc)
    return set_err(err, WS_ENOMEM, "out of memory");
  doc->arena = ws_arena_new();
  if (!doc->arena) {
    rc = WS_ENOMEM;
    goto out;
  }
  doc->text = text;
  doc->len = len;
  doc->body = body;
  ws_vec_init(&doc->mentions, sizeof(ws_mention));
  ws_vec_init(&doc->entities, sizeof(ws_entity));
  ws_vec_init(&doc->quotes, sizeof(ws_quote));
  if ((rc = ws_lines_build(&doc->lines, text, len, doc->arena)) ||
      (rc = ws_tokenize(&doc->tokens, text, len, body, doc->arena)) ||
      (rc = ws_entity_find(doc)) || (rc = ws_quote_find(doc)) ||
      (rc = ws_attrib_resolve(doc)) || (rc = ws_statement_grade(doc)))
    goto out;
  *out = doc;
  return WS_OK;
out:
  ws_doc_free(doc);
  return set_err(err, rc, ws_strerror(rc));
}

void ws_doc_free(ws_doc *doc) {
  if (!doc)
    return;
  ws_arena_free(doc->arena);
  free(doc);
}

void ws_doc_get(const ws_doc *doc, ws_doc_view *v) {
  v->text = doc->text;
  v->len = doc->len;
  v->mentions = doc->mentions.items;
  v->n_mentions = doc->mentions.len;
  v->entities = doc->entities.items;
  v->n_entities = doc->entities.len;
  v->quotes = doc->quotes.items;
  v->n_quotes = doc->quotes.len;
}

uint32_t ws_doc_line(const ws_doc *doc, uint32_t offset) {
  return ws_lines_find(&doc->lines, offset);
}
