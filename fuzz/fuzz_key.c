/*
 * fuzz_key.c - libFuzzer target: statement keys, sketches and similarity.
 *
 * The input is two texts separated by the first NUL byte (the whole input
 * is the first text when there is none).  For each text the statement key
 * and sketch are made by both builders of store.c (ws_statement_sketch):
 * where the fast path applies it must give the very key and sketch of the
 * utf8proc path, or the same quote would make two statements depending on
 * its characters.  Keys are words joined by single spaces; the key of a
 * key is itself; the sketch is ascending, distinct, non-negative and
 * empty only for an empty key.  Similarity is in [0, 1], 1 for a key with
 * itself, and symmetric.  A broken promise aborts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      fprintf(stderr, "fuzz_key: %s:%d: broken: %s\n", __FILE__,          \
              __LINE__, #cond);                                           \
      abort();                                                            \
    }                                                                     \
  } while (0)

static int utf8_valid(const char *s, size_t n) {
  utf8proc_int32_t cp;
  for (size_t i = 0; i < n;) {
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k < 0)
      return 0;
    i += (size_t)k;
  }
  return 1;
}

/* Checks one text's keys and sketches; returns its key (free with
 * free()), or NULL when out of memory. */
static char *check_text(const char *t, size_t n) {
  char *full = NULL, *fast = NULL;
  int64_t sk_full[WS_SKETCH_K], sk_fast[WS_SKETCH_K];
  size_t n_full = 0, n_fast = 0;
  if (ws_statement_sketch(t, n, 1, &full, sk_full, &n_full) != WS_OK)
    return NULL;
  size_t kl = strlen(full);
  CHECK(kl == 0 || (full[0] != ' ' && full[kl - 1] != ' '));
  CHECK(strstr(full, "  ") == NULL);
  CHECK(n_full <= WS_SKETCH_K);
  CHECK((n_full == 0) == (kl == 0));
  for (size_t i = 0; i < n_full; i++) {
    CHECK(sk_full[i] >= 0);
    CHECK(i == 0 || sk_full[i - 1] < sk_full[i]);
  }
  int rc = ws_statement_sketch(t, n, 0, &fast, sk_fast, &n_fast);
  if (rc == WS_OK) {
    CHECK(strcmp(fast, full) == 0);
    CHECK(n_fast == n_full);
    CHECK(memcmp(sk_fast, sk_full, n_full * sizeof *sk_full) == 0);
  } else {
    CHECK(rc == WS_EINVAL || rc == WS_ENOMEM);
  }
  free(fast);
  /* the public builder is one of the two */
  char *pub = ws_statement_key(t, n);
  if (pub)
    CHECK(strcmp(pub, full) == 0);
  free(pub);
  /* a key is its own key (for text as it reaches the store: UTF-8; the
   * key of other bytes is made of the raw bytes) */
  char *again = NULL;
  if (utf8_valid(t, n))
    again = ws_statement_key(full, kl);
  if (again)
    CHECK(strcmp(again, full) == 0);
  free(again);
  return full;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *a = (const char *)data, *b = "";
  size_t na = size, nb = 0;
  const uint8_t *nul = memchr(data, 0, size);
  if (nul) {
    na = (size_t)(nul - data);
    b = (const char *)nul + 1;
    nb = size - na - 1;
  }
  /* exact-size copies, so ASan sees a read past either text */
  char *ca = malloc(na ? na : 1), *cb = malloc(nb ? nb : 1);
  if (!ca || !cb)
    goto out;
  memcpy(ca, a, na);
  memcpy(cb, b, nb);
  char *ka = check_text(ca, na), *kb = check_text(cb, nb);
  if (ka && kb) {
    double ab = ws_statement_similarity(ka, kb);
    double ba = ws_statement_similarity(kb, ka);
    CHECK(ab >= 0.0 && ab <= 1.0);
    CHECK(ab == ba);
    CHECK(ws_statement_similarity(ka, ka) == 1.0);
    if (strcmp(ka, kb) == 0)
      CHECK(ab == 1.0);
  }
  free(ka);
  free(kb);
out:
  free(ca);
  free(cb);
  return 0;
}
