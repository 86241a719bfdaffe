/*
 * token.h - the token layer: words, numbers, punctuation, quotation marks,
 * sentences and paragraphs.
 *
 * Tokens are byte ranges into the original text; nothing is copied.  The
 * tokenizer is one left-to-right pass (O(n)); sentence and paragraph
 * boundaries are decided in the same pass from local evidence only.
 */
#ifndef WS_TOKEN_H
#define WS_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "text/arena.h"

typedef enum ws_token_type {
  WS_TOK_WORD = 0,   /* letters/digits with inner - ' ’ . & (Amir-Abdollahian, U.S) */
  WS_TOK_NUMBER = 1, /* digits with inner , . : (1,000.5  10:30  2023) */
  WS_TOK_PUNCT = 2,  /* any other single code point: , . ; : ( ) — ! ? … */
  WS_TOK_QUOTE = 3   /* a quotation mark: " “ ” „ « » ‹ › ‘ ’ ‚ ' ` */
} ws_token_type;

enum {
  WS_TF_CAP = 1 << 0,     /* word starts with an upper-case letter */
  WS_TF_UPPER = 1 << 1,   /* word has letters and all are upper case */
  WS_TF_SENT = 1 << 2,    /* first token of a sentence */
  WS_TF_PARA = 1 << 3,    /* first token of a paragraph */
  WS_TF_LINE = 1 << 4,    /* first token on its line (a line break that
                             only wraps hard-wrapped text is a space) */
  WS_TF_ABBR = 1 << 5,    /* word keeps a trailing '.' (Mr., U.S., H.) */
  WS_TF_POSS = 1 << 6,    /* word ends in 's or ’s; core_end excludes it */
  WS_TF_SPACE_B = 1 << 7, /* white space (or start of text) before */
  WS_TF_SPACE_A = 1 << 8, /* white space (or end of text) after */
  WS_TF_HYPHEN = 1 << 9,  /* word has an inner dash (Amir-Abdollahian) */
  WS_TF_DIGIT = 1 << 10,  /* word holds a digit (F-16, 3D) */
  WS_TF_LETTER = 1 << 11, /* a WORD whose first code point is a letter
                             (the upper layers ask this of every token) */
  WS_TF_APOS = 1 << 12    /* word has an inner apostrophe ' or ’ (We're,
                             O'Neil, Trump's); no other word holds one */
};

typedef struct ws_token {
  uint32_t start;    /* first byte */
  uint32_t end;      /* one past the last byte */
  uint32_t core_end; /* end without a possessive 's / ’s (== end otherwise) */
  uint32_t sent;     /* index into ws_tokens.sent */
  int32_t cp;        /* first code point (the mark itself for QUOTE/PUNCT) */
  uint16_t flags;    /* WS_TF_* */
  uint8_t type;      /* ws_token_type */
} ws_token;

typedef struct ws_sentence {
  uint32_t first; /* first token */
  uint32_t end;   /* one past the last token */
  uint32_t para;  /* paragraph index */
} ws_sentence;

typedef struct ws_tokens {
  ws_token *tok;       /* n of them, in text order */
  size_t n;
  ws_sentence *sent;   /* n_sent of them, in text order, covering all tokens */
  size_t n_sent;
  uint32_t n_para;     /* paragraphs (a blank line, or a line break before a
                          line that does not continue the sentence; in
                          hard-wrapped text, see token.c) */
} ws_tokens;

/* Tokenizes text[start..len) (validated UTF-8) into arrays in the arena.
 * Returns WS_OK, or WS_ENOMEM (out is then unspecified). */
int ws_tokenize(ws_tokens *out, const char *text, size_t len, size_t start,
                ws_arena *a);

/* 1 when the token's text equals the ASCII word w, ignoring ASCII case. */
int ws_tok_is(const char *text, const ws_token *t, const char *w);

/* 1 when the token's text, ignoring ASCII case, is one of the
 * NULL-terminated list of words. */
int ws_tok_in(const char *text, const ws_token *t, const char *const *words);

/* Quotation mark classes for a code point: a mark may open, close, or both
 * (" is both; ’ closes or is an apostrophe). */
enum { WS_QM_OPEN = 1, WS_QM_CLOSE = 2, WS_QM_SINGLE = 4 };
int ws_quote_mark_class(int32_t cp);

#endif
