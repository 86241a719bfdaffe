/*
 * encoding.c - input encodings: byte order marks and iconv conversion to
 * UTF-8.
 *
 * UTF-8 is the default and is never converted (only validated, later, by
 * the caller), so offsets into a UTF-8 file stay offsets into the file.
 * A UTF-16 file is recognised by its BOM (Unicode 15, section 23.8); any
 * other encoding must be named (--encoding), because a legacy code page
 * cannot be told from its bytes with certainty.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "read/read.h"

size_t ws_encoding_bom(const char *buf, size_t len, const char **name) {
  const unsigned char *b = (const unsigned char *)buf;
  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    *name = "UTF-8";
    return 3;
  }
  if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
    *name = "UTF-16LE";
    return 2;
  }
  if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
    *name = "UTF-16BE";
    return 2;
  }
  *name = NULL;
  return 0;
}

int ws_encoding_check(const char *name, ws_error *err) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1)
    return ws_read_fail(err, WS_EENCODING, -1, 0,
                        "unknown encoding '%s' (try 'iconv -l' for names)",
                        name);
  iconv_close(cd);
  return WS_OK;
}

int ws_encoding_to_utf8(const char *name, const char *in, size_t len,
                        size_t base, char **out, size_t *out_len,
                        ws_error *err) {
  *out = NULL;
  *out_len = 0;
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1)
    return ws_read_fail(err, WS_EENCODING, -1, 0,
                        "unknown encoding '%s' (try 'iconv -l' for names)",
                        name);
  int rc = WS_OK;
  /* A single-byte code page grows at most 3x (U+FFFF in 3 bytes); UTF-16
   * at most 1.5x.  Start at 2x + 16 and double when that is not enough. */
  size_t cap = len > (SIZE_MAX - 16) / 2 ? len : len * 2 + 16;
  char *buf = malloc(cap);
  if (!buf) {
    rc = ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
    goto out;
  }
  char *ip = (char *)in;
  size_t il = len, used = 0;
  for (;;) {
    char *op = buf + used;
    size_t ol = cap - used - 1;
    size_t r = il ? iconv(cd, &ip, &il, &op, &ol) : iconv(cd, NULL, NULL, &op, &ol);
    used = (size_t)(op - buf);
    if (r != (size_t)-1 && il == 0)
      break;
    if (r == (size_t)-1 && errno == E2BIG) {
      if (cap > SIZE_MAX / 2) {
        rc = ws_read_fail(err, WS_ENOMEM, -1, 0, "file too large");
        goto out;
      }
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        rc = ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
        goto out;
      }
      buf = nb;
      cap *= 2;
      continue;
    }
    if (r == (size_t)-1) {
      size_t at = base + (size_t)(ip - in);
      if (errno == EINVAL)
        rc = ws_read_fail(err, WS_EENCODING, (int64_t)at, 0,
                          "incomplete %s sequence at byte %zu (end of file)",
                          name, at);
      else
        rc = ws_read_fail(err, WS_EENCODING, (int64_t)at, 0,
                          "byte 0x%02X at byte %zu is not valid %s",
                          (unsigned char)*ip, at, name);
      goto out;
    }
  }
  buf[used] = '\0';
  *out = buf;
  *out_len = used;
  buf = NULL;
out:
  free(buf);
  iconv_close(cd);
  return rc;
}
