/*
 * cue.c - the attribution cue lexicon.
 *
 * Verbs of saying, writing and reporting (the "reporting verbs" of Quirk et
 * al., A Comprehensive Grammar of the English Language, 14.29, and the cue
 * list of the PARC attribution scheme, Pareti 2012), verbs of belief and
 * evidence that introduce reported clauses (think, show, find), and verbs
 * that label rather than quote (call it "...").  Every inflection is listed
 * so lookup is one binary search over lower-case forms; the table
 * (cue_table.h) is kept sorted (strcmp order) by the script that wrote it,
 * and a unit test checks the order.
 */
#include "extract/cue.h"
#include "extract/cue_table.h"

#include <string.h>

int ws_cue_flags(const char *s, size_t n) {
  char low[24];
  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80)
      return 0;
    low[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  low[n] = 0;
  size_t lo = 0, hi = sizeof forms / sizeof forms[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(low, forms[mid].w);
    if (c == 0)
      return forms[mid].flags;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

const char *ws_cue_form(size_t i, int *flags) {
  if (i >= sizeof forms / sizeof forms[0])
    return NULL;
  *flags = forms[i].flags;
  return forms[i].w;
}

int ws_cue_table_sorted(void) {
  for (size_t i = 1; i < sizeof forms / sizeof forms[0]; i++)
    if (strcmp(forms[i - 1].w, forms[i].w) >= 0)
      return 0;
  return 1;
}
