/*
 * frontmatter.c - Markdown front matter: YAML between `---` lines at the
 * top of the file (the convention of Jekyll, Hugo and Pandoc), read with
 * libyaml.
 *
 * Keys read (the names static-site generators and note tools use): title;
 * date, published, publishDate, pubDate; source, outlet, publisher,
 * site; url, link, canonical, canonicalURL; author, authors, byline
 * (a string or a list); place, location, dateline.  Other keys are
 * ignored.  The article's text is the body after the closing line, so its
 * offsets are the file's offsets less text_offset.
 */
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "read/read.h"

/* Length of the line at s[i] including its '\n' (the rest when none). */
static size_t line_len(const char *s, size_t len, size_t i) {
  const char *nl = memchr(s + i, '\n', len - i);
  return nl ? (size_t)(nl - (s + i)) + 1 : len - i;
}

/* The line s[i..i+n) is `mark` with optional trailing white space. */
static int line_is(const char *s, size_t i, size_t n, const char *mark) {
  size_t m = strlen(mark);
  if (n < m || memcmp(s + i, mark, m) != 0)
    return 0;
  for (size_t k = m; k < n; k++)
    if (s[i + k] != ' ' && s[i + k] != '\t' && s[i + k] != '\r' &&
        s[i + k] != '\n')
      return 0;
  return 1;
}

static int key_in(const char *k, const char *const *names) {
  for (size_t i = 0; names[i]; i++)
    if (strcasecmp(k, names[i]) == 0)
      return 1;
  return 0;
}

/* A scalar node's value, or a sequence of scalars joined by ", ", set
 * into *field. */
static int set_node(ws_arena *ar, yaml_document_t *doc, yaml_node_t *v,
                    const char **field) {
  if (v->type == YAML_SCALAR_NODE)
    return ws_read_set(ar, field, (const char *)v->data.scalar.value,
                       v->data.scalar.length);
  if (v->type != YAML_SEQUENCE_NODE)
    return WS_OK;
  char buf[1024];
  size_t k = 0;
  for (yaml_node_item_t *it = v->data.sequence.items.start;
       it < v->data.sequence.items.top; it++) {
    yaml_node_t *x = yaml_document_get_node(doc, *it);
    if (!x || x->type != YAML_SCALAR_NODE)
      continue;
    size_t n = x->data.scalar.length;
    if (k + n + 2 >= sizeof buf)
      break;
    if (k)
      buf[k++] = ',', buf[k++] = ' ';
    memcpy(buf + k, x->data.scalar.value, n);
    k += n;
  }
  return ws_read_set(ar, field, buf, k);
}

int ws_frontmatter_read(ws_arena *ar, ws_article *a, ws_error *err) {
  static const char *const title_keys[] = {"title", "headline", NULL};
  static const char *const date_keys[] = {"date", "published", "publishdate",
                                          "pubdate", "date_published",
                                          "datepublished", NULL};
  static const char *const outlet_keys[] = {"source", "outlet", "publisher",
                                            "site", "source_domain", NULL};
  static const char *const url_keys[] = {"url", "link", "canonical",
                                         "canonicalurl", "source_url", NULL};
  static const char *const author_keys[] = {"author", "authors", "byline",
                                            NULL};
  static const char *const place_keys[] = {"place", "location", "dateline",
                                           NULL};
  const char *s = a->text;
  size_t len = a->len, i = 0;
  /* A UTF-8 BOM may come before the opening line. */
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  size_t n = len > i ? line_len(s, len, i) : 0;
  if (!n || !line_is(s, i, n, "---"))
    return WS_OK;
  size_t yaml_start = i + n, j = yaml_start, yaml_end = 0, body = 0;
  uint32_t line = 2;
  while (j < len) {
    n = line_len(s, len, j);
    if (line_is(s, j, n, "---") || line_is(s, j, n, "...")) {
      yaml_end = j;
      body = j + n;
      break;
    }
    j += n;
    line++;
  }
  if (!body)
    return ws_read_fail(err, WS_EPARSE, (int64_t)i, 1,
                        "line 1: front matter opened with '---' is never "
                        "closed by another '---' line");
  yaml_parser_t p;
  yaml_document_t doc;
  int rc = WS_OK;
  if (!yaml_parser_initialize(&p))
    return ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
  yaml_parser_set_input_string(&p, (const unsigned char *)s + yaml_start,
                               yaml_end - yaml_start);
  if (!yaml_parser_load(&p, &doc)) {
    size_t l = p.problem_mark.line + 2; /* the YAML starts on line 2 */
    rc = ws_read_fail(err, WS_EPARSE,
                      (int64_t)(yaml_start + p.problem_mark.index), (int64_t)l,
                      "line %zu: front matter is not valid YAML: %s", l,
                      p.problem ? p.problem : "syntax error");
    yaml_parser_delete(&p);
    return rc;
  }
  yaml_node_t *root = yaml_document_get_root_node(&doc);
  if (root && root->type == YAML_MAPPING_NODE) {
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
         pr < root->data.mapping.pairs.top && !rc; pr++) {
      yaml_node_t *k = yaml_document_get_node(&doc, pr->key);
      yaml_node_t *v = yaml_document_get_node(&doc, pr->value);
      if (!k || !v || k->type != YAML_SCALAR_NODE)
        continue;
      const char *key = (const char *)k->data.scalar.value;
      if (key_in(key, title_keys))
        rc = set_node(ar, &doc, v, &a->title);
      else if (key_in(key, date_keys) && v->type == YAML_SCALAR_NODE)
        rc = ws_read_set_date(ar, a, (const char *)v->data.scalar.value,
                              v->data.scalar.length);
      else if (key_in(key, outlet_keys))
        rc = set_node(ar, &doc, v, &a->outlet);
      else if (key_in(key, url_keys))
        rc = set_node(ar, &doc, v, &a->url);
      else if (key_in(key, author_keys))
        rc = set_node(ar, &doc, v, &a->author);
      else if (key_in(key, place_keys))
        rc = set_node(ar, &doc, v, &a->place);
    }
  } else if (root && !(root->type == YAML_SCALAR_NODE &&
                       root->data.scalar.length == 0)) {
    rc = ws_read_fail(err, WS_EPARSE, (int64_t)yaml_start, 2,
                      "line 2: front matter must be a mapping of keys to "
                      "values");
  }
  if (rc == WS_ENOMEM)
    ws_read_fail(err, rc, -1, 0, "out of memory");
  yaml_document_delete(&doc);
  yaml_parser_delete(&p);
  if (rc)
    return rc;
  a->text = s + body;
  a->len = len - body;
  a->text_offset = body;
  a->text_line = line + 1;
  return WS_OK;
}
