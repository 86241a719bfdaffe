/*
 * whosaid.h - the public interface of libwhosaid.
 *
 * libwhosaid turns news text into who-said-what records, in layers:
 *
 *   text    UTF-8 validation, BOM, line numbers          (text.c)
 *   read    files -> articles: HTML, JSON, front matter,
 *           datelines, encodings                         (src/read/)
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
  WS_ENOTFOUND = -9, /* a query matched nothing */
  WS_EPARSE = -10,   /* input is not valid in its format (a JSON line, YAML
                        front matter) or lacks its text field */
  WS_EENCODING = -11 /* an unknown encoding name, or bytes invalid in it */
} ws_status;

/* A caller-owned error report: a lower-case message naming the offending
 * thing, and where the error has a position, the byte offset. */
typedef struct ws_error {
  int code;         /* the ws_status returned with it */
  int64_t offset;   /* byte offset of the fault in the input, or -1 */
  int64_t line;     /* 1-based line of the fault when known, else 0 */
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

/* What a reported quote says, from its cue and its complement: a statement
 * (a that-clause, a quoted clause, an infinitive or a question after a verb
 * of saying; "according to"), a stance (a position or an intention: "backed
 * the plan", "wants to win") or a topic (a bare noun phrase: "welcomed the
 * ceasefire", "talked about taxes").  Direct quotes are statements. */
typedef enum ws_statement_kind {
  WS_STATEMENT = 0,
  WS_STATEMENT_STANCE = 1,
  WS_STATEMENT_TOPIC = 2
} ws_statement_kind;

/* Quotes at least this confident are the ones a reader is shown first. */
#define WS_CONFIDENT 0.5f

/* A quoted or reported statement. */
typedef struct ws_quote {
  uint32_t start, end;     /* the statement's content, without outer marks */
  ws_quote_kind kind;
  int32_t speaker;         /* index into ws_doc.entities, or -1 */
  uint32_t speaker_start;  /* the mention next to the quote that names the */
  uint32_t speaker_end;    /* speaker ("he"); start == end when none */
  uint32_t cue_start;      /* the cue ("said", "according to"); */
  uint32_t cue_end;        /* start == end when none */
  ws_statement_kind statement; /* statement, stance or topic */
  float confidence;        /* 0..1 that this is a statement with the right
                              speaker, from the cue's sense, the complement
                              and whether a speaker was found */
} ws_quote;

/* The finer kind of a quote: "direct", "reported" (a statement), "stance"
 * or "topic". */
const char *ws_quote_label(const ws_quote *q);

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

/* ----------------------------------------------------------------- articles */

/*
 * Input files in, articles out (src/read/).  A file holds one article
 * (.txt, .md, .html, .htm, .json holding one object) or many (.jsonl and
 * .ndjson, a line each; .json holding an array).  An article is UTF-8
 * text, ready for ws_doc_extract, and what the file says about it.
 *
 * What the article's offsets refer to:
 *  - .txt, and UTF-8 .md without front matter: the file's own bytes (the
 *    text is the file, a UTF-8 BOM included, which ws_doc_extract skips);
 *  - .md with front matter: the body after the closing `---` line, which
 *    starts at byte text_offset, line text_line of the file;
 *  - .html: the text a reader sees, as extracted (paragraphs joined by a
 *    blank line);
 *  - .json/.jsonl: the decoded text field of the record;
 *  - UTF-16 or --encoding input: the UTF-8 conversion of the file.
 */

typedef enum ws_format {
  WS_FORMAT_TXT = 0,
  WS_FORMAT_MD = 1,
  WS_FORMAT_HTML = 2,
  WS_FORMAT_JSON = 3,
  WS_FORMAT_JSONL = 4
} ws_format;

/* "txt", "md", "html", "json", "jsonl". */
const char *ws_format_name(ws_format f);

/* How much of a publication date is known.  WS_DATE_MONTH_DAY is a
 * newswire dateline's "Nov 24" with no year anywhere in the file: it is
 * written as ISO 8601's month-day form "--11-24". */
typedef enum ws_date_precision {
  WS_DATE_NONE = 0,      /* no date */
  WS_DATE_YEAR = 1,      /* "2023" */
  WS_DATE_MONTH = 2,     /* "2023-11" */
  WS_DATE_MONTH_DAY = 3, /* "--11-24": the year is unknown */
  WS_DATE_DAY = 4,       /* "2023-11-24" */
  WS_DATE_MINUTE = 5,    /* "2023-11-24T10:30:00Z" (seconds not given) */
  WS_DATE_SECOND = 6     /* "2023-11-24T10:30:15Z" */
} ws_date_precision;

/* "none", "year", "month", "month-day", "day", "minute", "second". */
const char *ws_date_precision_name(ws_date_precision p);

/* Normalises a date as news sources write it (ISO 8601 and its common
 * variants, RFC 2822 "Fri, 24 Nov 2023 10:30:00 +0300", "November 24,
 * 2023", "24 Nov. 2023", "2023/11/24") into out (at least 32 bytes):
 * "2023-11-24", or with a time "2023-11-24T07:30:00Z" (converted to UTC
 * when the zone is given, else "2023-11-24T10:30:00" as written).
 * Returns the precision, or WS_DATE_NONE (out empty) when s is not a
 * date. */
ws_date_precision ws_date_parse(const char *s, size_t len, char *out);

/* One article.  Every pointer is valid until the next ws_reader_next() or
 * ws_reader_close() on its reader.  Metadata strings are NUL-terminated
 * UTF-8, or NULL when the file does not say. */
typedef struct ws_article {
  const char *path;     /* the file, as passed to ws_reader_open */
  uint64_t record;      /* .jsonl: 1-based line; .json array: 1-based
                           element; 0 when the file is one article */
  ws_format format;     /* the form the article was read from */
  const char *text;     /* UTF-8 (validated), not NUL-terminated */
  size_t len;
  uint64_t text_offset; /* byte of the file where text starts, when text
                           is a slice of it (Markdown body), else 0 */
  uint32_t text_line;   /* 1-based line of the file where text starts */
  const char *title;
  const char *published;        /* ISO 8601, see ws_date_precision */
  ws_date_precision precision;
  const char *outlet;           /* "Reuters", "Radio Habana Cuba" */
  const char *url;
  const char *author;           /* several joined by ", " */
  const char *place;            /* a dateline's "Doha" */
} ws_article;

/* Field names for JSON records; a NULL field means the usual names
 * (text: text, body, content, maintext, article, ...). */
typedef struct ws_read_opts {
  const char *encoding;  /* iconv name for input without a BOM, or NULL
                            for UTF-8 */
  const char *text_field, *title_field, *date_field, *url_field,
      *outlet_field, *author_field;
} ws_read_opts;

typedef struct ws_reader ws_reader;

/* Opens path for reading articles.  The form is chosen by the file name
 * (.html/.htm, .json, .jsonl/.ndjson, .md/.markdown, else plain text) and
 * by the content (a BOM; a .txt that opens with <!DOCTYPE html> or <html>
 * is HTML).  JSON Lines are read a line at a time, so a dump of any size
 * takes memory for its longest line only.  opts may be NULL.
 * Returns WS_OK and sets *out (close with ws_reader_close), or WS_EIO
 * (the file cannot be read), WS_EENCODING (an unknown encoding name),
 * WS_ENOMEM, with err filled; *out is NULL on error. */
int ws_reader_open(const char *path, const ws_read_opts *opts,
                   ws_reader **out, ws_error *err);

/* Checks that an iconv conversion from encoding `name` to UTF-8 exists,
 * so that a misspelt --encoding is one error, not one per file.  Returns
 * WS_OK or WS_EENCODING ("unknown encoding 'X'") with err filled. */
int ws_encoding_check(const char *name, ws_error *err);

/* Reads the next article.  Returns 1 and sets *a, 0 when there are no more,
 * or a negative ws_status with err filled when one record or the whole file
 * cannot be read: WS_EPARSE (a line that is not JSON, a record without its
 * text field, broken front matter; err->line names the line), WS_EUTF8 /
 * WS_EENCODING (bytes invalid in the encoding; err->offset is the byte of
 * the file), WS_EIO, WS_ENOMEM.  After an error call again: the next
 * record is read, or 0 is returned when the error ended the file. */
int ws_reader_next(ws_reader *r, const ws_article **a, ws_error *err);

/* Closes the reader and frees its articles.  Accepts NULL. */
void ws_reader_close(ws_reader *r);

/* ------------------------------------------------------------------- store */

/*
 * A whosaid database (SQLite; schema in schema/schema.sql).  One ws_store
 * is one connection: use it from one thread at a time.
 */
typedef struct ws_store ws_store;

#define WS_SCHEMA_VERSION 4

enum ws_store_flags {
  WS_STORE_READONLY = 1, /* open for queries only; never writes the file */
  WS_STORE_CREATE = 2    /* create the file and schema when missing */
};

/* Opens (and with WS_STORE_CREATE creates) the database at path.  A file
 * that is not SQLite, a SQLite file of another application, or a database
 * from a newer whosaid is refused with WS_ESCHEMA and left untouched; a
 * missing file without WS_STORE_CREATE, or a folder that does not exist,
 * gives WS_EDB.  Returns WS_OK and sets *out (close with ws_store_close),
 * or a negative ws_status with err filled; *out is NULL on error. */
int ws_store_open(const char *path, int flags, ws_store **out, ws_error *err);

/* Closes the database.  Accepts NULL. */
void ws_store_close(ws_store *s);

/* Where a stored document came from. */
typedef struct ws_doc_info {
  const char *path;  /* as stored (index.c stores absolute paths) */
  int64_t size;      /* bytes */
  int64_t mtime_ns;  /* modification time, ns since the epoch */
  uint64_t hash;     /* ws_hash() of the bytes */
  int is_new; /* 1: the caller knows path is not stored (saves a lookup) */
} ws_doc_info;

/* 64-bit FNV-1a of data[0..len). */
uint64_t ws_hash(const void *data, size_t len);

/* Transactions: writes between begin and commit are atomic.  ws_store_put
 * and ws_store_remove open one themselves when none is active. */
int ws_store_begin(ws_store *s, ws_error *err);
int ws_store_commit(ws_store *s, ws_error *err);
int ws_store_rollback(ws_store *s);

/* Stores one document's results, replacing any document stored at the
 * same path.  Outside ws_store_begin/commit the document is written whole
 * or not at all; inside, an error leaves the transaction to be rolled
 * back by the caller.
 * Entities join corpus-wide entities by canonical name (NFC casefold), or
 * by an alias that names exactly one entity; quotes join statements by
 * normalised text or near-duplicate text.  Returns WS_OK or WS_EDB. */
int ws_store_put(ws_store *s, const ws_doc_info *info, const ws_doc_view *v,
                 ws_error *err);

/* The database-free part of ws_store_put (folded names, normalised
 * quote keys), to compute on another thread: ws_store_prepare returns
 * WS_OK and sets *out (free with ws_store_prep_free), or WS_ENOMEM.  It
 * copies the view's results, so the document may be freed at once; only
 * the text (v->text) must stay valid until ws_store_put_prepared has
 * run. */
typedef struct ws_store_prep ws_store_prep;
int ws_store_prepare(const ws_doc_view *v, ws_store_prep **out);
void ws_store_prep_free(ws_store_prep *p);
int ws_store_put_prepared(ws_store *s, const ws_doc_info *info,
                          const ws_store_prep *p, ws_error *err);

/* Removes the document at path (and everything found in it).  Returns
 * WS_OK, WS_ENOTFOUND when no such document is stored, or WS_EDB. */
int ws_store_remove(ws_store *s, const char *path, ws_error *err);

/* Cross-document identity pass: an entity whose whole name is an alias of
 * exactly one other (longer) entity is merged into it.  Run after a batch
 * of puts (ws_index runs it).  Returns WS_OK or WS_EDB. */
int ws_store_link(ws_store *s, ws_error *err);

/* Looks up a stored document: returns WS_OK and fills *info (path points
 * into a buffer valid until the next call on s), WS_ENOTFOUND, or WS_EDB. */
int ws_store_find_doc(ws_store *s, const char *path, ws_doc_info *info,
                      ws_error *err);

/* Normalised statement text (NFC, casefold, no diacritics, quotation
 * marks and punctuation removed, words joined by one space): the key that
 * makes two quotes one statement.  Returns a malloc'd string (free with
 * free()) or NULL when out of memory. */
char *ws_statement_key(const char *text, size_t len);

/* Similarity of two statement keys in [0, 1]: 1 - word edit distance /
 * longer length.  Used to join near-duplicates. */
double ws_statement_similarity(const char *a, const char *b);

/* ------------------------------------------------------------------- index */

typedef struct ws_index_progress {
  uint64_t files_done, files_total; /* files_total 0 when unknown */
  uint64_t bytes_done, bytes_total;
  double seconds;                   /* since the start */
} ws_index_progress;

typedef struct ws_index_opts {
  const char *const *exts; /* file name endings to index ("txt"), NULL for
                              txt, md, html, htm and json */
  const ws_read_opts *read; /* encoding and JSON field names, or NULL */
  size_t n_exts;
  int jobs;                /* extraction threads; 0 = one per core */
  /* Called (on the calling thread) for each file that cannot be indexed
   * and each path that cannot be walked; err->offset is the byte offset
   * of the fault or -1. */
  void (*on_error)(void *ud, const char *path, const ws_error *err);
  /* When set, the file tree is measured first and this is called about
   * five times a second with the progress so far. */
  void (*on_progress)(void *ud, const ws_index_progress *p);
  /* Polled often; a nonzero return stops indexing cleanly: everything
   * already extracted is committed, nothing is removed. */
  int (*should_stop)(void *ud);
  void *ud;
  /* Names are linked across documents (ws_store_link) every this many
   * stored files and at the end; 0 = every 8192. */
  size_t link_every;
} ws_index_opts;

typedef struct ws_index_stats {
  uint64_t added, changed, unchanged, removed, failed;
  uint64_t quotes, mentions;  /* written in this run */
  uint64_t bytes;             /* bytes extracted in this run */
  double seconds;
  int stopped;                /* should_stop ended the run early */
  /* CPU seconds of the calling (writer) thread: all of it, and inside
   * storing documents, commits and the final entity linking. */
  double cpu_writer, cpu_put, cpu_commit, cpu_link;
} ws_index_stats;

/* Indexes files and folders (recursively, following symbolic links but
 * never around a loop).  A file whose size and mtime, or whose content
 * hash, is unchanged is skipped; a changed file is replaced; a stored
 * file under an indexed folder that no longer exists is removed.
 * Extraction runs on opts->jobs threads; this thread is the only
 * database writer, and commits in batches.  Files that cannot be indexed
 * are reported through on_error and counted in stats->failed; they never
 * undo the others.  Returns WS_OK (even when some files failed), or WS_EDB
 * / WS_ENOMEM with err filled. */
int ws_index(ws_store *s, const char *const *paths, size_t n_paths,
             const ws_index_opts *opts, ws_index_stats *stats, ws_error *err);

/* ------------------------------------------------------------------- query */

/* One statement (or, with `all`, one occurrence) found by ws_query_quotes.
 * Every pointer is valid only during the callback. */
typedef struct ws_quote_row {
  int64_t statement;     /* statement id */
  int64_t quote;         /* id of the occurrence shown */
  const char *text;      /* longest (then earliest) version; with
                            `highlight`, matches are wrapped in \001 .. \002 */
  const char *kind;      /* "direct" / "reported" */
  const char *speaker;   /* canonical name, or NULL */
  const char *cue;       /* or NULL */
  const char *path;      /* document of the occurrence shown */
  uint32_t line, start, end;
  int64_t n_docs;        /* documents carrying the statement */
  int64_t n_quotes;      /* occurrences */
  const char *const *sources; /* "path:line" of occurrences, earliest
                                 document first, at most max_sources */
  size_t n_sources;
  double rank;           /* bm25 (lower is better) for phrase queries */
} ws_quote_row;

typedef struct ws_quote_query {
  const char *phrase;    /* full-text search, or NULL */
  const char *by;        /* speaker: any name or alias, or NULL */
  int64_t by_entity;     /* speaker entity id, or 0 */
  const char *doc;       /* document path as stored, or NULL */
  int kind;              /* ws_quote_kind, or -1 for any */
  int64_t limit;         /* 0 = no limit */
  int all;               /* every occurrence instead of statements */
  int highlight;         /* mark phrase matches in text */
  size_t max_sources;    /* 0 = 10 */
} ws_quote_query;

typedef int (*ws_quote_cb)(void *ud, const ws_quote_row *row);

/* Runs a quote query, calling cb for each row (a nonzero return stops).
 * Returns the number of rows (>= 0), WS_ENOTFOUND when `by` names no
 * entity, WS_EINVAL for an empty phrase or a phrase or name that is not
 * valid UTF-8, or WS_EDB. */
int64_t ws_query_quotes(ws_store *s, const ws_quote_query *q, ws_quote_cb cb,
                        void *ud, ws_error *err);

/* One entity.  Pointers valid only during the callback. */
typedef struct ws_entity_row {
  int64_t id;
  const char *name;
  const char *kind;
  int64_t n_mentions, n_docs, n_quotes;
  const char *const *aliases;
  size_t n_aliases;
  const char *const *roles;
  size_t n_roles;
} ws_entity_row;

typedef int (*ws_entity_cb)(void *ud, const ws_entity_row *row);

/* Entities, most mentioned first; kind -1 for any.  Returns the number of
 * rows or WS_EDB. */
int64_t ws_query_entities(ws_store *s, int kind, int64_t limit,
                          ws_entity_cb cb, void *ud, ws_error *err);

/* Resolves a name or alias (case-insensitive) to entity ids, best (most
 * mentioned) first; when nothing matches exactly, entities whose name
 * holds the words ("Al Thani").  Fills up to max ids and returns how many
 * matched (0 when none), WS_EINVAL for a name that is not valid UTF-8,
 * or WS_EDB. */
int64_t ws_query_resolve(ws_store *s, const char *name, int64_t *ids,
                         size_t max, ws_error *err);

/* Reports entity `id` through cb, then each document naming it through
 * doc_cb (path, mentions), most mentions first.  Returns 1, 0 when no
 * such entity, or WS_EDB. */
int64_t ws_query_entity(ws_store *s, int64_t id, ws_entity_cb cb,
                        void (*doc_cb)(void *ud, const char *path,
                                       int64_t n_mentions),
                        void *ud, ws_error *err);

typedef struct ws_store_stats {
  int64_t documents, entities, mentions, quotes, statements;
  int64_t quotes_with_speaker;
  int64_t db_bytes;  /* database file (plus write-ahead log) size */
} ws_store_stats;

/* Totals of the database.  Returns WS_OK or WS_EDB. */
int ws_store_stats_get(ws_store *s, ws_store_stats *st, ws_error *err);

#ifdef __cplusplus
}
#endif
#endif
