/* test_token.c - words, abbreviations, possessives, sentences, paragraphs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/text.h"
#include "extract/token.h"

typedef struct fixture {
  ws_arena *a;
  ws_tokens tk;
  const char *text;
} fixture;

static void tokenize(fixture *f, const char *text) {
  f->a = ws_arena_new();
  f->text = text;
  assert_int_equal(ws_tokenize(&f->tk, text, strlen(text), 0, f->a), WS_OK);
}

/* The tokens' texts joined by '|'. */
static const char *joined(const fixture *f) {
  static char buf[1024];
  size_t k = 0;
  for (size_t i = 0; i < f->tk.n && k < sizeof buf - 64; i++) {
    const ws_token *t = &f->tk.tok[i];
    if (i)
      buf[k++] = '|';
    memcpy(buf + k, f->text + t->start, t->end - t->start);
    k += t->end - t->start;
  }
  buf[k] = 0;
  return buf;
}

static void words_keep_hyphens_and_apostrophes(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "Amir-Abdollahian met O'Malley, don't.");
  assert_string_equal(joined(&f), "Amir-Abdollahian|met|O'Malley|,|don't|.");
  assert_true(f.tk.tok[0].flags & WS_TF_HYPHEN);
  assert_true(f.tk.tok[0].flags & WS_TF_CAP);
  ws_arena_free(f.a);
}

static void possessive_is_outside_the_core(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "Iran\xE2\x80\x99s minister and Qatar's emir");
  const ws_token *t = &f.tk.tok[0];
  assert_true(t->flags & WS_TF_POSS);
  assert_int_equal(t->core_end - t->start, 4);
  t = &f.tk.tok[3];
  assert_true(t->flags & WS_TF_POSS);
  assert_int_equal(t->core_end - t->start, 5);
  ws_arena_free(f.a);
}

static void abbreviations_do_not_end_sentences(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "Mr. Smith met Gov. Jones on Nov. 23 in the U.S. capital. "
               "Then H. Morris spoke.");
  assert_string_equal(joined(&f), "Mr.|Smith|met|Gov.|Jones|on|Nov.|23|in|the|"
                                  "U.S.|capital|.|Then|H.|Morris|spoke|.");
  assert_int_equal(f.tk.n_sent, 2);
  ws_arena_free(f.a);
}

static void abbreviation_before_opener_ends_sentence(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "He flew to the U.S. The talks began.");
  assert_int_equal(f.tk.n_sent, 2);
  ws_arena_free(f.a);
}

static void closing_quote_stays_in_sentence(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "\"It is over.\" He left. \"Is it?\" she asked.");
  assert_int_equal(f.tk.n_sent, 2 + 1);
  /* the closing mark after "over." belongs to the first sentence */
  assert_int_equal(f.tk.tok[5].sent, 0);
  assert_int_equal(f.tk.tok[5].cp, '"');
  ws_arena_free(f.a);
}

static void numbers_keep_separators(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "About 1,200.5 people at 10:30 in 2023.");
  assert_string_equal(joined(&f), "About|1,200.5|people|at|10:30|in|2023|.");
  assert_int_equal(f.tk.tok[1].type, WS_TOK_NUMBER);
  ws_arena_free(f.a);
}

static void paragraphs_split_on_blank_and_hard_lines(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "First para\ncontinues here.\n\nSecond para.\nThird para.");
  assert_int_equal(f.tk.n_para, 3);
  assert_int_equal(f.tk.n_sent, 3);
  ws_arena_free(f.a);
}

static void quote_marks_are_their_own_tokens(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "\xE2\x80\x9EJa\xE2\x80\x9C, \xC2\xAB Oui \xC2\xBB");
  assert_int_equal(f.tk.tok[0].type, WS_TOK_QUOTE);
  assert_int_equal(f.tk.tok[0].cp, 0x201E);
  assert_int_equal(f.tk.tok[2].cp, 0x201C);
  assert_int_equal(f.tk.tok[4].cp, 0xAB);
  assert_int_equal(f.tk.tok[6].cp, 0xBB);
  ws_arena_free(f.a);
}

static void capitals_of_any_script(void **state) {
  (void)state;
  fixture f;
  tokenize(&f, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xC3\x89lys\xC3\xA9" "e");
  assert_true(f.tk.tok[0].flags & WS_TF_CAP);
  assert_false(f.tk.tok[1].flags & WS_TF_CAP);
  assert_true(f.tk.tok[2].flags & WS_TF_CAP);
  ws_arena_free(f.a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(words_keep_hyphens_and_apostrophes),
      cmocka_unit_test(possessive_is_outside_the_core),
      cmocka_unit_test(abbreviations_do_not_end_sentences),
      cmocka_unit_test(abbreviation_before_opener_ends_sentence),
      cmocka_unit_test(closing_quote_stays_in_sentence),
      cmocka_unit_test(numbers_keep_separators),
      cmocka_unit_test(paragraphs_split_on_blank_and_hard_lines),
      cmocka_unit_test(quote_marks_are_their_own_tokens),
      cmocka_unit_test(capitals_of_any_script),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
