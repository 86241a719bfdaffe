/*
 * mentions.c - mention lists: a document's mentions as one BLOB
 * (documents.mentions), written and read.
 *
 * Not one row each: a row per mention was half of the writer's B-tree
 * work, and no query looks a single mention up.  Per mention, in text
 * order, four unsigned LEB128 varints: entity id, start minus the
 * previous start, length, line minus the previous line (deltas keep most
 * of them to one byte, as in FTS5's position lists).  A mention takes at
 * most MENTION_MAX_BYTES (store_int.h).
 */
#include "store/store_int.h"

static size_t put_varint(unsigned char *p, uint64_t v) {
  size_t n = 0;
  while (v >= 0x80) {
    p[n++] = (unsigned char)(v | 0x80);
    v >>= 7;
  }
  p[n++] = (unsigned char)v;
  return n;
}

static int get_varint(const unsigned char *p, size_t len, size_t *pos,
                      uint64_t *v) {
  uint64_t x = 0;
  for (unsigned shift = 0; *pos < len && shift < 64; shift += 7) {
    unsigned char b = p[(*pos)++];
    x |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) {
      *v = x;
      return 1;
    }
  }
  return 0;
}

size_t store_mention_put(unsigned char *p, const ws_stored_mention *prev,
                         const ws_stored_mention *m) {
  size_t n = put_varint(p, (uint64_t)m->entity);
  n += put_varint(p + n, m->start - prev->start);
  n += put_varint(p + n, m->end - m->start);
  n += put_varint(p + n, m->line - prev->line);
  return n;
}

int ws_mentions_next(const void *blob, size_t len, size_t *pos,
                     ws_stored_mention *m) {
  const unsigned char *p = blob;
  uint64_t e, ds, n, dl;
  if (!p || *pos >= len || !get_varint(p, len, pos, &e) ||
      !get_varint(p, len, pos, &ds) || !get_varint(p, len, pos, &n) ||
      !get_varint(p, len, pos, &dl) || e > INT64_MAX ||
      ds > UINT32_MAX - m->start || n > UINT32_MAX - m->start - ds ||
      dl > UINT32_MAX - m->line)
    return 0;
  m->entity = (int64_t)e;
  m->start += (uint32_t)ds;
  m->end = m->start + (uint32_t)n;
  m->line += (uint32_t)dl;
  return 1;
}
