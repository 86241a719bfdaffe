/* test_quote.c - direct quotations: every quotation style, nesting,
 * apostrophes, paragraphs, unbalanced marks, scare quotes and titles.
 * Each fixture is a sentence composed for the test: text in, the quote
 * spans that come out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "whosaid.h"

static size_t n_direct(const run *r) {
  size_t n = 0;
  for (size_t i = 0; i < r->v.n_quotes; i++)
    n += r->v.quotes[i].kind == WS_QUOTE_DIRECT;
  return n;
}

/* The text of the i-th direct quote, in a static buffer. */
static const char *direct_text(const run *r, size_t i) {
  static char buf[2048];
  for (size_t k = 0; k < r->v.n_quotes; k++) {
    const ws_quote *q = &r->v.quotes[k];
    if (q->kind != WS_QUOTE_DIRECT || i-- > 0)
      continue;
    size_t n = q->end - q->start;
    if (n >= sizeof buf)
      n = sizeof buf - 1;
    memcpy(buf, r->v.text + q->start, n);
    buf[n] = 0;
    return buf;
  }
  return "(none)";
}

/* Asserts that text yields exactly the one direct quote `want`. */
static void one_quote(const char *text, const char *want) {
  run r;
  extract(&r, text);
  assert_int_equal(n_direct(&r), 1);
  assert_string_equal(direct_text(&r, 0), want);
  ws_doc_free(r.doc);
}

static void straight_and_curly_double(void **state) {
  (void)state;
  one_quote("\"The bridge will open in May,\" the mayor said.",
            "The bridge will open in May,");
  one_quote("\xE2\x80\x9CThe bridge will open in May,\xE2\x80\x9D the mayor "
            "said.",
            "The bridge will open in May,");
}

static void doubled_apostrophes_are_a_double_mark(void **state) {
  (void)state;
  /* the typewriter '' of some newspapers' archives */
  one_quote("''The ferry runs at dawn,'' the captain said.",
            "The ferry runs at dawn,");
}

static void european_styles(void **state) {
  (void)state;
  /* German „…“ */
  one_quote("Die Ministerin sagte: \xE2\x80\x9E" "Wir bauen die Br\xC3\xBC"
            "cke neu.\xE2\x80\x9C",
            "Wir bauen die Br\xC3\xBC" "cke neu.");
  /* Polish „…” */
  one_quote("Minister powiedzia\xC5\x82: \xE2\x80\x9E" "Budujemy nowy most."
            "\xE2\x80\x9D",
            "Budujemy nowy most.");
  /* French « … » with spaces, and «…» without */
  one_quote("Le maire a dit : \xC2\xAB\xC2\xA0Nous construisons un pont."
            "\xC2\xA0\xC2\xBB",
            "Nous construisons un pont.");
  one_quote("Il a dit \xC2\xAB" "Nous construisons un pont sur la "
            "rivi\xC3\xA8re\xC2\xBB hier.",
            "Nous construisons un pont sur la rivi\xC3\xA8re");
  /* Danish/German »…« and Swiss single ‹…› */
  one_quote("Hun sagde: \xC2\xBB" "Vi bygger en ny bro.\xC2\xAB",
            "Vi bygger en ny bro.");
  one_quote("Er sagte: \xE2\x80\xB9Wir bauen eine neue Br\xC3\xBC" "cke."
            "\xE2\x80\xBA",
            "Wir bauen eine neue Br\xC3\xBC" "cke.");
}

static void british_single_quotes_outermost(void **state) {
  (void)state;
  one_quote("\xE2\x80\x98We will not build the road,\xE2\x80\x99 the "
            "councillor said.",
            "We will not build the road,");
}

static void nested_quotes_stay_inside(void **state) {
  (void)state;
  one_quote("\xE2\x80\x9CThey called it \xE2\x80\x98the bridge to "
            "nowhere\xE2\x80\x99 for years,\xE2\x80\x9D the mayor said.",
            "They called it \xE2\x80\x98the bridge to nowhere\xE2\x80\x99 "
            "for years,");
  one_quote("'He told me \"never again\" and left,' the driver said.",
            "He told me \"never again\" and left,");
}

static void apostrophes_are_not_quotes(void **state) {
  (void)state;
  run r;
  extract(&r, "The farmers\xE2\x80\x99 union said it doesn\xE2\x80\x99t "
              "expect a deal. Prices have not been this low since the "
              "\xE2\x80\x99" "90s, and the growers' co-op agrees.");
  assert_int_equal(n_direct(&r), 0);
  ws_doc_free(r.doc);
  /* an apostrophe inside a British quote does not close it */
  one_quote("\xE2\x80\x98The growers\xE2\x80\x99 co-op won\xE2\x80\x99t "
            "sign this year,\xE2\x80\x99 the chairman said.",
            "The growers\xE2\x80\x99 co-op won\xE2\x80\x99t sign this year,");
}

static void quote_running_over_paragraphs_is_one(void **state) {
  (void)state;
  one_quote("The coach said:\n\n\xE2\x80\x9CWe trained all winter for this "
            "match.\n\n\xE2\x80\x9C" "And we will train all summer for the "
            "next one.\xE2\x80\x9D\n\nThe season starts in March.",
            "We trained all winter for this match.\n\n\xE2\x80\x9C"
            "And we will train all summer for the next one.");
}

/* Hard-wrapped text (e-mail and wire width): a line break after a
 * sentence end before a capital only wraps the paragraph, so the quote
 * around it is one quote, with its speaker. */
static void quote_over_a_wrapped_line_is_one(void **state) {
  (void)state;
  const char *text =
      "The harbour master spoke to reporters on the pier in Bergen on\n"
      "Monday. \"We will reopen the ferry line to the islands next week.\n"
      "The storm did less damage than we feared,\" Ingrid Solberg said.\n";
  one_quote(text, "We will reopen the ferry line to the islands next week.\n"
                  "The storm did less damage than we feared,");
  run r;
  extract(&r, text);
  const ws_quote *q = quote_with(&r, "The storm did less damage");
  assert_non_null(q);
  assert_string_equal(mention_text(&r, q), "Ingrid Solberg");
  ws_doc_free(r.doc);
}

/* A quoted transcript runs its marks over paragraphs too, but each turn
 * ("NAME: ...") is a quote of its own; a paragraph that merely continues
 * the same speaker stays in the turn. */
static void transcript_turns_are_separate_quotes(void **state) {
  (void)state;
  run r;
  extract(&r, "The interview went as follows:\n\n"
              "\"HOST: Will you run again?\n\n"
              "\"MAYOR: Not this year.\n\n"
              "\"I need a rest.\n\n"
              "\"HOST: Thank you.\"\n");
  assert_int_equal(n_direct(&r), 3);
  assert_string_equal(direct_text(&r, 0), "HOST: Will you run again?");
  assert_string_equal(direct_text(&r, 1),
                      "MAYOR: Not this year.\n\n\"I need a rest.");
  assert_string_equal(direct_text(&r, 2), "HOST: Thank you.");
  ws_doc_free(r.doc);
}

static void unbalanced_mark_is_bounded(void **state) {
  (void)state;
  run r;
  extract(&r, "The clerk said \"the files were lost in the flood and never "
              "found.\n\nThe court met again on Monday. Nobody spoke about "
              "the files.\n\n\"We will appeal,\" the lawyer said.");
  /* the open mark of the first paragraph does not run on: only the
   * balanced quote of the last paragraph is found */
  assert_int_equal(n_direct(&r), 1);
  assert_string_equal(direct_text(&r, 0), "We will appeal,");
  ws_doc_free(r.doc);
}

static void unbalanced_mark_in_one_long_paragraph_is_bounded(void **state) {
  (void)state;
  /* no paragraph break to stop it: the open mark is abandoned after a
   * bounded number of tokens */
  static const char unit[] = "The court met again and nobody spoke. ";
  size_t n = 4000, ul = sizeof unit - 1;
  const char *head = "The clerk said \"the files were lost. ";
  const char *tail = "\"We will appeal the ruling today,\" the lawyer said.";
  size_t hl = strlen(head), tl = strlen(tail);
  char *text = malloc(hl + n * ul + tl + 1);
  assert_non_null(text);
  memcpy(text, head, hl);
  for (size_t i = 0; i < n; i++)
    memcpy(text + hl + i * ul, unit, ul);
  memcpy(text + hl + n * ul, tail, tl + 1);
  run r;
  extract(&r, text);
  assert_int_equal(n_direct(&r), 1);
  assert_string_equal(direct_text(&r, 0), "We will appeal the ruling today,");
  ws_doc_free(r.doc);
  free(text);
}

static void scare_quotes_and_titles_are_not_quotes(void **state) {
  (void)state;
  run r;
  extract(&r, "The so-called \xE2\x80\x9C" "deal\xE2\x80\x9D collapsed on "
              "Tuesday. On \xE2\x80\x9C" "Evening Report Live,\xE2\x80\x9D "
              "the senator said taxes would rise. The \xE2\x80\x9Cghost "
              "town\xE2\x80\x9D label stuck to the village.");
  assert_int_equal(n_direct(&r), 0);
  ws_doc_free(r.doc);
}

static void quoted_section_headings_are_not_quotes(void **state) {
  (void)state;
  run r;
  extract(&r, "The ferry ran late all week.\n\n'A Harbour in Winter.'\n\n"
              "The pier was closed on Monday.");
  assert_int_equal(n_direct(&r), 0);
  ws_doc_free(r.doc);
}

static void partial_quotes_are_quotes(void **state) {
  (void)state;
  one_quote("The envoy thanked Norway for its \xE2\x80\x9Cpatient work\xE2"
            "\x80\x9D on the accord.",
            "patient work");
  one_quote("The governor called the plan \xE2\x80\x9C" "a disaster.\xE2\x80\x9D",
            "a disaster.");
}

static void markup_attributes_are_not_quotes(void **state) {
  (void)state;
  run r;
  extract(&r, "<tweet author=\"someone here\" id=\"12345\">The vote is "
              "today.</tweet>");
  assert_int_equal(n_direct(&r), 0);
  ws_doc_free(r.doc);
}

/* A stray opening mark that never closes in its paragraph does not hide
 * the quotations inside that paragraph. */
static void stray_opener_keeps_inner_quotes(void **state) {
  (void)state;
  one_quote("\"The ferry left at dawn, and Lena Vik told the crew, "
            "\u201cWe sail before the storm comes in.\u201d\n\nThe crew "
            "agreed.",
            "We sail before the storm comes in.");
  /* a quote closed inside a properly closed outer quote stays nested */
  one_quote("Lena Vik said, \"The crew told me \u2018we sail at dawn\u2019 "
            "and they did.\"",
            "The crew told me \u2018we sail at dawn\u2019 and they did.");
}

/* An opening mark glued to a colon or comma still opens ("Vik:"We ...",
 * "said,“We ..."); a straight mark glued to a comma closes. */
static void opener_glued_to_punctuation(void **state) {
  (void)state;
  one_quote("Lena Vik:\"We sail before the storm comes in.\"",
            "We sail before the storm comes in.");
  one_quote("Lena Vik said,\u201cWe sail before the storm comes in.\u201d",
            "We sail before the storm comes in.");
  one_quote("\"We sail at dawn,\"she said, and the crew nodded.",
            "We sail at dawn,");
  /* an elided start set off by a space: the mark still opens */
  one_quote("Lena Vik wrote: \u201c \u2026 and then the ferry left without "
            "us.\u201d",
            "\u2026 and then the ferry left without us.");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(straight_and_curly_double),
      cmocka_unit_test(stray_opener_keeps_inner_quotes),
      cmocka_unit_test(opener_glued_to_punctuation),
      cmocka_unit_test(doubled_apostrophes_are_a_double_mark),
      cmocka_unit_test(european_styles),
      cmocka_unit_test(british_single_quotes_outermost),
      cmocka_unit_test(nested_quotes_stay_inside),
      cmocka_unit_test(apostrophes_are_not_quotes),
      cmocka_unit_test(quote_running_over_paragraphs_is_one),
      cmocka_unit_test(quote_over_a_wrapped_line_is_one),
      cmocka_unit_test(transcript_turns_are_separate_quotes),
      cmocka_unit_test(unbalanced_mark_is_bounded),
      cmocka_unit_test(unbalanced_mark_in_one_long_paragraph_is_bounded),
      cmocka_unit_test(scare_quotes_and_titles_are_not_quotes),
      cmocka_unit_test(quoted_section_headings_are_not_quotes),
      cmocka_unit_test(partial_quotes_are_quotes),
      cmocka_unit_test(markup_attributes_are_not_quotes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
