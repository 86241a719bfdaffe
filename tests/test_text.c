/* test_text.c - UTF-8 validation, BOM, lines, NFC. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static void valid_utf8_passes(void **state) {
  (void)state;
  ws_error err = {0};
  const char *s = "Erdo\xC4\x9F" "an said \xE2\x80\x9Chi\xE2\x80\x9D \xF0\x9F\x98\x80";
  assert_int_equal(ws_text_validate(s, strlen(s), &err), WS_OK);
}

static void invalid_utf8_names_the_byte(void **state) {
  (void)state;
  ws_error err = {0};
  const char s[] = "abcdefghij\xC3\x28 rest";
  assert_int_equal(ws_text_validate(s, sizeof s - 1, &err), WS_EUTF8);
  assert_int_equal(err.offset, 10);
  assert_non_null(strstr(err.msg, "byte 10"));
}

static void overlong_and_surrogates_rejected(void **state) {
  (void)state;
  ws_error err = {0};
  assert_int_equal(ws_text_validate("\xC0\xAF", 2, &err), WS_EUTF8);
  assert_int_equal(ws_text_validate("\xE0\x80\xAF", 3, &err), WS_EUTF8);
  assert_int_equal(ws_text_validate("\xED\xA0\x80", 3, &err), WS_EUTF8);
  assert_int_equal(ws_text_validate("\xF4\x90\x80\x80", 4, &err), WS_EUTF8);
  assert_int_equal(ws_text_validate("ab\xE2\x80", 4, &err), WS_EUTF8);
  assert_int_equal(err.offset, 2);
}

static void nul_byte_is_binary(void **state) {
  (void)state;
  ws_error err = {0};
  const char s[] = "0123456789abcdef\0tail";
  assert_int_equal(ws_text_validate(s, sizeof s - 1, &err), WS_EBINARY);
  assert_int_equal(err.offset, 16);
}

static void bom_detected(void **state) {
  (void)state;
  assert_int_equal(ws_text_bom("\xEF\xBB\xBFHi", 5), 3);
  assert_int_equal(ws_text_bom("Hi", 2), 0);
}

static void lines_are_one_based(void **state) {
  (void)state;
  ws_arena *a = ws_arena_new();
  ws_lines lines;
  const char *s = "one\ntwo\r\nthree";
  assert_int_equal(ws_lines_build(&lines, s, strlen(s), a), WS_OK);
  assert_int_equal(lines.n, 3);
  assert_int_equal(ws_lines_find(&lines, 0), 1);
  assert_int_equal(ws_lines_find(&lines, 3), 1);
  assert_int_equal(ws_lines_find(&lines, 4), 2);
  assert_int_equal(ws_lines_find(&lines, 9), 3);
  ws_arena_free(a);
}

/* A small first block grows by doubling; requests larger than the first
 * block, and big ones, still fit, and earlier data stays put. */
static void sized_arena_grows_and_keeps_data(void **state) {
  (void)state;
  ws_arena *a = ws_arena_new_sized(100);
  assert_non_null(a);
  unsigned char *first = ws_arena_alloc(a, 10);
  memset(first, 0xab, 10);
  for (size_t n = 1; n < 300000; n = n * 3 + 1) {
    unsigned char *p = ws_arena_alloc(a, n);
    assert_non_null(p);
    assert_int_equal((uintptr_t)p % 16, 0);
    memset(p, 0xcd, n);
  }
  for (int i = 0; i < 10; i++)
    assert_int_equal(first[i], 0xab);
  assert_true(ws_arena_used(a) > 300000);
  ws_arena_free(a);
}

static void nfc_composes_and_folds_space(void **state) {
  (void)state;
  ws_arena *a = ws_arena_new();
  /* "Erdog" + U+0306 (combining breve) + "an" -> Erdoğan (U+011F) */
  const char *decomposed = "Erdog\xCC\x86" "an";
  char *n = ws_text_nfc(a, decomposed, strlen(decomposed));
  assert_string_equal(n, "Erdo\xC4\x9F" "an");
  const char *spaced = "Al  \n Thani\xE2\x80\x99s";
  char *s = ws_text_nfc(a, spaced, strlen(spaced));
  assert_string_equal(s, "Al Thani's");
  char *f = ws_text_fold(a, "HAMAS", 5);
  assert_string_equal(f, "hamas");
  /* plain ASCII (normalised without utf8proc): every kind of white space
   * folds, none is kept at either end, and folding only lowers */
  const char *ascii = " \t McDONALD's \v\f Farm\r\n";
  assert_string_equal(ws_text_nfc(a, ascii, strlen(ascii)), "McDONALD's Farm");
  assert_string_equal(ws_text_fold(a, ascii, strlen(ascii)), "mcdonald's farm");
  char *m;
  assert_int_equal(ws_text_fold_alloc(ascii, strlen(ascii), &m), WS_OK);
  assert_string_equal(m, "mcdonald's farm");
  free(m);
  assert_string_equal(ws_text_nfc(a, "  ", 2), "");
  ws_arena_free(a);
}

static void classes_cover_other_scripts(void **state) {
  (void)state;
  assert_true(ws_cp_is_upper(0x0416));  /* Ж */
  assert_true(ws_cp_is_lower(0x0436));  /* ж */
  assert_true(ws_cp_is_letter(0x0645)); /* Arabic meem */
  assert_false(ws_cp_is_upper(0x0645));
  assert_true(ws_cp_is_space(0xA0));
  assert_true(ws_cp_is_dash(0x2013));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(valid_utf8_passes),
      cmocka_unit_test(invalid_utf8_names_the_byte),
      cmocka_unit_test(overlong_and_surrogates_rejected),
      cmocka_unit_test(nul_byte_is_binary),
      cmocka_unit_test(bom_detected),
      cmocka_unit_test(lines_are_one_based),
      cmocka_unit_test(sized_arena_grows_and_keeps_data),
      cmocka_unit_test(nfc_composes_and_folds_space),
      cmocka_unit_test(classes_cover_other_scripts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
