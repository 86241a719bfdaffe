/*
 * out.c - output helpers shared by the CLI commands.
 *
 * A table is declared column by column, then filled row by row.  Script
 * formats (JSON, JSON lines, CSV, TSV) are written as each row ends; the
 * terminal table is buffered in chunks of up to CHUNK rows so that column
 * widths fit their content, measured in display columns (utf8proc), with
 * the OUT_WRAP column given most of the room; text wraps at spaces and
 * list items (paths) are cut at the front with "…".
 */
#include "out.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#define CHUNK 1000
#define MAXCOLS 16
#define LIST_SEP '\037' /* between the items of a list cell */
#define GAP 2           /* spaces between table columns */

/* The escaped names made by out_name(), freed at exit. */
static char **names_kept;
static size_t n_names_kept, cap_names_kept;

static void free_names_kept(void) {
  for (size_t i = 0; i < n_names_kept; i++)
    free(names_kept[i]);
  free(names_kept);
}

/* Bytes of the valid UTF-8 character at s[0..n) other than a control
 * character, or 0. */
static size_t name_char(const char *s, size_t n) {
  unsigned char c = (unsigned char)*s;
  if (c < 0x20 || c == 0x7f || c == '\\')
    return 0;
  if (c < 0x80)
    return 1;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        (utf8proc_ssize_t)n, &cp);
  return k > 0 && cp >= 0xa0 ? (size_t)k : 0; /* C1 controls escaped */
}

const char *out_name(const char *s) {
  size_t n = strlen(s), i = 0, k;
  while (i < n && (k = name_char(s + i, n - i)) > 0)
    i += k;
  if (i == n)
    return s;
  if (n > (SIZE_MAX - 1) / 4 || n_names_kept == SIZE_MAX / 2)
    return s;
  char *out = malloc(4 * n + 1); /* \xHH is the longest escape */
  if (!out)
    return s;
  if (n_names_kept == cap_names_kept) {
    size_t nc = cap_names_kept ? cap_names_kept * 2 : 16;
    char **nn = realloc(names_kept, nc * sizeof *nn);
    if (!nn) {
      free(out);
      return s;
    }
    if (!names_kept)
      atexit(free_names_kept);
    names_kept = nn;
    cap_names_kept = nc;
  }
  size_t o = 0;
  for (i = 0; i < n; i += k) {
    if ((k = name_char(s + i, n - i)) > 0) {
      memcpy(out + o, s + i, k);
      o += k;
      continue;
    }
    k = 1;
    unsigned char c = (unsigned char)s[i];
    const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t"
                    : c == '\r' ? "\\r" : c == '\\' ? "\\\\" : NULL;
    if (esc) {
      memcpy(out + o, esc, 2);
      o += 2;
    } else {
      static const char hex[] = "0123456789abcdef";
      out[o++] = '\\';
      out[o++] = 'x';
      out[o++] = hex[c >> 4];
      out[o++] = hex[c & 15];
    }
  }
  out[o] = '\0';
  names_kept[n_names_kept++] = out;
  return out;
}

void out_json_string(FILE *f, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  putc('"', f);
  size_t run = 0; /* start of the pending run of plain bytes */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\')
      continue;
    fwrite(s + run, 1, i - run, f);
    run = i + 1;
    switch (c) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      fputs("\\u00", f);
      putc(hex[c >> 4], f);
      putc(hex[c & 15], f);
    }
  }
  fwrite(s + run, 1, n - run, f);
  putc('"', f);
}

/* Decodes one code point; invalid bytes count as one column each. */
static size_t cp_at(const char *s, size_t n, size_t i, int32_t *cp) {
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(n - i), cp);
  if (k <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  return (size_t)k;
}

static size_t cp_width(int32_t cp) {
  if (cp == OUT_HL_ON || cp == OUT_HL_OFF)
    return 0;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : (size_t)w;
}

size_t out_width(const char *s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    i += cp_at(s, n, i, &cp);
    w += cp_width(cp);
  }
  return w;
}

int out_format_parse(const char *name) {
  static const char *const names[] = {"table", "json", "jsonl", "csv", "tsv"};
  for (int i = 0; i < 5; i++)
    if (strcmp(name, names[i]) == 0)
      return i;
  return -1;
}

typedef struct cell {
  char *s; /* NULL for null; lists are LIST_SEP-joined */
} cell;

struct out_table {
  FILE *f;
  out_format fmt;
  int width, color;
  size_t ncols;
  const char *names[MAXCOLS];
  out_col_type types[MAXCOLS];
  int flags[MAXCOLS];
  cell *rows; /* buffered rows (table format), ncols cells each */
  size_t nrows, caprows;
  cell cur[MAXCOLS];
  size_t ncur;
  size_t written; /* rows finished */
  int header_done;
};

out_table *out_table_new(FILE *f, out_format fmt, int width, int color) {
  out_table *t = calloc(1, sizeof *t);
  if (!t)
    return NULL;
  t->f = f;
  t->fmt = fmt;
  t->width = width;
  t->color = color && fmt == OUT_TABLE;
  return t;
}

void out_table_col(out_table *t, const char *name, out_col_type type,
                   int flags) {
  if (t->ncols == MAXCOLS)
    return;
  t->names[t->ncols] = name;
  t->types[t->ncols] = type;
  t->flags[t->ncols++] = flags;
}

static void add_cell(out_table *t, char *s) {
  if (t->ncur < MAXCOLS)
    t->cur[t->ncur++].s = s;
  else
    free(s);
}

void out_cell_str(out_table *t, const char *s) {
  add_cell(t, s ? strdup(s) : NULL);
}

void out_cell_int(out_table *t, int64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", (long long)v);
  add_cell(t, strdup(buf));
}

void out_cell_list(out_table *t, const char *const *items, size_t n) {
  size_t len = 1;
  for (size_t i = 0; i < n; i++)
    len += strlen(items[i]) + 1;
  char *p = malloc(len), *o = p;
  if (!p) {
    add_cell(t, NULL);
    return;
  }
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(items[i]);
    if (i)
      *o++ = LIST_SEP;
    memcpy(o, items[i], l);
    o += l;
  }
  *o = '\0';
  add_cell(t, p);
}

/* Writes s without highlight markers, replacing list separators. */
static void put_plain(FILE *f, const char *s, const char *sep) {
  for (; *s; s++) {
    if (*s == OUT_HL_ON || *s == OUT_HL_OFF)
      continue;
    if (*s == LIST_SEP)
      fputs(sep, f);
    else
      putc(*s, f);
  }
}

/* s without markers, for JSON. */
static void put_json_plain(FILE *f, const char *s, size_t n) {
  char *tmp = malloc(n + 1);
  size_t o = 0;
  if (!tmp) {
    out_json_string(f, s, n);
    return;
  }
  for (size_t i = 0; i < n; i++)
    if (s[i] != OUT_HL_ON && s[i] != OUT_HL_OFF)
      tmp[o++] = s[i];
  out_json_string(f, tmp, o);
  free(tmp);
}

static void put_json_row(out_table *t, const cell *c) {
  putc('{', t->f);
  int first_col = 1;
  for (size_t i = 0; i < t->ncols; i++) {
    if (t->flags[i] & OUT_TABLEONLY)
      continue;
    if (!first_col)
      putc(',', t->f);
    first_col = 0;
    out_json_string(t->f, t->names[i], strlen(t->names[i]));
    putc(':', t->f);
    const char *s = i < t->ncur ? c[i].s : NULL;
    if (!s) {
      fputs(t->types[i] == OUT_LIST ? "[]" : "null", t->f);
    } else if (t->types[i] == OUT_INT) {
      fputs(s, t->f);
    } else if (t->types[i] == OUT_LIST) {
      putc('[', t->f);
      const char *p = s;
      int first = 1;
      while (*s) {
        const char *e = strchr(p, LIST_SEP);
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (!first)
          putc(',', t->f);
        first = 0;
        put_json_plain(t->f, p, l);
        if (!e)
          break;
        p = e + 1;
      }
      putc(']', t->f);
    } else {
      put_json_plain(t->f, s, strlen(s));
    }
  }
  putc('}', t->f);
}

static void put_sv_field(out_table *t, const char *s) {
  if (!s)
    return;
  if (t->fmt == OUT_TSV) {
    /* TSV cannot quote: escape the separators (IANA text/tab-separated). */
    for (; *s; s++) {
      if (*s == OUT_HL_ON || *s == OUT_HL_OFF)
        continue;
      if (*s == '\t')
        fputs("\\t", t->f);
      else if (*s == '\n')
        fputs("\\n", t->f);
      else if (*s == '\r')
        fputs("\\r", t->f);
      else if (*s == '\\')
        fputs("\\\\", t->f);
      else if (*s == LIST_SEP)
        fputs("; ", t->f);
      else
        putc(*s, t->f);
    }
    return;
  }
  /* CSV, RFC 4180: quote fields holding separators, quotes or newlines. */
  if (!strpbrk(s, ",\"\n\r")) {
    put_plain(t->f, s, "; ");
    return;
  }
  putc('"', t->f);
  for (; *s; s++) {
    if (*s == OUT_HL_ON || *s == OUT_HL_OFF)
      continue;
    if (*s == '"')
      putc('"', t->f);
    if (*s == LIST_SEP)
      fputs("; ", t->f);
    else
      putc(*s, t->f);
  }
  putc('"', t->f);
}

static void put_sv_row(out_table *t, const cell *c, int header) {
  char sep = t->fmt == OUT_TSV ? '\t' : ',';
  int first_col = 1;
  for (size_t i = 0; i < t->ncols; i++) {
    if (t->flags[i] & OUT_TABLEONLY)
      continue;
    if (!first_col)
      putc(sep, t->f);
    first_col = 0;
    put_sv_field(t, header ? t->names[i] : i < t->ncur ? c[i].s : NULL);
  }
  fputs(t->fmt == OUT_CSV ? "\r\n" : "\n", t->f);
}

/* ---------------------------------------------------------- terminal table */

/* One printed line of a cell: s[0..n); cut 1 prints "…" after it, 2
 * before it. */
typedef struct seg {
  const char *s;
  size_t n;
  int cut;
} seg;

/* Breaks cell text into lines of at most w columns (w == 0: no limit):
 * list items and newlines start lines; `wrap` breaks at spaces, otherwise
 * overlong lines are cut.  Returns the number of segments (at most max). */
static size_t layout(const char *s, size_t w, int wrap, seg *out, size_t max) {
  size_t n = 0;
  if (!s || !*s)
    return 0;
  const char *p = s;
  while (n < max) {
    const char *e = p;
    while (*e && *e != LIST_SEP && *e != '\n')
      e++;
    size_t len = (size_t)(e - p);
    /* Lay out p[0..len) in pieces of width <= w. */
    size_t i = 0;
    do {
      size_t width = 0, j = i, last_space = 0;
      while (j < len) {
        int32_t cp;
        size_t k = cp_at(p, len, j, &cp);
        size_t cw = cp_width(cp);
        if (w && width + cw > w)
          break;
        if (cp == ' ')
          last_space = j;
        width += cw;
        j += k;
      }
      if (j >= len || !w) {
        out[n++] = (seg){p + i, len - i, 0};
        break;
      }
      if (!wrap) {
        /* Cut the front, keeping the end ("…/article.txt:12"): in a path
         * or a file:line the end says the most. */
        size_t total = out_width(p + i, len - i), jj = i;
        while (jj < len && total + 1 > w) {
          int32_t cp;
          size_t k = cp_at(p, len, jj, &cp);
          total -= cp_width(cp);
          jj += k;
        }
        out[n++] = (seg){p + jj, len - jj, 2};
        break;
      }
      size_t brk = last_space > i ? last_space : j;
      out[n++] = (seg){p + i, brk - i, 0};
      i = brk;
      while (i < len && p[i] == ' ')
        i++;
    } while (i < len && n < max);
    if (!*e)
      break;
    p = e + 1;
  }
  return n;
}

/* Prints a segment, colouring highlighted spans; returns its width. */
static size_t put_seg(out_table *t, const seg *g, int *hl) {
  size_t w = 0;
  if (g->cut == 2) {
    fputs("\xE2\x80\xA6", t->f);
    w++;
  }
  if (*hl && t->color)
    fputs("\033[1;31m", t->f);
  for (size_t i = 0; i < g->n;) {
    int32_t cp;
    size_t k = cp_at(g->s, g->n, i, &cp);
    if (cp == OUT_HL_ON || cp == OUT_HL_OFF) {
      *hl = cp == OUT_HL_ON;
      if (t->color)
        fputs(*hl ? "\033[1;31m" : "\033[0m", t->f);
    } else {
      fwrite(g->s + i, 1, k, t->f);
      w += cp_width(cp);
    }
    i += k;
  }
  if (g->cut == 1) {
    fputs("\xE2\x80\xA6", t->f);
    w++;
  }
  if (*hl && t->color)
    fputs("\033[0m", t->f);
  return w;
}

static void pad(FILE *f, size_t n) {
  while (n--)
    putc(' ', f);
}

#define MAXSEG 256

static void flush_table(out_table *t) {
  if (!t->nrows && t->header_done)
    return;
  size_t vis[MAXCOLS], nv = 0;
  for (size_t i = 0; i < t->ncols; i++)
    if (!(t->flags[i] & OUT_NOTABLE))
      vis[nv++] = i;
  size_t width[MAXCOLS] = {0};
  seg *segs = malloc(MAXSEG * sizeof *segs);
  if (!segs)
    return;
  for (size_t v = 0; v < nv; v++) {
    size_t c = vis[v];
    width[v] = out_width(t->names[c], strlen(t->names[c]));
    for (size_t r = 0; r < t->nrows; r++) {
      const char *s = t->rows[r * t->ncols + c].s;
      size_t n = layout(s, 0, 0, segs, MAXSEG);
      for (size_t k = 0; k < n; k++) {
        size_t w = out_width(segs[k].s, segs[k].n);
        if (w > width[v])
          width[v] = w;
      }
    }
  }
  if (t->width > 0) {
    /* Fit the terminal.  The OUT_WRAP column (the quote) is promised two
     * fifths of the width; the others share the rest by water-filling:
     * narrow columns keep their width, wide ones split what is left. */
    size_t total = 0, wrapv = nv;
    for (size_t v = 0; v < nv; v++) {
      if (t->flags[vis[v]] & OUT_WRAP)
        wrapv = v;
      total += width[v] + (v ? GAP : 0);
    }
    if (total > (size_t)t->width) {
      size_t tw = (size_t)t->width, gaps = nv > 1 ? (nv - 1) * GAP : 0;
      size_t want = wrapv < nv ? width[wrapv] : 0;
      size_t floor = tw * 2 / 5 > 20 ? tw * 2 / 5 : 20;
      size_t give = want < floor ? want : floor;
      size_t left = tw > give + gaps ? tw - give - gaps : nv * 4;
      size_t n_other = wrapv < nv ? nv - 1 : nv;
      int done[MAXCOLS] = {0};
      while (n_other > 0) {
        size_t share = left / n_other, fit = nv;
        for (size_t v = 0; v < nv; v++)
          if (v != wrapv && !done[v] && width[v] <= share) {
            fit = v;
            break;
          }
        if (fit == nv) { /* all wider than their share: cut them to it */
          for (size_t v = 0; v < nv; v++)
            if (v != wrapv && !done[v])
              width[v] = share > 4 ? share : 4;
          break;
        }
        done[fit] = 1;
        left -= width[fit];
        n_other--;
      }
      if (wrapv < nv) {
        size_t used = gaps;
        for (size_t v = 0; v < nv; v++)
          if (v != wrapv)
            used += width[v];
        width[wrapv] = tw > used + 20 ? tw - used : 20;
        if (width[wrapv] > want)
          width[wrapv] = want;
      }
    }
  }
  if (!t->header_done) {
    if (t->color)
      fputs("\033[1m", t->f);
    size_t line = 0;
    for (size_t v = 0; v < nv; v++) {
      const char *h = t->names[vis[v]];
      size_t w = out_width(h, strlen(h));
      if (v)
        pad(t->f, GAP);
      /* Headers in capitals, like ps(1) and friends. */
      for (const char *p = h; *p; p++)
        putc(*p >= 'a' && *p <= 'z' ? *p - 32 : *p, t->f);
      line = w;
      if (v + 1 < nv)
        pad(t->f, width[v] > w ? width[v] - w : 0);
    }
    (void)line;
    if (t->color)
      fputs("\033[0m", t->f);
    putc('\n', t->f);
    t->header_done = 1;
  }
  seg *cs[MAXCOLS];
  size_t cn[MAXCOLS];
  for (size_t v = 0; v < nv; v++)
    cs[v] = malloc(MAXSEG * sizeof(seg));
  for (size_t r = 0; r < t->nrows; r++) {
    size_t lines = 1;
    for (size_t v = 0; v < nv; v++) {
      size_t c = vis[v];
      /* Text wraps; list items (paths) are cut at the front. */
      cn[v] = cs[v] ? layout(t->rows[r * t->ncols + c].s, width[v],
                             t->types[c] != OUT_LIST, cs[v], MAXSEG)
                    : 0;
      if (cn[v] > lines)
        lines = cn[v];
    }
    for (size_t l = 0; l < lines; l++) {
      int hl = 0;
      size_t owed = 0; /* padding not yet printed (trailing is dropped) */
      for (size_t v = 0; v < nv; v++) {
        size_t c = vis[v];
        size_t w = 0;
        if (l < cn[v]) {
          int right = t->types[c] == OUT_INT;
          size_t sw = out_width(cs[v][l].s, cs[v][l].n) + (cs[v][l].cut != 0);
          pad(t->f, owed + (right && width[v] > sw ? width[v] - sw : 0));
          owed = 0;
          /* Highlighting continues across the wrapped lines of a cell. */
          hl = 0;
          for (size_t k = 0; k < l; k++)
            for (size_t b = 0; b < cs[v][k].n; b++)
              if (cs[v][k].s[b] == OUT_HL_ON || cs[v][k].s[b] == OUT_HL_OFF)
                hl = cs[v][k].s[b] == OUT_HL_ON;
          w = put_seg(t, &cs[v][l], &hl) +
              (right && width[v] > sw ? width[v] - sw : 0);
        }
        owed += (width[v] > w ? width[v] - w : 0) + GAP;
      }
      putc('\n', t->f);
    }
  }
  for (size_t v = 0; v < nv; v++)
    free(cs[v]);
  free(segs);
  for (size_t i = 0; i < t->nrows * t->ncols; i++)
    free(t->rows[i].s);
  t->nrows = 0;
}

void out_row_end(out_table *t) {
  while (t->ncur < t->ncols)
    t->cur[t->ncur++].s = NULL;
  switch (t->fmt) {
  case OUT_JSON:
    fputs(t->written ? ",\n" : "[\n", t->f);
    put_json_row(t, t->cur);
    break;
  case OUT_JSONL:
    put_json_row(t, t->cur);
    putc('\n', t->f);
    break;
  case OUT_CSV:
  case OUT_TSV:
    if (!t->header_done) {
      put_sv_row(t, NULL, 1);
      t->header_done = 1;
    }
    put_sv_row(t, t->cur, 0);
    break;
  case OUT_TABLE:
    if (t->nrows == t->caprows) {
      size_t nc = t->caprows ? t->caprows * 2 : 64;
      cell *nr = realloc(t->rows, nc * t->ncols * sizeof *nr);
      if (!nr)
        break;
      t->rows = nr;
      t->caprows = nc;
    }
    memcpy(t->rows + t->nrows * t->ncols, t->cur, t->ncols * sizeof(cell));
    t->nrows++;
    t->ncur = 0;
    t->written++;
    if (t->nrows == CHUNK)
      flush_table(t);
    return;
  }
  for (size_t i = 0; i < t->ncur; i++)
    free(t->cur[i].s);
  t->ncur = 0;
  t->written++;
}

size_t out_table_rows(const out_table *t) {
  return t->written;
}

void out_table_end(out_table *t) {
  if (!t)
    return;
  for (size_t i = 0; i < t->ncur; i++)
    free(t->cur[i].s);
  if (t->fmt == OUT_TABLE && t->written)
    flush_table(t);
  else if (t->fmt == OUT_JSON)
    fputs(t->written ? "\n]\n" : "[]\n", t->f);
  free(t->rows);
  free(t);
}
