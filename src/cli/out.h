/*
 * out.h - output helpers shared by the CLI commands: JSON strings, and
 * result tables printed as an aligned terminal table or as JSON, JSON
 * lines, CSV or TSV for scripts.
 */
#ifndef WS_CLI_OUT_H
#define WS_CLI_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes s[0..n) as a JSON string literal (with quotes), escaping
 * control characters, quotes and backslashes.  s must be valid UTF-8. */
void out_json_string(FILE *f, const char *s, size_t n);

/* A file name as the CLI shows it: control characters as \n, \t, \r or
 * \xHH, bytes that are not UTF-8 as \xHH and a backslash as \\, so a
 * name with a newline or in another encoding prints on one line as valid
 * UTF-8 (and valid JSON).  Returns s itself when nothing needs escaping,
 * else an escaped copy kept until the program exits (names are shown
 * once or a few times); s when out of memory. */
const char *out_name(const char *s);

/* Display width of s[0..n) in terminal columns (utf8proc_charwidth),
 * ignoring the highlight markers OUT_HL_ON / OUT_HL_OFF. */
size_t out_width(const char *s, size_t n);

/* Markers around highlighted text inside cell strings: shown in colour in
 * a terminal table, dropped everywhere else. */
#define OUT_HL_ON '\001'
#define OUT_HL_OFF '\002'

typedef enum out_format {
  OUT_TABLE,
  OUT_JSON,
  OUT_JSONL,
  OUT_CSV,
  OUT_TSV
} out_format;

/* Parses "table", "json", "jsonl", "csv", "tsv"; -1 when unknown. */
int out_format_parse(const char *name);

typedef enum out_col_type {
  OUT_STR, /* text, or null */
  OUT_INT, /* a number (JSON number, right-aligned in a table) */
  OUT_LIST /* several strings: a JSON array, lines in a table cell,
              "; "-joined in CSV/TSV */
} out_col_type;

enum out_col_flags {
  OUT_WRAP = 1,     /* the column that wraps to fit the terminal */
  OUT_NOTABLE = 2,  /* scripts only: not shown in a terminal table */
  OUT_TABLEONLY = 4 /* terminal table only: not in script formats */
};

typedef struct out_table out_table;

/* Starts a table written to f.  width is the terminal width for table
 * output (0: no limit, nothing wrapped or cut); color turns on bold
 * headers and highlighted matches.  Returns NULL when out of memory.
 * Finish (and free) with out_table_end. */
out_table *out_table_new(FILE *f, out_format fmt, int width, int color);

/* Declares the next column; all columns before the first cell. */
void out_table_col(out_table *t, const char *name, out_col_type type,
                   int flags);

/* The cells of a row, in column order; then out_row_end. */
void out_cell_str(out_table *t, const char *s);
void out_cell_int(out_table *t, int64_t v);
void out_cell_list(out_table *t, const char *const *items, size_t n);
void out_row_end(out_table *t);

/* Rows written so far. */
size_t out_table_rows(const out_table *t);

/* Prints what is still buffered and frees the table.  Accepts NULL. */
void out_table_end(out_table *t);

#endif
