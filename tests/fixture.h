/* fixture.h - what the extraction tests share: run one document through
 * the whole pipeline and look at its quotes by a phrase of the text.
 * Include after <cmocka.h>; every function is static inline, so a test
 * file that uses only some of them compiles without warnings. */
#ifndef WS_TEST_FIXTURE_H
#define WS_TEST_FIXTURE_H

#include <stdint.h>
#include <string.h>

#include "whosaid.h"

typedef struct run {
  ws_doc *doc;
  ws_doc_view v;
} run;

/* Extracts text (which must succeed) into r; free with ws_doc_free(r->doc). */
static inline void extract(run *r, const char *text) {
  ws_error err;
  assert_int_equal(ws_doc_extract(text, strlen(text), &r->doc, &err), WS_OK);
  ws_doc_get(r->doc, &r->v);
}

/* The shortest quote whose content covers the phrase, or NULL. */
static inline const ws_quote *quote_with(const run *r, const char *phrase) {
  const char *at = strstr(r->v.text, phrase);
  assert_non_null(at);
  uint32_t s = (uint32_t)(at - r->v.text), e = s + (uint32_t)strlen(phrase);
  const ws_quote *best = NULL;
  for (size_t i = 0; i < r->v.n_quotes; i++) {
    const ws_quote *q = &r->v.quotes[i];
    if (q->start <= s && q->end >= e &&
        (!best || q->end - q->start < best->end - best->start))
      best = q;
  }
  return best;
}

/* The text of the quote's speaker mention (a static buffer). */
static inline const char *mention_text(const run *r, const ws_quote *q) {
  static char buf[256];
  size_t n = q->speaker_end - q->speaker_start;
  if (n >= sizeof buf)
    n = sizeof buf - 1;
  memcpy(buf, r->v.text + q->speaker_start, n);
  buf[n] = 0;
  return buf;
}

#endif
