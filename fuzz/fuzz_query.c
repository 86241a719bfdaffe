/*
 * fuzz_query.c - libFuzzer target: what a user types into who-said.
 *
 * LLVMFuzzerInitialize builds a small database once (a temporary file,
 * removed at exit) from a few composed articles.  Each input, cut at its
 * first NUL byte, is then asked as a phrase (plain and highlighted), as a
 * speaker name, as both, and resolved as a name.  Whatever the bytes, the
 * phrase reaches FTS5 quoted, so no query may fail: the only errors
 * allowed are WS_EINVAL for a phrase with no word (only blanks and '"')
 * or for bytes that are not UTF-8,
 * and WS_ENOTFOUND for a speaker no entity is named.  Any other error,
 * above all an FTS5 syntax error, aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "whosaid.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "fuzz_query: %s:%d: broken: %s\n", __FILE__,        \
              __LINE__, #cond);                                           \
      abort();                                                            \
    }                                                                     \
  } while (0)

static ws_store *db;
static char db_dir[64];
static char db_path[96];

static const char *const articles[] = {
    "Prime Minister Jane Holloway said on Monday: \"We will not raise "
    "taxes this year.\" Holloway added that the budget was \"balanced "
    "AND fair\".\n",
    "\"The bridge NEAR(the river) is closed,\" said Mayor Tom Okafor. "
    "Okafor told reporters the repairs would take * weeks.\n",
    "According to Dr. Amira Haddad, \"prices rose 5% in March\". "
    "\"It's a \"hard\" winter,\" Haddad said.\n",
};

static void cleanup(void) {
  ws_store_close(db);
  db = NULL;
  char p[128];
  unlink(db_path);
  snprintf(p, sizeof p, "%s-wal", db_path);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", db_path);
  unlink(p);
  rmdir(db_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  ws_error err;
  snprintf(db_dir, sizeof db_dir, "/tmp/fuzz_query.XXXXXX");
  CHECK(mkdtemp(db_dir) != NULL);
  snprintf(db_path, sizeof db_path, "%s/db", db_dir);
  CHECK(ws_store_open(db_path, WS_STORE_CREATE, &db, &err) == WS_OK);
  atexit(cleanup);
  for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
    ws_doc *doc;
    ws_doc_view v;
    char path[32];
    snprintf(path, sizeof path, "/corpus/%zu.txt", i);
    CHECK(ws_doc_extract(articles[i], strlen(articles[i]), &doc, &err) ==
          WS_OK);
    ws_doc_get(doc, &v);
    ws_doc_info info = {path, (int64_t)v.len, 0, ws_hash(v.text, v.len), 1};
    CHECK(ws_store_put(db, &info, &v, &err) == WS_OK);
    ws_doc_free(doc);
  }
  CHECK(ws_store_link(db, &err) == WS_OK);
  return 0;
}

typedef struct seen {
  int64_t rows;
} seen;

static int on_quote(void *ud, const ws_quote_row *row) {
  seen *s = ud;
  CHECK(row->text && row->kind && row->path);
  s->rows++;
  return 0;
}

/* 1 when the phrase has a word for FTS5 (query.c splits at blanks and
 * '"'). */
static int has_word(const char *p) {
  for (; *p; p++)
    if (!strchr(" \t\n\"", *p))
      return 1;
  return 0;
}

/* 1 when s is valid UTF-8 (what a query may refuse with WS_EINVAL). */
static int utf8_valid(const char *s) {
  utf8proc_int32_t cp;
  for (utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s), i = 0, k; i < n;
       i += k)
    if ((k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, n - i, &cp)) <
        0)
      return 0;
  return 1;
}

static void ask(const ws_quote_query *q, const char *in, int valid) {
  ws_error err;
  memset(&err, 0, sizeof err);
  seen s = {0};
  int64_t n = ws_query_quotes(db, q, on_quote, &s, &err);
  if (n >= 0) {
    CHECK(n == s.rows);
    return;
  }
  if (n == WS_EINVAL && ((q->phrase && !has_word(q->phrase)) || !valid))
    return;
  if (n == WS_ENOTFOUND && q->by)
    return;
  fprintf(stderr, "fuzz_query: query failed (%d): %s\n", (int)n, err.msg);
  CHECK(!"a query of any text must succeed");
  (void)in;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *in = malloc(size + 1);
  if (!in)
    return 0;
  memcpy(in, data, size);
  in[size] = '\0';
  int valid = utf8_valid(in);
  ws_quote_query q = {0};
  q.kind = -1;
  q.limit = 5;
  q.phrase = in;
  ask(&q, in, valid);
  q.highlight = 1;
  q.all = 1;
  ask(&q, in, valid);
  q.phrase = NULL;
  q.highlight = q.all = 0;
  q.by = in;
  ask(&q, in, valid);
  q.phrase = "taxes";
  ask(&q, in, valid);
  int64_t ids[4];
  ws_error err;
  int64_t r = ws_query_resolve(db, in, ids, 4, &err);
  CHECK(r >= 0 || (r == WS_EINVAL && !valid));
  free(in);
  return 0;
}
