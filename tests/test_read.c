/* test_read.c - input files -> articles: each form, each metadata source,
 * each bad input.  Every fixture is a short article composed here and
 * written to a temporary folder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "whosaid.h"

static char dir[] = "/tmp/ws-test-read-XXXXXX";

/* Writes data[0..len) to dir/name; returns the path (static buffer). */
static const char *write_file(const char *name, const char *data, size_t len) {
  static char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(data, 1, len, f), len);
  fclose(f);
  return path;
}

static const char *write_str(const char *name, const char *data) {
  return write_file(name, data, strlen(data));
}

/* Up to 8 results of reading a file: articles (copied) or errors. */
typedef struct result {
  int rc;             /* 1 article, < 0 error */
  char *text;         /* NUL-terminated copy */
  ws_article a;       /* metadata pointers replaced by copies */
  ws_error err;
} result;

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static size_t read_all(const char *path, const ws_read_opts *o, result *out,
                       size_t max) {
  ws_reader *r;
  ws_error err = {0};
  assert_int_equal(ws_reader_open(path, o, &r, &err), WS_OK);
  size_t n = 0;
  const ws_article *a;
  int rc;
  while (n < max && (rc = ws_reader_next(r, &a, &err)) != 0) {
    result *x = &out[n++];
    memset(x, 0, sizeof *x);
    x->rc = rc;
    x->err = err;
    if (rc < 0)
      continue;
    x->a = *a;
    x->text = malloc(a->len + 1);
    memcpy(x->text, a->text, a->len);
    x->text[a->len] = '\0';
    x->a.title = dup_or_null(a->title);
    x->a.published = dup_or_null(a->published);
    x->a.outlet = dup_or_null(a->outlet);
    x->a.url = dup_or_null(a->url);
    x->a.author = dup_or_null(a->author);
    x->a.place = dup_or_null(a->place);
  }
  ws_reader_close(r);
  return n;
}

static void free_results(result *x, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(x[i].text);
    free((char *)x[i].a.title);
    free((char *)x[i].a.published);
    free((char *)x[i].a.outlet);
    free((char *)x[i].a.url);
    free((char *)x[i].a.author);
    free((char *)x[i].a.place);
  }
}

/* Reads a file that must hold exactly one article. */
static result one(const char *path, const ws_read_opts *o) {
  result x[2];
  size_t n = read_all(path, o, x, 2);
  assert_int_equal(n, 1);
  if (x[0].rc != 1)
    fail_msg("%s: %s", path, x[0].err.msg);
  return x[0];
}

#define assert_str(a, b) assert_string_equal((a) ? (a) : "(null)", (b))

/* ------------------------------------------------------------------ html */

static const char page_head[] =
    "<!DOCTYPE html>\n<html><head><title>Port deal signed | Harbour "
    "Herald</title>\n";
static const char page_body[] =
    "</head><body>\n"
    "<header><nav><a href='/'>Home</a> <a href='/world'>World news</a></nav>"
    "</header>\n<script>var tracking = \"no text here\";</script>\n"
    "<style>p { margin: 0 }</style>\n"
    "<aside><p>Most read: a sidebar story</p></aside>\n"
    "<article><h1>Port deal signed</h1>\n"
    "<p>The harbour master said &ldquo;the cranes arrive in May&rdquo; on "
    "Monday.</p>\n<p>Dock workers <b>welcomed</b> the deal &amp; went\n"
    "home early.</p></article>\n"
    "<footer><p>Copyright Harbour Herald</p></footer>\n"
    "<form><p>Subscribe to our newsletter</p></form></body></html>\n";

static char *page(const char *meta) {
  size_t n = strlen(page_head) + strlen(meta) + strlen(page_body) + 1;
  char *p = malloc(n);
  snprintf(p, n, "%s%s%s", page_head, meta, page_body);
  return p;
}

static void html_text_is_what_a_reader_sees(void **state) {
  (void)state;
  char *p = page("");
  result x = one(write_str("plain.html", p), NULL);
  free(p);
  assert_str(x.text, "Port deal signed\n\nThe harbour master said "
                     "\xE2\x80\x9C" "the cranes arrive in May\xE2\x80\x9D on "
                     "Monday.\n\nDock workers welcomed the deal & went home "
                     "early.\n");
  assert_int_equal(x.a.format, WS_FORMAT_HTML);
  /* Only <title> says anything: its outlet suffix stays, since nothing
   * names the outlet. */
  assert_str(x.a.title, "Port deal signed | Harbour Herald");
  assert_null(x.a.published);
  free_results(&x, 1);
}

static void html_open_graph_over_title(void **state) {
  (void)state;
  char *p = page("<meta property=\"og:title\" content=\"Port deal is signed\">\n"
                 "<meta property=\"og:site_name\" content=\"Harbour Herald\">\n"
                 "<meta property=\"article:published_time\" "
                 "content=\"2024-03-04T18:20:00+01:00\">\n"
                 "<meta name=\"author\" content=\"Mina Okafor\">\n"
                 "<link rel=\"canonical\" href=\"https://herald.example/port\">\n");
  result x = one(write_str("og.html", p), NULL);
  free(p);
  assert_str(x.a.title, "Port deal is signed");
  assert_str(x.a.outlet, "Harbour Herald");
  assert_str(x.a.published, "2024-03-04T17:20:00Z");
  assert_int_equal(x.a.precision, WS_DATE_SECOND);
  assert_str(x.a.author, "Mina Okafor");
  assert_str(x.a.url, "https://herald.example/port");
  free_results(&x, 1);
}

static void html_title_loses_outlet_suffix_when_outlet_known(void **state) {
  (void)state;
  char *p = page("<meta property=\"og:site_name\" content=\"Harbour Herald\">\n");
  result x = one(write_str("suffix.html", p), NULL);
  free(p);
  assert_str(x.a.title, "Port deal signed");
  free_results(&x, 1);
}

static void html_json_ld_over_open_graph(void **state) {
  (void)state;
  char *p = page(
      "<meta property=\"og:title\" content=\"OG headline\">\n"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Harbour deal signed after talks\","
      "\"datePublished\":\"2024-03-04\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Mina Okafor\"},{\"name\":\"Li Wei\"}],\"publisher\":{\"@type\":"
      "\"Organization\",\"name\":\"Harbour Herald\"}}]}</script>\n");
  result x = one(write_str("ld.html", p), NULL);
  free(p);
  assert_str(x.a.title, "Harbour deal signed after talks");
  assert_str(x.a.published, "2024-03-04");
  assert_int_equal(x.a.precision, WS_DATE_DAY);
  assert_str(x.a.author, "Mina Okafor, Li Wei");
  assert_str(x.a.outlet, "Harbour Herald");
  free_results(&x, 1);
}

static void html_densest_paragraphs_without_article(void **state) {
  (void)state;
  const char *p =
      "<html><body><div id=menu><p>Home</p></div>"
      "<div id=story><p>The mayor said the bridge opens in June.</p>"
      "<p>Engineers said the repairs cost less than planned.</p></div>"
      "<div id=ads><p>Buy now</p></div></body></html>";
  result x = one(write_str("dense.htm", p), NULL);
  assert_str(x.text, "The mayor said the bridge opens in June.\n\nEngineers "
                     "said the repairs cost less than planned.\n");
  free_results(&x, 1);
}

static void html_broken_markup_still_yields_text(void **state) {
  (void)state;
  const char *p = "<html><head><title>Broken</title><body><p>The mayor <i>said "
                  "<p>the bridge <div>opens in June &amp; July";
  result x = one(write_str("broken.html", p), NULL);
  assert_non_null(strstr(x.text, "The mayor said"));
  assert_non_null(strstr(x.text, "opens in June & July"));
  assert_str(x.a.title, "Broken");
  free_results(&x, 1);
}

static void html_without_text_is_an_error(void **state) {
  (void)state;
  const char *path = write_str("empty.html", "<html><body><nav>Home</nav>"
                                             "<script>x()</script></body></html>");
  result x[2];
  assert_int_equal(read_all(path, NULL, x, 2), 1);
  assert_int_equal(x[0].rc, WS_EPARSE);
  assert_non_null(strstr(x[0].err.msg, "no article text"));
}

static void txt_holding_a_web_page_is_html(void **state) {
  (void)state;
  result x = one(write_str("saved.txt", "<!doctype html><html><body><p>The "
                                        "mayor spoke.</p></body></html>"),
                 NULL);
  assert_int_equal(x.a.format, WS_FORMAT_HTML);
  assert_str(x.text, "The mayor spoke.\n");
  free_results(&x, 1);
}

/* ------------------------------------------------------------------ json */

static void jsonl_bad_line_is_named_and_others_read(void **state) {
  (void)state;
  const char *path = write_str(
      "dump.jsonl",
      "{\"text\":\"The mayor said the bridge opens in June.\",\"title\":\"Bridge\","
      "\"date\":\"2024-05-02\",\"source\":\"City Daily\",\"authors\":[\"Ana Ruiz\","
      "\"Tom Berg\"],\"url\":\"https://city.example/bridge\"}\n"
      "{\"text\": \"unterminated\n"
      "\n"
      "{\"maintext\":\"Engineers said the repairs cost less.\","
      "\"date_publish\":\"2024-05-03 08:00:00\",\"source_domain\":\"news.example\"}\n"
      "{\"title\":\"A record without its text\"}\n"
      "[1, 2]\n");
  result x[8];
  size_t n = read_all(path, NULL, x, 8);
  assert_int_equal(n, 5);
  assert_int_equal(x[0].rc, 1);
  assert_int_equal(x[0].a.record, 1);
  assert_int_equal(x[0].a.format, WS_FORMAT_JSONL);
  assert_str(x[0].text, "The mayor said the bridge opens in June.");
  assert_str(x[0].a.title, "Bridge");
  assert_str(x[0].a.published, "2024-05-02");
  assert_str(x[0].a.outlet, "City Daily");
  assert_str(x[0].a.author, "Ana Ruiz, Tom Berg");
  assert_str(x[0].a.url, "https://city.example/bridge");
  /* Line 2 is not JSON: the error names it, with the column. */
  assert_int_equal(x[1].rc, WS_EPARSE);
  assert_int_equal(x[1].err.line, 2);
  assert_non_null(strstr(x[1].err.msg, "line 2: not JSON"));
  /* Line 3 is blank; line 4 is read with its own number. */
  assert_int_equal(x[2].rc, 1);
  assert_int_equal(x[2].a.record, 4);
  assert_str(x[2].text, "Engineers said the repairs cost less.");
  assert_str(x[2].a.published, "2024-05-03T08:00:00");
  assert_int_equal(x[2].a.precision, WS_DATE_SECOND);
  assert_str(x[2].a.outlet, "news.example");
  assert_int_equal(x[3].rc, WS_EPARSE);
  assert_int_equal(x[3].err.line, 5);
  assert_non_null(strstr(x[3].err.msg, "line 5: no text field"));
  assert_int_equal(x[4].rc, WS_EPARSE);
  assert_non_null(strstr(x[4].err.msg, "line 6: a record must be a JSON object"));
  free_results(x, n);
}

static void jsonl_field_names_from_options(void **state) {
  (void)state;
  const char *path = write_str(
      "api.ndjson",
      "{\"story_text\":\"The minister said talks resume.\",\"when\":\"2024-01-09\","
      "\"source\":{\"id\":null,\"name\":\"Wire One\"},\"headline\":\"Talks\"}\n");
  ws_read_opts o = {0};
  o.text_field = "story_text";
  o.date_field = "when";
  o.outlet_field = "source.name";
  result x = one(path, &o);
  assert_str(x.text, "The minister said talks resume.");
  assert_str(x.a.published, "2024-01-09");
  assert_str(x.a.outlet, "Wire One");
  assert_str(x.a.title, "Talks");
  free_results(&x, 1);
  /* A named field that is missing is an error naming it. */
  o.text_field = "article_body";
  result y[2];
  assert_int_equal(read_all(path, &o, y, 2), 1);
  assert_int_equal(y[0].rc, WS_EPARSE);
  assert_non_null(strstr(y[0].err.msg, "no text field 'article_body'"));
}

static void json_array_and_object(void **state) {
  (void)state;
  result x[4];
  size_t n = read_all(
      write_str("two.json", "[{\"body\":\"First story.\",\"published\":"
                            "\"Mon, 04 Mar 2024 09:30:00 +0000\"},"
                            "{\"content\":\"Second story.\",\"date\":1709546400}]"),
      NULL, x, 4);
  assert_int_equal(n, 2);
  assert_int_equal(x[0].a.record, 1);
  assert_str(x[0].text, "First story.");
  assert_str(x[0].a.published, "2024-03-04T09:30:00Z");
  assert_int_equal(x[1].a.record, 2);
  assert_str(x[1].a.published, "2024-03-04T10:00:00Z");
  free_results(x, n);
  result y = one(write_str("one.json", "{\"text\":\"Only story.\"}"), NULL);
  assert_int_equal(y.a.record, 0);
  assert_int_equal(y.a.format, WS_FORMAT_JSON);
  free_results(&y, 1);
  result z[2];
  assert_int_equal(read_all(write_str("bad.json", "{\"text\": \"a\",\n\"x\": }"),
                            NULL, z, 2),
                   1);
  assert_int_equal(z[0].rc, WS_EPARSE);
  assert_int_equal(z[0].err.line, 2);
}

/* ----------------------------------------------------------- front matter */

static void markdown_front_matter(void **state) {
  (void)state;
  const char *md = "---\ntitle: \"Ferry service returns\"\ndate: 2024-02-11\n"
                   "source: Island Post\nurl: https://island.example/ferry\n"
                   "authors:\n  - Eva Lind\n  - Omar Said\n---\n\n"
                   "The captain said the ferry runs daily.\n";
  result x = one(write_str("ferry.md", md), NULL);
  assert_str(x.a.title, "Ferry service returns");
  assert_str(x.a.published, "2024-02-11");
  assert_str(x.a.outlet, "Island Post");
  assert_str(x.a.url, "https://island.example/ferry");
  assert_str(x.a.author, "Eva Lind, Omar Said");
  assert_str(x.text, "\nThe captain said the ferry runs daily.\n");
  /* The body is a slice of the file: where it starts is kept. */
  assert_int_equal(x.a.text_offset, strstr(md, "\nThe captain") - md);
  assert_int_equal(x.a.text_line, 10);
  free_results(&x, 1);
}

static void markdown_broken_front_matter_names_the_line(void **state) {
  (void)state;
  result x[2];
  assert_int_equal(read_all(write_str("bad.md", "---\ntitle: ok\ndate: [2024\n"
                                                "---\nBody.\n"),
                            NULL, x, 2),
                   1);
  assert_int_equal(x[0].rc, WS_EPARSE);
  assert_true(x[0].err.line >= 3);
  assert_non_null(strstr(x[0].err.msg, "front matter is not valid YAML"));
  assert_int_equal(read_all(write_str("open.md", "---\ntitle: never closed\n"),
                            NULL, x, 2),
                   1);
  assert_int_equal(x[0].rc, WS_EPARSE);
  assert_non_null(strstr(x[0].err.msg, "never closed"));
}

static void markdown_heading_is_the_title(void **state) {
  (void)state;
  result x = one(write_str("head.md", "# *Ferry service returns*\n\nThe "
                                      "captain spoke.\n"),
                 NULL);
  assert_str(x.a.title, "Ferry service returns");
  assert_int_equal(x.a.text_offset, 0);
  free_results(&x, 1);
}

/* -------------------------------------------------------------- datelines */

static void dateline_agency_without_year(void **state) {
  (void)state;
  result x = one(write_str("wire1.txt", "DOHA, Nov 24 (Reuters) - The minister "
                                        "said talks would resume.\n"),
                 NULL);
  assert_str(x.a.place, "Doha");
  assert_str(x.a.outlet, "Reuters");
  /* No year anywhere in the file: month and day only, never a guess. */
  assert_str(x.a.published, "--11-24");
  assert_int_equal(x.a.precision, WS_DATE_MONTH_DAY);
  free_results(&x, 1);
}

static void dateline_year_from_a_full_date_in_the_text(void **state) {
  (void)state;
  const char *t = "# Ministers meet\n\nPhoto: the two men in Doha on Nov. 23, "
                  "2023.\n\nDoha, November 24 (RHC)-- The minister said talks "
                  "went well.\n\n<https://rhc.example/en/340336-ministers>\n\n"
                  "**Radio Habana Cuba**\n";
  result x = one(write_str("wire2.txt", t), NULL);
  assert_str(x.a.place, "Doha");
  assert_str(x.a.outlet, "Radio Habana Cuba");
  assert_str(x.a.published, "2023-11-24");
  assert_int_equal(x.a.precision, WS_DATE_DAY);
  assert_str(x.a.url, "https://rhc.example/en/340336-ministers");
  assert_str(x.a.title, "Ministers meet");
  /* A plain-text article is the file itself: offsets are the file's. */
  assert_str(x.text, t);
  free_results(&x, 1);
}

static void dateline_year_across_new_year(void **state) {
  (void)state;
  result x = one(write_str("wire3.txt", "KABUL, Jan 2 (AFP) - Officials said the "
                                        "road reopened after the December 30, "
                                        "2023 storm.\n"),
                 NULL);
  assert_str(x.a.published, "2024-01-02");
  assert_str(x.a.outlet, "Agence France-Presse");
  free_results(&x, 1);
}

static void dateline_capitals_and_dash_only(void **state) {
  (void)state;
  result x = one(write_str("wire4.txt", "ST. LOUIS (AP) \xE2\x80\x94 The mayor "
                                        "said the river is rising.\n"),
                 NULL);
  assert_str(x.a.place, "St. Louis");
  assert_str(x.a.outlet, "Associated Press");
  assert_null(x.a.published);
  free_results(&x, 1);
  result y = one(write_str("wire5.txt", "GAZA CITY, Gaza Strip, Nov. 3, 2023 -- "
                                        "Residents said the power was out.\n"),
                 NULL);
  assert_str(y.a.place, "Gaza City, Gaza Strip");
  assert_str(y.a.published, "2023-11-03");
  assert_null(y.a.outlet);
  free_results(&y, 1);
}

static void no_dateline_in_ordinary_text(void **state) {
  (void)state;
  result x = one(write_str("plain.txt", "Iran's Foreign Minister (L) holds talks "
                                        "with officials.\nDoha is hot - very "
                                        "hot.\n"),
                 NULL);
  assert_null(x.a.place);
  assert_null(x.a.published);
  assert_null(x.a.outlet);
  free_results(&x, 1);
}

static void date_forms(void **state) {
  (void)state;
  static const struct {
    const char *in, *out;
    ws_date_precision p;
  } cases[] = {
      {"2023-11-24", "2023-11-24", WS_DATE_DAY},
      {"2023-11", "2023-11", WS_DATE_MONTH},
      {"2023", "2023", WS_DATE_YEAR},
      {"20231124", "2023-11-24", WS_DATE_DAY},
      {"2023/11/24", "2023-11-24", WS_DATE_DAY},
      {"2023-11-24T10:30Z", "2023-11-24T10:30:00Z", WS_DATE_MINUTE},
      {"2023-11-24T01:30:15.250-05:00", "2023-11-24T06:30:15Z", WS_DATE_SECOND},
      {"2024-01-01T01:00:00+03:00", "2023-12-31T22:00:00Z", WS_DATE_SECOND},
      {"Fri, 24 Nov 2023 10:30:00 GMT", "2023-11-24T10:30:00Z", WS_DATE_SECOND},
      {"November 24, 2023", "2023-11-24", WS_DATE_DAY},
      {"Nov. 24, 2023", "2023-11-24", WS_DATE_DAY},
      {"Sept. 3, 2023", "2023-09-03", WS_DATE_DAY},
      {"24 November 2023", "2023-11-24", WS_DATE_DAY},
      {"2023-02-30", "", WS_DATE_NONE},
      {"11/24/2023", "", WS_DATE_NONE},
      {"yesterday", "", WS_DATE_NONE},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char out[32];
    ws_date_precision p = ws_date_parse(cases[i].in, strlen(cases[i].in), out);
    if (p != cases[i].p || strcmp(out, cases[i].out) != 0)
      fail_msg("%s: got %s (%s)", cases[i].in, out, ws_date_precision_name(p));
  }
}

/* -------------------------------------------------------------- encodings */

static void utf16_with_bom_is_decoded(void **state) {
  (void)state;
  /* "Jos\u00E9 said \u201Cyes\u201D." in UTF-16LE and UTF-16BE. */
  const char le[] = "\xFF\xFEJ\0o\0s\0\xE9\0 \0s\0a\0i\0d\0 \0\x1C\x20y\0e\0s\0"
                    "\x1D\x20.\0";
  const char be[] = "\xFE\xFF\0J\0o\0s\0\xE9\0 \0s\0a\0i\0d\0 \x20\x1C\0y\0e\0s"
                    "\x20\x1D\0.";
  const char *want = "Jos\xC3\xA9 said \xE2\x80\x9Cyes\xE2\x80\x9D.";
  result x = one(write_file("le.txt", le, sizeof le - 1), NULL);
  assert_str(x.text, want);
  free_results(&x, 1);
  result y = one(write_file("be.txt", be, sizeof be - 1), NULL);
  assert_str(y.text, want);
  free_results(&y, 1);
}

static void windows_1252_curly_quotes(void **state) {
  (void)state;
  const char *path = write_str("legacy.txt", "The mayor said \x93we are ready\x94 "
                                             "on Monday.\n");
  /* Read as UTF-8 it is an error naming the byte. */
  result x[2];
  assert_int_equal(read_all(path, NULL, x, 2), 1);
  assert_int_equal(x[0].rc, WS_EUTF8);
  assert_int_equal(x[0].err.offset, 15);
  ws_read_opts o = {0};
  o.encoding = "windows-1252";
  result y = one(path, &o);
  assert_str(y.text, "The mayor said \xE2\x80\x9Cwe are ready\xE2\x80\x9D on "
                     "Monday.\n");
  free_results(&y, 1);
  /* 0x81 is not a character of Windows-1252. */
  const char *bad = write_str("undefined.txt", "abc\x81");
  assert_int_equal(read_all(bad, &o, x, 2), 1);
  assert_int_equal(x[0].rc, WS_EENCODING);
  assert_int_equal(x[0].err.offset, 3);
}

static void legacy_jsonl_converted_line_by_line(void **state) {
  (void)state;
  ws_read_opts o = {0};
  o.encoding = "iso-8859-1";
  result x[3];
  size_t n = read_all(write_str("latin1.jsonl", "{\"text\":\"Jos\xE9 spoke.\"}\n"
                                                "{\"text\":\"Ana spoke.\"}\n"),
                      &o, x, 3);
  assert_int_equal(n, 2);
  assert_str(x[0].text, "Jos\xC3\xA9 spoke.");
  assert_int_equal(x[1].a.record, 2);
  free_results(x, n);
}

static void unknown_encoding_is_refused(void **state) {
  (void)state;
  const char *path = write_str("any.txt", "text\n");
  ws_read_opts o = {0};
  o.encoding = "klingon-8";
  ws_reader *r;
  ws_error err = {0};
  assert_int_equal(ws_reader_open(path, &o, &r, &err), WS_EENCODING);
  assert_null(r);
  assert_non_null(strstr(err.msg, "unknown encoding 'klingon-8'"));
}

static void missing_file_is_an_io_error(void **state) {
  (void)state;
  ws_reader *r;
  ws_error err = {0};
  assert_int_equal(ws_reader_open("/nonexistent/x.jsonl", NULL, &r, &err), WS_EIO);
  assert_int_equal(ws_reader_open("/nonexistent/x.html", NULL, &r, &err), WS_EIO);
}

static int setup(void **state) {
  (void)state;
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(html_text_is_what_a_reader_sees),
      cmocka_unit_test(html_open_graph_over_title),
      cmocka_unit_test(html_title_loses_outlet_suffix_when_outlet_known),
      cmocka_unit_test(html_json_ld_over_open_graph),
      cmocka_unit_test(html_densest_paragraphs_without_article),
      cmocka_unit_test(html_broken_markup_still_yields_text),
      cmocka_unit_test(html_without_text_is_an_error),
      cmocka_unit_test(txt_holding_a_web_page_is_html),
      cmocka_unit_test(jsonl_bad_line_is_named_and_others_read),
      cmocka_unit_test(jsonl_field_names_from_options),
      cmocka_unit_test(json_array_and_object),
      cmocka_unit_test(markdown_front_matter),
      cmocka_unit_test(markdown_broken_front_matter_names_the_line),
      cmocka_unit_test(markdown_heading_is_the_title),
      cmocka_unit_test(dateline_agency_without_year),
      cmocka_unit_test(dateline_year_from_a_full_date_in_the_text),
      cmocka_unit_test(dateline_year_across_new_year),
      cmocka_unit_test(dateline_capitals_and_dash_only),
      cmocka_unit_test(no_dateline_in_ordinary_text),
      cmocka_unit_test(date_forms),
      cmocka_unit_test(utf16_with_bom_is_decoded),
      cmocka_unit_test(windows_1252_curly_quotes),
      cmocka_unit_test(legacy_jsonl_converted_line_by_line),
      cmocka_unit_test(unknown_encoding_is_refused),
      cmocka_unit_test(missing_file_is_an_io_error),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
