/*
 * fuzz_doc.c - libFuzzer target: document extraction.
 *
 * Runs ws_doc_extract() on the bytes as they come (not NUL-terminated, so
 * ASan sees any read past the end) and checks the promises of whosaid.h
 * about the result: every span (mention, quote, speaker, cue) lies inside
 * the input with start <= end, every index names an existing entity, the
 * lists are in text order, names are non-empty strings, and line numbers
 * grow with offsets.  Then the store's preparation (folded names,
 * statement keys, sketches) runs over the view.  A broken promise aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "whosaid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "fuzz_doc: %s:%d: broken: %s\n", __FILE__,          \
              __LINE__, #cond);                                           \
      abort();                                                            \
    }                                                                     \
  } while (0)

/* A span [s, e) inside a text of len bytes. */
#define SPAN_OK(s, e, len) ((s) <= (e) && (size_t)(e) <= (len))

static void check_view(const ws_doc *doc, const ws_doc_view *v,
                       const char *text, size_t len) {
  CHECK(v->text == text && v->len == len);
  CHECK(v->n_mentions == 0 || v->mentions);
  CHECK(v->n_entities == 0 || v->entities);
  CHECK(v->n_quotes == 0 || v->quotes);
  for (size_t i = 0; i < v->n_entities; i++) {
    const ws_entity *e = &v->entities[i];
    CHECK(e->name && e->name[0]);
    CHECK((int)e->kind >= WS_ENTITY_OTHER && e->kind <= WS_ENTITY_PLACE);
    CHECK(e->n_aliases == 0 || e->aliases);
    for (uint32_t k = 0; k < e->n_aliases; k++)
      CHECK(e->aliases[k] && e->aliases[k][0]);
    CHECK(e->n_roles == 0 || e->roles);
    for (uint32_t k = 0; k < e->n_roles; k++)
      CHECK(e->roles[k] && e->roles[k][0]);
  }
  uint32_t prev = 0, prev_line = 1;
  for (size_t i = 0; i < v->n_mentions; i++) {
    const ws_mention *m = &v->mentions[i];
    CHECK(SPAN_OK(m->start, m->end, len));
    CHECK(m->start >= prev); /* in text order */
    CHECK(m->entity >= -1 && (m->entity < 0 ||
                              (size_t)m->entity < v->n_entities));
    uint32_t line = ws_doc_line(doc, m->start);
    CHECK(line >= prev_line);
    prev = m->start;
    prev_line = line;
  }
  prev = 0;
  for (size_t i = 0; i < v->n_quotes; i++) {
    const ws_quote *q = &v->quotes[i];
    CHECK(SPAN_OK(q->start, q->end, len));
    CHECK(q->start >= prev);
    CHECK(q->kind == WS_QUOTE_DIRECT || q->kind == WS_QUOTE_REPORTED);
    CHECK(q->speaker >= -1 &&
          (q->speaker < 0 || (size_t)q->speaker < v->n_entities));
    CHECK(SPAN_OK(q->speaker_start, q->speaker_end, len));
    CHECK(SPAN_OK(q->cue_start, q->cue_end, len));
    prev = q->start;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* a copy of exactly size bytes: a read past the end is an ASan report */
  char *text = malloc(size ? size : 1);
  if (!text)
    return 0;
  memcpy(text, data, size);
  ws_doc *doc = NULL;
  ws_error err;
  memset(&err, 0, sizeof err);
  int rc = ws_doc_extract(text, size, &doc, &err);
  if (rc != WS_OK) {
    CHECK(doc == NULL);
    CHECK(rc == WS_EUTF8 || rc == WS_EBINARY || rc == WS_EEMPTY ||
          rc == WS_ENOMEM);
    CHECK(err.code == rc);
    CHECK(memchr(err.msg, '\0', sizeof err.msg) != NULL);
    if (rc == WS_EUTF8 || rc == WS_EBINARY)
      CHECK(err.offset >= 0 && (size_t)err.offset < size);
    free(text);
    return 0;
  }
  CHECK(doc != NULL);
  ws_doc_view v;
  ws_doc_get(doc, &v);
  check_view(doc, &v, text, size);
  ws_store_prep *p = NULL;
  if (ws_store_prepare(&v, &p) == WS_OK)
    ws_store_prep_free(p);
  ws_doc_free(doc);
  free(text);
  return 0;
}
