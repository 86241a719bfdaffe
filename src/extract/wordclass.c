/*
 * wordclass.c - per-token word classes: the word table, classify() and
 * the cue of each token in context.
 *
 * Every token is classified once per document (at_classify()): one hash
 * lookup of its lower-cased text gives the word lists it belongs to (a
 * bitset of the lists of src/words/, see wordclass.h), which single word
 * it is (for the few words the patterns name), its gender as a given name
 * or title, and its cue flags (cue.c); cue_eval() in context is then
 * computed once per token too.  The patterns test bits instead of
 * comparing strings, so the cost of a test no longer grows with the
 * length of a word list.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "extract/attrib_ctx.h"
#include "extract/mention.h"
#include "extract/phrase.h"
#include "words/words.h"

/* The word table: lower-cased word -> classes, id and cue flags, built
 * once per process (pthread_once, since documents may be extracted on
 * several threads) into an open-addressing hash table.  The table proper
 * (wix) holds 4 bytes a slot, a tag of the hash and the entry's index, so
 * that it stays in the cache (it is probed once per word of every
 * document) and most words not in it are told apart by the tag alone. */
enum {
  WIX_SIZE = 4096, /* a power of two, over twice the words */
  WENT_MAX = WIX_SIZE / 2 /* entries (words): 1597 in the lists today */
};

typedef struct wentry {
  const char *w; /* lower-case word (static storage) */
  uint32_t cls;  /* C_* */
  uint8_t n;     /* strlen(w) */
  uint8_t id;    /* W_* */
  uint16_t cue;  /* WS_CUE_* of the form, context not yet considered */
  uint8_t gender; /* GENDER_* of a given name or a gendered noun */
  uint32_t cls2;  /* C2_* */
  uint64_t head;  /* w's first 8 bytes as chunk() reads them (0-padded) */
} wentry;

static uint32_t wix[WIX_SIZE]; /* 0 when free, else the hash's top 16 bits
                                  << 16 | the index into went + 1 */
static wentry went[WENT_MAX];
static size_t n_went;
static wentry went_spare;   /* written when the lists outgrow went */
static size_t wtab_longest; /* bytes in the longest word */
static pthread_once_t wtab_once = PTHREAD_ONCE_INIT;

/* Words are hashed and compared 8 bytes at a time (a word token is
 * looked up once per token of every document, so this is one of the
 * hottest loops of extraction).  chunk() reads up to 8 bytes of p[0..n) as
 * a little-endian integer, zero-padded; one unaligned load when the bytes
 * up to lim may be read, else byte by byte. */
static inline uint64_t chunk(const unsigned char *p, size_t n,
                      const unsigned char *lim) {
  static const union {
    uint16_t u;
    unsigned char b[2];
  } endian = {1};
  uint64_t x = 0;
  if (n > 8)
    n = 8;
  if (endian.b[0] && (size_t)(lim - p) >= 8) {
    memcpy(&x, p, 8);
    return n == 8 ? x : x & ((UINT64_C(1) << (8 * n)) - 1);
  }
  for (size_t i = 0; i < n; i++)
    x |= (uint64_t)p[i] << (8 * i);
  return x;
}

/* x with the ASCII capitals of each byte lower-cased, other bytes kept
 * (ws_tok_is ignores ASCII case only, so the table does the same): per
 * byte, t + 0x3f carries into the high bit when t >= 'A', t + 0x25 when
 * t > 'Z'; no byte carries into the next since t < 0x80. */
static inline uint64_t lower8(uint64_t x) {
  const uint64_t lo7 = UINT64_C(0x7f7f7f7f7f7f7f7f),
                 hi = UINT64_C(0x8080808080808080),
                 ones = UINT64_C(0x0101010101010101);
  uint64_t t = x & lo7;
  uint64_t upper = (t + 0x3f * ones) & ~(t + 0x25 * ones) & ~x & hi;
  return x | (upper >> 2);
}

/* A hash of the ASCII-lower-cased bytes s[0..n), readable up to lim
 * (multiplicative: the table index takes high bits of the product);
 * *head gets the lower-cased first chunk. */
static inline uint32_t word_hash(const unsigned char *s, size_t n,
                                 const unsigned char *lim, uint64_t *head) {
  uint64_t x = lower8(chunk(s, n, lim));
  uint64_t h = (x ^ n) * UINT64_C(0x9e3779b97f4a7c15);
  *head = x;
  for (size_t i = 8; i < n; i += 8)
    h = (h ^ lower8(chunk(s + i, n - i, lim))) * UINT64_C(0xff51afd7ed558ccd);
  return (uint32_t)(h >> 32);
}

static wentry *word_slot(const char *w) {
  size_t n = strlen(w);
  const unsigned char *u = (const unsigned char *)w;
  uint64_t head;
  uint32_t h = word_hash(u, n, u + n, &head), tag = h >> 16, s = h & (WIX_SIZE - 1);
  for (; wix[s]; s = (s + 1) & (WIX_SIZE - 1)) {
    wentry *e = &went[(wix[s] & 0xffff) - 1];
    if (wix[s] >> 16 == tag && e->n == n && memcmp(e->w, w, n) == 0)
      return e;
  }
  if (n_went == WENT_MAX)
    return &went_spare;
  wentry *e = &went[n_went++];
  e->w = w;
  e->n = (uint8_t)n;
  e->head = chunk(u, n, u + n);
  wix[s] = tag << 16 | (uint32_t)n_went;
  if (n > wtab_longest)
    wtab_longest = n;
  return e;
}

static void build_wtab(void) {
  static const struct {
    const char *const *list;
    uint32_t cls;
  } lists[] = {
      {ws_words_subject_pronouns, C_SUBJ},   {ws_words_rel_pronouns, C_REL},
      {ws_words_determiners, C_DET},      {ws_words_cue_fillers, C_FILLER},
      {ws_words_cap_stop, C_CAPSTOP},     {ws_words_np_stops, C_NPSTOP},
      {ws_words_surname_particles, C_PARTICLE},   {ws_words_contractions, C_CONTR},
      {ws_words_people, C_PEOPLE},        {ws_words_third_words, C_THIRD},
      {ws_words_present_before, C_PRESENT_BEFORE}, {ws_words_small_words, C_SMALL},
      {ws_words_clause_fillers, C_CLFILL}, {ws_words_not_clause, C_NOTCL},
      {ws_words_saying_nouns, C_SAYN},    {ws_words_trailing, C_TRAIL},
      {ws_words_be_forms, C_BE},          {ws_words_media, C_MEDIA},
      {ws_words_continue_forms, C_CONTINUE}, {ws_words_number_words, C_NUMWORD},
      {ws_words_of_whom, C_OF_WHOM}, {ws_words_quant_plural, C_QUANT_PL},
      {ws_words_quant_singular, C_QUANT_SG}, {ws_words_wh_words, C_WH},
      {ws_words_time_words, C_TIMEW},     {ws_words_time_leads, C_TIMELEAD},
      {ws_words_time_alone, C_TIMEW | C_TIMEALONE}, {ws_words_make_forms, C_MAKE},
      {ws_words_object_pronouns, C_OBJ}, {ws_words_that_only, C_THATONLY},
      {ws_words_plain_say, C_PLAINSAY}};
  static const struct {
    const char *const *list;
    uint32_t cls2;
  } lists2[] = {{ws_words_subordinators, C2_SUBORD}, {ws_words_prepositions, C2_PREP},
                {ws_words_documents, C2_DOC}, {ws_words_aides, C2_AIDE},
                {ws_words_obj_verbs, C2_OBJV}, {ws_words_to_verbs, C2_TOV},
                {ws_words_on_verbs, C2_ONV}, {ws_words_vote_verbs, C2_VOTEV},
                {ws_words_see_verbs, C2_SEEV}, {ws_words_inf_verbs, C2_INFV},
                {ws_words_out_verbs, C2_OUTV}, {ws_words_obj_particles, C2_OBJPART},
                {ws_words_seem_forms, C2_SEEM}, {ws_words_expected_forms, C2_EXPECTED},
                {ws_words_hearsay, C2_HEARSAY}, {ws_words_label_forms, C2_LABEL},
                {ws_words_over_word, C2_OVER}, {ws_words_whether_word, C2_WHETHER},
                {ws_words_question_wh, C2_QWH}, {ws_words_copulas, C2_COPULA},
                {ws_words_copula_heads, C2_CHEAD}, {ws_words_thought_nouns, C2_THOUGHTN},
                {ws_words_stance_nouns, C2_STANCEN}, {ws_words_stance_persons, C2_SPERSON},
                {ws_words_person_stops, C2_PSTOP}, {ws_words_belief_adjectives, C2_BELIEFADJ},
                {ws_words_will_adjectives, C2_WILLADJ}, {ws_words_clear_forms, C2_CLEAR},
                {ws_words_toward_adjectives, C2_TOWARD}, {ws_words_finite_say, C2_FINSAY},
                {ws_words_unfinished, C2_UNFIN}, {ws_words_dangling, C2_DANGLING}};
  for (size_t l = 0; l < sizeof lists2 / sizeof lists2[0]; l++)
    for (const char *const *w = lists2[l].list; *w; w++)
      word_slot(*w)->cls2 |= lists2[l].cls2;
  static const struct {
    const char *w;
    uint8_t id;
  } ids[] = {{"according", W_ACCORDING}, {"and", W_AND}, {"as", W_AS},
             {"back", W_BACK}, {"for", W_FOR}, {"her", W_HER},
             {"his", W_HIS}, {"in", W_IN}, {"it", W_IT}, {"its", W_ITS},
             {"on", W_ON}, {"out", W_OUT}, {"pointed", W_POINTED},
             {"pointing", W_POINTING},
             {"quoted", W_QUOTED}, {"referring", W_REFERRING},
             {"that", W_THAT}, {"their", W_THEIR}, {"they", W_THEY},
             {"to", W_TO}, {"told", W_TOLD}, {"up", W_UP},
             {"but", W_BUT}, {"percent", W_PERCENT}, {"of", W_OF},
             {"about", W_ABOUT}, {"against", W_AGAINST},
             {"while", W_WHILE}, {"clear", W_CLEAR},
             {"making", W_MAKING}, {"when", W_WHEN},
             {"than", W_THAN}, {"later", W_TIMEEND}, {"ago", W_TIMEEND},
             {"days", W_TIMEEND}, {"weeks", W_TIMEEND},
             {"months", W_TIMEEND}, {"years", W_TIMEEND},
             {"hours", W_TIMEEND}, {"minutes", W_TIMEEND},
             {"shot", W_BACKV}, {"fired", W_BACKV}, {"hit", W_BACKV},
             {"hits", W_BACKV}, {"fires", W_BACKV}, {"shoots", W_BACKV},
             {"put", W_PUT}, {"puts", W_PUT}, {"with", W_WITH},
             {"the", W_THE}, {"by", W_BY}};
  for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
    for (const char *const *w = lists[l].list; *w; w++)
      word_slot(*w)->cls |= lists[l].cls;
  for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
    word_slot(ids[k].w)->id = ids[k].id;
  static const struct {
    const char *const *list;
    uint8_t g;
  } genders[] = {{ws_words_male_names, GENDER_MALE},
                 {ws_words_female_names, GENDER_FEMALE},
                 {ws_words_male_nouns, GENDER_MALE},
                 {ws_words_female_nouns, GENDER_FEMALE}};
  for (size_t l = 0; l < sizeof genders / sizeof genders[0]; l++)
    for (const char *const *w = genders[l].list; *w; w++)
      word_slot(*w)->gender = genders[l].g;
  int f;
  const char *w;
  for (size_t k = 0; (w = ws_cue_form(k, &f)) != NULL; k++)
    word_slot(w)->cue = (uint16_t)f;
  /* C_RULE: the words that open a rule of at_reported(), from the tests on
   * token v that each rule makes before anything else */
  const uint32_t rule2 =
      C2_THOUGHTN | C2_STANCEN |                            /* nominal */
      C2_LABEL | C2_HEARSAY | C2_EXPECTED | C2_SEEM |       /* impression */
      C2_OUTV | C2_OBJV | C2_TOV | C2_ONV | C2_VOTEV |      /* stance_verb */
      C2_INFV | C2_SEEV |
      C2_CLEAR | C2_TOWARD | C2_WILLADJ | C2_BELIEFADJ |    /* belief_adj. */
      C2_OVER |                                             /* topic_q. */
      C2_COPULA |                                           /* copula_c. */
      C2_SPERSON;                                           /* stance_p. */
  for (size_t k = 0; k < n_went; k++)
    if ((went[k].cls & C_SAYN) || (went[k].cls2 & rule2) ||
        went[k].id == W_ABOUT || went[k].id == W_ON)
      went[k].cls |= C_RULE;
  /* at_stance_verb()'s words that are in no class */
  for (const char *const *l = ws_words_about_verbs; *l; l++)
    word_slot(*l)->cls |= C_RULE;
  for (const char *const *l = ws_words_for_verbs; *l; l++)
    word_slot(*l)->cls |= C_RULE;
  word_slot("favor")->cls |= C_RULE;
}

/* The table entry of text[s..e), or NULL; text may be read up to lim.
 * The text's lower-cased bytes must equal the entry's bytes. */
static inline const wentry *word_lookup(const char *text, uint32_t s, uint32_t e,
                                 const char *lim) {
  size_t n = e - s;
  if (n == 0 || n > wtab_longest)
    return NULL;
  const unsigned char *p = (const unsigned char *)text + s,
                      *l = (const unsigned char *)lim;
  uint64_t head;
  uint32_t h = word_hash(p, n, l, &head), tag = h >> 16;
  uint32_t x;
  for (uint32_t k = h & (WIX_SIZE - 1); (x = wix[k]) != 0;
       k = (k + 1) & (WIX_SIZE - 1)) {
    if (x >> 16 != tag)
      continue;
    const wentry *we = &went[(x & 0xffff) - 1];
    if (we->n != n || we->head != head)
      continue;
    size_t i = 8;
    for (; i < n; i++) {
      unsigned ch = p[i];
      if (ch - 'A' < 26u)
        ch += 32;
      if (ch != (unsigned char)we->w[i])
        break;
    }
    if (i >= n)
      return we;
  }
  return NULL;
}

/* A word that can be the subject right before a third-person verb: a
 * name, a singular pronoun, a relative pronoun or an adverb. */
int at_third_person_subject(const ctx *c, int32_t i) {
  if (is_cap(c, i) || c->doc->tok_mention[i] >= 0 || inc(c, i, C_THIRD) ||
      is_ly_adverb(c, i))
    return 1;
  /* a singular noun after a determiner or possessive: "the campaign",
   * "Trump's ad" */
  return is_word(c, i) && !ends_in_s(c, i) && i > 0 &&
         ((inc(c, i - 1, C_DET) && !isw(c, i - 1, W_THAT)) ||
          (is_word(c, i - 1) && (c->tok[i - 1].flags & WS_TF_POSS)));
}

/* What follows a verb of stance or naming in -s: its object ("attacks
 * the plan", "calls him", "blames Berg"), "for" or "to" ("calls for",
 * "wants to"), or a quotation ("calls it "..."").  A noun in -s is
 * followed by a preposition or a verb ("attacks on", "attacks killed"). */
static int object_follows(const ctx *c, int32_t i) {
  if (i >= c->n)
    return 0;
  if (c->tok[i].type == WS_TOK_QUOTE)
    return 1;
  return (is_cap(c, i) && !inc(c, i, C_CAPSTOP)) ||
         c->doc->tok_mention[i] >= 0 || inc(c, i, C_DET | C_OBJ) ||
         isw(c, i, W_FOR) || isw(c, i, W_TO) || isw(c, i, W_IT);
}

/* A base form (say, support, show) is a verb after a plural or personal
 * subject, a modal or an adverb; otherwise it is most often a noun. */

int at_present_verb_context(const ctx *c, int32_t i) {
  if (inc(c, i - 1, C_PRESENT_BEFORE))
    return 1;
  if (at_counted(c, i - 1, 0).s >= 0)
    return 1; /* "47 percent say" */
  /* a coordinated subject: "Mr. Grassley and Mr. Leahy say" */
  for (int32_t j = i - 2; j >= 0 && j >= i - 5 && is_word(c, j); j--)
    if (isw(c, j, W_AND) && is_cap(c, i - 1))
      return 1;
  if (!is_word(c, i - 1) || (c->tok[i - 1].flags & WS_TF_UPPER))
    return 0;
  if (inc(c, i - 1, C_PEOPLE))
    return 1;
  const ws_token *p = &c->tok[i - 1];
  size_t n = p->end - p->start;
  const char *w = c->doc->text + p->start;
  /* a plural subject: "officials say", "polls show", "Democrats want" */
  return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u';
}

/* "Officials, some of them new, say": a base form right after a comma or
 * dash that closes an apposition, or after "those" and a participle
 * ("those surveyed say"), follows its plural subject. */
int at_after_apposition(const ctx *c, int32_t i) {
  if ((is_punct(c, i - 1, ',') || is_dash(c, i - 1)) && is_word(c, i - 2))
    return 1;
  if (!is_word(c, i - 1) || !inc(c, i - 2, C_OF_WHOM))
    return 0;
  const ws_token *t = &c->tok[i - 1];
  return t->end - t->start > 3 && c->doc->text[t->end - 2] == 'e' &&
         c->doc->text[t->end - 1] == 'd';
}

/* 1 when token i is a cue verb used as a verb; fills flags and the last
 * token of a multi-word cue. */
/* 1 when a modal of obligation comes right before token i, or before a
 * "not"/"never" that does: "should (not)", "must (never)", "shall",
 * "ought to". */
static int obligation_before(const ctx *c, int32_t i) {
  int32_t j = i - 1;
  if (j >= 0 && is_word(c, j) && ws_tok_in(c->doc->text, &c->tok[j], ws_words_negations))
    j--;
  if (j < 0 || !is_word(c, j))
    return 0;
  if (ws_tok_in(c->doc->text, &c->tok[j], ws_words_obligation_modals))
    return 1;
  return isw(c, j, W_TO) && j > 0 && ws_tok_is(c->doc->text, &c->tok[j - 1], "ought");
}

static int cue_eval(const ctx *c, int32_t i, int raw, int *flags,
                    int32_t *last) {
  if (!is_word(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  *last = i;
  if (isw(c, i, W_ACCORDING) && isw(c, i + 1, W_TO)) {
    *flags = WS_CUE_SPEECH | WS_CUE_CLAUSE;
    *last = i + 1;
    return 1;
  }
  if (isw(c, i, W_BACKV)) {
    /* "shot back", "fired back", "hit back": a retort (a verb of saying
     * in two words, like "pointed out") */
    if (!isw(c, i + 1, W_BACK))
      return 0;
    *last = i + 1;
    raw = WS_CUE_SPEECH | WS_CUE_INVERT;
  }
  if (isw(c, i, W_PUT)) {
    /* "as X put it", "X put it this way:" */
    if (!isw(c, i + 1, W_IT))
      return 0;
    *last = i + 1;
    raw = WS_CUE_SPEECH | WS_CUE_INVERT;
  }
  if (inc(c, i, C_MAKE)) {
    /* "made clear that", "made it clear that" */
    if (isw(c, i + 1, W_CLEAR))
      *last = i + 1;
    else if (isw(c, i + 1, W_IT) && isw(c, i + 2, W_CLEAR))
      *last = i + 2;
    else
      return 0;
    raw = WS_CUE_CLAUSE | WS_CUE_SPEECH |
          (isw(c, i, W_MAKING) ? WS_CUE_PART : 0);
  }
  /* a capitalized verb inside a sentence is part of a name ("Says
   * Who"), except in a headline, where every word is capitalized
   * ("Senator Says Plan Is Dead") */
  if ((t->flags & WS_TF_CAP) && !(t->flags & WS_TF_SENT) &&
      !c->headline[t->sent])
    return 0;
  int f = raw;
  if (!f)
    return 0;
  /* "its rivals should not think they can win", "you must believe me": a
   * belief prescribed by a modal of obligation is advice inside the
   * sentence, not a belief anyone is reported to hold */
  if ((f & WS_CUE_PRESENT) && !(f & WS_CUE_SPEECH) && obligation_before(c, i))
    return 0;
  /* A determiner or possessive before it makes it a noun: "the report",
   * "some reports", "one call"; a quantifier standing alone is the
   * subject of a verb: "some say", "many believed", "one says" */
  if (inc(c, i - 1, C_DET) && !isw(c, i - 1, W_THAT) &&
      at_counted(c, i - 1, 0).s < 0) { /* "one in three said" */
    int plural_form = ends_in_s(c, i) && !(raw & WS_CUE_INVERT);
    if (!((inc(c, i - 1, C_QUANT_PL) && !ends_in_s(c, i)) ||
          (inc(c, i - 1, C_QUANT_SG) && ends_in_s(c, i) && !plural_form)))
      return 0;
  }
  if (is_word(c, i - 1) && (c->tok[i - 1].flags & WS_TF_POSS) &&
      !inc(c, i - 1, C_CONTR))
    return 0;
  /* "were rated "confidential"", "was called "a liar"": a passive label
   * names its subject, it is not the subject's word (with its agent,
   * "was rejected by X", it is X's) */
  if ((f & WS_CUE_NAMING) && !(f & (WS_CUE_SPEECH | WS_CUE_PART)) &&
      (inc(c, i - 1, C_BE) || (inc(c, i - 2, C_BE) && is_ly_adverb(c, i - 1))) &&
      !isw(c, i + 1, W_BY))
    return 0;
  /* "of Republican claims", "Democratic comments": after an adjective of
   * party or nation a form in -s is a plural noun */
  if (ends_in_s(c, i) && at_adjective_name(c, i - 1) && !is_cap(c, i - 2))
    return 0;
  if ((f & WS_CUE_PRESENT) && isw(c, i - 1, W_TO))
    f |= WS_CUE_PART; /* "went on to say": subject is the clause's */
  else if (!(f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)) && ends_in_s(c, i) &&
           (!at_third_person_subject(c, i - 1) || !object_follows(c, i + 1)))
    return 0; /* "raised questions", "the terrorist attacks in": a plural
                 noun; the verb takes an object ("attacks the plan") */
  else if ((f & WS_CUE_PRESENT) && !at_present_verb_context(c, i) &&
           !((f & WS_CUE_CLAUSE) && !(f & WS_CUE_STANCE) &&
             at_after_apposition(c, i)) &&
           !((f & WS_CUE_CLAUSE) && (f & WS_CUE_SPEECH) &&
             !ends_in_s(c, i) && is_word(c, i - 1) &&
             (isw(c, i + 1, W_THAT) ||
              (inc(c, i + 1, C_SUBJ) && !isw(c, i + 1, W_IT))) &&
             is_word(c, i + 2)))
    return 0; /* "US support for", "a call": a noun */
  if (isw(c, i, W_POINTED) || isw(c, i, W_POINTING)) {
    if (!isw(c, i + 1, W_OUT))
      return 0;
    *last = i + 1; /* "pointed out that" */
  }
  /* "continued" cues speech only as a lead-in ("Caddell continued:"),
   * not with an object ("continues the war"). */
  if (inc(c, i, C_CONTINUE))
    if (!(i + 1 < c->n && (is_punct(c, i + 1, ':') || is_punct(c, i + 1, ',') ||
                           is_punct(c, i + 1, '.') ||
                           c->tok[i + 1].type == WS_TOK_QUOTE)))
      return 0;
  *flags = f;
  return 1;
}

/* Fills c->f: word classes first (cue_eval reads its neighbours'), then
 * each token's cue in context. */
int at_classify(ctx *c) {
  pthread_once(&wtab_once, build_wtab);
  c->f = ws_arena_calloc(c->doc->arena, c->n ? (size_t)c->n : 1, sizeof *c->f);
  /* the tokens that may be cues, in text order: the pass below reads
   * only these */
  int32_t *cand = ws_arena_alloc(c->doc->arena,
                                 (c->n ? (size_t)c->n : 1) * sizeof *cand);
  if (!c->f || !cand)
    return WS_ENOMEM;
  int32_t n_cand = 0;
  for (int32_t i = 0; i < c->n; i++) {
    const ws_token *t = &c->tok[i];
    if (t->type != WS_TOK_WORD)
      continue; /* every listed word is a word token */
    const wentry *e = word_lookup(c->doc->text, t->start, t->end,
                                  c->doc->text + c->doc->len);
    if (e) {
      c->f[i].cls = e->cls;
      c->f[i].cls2 = e->cls2;
      c->f[i].id = e->id;
      c->f[i].cue = e->cue; /* the raw flags until the pass below */
      /* cue_eval finds nothing without one of these */
      if (e->cue || e->id == W_ACCORDING || e->id == W_BACKV ||
          e->id == W_PUT || (e->cls & C_MAKE))
        cand[n_cand++] = i;
    }
  }
  /* headline style (Chicago Manual of Style 8.159): every word but the
   * small ones capitalized, in a short sentence */
  const ws_tokens *tk = &c->doc->tokens;
  c->headline = ws_arena_calloc(c->doc->arena, tk->n_sent ? tk->n_sent : 1, 1);
  if (!c->headline)
    return WS_ENOMEM;
  for (size_t si = 0; si < tk->n_sent; si++) {
    int words = 0, low = 0;
    for (uint32_t i = tk->sent[si].first; i < tk->sent[si].end; i++) {
      if (c->tok[i].type != WS_TOK_WORD)
        continue;
      words++;
      if (!(c->tok[i].flags & WS_TF_CAP) && !(c->f[i].cls & C_SMALL))
        low++;
      if (words > HEADLINE_MAX || low > 0)
        break;
    }
    c->headline[si] = words >= 3 && words <= HEADLINE_MAX && low == 0;
  }
  for (int32_t k = 0; k < n_cand; k++) {
    int32_t i = cand[k];
    int f = 0;
    int32_t l = i;
    int raw = c->f[i].cue;
    c->f[i].cue = 0;
    if (cue_eval(c, i, raw, &f, &l))
      c->f[i].cue = (uint16_t)(f | (l == i + 1   ? CUE_LAST_NEXT
                                    : l == i + 2 ? CUE_LAST_NEXT2
                                                 : 0));
  }
  return WS_OK;
}

/* The gender of text[s..e) as a given name or gendered noun. */
int at_word_gender(const ctx *c, uint32_t s, uint32_t e) {
  const wentry *w = word_lookup(c->doc->text, s, e, c->doc->text + c->doc->len);
  return w ? w->gender : GENDER_NONE;
}

/* The gender of the given name or title name[0..n) (ASCII case
 * ignored; name need not be in the document text), or GENDER_NONE. */
int at_name_gender(const char *name, size_t n) {
  if (n <= wtab_longest) {
    const unsigned char *u = (const unsigned char *)name;
    uint64_t head;
    uint32_t h = word_hash(u, n, u + n, &head), tag = h >> 16;
    for (uint32_t s = h & (WIX_SIZE - 1); wix[s]; s = (s + 1) & (WIX_SIZE - 1)) {
      const wentry *e = &went[(wix[s] & 0xffff) - 1];
      if (wix[s] >> 16 == tag && e->n == n && ci_equal(e->w, name, n))
        return e->gender;
    }
  }
  return GENDER_NONE;
}
