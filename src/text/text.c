/*
 * text.c - UTF-8 validation and decoding, code point classes, line index,
 * NFC normalisation.
 *
 * Validation follows RFC 3629 (no overlongs, no surrogates, nothing above
 * U+10FFFF).  After validation, decoding is a table-free fast path: callers
 * above this layer never see malformed input.
 */
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static void fail(ws_error *err, int code, size_t off, const char *what) {
  if (!err)
    return;
  err->code = code;
  err->offset = (int64_t)off;
  snprintf(err->msg, sizeof err->msg, "%s at byte %zu", what, off);
}

int ws_text_validate(const char *text, size_t len, ws_error *err) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    /* ASCII fast path, eight bytes at a time. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ull)
        break;
      /* has-zero-byte trick: finds a NUL among eight ASCII bytes */
      if ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)
        break;
      i += 8;
    }
    if (i >= len)
      break;
    unsigned c = s[i];
    if (c == 0) {
      fail(err, WS_EBINARY, i, "NUL byte (binary file)");
      return WS_EBINARY;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4, cp = c & 0x07, min = 0x10000;
    } else {
      fail(err, WS_EUTF8, i, "invalid UTF-8");
      return WS_EUTF8;
    }
    if (len - i < n) {
      fail(err, WS_EUTF8, i, "truncated UTF-8 sequence");
      return WS_EUTF8;
    }
    for (size_t k = 1; k < n; k++) {
      if ((s[i + k] & 0xC0) != 0x80) {
        fail(err, WS_EUTF8, i, "invalid UTF-8");
        return WS_EUTF8;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      fail(err, WS_EUTF8, i, "invalid UTF-8");
      return WS_EUTF8;
    }
    i += n;
  }
  return WS_OK;
}

size_t ws_text_bom(const char *text, size_t len) {
  return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

size_t ws_text_decode_slow(const char *text, size_t len, size_t i,
                          int32_t *cp) {
  const unsigned char *s = (const unsigned char *)text + i;
  unsigned c = s[0];
  size_t avail = len - i;
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  if (c < 0xE0 && avail >= 2) {
    *cp = (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F));
    return 2;
  }
  if (c < 0xF0 && avail >= 3) {
    *cp = (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F));
    return 3;
  }
  if (avail >= 4) {
    *cp = (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
                    ((s[2] & 0x3F) << 6) | (s[3] & 0x3F));
    return 4;
  }
  *cp = 0xFFFD; /* unreachable on validated text */
  return 1;
}

size_t ws_text_decode_back(const char *text, size_t i, int32_t *cp) {
  const unsigned char *s = (const unsigned char *)text;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
    j--;
  ws_text_decode(text, i, j, cp);
  return i - j;
}

static utf8proc_category_t cat(int32_t cp) {
  return utf8proc_codepoint_valid(cp) ? utf8proc_category(cp)
                                      : UTF8PROC_CATEGORY_CN;
}

int ws_cp_is_letter_slow(int32_t cp) {
  if (cp < 0x80)
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int ws_cp_is_upper_slow(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int ws_cp_is_lower_slow(int32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  return cat(cp) == UTF8PROC_CATEGORY_LL;
}

int ws_cp_is_digit_slow(int32_t cp) {
  if (cp < 0x80)
    return cp >= '0' && cp <= '9';
  return cat(cp) == UTF8PROC_CATEGORY_ND;
}

int ws_cp_is_mark_slow(int32_t cp) {
  if (cp < 0x300)
    return 0;
  utf8proc_category_t c = cat(cp);
  return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int ws_cp_is_space_slow(int32_t cp) {
  if (cp < 0x80)
    return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x85 || cp == 0xA0 || cp == 0xFEFF || cp == 0x200B)
    return 1;
  utf8proc_category_t c = cat(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
         c == UTF8PROC_CATEGORY_ZP;
}

int ws_cp_is_dash_slow(int32_t cp) {
  if (cp < 0x80)
    return cp == '-';
  return cat(cp) == UTF8PROC_CATEGORY_PD;
}

int ws_lines_build(ws_lines *lines, const char *text, size_t len,
                   ws_arena *a) {
  size_t n = 1;
  for (const char *p = text, *end = text + len;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    n++;
  uint32_t *starts = ws_arena_calloc(a, n, sizeof *starts);
  if (!starts)
    return WS_ENOMEM;
  size_t k = 0;
  starts[k++] = 0;
  for (const char *p = text, *end = text + len;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
    starts[k++] = (uint32_t)(p + 1 - text);
  lines->starts = starts;
  lines->n = n;
  return WS_OK;
}

uint32_t ws_lines_find(const ws_lines *lines, uint32_t off) {
  size_t lo = 0, hi = lines->n; /* invariant: starts[lo] <= off */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (lines->starts[mid] <= off)
      lo = mid;
    else
      hi = mid;
  }
  return (uint32_t)lo + 1;
}

/* Normalises into a malloc'd string: white space runs folded to one space,
 * ’ to ', then NFC (and case folding when fold is set). */
static char *normalise(const char *s, size_t n, int fold) {
  char *tmp = malloc(n + 1);
  if (!tmp)
    return NULL;
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    size_t l = ws_text_decode(s, n, i, &cp);
    if (ws_cp_is_space(cp)) {
      space = k > 0;
    } else {
      if (space)
        tmp[k++] = ' ';
      space = 0;
      if (cp == 0x2019) {
        tmp[k++] = '\'';
      } else {
        memcpy(tmp + k, s + i, l);
        k += l;
      }
    }
    i += l;
  }
  tmp[k] = '\0';
  /* Plain ASCII is already NFC and folds by lower-casing: most names and
   * keys are, and utf8proc_map showed in profiles of the indexer. */
  size_t j = 0;
  while (j < k && (unsigned char)tmp[j] < 0x80)
    j++;
  if (j == k) {
    if (fold)
      for (j = 0; j < k; j++)
        if (tmp[j] >= 'A' && tmp[j] <= 'Z')
          tmp[j] = (char)(tmp[j] + ('a' - 'A'));
    return tmp;
  }
  utf8proc_uint8_t *out = NULL;
  int opts = UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  if (fold)
    opts |= UTF8PROC_CASEFOLD;
  utf8proc_ssize_t r =
      utf8proc_map((const utf8proc_uint8_t *)tmp, 0, &out, (utf8proc_option_t)opts);
  free(tmp);
  if (r < 0)
    return NULL;
  return (char *)out;
}

static char *to_arena(ws_arena *a, char *m) {
  if (!m)
    return NULL;
  char *p = ws_arena_strndup(a, m, strlen(m));
  free(m);
  return p;
}

/* normalise() into the arena.  Plain ASCII (no NUL) is normalised here
 * directly, exactly as normalise() does it: white space runs folded, and
 * nothing else to do but lower-case when folding.  The names and aliases
 * of every prepared document are, and the malloc'd copy, its strlen and
 * its free were most of their cost. */
static char *normalise_arena(ws_arena *a, const char *s, size_t n, int fold) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] - 1u >= 0x7Fu) /* NUL or 0x80 and above */
      return to_arena(a, normalise(s, n, fold));
  if (n == SIZE_MAX)
    return NULL;
  char *out = ws_arena_alloc(a, n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    if (ws_cp_is_space((int32_t)c)) {
      space = k > 0;
      continue;
    }
    if (space)
      out[k++] = ' ';
    space = 0;
    out[k++] = (char)(fold && c - 'A' < 26u ? c + ('a' - 'A') : c);
  }
  out[k] = '\0';
  return out;
}

char *ws_text_nfc(ws_arena *a, const char *s, size_t n) {
  return normalise_arena(a, s, n, 0);
}

char *ws_text_fold(ws_arena *a, const char *s, size_t n) {
  return normalise_arena(a, s, n, 1);
}

int ws_text_fold_alloc(const char *s, size_t n, char **out) {
  *out = normalise(s, n, 1);
  return *out ? WS_OK : WS_ENOMEM;
}
