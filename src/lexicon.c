/*
 * lexicon.c - word lists consulted by the extraction layers.
 */
#include "lexicon.h"

#include <string.h>

typedef struct pair {
  const char *adj;     /* nationality adjective as written */
  const char *country; /* canonical country name */
} pair;

/* Nationality adjectives of countries and territories frequent in
 * international news (cf. the CIA World Factbook's "Nationality"
 * field).  Sorted by adjective for binary search. */
static const pair nationalities[] = {
    {"Afghan", "Afghanistan"}, {"American", "United States"},
    {"Australian", "Australia"}, {"Brazilian", "Brazil"},
    {"British", "United Kingdom"}, {"Canadian", "Canada"},
    {"Chinese", "China"}, {"Cuban", "Cuba"}, {"Egyptian", "Egypt"},
    {"French", "France"}, {"German", "Germany"}, {"Indian", "India"},
    {"Iranian", "Iran"}, {"Iraqi", "Iraq"}, {"Israeli", "Israel"},
    {"Italian", "Italy"}, {"Japanese", "Japan"}, {"Jordanian", "Jordan"},
    {"Lebanese", "Lebanon"}, {"Mexican", "Mexico"},
    {"Palestinian", "Palestine"}, {"Qatari", "Qatar"},
    {"Russian", "Russia"}, {"Saudi", "Saudi Arabia"},
    {"Spanish", "Spain"}, {"Syrian", "Syria"}, {"Turkish", "Turkey"},
    {"Ukrainian", "Ukraine"}, {"Yemeni", "Yemen"},
};

const char *ws_lex_nationality_country(const char *s, size_t n) {
  size_t lo = 0, hi = sizeof nationalities / sizeof nationalities[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const char *adj = nationalities[mid].adj;
    size_t an = strlen(adj);
    int c = strncmp(s, adj, n < an ? n : an);
    if (c == 0)
      c = (n > an) - (n < an);
    if (c == 0)
      return nationalities[mid].country;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}
