/*
 * arena.c - bump allocator.
 *
 * Invariants: small requests are carved from `head`, the newest block of
 * a singly linked list; blocks grow geometrically up to ARENA_MAX_BLOCK,
 * so a document costs O(log size) mallocs and wastes at most one
 * partly-used block.  Requests of ARENA_BIG bytes or more get a block of
 * their own on the doubly linked `big` list: that keeps the carving
 * blocks small, and lets ws_arena_grow() realloc such a block in place
 * (the kernel remaps pages instead of copying), so a growing token array
 * never leaves abandoned copies behind.  Everything is freed together.
 */
#include "text/arena.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_MIN_BLOCK (64u * 1024u)
#define ARENA_SMALLEST_BLOCK 1024u
#define ARENA_MAX_BLOCK (1024u * 1024u)
#define ARENA_BIG (128u * 1024u)
#define ARENA_ALIGN 16u

typedef struct block {
  struct block *next; /* older block (carving list) or next big block */
  struct block *prev; /* previous big block; unused on the carving list */
  size_t cap;         /* usable bytes in data[] */
  size_t used;        /* bytes handed out from data[] */
  _Alignas(16) unsigned char data[];
} block;

struct ws_arena {
  block *head;  /* carving block, NULL before the first small request */
  block *big;   /* blocks of single big requests, newest first */
  size_t total; /* bytes handed out, for ws_arena_used */
  size_t first; /* size of the first carving block */
};

ws_arena *ws_arena_new_sized(size_t first_block) {
  ws_arena *a = calloc(1, sizeof(ws_arena));
  if (a)
    a->first = first_block < ARENA_SMALLEST_BLOCK   ? ARENA_SMALLEST_BLOCK
               : first_block > ARENA_MAX_BLOCK ? ARENA_MAX_BLOCK
                                               : first_block;
  return a;
}

ws_arena *ws_arena_new(void) { return ws_arena_new_sized(ARENA_MIN_BLOCK); }

static void free_list(block *b) {
  while (b) {
    block *next = b->next;
    free(b);
    b = next;
  }
}

void ws_arena_free(ws_arena *a) {
  if (!a)
    return;
  free_list(a->head);
  free_list(a->big);
  free(a);
}

static block *block_new(size_t cap) {
  if (cap > SIZE_MAX - sizeof(block))
    return NULL;
  block *b = malloc(sizeof(block) + cap);
  if (!b)
    return NULL;
  b->next = b->prev = NULL;
  b->cap = cap;
  b->used = 0;
  return b;
}

static void *big_alloc(ws_arena *a, size_t n) {
  block *b = block_new(n);
  if (!b)
    return NULL;
  b->used = n;
  b->next = a->big;
  if (a->big)
    a->big->prev = b;
  a->big = b;
  a->total += n;
  return b->data;
}

void *ws_arena_alloc(ws_arena *a, size_t n) {
  if (n >= ARENA_BIG)
    return big_alloc(a, n);
  if (n == 0)
    n = 1;
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  block *b = a->head;
  if (!b || b->cap - b->used < n) {
    size_t cap = a->first;
    if (b && b->cap < ARENA_MAX_BLOCK)
      cap = b->cap * 2; /* geometric growth keeps the block count small */
    else if (b)
      cap = ARENA_MAX_BLOCK;
    /* the request must fit: a first request between ARENA_MIN_BLOCK and
     * ARENA_BIG (the line index of 20,000 short lines) overran a
     * minimum-size block */
    while (cap < n)
      cap *= 2;
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

void *ws_arena_grow(ws_arena *a, void *p, size_t old_n, size_t new_n) {
  if (new_n <= old_n)
    return p;
  if (p && old_n >= ARENA_BIG) {
    /* p is the data of a big block (every request of that size is) */
    block *b = (block *)((unsigned char *)p - offsetof(block, data));
    if (new_n > SIZE_MAX - sizeof(block))
      return NULL;
    block *nb = realloc(b, sizeof(block) + new_n);
    if (!nb)
      return NULL;
    if (nb->prev)
      nb->prev->next = nb;
    else
      a->big = nb;
    if (nb->next)
      nb->next->prev = nb;
    a->total += new_n - nb->cap;
    nb->cap = nb->used = new_n;
    return nb->data;
  }
  void *q = ws_arena_alloc(a, new_n);
  if (q && old_n)
    memcpy(q, p, old_n);
  return q;
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
    void *items =
        ws_arena_grow(a, v->items, v->cap * v->size, cap * v->size);
    if (!items)
      return NULL;
    v->items = items;
    v->cap = cap;
  }
  unsigned char *p = (unsigned char *)v->items + v->len * v->size;
  memset(p, 0, v->size);
  v->len++;
  return p;
}
