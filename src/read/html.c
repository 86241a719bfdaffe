/*
 * html.c - articles from web pages (libxml2's HTML parser, which recovers
 * from broken markup the way browsers do).
 *
 * The text is what a reader of the page sees of the article: scripts,
 * styles and the page's furniture (nav, header, footer, aside, forms; and
 * the ARIA roles that mean the same) are left out; the article is the
 * largest <article>, else the largest <main>, else the element holding the
 * most paragraph text in its own <p> children (the "densest block of
 * paragraphs" of readability tools), else the whole body -- where a later
 * choice holds twice the text of an earlier one, the earlier one is a
 * teaser and the later one wins.  Block elements
 * become paragraphs separated by a blank line, <br> a line break, white
 * space runs one space (but <pre> keeps its lines); entities arrive
 * decoded from the parser.
 *
 * Metadata, best source first: JSON-LD (schema.org NewsArticle and its
 * kin: headline, datePublished, author, publisher), Open Graph and
 * article: meta tags (ogp.me), the common <meta name=...> tags (author,
 * date, dc.date ...), <link rel=canonical>, <title>, and a <time datetime>
 * in the article.
 */
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"

/* ------------------------------------------------------------- elements */

static int name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(const xmlNode *n, const char *const *names) {
  for (size_t i = 0; names[i]; i++)
    if (name_is(n, names[i]))
      return 1;
  return 0;
}

/* An attribute's value compared case-insensitively. */
static int attr_is(const xmlNode *n, const char *attr, const char *value) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  int r = v && strcasecmp((const char *)v, value) == 0;
  xmlFree(v);
  return r;
}

/* Furniture around the article, never its text. */
static int is_boilerplate(const xmlNode *n) {
  static const char *const names[] = {
      "script", "style",  "noscript", "template", "nav",    "header",
      "footer", "aside",  "form",     "iframe",   "svg",    "button",
      "select", "textarea", "object", "embed",    "canvas", "menu",
      "head",   "dialog", NULL};
  static const char *const roles[] = {"navigation", "banner", "contentinfo",
                                      "complementary", "search", "dialog",
                                      NULL};
  if (n->type != XML_ELEMENT_NODE)
    return 0;
  if (name_in(n, names))
    return 1;
  if (xmlHasProp(n, (const xmlChar *)"hidden") ||
      attr_is(n, "aria-hidden", "true"))
    return 1;
  for (size_t i = 0; roles[i]; i++)
    if (attr_is(n, "role", roles[i]))
      return 1;
  return 0;
}

static int is_block(const xmlNode *n) {
  static const char *const names[] = {
      "p",      "div",        "section", "article", "main",   "h1",
      "h2",     "h3",         "h4",      "h5",      "h6",     "ul",
      "ol",     "li",         "dl",      "dt",      "dd",     "blockquote",
      "pre",    "table",      "tr",      "figure",  "figcaption",
      "address", "hr",        "center",  "details", "summary", "caption",
      "body",   "html",       NULL};
  return name_in(n, names);
}

/* Bytes of visible text under n (boilerplate left out). */
static size_t text_size(const xmlNode *n) {
  size_t t = 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      for (const xmlChar *s = c->content; s && *s; s++)
        t += *s > ' ';
    } else if (c->type == XML_ELEMENT_NODE && !is_boilerplate(c)) {
      t += text_size(c);
    }
  }
  return t;
}

typedef struct best {
  const xmlNode *node;
  size_t size;
} best;

/* The largest element named `name` outside boilerplate (or, with role,
 * carrying role=role). */
static void find_largest(const xmlNode *n, const char *name, const char *role,
                         best *b) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_boilerplate(c))
      continue;
    if (name_is(c, name) || (role && attr_is(c, "role", role))) {
      size_t s = text_size(c);
      if (s > b->size)
        b->node = c, b->size = s;
      continue; /* an <article> inside an <article> is part of it */
    }
    find_largest(c, name, role, b);
  }
}

/* The element whose own <p> children hold the most text. */
static void find_densest(const xmlNode *n, best *b) {
  size_t own = 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || is_boilerplate(c))
      continue;
    if (name_is(c, "p"))
      own += text_size(c);
    find_densest(c, b);
  }
  if (own > b->size)
    b->node = n, b->size = own;
}

/* ------------------------------------------------------------- the text */

/* The text being written: pending is the strongest break asked for since
 * the last character (0 none, 1 space, 2 line break, 3 paragraph). */
typedef struct out {
  char *buf;
  size_t len, cap;
  int pending;
  int oom;
} out;

static void put(out *o, const char *s, size_t n) {
  if (o->oom)
    return;
  if (o->len + n + 3 > o->cap) {
    size_t cap = o->cap ? o->cap : 4096;
    while (o->len + n + 3 > cap) {
      if (cap > SIZE_MAX / 2) {
        o->oom = 1;
        return;
      }
      cap *= 2;
    }
    char *nb = realloc(o->buf, cap);
    if (!nb) {
      o->oom = 1;
      return;
    }
    o->buf = nb, o->cap = cap;
  }
  memcpy(o->buf + o->len, s, n);
  o->len += n;
}

static void brk(out *o, int level) {
  if (level > o->pending)
    o->pending = level;
}

static void flush_break(out *o) {
  if (o->len && o->pending)
    put(o, o->pending == 3 ? "\n\n" : o->pending == 2 ? "\n" : " ",
        o->pending == 3 ? 2 : 1);
  o->pending = 0;
}

static void put_text(out *o, const char *s, int pre) {
  for (; *s; s++) {
    char c = *s;
    if (pre && c == '\n') {
      brk(o, 2);
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      brk(o, 1);
    } else {
      const char *run = s;
      while (s[1] && !(s[1] == ' ' || s[1] == '\t' || s[1] == '\n' ||
                       s[1] == '\r' || s[1] == '\f'))
        s++;
      flush_break(o);
      put(o, run, (size_t)(s - run) + 1);
    }
  }
}

static void render(const xmlNode *n, int pre, out *o) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content)
        put_text(o, (const char *)c->content, pre);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE || is_boilerplate(c))
      continue;
    if (name_is(c, "br")) {
      brk(o, 2);
      continue;
    }
    int block = is_block(c);
    if (block)
      brk(o, 3);
    else if (name_is(c, "td") || name_is(c, "th"))
      brk(o, 1);
    render(c, pre || name_is(c, "pre"), o);
    if (block)
      brk(o, 3);
    else if (name_is(c, "td") || name_is(c, "th"))
      brk(o, 1);
  }
}

/* ------------------------------------------------------------- metadata */

static int set_xml(ws_arena *ar, const char **field, const xmlChar *s) {
  return s ? ws_read_set(ar, field, (const char *)s, strlen((const char *)s))
           : WS_OK;
}

/* The text under n, for <title>. */
static int set_node_text(ws_arena *ar, const char **field, const xmlNode *n) {
  xmlChar *t = xmlNodeGetContent(n);
  int rc = set_xml(ar, field, t);
  xmlFree(t);
  return rc;
}

static int jsonld_is_article(const json_t *o) {
  static const char *const types[] = {
      "NewsArticle",    "Article",          "ReportageNewsArticle",
      "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
      "ReviewNewsArticle", "BlogPosting",   "LiveBlogPosting",
      "Report",         "ScholarlyArticle", NULL};
  const json_t *t = json_object_get(o, "@type");
  size_t i, k;
  const json_t *x;
  if (json_is_string(t)) {
    for (k = 0; types[k]; k++)
      if (strcmp(json_string_value(t), types[k]) == 0)
        return 1;
  } else if (json_is_array(t)) {
    json_array_foreach(t, i, x) {
      if (json_is_string(x))
        for (k = 0; types[k]; k++)
          if (strcmp(json_string_value(x), types[k]) == 0)
            return 1;
    }
  }
  return 0;
}

/* A JSON-LD value as a name: a string, {"name": ...}, or an array of
 * them joined by ", ". */
static int set_ld_name(ws_arena *ar, const char **field, const json_t *v) {
  if (*field || !v)
    return WS_OK;
  if (json_is_object(v))
    v = json_object_get(v, "name");
  if (json_is_string(v))
    return ws_read_set(ar, field, json_string_value(v), json_string_length(v));
  if (!json_is_array(v))
    return WS_OK;
  char buf[1024];
  size_t k = 0, i;
  const json_t *x;
  json_array_foreach(v, i, x) {
    if (json_is_object(x))
      x = json_object_get(x, "name");
    if (!json_is_string(x))
      continue;
    size_t n = json_string_length(x);
    if (k + n + 2 >= sizeof buf)
      break;
    if (k)
      buf[k++] = ',', buf[k++] = ' ';
    memcpy(buf + k, json_string_value(x), n);
    k += n;
  }
  return ws_read_set(ar, field, buf, k);
}

/* Looks through a JSON-LD value (an object, an array, an @graph) for an
 * article and takes its fields. */
static int jsonld_take(ws_arena *ar, ws_article *a, const json_t *v, int depth) {
  size_t i;
  const json_t *x;
  int rc = WS_OK;
  if (depth > 8)
    return WS_OK;
  if (json_is_array(v)) {
    json_array_foreach(v, i, x) {
      if ((rc = jsonld_take(ar, a, x, depth + 1)))
        return rc;
    }
    return WS_OK;
  }
  if (!json_is_object(v))
    return WS_OK;
  const json_t *graph = json_object_get(v, "@graph");
  if (graph && (rc = jsonld_take(ar, a, graph, depth + 1)))
    return rc;
  if (!jsonld_is_article(v))
    return WS_OK;
  const json_t *h = json_object_get(v, "headline");
  const json_t *d = json_object_get(v, "datePublished");
  const json_t *u = json_object_get(v, "url");
  if (!json_is_string(u)) {
    u = json_object_get(v, "mainEntityOfPage");
    if (json_is_object(u))
      u = json_object_get(u, "@id");
  }
  if ((json_is_string(h) &&
       (rc = ws_read_set(ar, &a->title, json_string_value(h),
                         json_string_length(h)))) ||
      (json_is_string(d) &&
       (rc = ws_read_set_date(ar, a, json_string_value(d),
                              json_string_length(d)))) ||
      (rc = set_ld_name(ar, &a->author, json_object_get(v, "author"))) ||
      (rc = set_ld_name(ar, &a->outlet, json_object_get(v, "publisher"))) ||
      (json_is_string(u) &&
       (rc = ws_read_set(ar, &a->url, json_string_value(u),
                         json_string_length(u)))))
    return rc;
  return WS_OK;
}

/* Meta tags in three passes, best source first: 0 JSON-LD, 1 Open Graph
 * and article:, 2 <meta name>, <link rel=canonical>, <title>. */
static int meta_walk(const xmlNode *n, int pass, ws_arena *ar, ws_article *a) {
  int rc = WS_OK;
  for (const xmlNode *c = n->children; c && !rc; c = c->next) {
    if (c->type != XML_ELEMENT_NODE)
      continue;
    if (pass == 0 && name_is(c, "script") &&
        attr_is(c, "type", "application/ld+json")) {
      xmlChar *t = xmlNodeGetContent(c);
      if (t) {
        json_t *v = json_loads((const char *)t, 0, NULL);
        if (v)
          rc = jsonld_take(ar, a, v, 0);
        json_decref(v);
        xmlFree(t);
      }
      continue;
    }
    if (name_is(c, "meta")) {
      xmlChar *key = xmlGetProp(c, (const xmlChar *)(pass == 1 ? "property"
                                                               : "name"));
      if (!key && pass == 2)
        key = xmlGetProp(c, (const xmlChar *)"itemprop");
      xmlChar *val = key ? xmlGetProp(c, (const xmlChar *)"content") : NULL;
      const char *k = (const char *)key;
      if (val && pass == 1) {
        if (!strcasecmp(k, "og:title"))
          rc = set_xml(ar, &a->title, val);
        else if (!strcasecmp(k, "og:site_name"))
          rc = set_xml(ar, &a->outlet, val);
        else if (!strcasecmp(k, "og:url"))
          rc = set_xml(ar, &a->url, val);
        else if (!strcasecmp(k, "article:published_time") ||
                 !strcasecmp(k, "og:published_time"))
          rc = ws_read_set_date(ar, a, (const char *)val,
                                strlen((const char *)val));
        else if (!strcasecmp(k, "article:author") &&
                 strncmp((const char *)val, "http", 4) != 0)
          rc = set_xml(ar, &a->author, val);
      } else if (val && pass == 2) {
        if (!strcasecmp(k, "author") || !strcasecmp(k, "byl") ||
            !strcasecmp(k, "dc.creator") || !strcasecmp(k, "sailthru.author"))
          rc = set_xml(ar, &a->author, val);
        else if (!strcasecmp(k, "date") || !strcasecmp(k, "pubdate") ||
                 !strcasecmp(k, "publish-date") ||
                 !strcasecmp(k, "dc.date") || !strcasecmp(k, "dcterms.date") ||
                 !strcasecmp(k, "dc.date.issued") ||
                 !strcasecmp(k, "datePublished") ||
                 !strcasecmp(k, "parsely-pub-date") ||
                 !strcasecmp(k, "sailthru.date") ||
                 !strcasecmp(k, "citation_publication_date"))
          rc = ws_read_set_date(ar, a, (const char *)val,
                                strlen((const char *)val));
        else if (!strcasecmp(k, "twitter:title"))
          rc = set_xml(ar, &a->title, val);
        else if (!strcasecmp(k, "application-name"))
          rc = set_xml(ar, &a->outlet, val);
      }
      xmlFree(key);
      xmlFree(val);
      continue;
    }
    if (pass == 2 && name_is(c, "link") && attr_is(c, "rel", "canonical")) {
      xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
      rc = set_xml(ar, &a->url, href);
      xmlFree(href);
      continue;
    }
    if (pass == 2 && name_is(c, "title") && !a->title) {
      rc = set_node_text(ar, &a->title, c);
      continue;
    }
    if (pass == 2 && name_is(c, "time")) {
      xmlChar *dt = xmlGetProp(c, (const xmlChar *)"datetime");
      if (dt)
        rc = ws_read_set_date(ar, a, (const char *)dt,
                              strlen((const char *)dt));
      xmlFree(dt);
    }
    if (!rc)
      rc = meta_walk(c, pass, ar, a);
  }
  return rc;
}

/* "Headline | Outlet" or "Headline - Outlet" in <title>: the outlet's name
 * is not part of the headline. */
static void strip_outlet(ws_article *a) {
  static const char *const seps[] = {" | ", " - ", " \xe2\x80\x94 ",
                                     " \xe2\x80\x93 ", NULL};
  if (!a->title || !a->outlet)
    return;
  size_t t = strlen(a->title), o = strlen(a->outlet);
  for (size_t i = 0; seps[i]; i++) {
    size_t sl = strlen(seps[i]);
    if (t > o + sl && strcmp(a->title + t - o, a->outlet) == 0 &&
        memcmp(a->title + t - o - sl, seps[i], sl) == 0) {
      ((char *)a->title)[t - o - sl] = '\0'; /* the arena's own copy */
      return;
    }
  }
}

int ws_html_read(const char *buf, size_t len, int utf8, ws_arena *ar,
                 ws_article *a, ws_error *err) {
  if (len > INT_MAX)
    return ws_read_fail(err, WS_ENOMEM, -1, 0, "page too large (over 2 GB)");
  int rc = WS_OK;
  out o = {0};
  htmlDocPtr doc = htmlReadMemory(buf, (int)len, NULL, utf8 ? "UTF-8" : NULL,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                      HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING);
  xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
  if (!root) {
    rc = ws_read_fail(err, WS_EPARSE, -1, 0, "not an HTML page (no elements)");
    goto out;
  }
  const char *title_tag = NULL;
  for (int pass = 0; pass < 3 && !rc; pass++) {
    if (pass == 2)
      title_tag = a->title;
    rc = meta_walk(root, pass, ar, a);
  }
  if (rc) {
    rc = ws_read_fail(err, rc, -1, 0, "out of memory");
    goto out;
  }
  if (!title_tag)
    strip_outlet(a);
  /* <article> over <main>, unless the main holds twice the text (the
   * article element is then a teaser beside it); either over the densest
   * block of paragraphs, unless that holds twice as much. */
  best art = {NULL, 0}, main = {NULL, 0}, dense = {NULL, 0};
  find_largest(root, "article", NULL, &art);
  find_largest(root, "main", "main", &main);
  find_densest(root, &dense);
  best b = art.node && art.size * 2 >= main.size ? art : main;
  if (!b.node || b.size * 2 < dense.size)
    b = dense;
  const xmlNode *body = b.node;
  if (!body) {
    for (body = root->children; body && !name_is(body, "body");)
      body = body->next;
    if (!body)
      body = root;
  }
  render(body, 0, &o);
  if (o.oom) {
    rc = ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
    goto out;
  }
  if (!o.len) {
    rc = ws_read_fail(err, WS_EPARSE, -1, 0, "no article text in the page");
    goto out;
  }
  char *text = ws_arena_alloc(ar, o.len + 1);
  if (!text) {
    rc = ws_read_fail(err, WS_ENOMEM, -1, 0, "out of memory");
    goto out;
  }
  memcpy(text, o.buf, o.len);
  text[o.len] = '\n'; /* a text file ends with a line break */
  a->text = text;
  a->len = o.len + 1;
out:
  free(o.buf);
  xmlFreeDoc(doc);
  return rc;
}
