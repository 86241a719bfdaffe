/*
 * date.c - publication dates as news sources write them, normalised to
 * ISO 8601 with their precision.
 *
 * Forms read (each may be followed by text that is not part of it):
 *   ISO 8601 / RFC 3339   2023-11-24, 2023-11, 2023, 20231124,
 *                         2023-11-24T10:30[:15[.123]][Z|+03:00|+0300]
 *                         (a space for the T is accepted, as SQL writes it)
 *   slashes               2023/11/24
 *   RFC 2822 (e-mail, RSS) Fri, 24 Nov 2023 10:30:00 +0300
 *   prose (AP style)      November 24, 2023; Nov. 24, 2023; 24 November 2023
 * Day-first and month-first numeric dates (11/24/2023, 24.11.2023) are
 * ambiguous and are not read.  A time with a zone is converted to UTC so
 * that dates from different outlets sort together.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "read/read.h"

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

const char *ws_date_precision_name(ws_date_precision p) {
  static const char *const names[] = {"none",      "year", "month",
                                      "month-day", "day",  "minute",
                                      "second"};
  return (unsigned)p < 7 ? names[p] : "none";
}

int ws_date_month(const char *s, size_t len, size_t *n) {
  size_t w = 0;
  while (w < len && isalpha((unsigned char)s[w]))
    w++;
  if (w < 3)
    return 0;
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(month_names[m]);
    if (w > full)
      continue;
    int ok = 1;
    for (size_t i = 0; i < w && ok; i++)
      ok = tolower((unsigned char)s[i]) == month_names[m][i];
    /* The whole name, its first three letters, or "Sept". */
    if (!ok || !(w == full || w == 3 || (m == 8 && w == 4)))
      continue;
    *n = w + (w < len && s[w] == '.');
    return m + 1;
  }
  return 0;
}

static int days_in_month(int y, int m) {
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : d[m - 1];
}

/* Reads exactly k digits at s[*i]; returns the number or -1. */
static int digits(const char *s, size_t len, size_t *i, int k) {
  int v = 0;
  for (int j = 0; j < k; j++) {
    if (*i + (size_t)j >= len || !isdigit((unsigned char)s[*i + (size_t)j]))
      return -1;
    v = v * 10 + (s[*i + (size_t)j] - '0');
  }
  if (*i + (size_t)k < len && isdigit((unsigned char)s[*i + (size_t)k]))
    return -1; /* more digits than the field holds */
  *i += (size_t)k;
  return v;
}

/* 1 or 2 digits. */
static int digits12(const char *s, size_t len, size_t *i) {
  if (*i + 1 < len && isdigit((unsigned char)s[*i + 1]))
    return digits(s, len, i, 2);
  return digits(s, len, i, 1);
}

typedef struct dt {
  int y, mo, d, h, mi, s;
  int zone;     /* 1 when a zone was given */
  int zone_min; /* its offset east of UTC in minutes */
  ws_date_precision prec;
} dt;

static size_t skip_space(const char *s, size_t len, size_t i) {
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
    i++;
  return i;
}

/* A time "10:30[:15[.123]]" at s[*i], then an optional zone. */
static int read_time(const char *s, size_t len, size_t *i, dt *t) {
  size_t j = *i;
  int h = digits(s, len, &j, 2);
  if (h < 0 || h > 23 || j >= len || s[j] != ':')
    return 0;
  j++;
  int mi = digits(s, len, &j, 2);
  if (mi < 0 || mi > 59)
    return 0;
  t->h = h, t->mi = mi, t->prec = WS_DATE_MINUTE;
  if (j < len && s[j] == ':') {
    size_t k = j + 1;
    int sec = digits(s, len, &k, 2);
    if (sec >= 0 && sec <= 60) {
      t->s = sec > 59 ? 59 : sec, t->prec = WS_DATE_SECOND, j = k;
      if (j < len && (s[j] == '.' || s[j] == ','))
        for (j++; j < len && isdigit((unsigned char)s[j]);)
          j++;
    }
  }
  size_t k = skip_space(s, len, j);
  if (k < len && (s[k] == 'Z' || s[k] == 'z') &&
      (k + 1 == len || !isalpha((unsigned char)s[k + 1]))) {
    t->zone = 1, j = k + 1;
  } else if (k + 2 < len && (s[k] == 'U' || s[k] == 'G') &&
             (strncmp(s + k, "UTC", 3) == 0 || strncmp(s + k, "GMT", 3) == 0)) {
    t->zone = 1, j = k + 3;
  } else if (k < len && (s[k] == '+' || s[k] == '-')) {
    size_t z = k + 1;
    int zh = -1, zm = 0;
    if (z + 1 < len && isdigit((unsigned char)s[z]) &&
        isdigit((unsigned char)s[z + 1])) {
      zh = (s[z] - '0') * 10 + (s[z + 1] - '0');
      z += 2;
      if (z < len && s[z] == ':')
        z++;
      if (z + 1 < len && isdigit((unsigned char)s[z]) &&
          isdigit((unsigned char)s[z + 1])) {
        zm = (s[z] - '0') * 10 + (s[z + 1] - '0');
        z += 2;
      }
    }
    if (zh >= 0 && zh <= 14 && zm < 60) {
      t->zone = 1;
      t->zone_min = (s[k] == '-' ? -1 : 1) * (zh * 60 + zm);
      j = z;
    }
  }
  *i = j;
  return 1;
}

/* ISO 8601: 2023, 2023-11, 2023-11-24, 20231124, 2023/11/24, then an
 * optional time. */
static int read_iso(const char *s, size_t len, dt *t) {
  size_t i = 0;
  int y = digits(s, len, &i, 4);
  if (y < 0) {
    i = 0;
    /* The basic form 20231124. */
    int all = digits(s, len, &i, 8);
    if (all < 0)
      return 0;
    t->y = all / 10000, t->mo = all / 100 % 100, t->d = all % 100;
    t->prec = WS_DATE_DAY;
  } else {
    t->y = y, t->prec = WS_DATE_YEAR;
    char sep = i < len ? s[i] : 0;
    if (sep == '-' || sep == '/') {
      i++;
      int mo = digits(s, len, &i, 2);
      if (mo < 0)
        return 0;
      t->mo = mo, t->prec = WS_DATE_MONTH;
      if (i < len && s[i] == sep) {
        i++;
        int d = digits(s, len, &i, 2);
        if (d < 0)
          return 0;
        t->d = d, t->prec = WS_DATE_DAY;
      }
    } else if (i < len && isalnum((unsigned char)s[i])) {
      return 0;
    }
  }
  if (t->prec == WS_DATE_DAY && i + 1 < len && (s[i] == 'T' || s[i] == ' ') &&
      isdigit((unsigned char)s[i + 1])) {
    size_t j = i + 1;
    dt save = *t;
    if (!read_time(s, len, &j, t))
      *t = save;
  }
  return 1;
}

/* "November 24, 2023", "Nov. 24 2023", "24 November 2023", with an
 * optional weekday before ("Fri, 24 Nov 2023 10:30:00 +0300") and an
 * optional time after. */
static int read_prose(const char *s, size_t len, dt *t) {
  size_t i = 0, n;
  /* A weekday name and its comma. */
  size_t w = 0;
  while (w < len && isalpha((unsigned char)s[w]))
    w++;
  if (w >= 3 && !ws_date_month(s, len, &n)) {
    i = w;
    if (i < len && s[i] == '.')
      i++;
    if (i < len && s[i] == ',')
      i++;
    i = skip_space(s, len, i);
  }
  int mo, d, y;
  if ((mo = ws_date_month(s + i, len - i, &n))) {
    i = skip_space(s, len, i + n);
    if ((d = digits12(s, len, &i)) < 0)
      return 0;
    /* 24th */
    if (i + 1 < len && isalpha((unsigned char)s[i]) && isalpha((unsigned char)s[i + 1]))
      i += 2;
    if (i < len && s[i] == ',')
      i++;
    i = skip_space(s, len, i);
    if ((y = digits(s, len, &i, 4)) < 0)
      return 0;
  } else {
    if ((d = digits12(s, len, &i)) < 0)
      return 0;
    if (i < len && s[i] == '.')
      i++;
    i = skip_space(s, len, i);
    if (!(mo = ws_date_month(s + i, len - i, &n)))
      return 0;
    i = skip_space(s, len, i + n);
    if (i < len && s[i] == ',')
      i = skip_space(s, len, i + 1);
    if ((y = digits(s, len, &i, 4)) < 0)
      return 0;
  }
  t->y = y, t->mo = mo, t->d = d, t->prec = WS_DATE_DAY;
  size_t j = skip_space(s, len, i);
  if (j < len && s[j] == ',')
    j = skip_space(s, len, j + 1);
  if (j + 3 < len && (s[j] == 'a' || s[j] == 'A') && s[j + 1] == 't' && s[j + 2] == ' ')
    j = skip_space(s, len, j + 3);
  dt save = *t;
  if (!read_time(s, len, &j, t))
    *t = save;
  return 1;
}

/* H. Hinnant's days_from_civil (proleptic Gregorian). */
long ws_date_days(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void ws_date_civil(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

ws_date_precision ws_date_parse(const char *s, size_t len, char *out) {
  out[0] = '\0';
  size_t i = skip_space(s, len, 0);
  s += i, len -= i;
  dt t;
  memset(&t, 0, sizeof t);
  if (!read_iso(s, len, &t)) {
    memset(&t, 0, sizeof t);
    if (!read_prose(s, len, &t))
      return WS_DATE_NONE;
  }
  /* Years a news archive can hold; the rest is a number, not a date. */
  if (t.y < 1800 || t.y > 2200)
    return WS_DATE_NONE;
  if (t.prec >= WS_DATE_MONTH && (t.mo < 1 || t.mo > 12))
    return WS_DATE_NONE;
  if (t.prec >= WS_DATE_DAY && (t.d < 1 || t.d > days_in_month(t.y, t.mo)))
    return WS_DATE_NONE;
  if (t.prec >= WS_DATE_MINUTE && t.zone && t.zone_min) {
    long mins = (ws_date_days(t.y, t.mo, t.d) * 24 + t.h) * 60 + t.mi -
                t.zone_min;
    long days = mins >= 0 ? mins / 1440 : -((-mins + 1439) / 1440);
    mins -= days * 1440;
    ws_date_civil(days, &t.y, &t.mo, &t.d);
    t.h = (int)(mins / 60), t.mi = (int)(mins % 60);
  }
  switch (t.prec) {
  case WS_DATE_YEAR:
    snprintf(out, 32, "%04d", t.y);
    break;
  case WS_DATE_MONTH:
    snprintf(out, 32, "%04d-%02d", t.y, t.mo);
    break;
  case WS_DATE_DAY:
    snprintf(out, 32, "%04d-%02d-%02d", t.y, t.mo, t.d);
    break;
  default:
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%s", t.y, t.mo, t.d, t.h,
             t.mi, t.s, t.zone ? "Z" : "");
    break;
  }
  return t.prec;
}
