/*
 * whosaid.h - the public interface of libwhosaid.
 *
 * libwhosaid turns news text into who-said-what records, in layers:
 *
 *   text    UTF-8 validation, BOM, line numbers          (text.c)
 *   tokens  words, punctuation, sentences, paragraphs    (token.c)
 *   entities and quotes                                  (entity.c, quote.c)
 *   attribution: quote -> speaker mention -> entity      (attrib.c)
 *   store   SQLite database and queries                  (store.c, query.c)
 *
 * Conventions shared by every function here:
 *  - Offsets are UTF-8 byte offsets into the caller's original buffer, end
 *    exclusive.  Nothing found in a document is copied except names, which
 *    are NFC-normalised into the document's arena.
 *  - Functions return 0 (WS_OK) or a negative ws_status.  Where context
 *    matters they fill a caller-owned ws_error.  The library never prints
 *    and never exits.
 *  - Every allocating call names the function that frees its result; all
 *    destructors accept NULL.
 */
#ifndef WHOSAID_H
#define WHOSAID_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WS_VERSION "0.1.0"

typedef enum ws_status {
  WS_OK = 0,
  WS_ENOMEM = -1,   /* allocation failed or a size overflowed */
  WS_EIO = -2,      /* a file could not be read */
  WS_EUTF8 = -3,    /* text is not valid UTF-8 */
  WS_EBINARY = -4,  /* text holds NUL bytes */
  WS_EEMPTY = -5,   /* file or text is empty (or only a BOM/whitespace) */
  WS_EDB = -6,      /* SQLite reported an error */
  WS_ESCHEMA = -7,  /* database is not a whosaid database, or too new */
  WS_EINVAL = -8,   /* bad argument */
  WS_ENOTFOUND = -9 /* a query matched nothing */
} ws_status;

/* A caller-owned error report: a lower-case message naming the offending
 * thing, and where the error has a position, the byte offset. */
typedef struct ws_error {
  int code;         /* the ws_status returned with it */
  int64_t offset;   /* byte offset of the fault in the input, or -1 */
  char msg[512];    /* NUL-terminated message, never ending in '\n' */
} ws_error;

/* Returns a static description of a ws_status ("out of memory"). */
const char *ws_strerror(int code);

/* ---------------------------------------------------------------- document */

typedef enum ws_entity_kind {
  WS_ENTITY_OTHER = 0,
  WS_ENTITY_PERSON = 1,
  WS_ENTITY_ORG = 2,
  WS_ENTITY_PLACE = 3
} ws_entity_kind;

/* "person", "org", "place", "other". */
const char *ws_entity_kind_name(ws_entity_kind kind);
/* Parses a kind name; returns -1 for an unknown name. */
int ws_entity_kind_parse(const char *name);

/* One occurrence of an entity in the text. */
typedef struct ws_mention {
  uint32_t start, end; /* byte span of the name as written, without 's */
  int32_t entity;      /* index into ws_doc.entities */
} ws_mention;

/* A document-local entity: every mention that refers to one real name. */
typedef struct ws_entity {
  const char *name;      /* canonical (longest) name, NFC, in the doc arena */
  ws_entity_kind kind;   /* best evidence in this document */
  const char **aliases;  /* other NFC surface forms, n_aliases of them */
  uint32_t n_aliases;
  const char **roles;    /* titles seen with the name ("Foreign Minister") */
  uint32_t n_roles;
  uint32_t n_mentions;   /* mentions in this document */
} ws_entity;

typedef enum ws_quote_kind {
  WS_QUOTE_DIRECT = 0,   /* words inside quotation marks */
  WS_QUOTE_REPORTED = 1  /* indirect speech: "He said Israel is ..." */
} ws_quote_kind;

/* "direct", "reported". */
const char *ws_quote_kind_name(ws_quote_kind kind);

/* A quoted or reported statement. */
typedef struct ws_quote {
  uint32_t start, end;     /* the statement's content, without outer marks */
  ws_quote_kind kind;
  int32_t speaker;         /* index into ws_doc.entities, or -1 */
  uint32_t speaker_start;  /* the mention next to the quote that names the */
  uint32_t speaker_end;    /* speaker ("he"); start == end when none */
  uint32_t cue_start;      /* the cue ("said", "according to"); */
  uint32_t cue_end;        /* start == end when none */
} ws_quote;

typedef struct ws_doc ws_doc;

/* Read-only view of a finished document.  All pointers stay valid until
 * ws_doc_free(). */
typedef struct ws_doc_view {
  const char *text;          /* the caller's buffer, as passed in */
  size_t len;
  const ws_mention *mentions; /* in text order */
  size_t n_mentions;
  const ws_entity *entities;  /* in order of first mention */
  size_t n_entities;
  const ws_quote *quotes;     /* in text order */
  size_t n_quotes;
} ws_doc_view;

/* Extracts entities, quotes and speakers from text[0..len).  The text is
 * not copied: it must outlive the returned document.  A leading UTF-8 BOM
 * is skipped; CRLF is accepted.
 * Returns WS_OK and sets *out (free with ws_doc_free), or WS_EUTF8 /
 * WS_EBINARY (err->offset is the first bad byte), WS_EEMPTY, WS_ENOMEM;
 * *out is NULL on error. */
int ws_doc_extract(const char *text, size_t len, ws_doc **out, ws_error *err);

/* Frees a document and everything found in it.  Accepts NULL. */
void ws_doc_free(ws_doc *doc);

/* Fills *view with the document's results. */
void ws_doc_get(const ws_doc *doc, ws_doc_view *view);

/* 1-based line number of a byte offset (O(log lines)). */
uint32_t ws_doc_line(const ws_doc *doc, uint32_t offset);

/* -------------------------------------------------------------------- files */

/* Reads a whole regular file into a malloc'd buffer (free with free()).
 * Returns WS_OK, or WS_EIO with err->msg naming the reason ("permission
 * denied", "is a directory", "not a regular file").  An empty file is read
 * as a zero-length (non-NULL) buffer. */
int ws_file_read(const char *path, char **buf, size_t *len, ws_error *err);

#ifdef __cplusplus
}
#endif
#endif
