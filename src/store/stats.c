/*
 * stats.c - ws_store_stats_get: how much a database holds, and its size
 * on disk with its write-ahead log.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store_int.h"

int ws_store_stats_get(ws_store *s, ws_store_stats *out, ws_error *err) {
  memset(out, 0, sizeof *out);
  sqlite3_stmt *st;
  const char *sql = "SELECT (SELECT count(*) FROM documents),"
                    " (SELECT count(*) FROM entities WHERE n_mentions > 0),"
                    " (SELECT coalesce(sum(n_mentions), 0) FROM documents),"
                    " (SELECT coalesce(sum(n_quotes), 0) FROM documents),"
                    " (SELECT count(*) FROM statements),"
                    " (SELECT coalesce(sum(n_spoken), 0) FROM documents)";
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
    return ws_store_fail(s, err, s->path);
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return ws_store_fail(s, err, s->path);
  }
  out->documents = sqlite3_column_int64(st, 0);
  out->entities = sqlite3_column_int64(st, 1);
  out->mentions = sqlite3_column_int64(st, 2);
  out->quotes = sqlite3_column_int64(st, 3);
  out->statements = sqlite3_column_int64(st, 4);
  out->quotes_with_speaker = sqlite3_column_int64(st, 5);
  sqlite3_finalize(st);
  struct stat sb;
  if (stat(s->path, &sb) == 0)
    out->db_bytes += sb.st_size;
  size_t n = strlen(s->path);
  char *wal = malloc(n + 5);
  if (wal) {
    memcpy(wal, s->path, n);
    memcpy(wal + n, "-wal", 5);
    if (stat(wal, &sb) == 0)
      out->db_bytes += sb.st_size;
    free(wal);
  }
  return WS_OK;
}
