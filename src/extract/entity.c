/*
 * entity.c - named-entity mentions: spans of capitalised name words, with
 * titles cut out; ws_entity_find() runs the whole entity layer.
 *
 * Four passes over the tokens, each linear (hash tables keyed by word or
 * name; runs and look-backs bounded by MAX_RUN tokens):
 *
 *  1. Evidence (evidence.c): word forms and their case counts, URLs,
 *     headline modes of lines.
 *  2. Classes (name_word.c): each token a name word, a name particle or
 *     neither.
 *  3. Spans (here).  Runs of name words within a sentence (particles, "of"
 *     after an organisation head, "&" inside), ending at a possessive or a
 *     name made adjective (Toronto-based); titles (Foreign Minister, Mr.)
 *     are cut out, to be remembered as roles (role.c); a nationality
 *     adjective or party label before a personal name is its own mention.
 *     A capitalised word before a span joins it when a document acronym
 *     spells both (RHC ... Radio Habana Cuba), and a company suffix (Corp,
 *     Inc.) takes back the capitalised words before it.
 *  4. Kinds and identity (entity_kind.c, identity.c): the mentions'
 *     names, kinds, roles and entities.
 *
 * entity_ctx.h holds what the files share.
 */
#include "extract/entity_ctx.h"
#include "words/words.h"

#include <string.h>

static int push_cand(ctx *c, uint32_t a, uint32_t b) {
  /* a cut title can leave a connector at an edge: "Doha & [Minister] X" */
  while (b > a && c->cls[b - 1] != C_NAME)
    b--;
  while (a < b && c->cls[a] != C_NAME && c->cls[a] != C_PART)
    a++;
  if (a == b)
    return WS_OK;
  /* drop runs of titles only (Prime Minister, Foreign) */
  int any = 0;
  for (uint32_t i = a; i < b; i++)
    if (c->cls[i] == C_NAME && !tok_title(c, i))
      any = 1;
  if (!any)
    return WS_OK;
  /* a lone capital letter (or initial) is a label (column B), not a name,
   * unless a currency sign follows it (C$) */
  if (b - a == 1 &&
      (c->tok[a].end - c->tok[a].start == 1 ||
       (c->tok[a].end - c->tok[a].start == 2 &&
        c->text[c->tok[a].start + 1] == '.')) &&
      !(b < c->n && c->tok[b].cp == '$' && c->tok[b].start == c->tok[a].end))
    return WS_OK;
  cand *m = ws_vec_push(&c->cands, c->doc->arena);
  if (!m)
    return WS_ENOMEM;
  m->a = a;
  m->b = b;
  m->entity = -1;
  return WS_OK;
}

/* 1 when token i is a party label written before a member's name
 * (party_labels.txt). */
static int party_label(const ctx *c, size_t i) {
  return has_letter(&c->tok[i]) &&
         ws_tok_in(c->text, &c->tok[i], ws_words_party_labels);
}

/* Emits the mentions of the raw run [a, b): cuts title runs that end in a
 * title head, splits a leading nationality adjective off a personal name. */
static int split_run(ctx *c, uint32_t a, uint32_t b) {
  /* trailing particles are not part of a name */
  while (b > a && c->cls[b - 1] == C_PART)
    b--;
  /* time words of a title never begin a name: Former England captain,
   * Acting President X */
  while (b - a >= 2 && tok_title(c, a) == WS_TITLE_MOD &&
         ws_tok_in(c->text, &c->tok[a], ws_words_title_time_words))
    a++;
  uint32_t s = a;
  /* the rest of a title split by "of" (Secretary of State John Kerry,
   * Chief of Staff Ana Ruiz): its modifiers before a name are no name */
  if (a >= 2 && is_word(&c->tok[a - 1]) &&
      ws_tok_is(c->text, &c->tok[a - 1], "of") &&
      tok_title(c, a - 2) == WS_TITLE_HEAD) {
    uint32_t k = a;
    while (k < b && tok_title(c, k) == WS_TITLE_MOD)
      k++;
    if (k > a && k < b)
      s = k;
  }
  for (uint32_t i = s; i < b;) {
    if (!tok_title(c, i)) {
      i++;
      continue;
    }
    uint32_t j = i;
    int last = WS_TITLE_NONE;
    while (j < b && tok_title(c, j))
      last = tok_title(c, j++);
    /* A title is cut when a name follows it (Pope John Paul II, New Party
     * President Ana Ruiz), or at the end when it is unmistakable (Iran
     * Foreign Minister); a single head word at the end stays (Martin
     * Luther King, King Jr.), and an organisation name ending in an org
     * word keeps its titles (Prime Minister's Office). */
    int name_after =
        j < b && !ws_lex_is_generation(c->text + c->tok[j].start,
                                       c->tok[j].core_end - c->tok[j].start);
    int cut = (last == WS_TITLE_HEAD || last == WS_TITLE_HONORIFIC) &&
              !(b > j && tok_org_word(c, b - 1)) &&
              (name_after || (j == b && j - i >= 2));
    /* a leading modifier alone is a title before a personal name (General
     * Benjamin Ortiz, General Anatoly Ivanov), not before a common word
     * (General Motors, General Electric Co) */
    if (!cut && i == s && name_after &&
        (ws_ent_given_name_at(c, j) ||
         (b - j >= 2 && lex(c, j)->dict != WS_DICT_LOWER &&
          !tok_org_word(c, b - 1))))
      cut = 1;
    if (cut) {
      if (i > s) {
        int rc = push_cand(c, s, i);
        if (rc)
          return rc;
      }
      s = j;
    }
    i = j;
  }
  if (s >= b)
    return WS_OK;
  /* a party label or nationality before a personal name is its own
   * mention (Australian Tom Moody, Republican Bob Dole) */
  if (b - s >= 2 && (tok_nationality(c, s) || party_label(c, s)) &&
      !tok_org_word(c, b - 1) && c->cls[s + 1] == C_NAME &&
      ws_ent_personal_name_at(c, s + 1)) {
    int rc = push_cand(c, s, s + 1);
    if (rc)
      return rc;
    s++;
  }
  /* a capitalised common word before a known given name describes the
   * person (Novelist Ana Ruiz, Miss Universe Alicia Machado) */
  if (b - s >= 3 && lex(c, s)->dict == WS_DICT_LOWER &&
      !(lex(c, s)->bits & L_LEARNED) && !tok_org_word(c, b - 1) &&
      ws_ent_given_name_at(c, s + 1))
    s++;
  return push_cand(c, s, b);
}

/* 1 when a lower-case particle at i opens a name: "de Silva", "van Gogh"
 * after a word that is not a name (inside a name it joins anyway); only
 * particles that are not also common words of the text's language. */
static int particle_opens(const ctx *c, size_t i) {
  return c->cls[i] == C_PART && i + 1 < c->n && c->cls[i + 1] == C_NAME &&
         !(c->tok[i + 1].flags & WS_TF_SENT) &&
         ws_tok_in(c->text, &c->tok[i], ws_words_particle_openers);
}

static int find_spans(ctx *c) {
  for (size_t i = 0; i < c->n;) {
    if (c->cls[i] != C_NAME && !particle_opens(c, i)) {
      i++;
      continue;
    }
    size_t j = i + 1;
    size_t of_at = 0; /* token of the last "of" / "for" joined, or 0 */
    while (j < c->n && j - i < MAX_RUN && !(c->tok[j - 1].flags & WS_TF_POSS) &&
           !c->adj[j - 1] && !(c->tok[j].flags & WS_TF_SENT)) {
      if (c->cls[j] == C_NAME) {
        j++;
        continue;
      }
      /* "of" / "for" after an organisation or place head (Bank of Japan,
       * Republic of Ireland, Institute for Peace), then one "and" right
       * after its first word (Organisation for Security and Cooperation);
       * "&" between names (Procter & Gamble) */
      if (j + 1 < c->n && c->cls[j + 1] == C_NAME &&
          !(c->tok[j + 1].flags & WS_TF_SENT)) {
        const ws_token *t = &c->tok[j];
        int join = 0;
        if (t->type == WS_TOK_PUNCT)
          join = t->cp == '&';
        else if (ws_tok_is(c->text, t, "of") || ws_tok_is(c->text, t, "for"))
          join = (tok_org_word(c, j - 1) || tok_place_word(c, j - 1));
        else if (ws_tok_is(c->text, t, "and"))
          join = of_at && j == of_at + 2; /* one word between: X for Y and */
        if (join) {
          of_at =
              ws_tok_is(c->text, t, "and") || t->type == WS_TOK_PUNCT ? 0 : j;
          j += 2;
          continue;
        }
      }
      /* particles between name words: bin, de, van der */
      size_t k = j;
      while (k < c->n && k - j < 3 && c->cls[k] == C_PART)
        k++;
      if (k > j && k < c->n && c->cls[k] == C_NAME &&
          !(c->tok[k].flags & WS_TF_SENT)) {
        j = k;
        continue;
      }
      break;
    }
    int rc = split_run(c, (uint32_t)i, (uint32_t)j);
    if (rc)
      return rc;
    i = j;
  }
  return WS_OK;
}

/* Joins a capitalised common word before a mention when an acronym of the
 * document spells the initials of both (RHC ... Radio Habana Cuba). */
static void extend_by_acronyms(ctx *c) {
  cand *cs = c->cands.items;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    if (m->a == 0 || m->b - m->a < 2 || m->b - m->a >= MAX_RUN)
      continue;
    uint32_t p = m->a - 1;
    const ws_token *t = &c->tok[p];
    if (!has_letter(t) || !(t->flags & WS_TF_CAP) || c->cls[p] != C_NONE ||
        (t->flags & WS_TF_UPPER) || (c->tok[m->a].flags & WS_TF_SENT))
      continue;
    char ini[MAX_RUN + 2];
    ini[0] = c->text[t->start];
    cand tmp = *m;
    size_t ni = 1 + ws_ent_initials(c, &tmp, ini + 1, sizeof ini - 1);
    /* look for the acronym among the document's words */
    const wstat *w = ws_ent_form_find(c, ini, ni);
    if (w && memcmp(c->text + w->off, ini, ni) == 0) {
      m->a = p;
      c->cls[p] = C_NAME;
    }
  }
}

/* A company suffix (Corp, Inc., Ltd) ends a name whose capitalised words
 * all belong to it, even common words at a sentence start (Jeans Mate
 * Corp): the mention takes them back to the sentence start or the first
 * function word. */
static void extend_companies(ctx *c) {
  cand *cs = c->cands.items;
  for (size_t i = 0; i < c->cands.len; i++) {
    cand *m = &cs[i];
    if (!tok_org_word(c, m->b - 1) ||
        !ws_tok_in(c->text, &c->tok[m->b - 1], ws_words_company_suffixes))
      continue;
    while (m->a > 0 && m->b - m->a < MAX_RUN &&
           !(c->tok[m->a].flags & WS_TF_SENT)) {
      uint32_t p = m->a - 1;
      const ws_token *t = &c->tok[p];
      if (!has_letter(t) || !(t->flags & WS_TF_CAP) || c->cls[p] != C_NONE ||
          is_stop(c, p) || (lex(c, p)->bits & L_DATE) || c->url[p])
        break;
      c->cls[p] = C_NAME;
      m->a = p;
    }
  }
}

int ws_entity_find(ws_doc *doc) {
  const ws_tokens *tk = &doc->tokens;
  size_t n = tk->n;
  ws_arena *a = doc->arena;
  doc->tok_mention = ws_arena_alloc(a, (n ? n : 1) * sizeof(int32_t));
  if (!doc->tok_mention)
    return WS_ENOMEM;
  for (size_t i = 0; i < n; i++)
    doc->tok_mention[i] = -1;
  ctx c = {.doc = doc, .text = doc->text, .tok = tk->tok, .n = n,
           .memo = ws_ent_memo_get()};
  ws_lex_particle_pairs(c.part_pairs);
  c.mode = ws_arena_calloc(a, n ? n : 1, 1);
  c.cls = ws_arena_calloc(a, n ? n : 1, 1);
  c.url = ws_arena_calloc(a, n ? n : 1, 1);
  c.adj = ws_arena_calloc(a, n ? n : 1, 1);
  c.nat = ws_arena_calloc(a, n ? n : 1, 1);
  c.wi = ws_arena_alloc(a, (n ? n : 1) * sizeof(uint32_t));
  if (!c.mode || !c.cls || !c.url || !c.adj || !c.nat || !c.wi ||
      ws_ent_forms_init(&c, n))
    return WS_ENOMEM;
  if (ws_ent_first_pass(&c))
    return WS_ENOMEM;
  ws_vec_init(&c.cands, sizeof(cand));
  ws_ent_classify(&c);
  int rc = find_spans(&c);
  if (rc)
    return rc;
  extend_by_acronyms(&c);
  extend_companies(&c);
  return ws_ent_resolve(&c);
}
