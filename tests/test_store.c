/* test_store.c - the store: hand-built documents in, query rows out.
 *
 * Documents are built by hand (ws_doc_view with entities, mentions and
 * quotes at chosen spans), so these tests exercise the store's identity,
 * statement and counting rules whatever extraction finds. */
/* cmocka needs these first (its documentation). */
// clang-format off
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
// clang-format on
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "whosaid.h"

/* ------------------------------------------------------------- fixtures */

typedef struct fixture {
  char dir[64];
  char path[96];
  ws_store *s;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  strcpy(f->dir, "/tmp/ws-test-store-XXXXXX");
  if (!f || !mkdtemp(f->dir))
    return -1;
  snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
  ws_error err = {0};
  if (ws_store_open(f->path, WS_STORE_CREATE, &f->s, &err) != WS_OK)
    return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  ws_store_close(f->s);
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
  if (system(cmd) != 0)
    return -1;
  free(f);
  return 0;
}

/* A document under construction: spans are found by searching text. */
typedef struct doc {
  const char *text;
  ws_entity ents[8];
  size_t n_ents;
  ws_mention ments[16];
  size_t n_ments;
  ws_quote quotes[8];
  size_t n_quotes;
} doc;

static uint32_t at(const doc *d, const char *s, int nth) {
  const char *p = d->text;
  for (int i = 0; i <= nth; i++) {
    p = strstr(i ? p + 1 : p, s);
    assert_non_null(p);
  }
  return (uint32_t)(p - d->text);
}

static int32_t entity(doc *d, const char *name, ws_entity_kind kind,
                      const char **aliases, uint32_t n_aliases) {
  ws_entity *e = &d->ents[d->n_ents];
  e->name = name;
  e->kind = kind;
  e->aliases = aliases;
  e->n_aliases = n_aliases;
  return (int32_t)d->n_ents++;
}

static void mention(doc *d, int32_t e, const char *surface, int nth) {
  ws_mention *m = &d->ments[d->n_ments++];
  m->start = at(d, surface, nth);
  m->end = m->start + (uint32_t)strlen(surface);
  m->entity = e;
  d->ents[e].n_mentions++;
}

static void quote(doc *d, const char *words, int32_t speaker,
                  ws_quote_kind kind) {
  ws_quote *q = &d->quotes[d->n_quotes++];
  q->start = at(d, words, 0);
  q->end = q->start + (uint32_t)strlen(words);
  q->kind = kind;
  q->speaker = speaker;
}

static void put(fixture *f, const char *path, const doc *d) {
  ws_doc_view v = {d->text, strlen(d->text), d->ments,  d->n_ments,
                   d->ents, d->n_ents,       d->quotes, d->n_quotes};
  ws_doc_info info = {path, (int64_t)strlen(d->text), 1, 0, 0};
  info.hash = ws_hash(d->text, strlen(d->text));
  ws_error err = {0};
  assert_int_equal(ws_store_put(f->s, &info, &v, &err), WS_OK);
}

/* Collected query rows (copies). */
typedef struct rows {
  char text[8][256];
  char speaker[8][64];
  int64_t docs[8];
  int64_t mentions[8];
  char aliases[8][128];
  size_t n;
} rows;

static int take_quote(void *ud, const ws_quote_row *r) {
  rows *x = ud;
  if (x->n < 8) {
    snprintf(x->text[x->n], sizeof x->text[0], "%s", r->text);
    snprintf(x->speaker[x->n], sizeof x->speaker[0], "%s",
             r->speaker ? r->speaker : "");
    x->docs[x->n] = r->n_docs;
  }
  x->n++;
  return 0;
}

static int take_entity(void *ud, const ws_entity_row *r) {
  rows *x = ud;
  if (x->n < 8) {
    snprintf(x->text[x->n], sizeof x->text[0], "%s", r->name);
    snprintf(x->speaker[x->n], sizeof x->speaker[0], "%s", r->kind);
    x->docs[x->n] = r->n_docs;
    x->mentions[x->n] = r->n_mentions;
    x->aliases[x->n][0] = '\0';
    for (size_t i = 0; i < r->n_aliases; i++) {
      strcat(x->aliases[x->n], r->aliases[i]);
      strcat(x->aliases[x->n], "|");
    }
  }
  x->n++;
  return 0;
}

static rows quotes_by(fixture *f, const char *by, const char *phrase) {
  rows x;
  memset(&x, 0, sizeof x);
  ws_quote_query q;
  memset(&q, 0, sizeof q);
  q.by = by;
  q.phrase = phrase;
  q.kind = -1;
  ws_error err = {0};
  int64_t n = ws_query_quotes(f->s, &q, take_quote, &x, &err);
  assert_true(n >= 0 || n == WS_ENOTFOUND);
  return x;
}

static rows all_entities(fixture *f) {
  rows x;
  memset(&x, 0, sizeof x);
  ws_error err = {0};
  assert_true(ws_query_entities(f->s, -1, 0, take_entity, &x, &err) >= 0);
  return x;
}

static ws_store_stats stats(fixture *f) {
  ws_store_stats st;
  ws_error err = {0};
  assert_int_equal(ws_store_stats_get(f->s, &st, &err), WS_OK);
  return st;
}

/* A short article: a mayor, her alias, a quote. */
static doc mayor_article(void) {
  static const char *aliases[] = {"Doe"};
  static const char *roles[] = {"Mayor"};
  doc d;
  memset(&d, 0, sizeof d);
  d.text = "Mayor Jane Doe opened the bridge on Tuesday.\n"
           "\"We will win, no matter what it takes,\" Doe said.\n";
  int32_t e = entity(&d, "Jane Doe", WS_ENTITY_PERSON, aliases, 1);
  d.ents[e].roles = roles;
  d.ents[e].n_roles = 1;
  mention(&d, e, "Jane Doe", 0);
  mention(&d, e, "Doe", 1);
  quote(&d, "We will win, no matter what it takes,", e, WS_QUOTE_DIRECT);
  d.quotes[0].speaker_start = at(&d, "Doe said", 0);
  d.quotes[0].speaker_end = d.quotes[0].speaker_start + 3;
  return d;
}

/* ---------------------------------------------------------------- tests */

static void a_stored_quote_is_found_by_any_alias(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  put(f, "/news/a.txt", &d);
  rows x = quotes_by(f, "doe", NULL); /* alias, lower case */
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "We will win, no matter what it takes,");
  assert_string_equal(x.speaker[0], "Jane Doe");
  x = quotes_by(f, "JANE DOE", NULL);
  assert_int_equal(x.n, 1);
  x = quotes_by(f, "John Roe", NULL);
  assert_int_equal(x.n, 0);
  /* Part of a name, in whole words, when nothing matches exactly. */
  x = quotes_by(f, "jane", NULL);
  assert_int_equal(x.n, 1);
  x = quotes_by(f, "jan", NULL);
  assert_int_equal(x.n, 0);
}

/* A prepared record keeps its own copy of the results: index.c frees
 * each document as soon as it is prepared, and what the writer stores
 * later must not depend on the document's memory. */
static void a_prepared_record_outlives_its_document(void **state) {
  fixture *f = *state;
  char name[] = "Jane Doe", alias[] = "Doe", role[] = "Mayor";
  const char *aliases[] = {alias}, *roles[] = {role};
  doc d = mayor_article();
  d.ents[0].name = name;
  d.ents[0].aliases = aliases;
  d.ents[0].roles = roles;
  ws_doc_view v = {d.text, strlen(d.text), d.ments,  d.n_ments,
                   d.ents, d.n_ents,       d.quotes, d.n_quotes};
  ws_store_prep *p = NULL;
  assert_int_equal(ws_store_prepare(&v, &p), WS_OK);
  /* The document goes: its names and arrays are overwritten. */
  memset(name, 'x', sizeof name - 1);
  memset(alias, 'y', sizeof alias - 1);
  memset(role, 'z', sizeof role - 1);
  memset(d.ents, 0xff, sizeof d.ents);
  memset(d.ments, 0xff, sizeof d.ments);
  memset(d.quotes, 0xff, sizeof d.quotes);
  ws_doc_info info = {"/news/a.txt", (int64_t)strlen(d.text), 1,
                      ws_hash(d.text, strlen(d.text)), 1};
  ws_error err = {0};
  assert_int_equal(ws_store_put_prepared(f->s, &info, p, &err), WS_OK);
  ws_store_prep_free(p);
  rows x = quotes_by(f, "doe", NULL);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "We will win, no matter what it takes,");
  assert_string_equal(x.speaker[0], "Jane Doe");
  x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_int_equal(x.mentions[0], 2);
  assert_string_equal(x.aliases[0], "Doe|");
}

static void entities_carry_counts_aliases_and_kind(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  put(f, "/news/a.txt", &d);
  rows x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "Jane Doe");
  assert_string_equal(x.speaker[0], "person");
  assert_int_equal(x.mentions[0], 2);
  assert_int_equal(x.docs[0], 1);
  assert_string_equal(x.aliases[0], "Doe|");
  ws_store_stats st = stats(f);
  assert_int_equal(st.documents, 1);
  assert_int_equal(st.mentions, 2);
  assert_int_equal(st.quotes, 1);
  assert_int_equal(st.quotes_with_speaker, 1);
}

static void one_statement_across_house_styles(void **state) {
  fixture *f = *state;
  doc a = mayor_article();
  put(f, "/news/a.txt", &a);
  /* The same words with curly quotes, a dash and no final comma. */
  doc b;
  memset(&b, 0, sizeof b);
  b.text =
      "\xE2\x80\x9CWe will win \xE2\x80\x94 no matter what it takes\xE2\x80\x9D"
      ", the mayor said.\n";
  quote(&b, "We will win \xE2\x80\x94 no matter what it takes", -1,
        WS_QUOTE_DIRECT);
  put(f, "/news/b.txt", &b);
  /* A small edit: one word more. */
  doc c;
  memset(&c, 0, sizeof c);
  c.text = "She said: \"We will surely win, no matter what it takes.\"\n";
  quote(&c, "We will surely win, no matter what it takes.", -1,
        WS_QUOTE_DIRECT);
  put(f, "/news/c.txt", &c);
  /* Different words stay apart. */
  doc e;
  memset(&e, 0, sizeof e);
  e.text = "\"We will lose the vote,\" the mayor said.\n";
  quote(&e, "We will lose the vote,", -1, WS_QUOTE_DIRECT);
  put(f, "/news/e.txt", &e);

  rows x = quotes_by(f, NULL, NULL);
  assert_int_equal(x.n, 2);
  assert_int_equal(x.docs[0], 3);
  /* The longest version is shown, with the speaker one source named. */
  assert_string_equal(x.text[0],
                      "We will surely win, no matter what it takes.");
  assert_string_equal(x.speaker[0], "Jane Doe");
  assert_int_equal(x.docs[1], 1);
  assert_int_equal(stats(f).statements, 2);
}

static void statement_keys_ignore_style(void **state) {
  (void)state;
  char *a = ws_statement_key("U.S. support, \xE2\x80\x9C"
                             "fine\xE2\x80\x9D!",
                             25);
  assert_string_equal(a, "us support fine");
  free(a);
  /* Composed and decomposed g-breve are one key. */
  char *b = ws_statement_key("Erdo\xC4\x9F"
                             "an",
                             8);
  char *c = ws_statement_key("Erdog\xCC\x86"
                             "an",
                             9);
  assert_string_equal(b, c);
  free(b);
  free(c);
  char *d = ws_statement_key("1,000 don't", 11);
  assert_string_equal(d, "1000 dont");
  free(d);
  /* Long runs of capitals and digits, a joiner between letters, curly
   * marks, a dash and an ellipsis: lower-cased words, single spaces. */
  const char *mixed = "WASHINGTON2024abc, x.y \xE2\x80\x99quoted\xE2\x80\x99 "
                      "\xE2\x80\x94 done\xE2\x80\xA6";
  char *m = ws_statement_key(mixed, strlen(mixed));
  assert_string_equal(m, "washington2024abc xy quoted done");
  free(m);
  assert_true(ws_statement_similarity("a b c d e f g h i j",
                                      "a b c d e f g h i k") >= 0.89);
  assert_true(ws_statement_similarity("we will win", "we will lose") < 0.8);
  assert_true(ws_statement_similarity("same words", "same words") == 1.0);
  /* A moved clause keeps the words. */
  assert_true(ws_statement_similarity(
                  "they can achieve what they failed to do through talks",
                  "they can achieve through talks what they failed to do") >=
              0.9);
  assert_true(ws_statement_similarity("the vote will pass in june today",
                                      "no one expects any vote soon") < 0.8);
}

/* One document calling a word `kind`, with n mentions of it. */
static doc kind_article(const char *text, ws_entity_kind kind, int n) {
  doc d;
  memset(&d, 0, sizeof d);
  d.text = text;
  int32_t e = entity(&d, "Liberty", kind, NULL, 0);
  for (int i = 0; i < n; i++)
    mention(&d, e, "Liberty", i);
  return d;
}

static void corpus_kind_is_a_vote_of_mentions(void **state) {
  fixture *f = *state;
  char path[32];
  /* Three articles use the word with no evidence, one calls it a person:
   * other wins while it has more than twice the votes. */
  for (int i = 0; i < 3; i++) {
    doc d = kind_article("Liberty was the theme of the night.", WS_ENTITY_OTHER, 1);
    snprintf(path, sizeof path, "/news/plain-%d.txt", i);
    put(f, path, &d);
  }
  doc p = kind_article("Liberty said she would run.", WS_ENTITY_PERSON, 1);
  put(f, "/news/person-0.txt", &p);
  rows x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.speaker[0], "other"); /* 3 other against 1 person */
  put(f, "/news/person-1.txt", &p);
  x = all_entities(f);
  assert_string_equal(x.speaker[0], "person"); /* 3 is not over twice 2 */
  /* Removing the evidence takes its votes away again. */
  ws_error err = {0};
  assert_int_equal(ws_store_remove(f->s, "/news/person-1.txt", &err), WS_OK);
  assert_int_equal(ws_store_remove(f->s, "/news/person-0.txt", &err), WS_OK);
  x = all_entities(f);
  assert_int_equal(x.mentions[0], 3);
  assert_string_equal(x.speaker[0], "other");
}

static void replacing_and_removing_keep_totals(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  put(f, "/news/a.txt", &d);
  put(f, "/news/a.txt", &d); /* replaced, not doubled */
  rows x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_int_equal(x.mentions[0], 2);
  assert_int_equal(x.docs[0], 1);
  assert_int_equal(stats(f).documents, 1);
  ws_error err = {0};
  assert_int_equal(ws_store_remove(f->s, "/news/a.txt", &err), WS_OK);
  assert_int_equal(ws_store_remove(f->s, "/news/a.txt", &err), WS_ENOTFOUND);
  x = all_entities(f);
  assert_int_equal(x.n, 0);
  ws_store_stats st = stats(f);
  assert_int_equal(st.documents, 0);
  assert_int_equal(st.quotes, 0);
  assert_int_equal(st.statements, 0); /* orphan statements go too */
  x = quotes_by(f, NULL, "no matter");
  assert_int_equal(x.n, 0); /* and their full-text entries */
}

/* Quote text enters the full-text index at commit (store.c, fts_flush):
 * quotes written in a batch that was rolled back never reach it, and
 * those of the next batch all do, even when ids are reused. */
static void full_text_index_follows_batches(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  ws_error err = {0};
  ws_doc_view v = {d.text, strlen(d.text), d.ments,  d.n_ments,
                   d.ents, d.n_ents,       d.quotes, d.n_quotes};
  ws_doc_info info = {"/news/a.txt", (int64_t)strlen(d.text), 1, 0, 0};
  assert_int_equal(ws_store_begin(f->s, &err), WS_OK);
  assert_int_equal(ws_store_put(f->s, &info, &v, &err), WS_OK);
  assert_int_equal(ws_store_rollback(f->s), WS_OK);
  assert_int_equal(quotes_by(f, NULL, "no matter").n, 0);
  assert_int_equal(ws_store_begin(f->s, &err), WS_OK);
  assert_int_equal(ws_store_put(f->s, &info, &v, &err), WS_OK);
  info.path = "/news/b.txt";
  assert_int_equal(ws_store_put(f->s, &info, &v, &err), WS_OK);
  /* Replaced inside the batch: its quote is indexed before it goes, and
   * the new one takes the freed id again. */
  assert_int_equal(ws_store_put(f->s, &info, &v, &err), WS_OK);
  assert_int_equal(ws_store_commit(f->s, &err), WS_OK);
  rows x = quotes_by(f, NULL, "no matter");
  assert_int_equal(x.n, 1);
  assert_int_equal(x.docs[0], 2);
  assert_int_equal(ws_store_remove(f->s, "/news/b.txt", &err), WS_OK);
  assert_int_equal(ws_store_remove(f->s, "/news/a.txt", &err), WS_OK);
  assert_int_equal(quotes_by(f, NULL, "no matter").n, 0);
  /* Ids start again from 1 in an empty table. */
  put(f, "/news/c.txt", &d);
  assert_int_equal(quotes_by(f, NULL, "takes win").n, 1);
}

static void full_text_search_ranks_and_phrases(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  put(f, "/news/a.txt", &d);
  rows x = quotes_by(f, NULL, "no matter");
  assert_int_equal(x.n, 1);
  x = quotes_by(f, NULL, "takes win"); /* not a phrase: all words */
  assert_int_equal(x.n, 1);
  x = quotes_by(f, NULL, "\"matter\" OR NEAR(");
  assert_int_equal(x.n, 0);
  ws_quote_query q;
  memset(&q, 0, sizeof q);
  q.phrase = "no matter";
  q.highlight = 1;
  q.kind = -1;
  rows y;
  memset(&y, 0, sizeof y);
  ws_error err = {0};
  assert_int_equal(ws_query_quotes(f->s, &q, take_quote, &y, &err), 1);
  /* A phrase match is marked as one span. */
  assert_non_null(strstr(y.text[0], "win, \001no matter\002 what"));
}

/* Found by fuzz/fuzz_query.c: bytes that are not UTF-8 (a shell in
 * another encoding) were reported as "out of memory".  They are a bad
 * argument, said so; any text that is UTF-8 is searched literally. */
static void query_text_that_is_not_utf8_is_a_bad_argument(void **state) {
  fixture *f = *state;
  doc d = mayor_article();
  put(f, "/news/a.txt", &d);
  ws_quote_query q;
  memset(&q, 0, sizeof q);
  q.kind = -1;
  q.phrase = "NkARhth\x89 river";
  rows x;
  memset(&x, 0, sizeof x);
  ws_error err = {0};
  assert_int_equal(ws_query_quotes(f->s, &q, take_quote, &x, &err),
                   WS_EINVAL);
  assert_string_equal(err.msg, "search phrase is not valid UTF-8");
  q.phrase = NULL;
  q.by = "Sm\xe9th";
  assert_int_equal(ws_query_quotes(f->s, &q, take_quote, &x, &err),
                   WS_EINVAL);
  int64_t ids[4];
  assert_int_equal(ws_query_resolve(f->s, "Sm\xe9th", ids, 4, &err),
                   WS_EINVAL);
  assert_string_equal(err.msg, "name is not valid UTF-8");
  /* FTS5 syntax is only text: no error, whatever it finds */
  static const char *const typed[] = {"\"", "a AND b", "NEAR(", "*",
                                      "x OR", "col:word", "^start", "-",
                                      "(\"unclosed", "caf\xc3\xa9 \"\""};
  for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
    q.by = NULL;
    q.phrase = typed[i];
    int64_t n = ws_query_quotes(f->s, &q, take_quote, &x, &err);
    assert_true(n >= 0 || (n == WS_EINVAL && strcmp(typed[i], "\"") == 0));
  }
}

/* The fast key builder for ASCII and common marks and the utf8proc one
 * give the same key and sketch wherever both apply (fuzz/fuzz_key.c
 * checks it on any text). */
static void both_key_builders_agree(void **state) {
  (void)state;
  static const char *const texts[] = {
      "We will not raise taxes this year.",
      "\xe2\x80\x9cIt\xe2\x80\x99s rock'n'roll\xe2\x80\xa6 U.S. 3.5\xc2\xa0%\xe2\x80\x9d",
      "", " ,. ", "a", "end.", "x'"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char *fast, *full;
    int64_t a[WS_SKETCH_K], b[WS_SKETCH_K];
    size_t na, nb;
    size_t n = strlen(texts[i]);
    assert_int_equal(ws_statement_sketch(texts[i], n, 0, &fast, a, &na), WS_OK);
    assert_int_equal(ws_statement_sketch(texts[i], n, 1, &full, b, &nb), WS_OK);
    assert_string_equal(fast, full);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na * sizeof *a);
    free(fast);
    free(full);
  }
  char *k;
  int64_t sk[WS_SKETCH_K];
  size_t nk;
  assert_int_equal(ws_statement_sketch("caf\xc3\xa9", 5, 0, &k, sk, &nk),
                   WS_EINVAL);
  assert_null(k);
}

static void an_alias_links_names_across_documents(void **state) {
  fixture *f = *state;
  /* The short name is stored first; the full name comes later. */
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "Haniyeh said \"the talks will go on\" in Doha.\n";
  int32_t h = entity(&b, "Haniyeh", WS_ENTITY_OTHER, NULL, 0);
  mention(&b, h, "Haniyeh", 0);
  quote(&b, "the talks will go on", h, WS_QUOTE_DIRECT);
  put(f, "/news/b.txt", &b);
  static const char *aliases[] = {"Haniyeh"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Ismail Haniyeh arrived. Haniyeh met the minister.\n";
  int32_t e = entity(&a, "Ismail Haniyeh", WS_ENTITY_PERSON, aliases, 1);
  mention(&a, e, "Ismail Haniyeh", 0);
  mention(&a, e, "Haniyeh", 1);
  put(f, "/news/a.txt", &a);
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  rows x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "Ismail Haniyeh");
  assert_string_equal(x.speaker[0], "person");
  assert_int_equal(x.mentions[0], 3);
  assert_int_equal(x.docs[0], 2);
  x = quotes_by(f, "Ismail Haniyeh", NULL);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.speaker[0], "Ismail Haniyeh");
  /* A later document with the short name joins at the next link pass
   * (ws_index runs one at the end of every run). */
  doc c;
  memset(&c, 0, sizeof c);
  c.text = "Later Haniyeh left.\n";
  mention(&c, entity(&c, "Haniyeh", WS_ENTITY_OTHER, NULL, 0), "Haniyeh", 0);
  put(f, "/news/c.txt", &c);
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_int_equal(x.docs[0], 3);
}

/* The mention list of a stored document, as ws_mentions() JSON. */
static void mention_json(fixture *f, const char *path, char *out,
                         size_t size) {
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(f->s->db,
                                      "SELECT ws_mentions(mentions) FROM "
                                      "documents WHERE path = ?1",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
}

static int64_t entity_id(fixture *f, const char *key) {
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(f->s->db,
                                      "SELECT id FROM entities WHERE key = ?1",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  int64_t id = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return id;
}

static void mention_lists_keep_spans_lines_and_merges(void **state) {
  fixture *f = *state;
  static const char *aliases[] = {"Haniyeh"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Ismail Haniyeh arrived.\nLater, Haniyeh met Qatar.\n";
  int32_t h = entity(&a, "Ismail Haniyeh", WS_ENTITY_PERSON, aliases, 1);
  int32_t q = entity(&a, "Qatar", WS_ENTITY_PLACE, NULL, 0);
  mention(&a, h, "Ismail Haniyeh", 0);
  mention(&a, h, "Haniyeh", 1);
  mention(&a, q, "Qatar", 0);
  put(f, "/news/a.txt", &a);
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "\n\nHaniyeh spoke.\n";
  mention(&b, entity(&b, "Haniyeh", WS_ENTITY_OTHER, NULL, 0), "Haniyeh", 0);
  put(f, "/news/b.txt", &b);
  int64_t ih = entity_id(f, "ismail haniyeh"), qa = entity_id(f, "qatar");
  int64_t sh = entity_id(f, "haniyeh");
  char got[256], want[256];
  mention_json(f, "/news/a.txt", got, sizeof got);
  snprintf(want, sizeof want, "[[%lld,0,14,1],[%lld,31,38,2],[%lld,43,48,2]]",
           (long long)ih, (long long)ih, (long long)qa);
  assert_string_equal(got, want);
  mention_json(f, "/news/b.txt", got, sizeof got);
  snprintf(want, sizeof want, "[[%lld,2,9,3]]", (long long)sh);
  assert_string_equal(got, want);
  /* The short name folds into the full one: its mentions follow. */
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  mention_json(f, "/news/b.txt", got, sizeof got);
  snprintf(want, sizeof want, "[[%lld,2,9,3]]", (long long)ih);
  assert_string_equal(got, want);
  /* Removing the document takes the merged entity's row with it. */
  assert_int_equal(ws_store_remove(f->s, "/news/b.txt", &err), WS_OK);
  rows x = all_entities(f);
  assert_int_equal(x.n, 2);
  assert_int_equal(x.mentions[0], 2);
  assert_int_equal(x.docs[0], 1);
  /* A cut-off list decodes to its whole mentions only. */
  static const unsigned char cut[] = {5, 3, 4, 1, 9, 0x80};
  ws_stored_mention m = {0, 0, 0, 0};
  size_t pos = 0;
  assert_int_equal(ws_mentions_next(cut, sizeof cut, &pos, &m), 1);
  assert_int_equal(m.entity, 5);
  assert_int_equal(m.start, 3);
  assert_int_equal(m.end, 7);
  assert_int_equal(m.line, 1);
  assert_int_equal(ws_mentions_next(cut, sizeof cut, &pos, &m), 0);
}

/* A link pass is remembered for the rest of the connection's writing:
 * a surname merged into its full name is stored under the full name when
 * a later document writes it alone, with no new entity for the next
 * pass to merge (ws_index links every few thousand files). */
static void a_merged_surname_is_stored_under_its_full_name(void **state) {
  fixture *f = *state;
  static const char *aliases[] = {"Haddad"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Karim Haddad arrived.\nLater, Haddad spoke.\n";
  int32_t h = entity(&a, "Karim Haddad", WS_ENTITY_PERSON, aliases, 1);
  mention(&a, h, "Karim Haddad", 0);
  mention(&a, h, "Haddad", 1);
  put(f, "/news/a.txt", &a);
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "Haddad left.\n";
  mention(&b, entity(&b, "Haddad", WS_ENTITY_OTHER, NULL, 0), "Haddad", 0);
  put(f, "/news/b.txt", &b);
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  assert_int_equal(all_entities(f).n, 1);
  doc c;
  memset(&c, 0, sizeof c);
  c.text = "\"The door is open,\" Haddad said.\n";
  int32_t e = entity(&c, "Haddad", WS_ENTITY_PERSON, NULL, 0);
  mention(&c, e, "Haddad", 0);
  quote(&c, "The door is open,", e, WS_QUOTE_DIRECT);
  put(f, "/news/c.txt", &c);
  /* Before any further link pass: one entity, with c's mention and quote. */
  rows x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "Karim Haddad");
  assert_int_equal(x.mentions[0], 4);
  assert_int_equal(x.docs[0], 3);
  x = quotes_by(f, "Karim Haddad", NULL);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.speaker[0], "Karim Haddad");
  int64_t kh = entity_id(f, "karim haddad");
  char got[128], want[128];
  mention_json(f, "/news/c.txt", got, sizeof got);
  snprintf(want, sizeof want, "[[%lld,20,26,1]]", (long long)kh);
  assert_string_equal(got, want);
}

static void an_ambiguous_alias_links_nothing(void **state) {
  fixture *f = *state;
  static const char *smith[] = {"Smith"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "John Smith and Jane Smith met.\n";
  mention(&a, entity(&a, "John Smith", WS_ENTITY_PERSON, smith, 1),
          "John Smith", 0);
  mention(&a, entity(&a, "Jane Smith", WS_ENTITY_PERSON, smith, 1),
          "Jane Smith", 0);
  put(f, "/news/a.txt", &a);
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "Smith spoke.\n";
  mention(&b, entity(&b, "Smith", WS_ENTITY_OTHER, NULL, 0), "Smith", 0);
  put(f, "/news/b.txt", &b);
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  rows x = all_entities(f);
  assert_int_equal(x.n, 3);
  int64_t ids[4];
  /* Asking for "smith" finds all three. */
  assert_int_equal(ws_query_resolve(f->s, "smith", ids, 4, &err), 3);
}

static void a_dominant_namesake_takes_the_surname(void **state) {
  fixture *f = *state;
  static const char *trump[] = {"Trump"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Donald Trump spoke. Trump left. Trump came back. Trump won. "
           "Eric Trump waved.\n";
  int32_t d = entity(&a, "Donald Trump", WS_ENTITY_PERSON, trump, 1);
  mention(&a, d, "Donald Trump", 0);
  for (int i = 1; i <= 3; i++)
    mention(&a, d, "Trump", i);
  mention(&a, entity(&a, "Eric Trump", WS_ENTITY_PERSON, trump, 1),
          "Eric Trump", 0);
  put(f, "/news/a.txt", &a);
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "Trump said \"we will build it\" on Monday.\n";
  int32_t t = entity(&b, "Trump", WS_ENTITY_PERSON, NULL, 0);
  mention(&b, t, "Trump", 0);
  quote(&b, "we will build it", t, WS_QUOTE_DIRECT);
  put(f, "/news/b.txt", &b);
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  rows x = quotes_by(f, "Donald Trump", NULL);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.speaker[0], "Donald Trump");
  x = all_entities(f);
  assert_int_equal(x.n, 2);
  assert_int_equal(x.mentions[0], 5);
}

static void a_full_name_never_folds_into_a_rarer_longer_one(void **state) {
  fixture *f = *state;
  static const char *dt[] = {"Donald Trump"};
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Republican Donald Trump spoke.\n";
  mention(&a, entity(&a, "Republican Donald Trump", WS_ENTITY_PERSON, dt, 1),
          "Republican Donald Trump", 0);
  put(f, "/news/a.txt", &a);
  doc b;
  memset(&b, 0, sizeof b);
  b.text = "Donald Trump left. Donald Trump came back.\n";
  int32_t e = entity(&b, "Donald Trump", WS_ENTITY_PERSON, NULL, 0);
  mention(&b, e, "Donald Trump", 0);
  mention(&b, e, "Donald Trump", 1);
  put(f, "/news/b.txt", &b);
  ws_error err = {0};
  assert_int_equal(ws_store_link(f->s, &err), WS_OK);
  rows x = all_entities(f);
  assert_int_equal(x.n, 2);
  assert_string_equal(x.text[0], "Donald Trump");
}

static void foreign_files_are_refused_untouched(void **state) {
  fixture *f = *state;
  char p[128];
  snprintf(p, sizeof p, "%s/junk.db", f->dir);
  FILE *fp = fopen(p, "w");
  assert_non_null(fp);
  fputs("plain text, not SQLite\n", fp);
  fclose(fp);
  ws_store *s = NULL;
  ws_error err = {0};
  assert_int_equal(ws_store_open(p, WS_STORE_CREATE, &s, &err), WS_ESCHEMA);
  assert_null(s);
  assert_non_null(strstr(err.msg, "not a whosaid database"));
  struct stat st;
  assert_int_equal(stat(p, &st), 0);
  assert_int_equal(st.st_size, 23);
  snprintf(p, sizeof p, "%s/absent.db", f->dir);
  assert_int_equal(ws_store_open(p, WS_STORE_READONLY, &s, &err), WS_EDB);
  assert_non_null(strstr(err.msg, "no database at"));
  assert_int_equal(access(p, F_OK), -1);
}

/* Writes text to dir/a<i>.txt. */
static void write_article(const char *dir, int i, const char *text) {
  char p[160];
  snprintf(p, sizeof p, "%s/a%d.txt", dir, i);
  FILE *fp = fopen(p, "w");
  assert_non_null(fp);
  fputs(text, fp);
  fclose(fp);
}

/* Linking during a run (every file here) gives the same entities as
 * linking once at the end: a surname merged early is stored under the
 * full name by every later file. */
static void linking_during_a_run_matches_linking_at_the_end(void **state) {
  fixture *f = *state;
  char dir[128], p[160];
  snprintf(dir, sizeof dir, "%s/news", f->dir);
  assert_int_equal(mkdir(dir, 0755), 0);
  write_article(dir, 0, "Karim Haddad arrived in Doha.\n\nLater, Haddad "
                        "met the envoy.\n");
  for (int i = 1; i < 5; i++) {
    snprintf(p, sizeof p, "\"The door is open on day %d,\" Haddad said.\n",
             i);
    write_article(dir, i, p);
  }
  const char *paths[] = {dir};
  for (size_t every = 1; every <= 2; every++) {
    ws_store *s = NULL;
    char db[160];
    snprintf(db, sizeof db, "%s/link%zu.db", f->dir, every);
    ws_error err = {0};
    assert_int_equal(ws_store_open(db, WS_STORE_CREATE, &s, &err), WS_OK);
    ws_index_opts o;
    memset(&o, 0, sizeof o);
    o.jobs = 2;
    o.link_every = every == 1 ? 1 : 0; /* each file; only at the end */
    ws_index_stats st;
    assert_int_equal(ws_index(s, paths, 1, &o, &st, &err), WS_OK);
    assert_int_equal(st.added, 5);
    int64_t ids[4];
    assert_int_equal(ws_query_resolve(s, "Haddad", ids, 4, &err), 1);
    rows x;
    memset(&x, 0, sizeof x);
    ws_quote_query q;
    memset(&q, 0, sizeof q);
    q.by_entity = ids[0];
    q.kind = -1;
    q.all = 1; /* the four wordings are near-duplicates: one statement */
    assert_int_equal(ws_query_quotes(s, &q, take_quote, &x, &err), 4);
    assert_string_equal(x.speaker[0], "Karim Haddad");
    ws_store_close(s);
  }
}

static void index_walks_a_folder_incrementally(void **state) {
  fixture *f = *state;
  char dir[128], p[160];
  snprintf(dir, sizeof dir, "%s/news", f->dir);
  assert_int_equal(mkdir(dir, 0755), 0);
  for (int i = 0; i < 5; i++) {
    snprintf(p, sizeof p, "Story %d. Jane Doe said \"the bridge opens "
             "today\".\n", i);
    write_article(dir, i, p);
  }
  snprintf(p, sizeof p, "%s/skip.csv", dir);
  FILE *fp = fopen(p, "w");
  assert_non_null(fp);
  fputs("a,b\n", fp);
  fclose(fp);
  const char *paths[] = {dir};
  ws_index_opts o;
  memset(&o, 0, sizeof o);
  o.jobs = 2;
  ws_index_stats st;
  ws_error err = {0};
  assert_int_equal(ws_index(f->s, paths, 1, &o, &st, &err), WS_OK);
  assert_int_equal(st.added, 5);
  assert_int_equal(st.failed, 0);
  assert_int_equal(stats(f).documents, 5);
  assert_int_equal(ws_index(f->s, paths, 1, &o, &st, &err), WS_OK);
  assert_int_equal(st.added, 0);
  assert_int_equal(st.unchanged, 5);
  snprintf(p, sizeof p, "%s/a3.txt", dir);
  assert_int_equal(unlink(p), 0);
  assert_int_equal(ws_index(f->s, paths, 1, &o, &st, &err), WS_OK);
  assert_int_equal(st.removed, 1);
  assert_int_equal(stats(f).documents, 4);
}

/* A writer that found the database empty skips lookups of statements and
 * texts it never wrote (store.c, ent_cache.fresh); a second connection
 * writing in between must not make it store the same words twice. */
static void two_writers_share_statements_and_texts(void **state) {
  fixture *f = *state;
  ws_store *other = NULL;
  ws_error err = {0};
  assert_int_equal(ws_store_open(f->path, 0, &other, &err), WS_OK);
  doc a;
  memset(&a, 0, sizeof a);
  a.text = "Jane Doe said \"the river will rise again next spring\" today.\n";
  int32_t jane = entity(&a, "Jane Doe", WS_ENTITY_PERSON, NULL, 0);
  mention(&a, jane, "Jane Doe", 0);
  quote(&a, "the river will rise again next spring", jane, WS_QUOTE_DIRECT);
  ws_doc_view v = {a.text, strlen(a.text), a.ments,  a.n_ments,
                   a.ents, a.n_ents,       a.quotes, a.n_quotes};
  ws_doc_info info = {"/news/other.txt", (int64_t)strlen(a.text), 1,
                      ws_hash(a.text, strlen(a.text)), 0};
  assert_int_equal(ws_store_put(other, &info, &v, &err), WS_OK);
  ws_store_close(other);
  put(f, "/news/mine.txt", &a);
  put(f, "/news/mine2.txt", &a);
  assert_int_equal(stats(f).statements, 1);
  int64_t texts = 0;
  sqlite3_stmt *st;
  assert_int_equal(sqlite3_prepare_v2(f->s->db, "SELECT count(*) FROM texts",
                                      -1, &st, NULL),
                   SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  texts = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  assert_int_equal(texts, 1);
  rows x = quotes_by(f, NULL, "river rise");
  assert_int_equal(x.n, 1);
  assert_int_equal(x.docs[0], 3);
  x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_int_equal(x.docs[0], 3);
}

/* The same, across two runs: a database opened with rows in it is not
 * "fresh" (store.c, ent_cache.fresh), so statements, texts, sketch
 * values and entities are looked up in SQL rather than in memory. */
static void statements_found_again_after_reopening(void **state) {
  fixture *f = *state;
  doc a = mayor_article();
  put(f, "/news/a.txt", &a);
  ws_store_close(f->s);
  ws_error err = {0};
  assert_int_equal(ws_store_open(f->path, 0, &f->s, &err), WS_OK);
  put(f, "/news/a-copy.txt", &a);
  doc c;
  memset(&c, 0, sizeof c);
  c.text = "She said: \"We will surely win, no matter what it takes.\"\n";
  quote(&c, "We will surely win, no matter what it takes.", -1,
        WS_QUOTE_DIRECT);
  put(f, "/news/c.txt", &c);
  rows x = quotes_by(f, NULL, NULL);
  assert_int_equal(x.n, 1);
  assert_int_equal(x.docs[0], 3);
  assert_int_equal(stats(f).statements, 1);
  x = all_entities(f);
  assert_int_equal(x.n, 1);
  assert_string_equal(x.text[0], "Jane Doe");
  assert_int_equal(x.docs[0], 2);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(a_stored_quote_is_found_by_any_alias,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(entities_carry_counts_aliases_and_kind,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(a_prepared_record_outlives_its_document,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(one_statement_across_house_styles, setup,
                                      teardown),
      cmocka_unit_test(statement_keys_ignore_style),
      cmocka_unit_test_setup_teardown(two_writers_share_statements_and_texts,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(statements_found_again_after_reopening,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(corpus_kind_is_a_vote_of_mentions, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(replacing_and_removing_keep_totals, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(full_text_search_ranks_and_phrases, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          mention_lists_keep_spans_lines_and_merges, setup, teardown),
      cmocka_unit_test_setup_teardown(full_text_index_follows_batches, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          query_text_that_is_not_utf8_is_a_bad_argument, setup, teardown),
      cmocka_unit_test(both_key_builders_agree),
      cmocka_unit_test_setup_teardown(an_alias_links_names_across_documents,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(an_ambiguous_alias_links_nothing, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(
          a_merged_surname_is_stored_under_its_full_name, setup, teardown),
      cmocka_unit_test_setup_teardown(a_dominant_namesake_takes_the_surname,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          a_full_name_never_folds_into_a_rarer_longer_one, setup, teardown),
      cmocka_unit_test_setup_teardown(foreign_files_are_refused_untouched,
                                      setup, teardown),
      cmocka_unit_test_setup_teardown(
          linking_during_a_run_matches_linking_at_the_end, setup, teardown),
      cmocka_unit_test_setup_teardown(index_walks_a_folder_incrementally, setup,
                                      teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
