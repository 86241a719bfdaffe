/*
 * main.c - the whosaid command line.  A thin layer over libwhosaid: it
 * parses arguments, prints, and maps ws_status values to exit codes.
 *
 * Conventions (after jq and git): `--help` prints to stdout and exits 0;
 * misuse prints `whosaid: <message>` and a hint to stderr and exits 2;
 * errors about an input name the file (and byte offset or line).
 *
 * Exit codes: 0 found, 1 nothing found, 2 usage error, 3 some input files
 * could not be read or indexed, 4 database error, 130 interrupted.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "out.h"
#include "whosaid.h"

enum {
  EXIT_FOUND = 0,
  EXIT_NONE = 1,
  EXIT_USAGE = 2,
  EXIT_INPUT = 3,
  EXIT_DB = 4,
  EXIT_INTERRUPTED = 130
};

#define EXIT_CODES                                                             \
  "Exit status:\n"                                                             \
  "  0  found something (or indexed every file)\n"                             \
  "  1  nothing found\n"                                                       \
  "  2  usage error\n"                                                         \
  "  3  some input files (or records of a dump) could not be read or\n"    \
  "     indexed (the rest were)\n"               \
  "  4  database error (missing, not a whosaid database, read-only, ...)\n"    \
  "  130  interrupted (the database keeps what was committed)\n"

#define DB_HELP                                                                \
  "The database is --db PATH, else $WHOSAID_DB, else ./whosaid.db.\n"

#define FORMAT_HELP "  --format F    table (default), json, jsonl, csv or tsv\n"

static const char usage_main[] =
    "Usage: whosaid [--db PATH] COMMAND [ARGS...]\n"
    "\n"
    "Find who said what in a folder of news articles.\n"
    "\n"
    "Commands:\n"
    "  index PATH...      index .txt and .md files under PATH (incremental)\n"
    "  who-said PHRASE    search quotes; show who said them and where\n"
    "  quotes             list quotes (--by NAME, --doc PATH, --kind K)\n"
    "  entities           list people, organisations and places\n"
    "  entity NAME        one entity: aliases, documents, quotes\n"
    "  stats              what the database holds\n"
    "  extract FILE...    print what is found in files as JSON lines (no "
    "database)\n"
    "\n"
    "Options:\n"
    "  --db PATH     database file\n"
    "  --help        this help; 'whosaid COMMAND --help' for a command\n"
    "  --version     print the version\n"
    "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_index[] =
    "Usage: whosaid index [--ext LIST] [--jobs N] PATH...\n"
    "\n"
    "Index the articles in each PATH (a file, or a folder searched\n"
    "recursively; hidden files are skipped).  Unchanged files are skipped,\n"
    "changed ones replaced, and files gone from an indexed folder removed.\n"
    "Progress is shown on stderr when it is a terminal; a summary ends.\n"
    "\n"
    "Options:\n"
    "  --ext LIST    file endings to index, comma separated (default: "
    "txt,md,html,htm,json)\n"
    "  --jobs N      extraction threads (default: one per core)\n"
    "  --encoding NAME     encoding of files without a BOM (default UTF-8;\n"
    "                      e.g. windows-1252), for every file of the run\n"
    "  --text-field NAME   JSON field of the article text; and\n"
    "  --title-field, --date-field, --url-field, --outlet-field,\n"
    "  --author-field      as for 'whosaid extract'\n"
    "A file of several records (.jsonl) is not indexed yet.\n"
    "  --db PATH     database file\n"
    "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_who[] =
    "Usage: whosaid who-said [OPTIONS] PHRASE...\n"
    "\n"
    "Full-text search over quotes (best matches first).  Each statement is\n"
    "shown once, with its speaker, the number of documents carrying it and\n"
    "where (file:line).  The words are searched as a phrase, then, if that\n"
    "finds nothing, anywhere in the quote.\n"
    "\n"
    "Options:\n"
    "  --by NAME     only quotes of this speaker (any alias)\n"
    "  --kind K      direct or reported\n"
    "  --limit N     at most N results (default 20)\n"
    "  --all         every occurrence instead of each statement "
    "once\n" FORMAT_HELP "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_quotes[] =
    "Usage: whosaid quotes [OPTIONS]\n"
    "\n"
    "List quotes in the order they were indexed, each statement once with\n"
    "the documents it appears in.\n"
    "\n"
    "Options:\n"
    "  --by NAME     quotes of this speaker; any alias matches, in any case\n"
    "  --doc PATH    quotes from this document\n"
    "  --kind K      direct or reported\n"
    "  --limit N     at most N results (default: all)\n"
    "  --all         every occurrence instead of each statement "
    "once\n" FORMAT_HELP "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_entities[] =
    "Usage: whosaid entities [--kind K] [--limit N] [--format F]\n"
    "\n"
    "List entities, most mentioned first, with their mentions, documents,\n"
    "quotes and aliases.\n"
    "\n"
    "Options:\n"
    "  --kind K      person, org, place or other\n"
    "  --limit N     at most N entities (default: all)\n" FORMAT_HELP
    "\n" DB_HELP "\n" EXIT_CODES;

/* Documents and statements shown by `entity` in a table by default. */
#define ENTITY_TABLE_LIMIT 20

static const char usage_entity[] =
    "Usage: whosaid entity [--limit N] [--format F] NAME\n"
    "\n"
    "Show one entity (NAME may be any alias, in any case): canonical name,\n"
    "kind, aliases, roles, the documents naming it (most mentions first)\n"
    "and its quotes.\n"
    "\n"
    "Options:\n"
    "  --limit N     at most N documents and N quotes; 0 for all (default:\n"
    "                20 in a table, all in other formats)\n" FORMAT_HELP
    "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_stats[] =
    "Usage: whosaid stats [--format F]\n"
    "\n"
    "Documents, entities, mentions, quotes, statements, the share of quotes\n"
    "with a speaker, and the database size.\n"
    "\n"
    "Options:\n" FORMAT_HELP "\n" DB_HELP "\n" EXIT_CODES;

static const char usage_extract[] =
    "Usage: whosaid extract [--format jsonl] [--jobs N] [OPTIONS] FILE...\n"
    "\n"
    "Print what is found in each article as one JSON object per line (quotes\n"
    "with byte offsets, kind, speaker and cue; entity mentions with their\n"
    "canonical name and kind; a \"meta\" object with title, published,\n"
    "precision, outlet, url, author, place and format).  No database is used.\n"
    "\n"
    "FILE may be plain text (.txt), Markdown with YAML front matter (.md), a\n"
    "web page (.html, .htm), a JSON file holding one article or an array of\n"
    "them (.json), or a JSON Lines dump with one article a line (.jsonl,\n"
    "ndjson), each printed as FILE#LINE.  A bad record is reported on stderr\n"
    "with its line and the others are read.\n"
    "\n"
    "Options:\n"
    "  --jobs N      extraction threads (default 1); the output is the same\n"
    "                and in the same order whatever N is\n"
    "  --encoding NAME     encoding of files without a BOM (default UTF-8;\n"
    "                      e.g. windows-1252, iso-8859-1; see iconv -l)\n"
    "  --text-field NAME   JSON field of the article text (default: text,\n"
    "                      body, content, maintext, ...); a.b for nested\n"
    "  --title-field NAME  --date-field NAME  --url-field NAME\n"
    "  --outlet-field NAME  --author-field NAME\n"
    "                      the other JSON fields, likewise\n"
    "\n" EXIT_CODES;

/* ------------------------------------------------------------- arguments */

/* What a command accepts; filled by parse_args. */
typedef struct args {
  const char *cmd;
  const char *db;
  const char *format, *by, *doc, *kind, *limit, *ext, *jobs;
  ws_read_opts read; /* --encoding and the JSON field names */
  int all, help;
  char **pos; /* positional arguments */
  int n_pos;
} args;

enum {
  A_FORMAT = 1,
  A_BY = 2,
  A_DOC = 4,
  A_KIND = 8,
  A_LIMIT = 16,
  A_ALL = 32,
  A_EXT = 64,
  A_JOBS = 128,
  A_READ = 256 /* --encoding, --text-field and the other field names */
};

/* Prints `whosaid: [cmd: ]<pre><what><post>` and a hint; returns 2. */
static int usage_error(const char *cmd, const char *pre, const char *what,
                       const char *post) {
  fputs("whosaid: ", stderr);
  if (cmd)
    fprintf(stderr, "%s: ", cmd);
  fprintf(stderr, "%s%s%s", pre, what, post);
  fprintf(stderr, "\nTry 'whosaid %s%s--help' for more information.\n",
          cmd ? cmd : "", cmd ? " " : "");
  return EXIT_USAGE;
}

/* Parses argv (after the command name).  Returns 0 or an exit code. */
static int parse_args(args *a, int argc, char **argv, unsigned accept) {
  static const struct {
    const char *name;
    unsigned bit;
    size_t off;
  } opts[] = {
      {"format", A_FORMAT, offsetof(args, format)},
      {"by", A_BY, offsetof(args, by)},
      {"doc", A_DOC, offsetof(args, doc)},
      {"kind", A_KIND, offsetof(args, kind)},
      {"limit", A_LIMIT, offsetof(args, limit)},
      {"ext", A_EXT, offsetof(args, ext)},
      {"jobs", A_JOBS, offsetof(args, jobs)},
      {"encoding", A_READ, offsetof(args, read.encoding)},
      {"text-field", A_READ, offsetof(args, read.text_field)},
      {"title-field", A_READ, offsetof(args, read.title_field)},
      {"date-field", A_READ, offsetof(args, read.date_field)},
      {"url-field", A_READ, offsetof(args, read.url_field)},
      {"outlet-field", A_READ, offsetof(args, read.outlet_field)},
      {"author-field", A_READ, offsetof(args, read.author_field)},
      {"db", ~0u, offsetof(args, db)},
  };
  a->pos = calloc((size_t)argc + 1, sizeof *a->pos);
  if (!a->pos)
    return EXIT_DB;
  int only_pos = 0;
  for (int i = 0; i < argc; i++) {
    char *s = argv[i];
    if (only_pos || s[0] != '-' || s[1] == '\0') {
      a->pos[a->n_pos++] = s;
      continue;
    }
    if (strcmp(s, "--") == 0) {
      only_pos = 1;
      continue;
    }
    if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
      a->help = 1;
      continue;
    }
    if (strcmp(s, "--all") == 0 && (accept & A_ALL)) {
      a->all = 1;
      continue;
    }
    if (s[1] != '-')
      return usage_error(a->cmd, "unknown option '", s, "'");
    const char *name = s + 2, *eq = strchr(name, '=');
    size_t nl = eq ? (size_t)(eq - name) : strlen(name);
    size_t k = 0, n = sizeof opts / sizeof *opts;
    while (k < n &&
           !(strlen(opts[k].name) == nl &&
             strncmp(opts[k].name, name, nl) == 0 && (opts[k].bit & accept)))
      k++;
    if (k == n)
      return usage_error(a->cmd, "unknown option '", s, "'");
    const char *val = eq ? eq + 1 : NULL;
    if (!val) {
      if (i + 1 >= argc)
        return usage_error(a->cmd, "option '", s, "' needs a value");
      val = argv[++i];
    }
    *(const char **)((char *)a + opts[k].off) = val;
  }
  return 0;
}

/* Parses --limit; returns 0 or an exit code. */
static int parse_limit(const args *a, int64_t *limit) {
  if (!a->limit)
    return 0;
  char *end;
  errno = 0;
  long long v = strtoll(a->limit, &end, 10);
  if (errno || *end || end == a->limit || v < 0)
    return usage_error(a->cmd, "--limit needs a number, not '", a->limit, "'");
  *limit = v;
  return 0;
}

static int parse_format(const args *a, out_format *f) {
  *f = OUT_TABLE;
  if (!a->format)
    return 0;
  int v = out_format_parse(a->format);
  if (v < 0)
    return usage_error(a->cmd, "unknown format '", a->format,
                       "' (table, json, jsonl, csv, tsv)");
  *f = (out_format)v;
  return 0;
}

static int parse_quote_kind(const args *a, int *kind) {
  *kind = -1;
  if (!a->kind)
    return 0;
  if (strcmp(a->kind, "direct") == 0)
    *kind = WS_QUOTE_DIRECT;
  else if (strcmp(a->kind, "reported") == 0)
    *kind = WS_QUOTE_REPORTED;
  else
    return usage_error(a->cmd, "unknown quote kind '", a->kind,
                       "' (direct, reported)");
  return 0;
}

/* ---------------------------------------------------------------- helpers */

static const char *db_path(const args *a) {
  if (a->db)
    return a->db;
  const char *e = getenv("WHOSAID_DB");
  return e && *e ? e : "whosaid.db";
}

static int open_db(const args *a, int flags, ws_store **s) {
  ws_error err = {0};
  int rc = ws_store_open(db_path(a), flags, s, &err);
  if (rc) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return EXIT_DB;
  }
  return 0;
}

static char cwd[PATH_MAX];
static size_t cwd_len;

/* Stored paths are absolute; show them relative to the current folder
 * when they are under it. */
static const char *shown_path(const char *p) {
  if (cwd_len && strncmp(p, cwd, cwd_len) == 0 && p[cwd_len] == '/')
    p += cwd_len + 1;
  return out_name(p); /* a newline or a byte not UTF-8 escaped */
}

static int term_width(void) {
  if (isatty(STDOUT_FILENO)) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
      return ws.ws_col;
    return 80;
  }
  const char *c = getenv("COLUMNS");
  return c ? atoi(c) : 0;
}

static int use_color(void) {
  const char *nc = getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(nc && *nc);
}

static int finish_output(int code) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    /* The reader went away (`whosaid quotes | head -1`) with SIGPIPE
     * ignored: end quietly as SIGPIPE ends grep, by the signal. */
    if (errno == EPIPE) {
      signal(SIGPIPE, SIG_DFL);
      raise(SIGPIPE);
    }
    fprintf(stderr, "whosaid: error writing output: %s\n", strerror(errno));
    return EXIT_DB;
  }
  return code;
}

/* ---------------------------------------------------------------- extract */

/* Prints a JSON string, or null. */
static void json_str_or_null(FILE *f, const char *s) {
  if (s)
    out_json_string(f, s, strlen(s));
  else
    fputs("null", f);
}

/* The article's metadata as extract's "meta" object. */
static void print_meta_json(FILE *f, const ws_article *art) {
  fputs(",\"meta\":{\"title\":", f);
  json_str_or_null(f, art->title);
  fputs(",\"published\":", f);
  json_str_or_null(f, art->published);
  fputs(",\"precision\":", f);
  json_str_or_null(f, art->published ? ws_date_precision_name(art->precision)
                                     : NULL);
  fputs(",\"outlet\":", f);
  json_str_or_null(f, art->outlet);
  fputs(",\"url\":", f);
  json_str_or_null(f, art->url);
  fputs(",\"author\":", f);
  json_str_or_null(f, art->author);
  fputs(",\"place\":", f);
  json_str_or_null(f, art->place);
  fprintf(f, ",\"format\":\"%s\"", ws_format_name(art->format));
  if (art->record)
    fprintf(f, ",\"record\":%llu", (unsigned long long)art->record);
  putc('}', f);
}

/* One document as a JSON line.  Offsets and lines are the file's: for a
 * Markdown body after front matter the article's text starts at
 * text_offset, line text_line of the file. */
static void print_doc_json(FILE *f, const char *path, const ws_doc *doc,
                           const ws_article *art) {
  ws_doc_view v;
  ws_doc_get(doc, &v);
  uint64_t off = art->text_offset;
  uint32_t line0 = art->text_line ? art->text_line - 1 : 0;
  fputs("{\"path\":", f);
  path = out_name(path);
  out_json_string(f, path, strlen(path));
  fputs(",\"quotes\":[", f);
  for (size_t i = 0; i < v.n_quotes; i++) {
    const ws_quote *q = &v.quotes[i];
    fprintf(f, "%s{\"start\":%llu,\"end\":%llu,\"line\":%u,\"text\":",
            i ? "," : "", (unsigned long long)(q->start + off),
            (unsigned long long)(q->end + off),
            ws_doc_line(doc, q->start) + line0);
    out_json_string(f, v.text + q->start, q->end - q->start);
    fprintf(f, ",\"kind\":\"%s\",\"confidence\":%.2f,\"speaker\":",
            ws_quote_label(q), (double)q->confidence);
    if (q->speaker >= 0) {
      const char *name = v.entities[q->speaker].name;
      out_json_string(f, name, strlen(name));
    } else {
      fputs("null", f);
    }
    if (q->speaker_end > q->speaker_start)
      fprintf(f, ",\"speaker_start\":%llu,\"speaker_end\":%llu",
              (unsigned long long)(q->speaker_start + off),
              (unsigned long long)(q->speaker_end + off));
    else
      fputs(",\"speaker_start\":null,\"speaker_end\":null", f);
    fputs(",\"cue\":", f);
    if (q->cue_end > q->cue_start)
      out_json_string(f, v.text + q->cue_start, q->cue_end - q->cue_start);
    else
      fputs("null", f);
    putc('}', f);
  }
  fputs("],\"entities\":[", f);
  for (size_t i = 0; i < v.n_mentions; i++) {
    const ws_mention *m = &v.mentions[i];
    const ws_entity *e = &v.entities[m->entity];
    fprintf(f, "%s{\"start\":%llu,\"end\":%llu,\"text\":", i ? "," : "",
            (unsigned long long)(m->start + off),
            (unsigned long long)(m->end + off));
    out_json_string(f, v.text + m->start, m->end - m->start);
    fputs(",\"canonical\":", f);
    out_json_string(f, e->name, strlen(e->name));
    fprintf(f, ",\"kind\":\"%s\"}", ws_entity_kind_name(e->kind));
  }
  putc(']', f);
  print_meta_json(f, art);
  fputs("}\n", f);
}

/* Extracts one file: its JSON line to out, or `whosaid: FILE: reason` to
 * errs.  Returns EXIT_FOUND or EXIT_INPUT. */
static int extract_one(const char *path, const ws_read_opts *ro, FILE *out,
                       FILE *errs) {
  ws_error err = {0};
  ws_reader *r;
  if (ws_reader_open(path, ro, &r, &err)) {
    fprintf(errs, "whosaid: %s: %s\n", out_name(path), err.msg);
    return EXIT_INPUT;
  }
  int status = EXIT_FOUND;
  const ws_article *art;
  int rc;
  while ((rc = ws_reader_next(r, &art, &err)) != 0) {
    if (rc < 0) {
      const char *hint = "";
      if (rc == WS_EUTF8 && !ro->encoding)
        hint = "; for a file in a legacy encoding, name it with --encoding "
               "(e.g. --encoding windows-1252)";
      else if (rc == WS_EPARSE && strstr(err.msg, "no text field (tried"))
        hint = "; name the field with --text-field";
      fprintf(errs, "whosaid: %s: %s%s\n", out_name(path), err.msg, hint);
      status = EXIT_INPUT;
      if (rc == WS_ENOMEM)
        break;
      continue;
    }
    /* A record of a dump is its own document: file.jsonl#N. */
    char shown[PATH_MAX + 32];
    if (art->record)
      snprintf(shown, sizeof shown, "%s#%llu", path,
               (unsigned long long)art->record);
    else
      snprintf(shown, sizeof shown, "%s", path);
    ws_doc *doc;
    if (ws_doc_extract(art->text, art->len, &doc, &err)) {
      if (art->record && err.code == WS_EEMPTY)
        fprintf(errs, "whosaid: %s: %s %llu: the text is empty\n",
                out_name(path),
                art->format == WS_FORMAT_JSONL ? "line" : "record",
                (unsigned long long)art->record);
      else
        fprintf(errs, "whosaid: %s: %s\n", out_name(shown), err.msg);
      status = EXIT_INPUT;
      continue;
    }
    print_doc_json(out, shown, doc, art);
    ws_doc_free(doc);
  }
  ws_reader_close(r);
  return status;
}

/* `extract --jobs N`: workers extract files into memory, the main thread
 * prints them in input order, so the output is byte for byte that of one
 * job.  At most EX_WINDOW files per job are extracted ahead of the one
 * being printed, so memory stays bounded however many files are named. */
#define EX_WINDOW 16

typedef struct ex_slot {
  char *out, *errs; /* the file's JSON line and its messages (memstreams) */
  size_t out_len, errs_len;
  int status;       /* extract_one's result */
  int done;         /* filled, not yet printed */
} ex_slot;

typedef struct ex_run {
  char **files;
  const ws_read_opts *ro; /* --encoding and the JSON field names */
  int n;
  ex_slot *ring; /* file i is in ring[i % cap] */
  int cap;
  int next_take, next_print;
  pthread_mutex_t mu;
  pthread_cond_t room; /* a slot was printed: there is room ahead */
  pthread_cond_t done; /* a slot was filled */
} ex_run;

static void *ex_worker(void *arg) {
  ex_run *r = arg;
  pthread_mutex_lock(&r->mu);
  for (;;) {
    while (r->next_take < r->n && r->next_take >= r->next_print + r->cap)
      pthread_cond_wait(&r->room, &r->mu);
    if (r->next_take >= r->n)
      break;
    int i = r->next_take++;
    pthread_mutex_unlock(&r->mu);
    ex_slot *sl = &r->ring[i % r->cap];
    FILE *out = open_memstream(&sl->out, &sl->out_len);
    FILE *errs = open_memstream(&sl->errs, &sl->errs_len);
    if (out && errs) {
      sl->status = extract_one(r->files[i], r->ro, out, errs);
    } else {
      sl->status = EXIT_INPUT;
    }
    if (out)
      fclose(out);
    if (errs)
      fclose(errs);
    if (!out || !errs) { /* say so in order, where the output would be */
      free(sl->out);
      free(sl->errs);
      sl->out = NULL;
      sl->out_len = 0;
      sl->errs_len = 0;
      sl->errs = NULL;
    }
    pthread_mutex_lock(&r->mu);
    sl->done = 1;
    pthread_cond_broadcast(&r->done);
  }
  pthread_mutex_unlock(&r->mu);
  return NULL;
}

/* Runs extract_one over the files on `jobs` threads, printing in order.
 * Returns the exit status (EXIT_INPUT if any file failed), or -1 if the
 * threads could not be started (the caller then runs on one). */
static int extract_parallel(char **files, int n, const ws_read_opts *ro,
                            int jobs) {
  ex_run r;
  memset(&r, 0, sizeof r);
  r.files = files;
  r.ro = ro;
  r.n = n;
  r.cap = jobs * EX_WINDOW;
  r.ring = calloc((size_t)r.cap, sizeof *r.ring);
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  if (!r.ring || !th) {
    free(r.ring);
    free(th);
    return -1;
  }
  pthread_mutex_init(&r.mu, NULL);
  pthread_cond_init(&r.room, NULL);
  pthread_cond_init(&r.done, NULL);
  int started = 0;
  while (started < jobs &&
         pthread_create(&th[started], NULL, ex_worker, &r) == 0)
    started++;
  int status = EXIT_FOUND;
  if (!started) {
    status = -1;
    goto out;
  }
  for (int i = 0; i < n; i++) {
    ex_slot *sl = &r.ring[i % r.cap];
    pthread_mutex_lock(&r.mu);
    while (!sl->done)
      pthread_cond_wait(&r.done, &r.mu);
    pthread_mutex_unlock(&r.mu);
    if (sl->out || sl->errs) {
      fwrite(sl->out, 1, sl->out_len, stdout);
      fflush(stdout); /* stdout before stderr, as with one job */
      fwrite(sl->errs, 1, sl->errs_len, stderr);
    } else {
      fprintf(stderr, "whosaid: %s: out of memory\n", files[i]);
    }
    if (sl->status != EXIT_FOUND)
      status = EXIT_INPUT;
    free(sl->out);
    free(sl->errs);
    pthread_mutex_lock(&r.mu);
    memset(sl, 0, sizeof *sl);
    r.next_print++;
    pthread_cond_broadcast(&r.room);
    pthread_mutex_unlock(&r.mu);
  }
  for (int i = 0; i < started; i++)
    pthread_join(th[i], NULL);
out:
  pthread_mutex_destroy(&r.mu);
  pthread_cond_destroy(&r.room);
  pthread_cond_destroy(&r.done);
  free(r.ring);
  free(th);
  return status;
}

static int cmd_extract(args *a) {
  if (a->help) {
    fputs(usage_extract, stdout);
    return finish_output(0);
  }
  if (a->format && strcmp(a->format, "jsonl") != 0)
    return usage_error(a->cmd, "unknown format '", a->format,
                       "' (extract prints jsonl)");
  int jobs = 1;
  if (a->jobs) {
    char *end;
    long j = strtol(a->jobs, &end, 10);
    if (*end || j < 1 || j > 64)
      return usage_error(a->cmd, "--jobs needs a number from 1 to 64, not '",
                         a->jobs, "'");
    jobs = (int)j;
  }
  if (a->n_pos == 0)
    return usage_error(a->cmd, "no FILE given", "", "");
  ws_error err = {0};
  if (a->read.encoding && ws_encoding_check(a->read.encoding, &err))
    return usage_error(a->cmd, err.msg, "", "");
  if (jobs > a->n_pos)
    jobs = a->n_pos;
  if (jobs > 1) {
    int status = extract_parallel(a->pos, a->n_pos, &a->read, jobs);
    if (status >= 0)
      return finish_output(status);
  }
  int status = EXIT_FOUND;
  for (int i = 0; i < a->n_pos; i++)
    if (extract_one(a->pos[i], &a->read, stdout, stderr) != EXIT_FOUND)
      status = EXIT_INPUT;
  return finish_output(status);
}

/* ------------------------------------------------------------------ index */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

static int should_stop(void *ud) {
  (void)ud;
  return interrupted;
}

typedef struct index_ui {
  int progress_shown;
} index_ui;

static void clear_progress(index_ui *ui) {
  if (ui->progress_shown) {
    fputs("\r\033[K", stderr);
    ui->progress_shown = 0;
  }
}

static void on_error(void *ud, const char *path, const ws_error *err) {
  clear_progress(ud);
  fprintf(stderr, "whosaid: %s: %s\n", out_name(path), err->msg);
}

static void on_progress(void *ud, const ws_index_progress *p) {
  index_ui *ui = ud;
  double mb = (double)p->bytes_done / 1e6, total = (double)p->bytes_total / 1e6;
  double rate = p->seconds > 0 ? mb / p->seconds : 0;
  fprintf(stderr, "\r\033[Kindexing: %llu/%llu files, %.1f/%.1f MB, %.1f MB/s",
          (unsigned long long)p->files_done, (unsigned long long)p->files_total,
          mb, total, rate);
  if (rate > 0 && total > mb) {
    long eta = (long)((total - mb) / rate + 0.5);
    fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
  }
  ui->progress_shown = 1;
}

static int cmd_index(args *a) {
  if (a->help) {
    fputs(usage_index, stdout);
    return finish_output(0);
  }
  if (a->n_pos == 0)
    return usage_error(a->cmd, "no PATH given", "", "");
  {
    ws_error eerr = {0};
    if (a->read.encoding && ws_encoding_check(a->read.encoding, &eerr))
      return usage_error(a->cmd, eerr.msg, "", "");
  }
  ws_index_opts o;
  memset(&o, 0, sizeof o);
  o.read = &a->read;
  char *extbuf = NULL;
  const char *exts[32];
  if (a->ext) {
    size_t n = strlen(a->ext);
    extbuf = malloc(n + 1);
    if (!extbuf)
      return EXIT_DB;
    memcpy(extbuf, a->ext, n + 1);
    for (char *tok = strtok(extbuf, ","); tok && o.n_exts < 32;
         tok = strtok(NULL, ","))
      if (*tok)
        exts[o.n_exts++] = tok;
    if (!o.n_exts) {
      free(extbuf);
      return usage_error(a->cmd, "--ext needs a list like 'txt,md'", "", "");
    }
    o.exts = exts;
  }
  if (a->jobs) {
    char *end;
    long j = strtol(a->jobs, &end, 10);
    if (*end || j < 1 || j > 64) {
      free(extbuf);
      return usage_error(a->cmd, "--jobs needs a number from 1 to 64, not '",
                         a->jobs, "'");
    }
    o.jobs = (int)j;
  }
  ws_store *s;
  int rc = open_db(a, WS_STORE_CREATE, &s);
  if (rc) {
    free(extbuf);
    return rc;
  }
  index_ui ui = {0};
  o.on_error = on_error;
  if (isatty(STDERR_FILENO))
    o.on_progress = on_progress;
  o.should_stop = should_stop;
  o.ud = &ui;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  /* The first ^C stops cleanly (what is extracted is committed); the
   * handler then resets, so a second ^C ends at once, which SQLite's
   * transactions make just as safe. */
  sa.sa_handler = on_sigint;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  ws_index_stats st;
  ws_error err = {0};
  rc =
      ws_index(s, (const char *const *)a->pos, (size_t)a->n_pos, &o, &st, &err);
  clear_progress(&ui);
  ws_store_close(s);
  free(extbuf);
  if (rc) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return EXIT_DB;
  }
  printf("indexed %llu files (%llu new, %llu changed, %llu removed, "
         "%llu unchanged), %llu quotes, %llu entity mentions in %.2f s",
         (unsigned long long)(st.added + st.changed),
         (unsigned long long)st.added, (unsigned long long)st.changed,
         (unsigned long long)st.removed, (unsigned long long)st.unchanged,
         (unsigned long long)st.quotes, (unsigned long long)st.mentions,
         st.seconds);
  if (st.bytes && st.seconds > 0)
    printf(" (%.1f MB, %.1f MB/s)", (double)st.bytes / 1e6,
           (double)st.bytes / 1e6 / st.seconds);
  putchar('\n');
  /* For measuring the writer apart from the extraction threads. */
  if (getenv("WHOSAID_TIMING"))
    fprintf(stderr,
            "writer cpu %.3f s: put %.3f, commit %.3f, link %.3f, rest "
            "(walk, progress) %.3f\n",
            st.cpu_writer, st.cpu_put, st.cpu_commit, st.cpu_link,
            st.cpu_writer - st.cpu_put - st.cpu_commit - st.cpu_link);
  int code = finish_output(st.failed ? EXIT_INPUT : EXIT_FOUND);
  if (st.failed)
    fprintf(stderr, "whosaid: %llu file%s could not be indexed\n",
            (unsigned long long)st.failed, st.failed == 1 ? "" : "s");
  if (st.stopped) {
    fprintf(stderr, "whosaid: interrupted; the database keeps every file "
                    "indexed so far\n");
    return EXIT_INTERRUPTED;
  }
  return code;
}

/* ----------------------------------------------------------------- quotes */

typedef struct quote_out {
  out_table *t;
  int all;
} quote_out;

static int quote_row(void *ud, const ws_quote_row *r) {
  quote_out *qo = ud;
  out_table *t = qo->t;
  const char *src[64];
  size_t n = r->n_sources < 63 ? r->n_sources : 63;
  for (size_t i = 0; i < n; i++)
    src[i] = shown_path(r->sources[i]);
  /* Say how many sources the list leaves out. */
  char more[64];
  if (!qo->all && r->n_docs > (int64_t)n) {
    snprintf(more, sizeof more, "(+%lld more)",
             (long long)(r->n_docs - (int64_t)n));
    src[n++] = more;
  }
  out_cell_str(t, r->speaker);
  out_cell_str(t, r->text);
  out_cell_str(t, r->kind);
  out_cell_int(t, r->n_docs);
  out_cell_list(t, src, n);
  out_cell_int(t, r->statement);
  out_cell_int(t, r->n_quotes);
  out_cell_str(t, r->cue);
  out_cell_str(t, shown_path(r->path));
  out_cell_int(t, r->line);
  out_cell_int(t, r->start);
  out_cell_int(t, r->end);
  out_row_end(t);
  return 0;
}

/* Quote table columns; `one_speaker` hides the speaker column in the
 * terminal table (the `entity` view, where it is always the same). */
static void quote_columns(out_table *t, int all, int one_speaker) {
  out_table_col(t, "speaker", OUT_STR, one_speaker ? OUT_NOTABLE : 0);
  out_table_col(t, "quote", OUT_STR, OUT_WRAP);
  out_table_col(t, "kind", OUT_STR, 0);
  out_table_col(t, "docs", OUT_INT, all ? OUT_NOTABLE : 0);
  out_table_col(t, "sources", OUT_LIST, 0);
  out_table_col(t, "statement", OUT_INT, OUT_NOTABLE);
  out_table_col(t, "occurrences", OUT_INT, OUT_NOTABLE);
  out_table_col(t, "cue", OUT_STR, OUT_NOTABLE);
  out_table_col(t, "path", OUT_STR, OUT_NOTABLE);
  out_table_col(t, "line", OUT_INT, OUT_NOTABLE);
  out_table_col(t, "start", OUT_INT, OUT_NOTABLE);
  out_table_col(t, "end", OUT_INT, OUT_NOTABLE);
}

static char *doc_abs(const char *p) {
  char *r = realpath(p, NULL);
  if (r)
    return r;
  size_t n = strlen(p);
  if (p[0] == '/' || !cwd_len) {
    r = malloc(n + 1);
    if (r)
      memcpy(r, p, n + 1);
    return r;
  }
  r = malloc(cwd_len + n + 2);
  if (r)
    snprintf(r, cwd_len + n + 2, "%s/%s", cwd, p);
  return r;
}

static int run_quote_query(args *a, const char *phrase, int64_t dflt_limit,
                           int64_t by_entity) {
  out_format fmt;
  int64_t limit = dflt_limit;
  int kind, rc;
  if ((rc = parse_format(a, &fmt)) || (rc = parse_limit(a, &limit)) ||
      (rc = parse_quote_kind(a, &kind)))
    return rc;
  ws_store *s;
  if ((rc = open_db(a, WS_STORE_READONLY, &s)))
    return rc;
  ws_quote_query q;
  memset(&q, 0, sizeof q);
  q.phrase = phrase;
  q.by = a->by;
  q.by_entity = by_entity;
  q.kind = kind;
  q.limit = limit;
  q.all = a->all;
  q.highlight = fmt == OUT_TABLE && use_color();
  char *doc = a->doc ? doc_abs(a->doc) : NULL;
  q.doc = doc;
  out_table *t = out_table_new(stdout, fmt, term_width(), use_color());
  if (!t) {
    ws_store_close(s);
    free(doc);
    return EXIT_DB;
  }
  quote_columns(t, a->all, 0);
  quote_out qo = {t, a->all};
  ws_error err = {0};
  int64_t n = ws_query_quotes(s, &q, quote_row, &qo, &err);
  out_table_end(t);
  ws_store_close(s);
  free(doc);
  if (n == WS_ENOTFOUND) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return finish_output(EXIT_NONE);
  }
  if (n < 0) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return n == WS_EINVAL ? EXIT_USAGE : EXIT_DB;
  }
  return finish_output(n ? EXIT_FOUND : EXIT_NONE);
}

static int cmd_who_said(args *a) {
  if (a->help) {
    fputs(usage_who, stdout);
    return finish_output(0);
  }
  if (a->n_pos == 0)
    return usage_error(a->cmd, "no PHRASE given", "", "");
  size_t len = 1;
  for (int i = 0; i < a->n_pos; i++)
    len += strlen(a->pos[i]) + 1;
  char *phrase = malloc(len);
  if (!phrase)
    return EXIT_DB;
  phrase[0] = '\0';
  for (int i = 0; i < a->n_pos; i++) {
    if (i)
      strcat(phrase, " ");
    strcat(phrase, a->pos[i]);
  }
  int rc = run_quote_query(a, phrase, 20, 0);
  free(phrase);
  return rc;
}

static int cmd_quotes(args *a) {
  if (a->help) {
    fputs(usage_quotes, stdout);
    return finish_output(0);
  }
  if (a->n_pos)
    return usage_error(a->cmd, "unexpected argument '", a->pos[0],
                       "' (use --by NAME)");
  return run_quote_query(a, NULL, 0, 0);
}

/* --------------------------------------------------------------- entities */

static void entity_columns(out_table *t) {
  out_table_col(t, "name", OUT_STR, 0);
  out_table_col(t, "kind", OUT_STR, 0);
  out_table_col(t, "mentions", OUT_INT, 0);
  out_table_col(t, "docs", OUT_INT, 0);
  out_table_col(t, "quotes", OUT_INT, 0);
  out_table_col(t, "aliases", OUT_STR, OUT_WRAP | OUT_TABLEONLY);
  out_table_col(t, "aliases", OUT_LIST, OUT_NOTABLE);
  out_table_col(t, "roles", OUT_LIST, OUT_NOTABLE);
}

static int entity_row(void *ud, const ws_entity_row *r) {
  out_table *t = ud;
  out_cell_str(t, r->name);
  out_cell_str(t, r->kind);
  out_cell_int(t, r->n_mentions);
  out_cell_int(t, r->n_docs);
  out_cell_int(t, r->n_quotes);
  /* In the table, aliases read as one comma-separated cell. */
  size_t len = 1;
  for (size_t i = 0; i < r->n_aliases; i++)
    len += strlen(r->aliases[i]) + 2;
  char *joined = malloc(len);
  if (joined) {
    joined[0] = '\0';
    for (size_t i = 0; i < r->n_aliases; i++) {
      if (i)
        strcat(joined, ", ");
      strcat(joined, r->aliases[i]);
    }
  }
  out_cell_str(t, joined);
  free(joined);
  out_cell_list(t, r->aliases, r->n_aliases);
  out_cell_list(t, r->roles, r->n_roles);
  out_row_end(t);
  return 0;
}

static int cmd_entities(args *a) {
  if (a->help) {
    fputs(usage_entities, stdout);
    return finish_output(0);
  }
  if (a->n_pos)
    return usage_error(a->cmd, "unexpected argument '", a->pos[0], "'");
  out_format fmt;
  int64_t limit = 0;
  int rc, kind = -1;
  if ((rc = parse_format(a, &fmt)) || (rc = parse_limit(a, &limit)))
    return rc;
  if (a->kind && (kind = ws_entity_kind_parse(a->kind)) < 0)
    return usage_error(a->cmd, "unknown entity kind '", a->kind,
                       "' (person, org, place, other)");
  ws_store *s;
  if ((rc = open_db(a, WS_STORE_READONLY, &s)))
    return rc;
  out_table *t = out_table_new(stdout, fmt, term_width(), use_color());
  if (!t) {
    ws_store_close(s);
    return EXIT_DB;
  }
  entity_columns(t);
  ws_error err = {0};
  int64_t n = ws_query_entities(s, kind, limit, entity_row, t, &err);
  out_table_end(t);
  ws_store_close(s);
  if (n < 0) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return EXIT_DB;
  }
  return finish_output(n ? EXIT_FOUND : EXIT_NONE);
}

/* One entity: a header, its documents, its quotes.  In JSON, one object. */
typedef struct entity_out {
  out_format fmt;
  int n_docs;
  int color;
  int64_t limit;    /* documents listed (0: all) */
  int64_t n_hidden; /* documents beyond the limit */
} entity_out;

static void put_json_list(const char *key, const char *const *v, size_t n) {
  printf(",\"%s\":[", key);
  for (size_t i = 0; i < n; i++) {
    if (i)
      putchar(',');
    out_json_string(stdout, v[i], strlen(v[i]));
  }
  putchar(']');
}

static int entity_head(void *ud, const ws_entity_row *r) {
  entity_out *eo = ud;
  if (eo->fmt == OUT_JSON || eo->fmt == OUT_JSONL) {
    fputs("{\"name\":", stdout);
    out_json_string(stdout, r->name, strlen(r->name));
    printf(",\"kind\":\"%s\",\"mentions\":%lld,\"docs\":%lld,\"quotes\":%lld",
           r->kind, (long long)r->n_mentions, (long long)r->n_docs,
           (long long)r->n_quotes);
    put_json_list("aliases", r->aliases, r->n_aliases);
    put_json_list("roles", r->roles, r->n_roles);
    return 0;
  }
  printf("%s%s%s (%s)\n", eo->color ? "\033[1m" : "", r->name,
         eo->color ? "\033[0m" : "", r->kind);
  printf("  aliases:   ");
  for (size_t i = 0; i < r->n_aliases; i++)
    printf("%s%s", i ? ", " : "", r->aliases[i]);
  printf("%s\n  roles:     ", r->n_aliases ? "" : "-");
  for (size_t i = 0; i < r->n_roles; i++)
    printf("%s%s", i ? ", " : "", r->roles[i]);
  printf("%s\n  mentioned: %lld times in %lld document%s; %lld quote%s\n",
         r->n_roles ? "" : "-", (long long)r->n_mentions, (long long)r->n_docs,
         r->n_docs == 1 ? "" : "s", (long long)r->n_quotes,
         r->n_quotes == 1 ? "" : "s");
  return 0;
}

static void entity_doc(void *ud, const char *path, int64_t n) {
  entity_out *eo = ud;
  if (eo->limit > 0 && eo->n_docs >= eo->limit) {
    eo->n_hidden++;
    return;
  }
  if (eo->fmt == OUT_JSON || eo->fmt == OUT_JSONL) {
    fputs(eo->n_docs ? "," : ",\"documents\":[", stdout);
    fputs("{\"path\":", stdout);
    const char *p = shown_path(path);
    out_json_string(stdout, p, strlen(p));
    printf(",\"mentions\":%lld}", (long long)n);
  } else {
    if (!eo->n_docs)
      printf("\n%sDOCUMENTS%s\n", eo->color ? "\033[1m" : "",
             eo->color ? "\033[0m" : "");
    printf("  %5lld  %s\n", (long long)n, shown_path(path));
  }
  eo->n_docs++;
}

/* Quotes of the entity inside its JSON object. */
typedef struct json_quotes {
  int n;
} json_quotes;

static int entity_quote_json(void *ud, const ws_quote_row *r) {
  json_quotes *jq = ud;
  fputs(jq->n++ ? "," : "", stdout);
  fputs("{\"text\":", stdout);
  out_json_string(stdout, r->text, strlen(r->text));
  printf(",\"kind\":\"%s\",\"docs\":%lld,\"sources\":[", r->kind,
         (long long)r->n_docs);
  for (size_t i = 0; i < r->n_sources; i++) {
    const char *p = shown_path(r->sources[i]);
    if (i)
      putchar(',');
    out_json_string(stdout, p, strlen(p));
  }
  fputs("]}", stdout);
  return 0;
}

static int cmd_entity(args *a) {
  if (a->help) {
    fputs(usage_entity, stdout);
    return finish_output(0);
  }
  if (a->n_pos == 0)
    return usage_error(a->cmd, "no NAME given", "", "");
  out_format fmt;
  int64_t limit = -1;
  int rc;
  if ((rc = parse_format(a, &fmt)) || (rc = parse_limit(a, &limit)))
    return rc;
  /* A table is for reading: a well-known name is in thousands of
   * documents, so it shows the first ENTITY_TABLE_LIMIT of each list and
   * says what it left out.  Scripts get everything. */
  if (limit < 0)
    limit = fmt == OUT_TABLE ? ENTITY_TABLE_LIMIT : 0;
  size_t len = 1;
  for (int i = 0; i < a->n_pos; i++)
    len += strlen(a->pos[i]) + 1;
  char *name = malloc(len);
  if (!name)
    return EXIT_DB;
  name[0] = '\0';
  for (int i = 0; i < a->n_pos; i++) {
    if (i)
      strcat(name, " ");
    strcat(name, a->pos[i]);
  }
  ws_store *s;
  if ((rc = open_db(a, WS_STORE_READONLY, &s))) {
    free(name);
    return rc;
  }
  ws_error err = {0};
  int64_t ids[8];
  int64_t n = ws_query_resolve(s, name, ids, 8, &err);
  if (n <= 0) {
    if (n < 0)
      fprintf(stderr, "whosaid: %s\n", err.msg);
    else
      fprintf(stderr, "whosaid: no entity named '%s'\n", name);
    ws_store_close(s);
    free(name);
    return n == WS_EINVAL ? EXIT_USAGE
           : n < 0        ? EXIT_DB
                          : finish_output(EXIT_NONE);
  }
  free(name);
  entity_out eo = {fmt, 0, use_color() && fmt == OUT_TABLE, limit, 0};
  int json = fmt == OUT_JSON || fmt == OUT_JSONL;
  if (fmt == OUT_CSV || fmt == OUT_TSV) {
    /* Scripts get the entity as one row, like `entities`. */
    out_table *t = out_table_new(stdout, fmt, 0, 0);
    if (t) {
      entity_columns(t);
      n = ws_query_entity(s, ids[0], entity_row, NULL, t, &err);
      out_table_end(t);
    }
    ws_store_close(s);
    return finish_output(EXIT_FOUND);
  }
  n = ws_query_entity(s, ids[0], entity_head, entity_doc, &eo, &err);
  if (n < 0)
    goto dberr;
  ws_quote_query q;
  memset(&q, 0, sizeof q);
  q.by_entity = ids[0];
  q.kind = -1;
  q.limit = limit;
  if (json) {
    if (eo.n_docs)
      putchar(']');
    else
      fputs(",\"documents\":[]", stdout);
    fputs(",\"quotes\":[", stdout);
    json_quotes jq = {0};
    n = ws_query_quotes(s, &q, entity_quote_json, &jq, &err);
    fputs(fmt == OUT_JSON ? "]}\n" : "]}\n", stdout);
  } else {
    if (eo.n_hidden)
      printf("  … and %lld more document%s (--limit 0 lists all)\n",
             (long long)eo.n_hidden, eo.n_hidden == 1 ? "" : "s");
    printf("\n");
    out_table *t = out_table_new(stdout, OUT_TABLE, term_width(), eo.color);
    if (!t) {
      ws_store_close(s);
      return EXIT_DB;
    }
    quote_columns(t, 0, 1);
    quote_out qo = {t, 0};
    n = ws_query_quotes(s, &q, quote_row, &qo, &err);
    if (n == 0)
      printf("(no quotes)\n");
    out_table_end(t);
    if (n > 0 && n == limit)
      printf("  (%lld statement%s shown at most; --limit 0 lists all)\n",
             (long long)n, n == 1 ? "" : "s");
  }
  if (n < 0)
    goto dberr;
  ws_store_close(s);
  return finish_output(EXIT_FOUND);
dberr:
  fprintf(stderr, "whosaid: %s\n", err.msg);
  ws_store_close(s);
  return EXIT_DB;
}

/* ------------------------------------------------------------------ stats */

static int cmd_stats(args *a) {
  if (a->help) {
    fputs(usage_stats, stdout);
    return finish_output(0);
  }
  if (a->n_pos)
    return usage_error(a->cmd, "unexpected argument '", a->pos[0], "'");
  out_format fmt;
  int rc;
  if ((rc = parse_format(a, &fmt)))
    return rc;
  ws_store *s;
  if ((rc = open_db(a, WS_STORE_READONLY, &s)))
    return rc;
  ws_store_stats st;
  ws_error err = {0};
  rc = ws_store_stats_get(s, &st, &err);
  ws_store_close(s);
  if (rc) {
    fprintf(stderr, "whosaid: %s\n", err.msg);
    return EXIT_DB;
  }
  double share =
      st.quotes ? (double)st.quotes_with_speaker / (double)st.quotes : 0;
  if (fmt == OUT_TABLE) {
    printf("documents     %lld\n", (long long)st.documents);
    printf("entities      %lld\n", (long long)st.entities);
    printf("mentions      %lld\n", (long long)st.mentions);
    printf("quotes        %lld\n", (long long)st.quotes);
    printf("statements    %lld\n", (long long)st.statements);
    printf("with speaker  %.1f%% (%lld of %lld quotes)\n", share * 100,
           (long long)st.quotes_with_speaker, (long long)st.quotes);
    printf("database      %.1f MB (%s)\n", (double)st.db_bytes / 1e6,
           db_path(a));
  } else {
    out_table *t = out_table_new(stdout, fmt, 0, 0);
    if (!t)
      return EXIT_DB;
    out_table_col(t, "documents", OUT_INT, 0);
    out_table_col(t, "entities", OUT_INT, 0);
    out_table_col(t, "mentions", OUT_INT, 0);
    out_table_col(t, "quotes", OUT_INT, 0);
    out_table_col(t, "statements", OUT_INT, 0);
    out_table_col(t, "quotes_with_speaker", OUT_INT, 0);
    out_table_col(t, "speaker_share", OUT_INT, 0);
    out_table_col(t, "db_bytes", OUT_INT, 0);
    out_cell_int(t, st.documents);
    out_cell_int(t, st.entities);
    out_cell_int(t, st.mentions);
    out_cell_int(t, st.quotes);
    out_cell_int(t, st.statements);
    out_cell_int(t, st.quotes_with_speaker);
    /* A number column takes any numeral: the share keeps its decimals. */
    char buf[32];
    snprintf(buf, sizeof buf, "%.4f", share);
    out_cell_str(t, buf);
    out_cell_int(t, st.db_bytes);
    out_row_end(t);
    out_table_end(t);
  }
  return finish_output(st.documents ? EXIT_FOUND : EXIT_NONE);
}

/* ------------------------------------------------------------------- main */

static const struct command {
  const char *name;
  int (*run)(args *);
  unsigned accept;
} commands[] = {
    {"index", cmd_index, A_EXT | A_JOBS | A_READ},
    {"who-said", cmd_who_said, A_FORMAT | A_BY | A_KIND | A_LIMIT | A_ALL},
    {"quotes", cmd_quotes, A_FORMAT | A_BY | A_DOC | A_KIND | A_LIMIT | A_ALL},
    {"entities", cmd_entities, A_FORMAT | A_KIND | A_LIMIT},
    {"entity", cmd_entity, A_FORMAT | A_LIMIT},
    {"stats", cmd_stats, A_FORMAT},
    {"extract", cmd_extract, A_FORMAT | A_READ | A_JOBS},
};

int main(int argc, char **argv) {
  if (getcwd(cwd, sizeof cwd))
    cwd_len = strlen(cwd);
  args a;
  memset(&a, 0, sizeof a);
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--version") == 0 || strcmp(s, "-V") == 0) {
      printf("whosaid %s\n", WS_VERSION);
      return finish_output(0);
    }
    if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
      fputs(usage_main, stdout);
      return finish_output(0);
    }
    if (strcmp(s, "--db") == 0) {
      if (i + 1 >= argc)
        return usage_error(NULL, "option '", s, "' needs a value");
      a.db = argv[++i];
    } else if (strncmp(s, "--db=", 5) == 0) {
      a.db = s + 5;
    } else {
      return usage_error(NULL, "unknown option '", s, "'");
    }
  }
  if (i >= argc)
    return usage_error(NULL, "no command given", "", "");
  for (size_t c = 0; c < sizeof commands / sizeof *commands; c++) {
    if (strcmp(argv[i], commands[c].name) != 0)
      continue;
    a.cmd = commands[c].name;
    int rc = parse_args(&a, argc - i - 1, argv + i + 1, commands[c].accept);
    if (rc == 0)
      rc = commands[c].run(&a);
    free(a.pos);
    return rc;
  }
  return usage_error(NULL, "unknown command '", argv[i], "'");
}
