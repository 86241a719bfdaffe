/*
 * dateline.c - what the text of an article says about itself: a newswire
 * dateline, a URL line, a Markdown heading.
 *
 * A dateline opens the first paragraph of a wire story (AP Stylebook,
 * "datelines"; Reuters Handbook): the place, in capitals or as written,
 * then optionally the date and the agency's credit in brackets, then a
 * dash:
 *   DOHA, Nov 24 (Reuters) -            WASHINGTON (AP) —
 *   Doha, November 24 (RHC)--           GAZA CITY, Gaza Strip, Nov. 3 -
 * A place as written ("Doha") counts only with a date or a credit; a place
 * in capitals needs neither.  A dateline gives the month and day but
 * seldom the year, which is taken from a full date elsewhere in the text
 * within a month of the dateline's (a photo caption's "Nov. 23, 2023"),
 * and otherwise left unknown (ISO 8601's "--11-24").
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "read/read.h"
#include "words/words.h"

/* How many non-blank lines at the head (and foot, for URLs) are read. */
#define HEAD_LINES 12
#define FOOT_LINES 8

typedef struct span {
  const char *s;
  size_t n;
} span;

static int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

/* Up to max non-blank lines from the head (or, with from_end, the foot),
 * trimmed, head first. */
static size_t lines_of(const char *s, size_t len, int from_end, span *out,
                       size_t max) {
  size_t k = 0;
  if (!from_end) {
    size_t i = 0;
    while (i < len && k < max) {
      const char *nl = memchr(s + i, '\n', len - i);
      size_t e = nl ? (size_t)(nl - s) : len, b = i;
      i = e + 1;
      while (b < e && (s[b] == ' ' || s[b] == '\t'))
        b++;
      while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
        e--;
      if (e > b)
        out[k++] = (span){s + b, e - b};
    }
    return k;
  }
  size_t e = len;
  while (e > 0 && k < max) {
    size_t b = e;
    while (b > 0 && s[b - 1] != '\n')
      b--;
    size_t ls = b, le = e;
    e = b ? b - 1 : 0;
    while (ls < le && (s[ls] == ' ' || s[ls] == '\t'))
      ls++;
    while (le > ls && (s[le - 1] == ' ' || s[le - 1] == '\t' ||
                       s[le - 1] == '\r' || s[le - 1] == '\n'))
      le--;
    if (le > ls)
      out[k++] = (span){s + ls, le - ls};
    if (!b)
      break;
  }
  return k;
}

/* Markdown emphasis and quoting around a line ("**Doha ...**", "> "). */
static span unwrap(span l) {
  while (l.n && (*l.s == '*' || *l.s == '_' || *l.s == '>' || *l.s == ' '))
    l.s++, l.n--;
  while (l.n && (l.s[l.n - 1] == '*' || l.s[l.n - 1] == '_' ||
                 l.s[l.n - 1] == ' '))
    l.n--;
  return l;
}

/* ----------------------------------------------------------------- URL */

/* The line is one http(s) URL, maybe in <...>, as a Markdown link
 * [..](url), or after "Source:" / "URL:". */
static span url_line(span l) {
  span none = {NULL, 0};
  l = unwrap(l);
  static const char *const labels[] = {"source:", "url:", "link:",
                                       "original:", NULL};
  for (size_t i = 0; labels[i]; i++) {
    size_t m = strlen(labels[i]);
    if (l.n > m && strncasecmp(l.s, labels[i], m) == 0) {
      l.s += m, l.n -= m;
      while (l.n && *l.s == ' ')
        l.s++, l.n--;
    }
  }
  if (l.n > 2 && l.s[0] == '[') {
    const char *p = memchr(l.s, ']', l.n);
    if (!p || (size_t)(p - l.s) + 2 >= l.n || p[1] != '(' ||
        l.s[l.n - 1] != ')')
      return none;
    size_t off = (size_t)(p - l.s) + 2;
    l.s += off, l.n -= off + 1;
  } else if (l.n > 2 && l.s[0] == '<' && l.s[l.n - 1] == '>') {
    l.s++, l.n -= 2;
  }
  if (!((l.n > 8 && strncmp(l.s, "https://", 8) == 0) ||
        (l.n > 7 && strncmp(l.s, "http://", 7) == 0)))
    return none;
  for (size_t i = 0; i < l.n; i++)
    if ((unsigned char)l.s[i] <= ' ' || l.s[i] == '<' || l.s[i] == '>' ||
        l.s[i] == '"')
      return none;
  return l;
}

/* ------------------------------------------------------------ dateline */

typedef struct dateline {
  span place;
  int month, day, year; /* 0 when not given */
  span credit;          /* inside the brackets */
} dateline;

/* One word of a place name at s[i]: a capital then letters, '.', '\'' or
 * '-', or any non-ASCII (a letter of another script, an accented one).
 * Returns its length, 0 when none; *caps says it is all capitals. */
static size_t place_word(const char *s, size_t n, size_t i, int *caps) {
  unsigned char c = (unsigned char)s[i];
  if (!(is_upper(c) || c >= 0x80))
    return 0;
  size_t j = i;
  *caps = 1;
  while (j < n) {
    c = (unsigned char)s[j];
    if (is_lower(c))
      *caps = 0;
    else if (!(is_upper(c) || c >= 0x80 || c == '.' || c == '\'' || c == '-'))
      break;
    j++;
  }
  return j - i;
}

/* Skips spaces; returns the new index. */
static size_t sp(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ')
    i++;
  return i;
}

/* The dash (or colon) that ends a dateline at s[i]; returns the index
 * after it, or 0. */
static size_t dash(const char *s, size_t n, size_t i) {
  i = sp(s, n, i);
  if (i + 1 < n && s[i] == '-' && s[i + 1] == '-')
    return i + 2;
  if (i < n && (s[i] == '-' || s[i] == ':'))
    return i + 1;
  if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
      (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93))
    return i + 3;
  return 0;
}

/* " Nov 24", " November 24, 2023" at s[i]: returns the index after, or
 * i when there is no date. */
static size_t date_part(const char *s, size_t n, size_t i, dateline *d) {
  size_t j = sp(s, n, i), w;
  int m = ws_date_month(s + j, n - j, &w);
  if (!m)
    return i;
  j = sp(s, n, j + w);
  int day = 0;
  size_t k = j;
  while (k < n && k - j < 2 && s[k] >= '0' && s[k] <= '9')
    day = day * 10 + (s[k++] - '0');
  if (k == j || day < 1 || day > 31 || (k < n && s[k] >= '0' && s[k] <= '9'))
    return i;
  d->month = m, d->day = day;
  /* An optional year: ", 2023" or " 2023". */
  size_t y = k;
  if (y < n && s[y] == ',')
    y++;
  y = sp(s, n, y);
  if (y + 4 <= n && (y + 4 == n || !(s[y + 4] >= '0' && s[y + 4] <= '9'))) {
    int year = 0, ok = 1;
    for (size_t q = y; q < y + 4; q++)
      ok &= s[q] >= '0' && s[q] <= '9', year = year * 10 + (s[q] - '0');
    if (ok && year >= 1800 && year <= 2200)
      d->year = year, k = y + 4;
  }
  return k;
}

static int parse_dateline(span l, dateline *d) {
  const char *s = l.s;
  size_t n = l.n, i = 0, words = 0;
  int caps = 1;
  memset(d, 0, sizeof *d);
  /* The place: up to six words, and one ", Region" after it. */
  for (int part = 0; part < 3; part++) {
    size_t start = i, w;
    int wc;
    while (words < 6 && (w = place_word(s, n, i, &wc))) {
      size_t w2;
      /* A month after a comma starts the date, not the place. */
      if (part > 0 && i == start && ws_date_month(s + i, n - i, &w2) &&
          w2 >= w - (s[i + w - 1] == '.'))
        break;
      caps &= wc;
      i += w, words++;
      if (i + 1 < n && s[i] == ' ' && (is_upper((unsigned char)s[i + 1]) ||
                                       (unsigned char)s[i + 1] >= 0x80))
        i++;
      else
        break;
    }
    if (i == start) {
      if (part == 0)
        return 0;
      i = start - 1; /* give back the comma */
      break;
    }
    d->place = (span){s, i};
    if (i < n && s[i] == ',' && part < 2)
      i = sp(s, n, i + 1);
    else
      break;
  }
  if (!d->place.n || d->place.n > 60)
    return 0;
  if (i < n && s[i] == ',')
    i++;
  i = date_part(s, n, i, d);
  size_t j = sp(s, n, i);
  if (j < n && s[j] == '(') {
    const char *close = memchr(s + j, ')', n - j);
    if (close && close - (s + j) > 1 && close - (s + j) <= 40) {
      d->credit = (span){s + j + 1, (size_t)(close - (s + j)) - 1};
      i = (size_t)(close - s) + 1;
    }
  }
  size_t after = dash(s, n, i);
  if (!after || after >= n)
    return 0;
  if (!d->month && !d->credit.n && !caps)
    return 0;
  /* "Doha: " with nothing else is a label, not a dateline. */
  if (s[after - 1] == ':' && !d->credit.n && !d->month)
    return 0;
  return 1;
}

/* The outlet behind a dateline's credit ("RHC" -> "Radio Habana Cuba"),
 * else the credit as written. */
static int set_outlet(ws_arena *ar, ws_article *a, span credit) {
  for (size_t i = 0; i < ws_words_news_agencies_len; i++) {
    const char *e = ws_words_news_agencies[i], *bar = strstr(e, " | ");
    if (!bar)
      continue;
    size_t k = (size_t)(bar - e);
    if (k == credit.n && strncasecmp(e, credit.s, k) == 0)
      return ws_read_set(ar, &a->outlet, bar + 3, strlen(bar + 3));
  }
  return ws_read_set(ar, &a->outlet, credit.s, credit.n);
}

/* "DOHA" -> "Doha", "ST. LOUIS, Mo." -> "St. Louis, Mo.": the city in
 * capitals (wire style) is written as a name; a part in mixed case, or
 * with letters beyond ASCII, is kept as written. */
static int set_place(ws_arena *ar, ws_article *a, span p) {
  if (a->place)
    return WS_OK;
  const char *comma = memchr(p.s, ',', p.n);
  size_t city = comma ? (size_t)(comma - p.s) : p.n;
  int caps = 1;
  for (size_t i = 0; i < city; i++) {
    unsigned char c = (unsigned char)p.s[i];
    if (is_lower(c) || c >= 0x80)
      caps = 0;
  }
  char buf[64];
  size_t n = p.n < sizeof buf ? p.n : sizeof buf - 1;
  memcpy(buf, p.s, n);
  for (size_t i = 0; caps && i < city && i < n; i++) {
    int start = i == 0 || p.s[i - 1] == ' ' || p.s[i - 1] == '-';
    if (!start && is_upper((unsigned char)buf[i]))
      buf[i] = (char)(buf[i] + 32);
  }
  return ws_read_set(ar, &a->place, buf, n);
}

/* The year of the full date in the text nearest to month/day, within 31
 * days of it; 0 when there is none. */
static int year_from_text(const char *s, size_t len, int month, int day) {
  long best_gap = 32;
  int best = 0;
  char iso[32];
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(is_upper(c) || (c >= '1' && c <= '9')) ||
        (i > 0 && ((unsigned char)s[i - 1] >= '0' && (unsigned char)s[i - 1] <= '9')))
      continue;
    if (i > 0 && (is_upper((unsigned char)s[i - 1]) || is_lower((unsigned char)s[i - 1])))
      continue;
    size_t n = len - i < 48 ? len - i : 48;
    ws_date_precision p = ws_date_parse(s + i, n, iso);
    if (p < WS_DATE_DAY)
      continue;
    int y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 +
            (iso[2] - '0') * 10 + (iso[3] - '0');
    int m = (iso[5] - '0') * 10 + (iso[6] - '0');
    int d = (iso[8] - '0') * 10 + (iso[9] - '0');
    long e = ws_date_days(y, m, d);
    for (int cand = y - 1; cand <= y + 1; cand++) {
      long gap = ws_date_days(cand, month, day) - e;
      if (gap < 0)
        gap = -gap;
      if (gap < best_gap)
        best_gap = gap, best = cand;
    }
  }
  return best;
}

static int set_dateline_date(ws_arena *ar, ws_article *a, const dateline *d) {
  if (a->published || !d->month)
    return WS_OK;
  int year = d->year ? d->year : year_from_text(a->text, a->len, d->month, d->day);
  char iso[32];
  if (year) {
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, d->month, d->day);
    char check[32];
    if (ws_date_parse(iso, strlen(iso), check) != WS_DATE_DAY)
      return WS_OK; /* "Feb 30" */
    a->precision = WS_DATE_DAY;
  } else {
    if (d->day > 31)
      return WS_OK;
    snprintf(iso, sizeof iso, "--%02d-%02d", d->month, d->day);
    a->precision = WS_DATE_MONTH_DAY;
  }
  return ws_read_set(ar, &a->published, iso, strlen(iso));
}

int ws_dateline_read(ws_arena *ar, ws_article *a) {
  span head[HEAD_LINES], foot[FOOT_LINES];
  size_t nh = lines_of(a->text, a->len, 0, head, HEAD_LINES);
  int rc = WS_OK;
  /* A Markdown heading as the first line is the title. */
  if (nh && (a->format == WS_FORMAT_TXT || a->format == WS_FORMAT_MD) &&
      head[0].n > 2 && head[0].s[0] == '#') {
    span t = head[0];
    while (t.n && t.s[0] == '#')
      t.s++, t.n--;
    if (t.n && t.s[0] == ' ')
      if ((rc = ws_read_set(ar, &a->title, unwrap(t).s, unwrap(t).n)))
        return rc;
  }
  for (size_t i = 0; i < nh; i++) {
    dateline d;
    if (!parse_dateline(unwrap(head[i]), &d))
      continue;
    if ((rc = set_place(ar, a, d.place)) ||
        (d.credit.n && (rc = set_outlet(ar, a, d.credit))) ||
        (rc = set_dateline_date(ar, a, &d)))
      return rc;
    break;
  }
  if (!a->url) {
    for (size_t i = 0; i < nh; i++) {
      span u = url_line(head[i]);
      if (u.n)
        return ws_read_set(ar, &a->url, u.s, u.n);
    }
    size_t nf = lines_of(a->text, a->len, 1, foot, FOOT_LINES);
    for (size_t i = 0; i < nf; i++) {
      span u = url_line(foot[i]);
      if (u.n)
        return ws_read_set(ar, &a->url, u.s, u.n);
    }
  }
  return WS_OK;
}
