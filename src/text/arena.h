/*
 * arena.h - a bump allocator: one per document.
 *
 * Everything found in one article (tokens, mentions, entities, quotes,
 * normalised names) is allocated from the document's arena and released at
 * once by ws_arena_free().  Blocks grow geometrically, so allocation is
 * amortised O(1) and the number of mallocs is O(log size).  Every size
 * computation is checked for overflow.
 */
#ifndef WS_ARENA_H
#define WS_ARENA_H

#include <stddef.h>

typedef struct ws_arena ws_arena;

/* Returns a new empty arena, or NULL when out of memory.
 * Free with ws_arena_free(). */
ws_arena *ws_arena_new(void);

/* The same with a first block of `first_block` bytes (rounded up to a
 * small minimum) rather than 64 KiB: for the many small arenas that are
 * kept alive a while, such as the records waiting for the database
 * writer.  Later blocks still double. */
ws_arena *ws_arena_new_sized(size_t first_block);

/* Frees the arena and every allocation made from it.  Accepts NULL. */
void ws_arena_free(ws_arena *a);

/* Returns n bytes aligned for any type, or NULL when out of memory. */
void *ws_arena_alloc(ws_arena *a, size_t n);

/* Returns storage of new_n bytes that starts with the first old_n bytes
 * of p, an earlier result of this arena for a request of exactly old_n
 * bytes (or NULL with old_n 0).  Big blocks are resized in place; small
 * ones are copied and the old copy stays until the arena is freed.
 * Returns NULL when out of memory (p is then unchanged). */
void *ws_arena_grow(ws_arena *a, void *p, size_t old_n, size_t new_n);

/* Returns zeroed storage for count items of size bytes each, or NULL when
 * out of memory or when count * size overflows. */
void *ws_arena_calloc(ws_arena *a, size_t count, size_t size);

/* Returns a NUL-terminated copy of s[0..n), or NULL when out of memory. */
char *ws_arena_strndup(ws_arena *a, const char *s, size_t n);

/* Bytes handed out so far (for tests and memory accounting). */
size_t ws_arena_used(const ws_arena *a);

/*
 * ws_vec: a growable array whose storage comes from an arena, grown by
 * doubling through ws_arena_grow(): small arrays are copied (waste is
 * bounded by the final size), big ones resized in place.
 */
typedef struct ws_vec {
  void *items;     /* cap * size bytes, from the arena */
  size_t len;      /* items in use */
  size_t cap;      /* items allocated */
  size_t size;     /* bytes per item */
} ws_vec;

/* Initialises an empty vector of items of `size` bytes. */
void ws_vec_init(ws_vec *v, size_t size);

/* Returns a pointer to a new zeroed item at the end, or NULL when out of
 * memory (the vector is unchanged). */
void *ws_vec_push(ws_vec *v, ws_arena *a);

#endif
