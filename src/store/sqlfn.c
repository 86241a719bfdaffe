/*
 * sqlfn.c - the SQL functions whosaid adds to each connection: ws_remap
 * and ws_mentions (mention lists), ws_kind (an entity's kind from its
 * votes).
 *
 * All three read only their arguments, so they are registered as
 * deterministic and innocuous: any SQL of the connection may call them.
 */
#include "store/store_int.h"

/* SQL ws_remap(list, from, into): the mention list with entity `from`
 * renamed `into`, for fixing lists with plain SQL (ws_store_link renames
 * a pass's merges at once, relink_docs). */
static void sql_remap(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *in = sqlite3_value_blob(argv[0]);
  size_t len = (size_t)sqlite3_value_bytes(argv[0]), pos = 0, o = 0;
  int64_t from = sqlite3_value_int64(argv[1]);
  int64_t into = sqlite3_value_int64(argv[2]);
  if (!in) {
    sqlite3_result_value(cx, argv[0]);
    return;
  }
  /* A larger id takes at most one more byte per varint of 9. */
  unsigned char *out = sqlite3_malloc64(len * 2 + 16);
  if (!out) {
    sqlite3_result_error_nomem(cx);
    return;
  }
  ws_stored_mention prev = {0, 0, 0, 0}, m = prev;
  while (ws_mentions_next(in, len, &pos, &m)) {
    ws_stored_mention w = m;
    if (w.entity == from)
      w.entity = into;
    o += store_mention_put(out + o, &prev, &w);
    prev = m;
  }
  sqlite3_result_blob(cx, out, (int)o, sqlite3_free);
}

/* SQL ws_kind(other, person, org, place): the corpus-wide kind of an
 * entity from the mentions that vote for each kind (entities.votes_*).
 * A document with no evidence says "other" (a bare surname, an adjective
 * use), so "other" wins only with more than twice the votes of the best
 * specific kind: "Democratic", called other in four hundred documents
 * and person in three, stays other; a person named by surname alone in
 * most articles stays a person.  Ties go to person, then org, then place.
 * Every UPDATE of the votes sets kind with it (a trigger per row cost as
 * much as the update). */
static void sql_kind(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  int64_t other = sqlite3_value_int64(argv[0]);
  int64_t person = sqlite3_value_int64(argv[1]);
  int64_t org = sqlite3_value_int64(argv[2]);
  int64_t place = sqlite3_value_int64(argv[3]);
  int64_t best = person > org ? person : org;
  if (place > best)
    best = place;
  int kind;
  if (best <= 0 || other > 2 * best)
    kind = WS_ENTITY_OTHER;
  else if (person >= org && person >= place)
    kind = WS_ENTITY_PERSON;
  else if (org >= place)
    kind = WS_ENTITY_ORG;
  else
    kind = WS_ENTITY_PLACE;
  sqlite3_result_int(cx, kind);
}

/* SQL ws_mentions(list): the list as JSON, [[entity, start, end, line],
 * ...], for reading mentions with plain SQL. */
static void sql_mentions(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  (void)argc;
  const unsigned char *in = sqlite3_value_blob(argv[0]);
  size_t len = (size_t)sqlite3_value_bytes(argv[0]), pos = 0;
  sqlite3_str *str = sqlite3_str_new(sqlite3_context_db_handle(cx));
  ws_stored_mention m = {0, 0, 0, 0};
  sqlite3_str_appendchar(str, 1, '[');
  for (int k = 0; ws_mentions_next(in, len, &pos, &m); k++)
    sqlite3_str_appendf(str, "%s[%lld,%u,%u,%u]", k ? "," : "",
                        (long long)m.entity, m.start, m.end, m.line);
  sqlite3_str_appendchar(str, 1, ']');
  int n = sqlite3_str_length(str);
  char *z = sqlite3_str_finish(str);
  if (!z)
    sqlite3_result_error_nomem(cx);
  else
    sqlite3_result_text(cx, z, n, sqlite3_free);
}

int store_sql_functions(sqlite3 *db) {
  int fflags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function(db, "ws_remap", 3, fflags, NULL, sql_remap,
                                   NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "ws_mentions", 1, fflags, NULL,
                                 sql_mentions, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "ws_kind", 4, fflags, NULL, sql_kind,
                                 NULL, NULL);
  return rc;
}
