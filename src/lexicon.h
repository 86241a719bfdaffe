/*
 * lexicon.h - word lists the extraction layers consult (nationalities,
 * titles, cue verbs, ...).  Lookups take byte ranges, never copies.
 */
#ifndef WS_LEXICON_H
#define WS_LEXICON_H

#include <stddef.h>

/* Returns the country of a nationality adjective or demonym, matched
 * case-sensitively on its usual capitalisation ("Qatari" -> "Qatar",
 * "Iranian" -> "Iran"), or NULL when s[0..n) is not one. */
const char *ws_lex_nationality_country(const char *s, size_t n);

#endif
