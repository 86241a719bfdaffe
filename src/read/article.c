/*
 * article.c - the reader: one input file -> its articles.
 *
 * A ws_reader holds one file.  Single-article forms (.txt, .md, .html)
 * and .json are read whole and converted to UTF-8 once; JSON Lines are
 * read a line at a time (getline), so memory is bounded by the longest
 * line, whatever the size of the dump.  Each article's strings live in an
 * arena that is replaced by the next call of ws_reader_next, which is
 * what makes a million-record dump run in constant memory.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"
#include "text/text.h"

struct ws_reader {
  char *path;          /* copy of the path given */
  ws_read_opts opts;   /* the caller's (strings must outlive the reader) */
  const char *enc;     /* opts.encoding, NULL when UTF-8 */
  ws_format format;
  ws_arena *arena;     /* the current article's strings, or NULL */
  void *record;        /* the current JSON Lines record, or NULL */
  ws_article art;
  int done;            /* no more articles */
  /* Whole-file forms. */
  char *buf;           /* the file's bytes */
  size_t len;
  char *conv;          /* its UTF-8 conversion, or NULL when it was UTF-8 */
  const char *text;    /* UTF-8 text: conv, or buf past a BOM (JSON) */
  size_t text_len;
  void *root;          /* .json: the parsed file */
  size_t item, n_items;
  /* JSON Lines. */
  FILE *fp;            /* streamed; NULL when mem holds the lines */
  char *line;          /* getline's buffer */
  size_t line_cap;
  char *line_conv;     /* the line converted from enc */
  uint64_t lineno;     /* of the line last read */
  uint64_t line_off;   /* byte offset of the next line in the file */
  size_t mem_pos;      /* next line in text, when not streamed */
  int pending;         /* an error of decoding the file, for the first */
  ws_error pending_err; /* ws_reader_next to report */
};

int ws_read_fail(ws_error *err, int code, int64_t offset, int64_t line,
                 const char *fmt, ...) {
  if (err) {
    err->code = code;
    err->offset = offset;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
  }
  return code;
}

int ws_read_set(ws_arena *a, const char **field, const char *s, size_t n) {
  if (*field || !s)
    return WS_OK;
  char *out = ws_arena_alloc(a, n + 1);
  if (!out)
    return WS_ENOMEM;
  size_t k = 0;
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      space = 1;
      continue;
    }
    if (space && k)
      out[k++] = ' ';
    space = 0;
    out[k++] = (char)c;
  }
  out[k] = '\0';
  if (k)
    *field = out;
  return WS_OK;
}

int ws_read_set_date(ws_arena *ar, ws_article *a, const char *s, size_t n) {
  if (a->published || !s)
    return WS_OK;
  char iso[32];
  ws_date_precision p = ws_date_parse(s, n, iso);
  if (p == WS_DATE_NONE)
    return WS_OK;
  a->precision = p;
  return ws_read_set(ar, &a->published, iso, strlen(iso));
}

/* Puts "line N: " (or another prefix) before err->msg, cutting the end
 * of the message when the whole does not fit. */
static void prefix_msg(ws_error *err, const char *prefix) {
  size_t p = strlen(prefix), m = strlen(err->msg), cap = sizeof err->msg - 1;
  if (p >= cap)
    return;
  if (p + m > cap)
    m = cap - p;
  memmove(err->msg + p, err->msg, m);
  memcpy(err->msg, prefix, p);
  err->msg[p + m] = '\0';
}

const char *ws_format_name(ws_format f) {
  static const char *const names[] = {"txt", "md", "html", "json", "jsonl"};
  return (unsigned)f < 5 ? names[f] : "txt";
}

static int ends_with(const char *path, const char *ext) {
  size_t n = strlen(path), e = strlen(ext);
  return n > e && path[n - e - 1] == '.' &&
         strcasecmp(path + n - e, ext) == 0;
}

static ws_format format_of_name(const char *path) {
  if (ends_with(path, "html") || ends_with(path, "htm") ||
      ends_with(path, "xhtml"))
    return WS_FORMAT_HTML;
  if (ends_with(path, "jsonl") || ends_with(path, "ndjson"))
    return WS_FORMAT_JSONL;
  if (ends_with(path, "json"))
    return WS_FORMAT_JSON;
  if (ends_with(path, "md") || ends_with(path, "markdown"))
    return WS_FORMAT_MD;
  return WS_FORMAT_TXT;
}

/* A plain-text file that is really a saved web page: it opens (after
 * white space) with a doctype or an <html> tag. */
static int looks_like_html(const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
    i++;
  return (n - i >= 14 && strncasecmp(s + i, "<!doctype html", 14) == 0) ||
         (n - i >= 5 && strncasecmp(s + i, "<html", 5) == 0 &&
          (n - i == 5 || s[i + 5] == '>' || s[i + 5] == ' ' ||
           s[i + 5] == '\n'));
}

static int is_utf8_name(const char *e) {
  return strcasecmp(e, "utf-8") == 0 || strcasecmp(e, "utf8") == 0;
}

static int is_wide_name(const char *e) {
  return strncasecmp(e, "utf-16", 6) == 0 || strncasecmp(e, "utf16", 5) == 0 ||
         strncasecmp(e, "utf-32", 6) == 0 || strncasecmp(e, "ucs-", 4) == 0;
}

/* Converts the whole file to UTF-8 when it is not: a UTF-16 BOM, or a
 * named encoding.  A BOM wins over the name: it cannot be an accident. */
static int decode_whole(ws_reader *r, ws_error *err) {
  const char *bom_enc;
  size_t bom = ws_encoding_bom(r->buf, r->len, &bom_enc);
  const char *enc = bom ? bom_enc : r->enc;
  r->text = r->buf;
  r->text_len = r->len;
  if (!enc || is_utf8_name(enc))
    return WS_OK;
  int rc = ws_encoding_to_utf8(enc, r->buf + bom, r->len - bom, bom, &r->conv,
                               &r->text_len, err);
  if (rc)
    return rc;
  r->text = r->conv;
  return WS_OK;
}

int ws_reader_open(const char *path, const ws_read_opts *opts,
                   ws_reader **out, ws_error *err) {
  *out = NULL;
  ws_reader *r = calloc(1, sizeof *r);
  int rc = WS_OK;
  if (!r || !(r->path = strdup(path))) {
    free(r);
    return ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
  }
  if (opts)
    r->opts = *opts;
  if (r->opts.encoding && !is_utf8_name(r->opts.encoding)) {
    if ((rc = ws_encoding_check(r->opts.encoding, err)))
      goto fail;
    r->enc = r->opts.encoding;
  }
  r->format = format_of_name(path);
  if (r->format == WS_FORMAT_JSONL) {
    /* Stream, unless the encoding is one whose bytes cannot be split at
     * '\n' (UTF-16, UTF-32): such a dump is converted whole. */
    r->fp = fopen(path, "rb");
    if (!r->fp) {
      rc = ws_read_fail(err, WS_EIO, -1, 0, "%s", strerror(errno));
      goto fail;
    }
    unsigned char head[3] = {0, 0, 0};
    size_t got = fread(head, 1, 3, r->fp);
    const char *bom_enc;
    size_t bom = ws_encoding_bom((const char *)head, got, &bom_enc);
    int wide = (bom && bom_enc[3] == '-' && bom_enc[4] == '1') ||
               (!bom && r->enc && is_wide_name(r->enc));
    if (!wide) {
      if (bom)
        r->enc = NULL; /* a UTF-8 BOM */
      if (fseek(r->fp, (long)bom, SEEK_SET) != 0) {
        rc = ws_read_fail(err, WS_EIO, -1, 0, "%s", strerror(errno));
        goto fail;
      }
      r->line_off = bom;
      *out = r;
      return WS_OK;
    }
    fclose(r->fp);
    r->fp = NULL;
  }
  if ((rc = ws_file_read(path, &r->buf, &r->len, err)))
    goto fail;
  /* Bytes invalid in the encoding are the file's first (and only)
   * result, as a bad record is, not a failure to open it. */
  if ((rc = decode_whole(r, &r->pending_err))) {
    if (rc == WS_ENOMEM) {
      if (err)
        *err = r->pending_err;
      goto fail;
    }
    r->pending = rc;
    *out = r;
    return WS_OK;
  }
  if (r->format == WS_FORMAT_TXT && looks_like_html(r->text, r->text_len))
    r->format = WS_FORMAT_HTML;
  *out = r;
  return WS_OK;
fail:
  ws_reader_close(r);
  return rc;
}

void ws_reader_close(ws_reader *r) {
  if (!r)
    return;
  ws_arena_free(r->arena);
  ws_json_free(r->record);
  ws_json_free(r->root);
  if (r->fp)
    fclose(r->fp);
  free(r->line);
  free(r->line_conv);
  free(r->conv);
  free(r->buf);
  free(r->path);
  free(r);
}

/* The next non-blank line of a JSON Lines file into *s, *n (without its
 * line break), converted to UTF-8.  Returns 1, 0 at the end, or an error. */
static int next_line(ws_reader *r, const char **s, size_t *n, size_t *off,
                     ws_error *err) {
  for (;;) {
    const char *p;
    size_t len;
    *off = r->line_off;
    if (r->fp) {
      errno = 0;
      ssize_t got = getline(&r->line, &r->line_cap, r->fp);
      if (got < 0) {
        if (ferror(r->fp))
          return ws_read_fail(err, WS_EIO, (int64_t)r->line_off,
                              (int64_t)r->lineno + 1, "line %llu: %s",
                              (unsigned long long)r->lineno + 1,
                              strerror(errno ? errno : EIO));
        return 0;
      }
      p = r->line, len = (size_t)got;
    } else {
      if (r->mem_pos >= r->text_len)
        return 0;
      p = r->text + r->mem_pos;
      const char *nl = memchr(p, '\n', r->text_len - r->mem_pos);
      len = nl ? (size_t)(nl - p) + 1 : r->text_len - r->mem_pos;
      r->mem_pos += len;
    }
    r->lineno++;
    r->line_off += len;
    while (len && (p[len - 1] == '\n' || p[len - 1] == '\r'))
      len--;
    size_t k = 0;
    while (k < len && (p[k] == ' ' || p[k] == '\t'))
      k++;
    if (k == len)
      continue; /* blank lines separate nothing and are not records */
    if (r->fp && r->enc) {
      free(r->line_conv);
      r->line_conv = NULL;
      size_t cl;
      int rc = ws_encoding_to_utf8(r->enc, p, len, *off, &r->line_conv, &cl,
                                   err);
      if (rc) {
        char pre[48];
        snprintf(pre, sizeof pre, "line %llu: ", (unsigned long long)r->lineno);
        err->line = (int64_t)r->lineno;
        prefix_msg(err, pre);
        return rc;
      }
      p = r->line_conv, len = cl;
    }
    *s = p, *n = len;
    return 1;
  }
}

/* Prefixes err->msg with where the record is and sets err->line. */
static int record_fail(ws_reader *r, int rc, ws_error *err) {
  if (!err)
    return rc;
  char pre[48];
  if (r->format == WS_FORMAT_JSONL) {
    err->line = (int64_t)r->lineno;
    snprintf(pre, sizeof pre, "line %llu: ", (unsigned long long)r->lineno);
    prefix_msg(err, pre);
  } else if (r->n_items > 1 || r->item > 1) {
    snprintf(pre, sizeof pre, "record %zu: ", r->item);
    prefix_msg(err, pre);
  }
  err->code = rc;
  return rc;
}

int ws_reader_next(ws_reader *r, const ws_article **out, ws_error *err) {
  *out = NULL;
  ws_arena_free(r->arena);
  r->arena = NULL;
  ws_json_free(r->record);
  r->record = NULL;
  if (r->done)
    return 0;
  if (r->pending) {
    r->done = 1;
    if (err)
      *err = r->pending_err;
    return r->pending;
  }
  int rc = WS_OK;
  ws_article *a = &r->art;
  memset(a, 0, sizeof *a);
  a->path = r->path;
  a->format = r->format;
  a->text_line = 1;
  if (!(r->arena = ws_arena_new_sized(4096)))
    return ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
  switch (r->format) {
  case WS_FORMAT_JSONL: {
    const char *s = NULL;
    size_t n = 0, off = 0;
    int got = next_line(r, &s, &n, &off, err);
    if (got <= 0) {
      if (got < 0 && err->code == WS_EIO)
        r->done = 1;
      return got;
    }
    a->record = r->lineno;
    if ((rc = ws_json_parse(s, n, (int64_t)r->lineno, off, &r->record, err)))
      return record_fail(r, rc, err);
    if ((rc = ws_json_article(r->record, &r->opts, r->arena, a, err)))
      return record_fail(r, rc, err);
    break;
  }
  case WS_FORMAT_JSON: {
    if (!r->root) {
      const char *bom_enc;
      size_t bom = r->conv ? 0 : ws_encoding_bom(r->text, r->text_len, &bom_enc);
      if ((rc = ws_json_parse(r->text + bom, r->text_len - bom, 1, bom,
                              &r->root, err))) {
        r->done = 1;
        return rc;
      }
      r->n_items = ws_json_count(r->root);
    }
    if (r->item >= r->n_items) {
      r->done = 1;
      return 0;
    }
    const void *obj = ws_json_item(r->root, r->item++);
    a->record = ws_json_item(r->root, 0) == r->root ? 0 : r->item;
    if ((rc = ws_json_article(obj, &r->opts, r->arena, a, err)))
      return record_fail(r, rc, err);
    break;
  }
  case WS_FORMAT_HTML:
    r->done = 1;
    if ((rc = ws_html_read(r->text, r->text_len,
                           r->conv != NULL || r->enc != NULL ||
                               ws_text_validate(r->text, r->text_len, NULL) ==
                                   WS_OK,
                           r->arena, a, err)))
      return rc;
    break;
  default:
    r->done = 1;
    if (!r->conv && (rc = ws_text_validate(r->text, r->text_len, err))) {
      /* As the indexer reports it: "invalid UTF-8 at byte 18 (line 2)". */
      if (err && err->offset >= 0) {
        int64_t line = 1;
        for (int64_t i = 0; i < err->offset; i++)
          line += r->text[i] == '\n';
        err->line = line;
        size_t m = strlen(err->msg);
        snprintf(err->msg + m, sizeof err->msg - m, " (line %lld)",
                 (long long)line);
      }
      return rc;
    }
    a->text = r->text;
    a->len = r->text_len;
    if (r->format == WS_FORMAT_MD && (rc = ws_frontmatter_read(r->arena, a, err)))
      return rc;
    break;
  }
  if ((rc = ws_dateline_read(r->arena, a)))
    return ws_read_fail(err, rc, -1, 0, "out of memory");
  *out = a;
  return 1;
}
