/*
 * json.c - articles from JSON records (jansson).
 *
 * News APIs and crawlers name their fields differently; the usual names
 * are tried in order (news-please: maintext, date_publish, source_domain;
 * NewsAPI: content, publishedAt, source.name; schema.org: articleBody,
 * headline, datePublished), unless the caller names the field.  A field
 * name may be a dotted path ("source.name").  An author may be a string,
 * an array of strings, or objects with a "name".
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "read/read.h"

int ws_json_parse(const char *s, size_t len, int64_t line0, size_t base,
                  void **root, ws_error *err) {
  json_error_t je;
  json_t *v = json_loadb(s, len, 0, &je);
  *root = v;
  if (v)
    return WS_OK;
  int64_t line = je.line > 0 ? line0 + je.line - 1 : line0;
  int64_t off = je.position >= 0 ? (int64_t)base + je.position : -1;
  if (je.column > 0)
    return ws_read_fail(err, WS_EPARSE, off, line, "not JSON at column %d: %s",
                        je.column, je.text);
  return ws_read_fail(err, WS_EPARSE, off, line, "not JSON: %s", je.text);
}

size_t ws_json_count(const void *root) {
  const json_t *v = root;
  return json_is_array(v) ? json_array_size(v) : 1;
}

const void *ws_json_item(const void *root, size_t i) {
  const json_t *v = root;
  return json_is_array(v) ? json_array_get(v, i) : v;
}

void ws_json_free(void *root) {
  json_decref((json_t *)root);
}

/* The value at a dotted path ("source.name"), or NULL. */
static const json_t *get_path(const json_t *obj, const char *path) {
  const char *dot = strchr(path, '.');
  if (!dot)
    return json_object_get(obj, path);
  /* A key may itself hold a dot: try the whole name first. */
  const json_t *v = json_object_get(obj, path);
  if (v)
    return v;
  char head[128];
  size_t n = (size_t)(dot - path);
  if (n >= sizeof head)
    return NULL;
  memcpy(head, path, n);
  head[n] = '\0';
  const json_t *sub = json_object_get(obj, head);
  return json_is_object(sub) ? get_path(sub, dot + 1) : NULL;
}

/* The first of names (NULL-terminated) holding a non-empty string (or,
 * with `named`, an object with a string "name"), or NULL. */
static const json_t *first_field(const json_t *obj, const char *opt,
                                 const char *const *names, const char **used) {
  if (opt) {
    *used = opt;
    return get_path(obj, opt);
  }
  for (size_t i = 0; names[i]; i++) {
    const json_t *v = get_path(obj, names[i]);
    if (!v || json_is_null(v) ||
        (json_is_string(v) && json_string_length(v) == 0))
      continue;
    *used = names[i];
    return v;
  }
  return NULL;
}

/* A string, or the "name" of an object ("publisher": {"name": ...}). */
static const json_t *as_string(const json_t *v) {
  if (json_is_object(v))
    v = json_object_get(v, "name");
  return json_is_string(v) ? v : NULL;
}

static int set_str(ws_arena *ar, const char **field, const json_t *v) {
  v = as_string(v);
  if (!v)
    return WS_OK;
  return ws_read_set(ar, field, json_string_value(v), json_string_length(v));
}

/* Authors joined by ", ". */
static int set_author(ws_arena *ar, const char **field, const json_t *v) {
  if (!json_is_array(v))
    return set_str(ar, field, v);
  size_t len = 0, i;
  const json_t *x;
  json_array_foreach(v, i, x) {
    const json_t *s = as_string(x);
    if (s)
      len += json_string_length(s) + 2;
  }
  if (!len)
    return WS_OK;
  char *buf = ws_arena_alloc(ar, len + 1);
  if (!buf)
    return WS_ENOMEM;
  size_t k = 0;
  json_array_foreach(v, i, x) {
    const json_t *s = as_string(x);
    if (!s || !json_string_length(s))
      continue;
    if (k)
      buf[k++] = ',', buf[k++] = ' ';
    memcpy(buf + k, json_string_value(s), json_string_length(s));
    k += json_string_length(s);
  }
  return ws_read_set(ar, field, buf, k);
}

static const char *const text_names[] = {
    "text", "body", "content", "maintext", "articleBody", "article",
    "full_text", "fulltext", "story", NULL};
static const char *const title_names[] = {"title", "headline", NULL};
static const char *const date_names[] = {
    "date",         "published",   "date_publish", "datePublished",
    "publishedAt",  "published_at", "pubDate",     "publish_date",
    "pub_date",     "created_at",  "timestamp",    NULL};
static const char *const url_names[] = {"url", "link", "canonical_url",
                                        "web_url", NULL};
static const char *const outlet_names[] = {
    "source",    "outlet",      "source_domain", "publisher", "site_name",
    "site",      "source_name", "domain",        NULL};
static const char *const author_names[] = {"author", "authors", "byline",
                                           "creator", NULL};
static const char *const place_names[] = {"place", "location", "dateline",
                                          NULL};

int ws_json_article(const void *record, const ws_read_opts *o, ws_arena *ar,
                    ws_article *a, ws_error *err) {
  const json_t *obj = record;
  if (!json_is_object(obj))
    return ws_read_fail(err, WS_EPARSE, -1, 0,
                        "a record must be a JSON object, not %s",
                        json_is_array(obj)    ? "an array"
                        : json_is_string(obj) ? "a string"
                                              : "a number or literal");
  const char *used = NULL;
  const json_t *text = first_field(obj, o->text_field, text_names, &used);
  if (!text) {
    if (o->text_field)
      return ws_read_fail(err, WS_EPARSE, -1, 0, "no text field '%s'",
                          o->text_field);
    return ws_read_fail(err, WS_EPARSE, -1, 0,
                        "no text field (tried text, body, content, maintext, "
                        "articleBody, article, full_text, story)");
  }
  if (!json_is_string(text))
    return ws_read_fail(err, WS_EPARSE, -1, 0,
                        "text field '%s' is not a string", used);
  a->text = json_string_value(text);
  a->len = json_string_length(text);
  int rc;
  if ((rc = set_str(ar, &a->title, first_field(obj, o->title_field,
                                               title_names, &used))) ||
      (rc = set_str(ar, &a->url,
                    first_field(obj, o->url_field, url_names, &used))) ||
      (rc = set_str(ar, &a->outlet, first_field(obj, o->outlet_field,
                                                outlet_names, &used))) ||
      (rc = set_author(ar, &a->author, first_field(obj, o->author_field,
                                                   author_names, &used))) ||
      (rc = set_str(ar, &a->place,
                    first_field(obj, NULL, place_names, &used))))
    return ws_read_fail(err, rc, -1, 0, "out of memory");
  const json_t *d = first_field(obj, o->date_field, date_names, &used);
  if (json_is_string(d)) {
    rc = ws_read_set_date(ar, a, json_string_value(d), json_string_length(d));
  } else if (json_is_integer(d) && json_integer_value(d) > 0) {
    /* Seconds (or, when too large for that, milliseconds) since the epoch,
     * as Twitter-era and Unix-minded exporters write them. */
    long long t = (long long)json_integer_value(d);
    if (t > 100000000000LL)
      t /= 1000;
    char iso[32];
    long days = (long)(t / 86400);
    long secs = (long)(t % 86400);
    int y, m, dd;
    ws_date_civil(days, &y, &m, &dd);
    snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, m, dd,
             secs / 3600, secs / 60 % 60, secs % 60);
    rc = ws_read_set_date(ar, a, iso, strlen(iso));
  }
  if (rc)
    return ws_read_fail(err, rc, -1, 0, "out of memory");
  return WS_OK;
}
