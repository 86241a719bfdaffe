/*
 * identity.c - within-document identity: which mentions name the same
 * entity, its name, aliases and roles.
 *
 * Each mention gets its name (NFC) and a folded key; fixed abbreviations
 * (U.S., US) and names made adjective (Toronto-based) key their
 * expansion.  Longer names are resolved first; a shorter name that equals
 * a token suffix of exactly one longer personal name folds into it
 * (Haniyeh -> Ismail Haniyeh, Mr. Trump -> Donald Trump, never Donald
 * Trump Jr.), and so does a given name alone that starts exactly one; an
 * acronym in brackets after a name, or spelling the initials of exactly
 * one longer name, links to it.  A form shared by two names is ambiguous
 * and folds into neither.  The entity's kind is elected from its
 * mentions' votes (entity_kind.c), a person's family name becomes an
 * alias, and entities are listed in order of first mention.
 *
 * ws_ent_resolve() runs the steps in order: describe, by_length,
 * tables_init, link_acronyms, identify, gather, kinds, emit.  The string
 * tables (stab) are open-addressing hash sets over folded keys, sized from
 * bounds on what they will hold; every key lives in the arena.
 */
#include "extract/entity_ctx.h"

#include <stdlib.h>
#include <string.h>

/* String table: folded name -> entity index. */
typedef struct sslot {
  const char *key; /* NULL marks an empty slot */
  int32_t val;     /* entity index, or -2 when ambiguous */
  uint32_t hash;   /* key_hash(key): most mismatches skip strcmp */
} sslot;

typedef struct stab {
  sslot *slot;
  size_t mask;
  size_t used;
} stab;

static int stab_init(stab *t, ws_arena *a, size_t want) {
  size_t cap = 16;
  while (cap < want * 2)
    cap *= 2;
  t->slot = ws_arena_calloc(a, cap, sizeof(sslot));
  t->mask = cap - 1;
  t->used = 0;
  return t->slot ? WS_OK : WS_ENOMEM;
}

static inline uint32_t key_hash(const char *key) {
  return (uint32_t)hash_fold(key, strlen(key));
}

/* Returns the slot of key, whose key_hash() is h (empty when absent; a
 * new key's caller stores h with it). */
static sslot *stab_get_h(stab *t, const char *key, uint32_t h) {
  size_t k = h & t->mask;
  while (t->slot[k].key &&
         (t->slot[k].hash != h || strcmp(t->slot[k].key, key) != 0))
    k = (k + 1) & t->mask;
  return &t->slot[k];
}

/* Sets key -> val; a second, different value makes the key ambiguous. */
static void stab_put_h(stab *t, const char *key, uint32_t h, int32_t val,
                       int exclusive) {
  sslot *s = stab_get_h(t, key, h);
  if (!s->key) {
    s->key = key;
    s->hash = h;
    s->val = val;
    t->used++;
  } else if (exclusive && s->val != val) {
    s->val = -2;
  }
}

static void stab_put(stab *t, const char *key, int32_t val, int exclusive) {
  stab_put_h(t, key, key_hash(key), val, exclusive);
}

/* ws_text_nfc / ws_text_fold with a fast path for ASCII, which is already
 * in NFC: copy, white space runs folded to one space, lowered if fold. */
static char *norm(ws_arena *a, const char *s, size_t n, int fold) {
  /* one pass: a non-ASCII byte abandons the copy (its n + 1 bytes stay
   * in the arena) for the full normalisation */
  char *out = ws_arena_alloc(a, n + 1);
  if (!out)
    return NULL;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)s[i];
    if (ch <= ' ') {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (k && out[k - 1] != ' ')
          out[k++] = ' ';
        continue;
      }
    } else if (ch >= 0x80) {
      return fold ? ws_text_fold(a, s, n) : ws_text_nfc(a, s, n);
    }
    out[k++] = (char)(fold && ch - 'A' < 26u ? ch + 32 : ch);
  }
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = 0;
  return out;
}

/* ws_text_nfc of the NUL-terminated s, which norm() copies when it is
 * ASCII without the white space only ws_text_nfc folds (\v, \f): the
 * canonical names of the lexicon are, and utf8proc costs thousands of
 * instructions a call. */
static char *canon_nfc(ws_arena *a, const char *s) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)s[i];
    if (ch >= 0x80 || ch == '\v' || ch == '\f')
      return ws_text_nfc(a, s, n);
  }
  return norm(a, s, n, 0);
}

/* The name of a mention, text[s, e) normalised as span_nfc() does, and
 * when it is ASCII also its key (what norm() folding the name gives: the
 * name lowered, its white space being single spaces already) from the
 * same pass; *key is NULL otherwise.  Returns the name, or NULL when out
 * of memory. */
static const char *name_and_key(ctx *c, uint32_t s, uint32_t e,
                                const char **key) {
  const char *src = c->text + s;
  size_t n = e - s;
  *key = NULL;
  char *out = ws_arena_alloc(c->doc->arena, 2 * (n + 1));
  if (!out)
    return NULL;
  char *low = out + n + 1;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned ch = (unsigned char)src[i];
    if (ch <= ' ') {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        if (k && out[k - 1] != ' ')
          out[k] = low[k] = ' ', k++;
        continue;
      }
    } else if (ch >= 0x80) {
      return ws_text_nfc(c->doc->arena, src, n);
    }
    out[k] = (char)ch;
    low[k] = (char)(ch - 'A' < 26u ? ch + 32 : ch);
    k++;
  }
  while (k && out[k - 1] == ' ')
    k--;
  out[k] = low[k] = 0;
  *key = low;
  return out;
}

static const char *span_nfc(ctx *c, uint32_t s, uint32_t e) {
  return norm(c->doc->arena, c->text + s, e - s, 0);
}

/* Acronym letters of a mention's capitalised words ("Islamic Revolutionary
 * Guard Corps" -> "IRGC") into buf; returns its length. */
size_t ws_ent_initials(const ctx *c, const cand *m, char *buf, size_t cap) {
  size_t k = 0;
  for (uint32_t i = m->a; i < m->b && k + 1 < cap; i++) {
    const ws_token *t = &c->tok[i];
    if (!(t->flags & WS_TF_CAP))
      continue;
    unsigned char ch = (unsigned char)c->text[t->start];
    if (ch < 0x80)
      buf[k++] = (char)ch;
  }
  buf[k] = 0;
  return k;
}

/* 1 when the NUL-terminated s has an ASCII lower-case letter. */
static int has_lower(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z')
      return 1;
  return 0;
}

/* 1 when x and y are the same name but for case. */
static int same_fold(ws_arena *a, const char *x, const char *y) {
  const char *fx = norm(a, x, strlen(x), 1), *fy = norm(a, y, strlen(y), 1);
  return fx && fy && strcmp(fx, fy) == 0;
}

static int add_unique(ws_arena *a, const char ***list, uint32_t *n,
                      uint32_t max, const char *s) {
  for (uint32_t i = 0; i < *n; i++)
    if (strcmp((*list)[i], s) == 0)
      return WS_OK;
  if (*n >= max)
    return WS_OK;
  if (*n == 0) {
    *list = ws_arena_alloc(a, max * sizeof(char *));
    if (!*list)
      return WS_ENOMEM;
  }
  (*list)[(*n)++] = s;
  return WS_OK;
}

typedef struct ent_acc {
  int votes[4];   /* evidence weight per kind */
  uint32_t first; /* first mention index */
} ent_acc;

/* 1 when name[0..n) is a name particle (bin, Al, van), any case. */
static int particle_word(const char *w, size_t n) {
  char low[8];
  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++)
    low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
  return ws_lex_is_particle(low, n);
}

/* Adds the family name of a person entity of two or more words as an
 * alias (see the caller).  Returns WS_OK or WS_ENOMEM. */
static int add_family_name(ws_arena *a, ws_entity *e) {
  const char *name = e->name;
  const char *last = strrchr(name, ' ');
  if (!last)
    return WS_OK;
  const char *start = last + 1;
  size_t tail = strlen(start);
  if (ws_lex_is_generation(start, tail) ||
      (tail > 1 && start[tail - 1] == '.'))
    return WS_OK; /* Jr., Sr., III, or an initial */
  /* walk back over particles: "... Jassim Al Thani" -> "Al Thani" */
  while (start > name) {
    const char *end = start - 1; /* the space before the current word */
    const char *w = end;
    while (w > name && w[-1] != ' ')
      w--;
    if (w == name || !particle_word(w, (size_t)(end - w)))
      break;
    start = w;
  }
  if (start == name)
    return WS_OK;
  return add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES, start);
}

static int cmp_len_desc(const void *x, const void *y) {
  const cand *const *a = x, *const *b = y;
  uint32_t la = (*a)->b - (*a)->a, lb = (*b)->b - (*b)->a;
  if (la != lb)
    return la > lb ? -1 : 1;
  return (*a)->a < (*b)->a ? -1 : (*a)->a > (*b)->a;
}

static int new_entity(ctx *c, stab *names, cand *m, const char *canon_name) {
  ws_doc *doc = c->doc;
  sslot *sl = stab_get_h(names, m->key, m->khash);
  if (sl->key) {
    m->entity = sl->val;
    return WS_OK;
  }
  ws_entity *e = ws_vec_push(&doc->entities, doc->arena);
  if (!e)
    return WS_ENOMEM;
  e->name = canon_name;
  sl->key = m->key;
  sl->hash = m->khash;
  sl->val = (int32_t)(doc->entities.len - 1);
  names->used++;
  m->entity = sl->val;
  return WS_OK;
}

/* Token suffixes of a personal name that may stand for it alone (never
 * one starting with a particle or a generational suffix), and its given
 * name.  A form shared by two names becomes ambiguous and folds into
 * neither. */
static int fold_suffixes(ctx *c, stab *suffixes, stab *given, cand *m) {
  for (uint32_t k = m->a + 1; k < m->b; k++) {
    const ws_token *t = &c->tok[k];
    if (c->cls[k] != C_NAME ||
        ws_lex_is_generation(c->text + t->start, t->core_end - t->start))
      continue;
    const char *key = norm(c->doc->arena, c->text + t->start,
                           c->tok[m->b - 1].core_end - t->start, 1);
    if (!key)
      return WS_ENOMEM;
    stab_put(suffixes, key, m->entity, 1);
  }
  /* a person is also called by the given name alone (Hillary for Hillary
   * Rodham Clinton) when no other name of the document starts with it */
  const ws_token *g = &c->tok[m->a];
  if (m->kind == WS_ENTITY_PERSON && c->cls[m->a] == C_NAME &&
      !(g->flags & (WS_TF_ABBR | WS_TF_UPPER)) && ws_ent_given_name_at(c, m->a)) {
    const char *key =
        norm(c->doc->arena, c->text + g->start, g->core_end - g->start, 1);
    if (!key)
      return WS_ENOMEM;
    stab_put(given, key, m->entity, 1);
  }
  return WS_OK;
}

/* End of a mention's name: its last word without a possessive, and with a
 * dollar sign written against a country code (C$, HK$, US$: the currency,
 * not the country). */
static uint32_t mention_end(const ctx *c, const cand *m) {
  const ws_token *t = &c->tok[m->b - 1];
  if (m->b < c->n && c->tok[m->b].cp == '$' && c->tok[m->b].start == t->end &&
      m->b - m->a == 1 && (t->flags & WS_TF_UPPER) &&
      !(t->flags & WS_TF_ABBR) && t->end - t->start <= 3)
    return c->tok[m->b].end;
  return t->core_end;
}


/* The role of mention m: a title phrase before it ("Qatar's Foreign
 * Minister") or in apposition after it; sets *head to the WS_TITLE_* of
 * the title before it.  Returns WS_OK or WS_ENOMEM. */
static int role_of(ctx *c, cand *m, int *head) {
  size_t rs = ws_ent_role_start(c, m->a, head);
  if (*head == WS_TITLE_HEAD) {
    m->role = span_nfc(c, c->tok[rs].start, c->tok[m->a - 1].core_end);
    if (!m->role)
      return WS_ENOMEM;
  } else {
    size_t ra, rb;
    if (ws_ent_appositive_role(c, m->b, &ra, &rb)) {
      m->role = span_nfc(c, c->tok[ra].start, c->tok[rb - 1].core_end);
      if (!m->role)
        return WS_ENOMEM;
    }
  }
  return WS_OK;
}

/* The canonical name of mention m, text[s, e), when it is not its own:
 * the name before a hyphen of a name made adjective (Toronto-based), the
 * expansion of a fixed abbreviation (U.S.), the singular of a plural
 * nationality that names a country; and its key (norm() folding, or the
 * one name_and_key() gave as name_key).  Returns WS_OK or WS_ENOMEM. */
static int canon_of(ctx *c, cand *m, uint32_t s, uint32_t e,
                    const char *name_key) {
  ws_doc *doc = c->doc;
  ws_arena *a = doc->arena;
  const char *abbr = ws_lex_abbrev_name(doc->text + s, e - s);
  const char *nat = m->b - m->a == 1 ? tok_nationality(c, m->a) : NULL;
  if (c->adj[m->b - 1]) {
    /* Toronto-based names Toronto: the name before the last hyphen */
    uint32_t h = e;
    while (h > s && doc->text[h - 1] != '-')
      h--;
    const char *ab =
        h > s + 1 ? ws_lex_abbrev_name(doc->text + s, h - 1 - s) : NULL;
    m->canon = ab          ? ab
               : h > s + 1 ? ws_arena_strndup(a, doc->text + s, h - 1 - s)
                           : NULL;
    m->adjective = 1;
    m->kind = WS_ENTITY_OTHER, m->weight = 0;
    if (h > s + 1 && !m->canon)
      return WS_ENOMEM;
  } else if (abbr)
    m->canon = abbr;
  else if (nat && doc->text[e - 1] == 's' &&
           ws_lex_nationality_country(doc->text + s, e - s - 1))
    m->canon = ws_arena_strndup(a, m->name, strlen(m->name) - 1);
  const char *k = m->canon ? m->canon : m->name;
  m->key = !m->canon && name_key ? name_key : norm(a, k, strlen(k), 1);
  if (!m->key || (m->canon && !(m->canon = canon_nfc(a, m->canon))))
    return WS_ENOMEM;
  m->khash = key_hash(m->key);
  return WS_OK;
}

/* Step 1: the name, key, role and local kind of every candidate. */
static int describe(ctx *c) {
  cand *cs = c->cands.items;
  int rc;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    uint32_t s = c->tok[m->a].start, e = mention_end(c, m);
    const char *name_key;
    m->name = name_and_key(c, s, e, &name_key);
    if (!m->name)
      return WS_ENOMEM;
    int head = 0;
    if ((rc = role_of(c, m, &head)))
      return rc;
    ws_ent_kind_of(c, m, head);
    if ((rc = canon_of(c, m, s, e, name_key)))
      return rc;
  }
  return WS_OK;
}

/* Step 2: the candidates, longest names first, so that short forms find
 * them; *order gets an array of nc pointers.  Returns WS_OK or
 * WS_ENOMEM. */
static int by_length(ctx *c, cand ***order_out) {
  ws_arena *a = c->doc->arena;
  cand *cs = c->cands.items;
  size_t nc = c->cands.len;
  cand **order = ws_arena_calloc(a, nc ? nc : 1, sizeof(cand *));
  if (!order)
    return WS_ENOMEM;
  /* The candidates come in text order (strictly increasing first
   * tokens), so a stable counting sort by length gives cmp_len_desc's
   * order without a comparison sort; qsort stays for any other case. */
  size_t maxlen = 0;
  int text_order = 1;
  for (size_t i = 0; i < nc; i++) {
    size_t l = cs[i].b - cs[i].a;
    if (l > maxlen)
      maxlen = l;
    if (i && cs[i].a <= cs[i - 1].a)
      text_order = 0;
  }
  size_t *start = text_order && maxlen < 64
                      ? ws_arena_calloc(a, maxlen + 2, sizeof(size_t))
                      : NULL;
  if (start) {
    for (size_t i = 0; i < nc; i++) /* longest first: bucket maxlen - l */
      start[maxlen - (cs[i].b - cs[i].a) + 1]++;
    for (size_t l = 1; l <= maxlen + 1; l++)
      start[l] += start[l - 1];
    for (size_t i = 0; i < nc; i++)
      order[start[maxlen - (cs[i].b - cs[i].a)]++] = &cs[i];
  } else {
    for (size_t i = 0; i < nc; i++)
      order[i] = &cs[i];
    qsort(order, nc, sizeof(cand *), cmp_len_desc);
  }
  *order_out = order;
  return WS_OK;
}

/* The tables of identity: folded key -> entity (names: full names;
 * suffixes: family names and other token suffixes of personal names;
 * given: given names; inits: initials of multi-word names), and acro:
 * bracketed acronym -> the index of the candidate it follows. */
typedef struct tables {
  stab names, suffixes, given, acro, inits;
} tables;

/* Step 3: sizes the tables.  They hold at most: a key per candidate
 * (names); one per multi-word candidate (inits, given); one per word
 * after the first of those (suffixes, fold_suffixes); one per bracketed
 * acronym (acro).  Sized from these bounds, not from nc, they stay small
 * to clear. */
static int tables_init(ctx *c, tables *t) {
  ws_arena *a = c->doc->arena;
  cand *cs = c->cands.items;
  size_t nc = c->cands.len;
  size_t n_multi = 0, n_suffix = 0, n_acro = 0;
  for (size_t i = 0; i < nc; i++) {
    uint32_t ntok = cs[i].b - cs[i].a;
    if (ntok >= 2)
      n_multi++, n_suffix += ntok - 1;
    if (i + 1 < nc && cs[i + 1].a == cs[i].b + 1 && ntok >= 2 &&
        c->tok[cs[i].b].cp == '(')
      n_acro++;
  }
  int rc;
  if ((rc = stab_init(&t->names, a, nc)) ||
      (rc = stab_init(&t->suffixes, a, n_suffix)) ||
      (rc = stab_init(&t->acro, a, n_acro)) ||
      (rc = stab_init(&t->inits, a, n_multi)) ||
      (rc = stab_init(&t->given, a, n_multi)))
    return rc;
  return WS_OK;
}

/* Step 4: acronyms in brackets after their expansion: Guard Corps
 * (IRGC).  Never fails. */
static void link_acronyms(ctx *c, tables *t) {
  cand *cs = c->cands.items;
  size_t nc = c->cands.len;
  for (size_t i = 0; i + 1 < nc; i++) {
    cand *m = &cs[i], *x = &cs[i + 1];
    if (x->a != m->b + 1 || x->b != x->a + 1 || c->tok[m->b].cp != '(' ||
        !is_acronym(c, x->a) || m->b - m->a < 2)
      continue;
    char ini[MAX_RUN + 2];
    size_t ni = ws_ent_initials(c, m, ini, sizeof ini);
    const ws_token *tk = &c->tok[x->a];
    if (ni == tk->core_end - tk->start &&
        memcmp(ini, c->text + tk->start, ni) == 0)
      stab_put_h(&t->acro, x->key, x->khash, (int32_t)i,
                 0); /* candidate index for now */
  }
}

/* 1 when mention m names an entity already made: the expansion of its
 * bracketed acronym, the one longer personal name it is a short form of,
 * or the one longer name whose initials it spells; sets m->entity (and
 * m->folded for a short form). */
static int known_as(ctx *c, tables *t, cand *m) {
  cand *cs = c->cands.items;
  sslot *sl = stab_get_h(&t->acro, m->key, m->khash);
  if (sl->key && cs[sl->val].entity >= 0) {
    m->entity = cs[sl->val].entity;
    return 1;
  }
  if (!m->canon) {
    sl = stab_get_h(&t->suffixes, m->key, m->khash);
    if (!sl->key) /* not a family name: a given name? */
      sl = stab_get_h(&t->given, m->key, m->khash);
    if (sl->key && sl->val >= 0 &&
        !stab_get_h(&t->names, m->key, m->khash)->key) {
      m->entity = sl->val;
      m->folded = 1;
      return 1;
    }
  }
  /* an acronym spelling the initials of exactly one longer name of the
   * document, wherever it stands (RHC ... Radio Habana Cuba) */
  if (m->b - m->a == 1 && !m->canon && is_acronym(c, m->a)) {
    sl = stab_get_h(&t->inits, m->key, m->khash);
    if (sl->key && sl->val >= 0 &&
        !stab_get_h(&t->names, m->key, m->khash)->key) {
      m->entity = sl->val;
      return 1;
    }
  }
  return 0;
}

/* Records the forms by which the multi-word mention m, whose entity was
 * just made, may be named later: its initials, and for a person (or a
 * name without evidence) its token suffixes and given name.  Returns
 * WS_OK or WS_ENOMEM. */
static int remember_forms(ctx *c, tables *t, cand *m) {
  char ini[MAX_RUN + 2];
  size_t ni = ws_ent_initials(c, m, ini, sizeof ini);
  for (size_t k = 0; k < ni; k++)
    if (ini[k] >= 'A' && ini[k] <= 'Z')
      ini[k] = (char)(ini[k] + 32);
  const char *ik = ni >= 2 ? ws_arena_strndup(c->doc->arena, ini, ni) : NULL;
  if (ni >= 2 && !ik)
    return WS_ENOMEM;
  if (ik)
    stab_put(&t->inits, ik, m->entity, 1);
  if (m->kind == WS_ENTITY_PERSON ||
      (m->kind == WS_ENTITY_OTHER && m->weight == 0))
    return fold_suffixes(c, &t->suffixes, &t->given, m);
  return WS_OK;
}

/* Step 5: the entity of every candidate, longest names first: an
 * existing one it is known as, or a new one.  Returns WS_OK or
 * WS_ENOMEM. */
static int identify(ctx *c, tables *t, cand **order) {
  int rc;
  for (size_t oi = 0; oi < c->cands.len; oi++) {
    cand *m = order[oi];
    if (m->entity >= 0 || known_as(c, t, m))
      continue;
    const char *cn = m->canon ? m->canon : m->name;
    if ((rc = new_entity(c, &t->names, m, cn)))
      return rc;
    if (m->b - m->a >= 2 && (rc = remember_forms(c, t, m)))
      return rc;
  }
  return WS_OK;
}

/* Step 6: per entity, the kind votes and first mention (acc), and the
 * mention count, aliases and roles.  Returns WS_OK or WS_ENOMEM. */
static int gather(ctx *c, ent_acc *acc) {
  ws_arena *a = c->doc->arena;
  cand *cs = c->cands.items;
  ws_entity *es = c->doc->entities.items;
  int rc;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    ent_acc *ac = &acc[m->entity];
    ws_entity *e = &es[m->entity];
    if (!m->folded && !m->adjective)
      ac->votes[m->kind] += ws_ent_vote_of(m->weight);
    if (ac->first == UINT32_MAX)
      ac->first = (uint32_t)i;
    e->n_mentions++;
    /* a name first seen in capitals (a dateline) takes its usual case
     * from a later mention (BRUSSELS -> Brussels) */
    if (!has_lower(e->name) && has_lower(m->name) && !m->adjective &&
        same_fold(a, e->name, m->name)) {
      const char *caps = e->name;
      e->name = m->name;
      if ((rc = add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES, caps)))
        return rc;
    } else if (strcmp(m->name, e->name) != 0 && !m->adjective &&
               (rc = add_unique(a, &e->aliases, &e->n_aliases, MAX_ALIASES,
                                m->name)))
      return rc;
    if (m->role &&
        (rc = add_unique(a, &e->roles, &e->n_roles, MAX_ROLES, m->role)))
      return rc;
  }
  return WS_OK;
}

/* Step 8: the entities in order of first mention, and the document's
 * mention list (and tok_mention) pointing into them.  Returns WS_OK or
 * WS_ENOMEM. */
static int emit(ctx *c, const ent_acc *acc) {
  ws_doc *doc = c->doc;
  ws_arena *a = doc->arena;
  cand *cs = c->cands.items;
  size_t nc = c->cands.len, ne = doc->entities.len;
  ws_entity *es = doc->entities.items;
  int32_t *remap = ws_arena_calloc(a, ne ? ne : 1, sizeof(int32_t));
  ws_entity *sorted = ws_arena_calloc(a, ne ? ne : 1, sizeof(ws_entity));
  if (!remap || !sorted)
    return WS_ENOMEM;
  int32_t next = 0;
  for (size_t i = 0; i < nc; i++) {
    int32_t e = cs[i].entity;
    if (acc[e].first == i) {
      remap[e] = next;
      sorted[next++] = es[e];
    }
  }
  if (ne)
    memcpy(es, sorted, ne * sizeof(ws_entity));
  for (size_t i = 0; i < nc; i++) {
    cand *m = &cs[i];
    ws_mention *mm = ws_vec_push(&doc->mentions, a);
    if (!mm)
      return WS_ENOMEM;
    mm->start = c->tok[m->a].start;
    mm->end = mention_end(c, m);
    mm->entity = remap[m->entity];
    for (uint32_t k = m->a; k < m->b; k++)
      doc->tok_mention[k] = (int32_t)i;
  }
  return WS_OK;
}

int ws_ent_resolve(ctx *c) {
  ws_doc *doc = c->doc;
  cand **order;
  tables t;
  int rc;
  if ((rc = describe(c)) || (rc = by_length(c, &order)) ||
      (rc = tables_init(c, &t)))
    return rc;
  link_acronyms(c, &t);
  if ((rc = identify(c, &t, order)))
    return rc;
  size_t ne = doc->entities.len;
  ent_acc *acc = ws_arena_calloc(doc->arena, ne ? ne : 1, sizeof(ent_acc));
  if (!acc)
    return WS_ENOMEM;
  for (size_t i = 0; i < ne; i++)
    acc[i].first = UINT32_MAX;
  if ((rc = gather(c, acc)))
    return rc;
  /* Step 7: kinds by vote.  A person's family name is an alias even where
   * the text never uses it alone: news style refers to people by surname
   * after the first reference (AP Stylebook, "second reference"), so
   * another article's "Haniyeh" is this "Ismail Haniyeh".  The family name
   * is the last word with the particles before it (Al Thani, van Gogh); a
   * name ending in a generation (Jr., III) has none, so Donald Trump Jr.
   * never claims "Trump". */
  ws_entity *es = doc->entities.items;
  for (size_t i = 0; i < ne; i++)
    es[i].kind = ws_ent_kind_elect(acc[i].votes);
  for (size_t i = 0; i < ne; i++)
    if (es[i].kind == WS_ENTITY_PERSON &&
        (rc = add_family_name(doc->arena, &es[i])))
      return rc;
  return emit(c, acc);
}
