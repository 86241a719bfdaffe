/* phrase.h - noun phrases: the speaker phrase before or after a cue
 * (private to the attribution files; spans of tokens, nothing allocated).  */
#ifndef WS_PHRASE_H
#define WS_PHRASE_H

#include "extract/attrib_ctx.h"

/* The noun phrase that ends at token k (inclusive), not before lo: a
 * mention with its titles, a capitalized run, a pronoun, a poll share or a
 * description; NO_SPAN when none ends there. */
span at_np_ending(const ctx *c, int32_t k, int32_t lo);
/* The phrase starting at token i, read forward, before hi: "said Rep.
 * John Mica", "said the spokesman", "said he"; NO_SPAN when none. */
span at_np_starting(const ctx *c, int32_t i, int32_t hi);
/* The subject of a cue at token v, not before lo: the phrase before it,
 * skipping auxiliaries, a time, a party tag and an apposition or
 * relative clause between commas; NO_SPAN when none. */
span at_subject_before(const ctx *c, int32_t v, int32_t lo);
/* The source after "according to" at token i, before hi: a phrase as
 * at_np_starting() reads it, else the words up to a comma; NO_SPAN when
 * none. */
span at_source_of(const ctx *c, int32_t i, int32_t hi);
/* A poll share ending at token k, not before lo ("47 percent", "six in
 * 10", "most of them"); NO_SPAN when none. */
span at_counted(const ctx *c, int32_t k, int32_t lo);
/* 1 when token i is a noun for a person ("businessman", "president"). */
int at_person_noun(const ctx *c, int32_t i);
/* 1 when token i is part of a mention of a place. */
int at_place_at(const ctx *c, int32_t i);
/* 1 when the place mention at token i is followed by a person noun
 * ("Ohio Governor X"). */
int at_place_modifies_person(const ctx *c, int32_t i);
/* When the mark at p opens a quote of at most four words inside a phrase,
 * its closing mark (before hi); else -1. */
int32_t at_quoted_words_end(const ctx *c, int32_t p, int32_t hi);


#endif
