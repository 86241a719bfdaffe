/*
 * text.h - the text layer: validation, lines, code points, normalisation.
 *
 * Everything above this layer works on byte offsets into the caller's
 * original buffer; this layer is the only place that decodes UTF-8.
 */
#ifndef WS_TEXT_H
#define WS_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "text/arena.h"
#include "whosaid.h"

/* Checks that text[0..len) is valid UTF-8 without NUL bytes.
 * Returns WS_OK, or WS_EUTF8 / WS_EBINARY with err->offset set to the first
 * offending byte and err->msg filled ("invalid UTF-8 at byte 17"). */
int ws_text_validate(const char *text, size_t len, ws_error *err);

/* Bytes of a leading UTF-8 byte order mark (3), or 0. */
size_t ws_text_bom(const char *text, size_t len);

/* Up to seven bytes of s as one little-endian word, without reading past
 * them: the tail of a word-at-a-time hash or compare (entity.c, lexicon.c). */
static inline uint64_t ws_load_tail(const char *s, size_t k) {
  uint64_t w = 0;
  unsigned shift = 0;
  if (k & 4) {
    uint32_t x;
    memcpy(&x, s, 4);
    w = x, s += 4, shift = 32;
  }
  if (k & 2) {
    uint16_t x;
    memcpy(&x, s, 2);
    w |= (uint64_t)x << shift, s += 2, shift += 16;
  }
  if (k & 1)
    w |= (uint64_t)(unsigned char)*s << shift;
  return w;
}

/* Decodes the code point at text[i] (text must be valid UTF-8, i < len);
 * stores it in *cp and returns its length in bytes (1..4). */
size_t ws_text_decode_slow(const char *text, size_t len, size_t i, int32_t *cp);
static inline size_t ws_text_decode(const char *text, size_t len, size_t i,
                                    int32_t *cp) {
  unsigned char c = (unsigned char)text[i];
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  return ws_text_decode_slow(text, len, i, cp);
}

/* Decodes the code point that ends just before text[i] (0 < i <= len);
 * stores it in *cp and returns its length in bytes. */
size_t ws_text_decode_back(const char *text, size_t i, int32_t *cp);

/* Code point classes (utf8proc general categories).  ASCII is decided
 * inline: these run for every code point of every document. */
int ws_cp_is_letter_slow(int32_t cp);  /* L* */
int ws_cp_is_upper_slow(int32_t cp);   /* Lu or Lt */
int ws_cp_is_lower_slow(int32_t cp);   /* Ll */
int ws_cp_is_digit_slow(int32_t cp);   /* Nd */
int ws_cp_is_space_slow(int32_t cp);   /* Zs, Zl, Zp, NBSP, NEL, ZWSP, BOM */
int ws_cp_is_mark_slow(int32_t cp);    /* M* (combining) */
int ws_cp_is_dash_slow(int32_t cp);    /* Pd: - – — ‐ */

static inline int ws_cp_is_letter(int32_t cp) {
  return cp < 0x80 ? (unsigned)((cp | 0x20) - 'a') < 26u
                   : ws_cp_is_letter_slow(cp);
}
static inline int ws_cp_is_upper(int32_t cp) {
  return cp < 0x80 ? (unsigned)(cp - 'A') < 26u : ws_cp_is_upper_slow(cp);
}
static inline int ws_cp_is_lower(int32_t cp) {
  return cp < 0x80 ? (unsigned)(cp - 'a') < 26u : ws_cp_is_lower_slow(cp);
}
static inline int ws_cp_is_digit(int32_t cp) {
  return cp < 0x80 ? (unsigned)(cp - '0') < 10u : ws_cp_is_digit_slow(cp);
}
static inline int ws_cp_is_space(int32_t cp) {
  return cp < 0x80 ? cp == ' ' || (unsigned)(cp - '\t') < 5u
                   : ws_cp_is_space_slow(cp);
}
/* No combining mark lies below U+0300 (utf8proc categories M*). */
static inline int ws_cp_is_mark(int32_t cp) {
  return cp < 0x300 ? 0 : ws_cp_is_mark_slow(cp);
}
static inline int ws_cp_is_dash(int32_t cp) {
  return cp < 0x80 ? cp == '-' : ws_cp_is_dash_slow(cp);
}

/* Line index: offsets of line starts, for 1-based line numbers. */
typedef struct ws_lines {
  uint32_t *starts; /* starts[0] == 0, ascending */
  size_t n;         /* number of lines */
} ws_lines;

/* Builds the line index of text[0..len) in the arena.
 * Returns WS_OK or WS_ENOMEM. */
int ws_lines_build(ws_lines *lines, const char *text, size_t len, ws_arena *a);

/* 1-based line holding byte offset `off`. */
uint32_t ws_lines_find(const ws_lines *lines, uint32_t off);

/* NFC-normalises s[0..n), folding any run of white space to one ASCII
 * space and curly apostrophes to ', into a NUL-terminated arena string.
 * Returns NULL when out of memory. */
char *ws_text_nfc(ws_arena *a, const char *s, size_t n);

/* Like ws_text_nfc, then case-folded (for comparing names and aliases).
 * Returns NULL when out of memory. */
char *ws_text_fold(ws_arena *a, const char *s, size_t n);

/* Writes a malloc'd NFC + casefold of s[0..n) to *out (free with free()).
 * For callers without an arena (query arguments).  Returns WS_OK or
 * WS_ENOMEM. */
int ws_text_fold_alloc(const char *s, size_t n, char **out);

#endif
