/*
 * arena.c - bump allocator.
 *
 * Invariants: `head` is the block being carved; blocks form a singly
 * linked list through `next` and are freed together.  `used <= cap` in
 * every block.  A request larger than the default block size gets a block
 * of its own so that large token arrays do not waste a whole block.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_MIN_BLOCK (64u * 1024u)
#define ARENA_ALIGN 16u

typedef struct block {
  struct block *next; /* previously filled block */
  size_t cap;         /* usable bytes in data[] */
  size_t used;        /* bytes handed out from data[] */
  _Alignas(16) unsigned char data[];
} block;

struct ws_arena {
  block *head;  /* current block, NULL before the first allocation */
  size_t total; /* bytes handed out, for ws_arena_used */
};

ws_arena *ws_arena_new(void) { return calloc(1, sizeof(ws_arena)); }

void ws_arena_free(ws_arena *a) {
  if (!a)
    return;
  block *b = a->head;
  while (b) {
    block *next = b->next;
    free(b);
    b = next;
  }
  free(a);
}

static block *block_new(size_t cap) {
  if (cap > SIZE_MAX - sizeof(block))
    return NULL;
  block *b = malloc(sizeof(block) + cap);
  if (!b)
    return NULL;
  b->next = NULL;
  b->cap = cap;
  b->used = 0;
  return b;
}

void *ws_arena_alloc(ws_arena *a, size_t n) {
  if (n == 0)
    n = 1;
  if (n > SIZE_MAX - ARENA_ALIGN)
    return NULL;
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  block *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = ARENA_MIN_BLOCK;
    if (b && b->cap < SIZE_MAX / 2 && b->cap * 2 > cap)
      cap = b->cap * 2; /* geometric growth keeps the block count small */
    if (cap < n)
      cap = n;
    block *nb = block_new(cap);
    if (!nb)
      return NULL;
    nb->next = b;
    a->head = b = nb;
  }
  void *p = b->data + b->used;
  b->used += n;
  a->total += n;
  return p;
}

void *ws_arena_calloc(ws_arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    return NULL;
  void *p = ws_arena_alloc(a, count * size);
  if (p)
    memset(p, 0, count * size);
  return p;
}

char *ws_arena_strndup(ws_arena *a, const char *s, size_t n) {
  if (n == SIZE_MAX)
    return NULL;
  char *p = ws_arena_alloc(a, n + 1);
  if (!p)
    return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

size_t ws_arena_used(const ws_arena *a) { return a ? a->total : 0; }

void ws_vec_init(ws_vec *v, size_t size) {
  v->items = NULL;
  v->len = 0;
  v->cap = 0;
  v->size = size;
}

void *ws_vec_push(ws_vec *v, ws_arena *a) {
  if (v->len == v->cap) {
    size_t cap = v->cap ? v->cap * 2 : 16;
    if (cap < v->cap || cap > SIZE_MAX / v->size)
      return NULL;
    void *items = ws_arena_alloc(a, cap * v->size);
    if (!items)
      return NULL;
    if (v->len)
      memcpy(items, v->items, v->len * v->size);
    v->items = items;
    v->cap = cap;
  }
  unsigned char *p = (unsigned char *)v->items + v->len * v->size;
  memset(p, 0, v->size);
  v->len++;
  return p;
}
