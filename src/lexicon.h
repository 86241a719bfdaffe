/*
 * lexicon.h - word lists the extraction layers consult (nationalities,
 * titles, organisation words, name particles, dates, the system
 * dictionary).  Lookups take byte ranges, never copies; none allocates.
 */
#ifndef WS_LEXICON_H
#define WS_LEXICON_H

#include <stddef.h>

/* Returns the country of a nationality adjective or demonym, matched
 * case-sensitively on its usual capitalisation ("Qatari" -> "Qatar",
 * "Iranian" -> "Iran", plurals "Palestinians" too), or NULL when s[0..n)
 * is not one. */
const char *ws_lex_nationality_country(const char *s, size_t n);

/* 1 when s[0..n) (exact case) is a country or territory name of the
 * nationality table ("Qatar", "Iran"). */
int ws_lex_is_country(const char *s, size_t n);

/* Flags of s[0..n) in the system word list (Debian wamerican, compiled in
 * at build time), looked up ignoring ASCII case: */
enum {
  WS_DICT_LOWER = 1, /* listed in lower case: a common word */
  WS_DICT_CAP = 2    /* listed capitalised: a proper noun */
};
int ws_lex_dict(const char *s, size_t n);

/* Title words, ignoring case and a trailing period: */
enum {
  WS_TITLE_NONE = 0,
  WS_TITLE_HEAD = 1,      /* ends a title: Minister, President, chief */
  WS_TITLE_MOD = 2,       /* only inside one: Foreign, Prime, Deputy */
  WS_TITLE_HONORIFIC = 3  /* Mr., Mrs., Dr., Sir */
};
int ws_lex_title(const char *s, size_t n);

/* 1 when s[0..n) is a word that marks an organisation name (Party,
 * Ministry, Agency, Inc., University), ignoring case and a final '.'. */
int ws_lex_is_org_word(const char *s, size_t n);

/* 1 when s[0..n) is a word that ends a place name (Strip, River, Street,
 * Island, Province), ignoring case. */
int ws_lex_is_place_word(const char *s, size_t n);

/* 1 when s[0..n) is a lower-case name particle (bin, ibn, al, de, van,
 * von, der, la, le, ...), exact case. */
int ws_lex_is_particle(const char *s, size_t n);

/* 1 when s[0..n) names a month or weekday, in full or abbreviated
 * (Nov., Thu), ignoring case. */
int ws_lex_is_date_word(const char *s, size_t n);

/* 1 when s[0..n) is an English function word (the, he, but, of, ...),
 * ignoring case: never the start of a name at a sentence's start. */
int ws_lex_is_stopword(const char *s, size_t n);

/* 1 when s[0..n) is a generational suffix (Jr., Sr., II, III, IV). */
int ws_lex_is_generation(const char *s, size_t n);

/* The canonical name of a fixed abbreviation of a place or body
 * ("U.S." / "US" -> "United States", "U.N." -> "United Nations"), exact
 * case, or NULL. */
const char *ws_lex_abbrev_name(const char *s, size_t n);

#endif
