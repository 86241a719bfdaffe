/*
 * statement.c - statement identity: the key of a quote's words, bigram
 * sketches and similarity for near-duplicates, and finding or creating
 * the stored text and statement of a quote.
 *
 * Invariants (see also schema/schema.sql):
 *  - A quote's words are found by their exact text (texts: one row per
 *    wording); statements by normalised text (the key: composed,
 *    compatibility-mapped, case-folded, marks stripped, words joined by
 *    single spaces, joiners between letters dropped), then by
 *    near-duplicate text among the few statements that share a bottom-k
 *    bigram sketch value.
 *  - Keys and sketches are stored (statements.key, .hash, .sketch,
 *    statement_grams): the fast ASCII path of the key and the utf8proc
 *    path must give the same bytes, and neither may change without a
 *    new schema version.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "store/store_int.h"

/* Characters that join the letters around them when they sit between two
 * letters or digits ("U.S." -> "us", "1,000" -> "1000", "don't"): house
 * styles differ on exactly these, so they must not split a word. */
static int is_joiner(int32_t c) {
  return c == '.' || c == ',' || c == '\'' || c == 0x2019 || c == 0x2018 ||
         c == 0x02BC || c == 0x00B7;
}

static int is_word_cp(int32_t c) {
  utf8proc_category_t cat = utf8proc_category(c);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

/* The code point at text[i] if it is ASCII or one of the punctuation marks
 * news text is full of (curly quotes, dashes, ellipsis, no-break space),
 * with its length in *k; -1 for anything else. */
static int32_t simple_cp(const unsigned char *t, size_t i, size_t len,
                         size_t *k) {
  if (t[i] < 0x80) {
    *k = 1;
    return t[i];
  }
  *k = 2;
  if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0xA0)
    return 0xA0;
  *k = 3;
  if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x80)
    switch (t[i + 2]) {
    case 0x93: case 0x94: case 0x98: case 0x99: case 0x9C: case 0x9D:
    case 0xA6:
      return 0x2000 + (t[i + 2] - 0x80);
    }
  return -1;
}

static int simple_word_cp(int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* ws_statement_key() of text made of ASCII and simple_cp() marks, without
 * utf8proc: case folding is lower-casing there, none of the marks is a
 * word character, and compatibility mapping only turns the no-break space
 * into a space and the ellipsis into "..." (which separates words exactly
 * as the ellipsis does).  Writes the key to out (room for len + 1 bytes,
 * as a key is never longer than its text) and returns its length, or
 * (size_t)-1 when the text has any other character (out is then
 * garbage).  Most quotes qualify, and utf8proc_map was most of the key's
 * cost; ASCII letters and digits, most of a quote, take the first branch
 * without decoding.  The offsets in out of the first max_starts words
 * go to starts[0..*n_starts) (*n_starts is 0 on entry): store_key_sketch()
 * reads the words from them. */
/* SWAR (SIMD within a register) over eight bytes, for the runs of
 * letters of a key: the high bit of each byte below 0x80 that is >= c
 * (0 < c <= 0x80), as adding 0x80 - c carries into bit 7 exactly then. */
#define KEY_ONES UINT64_C(0x0101010101010101)
#define KEY_HIGH UINT64_C(0x8080808080808080)
static inline uint64_t key_ge(uint64_t x, unsigned c) {
  return (x + KEY_ONES * (0x80u - c)) & KEY_HIGH;
}

/* 1 on a little-endian machine, where the first of eight loaded bytes is
 * the lowest (the SWAR steps count bytes from there). */
static inline int little_endian(void) {
  static const union {
    uint16_t u;
    unsigned char b[2];
  } e = {1};
  return e.b[0];
}

size_t store_key_simple(const char *text, size_t len, char *out,
                                   size_t *starts, size_t max_starts,
                                   size_t *n_starts) {
  /* an ASCII letter or digit as the key writes it (lower case), else 0 */
#define KEY_LETTER(c) [c] = c, [c - ('a' - 'A')] = c
#define KEY_DIGIT(c) [c] = c
  static const char key_byte[128] = {
      KEY_LETTER('a'), KEY_LETTER('b'), KEY_LETTER('c'), KEY_LETTER('d'),
      KEY_LETTER('e'), KEY_LETTER('f'), KEY_LETTER('g'), KEY_LETTER('h'),
      KEY_LETTER('i'), KEY_LETTER('j'), KEY_LETTER('k'), KEY_LETTER('l'),
      KEY_LETTER('m'), KEY_LETTER('n'), KEY_LETTER('o'), KEY_LETTER('p'),
      KEY_LETTER('q'), KEY_LETTER('r'), KEY_LETTER('s'), KEY_LETTER('t'),
      KEY_LETTER('u'), KEY_LETTER('v'), KEY_LETTER('w'), KEY_LETTER('x'),
      KEY_LETTER('y'), KEY_LETTER('z'), KEY_DIGIT('0'), KEY_DIGIT('1'),
      KEY_DIGIT('2'), KEY_DIGIT('3'), KEY_DIGIT('4'), KEY_DIGIT('5'),
      KEY_DIGIT('6'), KEY_DIGIT('7'), KEY_DIGIT('8'), KEY_DIGIT('9')};
#undef KEY_LETTER
#undef KEY_DIGIT
  const unsigned char *t = (const unsigned char *)text;
  size_t o = 0, k;
  int in_word = 0; /* the previous character was a word character */
  for (size_t i = 0; i < len; i += k) {
    unsigned b = t[i];
    int32_t c;
    if (b < 0x80) {
      char kc = key_byte[b];
      if (kc) { /* a run of ASCII letters and digits, copied lowered */
        if (!in_word) { /* a word starts */
          if (o > 0)
            out[o++] = ' ';
          if (*n_starts < max_starts)
            starts[(*n_starts)++] = o;
        }
        /* eight bytes a step while eight remain (o <= i, so out has
         * room for them): the run's letters lowered and where it ends
         * from bit arithmetic, as ws_tokenize() finds words, instead of
         * a branch per byte that mispredicted at the end of every word */
        while (little_endian() && len - i >= 8) {
          uint64_t w;
          memcpy(&w, t + i, 8);
          uint64_t x = w & ~KEY_HIGH, lc = x | (KEY_ONES * 0x20);
          uint64_t letter = key_ge(lc, 'a') & ~key_ge(lc, 'z' + 1) & ~w;
          uint64_t digit = key_ge(x, '0') & ~key_ge(x, '9' + 1) & ~w;
          uint64_t low = w | (letter >> 2); /* bit 5 set: lower case */
          memcpy(out + o, &low, 8);
          uint64_t nw = ~(letter | digit) & KEY_HIGH; /* not in the run */
          if (!nw) {
            i += 8, o += 8;
            continue;
          }
          /* the first such byte's index: (1 << 8r) times the constant
           * puts r in the top byte */
          size_t r = (size_t)((((nw & (~nw + 1)) >> 7) *
                               UINT64_C(0x0001020304050607)) >> 56);
          i += r, o += r;
          break;
        }
        while (i < len && t[i] < 0x80 && (kc = key_byte[t[i]]) != 0)
          out[o++] = kc, i++;
        in_word = 1;
        k = 0;
        continue;
      }
      k = 1;
      c = (int32_t)b;
    } else if ((c = simple_cp(t, i, len, &k)) < 0) {
      return (size_t)-1;
    }
    if (is_joiner(c) && in_word && i + k < len) {
      size_t k2;
      in_word = simple_word_cp(simple_cp(t, i + k, len, &k2));
    } else {
      in_word = 0;
    }
  }
  out[o] = '\0';
  return o;
}

/* The statement key of a text with characters beyond simple_cp()'s, by
 * utf8proc; malloc'd, NULL when out of memory. */
char *store_key_full(const char *text, size_t len) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map(
      (const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len, &folded,
      UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
          UTF8PROC_IGNORE | UTF8PROC_COMPAT);
  if (n < 0) {
    /* Invalid UTF-8 never reaches the store; fall back to the raw bytes. */
    folded = malloc(len + 1);
    if (!folded)
      return NULL;
    memcpy(folded, text, len);
    folded[len] = 0;
    n = (utf8proc_ssize_t)len;
  }
  char *out = malloc((size_t)n + 1);
  if (!out) {
    free(folded);
    return NULL;
  }
  size_t o = 0;
  int32_t prev = 0; /* previous code point, or 0 after a separator */
  for (utf8proc_ssize_t i = 0; i < n;) {
    int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(folded + i, n - i, &c);
    if (k <= 0) {
      i++;
      continue;
    }
    if (is_word_cp(c)) {
      if (prev == 0 && o > 0)
        out[o++] = ' ';
      memcpy(out + o, folded + i, (size_t)k);
      o += (size_t)k;
      prev = c;
    } else if (is_joiner(c) && prev != 0 && i + k < n) {
      int32_t next;
      utf8proc_iterate(folded + i + k, n - i - k, &next);
      if (!is_word_cp(next))
        prev = 0;
    } else {
      prev = 0;
    }
    i += k;
  }
  out[o] = '\0';
  free(folded);
  return out;
}

char *ws_statement_key(const char *text, size_t len) {
  if (len == SIZE_MAX)
    return NULL;
  char *out = malloc(len + 1);
  if (!out)
    return NULL;
  size_t n_starts = 0; /* no word starts wanted */
  if (store_key_simple(text, len, out, NULL, 0, &n_starts) != (size_t)-1)
    return out;
  free(out);
  return store_key_full(text, len);
}

/* Splits a key into word pointers/lengths (keys are single-space
 * separated).  Returns the number of words (at most max). */
static size_t key_words(const char *key, const char **w, size_t *wl,
                        size_t max) {
  size_t n = 0;
  const char *p = key;
  while (*p && n < max) {
    const char *s = p; /* words are short: a loop, not strchr + strlen */
    while (*p && *p != ' ')
      p++;
    w[n] = s;
    wl[n++] = (size_t)(p - s);
    if (*p == ' ')
      p++;
  }
  return n;
}

static int word_cmp(const char *a, size_t la, const char *b, size_t lb) {
  int c = memcmp(a, b, la < lb ? la : lb);
  return c ? c : (la > lb) - (la < lb);
}

/* Insertion sort of words (pointer + length pairs): at most MAXW. */
static void sort_words(const char **w, size_t *l, size_t n) {
  for (size_t i = 1; i < n; i++) {
    const char *kw = w[i];
    size_t kl = l[i], j = i;
    while (j > 0 && word_cmp(w[j - 1], l[j - 1], kw, kl) > 0) {
      w[j] = w[j - 1];
      l[j] = l[j - 1];
      j--;
    }
    w[j] = kw;
    l[j] = kl;
  }
}

/* A statement joins a near-duplicate only when it has at least this many
 * words and this similarity: short quotes ("no", "a deal") differ by one
 * word and mean something else.  Word-order changes need a closer match
 * of the words themselves. */
#define NEAR_MIN_WORDS 5
#define NEAR_MIN_SIM 0.8
#define NEAR_MIN_BAG 0.9

double ws_statement_similarity(const char *a, const char *b) {
  if (strcmp(a, b) == 0)
    return 1.0;
  static const size_t cap = MAXW + 1;
  const char **wa = malloc(cap * sizeof *wa), **wb = malloc(cap * sizeof *wb);
  size_t *la = malloc(cap * sizeof *la), *lb = malloc(cap * sizeof *lb);
  size_t *row = malloc((cap + 1) * sizeof *row);
  double sim = 0;
  if (!wa || !wb || !la || !lb || !row)
    goto out;
  size_t n = key_words(a, wa, la, cap), m = key_words(b, wb, lb, cap);
  if (n > MAXW || m > MAXW || n == 0 || m == 0)
    goto out;
  /* Levenshtein distance over words, one row at a time. */
  for (size_t j = 0; j <= m; j++)
    row[j] = j;
  for (size_t i = 1; i <= n; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; j++) {
      size_t up = row[j];
      int same = la[i - 1] == lb[j - 1] &&
                 memcmp(wa[i - 1], wb[j - 1], la[i - 1]) == 0;
      size_t best = diag + (same ? 0 : 1);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  sim = 1.0 - (double)row[m] / (double)(n > m ? n : m);
  if (sim < NEAR_MIN_SIM) {
    /* Reordered clauses ("achieve X through Y" / "achieve through Y X")
     * cost many edits but keep the words: compare the word multisets
     * (Dice coefficient), with a stricter bar. */
    sort_words(wa, la, n);
    sort_words(wb, lb, m);
    size_t i = 0, j = 0, common = 0;
    while (i < n && j < m) {
      int c = word_cmp(wa[i], la[i], wb[j], lb[j]);
      if (c == 0) {
        common++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    double dice = 2.0 * (double)common / (double)(n + m);
    if (dice >= NEAR_MIN_BAG && dice > sim)
      sim = dice;
  }
out:
  free(wa);
  free(wb);
  free(la);
  free(lb);
  free(row);
  return sim;
}

/* A candidate must share this many of the SKETCH_K sketch values
 * (store_int.h says why six and two). */
#define SKETCH_MIN_SHARED 2


/* Statements listed per sketch value.  A value shared by more is a
 * common phrase ("we have to", or the opening words of a quote that
 * runs on into different paragraphs), weak evidence of a near-duplicate,
 * and reading long lists was most of the cost of finding statements. */
#define GRAM_CAP 16
_Static_assert(SKETCH_K == 6, "ST_GRAM_INSERT has one row per sketch value");

/* The offsets of the first max words of key[0..len) (single-space
 * separated); returns how many. */
size_t store_key_starts(const char *key, size_t len, size_t *at,
                         size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < len && n < max; i++)
    if (i == 0 || key[i - 1] == ' ')
      at[n++] = i;
  return n;
}

/* The SKETCH_K smallest hashes of the key's word bigrams (unigrams for a
 * one-word key): near-duplicates share most bigrams, so they share sketch
 * values with high probability.  key[0..len) has n_at word offsets from
 * store_key_starts() or store_key_simple() (at most KEY_STARTS).  Returns
 * the number of hashes. */
size_t store_key_sketch(const char *key, size_t len, const size_t *at,
                         size_t n_at, int64_t *out) {
  size_t n = n_at < MAXW + 1 ? n_at : MAXW + 1, k = 0;
  for (size_t i = 0; i + 1 < n || (n == 1 && i == 0); i++) {
    /* the bigram runs to the end of word i + 1 (of word i when alone) */
    size_t last = n == 1 ? i : i + 1;
    size_t end = last + 1 < n_at ? at[last + 1] - 1 : len;
    int64_t h = (int64_t)(ws_hash(key + at[i], end - at[i]) >> 1);
    if (k == SKETCH_K && h >= out[SKETCH_K - 1])
      continue; /* not among the smallest (the test below, without the
                   walk): most bigrams of a long key */
    size_t j = 0;
    while (j < k && out[j] < h)
      j++;
    if (j < k && out[j] == h)
      continue;
    if (j >= SKETCH_K)
      continue;
    if (k < SKETCH_K)
      k++;
    for (size_t m = k - 1; m > j; m--) /* at most five: no memmove call */
      out[m] = out[m - 1];
    out[j] = h;
  }
  return k;
}

static size_t word_count(const char *key) {
  size_t n = *key ? 1 : 0;
  for (; *key; key++)
    n += *key == ' ';
  return n;
}

/* Counts one more shared sketch value for candidate statement `cand`. */
static void note_candidate(int64_t cand, int64_t *seen, unsigned char *shared,
                           size_t *n_seen) {
  size_t j = 0;
  while (j < *n_seen && seen[j] != cand)
    j++;
  if (j < *n_seen) {
    shared[j]++;
    return;
  }
  shared[*n_seen] = 1;
  seen[(*n_seen)++] = cand;
}

/* The near-duplicate of key among the statements that share at least
 * SKETCH_MIN_SHARED of its k sketch values: the most similar one, if at
 * least NEAR_MIN_SIM, in *best, else 0.  Counts the statements listed
 * under each value in bucket[] (statement_for leaves a value whose list
 * is full out of the new statement's rows). */
static int find_near(ws_store *s, const char *key, const int64_t *sketch,
                     size_t k, size_t *bucket, int64_t *best_id,
                     ws_error *err) {
  ent_cache *c = s->cache;
  sqlite3_stmt *st = NULL;
  int r, rc;
  int64_t best = 0, seen[SKETCH_K * GRAM_CAP];
  unsigned char shared[SKETCH_K * GRAM_CAP];
  size_t n_seen = 0;
  double best_sim = NEAR_MIN_SIM;
  if (c->grams_complete) {
    /* Every sketch row is listed in memory (ent_cache.grams_complete). */
    for (size_t i = 0; i < k; i++) {
      gram_slot *g = store_gram_find(c, sketch[i]);
      for (uint32_t nd = g->hash ? g->head : 0; nd && bucket[i] < GRAM_CAP;
           nd = c->gram_next[nd]) {
        bucket[i]++;
        note_candidate(c->gram_stmt[nd], seen, shared, &n_seen);
      }
    }
  } else {
    size_t n_maybe = 0;
    for (size_t i = 0; i < k; i++)
      n_maybe += store_maybe_stored(c, BLOOM_GRAMS, (uint64_t)sketch[i]);
    /* Values no statement has are left NULL: they match nothing. */
    if (n_maybe && !(st = ws_store_stmt(s, ST_GRAM_FIND, err)))
      goto dberr;
    for (size_t i = 0; n_maybe && i < k; i++)
      if (store_maybe_stored(c, BLOOM_GRAMS, (uint64_t)sketch[i]))
        sqlite3_bind_int64(st, (int)i + 1, sketch[i]);
    r = SQLITE_DONE;
    while (n_maybe && (r = sqlite3_step(st)) == SQLITE_ROW) {
      int v = sqlite3_column_int(st, 1);
      if (v >= 0 && v < SKETCH_K)
        bucket[v]++;
      note_candidate(sqlite3_column_int64(st, 0), seen, shared, &n_seen);
    }
    if (st)
      sqlite3_reset(st);
    if (r != SQLITE_DONE)
      goto dberr;
  }
  size_t n_words = word_count(key);
  for (size_t j = 0; j < n_seen; j++) {
    if (shared[j] < (k < SKETCH_MIN_SHARED ? k : SKETCH_MIN_SHARED))
      continue;
    if (!(st = ws_store_stmt(s, ST_STMT_KEY, err)))
      goto dberr;
    sqlite3_bind_int64(st, 1, seen[j]);
    if (sqlite3_step(st) == SQLITE_ROW) {
      const char *other = (const char *)sqlite3_column_text(st, 0);
      /* Word counts alone bound the similarity: an edit distance is
       * at least the difference of the lengths, and a word-bag match
       * of 0.9 needs lengths within a ratio of 9 to 11. */
      size_t m_words = word_count(other);
      size_t lo = n_words < m_words ? n_words : m_words;
      size_t hi = n_words < m_words ? m_words : n_words;
      if ((double)lo < NEAR_MIN_SIM * (double)hi) {
        sqlite3_reset(st);
        continue;
      }
      double sim = ws_statement_similarity(key, other);
      if (sim >= best_sim) {
        best_sim = sim;
        best = seen[j];
      }
    }
    sqlite3_reset(st);
  }
  *best_id = best;
  return WS_OK;
dberr:
  rc = ws_store_fail(s, err, "storing a quote");
  if (st)
    sqlite3_reset(st);
  return rc;
}

/* Finds or creates the statement of a quote, given its key and sketch
 * (ws_store_prepare); sets *id. */
static int statement_for(ws_store *s, const char *key, uint64_t h,
                         const int64_t *sketch, size_t k,
                         const char *sketch_json, int64_t *id, ws_error *err) {
  int rc = WS_OK;
  key_slot *ks = store_slot_find(s->cache->stmts, key, h);
  if (ks->key) {
    *id = ks->id;
    return WS_OK;
  }
  ent_cache *c = s->cache;
  sqlite3_stmt *st = NULL;
  int64_t hash = (int64_t)(h >> 1);
  int r;
  if (store_maybe_stored(c, BLOOM_KEYS, (uint64_t)hash)) {
    if (!(st = ws_store_stmt(s, ST_STMT_BY_KEY, err)))
      goto dberr;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, hash);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
      *id = sqlite3_column_int64(st, 0);
      sqlite3_reset(st);
      store_cache_put_stmt(c, key, h, *id);
      goto out;
    }
    if (r != SQLITE_DONE)
      goto dberr;
    sqlite3_reset(st);
  }
  /* Statements already listed under each sketch value (up to GRAM_CAP). */
  size_t bucket[SKETCH_K] = {0};
  if (word_count(key) >= NEAR_MIN_WORDS) {
    int64_t best = 0;
    if ((rc = find_near(s, key, sketch, k, bucket, &best, err)))
      goto out;
    if (best) {
      *id = best;
      goto out;
    }
  }
  if (!(st = ws_store_stmt(s, ST_STMT_INSERT, err)))
    goto dberr;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, hash);
  sqlite3_bind_text(st, 3, sketch_json, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_DONE)
    goto dberr;
  sqlite3_reset(st);
  *id = sqlite3_last_insert_rowid(s->db);
  store_cache_put_stmt(c, key, h, *id);
  store_bloom_add(c, BLOOM_KEYS, (uint64_t)hash);
  if (k && c->grams_complete) {
    size_t i = 0;
    for (; i < k; i++) {
      if (bucket[i] >= GRAM_CAP)
        continue;
      store_bloom_add(c, BLOOM_GRAMS, (uint64_t)sketch[i]);
      if ((rc = store_gram_add(s, sketch[i], *id, err)) == WS_ENOTFOUND)
        break; /* lists dropped: written below, as for any database */
      if (rc)
        goto out;
    }
    if (i == k)
      goto out;
    rc = WS_OK;
  }
  if (k) {
    if (!(st = ws_store_stmt(s, ST_GRAM_INSERT, err)))
      goto dberr;
    /* A value whose list is full is left out (NULL: OR IGNORE drops the
     * row); the statement is still found through its other values.  Rows
     * already queued by store_gram_add are written twice, which OR IGNORE
     * also drops. */
    for (size_t i = 0; i < SKETCH_K; i++) {
      size_t j = i < k ? i : k - 1;
      if (bucket[j] < GRAM_CAP) {
        sqlite3_bind_int64(st, (int)i + 1, sketch[j]);
        store_bloom_add(c, BLOOM_GRAMS, (uint64_t)sketch[j]);
      }
    }
    sqlite3_bind_int64(st, SKETCH_K + 1, *id);
    if (sqlite3_step(st) != SQLITE_DONE)
      goto dberr;
    sqlite3_reset(st);
  }
  goto out;
dberr:
  rc = ws_store_fail(s, err, "storing a quote");
  if (st)
    sqlite3_reset(st);
out:
  return rc;
}

/* Finds or creates the stored text of a quote (text, len bytes; h its
 * ws_hash, never 0) and sets *id and *statement.  A new text joins the
 * statement of its key and sketch (statement_for). */
int store_text_for(ws_store *s, const char *text, size_t len, uint64_t h,
                    const char *key, uint64_t key_hash, const int64_t *sketch,
                    size_t k,
                    const char *sketch_json, int64_t *id, int64_t *statement,
                    ws_error *err) {
  ent_cache *c = s->cache;
  text_slot *t = store_text_find(c, h);
  if (t->hash && t->len == (uint32_t)len) {
    *id = t->id;
    *statement = t->statement;
    return WS_OK;
  }
  sqlite3_stmt *st;
  int r = SQLITE_DONE;
  if (store_maybe_stored(c, BLOOM_TEXTS, h >> 1)) {
    if (!(st = ws_store_stmt(s, ST_TEXT_FIND, err)))
      return WS_EDB;
    sqlite3_bind_int64(st, 1, (int64_t)(h >> 1));
    sqlite3_bind_text(st, 2, text, (int)len, SQLITE_STATIC);
    r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
      *id = sqlite3_column_int64(st, 0);
      *statement = sqlite3_column_int64(st, 1);
    }
    sqlite3_reset(st);
    if (r != SQLITE_ROW && r != SQLITE_DONE)
      return ws_store_fail(s, err, "storing a quote");
  }
  if (r == SQLITE_DONE) {
    int rc = statement_for(s, key, key_hash, sketch, k, sketch_json,
                           statement, err);
    if (rc)
      return rc;
    if (!(st = ws_store_stmt(s, ST_TEXT_INSERT, err)))
      return WS_EDB;
    sqlite3_bind_int64(st, 1, *statement);
    sqlite3_bind_int64(st, 2, (int64_t)(h >> 1));
    sqlite3_bind_text(st, 3, text, (int)len, SQLITE_STATIC);
    if (store_step_done(st))
      return ws_store_fail(s, err, "storing a quote");
    *id = sqlite3_last_insert_rowid(s->db);
    store_bloom_add(c, BLOOM_TEXTS, h >> 1);
  }
  store_cache_put_text(c, h, (uint32_t)len, *id, *statement);
  return WS_OK;
}

_Static_assert(WS_SKETCH_K == SKETCH_K, "store.h names the sketch size");
int ws_statement_sketch(const char *text, size_t len, int full, char **key,
                        int64_t *sketch, size_t *n_sketch) {
  size_t at[KEY_STARTS], n_at = 0, kn = (size_t)-1;
  *key = NULL;
  *n_sketch = 0;
  if (!full) {
    if (len == SIZE_MAX || !(*key = malloc(len + 1)))
      return WS_ENOMEM;
    kn = store_key_simple(text, len, *key, at, KEY_STARTS, &n_at);
    if (kn == (size_t)-1) {
      free(*key);
      *key = NULL;
      return WS_EINVAL;
    }
  } else {
    if (!(*key = store_key_full(text, len)))
      return WS_ENOMEM;
    kn = strlen(*key);
    n_at = store_key_starts(*key, kn, at, KEY_STARTS);
  }
  *n_sketch = store_key_sketch(*key, kn, at, n_at, sketch);
  return WS_OK;
}
