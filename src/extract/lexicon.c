/*
 * lexicon.c - word lists consulted by the extraction layers.
 *
 * The lists are data: one word a line in src/words/NAME.txt for NAME in
 * countries, title_heads, title_modifiers, honorifics, person_descriptors,
 * org_words, place_words, name_particles, date_words, stopwords and
 * generations (each file names its source), compiled into words/words.h
 * and read as ws_words_NAME; the tables of
 * pairs (nationality -> country, abbreviation -> expansion, British
 * spellings) are in lexicon_table.h.  Every list is sorted (byte order of
 * its lower-case or exact form) for the reader, and looked up in a hash
 * set built once from it (see find), so a lookup is O(1) with no
 * allocation.  The system dictionary comes from dict_words.c, generated
 * at build time by gen_dict.py from Debian's wamerican word list.
 */
#include "extract/lexicon.h"
#include "extract/lexicon_table.h"
#include "text/text.h"
#include "words/words.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

extern const char *const ws_dict_word[];
extern const unsigned char ws_dict_flag[];
extern const size_t ws_dict_n;
extern const unsigned ws_dict_slot[];
extern const size_t ws_dict_mask;

/* Compares s[0..n) with the NUL-terminated w; fold lowers ASCII letters of
 * s first (w is lower case then). */
static int cmp(const char *s, size_t n, const char *w, int fold) {
  size_t i = 0;
  for (; i < n && w[i]; i++) {
    unsigned char a = (unsigned char)s[i], b = (unsigned char)w[i];
    if (fold && a >= 'A' && a <= 'Z')
      a = (unsigned char)(a + 32);
    if (a != b)
      return a < b ? -1 : 1;
  }
  if (i < n)
    return 1;
  return w[i] ? -1 : 0;
}

/* Hash sets over the lists.  Lookups run for most tokens of every
 * document (particles, nationalities, the facts of each word form), and
 * most of them miss: a bisection paid a byte compare per step, a hash set
 * with a low load factor mostly pays one hash and one empty slot.  Each
 * list gets a table of entry indices (plus one; 0 marks an empty slot),
 * sized to a power of two at least four times its length and carved from
 * one static pool; built once, on first use (pthread_once).  The lists
 * stay sorted for the reader, and the hash of a fold lookup lowers ASCII
 * letters as cmp() does, so the same entries match as before. */
typedef struct lexhash {
  const uint32_t *slot; /* entry index + 1, or 0 */
  uint32_t mask;        /* slots - 1 */
  uint32_t lens[256];   /* per first byte: bit min(length, 31) set when an
                           entry of that length starts with it */
} lexhash;

enum { POOL_SLOTS = 1u << 16 };
static uint32_t pool[POOL_SLOTS];
static size_t pool_used;

static pthread_once_t ix_once = PTHREAD_ONCE_INIT;
static atomic_int ix_ready; /* set last by ix_init: skips pthread_once */
static int ix_ok;           /* every list got its table (else: bisection) */
static void ix_init(void);

/* The eight bytes of w with ASCII capitals lowered (SWAR: a byte below
 * 0x80 between 'A' and 'Z' gets bit 5). */
static inline uint64_t lower8(uint64_t w) {
  const uint64_t ones = UINT64_C(0x0101010101010101);
  const uint64_t high = UINT64_C(0x8080808080808080);
  uint64_t x = w & ~high;
  uint64_t up = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) &
                ~w & high;
  return w | (up >> 2);
}

/* A hash of the bytes, ASCII letters lowered when fold; eight bytes a
 * step (multiply-xorshift). */
static uint32_t hash_bytes(const char *s, size_t n, int fold) {
  uint64_t h = (uint64_t)n * UINT64_C(0x9E3779B97F4A7C15);
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w;
    if (n - i >= 8)
      memcpy(&w, s + i, 8);
    else
      w = ws_load_tail(s + i, n - i);
    if (fold)
      w = lower8(w);
    h = (h ^ w) * UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 31;
  }
  h *= UINT64_C(0x94D049BB133111EB);
  return (uint32_t)(h ^ (h >> 32));
}

static int ix_build(lexhash *ix, const void *list, size_t count,
                    size_t stride) {
  size_t cap = 16;
  while (cap < 4 * count)
    cap *= 2;
  if (cap > POOL_SLOTS - pool_used || count >= UINT32_MAX)
    return 0;
  uint32_t *slot = pool + pool_used;
  pool_used += cap;
  for (size_t i = 0; i < count; i++) {
    const char *w = *(const char *const *)((const char *)list + i * stride);
    size_t n = strlen(w);
    ix->lens[(unsigned char)w[0]] |= 1u << (n < 31 ? n : 31);
    size_t k = hash_bytes(w, n, 0) & (cap - 1);
    while (slot[k])
      k = (k + 1) & (cap - 1);
    slot[k] = (uint32_t)(i + 1);
  }
  ix->slot = slot;
  ix->mask = (uint32_t)(cap - 1);
  return 1;
}

/* The probe and the bisection of find(), out of line: find() itself is
 * small enough to inline where the first-byte filter decides. */
static long probe(const void *list, size_t stride, const lexhash *ix,
                  const char *s, size_t n, int fold) {
  for (size_t k = hash_bytes(s, n, fold) & ix->mask;; k = (k + 1) & ix->mask) {
    uint32_t v = ix->slot[k];
    if (v == 0)
      return -1;
    const char *w = *(const char *const *)((const char *)list + (v - 1) * stride);
    if (cmp(s, n, w, fold) == 0)
      return (long)(v - 1);
  }
}

static long bisect(const void *list, size_t count, size_t stride,
                   const char *s, size_t n, int fold) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *w = *(const char *const *)((const char *)list + mid * stride);
    int c = cmp(s, n, w, fold);
    if (c == 0)
      return (long)mid;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return -1;
}

/* Index of s[0..n) in the list (stride bytes between entries whose first
 * member is a const char *), or -1; fold lowers ASCII letters of s (the
 * entries are lower case then).  Every list holds distinct entries, so the
 * hash set and a bisection find the same one. */
static inline long find(const void *list, size_t count, size_t stride,
                        const lexhash *ix, const char *s, size_t n,
                        int fold) {
  if (!atomic_load_explicit(&ix_ready, memory_order_acquire))
    pthread_once(&ix_once, ix_init);
  if (!ix_ok)
    return bisect(list, count, stride, s, n, fold);
  /* most lookups miss, and most misses start with a byte no entry of that
   * length starts with: one load decides */
  if (n) {
    unsigned b = (unsigned char)s[0];
    if (fold && b - 'A' < 26u)
      b += 32;
    if (!(ix->lens[b] & (1u << (n < 31 ? n : 31))))
      return -1;
  }
  return probe(list, stride, ix, s, n, fold);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
/* Membership in the word list ws_words_LIST of src/words/LIST.txt. */
#define IN(list, s, n, fold)                                                   \
  (find(ws_words_##list, ws_words_##list##_len, sizeof(const char *),         \
        &list##_ix, s, n, fold) >= 0)

static lexhash nationalities_ix, countries_ix, title_heads_ix,
    title_modifiers_ix, honorifics_ix, person_descriptors_ix, org_words_ix,
    place_words_ix, name_particles_ix, date_words_ix, stopwords_ix,
    generations_ix, abbrevs_ix, learned_ix;

/* Drops one trailing '.' (Gov., Inc.). */
static size_t no_dot(const char *s, size_t n) {
  return n > 1 && s[n - 1] == '.' ? n - 1 : n;
}

const char *ws_lex_nationality_country(const char *s, size_t n) {
  long i = find(nationalities, COUNT(nationalities), sizeof(pair),
             &nationalities_ix, s, n, 0);
  /* plural demonyms: Palestinians, Iraqis */
  if (i < 0 && n > 3 && s[n - 1] == 's')
    i = find(nationalities, COUNT(nationalities), sizeof(pair),
             &nationalities_ix, s, n - 1, 0);
  return i >= 0 ? nationalities[i].country : NULL;
}

int ws_lex_is_country(const char *s, size_t n) {
  return IN(countries, s, n, 0);
}

static int dict_exact(const char *s, size_t n);

/* British spellings the American list lacks (Oxford/Cambridge vs
 * Merriam-Webster): labour, organisation, defence, centre, analyse,
 * catalogue, travelled, programme, by the rewrites of british_rules
 * (lexicon_table.h).  One rewrite is tried at a time. */
static int british(const char *s, size_t n) {
  /* the word lowered once (dict_exact ignores case anyway): each rule
   * then costs a byte compare per position, not a call */
  char low[64], buf[64];
  if (n < 4 || n + 4 > sizeof buf)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    low[i] = (char)(c - 'A' < 26u ? c + 32 : c);
  }
  for (size_t r = 0; r < COUNT(british_rules); r++) {
    const struct british_rule *br = &british_rules[r];
    size_t fl = br->fl, tl = br->tl;
    size_t first = br->at_end ? n - (fl <= n ? fl : n) : 0;
    for (size_t i = first; i + fl <= n; i++) {
      if (low[i] != br->from[0] || memcmp(low + i, br->from, fl))
        continue;
      memcpy(buf, low, i);
      memcpy(buf + i, br->to, tl);
      memcpy(buf + i + tl, low + i + fl, n - i - fl);
      int f = dict_exact(buf, n - fl + tl);
      if (f & WS_DICT_LOWER)
        return WS_DICT_LOWER;
    }
  }
  return 0;
}

int ws_lex_dict(const char *s, size_t n) {
  int f = dict_exact(s, n);
  return f ? f : british(s, n);
}

static int dict_exact(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch >= 'A' && ch <= 'Z')
      ch = (unsigned char)(ch + 32);
    h = (h ^ ch) * 16777619u;
  }
  for (size_t k = h & ws_dict_mask;; k = (k + 1) & ws_dict_mask) {
    unsigned v = ws_dict_slot[k];
    if (v == 0)
      return 0;
    if (cmp(s, n, ws_dict_word[v - 1], 1) == 0)
      return ws_dict_flag[v - 1];
  }
}

int ws_lex_title(const char *s, size_t n) {
  n = no_dot(s, n);
  if (IN(honorifics, s, n, 1))
    return WS_TITLE_HONORIFIC;
  if (IN(title_heads, s, n, 1))
    return WS_TITLE_HEAD;
  if (IN(title_modifiers, s, n, 1))
    return WS_TITLE_MOD;
  return WS_TITLE_NONE;
}

int ws_lex_is_descriptor(const char *s, size_t n) {
  return IN(person_descriptors, s, n, 0);
}

int ws_lex_is_org_word(const char *s, size_t n) {
  return IN(org_words, s, no_dot(s, n), 1);
}

int ws_lex_is_place_word(const char *s, size_t n) {
  return IN(place_words, s, no_dot(s, n), 1);
}

int ws_lex_is_particle(const char *s, size_t n) {
  return IN(name_particles, s, n, 0);
}

void ws_lex_particle_pairs(uint32_t pairs[26]) {
  memset(pairs, 0, 26 * sizeof *pairs);
  for (size_t i = 0; i < ws_words_name_particles_len; i++) {
    const char *p = ws_words_name_particles[i];
    unsigned a = (unsigned)(unsigned char)p[0] - 'a';
    unsigned b = p[1] ? (unsigned)(unsigned char)p[1] - 'a' : 26u;
    if (a < 26u && b <= 26u)
      pairs[a] |= UINT32_C(1) << b;
  }
}

int ws_lex_is_date_word(const char *s, size_t n) {
  return IN(date_words, s, no_dot(s, n), 1);
}

int ws_lex_is_stopword(const char *s, size_t n) {
  return IN(stopwords, s, n, 1);
}

int ws_lex_is_generation(const char *s, size_t n) {
  return IN(generations, s, n, 0);
}

const char *ws_lex_abbrev_name(const char *s, size_t n) {
  long i = find(abbrevs, COUNT(abbrevs), sizeof(pair), &abbrevs_ix, s, n, 0);
  return i >= 0 ? abbrevs[i].country : NULL;
}

typedef struct ws_learned {
  const char *w;
  uint16_t c[5];
} ws_learned;
extern const ws_learned ws_learned_words[];
extern const size_t ws_learned_n;

int ws_lex_learned(const char *s, size_t n, unsigned c[5]) {
  long i = find(ws_learned_words, ws_learned_n, sizeof(ws_learned),
                &learned_ix, s, n, 1);
  if (i < 0)
    return 0;
  for (int k = 0; k < 5; k++)
    c[k] = ws_learned_words[i].c[k];
  return 1;
}

#define IX(list)                                                               \
  ix_build(&list##_ix, ws_words_##list, ws_words_##list##_len,                 \
           sizeof(const char *))
#define IX_PAIRS(list) ix_build(&list##_ix, list, COUNT(list), sizeof(list[0]))
static void ix_init(void) {
  ix_ok = IX_PAIRS(nationalities) && IX(countries) && IX(title_heads) &&
          IX(title_modifiers) && IX(honorifics) && IX(person_descriptors) &&
          IX(org_words) && IX(place_words) && IX(name_particles) &&
          IX(date_words) && IX(stopwords) && IX(generations) &&
          IX_PAIRS(abbrevs) &&
          ix_build(&learned_ix, ws_learned_words, ws_learned_n,
                   sizeof(ws_learned));
  atomic_store_explicit(&ix_ready, 1, memory_order_release);
}
