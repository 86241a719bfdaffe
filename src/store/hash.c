/*
 * hash.c - ws_hash, the 64-bit hash of file contents, names, statement
 * keys and quote texts.
 *
 * Stored rows depend on it (documents.hash, statements.hash, texts.hash,
 * statement_grams.hash): a change of a single bit would make every
 * existing database disagree with the code, so it stays fixed.
 */
#include <stdint.h>
#include <string.h>

#include "text/text.h"
#include "whosaid.h"

/* 64-bit hash of any bytes, eight at a time: each word is mixed in with
 * one multiply and a shift, and the tail and the length go into the last
 * word; the finaliser is MurmurHash3's fmix64 (public domain).  A file's
 * hash is taken over the whole file on every index run, so a byte at a
 * time (FNV-1a, before) showed in profiles. */
uint64_t ws_hash(const void *data, size_t len) {
  const unsigned char *p = data;
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = 0xcbf29ce484222325ull ^ ((uint64_t)len * k);
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  /* the tail as a little-endian word (keys and names are short, so the
   * tail is much of their hash), the same value however it is read: on a
   * little-endian machine, from eight bytes of the input ending at its
   * end, shifted down past the bytes already mixed in (no branch on the
   * tail's length, whose mispredictions showed in profiles), or a load
   * of each size below eight bytes; elsewhere a byte at a time */
  static const union {
    uint16_t u;
    unsigned char b[2];
  } endian = {1};
  uint64_t w = 0;
  if (endian.b[0] && len >= 8) {
    uint64_t x;
    memcpy(&x, p + len - 8, 8);
    w = x >> (8 * (7 - (len - i))) >> 8; /* 0 when no byte is left */
  } else if (endian.b[0]) {
    w = ws_load_tail((const char *)p + i, len - i);
  } else {
    for (size_t j = 0; i + j < len; j++)
      w |= (uint64_t)p[i + j] << (8 * j);
  }
  h = (h ^ w) * k;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb93fe53a87ecull;
  h ^= h >> 33;
  return h;
}
