/* test_statement.c - the kind and confidence of what extraction reports:
 * a clause, a question or an infinitive after a verb of saying is a
 * statement; a bare noun phrase is a topic; an intention or a position is
 * a stance; no speaker lowers the confidence below the default listing.
 * Each fixture is a sentence composed for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "whosaid.h"

/* Asserts the reported quote covering `phrase`: its label and which side
 * of WS_CONFIDENT its confidence falls (1: at or above). */
static void expect(const char *text, const char *phrase, const char *label,
                   int confident) {
  run r;
  extract(&r, text);
  const ws_quote *q = quote_with(&r, phrase);
  if (!q)
    fail_msg("no quote covers \"%s\"", phrase);
  assert_string_equal(ws_quote_label(q), label);
  if ((q->confidence >= WS_CONFIDENT) != confident)
    fail_msg("confidence %.2f of \"%s\" is on the wrong side of %.2f",
             (double)q->confidence, phrase, (double)WS_CONFIDENT);
  assert_true(q->confidence >= 0.0f && q->confidence <= 1.0f);
  ws_doc_free(r.doc);
}

static void statements_after_verbs_of_saying(void **state) {
  (void)state;
  expect("Lena Berg said that the ferry would run again in May.",
         "the ferry would run", "reported", 1);
  expect("Tomas Varga said the new toll was too high.", "the new toll was",
         "reported", 1);
  expect("Lena Berg asked whether the bridge was safe.", "the bridge was safe",
         "reported", 1);
  expect("Tomas Varga urged the council to close the pier.",
         "close the pier", "reported", 1);
  expect("The harbour would reopen in June, according to Lena Berg.",
         "The harbour would reopen", "reported", 1);
}

static void intentions_and_positions_are_stances(void **state) {
  (void)state;
  expect("Tomas Varga plans to visit the harbour on Sunday.",
         "visit the harbour", "stance", 0);
  expect("Lena Berg endorsed the ferry plan on Monday.", "the ferry plan",
         "stance", 0);
}

static void bare_noun_phrases_are_topics(void **state) {
  (void)state;
  expect("Tomas Varga talked about the new toll for an hour.", "the new toll",
         "topic", 0);
}

static void direct_quotes_are_statements(void **state) {
  (void)state;
  run r;
  extract(&r, "\"The ferry will run again,\" Lena Berg said.");
  const ws_quote *q = quote_with(&r, "The ferry will run again");
  assert_non_null(q);
  assert_string_equal(ws_quote_label(q), "direct");
  assert_true(q->confidence >= WS_CONFIDENT);
  ws_doc_free(r.doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(statements_after_verbs_of_saying),
      cmocka_unit_test(intentions_and_positions_are_stances),
      cmocka_unit_test(bare_noun_phrases_are_topics),
      cmocka_unit_test(direct_quotes_are_statements),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
