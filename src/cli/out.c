/*
 * out.c - output helpers shared by the CLI commands.
 */
#include "out.h"

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
