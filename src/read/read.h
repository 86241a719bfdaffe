/*
 * read.h - the reader layer's inner interface: one input file -> articles.
 *
 * article.c opens a file, picks its form and hands the bytes to one of
 * the form readers below; each fills a ws_article whose strings come
 * from the article's arena (freed when the next article is read).  The
 * readers only fill metadata fields that are still NULL, so the caller
 * decides which source wins by the order it calls them.
 */
#ifndef WS_READ_H
#define WS_READ_H

#include <stddef.h>

#include "text/arena.h"
#include "whosaid.h"

/* Fills err (when not NULL) with code, offset, line and a formatted
 * message; returns code. */
int ws_read_fail(ws_error *err, int code, int64_t offset, int64_t line,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Sets *field to a NUL-terminated copy of s[0..n) with white space runs
 * folded to one space and trimmed, unless *field is already set or the
 * result is empty.  Returns WS_OK or WS_ENOMEM. */
int ws_read_set(ws_arena *a, const char **field, const char *s, size_t n);

/* Sets a->published / a->precision from a date string when not set yet
 * and the string parses (ws_date_parse).  Returns WS_OK or WS_ENOMEM. */
int ws_read_set_date(ws_arena *ar, ws_article *a, const char *s, size_t n);

/* -------------------------------------------------------------- date.c */

/* Month number (1..12) of the word at s (full English name, three-letter
 * abbreviation, "Sept"), with its length in *n including a trailing '.';
 * 0 when s holds no month. */
int ws_date_month(const char *s, size_t len, size_t *n);

/* Days from 1970-01-01 to y-m-d (negative before). */
long ws_date_days(int y, int m, int d);

/* The civil date of a day count from 1970-01-01 (ws_date_days undone). */
void ws_date_civil(long z, int *y, int *m, int *d);

/* ---------------------------------------------------------- encoding.c */

/* Bytes of a byte order mark at the start of buf and the encoding it
 * names ("UTF-8", "UTF-16LE", "UTF-16BE"), or 0 and NULL. */
size_t ws_encoding_bom(const char *buf, size_t len, const char **name);


/* Converts in[0..len) from encoding `name` to UTF-8 into a malloc'd
 * buffer (free with free()).  Returns WS_OK, WS_EENCODING with
 * err->offset at the first byte (counted from in + base) that is not
 * valid in the encoding, or WS_ENOMEM; *out is NULL on error. */
int ws_encoding_to_utf8(const char *name, const char *in, size_t len,
                        size_t base, char **out, size_t *out_len,
                        ws_error *err);

/* ------------------------------------------------------------- html.c */

/* Reads an HTML page: the text a reader sees (into the arena, as
 * a->text/len) and metadata from <title>, meta tags, <link
 * rel=canonical> and JSON-LD.  utf8 says the bytes are known to be UTF-8;
 * otherwise the page's own <meta charset> decides.  Broken markup is
 * recovered as a browser would.  Returns WS_OK, WS_EPARSE when nothing
 * could be parsed or the page holds no text, or WS_ENOMEM. */
int ws_html_read(const char *buf, size_t len, int utf8, ws_arena *ar,
                 ws_article *a, ws_error *err);

/* ------------------------------------------------------------- json.c */


/* Parses one JSON text into *root (free with ws_json_free).  Returns
 * WS_OK, or WS_EPARSE with err->line (plus line0 - 1), err->offset (plus
 * base) and the parser's message, or WS_ENOMEM. */
int ws_json_parse(const char *s, size_t len, int64_t line0, size_t base,
                  void **root, ws_error *err);

/* Records in a parsed file: an array's elements, or the value itself. */
size_t ws_json_count(const void *root);
const void *ws_json_item(const void *root, size_t i);

/* Frees a parsed value.  Accepts NULL. */
void ws_json_free(void *root);

/* Fills an article from one JSON object (a json_t *): text by opts'
 * field or the usual names, then metadata.  Returns WS_OK, WS_EPARSE
 * ("not an object", "no text field ...") or WS_ENOMEM.  The text points
 * into the object, which must outlive the article. */
int ws_json_article(const void *obj, const ws_read_opts *opts, ws_arena *ar,
                    ws_article *a, ws_error *err);

/* ------------------------------------------------------ frontmatter.c */

/* When text opens with a `---` line, parses the YAML up to the closing
 * `---` (or `...`) line for title, date, source/outlet, url, author and
 * place, and points a->text past it (setting text_offset, text_line).
 * Text without front matter is left as it is.  Returns WS_OK, WS_EPARSE
 * (YAML error, err->line the line of the file; or no closing line) or
 * WS_ENOMEM. */
int ws_frontmatter_read(ws_arena *ar, ws_article *a, ws_error *err);

/* --------------------------------------------------------- dateline.c */

/* Fills what is still unknown from plain text: a Markdown heading on the
 * first line as title, a newswire dateline near the head ("DOHA, Nov 24
 * (Reuters) -") as place, date and outlet, a URL alone on a line near the
 * head or the end as url.  A dateline's missing year comes only from a
 * full date elsewhere in the text within a month of it.  Returns WS_OK or
 * WS_ENOMEM. */
int ws_dateline_read(ws_arena *ar, ws_article *a);

#endif
