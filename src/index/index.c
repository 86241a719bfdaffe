/*
 * index.c - indexing folders of articles: walking, incremental checks,
 * parallel extraction, and one database writer.
 *
 * The calling thread walks the tree in sorted order, decides from the
 * stored size and mtime whether a file needs work, and is the only thread
 * that touches the database.  Files that need work go into a ring of
 * `cap` slots; worker threads take slots in order, read, hash and extract
 * (each with its own ws_doc), and mark them done.  The writer stores done
 * slots strictly in sequence order, so the database comes out the same
 * whatever the thread timing.  In flight are at most `cap` files and,
 * beyond the first few, INFLIGHT_BYTES of them, so memory is bounded
 * however large the corpus is.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include "store/store.h"

/* Commit a batch after this many documents, bytes or seconds: large
 * enough that commits cost little, small enough that a crash loses at
 * most a few seconds of work (^C commits what is done).  Every commit
 * rewrites the pages of doc_entities, entity totals and the full-text
 * index that the batch touched, wherever they are: on a 60 MB corpus,
 * 3-second batches made the writer a third cheaper than 1-second ones. */
#define BATCH_DOCS 8192
#define BATCH_BYTES (64u << 20)
#ifndef BATCH_SECONDS /* -DBATCH_SECONDS=1e9: batches by size alone, for */
#define BATCH_SECONDS 3.0 /* instruction counts under valgrind */
#endif
/* Once every file is queued, batches shrink (write_slot): the last
 * commit runs alone, after the workers are done, so it should have
 * little left to write.  On 100 MB the last batch was 7,400 files and
 * its commit 0.4 s of the run's 5.7 s; now it is under 1,000 files. */
#define TAIL_BATCH_DOCS 1000

/* Files in flight: the workers keep extracting while the writer commits
 * a batch or links entities (a fraction of a second each time), so the
 * queue holds that much work: up to SLOTS_PER_JOB files per worker and
 * INFLIGHT_BYTES of text, but never fewer than MIN_SLOTS_PER_JOB files
 * per worker, so that large files still keep every core busy.  A queued
 * file costs its path; a done one its text and prepared results (the
 * extraction's working memory is freed at once, work_one).  With 128
 * files per worker the queue ran dry within every commit: the workers
 * stood idle a tenth of the run. */
#define SLOTS_PER_JOB 2048
#define MIN_SLOTS_PER_JOB 2
#define INFLIGHT_BYTES (16 << 20)

/* Cross-document linking (ws_store_link) runs every LINK_DOCS stored
 * files, not only at the end: the key cache then remembers each merge
 * (store.c, remap_keys), so a surname merged into its full name early
 * is stored under the full name from then on, and the pass at the end,
 * which runs alone after the workers are done, has little left to do.
 * A count of files, not a time: the database comes out the same
 * whatever the thread timing.  The same count as BATCH_DOCS, so that a
 * pass usually comes just before a commit: both write the pending
 * entity totals, and the commit then finds none left. */
#define LINK_DOCS BATCH_DOCS

enum slot_state { SLOT_FREE, SLOT_QUEUED, SLOT_BUSY, SLOT_DONE };
enum slot_outcome { OUT_DOC, OUT_SAME, OUT_FAIL };

typedef struct slot {
  enum slot_state state;
  enum slot_outcome outcome;
  char *path;  /* absolute, as stored */
  char *shown; /* as the user named it, for messages */
  int64_t size, mtime;
  int has_old; /* the path is stored already */
  uint64_t old_hash;
  uint64_t hash; /* of the bytes read */
  char *buf;     /* file contents (OUT_DOC) */
  size_t len;
  ws_store_prep *prep; /* extraction result, prepared for storing (OUT_DOC) */
  size_t n_quotes, n_mentions;
  uint32_t text_line;  /* line of the file where the text starts */
  ws_error err;        /* OUT_FAIL */
} slot;

typedef struct indexer {
  ws_store *s;
  const ws_index_opts *o;
  ws_index_stats *stats;
  ws_error *err;
  int fatal; /* a database error ended the run */
  int no_docs; /* no document was stored when the run began */

  pthread_mutex_t mu;
  pthread_cond_t work; /* a slot was queued, or quit */
  pthread_cond_t done; /* a slot was finished */
  slot *ring;
  size_t cap, min_inflight;
  int64_t inflight_bytes; /* sizes of the files pushed and not yet written */
  uint64_t next_push, next_take, next_write;
  int quit;
  int n_workers; /* 0: extract on the writer's thread */

  /* Batching. */
  size_t batch_docs, batch_bytes;
  int walked; /* every file is queued: what is left is the queue */
  double cpu_put, cpu_commit, cpu_link; /* writer CPU seconds */
  size_t since_link; /* documents stored since the last link pass */
  double batch_start;

  /* Progress. */
  ws_index_progress prog;
  double t0, last_report;

  /* Folders that could not be read: nothing under them is removed. */
  char **bad_dirs;
  size_t n_bad_dirs;
} indexer;

/* CPU seconds of the calling thread: WHOSAID_TIMING=1 reports the
 * writer's own cost (the walk, storing, commits, linking) apart from the
 * extraction workers', which share the same cores. */
static double thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int64_t mtime_ns(const struct stat *st) {
  return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static void report(indexer *ix, const char *path, int code, int64_t offset,
                   const char *msg) {
  if (!ix->o->on_error)
    return;
  ws_error e;
  e.code = code;
  e.offset = offset;
  snprintf(e.msg, sizeof e.msg, "%s", msg);
  ix->o->on_error(ix->o->ud, path, &e);
}

static int stopping(indexer *ix) {
  return ix->fatal || (ix->o->should_stop && ix->o->should_stop(ix->o->ud));
}

static void progress(indexer *ix, int force) {
  if (!ix->o->on_progress)
    return;
  double t = now_seconds();
  if (!force && t - ix->last_report < 0.2)
    return;
  ix->last_report = t;
  ix->prog.seconds = t - ix->t0;
  ix->o->on_progress(ix->o->ud, &ix->prog);
}

/* ------------------------------------------------------------------ worker */

/* Reads the file's one article through src/read/ (HTML, JSON, Markdown,
 * plain text in the encoding asked for) into sl->buf.  A file that holds
 * several records (a JSON Lines dump) is not indexed yet: it fails with a
 * message naming 'whosaid extract'.  Returns 0, or -1 with sl->err. */
static int read_article(slot *sl, const ws_read_opts *ro) {
  ws_error err = {0};
  ws_reader *r;
  if (ws_reader_open(sl->path, ro, &r, &err)) {
    sl->err = err;
    return -1;
  }
  const ws_article *a;
  int rc = ws_reader_next(r, &a, &err);
  if (rc == 1 && a->record) {
    err.code = WS_EPARSE;
    err.offset = -1;
    snprintf(err.msg, sizeof err.msg,
             "a file of several records is not indexed yet; 'whosaid "
             "extract' reads it");
    rc = WS_EPARSE;
  } else if (rc == 0) {
    err.code = WS_EEMPTY;
    err.offset = -1;
    snprintf(err.msg, sizeof err.msg, "the file holds no article");
    rc = WS_EEMPTY;
  }
  if (rc == 1) {
    sl->buf = malloc(a->len ? a->len : 1);
    if (!sl->buf) {
      err.code = WS_ENOMEM;
      err.offset = -1;
      snprintf(err.msg, sizeof err.msg, "out of memory");
      rc = WS_ENOMEM;
    } else {
      memcpy(sl->buf, a->text, a->len);
      sl->len = a->len;
      sl->text_line = a->text_line ? a->text_line : 1;
    }
  }
  ws_reader_close(r);
  if (rc != 1) {
    if (err.line > 0 && !strstr(err.msg, "line")) {
      size_t k = strlen(err.msg);
      snprintf(err.msg + k, sizeof err.msg - k, " (line %lld)",
               (long long)err.line);
    }
    sl->err = err;
    return -1;
  }
  return 0;
}

static void work_one(slot *sl, const ws_read_opts *ro) {
  ws_error err = {0};
  if (read_article(sl, ro)) {
    sl->outcome = OUT_FAIL;
    return;
  }
  sl->hash = ws_hash(sl->buf, sl->len);
  if (sl->has_old && sl->hash == sl->old_hash) {
    free(sl->buf);
    sl->buf = NULL;
    sl->outcome = OUT_SAME;
    return;
  }
  ws_doc *doc;
  if (ws_doc_extract(sl->buf, sl->len, &doc, &err)) {
    if (err.offset >= 0 && (size_t)err.offset <= sl->len) {
      /* Name the line too: editors go to lines, not bytes. */
      size_t line = sl->text_line;
      const char *p = sl->buf, *end = sl->buf + err.offset;
      while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
        line++;
        p++;
      }
      size_t k = strlen(err.msg);
      snprintf(err.msg + k, sizeof err.msg - k, " (line %zu)", line);
    }
    free(sl->buf);
    sl->buf = NULL;
    sl->outcome = OUT_FAIL;
    sl->err = err;
    return;
  }
  ws_doc_view v;
  ws_doc_get(doc, &v);
  sl->n_quotes = v.n_quotes;
  sl->n_mentions = v.n_mentions;
  /* The preparation keeps a copy of the results: the document's working
   * memory (tokens, sentences: ten times the text) goes at once. */
  int rc = ws_store_prepare(&v, &sl->prep);
  ws_doc_free(doc);
  if (rc) {
    free(sl->buf);
    sl->buf = NULL;
    sl->outcome = OUT_FAIL;
    sl->err.code = WS_ENOMEM;
    sl->err.offset = -1;
    snprintf(sl->err.msg, sizeof sl->err.msg, "out of memory");
    return;
  }
  sl->outcome = OUT_DOC;
}

/* The writer goes first.  With one extraction thread per core, the
 * writer is one thread too many: the scheduler gave each of the three
 * threads on two cores two thirds of a core, the writer fell behind, the
 * queue filled with extracted files, and the workers stood idle while
 * it committed.  A worker a few steps nicer than the writer leaves it a
 * whole core whenever it has work, and takes everything else.  (Linux
 * sets the nice value of one thread with PRIO_PROCESS and a thread id.) */
#define WORKER_NICE 5

static void nicer_thread(void) {
#ifdef __linux__
  errno = 0;
  int nice = getpriority(PRIO_PROCESS, 0);
  if (errno == 0)
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid),
                      nice + WORKER_NICE);
#endif
}

static void *worker(void *arg) {
  indexer *ix = arg;
  nicer_thread();
  pthread_mutex_lock(&ix->mu);
  for (;;) {
    while (!ix->quit && ix->next_take == ix->next_push)
      pthread_cond_wait(&ix->work, &ix->mu);
    if (ix->next_take == ix->next_push)
      break; /* quit and nothing left */
    slot *sl = &ix->ring[ix->next_take++ % ix->cap];
    sl->state = SLOT_BUSY;
    pthread_mutex_unlock(&ix->mu);
    work_one(sl, ix->o->read);
    pthread_mutex_lock(&ix->mu);
    sl->state = SLOT_DONE;
    pthread_cond_signal(&ix->done);
  }
  pthread_mutex_unlock(&ix->mu);
  return NULL;
}

/* ------------------------------------------------------------------ writer */

static int batch_commit(indexer *ix) {
  if (!ix->s->in_txn)
    return WS_OK;
  double t = thread_cpu();
  int rc = ws_store_commit(ix->s, ix->err);
  ix->cpu_commit += thread_cpu() - t;
  if (rc)
    ix->fatal = 1;
  ix->batch_docs = ix->batch_bytes = 0;
  return rc;
}

static int batch_begin(indexer *ix) {
  if (ix->s->in_txn)
    return WS_OK;
  int rc = ws_store_begin(ix->s, ix->err);
  if (rc)
    ix->fatal = 1;
  ix->batch_start = now_seconds();
  return rc;
}

static void write_slot(indexer *ix, slot *sl) {
  ws_store *s = ix->s;
  ws_error err = {0};
  if (ix->fatal || batch_begin(ix))
    goto out;
  if (sl->outcome == OUT_FAIL) {
    report(ix, sl->shown, sl->err.code, sl->err.offset, sl->err.msg);
    ix->stats->failed++;
    /* What is stored for this path no longer matches the file. */
    if (sl->has_old && ws_store_remove(s, sl->path, &err) == WS_EDB) {
      *ix->err = err;
      ix->fatal = 1;
    }
  } else if (sl->outcome == OUT_SAME) {
    /* Same bytes, new mtime: remember the mtime so the next run skips
     * the file without reading it. */
    sqlite3_stmt *st = ws_store_stmt(s, ST_DOC_TOUCH, &err);
    if (st) {
      sqlite3_bind_text(st, 1, sl->path, -1, SQLITE_STATIC);
      sqlite3_bind_int64(st, 2, sl->size);
      sqlite3_bind_int64(st, 3, sl->mtime);
      sqlite3_step(st);
      sqlite3_reset(st);
    }
    ix->stats->unchanged++;
  } else {
    /* Not stored when the walk looked (paths are visited once a run). */
    ws_doc_info info = {sl->path, sl->size, sl->mtime, sl->hash,
                        !sl->has_old};
    double t = thread_cpu();
    int put = ws_store_put_prepared(s, &info, sl->prep, &err);
    ix->cpu_put += thread_cpu() - t;
    if (put) {
      /* The batch is unusable now (store.c): a database error. */
      *ix->err = err;
      ix->fatal = 1;
    } else {
      if (sl->has_old)
        ix->stats->changed++;
      else
        ix->stats->added++;
      ix->stats->quotes += sl->n_quotes;
      ix->stats->mentions += sl->n_mentions;
      ix->stats->bytes += sl->len;
      ix->batch_docs++;
      ix->batch_bytes += sl->len;
      if (++ix->since_link ==
          (ix->o->link_every ? ix->o->link_every : LINK_DOCS)) {
        ix->since_link = 0;
        double t0 = thread_cpu();
        if (ws_store_link(s, ix->err))
          ix->fatal = 1;
        ix->cpu_link += thread_cpu() - t0;
      }
    }
  }
  /* Once every file is queued, a batch ends when it holds as many files
   * as are left to write (and at least TAIL_BATCH_DOCS): batches halve
   * towards the end, and the last commit, which runs alone after the
   * workers are done, is small. */
  uint64_t left = ix->next_push - ix->next_write - 1;
  if (ix->batch_docs >= BATCH_DOCS || ix->batch_bytes >= BATCH_BYTES ||
      (ix->walked && ix->batch_docs >= TAIL_BATCH_DOCS &&
       ix->batch_docs >= left) ||
      now_seconds() - ix->batch_start >= BATCH_SECONDS)
    batch_commit(ix);
out:
  ix->prog.files_done++;
  ix->prog.bytes_done += (uint64_t)sl->size;
  ws_store_prep_free(sl->prep);
  free(sl->buf);
  free(sl->path);
  free(sl->shown);
  memset(sl, 0, sizeof *sl);
}

/* Writes finished slots in order.  With `wait`, blocks until the oldest
 * in-flight slot is done. */
static void drain(indexer *ix, int wait) {
  for (;;) {
    pthread_mutex_lock(&ix->mu);
    if (ix->next_write == ix->next_push) {
      pthread_mutex_unlock(&ix->mu);
      return;
    }
    slot *sl = &ix->ring[ix->next_write % ix->cap];
    while (wait && sl->state != SLOT_DONE) {
      /* Wake up now and then to report progress. */
      struct timespec ts;
      clock_gettime(CLOCK_REALTIME, &ts);
      ts.tv_nsec += 200000000;
      if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
      }
      pthread_cond_timedwait(&ix->done, &ix->mu, &ts);
      if (sl->state != SLOT_DONE) {
        pthread_mutex_unlock(&ix->mu);
        progress(ix, 0);
        pthread_mutex_lock(&ix->mu);
      }
    }
    int ready = sl->state == SLOT_DONE;
    pthread_mutex_unlock(&ix->mu);
    if (!ready)
      return;
    ix->inflight_bytes -= sl->size;
    write_slot(ix, sl);
    pthread_mutex_lock(&ix->mu);
    ix->next_write++;
    pthread_mutex_unlock(&ix->mu);
    progress(ix, 0);
    wait = 0; /* one is enough; then take whatever else is ready */
  }
}

/* ------------------------------------------------------------------ walker */

typedef struct walk {
  indexer *ix;
  int count_only; /* measuring for progress: no work */
  const char *const *exts;
  size_t n_exts;
  dev_t dev[256]; /* folders on the current descent, */
  ino_t ino[256]; /* for loop detection */
  size_t depth;
} walk;

static int ext_match(const walk *w, const char *name) {
  /* Not .jsonl/.ndjson yet: dumps of many records (read_article). */
  static const char *const dflt[] = {"txt", "md", "html", "htm", "json"};
  const char *const *e = w->exts ? w->exts : dflt;
  size_t n = w->exts ? w->n_exts : sizeof dflt / sizeof *dflt;
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name)
    return 0;
  for (size_t i = 0; i < n; i++) {
    const char *x = e[i][0] == '.' ? e[i] + 1 : e[i];
    if (strcmp(dot + 1, x) == 0)
      return 1;
  }
  return 0;
}

static char *join(const char *dir, const char *name) {
  size_t a = strlen(dir), b = strlen(name);
  int slash = a > 0 && dir[a - 1] != '/';
  char *p = malloc(a + (size_t)slash + b + 1);
  if (!p)
    return NULL;
  memcpy(p, dir, a);
  if (slash)
    p[a] = '/';
  memcpy(p + a + (size_t)slash, name, b + 1);
  return p;
}

/* Records that path exists; returns 0 if it was already seen in this run
 * (named twice, or reached through two links). */
static int mark_seen(indexer *ix, const char *path) {
  sqlite3_stmt *st = ws_store_stmt(ix->s, ST_SEEN_INSERT, NULL);
  int fresh = 1;
  if (st) {
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_DONE)
      fresh = sqlite3_changes(ix->s->db) > 0;
    sqlite3_reset(st);
  }
  return fresh;
}

/* A file to index: decide, then queue it. */
static void visit_file(walk *w, const char *path, const char *shown,
                       const struct stat *st) {
  indexer *ix = w->ix;
  if (w->count_only) {
    ix->prog.files_total++;
    ix->prog.bytes_total += (uint64_t)st->st_size;
    return;
  }
  if (!mark_seen(ix, path))
    return;
  ws_doc_info old;
  ws_error err = {0};
  /* Into an empty database every path is new (each is visited once a
   * run, mark_seen); ws_store_put_prepared still looks it up if another
   * connection has written meanwhile. */
  int found = ix->no_docs ? WS_ENOTFOUND
                          : ws_store_find_doc(ix->s, path, &old, &err);
  if (found == WS_EDB) {
    *ix->err = err;
    ix->fatal = 1;
    return;
  }
  if (found == WS_OK && old.size == st->st_size &&
      old.mtime_ns == mtime_ns(st)) {
    ix->stats->unchanged++;
    ix->prog.files_done++;
    ix->prog.bytes_done += (uint64_t)st->st_size;
    progress(ix, 0);
    return;
  }
  for (;;) { /* wait for a free slot, writing what is done meanwhile */
    pthread_mutex_lock(&ix->mu);
    uint64_t n = ix->next_push - ix->next_write;
    int full = n >= ix->cap ||
               (n >= ix->min_inflight &&
                ix->inflight_bytes + st->st_size > INFLIGHT_BYTES);
    pthread_mutex_unlock(&ix->mu);
    if (!full)
      break;
    drain(ix, 1);
  }
  slot *sl = &ix->ring[ix->next_push % ix->cap];
  memset(sl, 0, sizeof *sl);
  sl->path = strdup(path);
  sl->shown = strdup(shown);
  sl->size = st->st_size;
  sl->mtime = mtime_ns(st);
  sl->has_old = found == WS_OK;
  sl->old_hash = found == WS_OK ? old.hash : 0;
  if (!sl->path || !sl->shown) {
    free(sl->path);
    free(sl->shown);
    memset(sl, 0, sizeof *sl);
    report(ix, shown, WS_ENOMEM, -1, "out of memory");
    ix->stats->failed++;
    return;
  }
  ix->inflight_bytes += sl->size;
  if (!ix->n_workers) {
    ix->next_push++;
    ix->next_take++;
    work_one(sl, ix->o->read);
    sl->state = SLOT_DONE;
    drain(ix, 0);
    return;
  }
  pthread_mutex_lock(&ix->mu);
  sl->state = SLOT_QUEUED;
  ix->next_push++;
  pthread_cond_signal(&ix->work);
  pthread_mutex_unlock(&ix->mu);
  drain(ix, 0);
}

static void bad_dir(indexer *ix, const char *path) {
  char **n = realloc(ix->bad_dirs, (ix->n_bad_dirs + 1) * sizeof *n);
  if (!n)
    return;
  ix->bad_dirs = n;
  if ((n[ix->n_bad_dirs] = strdup(path)))
    ix->n_bad_dirs++;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void visit(walk *w, const char *path, const char *shown, int top);

static void visit_dir(walk *w, const char *path, const char *shown,
                      const struct stat *st) {
  indexer *ix = w->ix;
  for (size_t i = 0; i < w->depth; i++)
    if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
      if (!w->count_only)
        report(ix, shown, WS_EIO, -1,
               "symbolic link loop (folder already being indexed), skipped");
      return;
    }
  if (w->depth == sizeof w->dev / sizeof *w->dev) {
    if (!w->count_only)
      report(ix, shown, WS_EIO, -1, "folders nested too deep, skipped");
    return;
  }
  DIR *d = opendir(path);
  if (!d) {
    if (!w->count_only) {
      report(ix, shown, WS_EIO, -1, strerror(errno));
      ix->stats->failed++;
      bad_dir(ix, path);
    }
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') /* ., .., and hidden files (.git) */
      continue;
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 64;
      char **nn = realloc(names, nc * sizeof *nn);
      if (!nn)
        break;
      names = nn;
      cap = nc;
    }
    if ((names[n] = strdup(de->d_name)))
      n++;
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_str);
  w->dev[w->depth] = st->st_dev;
  w->ino[w->depth++] = st->st_ino;
  for (size_t i = 0; i < n; i++) {
    if (!stopping(ix)) {
      char *p = join(path, names[i]), *sh = join(shown, names[i]);
      if (p && sh)
        visit(w, p, sh, 0);
      free(p);
      free(sh);
    }
    free(names[i]);
  }
  free(names);
  w->depth--;
}

static void visit(walk *w, const char *path, const char *shown, int top) {
  indexer *ix = w->ix;
  struct stat st;
  const char *name = strrchr(path, '/');
  name = name ? name + 1 : path;
  if (stat(path, &st) != 0) {
    int e = errno;
    /* Inside a folder, only complain about what would have been indexed,
     * and about loops whatever their name. */
    if (!w->count_only && (top || e == ELOOP || ext_match(w, name))) {
      report(ix, shown, WS_EIO, -1,
             e == ELOOP ? "symbolic link loop (too many levels of symbolic "
                          "links)"
             : e == ENOENT && !top ? "broken symbolic link"
                                   : strerror(e));
      ix->stats->failed++;
    }
    return;
  }
  if (S_ISDIR(st.st_mode)) {
    visit_dir(w, path, shown, &st);
  } else if (S_ISREG(st.st_mode)) {
    if (top || ext_match(w, name))
      visit_file(w, path, shown, &st);
  } else if (!w->count_only && (top || ext_match(w, name))) {
    /* A FIFO would block the reader forever and a device (a link to
     * /dev/zero) never ends: name what it is and go on. */
    report(ix, shown, WS_EIO, -1,
           S_ISFIFO(st.st_mode)   ? "not a regular file (a FIFO), skipped"
           : S_ISSOCK(st.st_mode) ? "not a regular file (a socket), skipped"
           : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
               ? "not a regular file (a device), skipped"
               : "not a regular file, skipped");
    ix->stats->failed++;
  }
}

/* Removes stored documents under folder `root` that were not seen. */
static void remove_vanished(indexer *ix, const char *root) {
  size_t n = strlen(root);
  char *lo = malloc(n + 2), *hi = malloc(n + 2);
  sqlite3_stmt *st = NULL;
  char **gone = NULL;
  size_t n_gone = 0, cap = 0;
  if (!lo || !hi)
    goto out;
  memcpy(lo, root, n);
  memcpy(hi, root, n);
  if (n && root[n - 1] == '/')
    n--;
  lo[n] = '/';
  hi[n] = '/' + 1; /* '0': the first byte after '/' */
  lo[n + 1] = hi[n + 1] = '\0';
  if (sqlite3_prepare_v2(ix->s->db,
                         "SELECT path FROM documents WHERE path > ?1 AND "
                         "path < ?2 AND path NOT IN (SELECT path FROM "
                         "temp.ws_seen)",
                         -1, &st, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *p = (const char *)sqlite3_column_text(st, 0);
    int skip = 0;
    for (size_t i = 0; i < ix->n_bad_dirs; i++) {
      size_t l = strlen(ix->bad_dirs[i]);
      if (strncmp(p, ix->bad_dirs[i], l) == 0 && p[l] == '/')
        skip = 1;
    }
    if (skip)
      continue;
    if (n_gone == cap) {
      size_t nc = cap ? cap * 2 : 16;
      char **ng = realloc(gone, nc * sizeof *ng);
      if (!ng)
        break;
      gone = ng;
      cap = nc;
    }
    if ((gone[n_gone] = strdup(p)))
      n_gone++;
  }
  sqlite3_finalize(st);
  st = NULL;
  for (size_t i = 0; i < n_gone && !ix->fatal; i++) {
    if (batch_begin(ix))
      break;
    int rc = ws_store_remove(ix->s, gone[i], ix->err);
    if (rc == WS_OK)
      ix->stats->removed++;
    else if (rc == WS_EDB)
      ix->fatal = 1;
  }
out:
  for (size_t i = 0; i < n_gone; i++)
    free(gone[i]);
  free(gone);
  sqlite3_finalize(st);
  free(lo);
  free(hi);
}

/* The absolute form of a root the user named; folders through realpath. */
static char *absolute(const char *p) {
  char *r = realpath(p, NULL);
  if (r)
    return r;
  if (p[0] == '/')
    return strdup(p);
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd))
    return strdup(p);
  return join(cwd, p);
}

int ws_index(ws_store *s, const char *const *paths, size_t n_paths,
             const ws_index_opts *opts, ws_index_stats *stats, ws_error *err) {
  static const ws_index_opts none = {0};
  ws_error local = {0};
  if (!err)
    err = &local;
  if (!opts)
    opts = &none;
  memset(stats, 0, sizeof *stats);
  if (s->readonly)
    return ws_store_fail(s, err, "database opened read-only");
  indexer ix;
  memset(&ix, 0, sizeof ix);
  ix.s = s;
  ix.o = opts;
  ix.stats = stats;
  ix.err = err;
  ix.t0 = now_seconds();
  /* A bulk load checkpoints the WAL every 32 MiB rather than every 4 MiB
   * (SQLite's default): pages written again by every batch, such as the
   * full-text index's and the entity totals', are copied into the
   * database once instead of at every commit.  Each commit stays durable
   * in the WAL either way; the file is cut back after a checkpoint. */
  int rc = ws_store_exec(s,
                         "PRAGMA wal_autocheckpoint = 8192;"
                         "PRAGMA journal_size_limit = 67108864;"
                         "CREATE TEMP TABLE IF NOT EXISTS ws_seen"
                         "(path TEXT PRIMARY KEY); DELETE FROM temp.ws_seen",
                         err);
  if (rc)
    return rc;
  sqlite3_stmt *any = NULL;
  if (sqlite3_prepare_v2(s->db, "SELECT NOT EXISTS (SELECT 1 FROM documents)",
                         -1, &any, NULL) == SQLITE_OK &&
      sqlite3_step(any) == SQLITE_ROW)
    ix.no_docs = sqlite3_column_int(any, 0);
  sqlite3_finalize(any);

  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  int jobs = opts->jobs > 0 ? opts->jobs : cores > 0 ? (int)cores : 1;
  if (jobs > 64)
    jobs = 64;
  ix.cap = (size_t)jobs * SLOTS_PER_JOB + 2;
  ix.min_inflight = (size_t)jobs * MIN_SLOTS_PER_JOB + 2;
  ix.ring = calloc(ix.cap, sizeof *ix.ring);
  pthread_t *th = calloc((size_t)jobs, sizeof *th);
  char **abs = calloc(n_paths ? n_paths : 1, sizeof *abs);
  if (!ix.ring || !th || !abs) {
    free(ix.ring);
    free(th);
    free(abs);
    snprintf(err->msg, sizeof err->msg, "out of memory");
    err->code = WS_ENOMEM;
    return WS_ENOMEM;
  }
  pthread_mutex_init(&ix.mu, NULL);
  pthread_cond_init(&ix.work, NULL);
  pthread_cond_init(&ix.done, NULL);
  int started = 0;
  for (; started < jobs; started++)
    if (pthread_create(&th[started], NULL, worker, &ix) != 0)
      break;
  ix.n_workers = started;

  walk w;
  memset(&w, 0, sizeof w);
  w.ix = &ix;
  w.exts = opts->exts;
  w.n_exts = opts->n_exts;
  for (size_t i = 0; i < n_paths; i++)
    abs[i] = absolute(paths[i]);
  if (opts->on_progress) {
    w.count_only = 1;
    for (size_t i = 0; i < n_paths && !stopping(&ix); i++)
      if (abs[i])
        visit(&w, abs[i], paths[i], 1);
    w.count_only = 0;
  }
  for (size_t i = 0; i < n_paths && !stopping(&ix); i++) {
    if (!abs[i]) {
      report(&ix, paths[i], WS_ENOMEM, -1, "out of memory");
      stats->failed++;
      continue;
    }
    visit(&w, abs[i], paths[i], 1);
  }
  ix.walked = 1;
  drain(&ix, 1);
  while (ix.next_write < ix.next_push)
    drain(&ix, 1);
  pthread_mutex_lock(&ix.mu);
  ix.quit = 1;
  pthread_cond_broadcast(&ix.work);
  pthread_mutex_unlock(&ix.mu);
  for (int i = 0; i < started; i++)
    pthread_join(th[i], NULL);

  stats->stopped = !ix.fatal && stopping(&ix);
  /* A file that vanished from an indexed folder is removed, but only after
   * a complete walk: an interrupted one has not seen everything. */
  if (!stopping(&ix)) {
    struct stat st;
    for (size_t i = 0; i < n_paths && !ix.fatal; i++)
      if (abs[i] && stat(abs[i], &st) == 0 && S_ISDIR(st.st_mode))
        remove_vanished(&ix, abs[i]);
  }
  if (!ix.fatal)
    batch_commit(&ix);
  double t_link = thread_cpu();
  if (!ix.fatal && ws_store_link(s, err))
    ix.fatal = 1;
  t_link = thread_cpu() - t_link;
  stats->cpu_writer = thread_cpu();
  stats->cpu_put = ix.cpu_put;
  stats->cpu_commit = ix.cpu_commit;
  stats->cpu_link = t_link + ix.cpu_link;
  if (ix.fatal && s->in_txn)
    ws_store_rollback(s);
  progress(&ix, 1);
  stats->seconds = now_seconds() - ix.t0;

  for (size_t i = 0; i < n_paths; i++)
    free(abs[i]);
  free(abs);
  for (size_t i = 0; i < ix.n_bad_dirs; i++)
    free(ix.bad_dirs[i]);
  free(ix.bad_dirs);
  free(th);
  free(ix.ring);
  pthread_mutex_destroy(&ix.mu);
  pthread_cond_destroy(&ix.work);
  pthread_cond_destroy(&ix.done);
  sqlite3_exec(s->db,
               "DELETE FROM temp.ws_seen; PRAGMA wal_autocheckpoint = 1000",
               NULL, NULL, NULL);
  return ix.fatal ? (err->code ? err->code : WS_EDB) : WS_OK;
}
