/*
 * token.c - tokenizer, sentence and paragraph splitter.
 *
 * One pass over the text.  Sentence boundaries follow the usual news-text
 * heuristics (cf. Punkt, Kiss & Strunk 2006, in its simplest form):
 * . ! ? … end a sentence when the next word starts upper case, a digit or
 * an opening mark; closing quotes and brackets after the terminator stay
 * in the sentence; a known abbreviation (Mr., Nov., U.S.) or an initial
 * (H.) keeps its period and ends a sentence only before a paragraph break
 * or a typical sentence opener (The, He, ...).  A blank line is a
 * paragraph break; so is a single line break unless the next line starts
 * lower case (a sentence broken over two lines).
 *
 * Hard-wrapped text (newswire, e-mail, Usenet, Project Gutenberg: lines
 * filled to 64-80 columns) is recognised first, for the whole text, and
 * there a line break that only wraps a paragraph is white space like any
 * other: no line start, no paragraph, no sentence evidence.  Which
 * breaks are wraps is decided as an unwrapper would (cf. RFC 3676's
 * reasons for format=flowed): a blank line, or a line indented deeper
 * than the one before (the wire convention of indented paragraphs, as in
 * the AP and Reuters stories of the TIPSTER collections), starts a
 * paragraph; where the text marks its paragraphs so, every other break
 * is a wrap; where it does not (one paragraph a line, then wrapped), a
 * break is a wrap when the next line's first word would not have fitted
 * on the line, the one property every greedy filler (fold -s, fmt -g,
 * Python's textwrap, an editor's fill) gives each break it makes.
 */
#include "extract/token.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "words/words.h"

int ws_quote_mark_class(int32_t cp) {
  switch (cp) {
  case '"':
    return WS_QM_OPEN | WS_QM_CLOSE;
  case 0x201C: /* “ opens in English, closes in German („…“) */
    return WS_QM_OPEN | WS_QM_CLOSE;
  case 0x201D: /* ” closes; opens in Swedish and Polish „…” closes */
    return WS_QM_CLOSE | WS_QM_OPEN;
  case 0x201E: /* „ */
    return WS_QM_OPEN;
  case 0x00AB: /* « opens in French, closes in Danish »…« */
  case 0x00BB:
    return WS_QM_OPEN | WS_QM_CLOSE;
  case 0x2039: /* ‹ › */
  case 0x203A:
    return WS_QM_OPEN | WS_QM_CLOSE | WS_QM_SINGLE;
  case 0x2018: /* ‘ */
    return WS_QM_OPEN | WS_QM_CLOSE | WS_QM_SINGLE;
  case 0x2019: /* ’ */
    return WS_QM_CLOSE | WS_QM_SINGLE;
  case 0x201A: /* ‚ */
    return WS_QM_OPEN | WS_QM_SINGLE;
  case '\'':
  case '`':
    return WS_QM_OPEN | WS_QM_CLOSE | WS_QM_SINGLE;
  default:
    return 0;
  }
}

int ws_tok_is(const char *text, const ws_token *t, const char *w) {
  /* No strlen: validated text holds no NUL, so a shorter w fails at its
   * terminator before anything past it is read.  This runs for every
   * token against every word list of the upper layers. */
  const unsigned char *s = (const unsigned char *)text + t->start;
  size_t n = t->end - t->start;
  for (size_t i = 0; i < n; i++) {
    unsigned c = s[i];
    if (c - 'A' < 26u)
      c += 32;
    if (c != (unsigned char)w[i])
      return 0;
  }
  return w[n] == '\0';
}

int ws_tok_in(const char *text, const ws_token *t, const char *const *words) {
  if (t->end == t->start) {
    for (; *words; words++)
      if (ws_tok_is(text, t, *words))
        return 1;
    return 0;
  }
  /* ws_tok_is fails at the first two bytes for most words of a list:
   * compare them here, without a call (a word's second byte is its NUL
   * when the token is one byte long; every word has one to read) */
  unsigned c0 = (unsigned char)text[t->start];
  if (c0 - 'A' < 26u)
    c0 += 32;
  unsigned c1 = 0;
  if (t->end - t->start > 1) {
    c1 = (unsigned char)text[t->start + 1];
    if (c1 - 'A' < 26u)
      c1 += 32;
  }
  for (; *words; words++) {
    const unsigned char *w = (const unsigned char *)*words;
    if (w[0] == c0 && w[1] == c1 && ws_tok_is(text, t, *words))
      return 1;
  }
  return 0;
}

/* The tokenizer's word lists are data (src/words/, lower case, sorted so
 * that span_in may bisect; a token is compared ignoring case):
 * abbreviations.txt, whose period is not a full stop (Mr., Nov., Corp.),
 * and sentence_openers.txt, the words that start a sentence after an
 * abbreviation that may also end one (U.S., Inc., Jr.).
 *
 * Hash sets of the two lists, for span_in().  It runs on every
 * word followed by a period and after every abbreviation, and a
 * bisection there mispredicted a branch at each step.  A word of up to
 * eight bytes, ASCII-lowered, packs into a nonzero 64-bit key (text holds
 * no NUL); a set stores the keys of its short entries, and any entry
 * longer than eight bytes sends longer words to the bisection. */
enum { SET_SLOTS = 256 };
typedef struct wordset {
  uint64_t key[SET_SLOTS]; /* packed words, 0 marks an empty slot */
  size_t longest;          /* bytes of the longest entry */
} wordset;

static wordset abbreviation_set, opener_set, minor_set;
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;
static atomic_int sets_ready; /* set last by sets_init: skips pthread_once */

static uint64_t pack_lower(const unsigned char *s, size_t n) {
  uint64_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = s[i];
    if (c - 'A' < 26u)
      c += 32;
    k |= (uint64_t)c << (8 * i);
  }
  return k;
}

static size_t set_slot(uint64_t key) {
  return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 56); /* 8 bits */
}

static void set_build(wordset *set, const char *const *words, size_t count) {
  for (size_t i = 0; i < count; i++) {
    size_t n = strlen(words[i]);
    if (n > set->longest)
      set->longest = n;
    if (n == 0 || n > 8)
      continue;
    uint64_t k = pack_lower((const unsigned char *)words[i], n);
    size_t h = set_slot(k);
    while (set->key[h] && set->key[h] != k)
      h = (h + 1) % SET_SLOTS;
    set->key[h] = k;
  }
}

static void sets_init(void) {
  set_build(&abbreviation_set, ws_words_abbreviations,
            ws_words_abbreviations_len);
  set_build(&opener_set, ws_words_sentence_openers,
            ws_words_sentence_openers_len);
  set_build(&minor_set, ws_words_title_minor, ws_words_title_minor_len);
  atomic_store_explicit(&sets_ready, 1, memory_order_release);
}

/* 1 when text[start..end), ASCII-lower-cased, is in the sorted list of
 * `count` words whose hash set is `set`. */
static int span_in(const char *text, uint32_t start, uint32_t end,
                   const char *const *sorted, size_t count,
                   const wordset *set) {
  size_t n = end - start;
  if (n == 0 || n >= 16)
    return 0;
  if (!atomic_load_explicit(&sets_ready, memory_order_acquire))
    pthread_once(&sets_once, sets_init);
  if (n > set->longest)
    return 0;
  if (n <= 8) {
    uint64_t k = pack_lower((const unsigned char *)text + start, n);
    for (size_t h = set_slot(k); set->key[h]; h = (h + 1) % SET_SLOTS)
      if (set->key[h] == k)
        return 1;
    return 0;
  }
  /* longer than eight bytes: bisect (no list here has such entries) */
  unsigned char key[16];
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)text[start + i];
    key[i] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  key[n] = '\0';
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const unsigned char *w = (const unsigned char *)sorted[mid];
    size_t i = 0;
    while (key[i] && key[i] == w[i])
      i++;
    if (key[i] == w[i])
      return 1;
    if (key[i] < w[i])
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

/* ASCII character classes, for the word scanner's fast path; every byte
 * of 0x80 and above has none (the scanner decodes those).  A_WORD is set
 * for every letter and digit, so that one AND tells whether four bytes in
 * a row all are. */
enum { A_LETTER = 1, A_LOWER = 2, A_DIGIT = 4, A_WORD = 8 };
static const uint8_t ascii_class[256] = {
#define D(c) [c] = A_DIGIT | A_WORD
    D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'),
    D('9'),
#undef D
#define U(c) [c] = A_LETTER | A_WORD
#define L(c) [c] = A_LETTER | A_LOWER | A_WORD
    U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'),
    U('J'), U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'),
    U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
    L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'),
    L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'),
    L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
#undef U
#undef L
};

/* SWAR (SIMD within a register) helpers over eight bytes of 7 bits. */
#define SWAR_ONES UINT64_C(0x0101010101010101)
#define SWAR_HIGH UINT64_C(0x8080808080808080)

/* High bit of each byte of x (all below 0x80) set where the byte is >= c
 * (0 < c <= 0x80): adding 0x80 - c carries into bit 7 exactly then, and
 * never out of the byte. */
static inline uint64_t swar_ge(uint64_t x, unsigned c) {
  return (x + SWAR_ONES * (0x80u - c)) & SWAR_HIGH;
}

static int is_word_cp(int32_t cp) {
  return ws_cp_is_letter(cp) || ws_cp_is_digit(cp) || ws_cp_is_mark(cp);
}

static int is_inner_hyphen(int32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* ------------------------------------------------------ hard wrapping */

/* One line of the text, as a filler measured it: its width without the
 * trailing white space, in bytes (fold counts bytes) and in code points
 * (fmt, textwrap and editors count characters), with its indent. */
typedef struct line_info {
  size_t bytes;  /* width in bytes, indent included */
  size_t cps;    /* width in code points, indent included */
  size_t indent; /* leading spaces and tabs */
  int blank;     /* only white space */
  int spaced;    /* a space between two words: a filler could break it */
} line_info;

/* The line text[a..b) (b at its '
' or the end). */
static line_info line_measure(const char *text, size_t a, size_t b) {
  line_info li = {0};
  size_t i = a;
  while (i < b && (text[i] == ' ' || text[i] == '\t'))
    i++;
  li.indent = i - a;
  while (b > i &&
         (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
    b--;
  li.blank = b == i;
  li.bytes = b - a;
  li.cps = li.indent;
  for (size_t k = i; k < b; k++) {
    unsigned char c = (unsigned char)text[k];
    li.cps += (c & 0xC0) != 0x80;
    li.spaced |= c == ' ' || c == '\t';
  }
  return li;
}

/* The first word of the line that starts at a (up to white space), the
 * unit a filler moves to the next line. */
static line_info first_word(const char *text, size_t len, size_t a) {
  size_t i = a;
  while (i < len && (text[i] == ' ' || text[i] == '\t'))
    i++;
  size_t e = i;
  while (e < len && text[e] != ' ' && text[e] != '\t' && text[e] != '\n' &&
         text[e] != '\r')
    e++;
  return line_measure(text, i, e);
}

/* How the text is wrapped: off, or the widths it was filled to. */
typedef struct wrap_info {
  int on;        /* the text is hard-wrapped */
  int marked;    /* its paragraphs are marked by blank lines or indents */
  size_t wb, wc; /* widest breakable line in bytes and code points */
  size_t first;  /* start of the first line of text (a headline's place) */
} wrap_info;

enum {
  WRAP_MIN = 30,  /* narrower "lines" are tables, verse or lists */
  WRAP_MAX = 100  /* wider ones are paragraphs on a line of their own */
};

/* 1 when a filler would have put the next line's first word w on line l
 * (at both widths, as the text may have been filled by either). */
static int word_fits(const wrap_info *w, line_info l, line_info word) {
  return l.bytes + 1 + word.bytes <= w->wb && l.cps + 1 + word.cps <= w->wc;
}

/* 1 when the line text[a..b) reads as a headline, a line that ends
 * where a filler might have broken it without being wrapped: all in
 * capitals (CoNLL's Reuters, wire slugs), or the text's first line
 * (first) in title case above a line that opens a sentence (The, He, ...:
 * a wrapped name or phrase would go on instead). */
static int headline_like(const char *text, size_t len, size_t a, size_t b,
                         int first) {
  int letters = 0, lower = 0, lower_word = 0;
  for (size_t i = a; i < b;) {
    int32_t cp = 0;
    while (i < b && !is_word_cp(cp)) /* marks and brackets before a word */
      i += ws_text_decode(text, b, i, &cp);
    if (!is_word_cp(cp))
      break;
    size_t w = i - ws_text_decode_back(text, i, &cp);
    int initial_lower = ws_cp_is_lower(cp);
    letters += ws_cp_is_letter(cp);
    while (i < b && ws_cp_is_letter(cp)) {
      size_t l = ws_text_decode(text, b, i, &cp);
      if (!ws_cp_is_letter(cp))
        break;
      letters++;
      lower |= ws_cp_is_lower(cp);
      i += l;
    }
    lower |= initial_lower;
    if (initial_lower &&
        !span_in(text, (uint32_t)w, (uint32_t)i, ws_words_title_minor,
                 ws_words_title_minor_len, &minor_set))
      lower_word = 1;
    while (i < b && text[i] != ' ' && text[i] != '\t')
      i++;
  }
  if (letters < 2)
    return 0;
  if (!lower)
    return 1;
  if (!first || lower_word)
    return 0;
  /* the next line's first word */
  size_t k = b + 1;
  while (k < len && (text[k] == ' ' || text[k] == '\t'))
    k++;
  size_t e = k;
  while (e < len && ascii_class[(unsigned char)text[e]] & A_LETTER)
    e++;
  return k < e && text[k] >= 'A' && text[k] <= 'Z' &&
         span_in(text, (uint32_t)k, (uint32_t)e, ws_words_sentence_openers,
                 ws_words_sentence_openers_len, &opener_set);
}

/* Recognises hard-wrapped text in text[start..len): every breakable line
 * at most WRAP_MAX code points wide, and at least half of the breaks
 * between two lines of text (after a line that is not a headline), and
 * at least two unless there is one, breaks no filler would leave (the
 * next word did not fit).  Text of long lines is given up at its first. */
static wrap_info wrap_detect(const char *text, size_t len, size_t start) {
  wrap_info w = {.first = SIZE_MAX};
  for (size_t a = start; a < len;) {
    const char *nl = memchr(text + a, '\n', len - a);
    size_t b = nl ? (size_t)(nl - text) : len;
    if (b - a > 4 * WRAP_MAX && memchr(text + a, ' ', b - a))
      return w; /* wider than WRAP_MAX code points, whatever they are */
    line_info li = line_measure(text, a, b);
    if (!li.blank && w.first == SIZE_MAX)
      w.first = a;
    if (li.spaced) {
      if (li.cps > WRAP_MAX)
        return w;
      if (li.bytes > w.wb)
        w.wb = li.bytes;
      if (li.cps > w.wc)
        w.wc = li.cps;
    }
    a = b + 1;
  }
  if (w.wc < WRAP_MIN)
    return w;
  size_t breaks = 0, wraps = 0, fits = 0, marks = 0;
  line_info prev = {.blank = 1};
  size_t prev_a = start; /* where prev starts */
  int gap = 0; /* blank lines since the last line of text */
  for (size_t a = start; a < len;) {
    const char *nl = memchr(text + a, '\n', len - a);
    size_t b = nl ? (size_t)(nl - text) : len;
    line_info li = line_measure(text, a, b);
    if (li.blank) {
      gap = 1;
    } else {
      if (!prev.blank && (gap || li.indent > prev.indent)) {
        marks++;
      } else if (!prev.blank &&
                 !headline_like(text, len, prev_a, a - 1, prev_a == w.first)) {
        breaks++;
        if (word_fits(&w, prev, first_word(text, len, a)))
          fits++;
        else
          wraps++;
      }
      prev = li;
      prev_a = a;
      gap = 0;
    }
    a = b + 1;
  }
  /* The widest line always reads as wrapped, as it sets the width: one
   * wrap is evidence only in a text of two lines (a table under a long
   * sentence has one too). */
  w.on = (wraps >= 2 && 2 * wraps >= breaks) || (wraps == 1 && breaks == 1);
  w.marked = marks > 0 && marks >= fits;
  return w;
}

/* 1 when the line break at text[nl], ending the line that starts at a,
 * only wraps a paragraph of hard-wrapped text. */
static int wraps_here(const wrap_info *w, const char *text, size_t len,
                      size_t a, size_t nl) {
  line_info l = line_measure(text, a, nl);
  const char *e = memchr(text + nl + 1, '\n', len - nl - 1);
  line_info n = line_measure(text, nl + 1, e ? (size_t)(e - text) : len);
  if (l.blank || n.blank || n.indent > l.indent ||
      headline_like(text, len, a, nl, a == w->first))
    return 0;
  if (!word_fits(w, l, first_word(text, len, nl + 1)))
    return 1;
  /* Where blank lines or indents mark the paragraphs, a short line is a
   * wrap too (fmt and hand filling leave them), unless it ends a clause:
   * a title or dateline line set above the text on a line of its own. */
  if (!w->marked)
    return 0;
  size_t end = nl;
  int32_t cp = 0;
  while (end > a) {
    end -= ws_text_decode_back(text, end, &cp);
    if (!(ws_cp_is_space(cp) || ws_quote_mark_class(cp) || cp == ')' ||
          cp == ']'))
      break;
  }
  return !(cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == 0x2026);
}

/* The scanner's state.  The growing arrays live apart (tokvecs), so that
 * this struct's address never leaves the inlined functions below and the
 * compiler keeps its fields in registers. */
typedef struct scanner {
  const char *text;
  size_t len;
  uint32_t para;    /* current paragraph index */
  uint32_t sent;    /* current sentence index (tokvecs.sent.len - 1, kept
                       here in a register) */
  int new_sent;     /* next token starts a sentence */
  int new_para;     /* next token starts a paragraph */
  int new_line;     /* next token starts a line */
  int pending;      /* 0, or 1 after . ! ? (strong), 2 after an abbreviation */
  int space_before; /* white space since the last token */
} scanner;

typedef struct tokvecs {
  ws_arena *a;
  ws_vec tok;  /* ws_token */
  ws_vec sent; /* ws_sentence */
} tokvecs;

/* Peeks the next code point at or after i that is not white space; returns
 * its offset or len. */
static size_t next_nonspace(const scanner *s, size_t i, int32_t *cp) {
  while (i < s->len) {
    size_t l = ws_text_decode(s->text, s->len, i, cp);
    if (!ws_cp_is_space(*cp))
      return i;
    i += l;
  }
  *cp = 0;
  return s->len;
}

/* Decides whether a token that follows a terminator starts a sentence. */
static inline int breaks_here(const scanner *s, const ws_token *t) {
  if (s->pending == 0)
    return 0;
  if (t->type == WS_TOK_WORD || t->type == WS_TOK_NUMBER) {
    if (s->pending == 2) /* after an abbreviation: only before an opener */
      return (t->flags & WS_TF_CAP) &&
             span_in(s->text, t->start, t->core_end, ws_words_sentence_openers,
                     ws_words_sentence_openers_len, &opener_set);
    return (t->flags & WS_TF_CAP) || t->type == WS_TOK_NUMBER ||
           !ws_cp_is_letter(t->cp);
  }
  if (s->pending == 2)
    return 0;
  /* An opening mark or bracket after white space opens the next one. */
  if (t->flags & WS_TF_SPACE_B)
    return t->type == WS_TOK_QUOTE || t->cp == '(' || t->cp == '[' ||
           ws_cp_is_dash(t->cp);
  return 0;
}

static inline int emit(scanner *s, tokvecs *v, ws_token tk) {
  if (s->space_before)
    tk.flags |= WS_TF_SPACE_B;
  if (s->new_para) {
    tk.flags |= WS_TF_PARA;
    s->new_sent = 1;
  }
  if (s->new_line)
    tk.flags |= WS_TF_LINE;
  if (!s->new_sent && breaks_here(s, &tk))
    s->new_sent = 1;
  if (v->tok.len == 0)
    s->new_sent = 1;
  if (s->new_sent) {
    ws_sentence *prev =
        v->sent.len ? (ws_sentence *)v->sent.items + v->sent.len - 1 : NULL;
    if (prev)
      prev->end = (uint32_t)v->tok.len;
    if (s->new_para && v->tok.len)
      s->para++;
    ws_sentence *sn = ws_vec_push(&v->sent, v->a);
    if (!sn)
      return WS_ENOMEM;
    sn->first = (uint32_t)v->tok.len;
    sn->para = s->para;
    s->sent = (uint32_t)(v->sent.len - 1);
    tk.flags |= WS_TF_SENT;
    s->pending = 0;
  }
  tk.sent = s->sent;
  /* ws_vec_push only when the vector is full: it zeroes the slot, and
   * every token is written whole here */
  ws_token *slot;
  if (v->tok.len < v->tok.cap)
    slot = (ws_token *)v->tok.items + v->tok.len++;
  else if (!(slot = ws_vec_push(&v->tok, v->a)))
    return WS_ENOMEM;
  *slot = tk;
  s->new_sent = s->new_para = s->new_line = 0;
  s->space_before = 0;
  /* A terminator arms a break; closing marks after it keep it armed. */
  if (tk.type == WS_TOK_PUNCT &&
      (tk.cp == '.' || tk.cp == '!' || tk.cp == '?' || tk.cp == 0x2026))
    s->pending = 1;
  else if (tk.type == WS_TOK_WORD && (tk.flags & WS_TF_ABBR))
    s->pending = 2;
  else if (!(tk.type == WS_TOK_QUOTE || tk.cp == ')' || tk.cp == ']'))
    s->pending = 0;
  return WS_OK;
}

/* 1 when text[i..j) is a single code point. */
static int cp_len_is_one_letter(const char *text, size_t i, size_t j) {
  int32_t cp;
  return ws_text_decode(text, j, i, &cp) == j - i;
}

/* Scans a word or number starting at i; fills *t and returns its end. */
static size_t scan_word(scanner *s, size_t i, ws_token *t) {
  const char *text = s->text;
  size_t len = s->len;
  int32_t cp;
  size_t seg_start = i;  /* start of the current letter run */
  int has_letter = 0, has_lower = 0, has_digit = 0, only_num = 1;
  int periods = 0;
  size_t j = i;
  size_t l = ws_text_decode(text, len, j, &cp);
  t->cp = cp;
  for (;;) {
    /* a run of letters, digits and combining marks; ASCII by table */
    unsigned acc = 0; /* A_* of the run's ASCII bytes, merged below */
    for (;;) {
      const unsigned char *u = (const unsigned char *)text;
      /* eight bytes a step while eight remain: which of them are ASCII
       * letters or digits, and where the run ends, from bit arithmetic
       * instead of a branch per byte */
      int stopped = 0; /* the SWAR loop found the run's end */
      uint64_t m_letter = 0, m_lower = 0, m_digit = 0; /* its classes */
      while (len - j >= 8) {
        uint64_t w;
        memcpy(&w, u + j, 8);
        uint64_t x = w & ~SWAR_HIGH, lc = x | (SWAR_ONES * 0x20);
        uint64_t letter = swar_ge(lc, 'a') & ~swar_ge(lc, 'z' + 1);
        uint64_t lower = swar_ge(x, 'a') & ~swar_ge(x, 'z' + 1);
        uint64_t digit = swar_ge(x, '0') & ~swar_ge(x, '9' + 1);
        uint64_t nw = ~((letter | digit) & ~w) & SWAR_HIGH; /* non-word */
        uint64_t first = nw & (~nw + 1); /* high bit of the first one */
        uint64_t run = nw ? (first >> 7) - 1 : ~(uint64_t)0;
        m_letter |= letter & run;
        m_lower |= lower & run;
        m_digit |= digit & run;
        if (nw) {
          /* byte index of the first non-word byte: (1 << 8k) times the
           * constant puts k in the top byte */
          j += (size_t)(((first >> 7) * UINT64_C(0x0001020304050607)) >> 56);
          stopped = 1;
          break;
        }
        j += 8;
      }
      acc |= (m_letter ? A_LETTER : 0u) | (m_lower ? A_LOWER : 0u) |
             (m_digit ? A_DIGIT : 0u);
      unsigned k;
      while (!stopped && j < len && (k = ascii_class[u[j]]) != 0) {
        acc |= k;
        j++;
      }
      if (j >= len)
        break;
      if (u[j] < 0x80) { /* only letters and digits have a class */
        cp = u[j];
        l = 1;
        break;
      }
      l = ws_text_decode(text, len, j, &cp);
      if (!is_word_cp(cp))
        break;
      if (ws_cp_is_letter(cp)) {
        has_letter = 1;
        only_num = 0;
        if (!ws_cp_is_upper(cp))
          has_lower |= ws_cp_is_lower(cp);
      } else if (ws_cp_is_digit(cp)) {
        has_digit = 1;
      }
      j += l;
    }
    if (acc & A_LETTER)
      has_letter = 1, only_num = 0;
    if (acc & A_LOWER)
      has_lower = 1;
    if (acc & A_DIGIT)
      has_digit = 1;
    if (j >= len)
      break;
    /* most words end at an ASCII byte that never joins (space, comma
     * after a letter, bracket): decided without looking further */
    if (cp < 0x80 && cp != '-' && cp != '\'' && cp != '.' && cp != ',' &&
        cp != ':' && cp != '&')
      break;
    /* an inner joiner followed by another word character continues it */
    int32_t nx;
    size_t after = j + l;
    if (after >= len)
      break;
    ws_text_decode(text, len, after, &nx);
    if (!is_word_cp(nx))
      break;
    if (is_inner_hyphen(cp)) {
      t->flags |= WS_TF_HYPHEN;
      only_num = 0;
    } else if (cp == '\'' || cp == 0x2019) {
      if (!ws_cp_is_letter(nx))
        break;
      t->flags |= WS_TF_APOS;
    } else if (cp == '.' && ws_cp_is_letter(nx) && j - seg_start <= 2) {
      periods++; /* U.S, e.g: single-letter segments joined by periods */
    } else if ((cp == ',' || cp == '.' || cp == ':') && only_num &&
               ws_cp_is_digit(nx)) {
      /* 1,000.5 and 10:30 */
    } else if (cp == '&' && ws_cp_is_upper(nx) && !has_lower) {
      /* AT&T, S&P */
    } else {
      break;
    }
    j = after;
    seg_start = j;
  }
  t->type = (only_num && has_digit) ? WS_TOK_NUMBER : WS_TOK_WORD;
  if (has_digit)
    t->flags |= WS_TF_DIGIT;
  if (ws_cp_is_upper(t->cp))
    t->flags |= WS_TF_CAP;
  if (t->type == WS_TOK_WORD && ws_cp_is_letter(t->cp))
    t->flags |= WS_TF_LETTER;
  if (has_letter && !has_lower)
    t->flags |= WS_TF_UPPER;
  t->core_end = (uint32_t)j;
  /* possessive 's / ’s (and plural s' is left to the quote finder);
   * the last letter first, as most words end in another than s or S */
  if ((text[j - 1] | 0x20) == 's' && j - i >= 3) {
    const char *e = text + j;
    if (e[-2] == '\'')
      t->core_end = (uint32_t)(j - 2), t->flags |= WS_TF_POSS;
    else if (j - i >= 5 && memcmp(e - 4, "\xE2\x80\x99", 3) == 0)
      t->core_end = (uint32_t)(j - 4), t->flags |= WS_TF_POSS;
  }
  /* a trailing period kept by abbreviations and initials */
  if (t->type == WS_TOK_WORD && j < len && text[j] == '.') {
    int initial = cp_len_is_one_letter(text, i, j) && ws_cp_is_upper(t->cp);
    if (periods > 0 || initial ||
        span_in(text, (uint32_t)i, (uint32_t)j, ws_words_abbreviations,
                ws_words_abbreviations_len, &abbreviation_set)) {
      j++;
      t->flags |= WS_TF_ABBR;
      t->core_end = (uint32_t)j;
    }
  }
  t->start = (uint32_t)i;
  t->end = (uint32_t)j;
  return j;
}

int ws_tokenize(ws_tokens *out, const char *text, size_t len, size_t start,
                ws_arena *a) {
  scanner s = {.text = text, .len = len, .new_para = 1, .new_line = 1,
               .space_before = 1};
  tokvecs v = {.a = a};
  ws_vec_init(&v.tok, sizeof(ws_token));
  ws_vec_init(&v.sent, sizeof(ws_sentence));
  /* Room for a token every 4 bytes up front (news prose averages over 5
   * bytes a token), so that the vector rarely grows: growing from 16
   * copied every token about once more.  ws_vec_push takes over from an
   * exact-size arena allocation when a text has more tokens. */
  if (start < len) {
    size_t want = (len - start) / 4 + 16;
    if (want <= SIZE_MAX / sizeof(ws_token)) {
      v.tok.items = ws_arena_alloc(a, want * sizeof(ws_token));
      if (!v.tok.items)
        return WS_ENOMEM;
      v.tok.cap = want;
    }
  }
  wrap_info wrap = wrap_detect(text, len, start);
  size_t line_start = start;
  size_t i = start;
  while (i < len) {
    int32_t cp;
    size_t l = ws_text_decode(text, len, i, &cp);
    if (ws_cp_is_space(cp)) {
      s.space_before = 1;
      if (cp == '\n') {
        size_t from = line_start;
        line_start = i + 1;
        if (wrap.on && wraps_here(&wrap, text, len, from, i)) {
          i += l;
          continue;
        }
        s.new_line = 1;
        /* A blank line, or a line break before a line that does not start
         * lower case, ends the paragraph. */
        size_t k = i + 1;
        int blank = 0;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
          k++;
        if (k < len && text[k] == '\n')
          blank = 1;
        int32_t nx;
        next_nonspace(&s, i + 1, &nx);
        if (blank || !ws_cp_is_lower(nx))
          s.new_para = 1;
      }
      i += l;
      continue;
    }
    ws_token t = {0};
    if (is_word_cp(cp)) {
      i = scan_word(&s, i, &t);
    } else {
      t.start = (uint32_t)i;
      t.end = t.core_end = (uint32_t)(i + l);
      t.cp = cp;
      t.type = ws_quote_mark_class(cp) ? WS_TOK_QUOTE : WS_TOK_PUNCT;
      i += l;
    }
    /* a single ASCII space after the token, the usual case, is consumed
     * here, as the loop's white space branch would take it */
    int space = 0;
    if (i < len) {
      int32_t nx;
      ws_text_decode(text, len, i, &nx);
      if (ws_cp_is_space(nx))
        t.flags |= WS_TF_SPACE_A;
      space = nx == ' ';
    } else {
      t.flags |= WS_TF_SPACE_A;
    }
    int rc = emit(&s, &v, t);
    if (rc)
      return rc;
    if (space) {
      s.space_before = 1;
      i++;
    }
  }
  if (v.sent.len)
    ((ws_sentence *)v.sent.items)[v.sent.len - 1].end = (uint32_t)v.tok.len;
  out->tok = v.tok.items;
  out->n = v.tok.len;
  out->sent = v.sent.items;
  out->n_sent = v.sent.len;
  out->n_para = v.tok.len ? s.para + 1 : 0;
  return WS_OK;
}
