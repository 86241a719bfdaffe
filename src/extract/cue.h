/*
 * cue.h - the attribution cue lexicon: verbs and phrases that introduce
 * what someone said (said, told, according to, ...), with their
 * inflections and how each takes its speaker and its content.
 */
#ifndef WS_CUE_H
#define WS_CUE_H

#include <stddef.h>

enum {
  WS_CUE_SPEECH = 1 << 0, /* introduces a direct quote (said, wrote) */
  WS_CUE_CLAUSE = 1 << 1, /* takes a reported clause (said that ..., thinks) */
  WS_CUE_INVERT = 1 << 2, /* may precede its subject: "...," said X */
  WS_CUE_OBJECT = 1 << 3, /* takes a listener first: told reporters that */
  WS_CUE_PART = 1 << 4,   /* participle: its subject is the clause's (saying) */
  WS_CUE_NAMING = 1 << 5, /* labels rather than quotes: called it "..." */
  WS_CUE_PRESENT = 1 << 6, /* plain present/base form (say, think): weaker */
  WS_CUE_STANCE = 1 << 7,  /* a position taken: endorsed X, wants to Y */
  WS_CUE_TOPIC = 1 << 8    /* reports only its topic: talked about X */
};

/* Returns the WS_CUE_* flags of the word s[0..n) (ASCII case ignored), or
 * 0 when it is not a cue. */
int ws_cue_flags(const char *s, size_t n);

/* The i-th form of the table (lower case) with its flags in *flags, or
 * NULL when i is past the end: lets a caller build its own lookup table
 * (attrib.c classifies every token once per document). */
const char *ws_cue_form(size_t i, int *flags);

/* 1 when the form table is in strcmp order (for the unit test). */
int ws_cue_table_sorted(void);

#endif
