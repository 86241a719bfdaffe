/*
 * attrib.c - speakers of quotes, and reported speech.
 *
 * For each direct quote from quote.c the attribution is searched where
 * news style puts it (AP Stylebook "quotations in the news"; the PARC
 * attribution scheme of Pareti 2012 for cue/source/content):
 *
 *   after the quote     "...," X said / "...," said X / "...," according to X
 *                       "...," X, the foreign minister, said / "..." — X
 *                       "...!" X shot back (any verb closing the sentence)
 *                       a cue right after the closing mark wins over one
 *                       earlier in the sentence
 *   before the quote    X said: "..." / X told reporters "..." /
 *                       X welcomed it, saying "..." (subject of the clause) /
 *                       X called it "..." / X was quoted as saying "..."
 *                       (a cue inside the that-clause of an outer verb of
 *                       saying defers to the outer one)
 *   the lead-in line    Caddell continued:  (previous paragraph ends in ':')
 *   running quotes      a quote that opens its sentence with no cue of its
 *                       own continues the previous speaker's quotation
 *   clause subject      a partial quote with no cue of its own inside a
 *                       clause ("X accused Y of being "..."") belongs to
 *                       the clause's subject; so does 'X boomed: "..."'
 *
 * A speaker is a noun phrase next to the cue: a mention, a capitalized run,
 * a pronoun or a description ("the Qatari minister").  speaker_start/end is
 * that phrase; speaker is the entity it resolves to: the mention's entity,
 * for he/she the current speaker or the latest person mentioned, for a
 * description the entity whose role (or the words around whose mention)
 * holds the description's head noun and nationality.  Nothing is guessed:
 * without a cue there is no speaker, and they/it/I/we name no entity.
 *
 * Resolution in more detail: he and she take the person who opens their
 * sentence or the one before (if named after the latest attribution),
 * else the current speaker, else the latest person, skipping any whose
 * given name or honorific has the other gender (Quirk et al. 6.10); "X,
 * who ... said" is X's, and a cue in a restrictive relative clause
 * ("anyone who complains") defers to the cue further out; a definite
 * description of a public figure ("the Republican nominee") refers back
 * like a pronoun; a document ("the statement said") speaks for whoever
 * issued it where it was last named; a person named by a role for
 * someone else ("a Clinton aide", "the Vermont senator") is not that
 * someone, and adjectives of party or nation ("Democratic leaders") name
 * no speaker.  A description opening a sentence ("The billionaire
 * businessman", "Another critic, X,") is read as a phrase, the object of
 * a preposition ("marching through the streets chanted") is no subject,
 * and a quote inside an opening participle ('Bemoaning the "system," X
 * accused') belongs to the subject after it.
 *
 * Quotes of at most a few words inside a phrase with no cue near (scare
 * quotes, the so-called "deal"), capitalized titles of works and quoted
 * section headings are dropped here, since only the cue search can tell
 * them from partial quotes.
 *
 * Reported speech: a cue that takes a clause (said, told ... that, thinks,
 * according to), a stance or a label (endorsed, wants to, called for) with
 * a subject noun phrase yields a quote of kind "reported" whose content is
 * the clause, as far as the sentence end; "..., X said." reports what
 * precedes, and a paragraph opening "Name: ..." (headlines, transcripts)
 * reports what follows; a noun of saying with its possessor ("Trump's
 * claim that ...") reports its that-clause.  Passives ("was called") are
 * not attributions.  Also reported: an infinitive after the cue (vowed to
 * stay, urged X to act), the topic of a statement (talked about X, warned
 * against X), an indirect question after "Asked", whatever follows
 * "according to" as its source, and "As X noted, ...".  Subjects may be
 * poll shares (47 percent say, six in 10 say), lone quantifiers (some
 * say), or names followed by an age, a party tag or a time phrase (X, 54,
 * a teacher, said; X (D-Md.), said; X on Monday said).  A statement ends
 * where the next begins: before ", saying ...", ", but ...", ", while
 * ..." and before a new speaker and verb (", X said", "and she asked").
 * A direct quote inside a reported statement, with no speaker of its own,
 * takes the statement's speaker.  Headlines (every word capitalized) may
 * capitalize their cue.
 *
 * Every token is classified once (classify(): a hash lookup of the word
 * gives its word lists as a bitset and its cue flags, then its cue in
 * context), so the patterns test bits, not strings.  Every search is
 * bounded by a fixed window of tokens, so the work is linear in the
 * document.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/cue.h"
#include "extract/doc.h"
#include "extract/lexicon.h"
#include "words/words.h"

enum {
  NP_MAX = 10,      /* tokens in a speaker noun phrase */
  APPOS_MAX = 20,   /* tokens in an apposition or relative clause */
  AFTER_MAX = 24,   /* tokens searched after a quote for its cue */
  BEFORE_MAX = 40,  /* tokens searched before a quote for its cue */
  PRON_MAX = 600,   /* tokens searched back for a pronoun's antecedent */
  DESC_MAX = 3000,  /* tokens searched back for a description's entity */
  CLAUSE_MAX = 150, /* tokens in a reported clause */
  WORD_MAX = 2000,  /* tokens searched back for a surname's full name */
  SCARE_WORDS = 4,  /* a quote this short needs a cue to be a quote */
  IMMEDIATE = 3,    /* tokens from a closing mark to a cue that is its own */
  HEADLINE_MAX = 25 /* words in a headline */
};

typedef struct span {
  int32_t s, e; /* token range [s, e); s < 0 when empty */
} span;

static const span NO_SPAN = {-1, -1};

typedef struct attr {
  span np;      /* the speaker phrase */
  span cue;     /* the cue */
  int32_t ent;  /* resolved entity, or -1 */
  int min_words; /* fewest words of a reported statement (0: 3); a
                    position needs fewer ("endorsed Berg") */
} attr;

typedef struct ctx {
  ws_doc *doc;
  const ws_token *tok;
  int32_t n;
  int32_t *in_quote; /* per token: direct quote index, or -1 */
  int32_t last_ent;  /* the latest attributed speaker */
  int32_t last_tok;  /* where it was attributed */
  int persons;       /* 1 when the entity layer typed any person */
  struct feat *f;    /* per token: its word classes, classified once */
  uint8_t *headline; /* per sentence: 1 when written in headline style */
  int64_t budget;    /* steps left for the backward searches, linear in the
                        document so that many pronouns and descriptions in
                        a row never make the work quadratic */
  uint8_t *gender;   /* per entity: 0 not yet asked, else GENDER_* + 1 */
  int descriptions;  /* 1 while direct quotes are attributed: a phrase
                        opening a sentence may be a description ("The
                        billionaire businessman"); the reported-speech
                        pass reads only names there */
  int32_t *prev_mention; /* per token: the last token at or before it that
                            is in a mention, or -1 (NULL until needed) */
  int32_t *fit_head; /* resolve_description(): per token, how many tokens */
  int32_t *fit_nat;  /* from it to the description match the head noun /
                        the nationality (NULL until first needed) */
} ctx;

/* Takes one step of a backward search from the budget; 0 when spent. */
static int step(ctx *c) { return c->budget-- > 0; }

/* ------------------------------------------------------------ word tests */

/* Every token is classified once per document (classify()): one hash
 * lookup of its lower-cased text gives the word lists it belongs to (a
 * bitset), which single word it is (for the few words the patterns name),
 * and its cue flags; cue_at() in context is then computed once per token
 * too.  The patterns test bits instead of comparing strings, so the cost
 * of a test no longer grows with the length of a word list. */
enum {
  C_SUBJ = 1u << 0,       /* words/subject_pronouns.txt */
  C_REL = 1u << 1,        /* rel_pronouns */
  C_DET = 1u << 2,        /* determiners */
  C_FILLER = 1u << 3,     /* cue_fillers */
  C_CAPSTOP = 1u << 4,    /* cap_stop */
  C_NPSTOP = 1u << 5,     /* np_stops */
  C_PARTICLE = 1u << 6,   /* particles */
  C_CONTR = 1u << 7,      /* contractions */
  C_PEOPLE = 1u << 8,     /* people */
  C_THIRD = 1u << 9,      /* third_words */
  C_PRESENT_BEFORE = 1u << 10, /* present_before */
  C_SMALL = 1u << 11,     /* small_words */
  C_CLFILL = 1u << 12,    /* clause_fillers */
  C_NOTCL = 1u << 13,     /* not_clause */
  C_SAYN = 1u << 14,      /* saying_nouns */
  C_TRAIL = 1u << 15,     /* trailing */
  C_BE = 1u << 16,        /* be_forms */
  C_MEDIA = 1u << 17,     /* media */
  C_CONTINUE = 1u << 18,  /* continue_forms */
  C_NUMWORD = 1u << 19,   /* number_words */
  C_OF_WHOM = 1u << 20,   /* of_whom */
  C_QUANT_PL = 1u << 21,  /* quant_plural */
  C_QUANT_SG = 1u << 22,  /* quant_singular */
  C_WH = 1u << 23,        /* wh_words */
  C_TIMEW = 1u << 24,     /* time_words */
  C_TIMELEAD = 1u << 25,  /* time_leads */
  C_TIMEALONE = 1u << 26, /* time_alone */
  C_MAKE = 1u << 27,      /* make_forms */
  C_OBJ = 1u << 28,       /* object_pronouns */
  C_THATONLY = 1u << 29,  /* that_only */
  C_PLAINSAY = 1u << 30   /* plain_say */
};
/* More word classes, in feat.cls2. */
enum {
  C2_SUBORD = 1u << 0, /* subordinators */
  C2_PREP = 1u << 1,   /* prepositions */
  C2_DOC = 1u << 2,    /* documents */
  C2_AIDE = 1u << 3,   /* people who work for someone */
  C2_OBJV = 1u << 4,   /* obj_verbs */
  C2_TOV = 1u << 5,    /* to_verbs */
  C2_ONV = 1u << 6,    /* on_verbs */
  C2_VOTEV = 1u << 7,  /* vote_verbs */
  C2_SEEV = 1u << 8,   /* see_verbs */
  C2_INFV = 1u << 9,   /* inf_verbs */
  C2_OUTV = 1u << 10,  /* out_verbs */
  C2_OBJPART = 1u << 11, /* obj_particles */
  C2_SEEM = 1u << 12,  /* seem_forms */
  C2_EXPECTED = 1u << 13, /* expected_forms */
  C2_HEARSAY = 1u << 14,  /* hearsay */
  C2_LABEL = 1u << 15,    /* label_forms */
  C2_OVER = 1u << 16,     /* "over" */
  C2_WHETHER = 1u << 17,  /* "whether" */
  C2_QWH = 1u << 18,      /* question_wh */
  C2_COPULA = 1u << 19,   /* copulas */
  C2_CHEAD = 1u << 20,    /* copula_heads */
  C2_THOUGHTN = 1u << 21, /* thought_nouns */
  C2_STANCEN = 1u << 22,  /* stance_nouns */
  C2_SPERSON = 1u << 23,  /* stance_persons */
  C2_PSTOP = 1u << 24,    /* person_stops */
  C2_BELIEFADJ = 1u << 25, /* belief_adjectives */
  C2_WILLADJ = 1u << 26,  /* will_adjectives */
  C2_CLEAR = 1u << 27,    /* clear_forms */
  C2_TOWARD = 1u << 28,   /* toward_adjectives */
  C2_FINSAY = 1u << 29,   /* finite_say */
  C2_UNFIN = 1u << 30     /* unfinished */
};
/* bit 31 is no enumerator: ISO C keeps those in the range of int */
#define C2_DANGLING (UINT32_C(1) << 31) /* dangling */
/* In feat.cls, the one bit left: the word may open one of the per-token
 * rules of reported() (nominal() to stance_person()).  Each of those
 * returns at once, with no effect, unless its token is in one of the
 * lists gathered by rule_word(); reported() skips the seven calls for
 * every other token (most of them), an exact shortcut. */
#define C_RULE (UINT32_C(1) << 31)

/* The single words the patterns test by name. */
enum {
  W_NONE, W_ACCORDING, W_AND, W_AS, W_BACK, W_FOR, W_HER, W_HIS, W_IN, W_IT,
  W_ITS, W_ON, W_OUT, W_POINTED, W_POINTING, W_QUOTED, W_REFERRING, W_THAT,
  W_THEIR, W_THEY, W_TO, W_TOLD, W_UP, W_BUT, W_PERCENT, W_OF, W_ABOUT,
  W_AGAINST, W_WHILE, W_CLEAR, W_MAKING, W_WHEN, W_THAN, W_TIMEEND, W_BACKV, W_PUT, W_WITH, W_THE, W_BY
};

/* in feat.cue: the cue's last token is 1 (CUE_LAST_NEXT) or 2
 * (CUE_LAST_NEXT2) after its first: "according to", "made it clear" */
enum { CUE_LAST_NEXT = 1 << 15, CUE_LAST_NEXT2 = 1 << 14 };

typedef struct feat {
  uint32_t cls; /* C_* */
  uint16_t cue; /* WS_CUE_* of cue_at() in context (0: no cue), and
                   CUE_LAST_NEXT */
  uint8_t id;   /* W_* */
  uint8_t nat;  /* is_nationality(): 0 not yet asked, 1 no, 2 yes */
  uint32_t cls2; /* C2_* */
} feat;

static int isw(const ctx *c, int32_t i, int id) {
  return i >= 0 && i < c->n && c->f[i].id == id;
}

static int inc(const ctx *c, int32_t i, uint32_t cls) {
  return i >= 0 && i < c->n && (c->f[i].cls & cls);
}

static int inc2(const ctx *c, int32_t i, uint32_t cls) {
  return i >= 0 && i < c->n && (c->f[i].cls2 & cls);
}

static int is_word(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_WORD;
}

static int is_cap(const ctx *c, int32_t i) {
  return is_word(c, i) && (c->tok[i].flags & WS_TF_CAP);
}

static int is_punct(const ctx *c, int32_t i, int32_t cp) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         c->tok[i].cp == cp;
}

static int ends_sentence(const ctx *c, int32_t i) {
  if (is_punct(c, i, '.') && i > 0 && i + 1 < c->n &&
      !(c->tok[i].flags & WS_TF_SPACE_B) && c->tok[i - 1].type == WS_TOK_WORD &&
      (is_punct(c, i + 1, ',') || is_punct(c, i + 1, ')')))
    return 0; /* the period of a party-state tag: "(D-Wis.)", "R-Ky.," */
  return is_punct(c, i, '.') || is_punct(c, i, '?') || is_punct(c, i, '!') ||
         is_punct(c, i, ';');
}

/* Given names and nouns that fix a person's grammatical gender, for
 * matching he/she to an antecedent (Quirk et al. 6.10: personal pronouns
 * agree with their antecedent in gender).  The names are common English
 * given names and names frequent in international news, listed from
 * general knowledge; a name used for both sexes (Jordan, Kelly, Terry) is
 * left out, so that an unknown gender never blocks a match. */
enum { GENDER_NONE = 0, GENDER_MALE = 1, GENDER_FEMALE = 2 };

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
  /* C_RULE: the words that open a rule of reported(), from the tests on
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
  /* stance_verb()'s words that are in no class */
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

static int is_ly_adverb(const ctx *c, int32_t i);

static int ends_in_s(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  return t->end - t->start > 3 && c->doc->text[t->end - 1] == 's';
}

/* A word that can be the subject right before a third-person verb: a
 * name, a singular pronoun, a relative pronoun or an adverb. */
static int third_person_subject(const ctx *c, int32_t i) {
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
static span counted(const ctx *c, int32_t k, int32_t lo);

static int present_verb_context(const ctx *c, int32_t i) {
  if (inc(c, i - 1, C_PRESENT_BEFORE))
    return 1;
  if (counted(c, i - 1, 0).s >= 0)
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

static int is_dash(const ctx *c, int32_t i);
static span np_starting(const ctx *c, int32_t i, int32_t hi);
static int person_noun(const ctx *c, int32_t i);
static int adjective_name(const ctx *c, int32_t i);
static int ends_in_ly(const ctx *c, int32_t i);

/* "Officials, some of them new, say": a base form right after a comma or
 * dash that closes an apposition, or after "those" and a participle
 * ("those surveyed say"), follows its plural subject. */
static int after_apposition(const ctx *c, int32_t i) {
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
      counted(c, i - 1, 0).s < 0) { /* "one in three said" */
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
  if (ends_in_s(c, i) && adjective_name(c, i - 1) && !is_cap(c, i - 2))
    return 0;
  if ((f & WS_CUE_PRESENT) && isw(c, i - 1, W_TO))
    f |= WS_CUE_PART; /* "went on to say": subject is the clause's */
  else if (!(f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)) && ends_in_s(c, i) &&
           (!third_person_subject(c, i - 1) || !object_follows(c, i + 1)))
    return 0; /* "raised questions", "the terrorist attacks in": a plural
                 noun; the verb takes an object ("attacks the plan") */
  else if ((f & WS_CUE_PRESENT) && !present_verb_context(c, i) &&
           !((f & WS_CUE_CLAUSE) && !(f & WS_CUE_STANCE) &&
             after_apposition(c, i)) &&
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

/* 1 when token i is a cue verb used as a verb (cue_eval, computed once
 * per token by classify()); fills flags and the last token of a two-word
 * cue. */
static int cue_at(const ctx *c, int32_t i, int *flags, int32_t *last) {
  if (i < 0 || i >= c->n || !c->f[i].cue)
    return 0;
  *flags = c->f[i].cue & ~(CUE_LAST_NEXT | CUE_LAST_NEXT2);
  *last = i + ((c->f[i].cue & CUE_LAST_NEXT) ? 1 : 0) +
          ((c->f[i].cue & CUE_LAST_NEXT2) ? 2 : 0);
  return 1;
}

/* Fills c->f: word classes first (cue_eval reads its neighbours'), then
 * each token's cue in context. */
static int classify(ctx *c) {
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

/* ----------------------------------------------------------- noun phrases */

/* The first token of the mention covering token i. */
static int32_t mention_first(const ctx *c, int32_t i, int32_t lo) {
  int32_t m = c->doc->tok_mention[i];
  while (i - 1 >= lo && c->doc->tok_mention[i - 1] == m)
    i--;
  return i;
}

static int entity_kind(const ctx *c, int32_t ent);

static int is_number(const ctx *c, int32_t i) {
  return (i >= 0 && i < c->n && c->tok[i].type == WS_TOK_NUMBER) ||
         inc(c, i, C_NUMWORD);
}

/* The subjects of poll findings, which name a share rather than a
 * speaker: "47 percent said", "47% say", "six in 10 say", "most of them
 * said".  A bare number is no subject ("in 2012 said"). */
static span counted(const ctx *c, int32_t k, int32_t lo) {
  span r = NO_SPAN;
  int32_t s = -1;
  if ((isw(c, k, W_PERCENT) || is_punct(c, k, '%')) && k - 1 >= lo &&
      (is_number(c, k - 1) || (c->tok[k - 1].flags & WS_TF_HYPHEN)))
    s = k - 1; /* "Thirty-one percent" */
  else if (is_number(c, k) && isw(c, k - 1, W_IN) && is_number(c, k - 2) &&
           k - 2 >= lo)
    s = k - 2;
  else if (inc(c, k, C_OF_WHOM) && isw(c, k - 1, W_OF) && k - 2 >= lo &&
           is_word(c, k - 2) && !(c->tok[k - 2].flags & WS_TF_CAP))
    s = k - 2;
  if (s >= 0)
    r.s = s, r.e = k + 1;
  return r;
}

/* The noun phrase that ends at token k (inclusive), not before lo. */
static span np_ending(const ctx *c, int32_t k, int32_t lo) {
  span r = NO_SPAN;
  if (k >= lo && (r = counted(c, k, lo)).s >= 0)
    return r;
  if (k < lo || !is_word(c, k))
    return r;
  if (inc(c, k, C_SUBJ) || inc(c, k, C_REL)) {
    r.s = k, r.e = k + 1;
    return r;
  }
  /* a quantifier standing alone before its verb: "some say" */
  if (inc(c, k, C_QUANT_PL | C_QUANT_SG) && k + 1 < c->n && c->f[k + 1].cue) {
    r.s = k, r.e = k + 1;
    return r;
  }
  if (c->doc->tok_mention[k] >= 0) {
    r.s = mention_first(c, k, lo), r.e = k + 1;
    /* titles before the name belong to the phrase (Foreign Minister X) */
    while (r.s - 1 >= lo && r.s > k - NP_MAX && is_cap(c, r.s - 1) &&
           !(c->tok[r.s - 1].flags & WS_TF_POSS) && !inc(c, r.s - 1, C_CAPSTOP))
      r.s--;
    while (r.s < k && inc(c, r.s, C_CAPSTOP))
      r.s++; /* "Monday Mayor X": a day is not part of the name */
    if (inc(c, r.s, C_CAPSTOP))
      return NO_SPAN;
    return r;
  }
  if (is_cap(c, k)) {
    int32_t s = k;
    while (s - 1 >= lo && s > k - NP_MAX &&
           (is_cap(c, s - 1) || inc(c, s - 1, C_PARTICLE)) &&
           !(c->tok[s - 1].flags & WS_TF_POSS))
      s--;
    while (s <= k && inc(c, s, C_CAPSTOP))
      s++;
    if (s > k)
      return r;
    r.s = s, r.e = k + 1;
    return r;
  }
  /* "the two write", "the three said": a number word as the head */
  if (inc(c, k, C_NUMWORD) && k - 1 >= lo && isw(c, k - 1, W_THE)) {
    r.s = k - 1, r.e = k + 1;
    return r;
  }
  /* a description: [det] [adjectives, Nationality, Name's] head */
  if (inc(c, k, C_DET) || inc(c, k, C_FILLER) ||
      inc(c, k, C_NPSTOP))
    return r;
  int32_t s = k;
  while (s - 1 >= lo && s > k - 6) {
    if (is_word(c, s - 1) && !inc(c, s - 1, C_NPSTOP) &&
        !inc(c, s - 1, C_FILLER) && !inc(c, s - 1, C_DET)) {
      s--;
      continue;
    }
    /* a plural possessive: "Sanders’ campaign", "the voters' choice" */
    if (s - 2 >= lo && c->tok[s - 1].type == WS_TOK_QUOTE &&
        !(c->tok[s - 1].flags & WS_TF_SPACE_B) && is_word(c, s - 2) &&
        c->doc->text[c->tok[s - 2].end - 1] == 's') {
      s -= 2;
      continue;
    }
    break;
  }
  if (s - 1 >= lo && inc(c, s - 1, C_DET) && !isw(c, s - 1, W_THAT)) {
    r.s = s - 1, r.e = k + 1;
    return r;
  }
  /* bare plurals and possessed nouns: officials, Trump's campaign */
  const char *w = c->doc->text + c->tok[k].start;
  size_t wn = c->tok[k].end - c->tok[k].start;
  if ((wn > 3 && w[wn - 1] == 's' && w[wn - 2] != 's' && k - s <= 2) ||
      (s < k && (c->tok[s].flags & WS_TF_POSS)) ||
      (s < k && is_cap(c, s))) {
    r.s = s, r.e = k + 1;
    return r;
  }
  return r;
}

/* "increasingly", "repeatedly": a lower-case -ly word between a subject
 * and its verb. */
static int is_ly_adverb(const ctx *c, int32_t i) {
  if (!is_word(c, i) || is_cap(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return n > 4 && c->doc->text[t->end - 2] == 'l' &&
         c->doc->text[t->end - 1] == 'y';
}

/* The apostrophe of a plural possessive ("Sanders' campaign manager"):
 * glued to a word ending in s, and followed by a word. */
static int plural_possessive(const ctx *c, int32_t i) {
  return i > 0 && c->tok[i].type == WS_TOK_QUOTE &&
         !(c->tok[i].flags & WS_TF_SPACE_B) &&
         (c->tok[i].cp == '\'' || c->tok[i].cp == 0x2019) &&
         is_word(c, i - 1) && c->doc->text[c->tok[i - 1].end - 1] == 's' &&
         is_word(c, i + 1);
}

/* 1 when token i is part of a mention of a place. */
static int place_at(const ctx *c, int32_t i) {
  int32_t m = i >= 0 && i < c->n ? c->doc->tok_mention[i] : -1;
  return m >= 0 &&
         entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m].entity) ==
             WS_ENTITY_PLACE;
}

/* 1 when the place mention at i is followed by a person noun: "the
 * Hollywood columnist X", "Ohio Governor X". */
static int place_modifies_person(const ctx *c, int32_t i) {
  int32_t m = c->doc->tok_mention[i];
  while (i < c->n && c->doc->tok_mention[i] == m)
    i++;
  return is_word(c, i) && person_noun(c, i);
}

/* When the mark at p closes a quote of at most four words that sits
 * inside a phrase (a word before its opening mark), the opening mark;
 * else -1. */
static int32_t quoted_words_start(const ctx *c, int32_t p, int32_t lo) {
  for (int32_t q = p - 1; q >= lo && q > p - 6; q--) {
    if (c->tok[q].type == WS_TOK_QUOTE)
      return q < p - 1 && is_word(c, q - 1) ? q : -1;
    if (!is_word(c, q) && c->tok[q].type != WS_TOK_NUMBER)
      return -1;
  }
  return -1;
}

/* When the mark at p opens a quote of at most four words inside a
 * phrase (a word before it, a word after its closing mark), the
 * closing mark; else -1. */
static int32_t quoted_words_end(const ctx *c, int32_t p, int32_t hi) {
  if (!is_word(c, p - 1) || !c->descriptions)
    return -1;
  for (int32_t q = p + 1; q < hi && q < c->n && q < p + 6; q++) {
    if (c->tok[q].type == WS_TOK_QUOTE)
      return q > p + 1 && is_word(c, q + 1) ? q : -1;
    if (!is_word(c, q) && c->tok[q].type != WS_TOK_NUMBER)
      return -1;
  }
  return -1;
}

/* The subject of a cue at token v: the phrase before it, skipping
 * auxiliaries, a parenthesis (R-Fla.) and an apposition or relative clause
 * between commas ("X, the foreign minister, said"). */
static span subject_before(const ctx *c, int32_t v, int32_t lo) {
  int32_t k = v - 1;
  int skipped = 0;
  while (k >= lo && skipped < 4 &&
         ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
    k--, skipped++;
  /* a time between subject and verb: "X at the time said", "X on Monday
   * said", "X last week said", "X yesterday said" */
  if (inc(c, k, C_TIMEW)) {
    int32_t j = k - 1;
    while (j >= lo && j > k - 4 && !inc(c, j, C_TIMELEAD) &&
           is_word(c, j) && !is_cap(c, j))
      j--;
    if (inc(c, j, C_TIMELEAD) && j >= lo && !(c->tok[j].flags & WS_TF_CAP))
      k = j - 1;
    else if (inc(c, k, C_TIMEALONE))
      k = k - 1;
    while (k >= lo && skipped < 4 &&
           ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
      k--, skipped++;
  }
  /* a year: "X, who in 2010 said" */
  if (k - 1 >= lo && c->tok[k].type == WS_TOK_NUMBER &&
      c->tok[k].end - c->tok[k].start == 4 && isw(c, k - 1, W_IN)) {
    k -= 2;
    while (k >= lo && skipped < 4 &&
           ((inc(c, k, C_FILLER) && !isw(c, k, W_TOLD)) || is_ly_adverb(c, k)))
      k--, skipped++;
  }
  if (is_punct(c, k, ')')) {
    int32_t p = k - 1;
    while (p >= lo && p > k - 10 && !is_punct(c, p, '('))
      p--;
    if (is_punct(c, p, '('))
      k = p - 1;
  }
  if (is_punct(c, k, ',') && is_punct(c, k - 1, ')')) {
    /* "Gov. X (R-Ohio), said": a party tag, then the verb */
    int32_t p = k - 2;
    while (p >= lo && p > k - 10 && !is_punct(c, p, '('))
      p--;
    if (is_punct(c, p, '(') && is_cap(c, p - 1))
      return np_ending(c, p - 1, lo);
  }
  if (is_punct(c, k, ',') || (is_dash(c, k) && c->tok[k].cp != '-')) {
    /* "X, the harbour master, said" / "X — a teacher — says" */
    int32_t sep = c->tok[k].cp;
    int32_t p = k - 1;
    while (p >= lo && p > k - APPOS_MAX && !is_punct(c, p, sep) &&
           !ends_sentence(c, p)) {
      if (c->tok[p].type == WS_TOK_QUOTE && !plural_possessive(c, p)) {
        /* a few quoted words inside the apposition ("wearing "Vik 2016"
         * pins") are skipped whole; any other mark ends the search */
        int32_t q = c->descriptions ? quoted_words_start(c, p, lo) : -1;
        if (q < 0)
          break;
        p = q;
      }
      p--;
    }
    if (!is_punct(c, p, sep))
      return NO_SPAN;
    /* an age before the apposition: "Lena Vik, 54, a teacher, said" */
    if (sep == ',' && p - 2 >= lo && c->tok[p - 1].type == WS_TOK_NUMBER &&
        is_punct(c, p - 2, ',')) {
      span who = np_ending(c, p - 3, lo);
      if (who.s >= 0 && is_cap(c, who.e - 1) && is_word(c, p + 1) &&
          !is_cap(c, p + 1))
        return who;
    }
    /* "the mayor, Lena Vik, said": the name in the apposition */
    span ap = np_ending(c, k - 1, p + 1);
    if (ap.s == p + 1 && is_cap(c, ap.e - 1) && !inc(c, ap.s, C_REL) &&
        !inc(c, ap.s, C_SUBJ) && !is_cap(c, p - 1))
      return ap;
    if (is_punct(c, p - 1, ')')) {
      /* "Rep. X (D-Md.), chair of the committee, said" */
      int32_t q = p - 2;
      while (q >= lo && q > p - 10 && !is_punct(c, q, '('))
        q--;
      if (is_punct(c, q, '(') && is_cap(c, q - 1))
        return np_ending(c, q - 1, lo);
    }
    span r = np_ending(c, p - 1, lo);
    if (sep == ',' && r.s >= 0 && place_at(c, r.e - 1) &&
        (inc(c, r.s - 1, C_TRAIL) || isw(c, r.s - 1, W_OF))) {
      /* "X, during a meeting in Columbus, Ohio, said": the place closes
       * a phrase that began after X's comma */
      int32_t q = r.s - 1;
      while (q >= lo && q > r.s - APPOS_MAX && !is_punct(c, q, ',') &&
             !ends_sentence(c, q) && c->tok[q].type != WS_TOK_QUOTE)
        q--;
      if (is_punct(c, q, ',')) {
        if (q - 2 >= lo && c->tok[q - 1].type == WS_TOK_NUMBER &&
            is_punct(c, q - 2, ','))
          q -= 2; /* "Cory Vik, 22, of Flint, Mich., said": an age */
        span x = np_ending(c, q - 1, lo);
        if (x.s >= 0 && (is_cap(c, x.e - 1) || inc(c, x.s, C_SUBJ)) &&
            !place_at(c, x.e - 1))
          return x;
      }
    }
    return r;
  }
  span r = np_ending(c, k, lo);
  if (c->descriptions && !(r.s >= 0 && inc(c, r.s, C_REL | C_SUBJ)) &&
      is_word(c, k)) {
    /* "a White House official who spoke anonymously said", "police who
     * arrested the man said": the phrase closes a restrictive relative
     * clause, whose antecedent is the subject ("the woman who Vik said"
     * is an object clause: no word between "who" and the phrase) */
    int32_t from = r.s >= 0 ? r.s : k + 1, w = from - 1;
    while (w >= lo && w > from - 12 && is_word(c, w) && !inc(c, w, C_REL))
      w--;
    if (inc(c, w, C_REL) && w < from - 1 && is_word(c, w - 1) && w - 1 >= lo) {
      span x = np_ending(c, w - 1, lo);
      if (x.s >= 0 && !inc(c, x.s, C_REL | C_SUBJ))
        return x;
    }
  }
  if (c->descriptions && r.s >= 0 && !is_cap(c, r.e - 1) &&
      c->doc->tok_mention[r.e - 1] < 0 && inc2(c, r.s - 1, C2_PREP)) {
    /* "Protesters marching through the streets chanted": the phrase is
     * the object of a preposition; the subject opens the clause */
    int32_t j = r.s - 2;
    while (j >= lo && j > r.s - 10 && is_word(c, j) && !c->f[j].cue)
      j--;
    int32_t first = j + 1;
    if (first < r.s - 1 &&
        (j < lo || is_punct(c, j, ',') || ends_sentence(c, j) ||
         (c->tok[first].flags & WS_TF_SENT))) {
      span x = np_starting(c, first, r.s - 1);
      if (x.s >= 0 && !inc(c, x.s, C_REL))
        return x;
    }
  }
  return r;
}

/* A lower-case word that can be part of a title before a name
 * ("strategist", "campaign manager"): a singular noun, so not a past
 * verb ("Vik credited Berg"), a third-person verb or plural ("ad hits
 * Berg"), nor a function word ("Vik if Berg"). */
static int title_word(const ctx *c, int32_t j) {
  const ws_token *t = &c->tok[j];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (inc(c, j, C_WH | C_DET | C_FILLER | C_SUBJ) || c->f[j].cue)
    return 0;
  if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
    return 0;
  return !(n > 3 && w[n - 1] == 's' && w[n - 2] != 's');
}

static int ends_in_ed(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  return t->end - t->start > 3 && c->doc->text[t->end - 2] == 'e' &&
         c->doc->text[t->end - 1] == 'd';
}

/* 1 when token i is a noun for a person: "businessman", "president". */
static int person_noun(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t n = t->core_end - t->start;
  return ws_lex_is_descriptor(w, n) || ws_lex_title(w, n) == WS_TITLE_HEAD;
}

/* 1 when up to three lower-case words from i lead to a name: a title
 * before it ("presidential candidate Gary Johnson"). */
static int title_before_name(const ctx *c, int32_t i, int32_t hi) {
  for (int32_t j = i; j < hi && j < i + 3 && is_word(c, j); j++) {
    if (is_cap(c, j) || c->doc->tok_mention[j] >= 0)
      return 1;
    if (inc(c, j, C_NPSTOP | C_FILLER | C_DET) || c->f[j].cue)
      return 0;
  }
  return 0;
}

/* The phrase starting at token i, read forward: "said Rep. John Mica",
 * "said the spokesman", "said he". */
static span np_starting(const ctx *c, int32_t i, int32_t hi) {
  span r = NO_SPAN;
  if (i >= hi || !(is_word(c, i) || (c->descriptions &&
                                      c->tok[i].type == WS_TOK_NUMBER)))
    return r;
  if (inc(c, i, C_SUBJ)) {
    r.s = i, r.e = i + 1;
    return r;
  }
  if (c->descriptions && is_cap(c, i) && c->doc->tok_mention[i] < 0 &&
      i + 1 < hi &&
      is_word(c, i + 1) && !is_cap(c, i + 1) &&
      c->doc->tok_mention[i + 1] < 0 &&
      (inc(c, i, C_DET) ||
       ((c->tok[i].flags & WS_TF_SENT) && !inc(c, i, C_CAPSTOP))) &&
      !inc(c, i + 1, C_NPSTOP | C_FILLER | C_DET) && !c->f[i + 1].cue &&
      !(c->tok[i].flags & WS_TF_POSS) && !title_before_name(c, i + 1, hi) &&
      !(!inc(c, i, C_DET) &&
        (ends_in_s(c, i) ||
         ws_lex_is_descriptor(c->doc->text + c->tok[i].start,
                              c->tok[i].core_end - c->tok[i].start)))) {
    /* a capitalized determiner or a common word opening the sentence
     * starts a description, not a name: "Another critic", "The
     * billionaire businessman", "Small groups of protesters" (a name the
     * entity layer missed is followed by its verb: "Sims said").  The
     * phrase ends at its head: a person noun, a title, a plural, or
     * before a verb (-ed, a cue, an auxiliary). */
    int32_t e = i + 1;
    while (e < hi && e < i + 4 && is_word(c, e) && !is_cap(c, e) &&
           !inc(c, e, C_NPSTOP | C_FILLER) && !c->f[e].cue &&
           !ends_in_ly(c, e) && !ends_in_ed(c, e)) {
      if (ends_in_s(c, e++) ||
          (person_noun(c, e - 1) && !(is_word(c, e) && person_noun(c, e))))
        break; /* "billionaire businessman" goes on, "president left" not */
    }
    int timed = 0; /* "A month later, he", "This week": a time, no one */
    for (int32_t j = i + 1; j <= e && j < c->n && !timed; j++)
      timed = inc(c, j, C_TIMEW) || c->f[j].id == W_TIMEEND;
    if (!timed) {
      r.s = i, r.e = e;
      return r;
    }
  }
  if (is_cap(c, i) || c->doc->tok_mention[i] >= 0) {
    int32_t e = i;
    /* a possessor is part of the phrase: "Qatar's Foreign Minister X" */
    while (e < hi && e < i + NP_MAX &&
           (is_cap(c, e) || c->doc->tok_mention[e] >= 0 ||
            (e > i && inc(c, e, C_PARTICLE))) &&
           !(e > i && (c->tok[e].flags & WS_TF_PARA)))
      e++;
    if (inc(c, i, C_CAPSTOP))
      return r;
    /* "Republican strategist Al Cardenas", "RNC spokesman Sean Spicer":
     * an affiliation and a title before the person's name */
    for (int32_t j = e; j < hi && j < e + 2 && is_word(c, j) &&
                        !is_cap(c, j) && !inc(c, j, C_NPSTOP) &&
                        title_word(c, j);
         j++) {
      int32_t m = j + 1 < c->n ? c->doc->tok_mention[j + 1] : -1;
      if (m >= 0 &&
          entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m]
                             .entity) == WS_ENTITY_PERSON) {
        int32_t k = j + 1;
        while (k < hi && c->doc->tok_mention[k] == m)
          k++;
        e = k;
        break;
      }
    }
    r.s = i, r.e = e;
    return r;
  }
  /* "said retired neurosurgeon Ben Carson", "said 9/11 widow X": up to
   * three lower-case words (or a number) before a name */
  for (int32_t j = i;
       j < hi && j < i + 4 &&
       (is_word(c, j) ||
        (c->descriptions && j < i + 3 &&
         (c->tok[j].type == WS_TOK_NUMBER || is_punct(c, j, '/')))) &&
       !inc(c, j, C_NPSTOP) && !inc(c, j, C_DET);
       j++) {
    if (is_cap(c, j + 1) && !inc(c, j + 1, C_CAPSTOP)) {
      span r2 = np_starting(c, j + 1, hi);
      if (r2.s >= 0) {
        r2.s = i;
        return r2;
      }
      break;
    }
    if (is_cap(c, j))
      break;
  }
  if (inc(c, i, C_QUANT_SG | C_QUANT_PL) && c->descriptions &&
      (i + 1 >= c->n || ends_sentence(c, i + 1) || is_punct(c, i + 1, ','))) {
    r.s = i, r.e = i + 1; /* '"...," read one.', 'said another,' */
    return r;
  }
  if (inc(c, i, C_QUANT_SG | C_QUANT_PL | C_NUMWORD) && c->descriptions &&
      isw(c, i + 1, W_OF)) {
    /* "said one of those advisers", "said two of her aides" */
    int32_t e = i + 2;
    if (inc(c, e, C_DET))
      e++;
    int32_t h = e;
    while (e < hi && e < h + 3 && is_word(c, e) && !inc(c, e, C_NPSTOP) &&
           !c->f[e].cue)
      e++;
    if (e > h) {
      r.s = i, r.e = e;
      return r;
    }
  }
  if (inc(c, i, C_DET)) {
    int32_t e = i + 1;
    /* (a year or an age inside: "a 2008 Clinton veteran") */
    while (e < hi && e < i + 6 &&
           (is_word(c, e) ||
            (c->descriptions && c->tok[e].type == WS_TOK_NUMBER &&
             e + 1 < hi && is_word(c, e + 1))) &&
           !inc(c, e, C_NPSTOP))
      e++;
    if (e > i + 1) {
      r.s = i, r.e = e;
      return r;
    }
  }
  return r;
}

/* The source after "according to": a name or phrase as np_starting()
 * reads it, else whatever phrase stands there up to a comma or the end
 * of the sentence ("according to exit polls", "according to a 2014
 * Labor Department study", "according to The Hill"). */
static span source_of(const ctx *c, int32_t i, int32_t hi) {
  span r = np_starting(c, i, hi);
  if (r.s >= 0)
    return r;
  int32_t e = i;
  while (e < hi && e < i + NP_MAX &&
         (is_word(c, e) || c->tok[e].type == WS_TOK_NUMBER) &&
         !(e > i && (inc(c, e, C_REL) || isw(c, e, W_THAT))))
    e++;
  if (e > i && is_word(c, e - 1) && !inc(c, e - 1, C_DET)) {
    r.s = i, r.e = e;
    return r;
  }
  return NO_SPAN;
}

/* ------------------------------------------------------------- resolution */

static int entity_kind(const ctx *c, int32_t ent) {
  return ((const ws_entity *)c->doc->entities.items)[ent].kind;
}

static int any_person(const ws_doc *doc) {
  const ws_entity *e = doc->entities.items;
  for (size_t i = 0; i < doc->entities.len; i++)
    if (e[i].kind == WS_ENTITY_PERSON)
      return 1;
  return 0;
}

static int is_nationality(const ctx *c, int32_t i) {
  if (!c->f[i].nat) { /* asked again and again by the backward searches */
    const ws_token *t = &c->tok[i];
    c->f[i].nat = ws_lex_nationality_country(c->doc->text + t->start,
                                             t->core_end - t->start)
                      ? 2
                      : 1;
  }
  return c->f[i].nat == 2;
}

/* 1 when token i is a one-word name used as an adjective of party or
 * nation ("Republican", "Democratic", "Libertarian", "Qatari"): a
 * nationality, or an untyped mention of one word in -an or -ic. */
static int adjective_name(const ctx *c, int32_t i) {
  if (!is_cap(c, i))
    return 0;
  if (is_nationality(c, i))
    return 1;
  int32_t m = c->doc->tok_mention[i];
  if (m < 0 || (i > 0 && c->doc->tok_mention[i - 1] == m) ||
      (i + 1 < c->n && c->doc->tok_mention[i + 1] == m))
    return 0;
  if (entity_kind(c, ((const ws_mention *)c->doc->mentions.items)[m].entity) !=
      WS_ENTITY_OTHER)
    return 0;
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t n = t->core_end - t->start;
  return n > 4 && ((w[n - 2] == 'a' && w[n - 1] == 'n') ||
                   (w[n - 2] == 'i' && w[n - 1] == 'c'));
}

/* The entity of the last fitting mention in [s, e): a person if kinds are
 * known, otherwise the last mention that is not a nationality. */
static int32_t mention_entity(const ctx *c, span p) {
  int32_t best = -1;
  for (int32_t i = p.s; i < p.e; i++) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0)
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    int k = entity_kind(c, ent);
    if (is_nationality(c, i) && k != WS_ENTITY_PERSON)
      continue; /* "Qatari" is no speaker, Mark Cuban is */
    if (i + 1 < p.e && is_word(c, i + 1) && !is_cap(c, i + 1) &&
        adjective_name(c, i))
      continue; /* "Democratic leaders" are no party */
    if (k == WS_ENTITY_PLACE && best >= 0)
      continue;
    if (best < 0 || k == WS_ENTITY_PERSON ||
        entity_kind(c, best) != WS_ENTITY_PERSON)
      best = ent;
  }
  return best;
}

/* A backward search that looks only at mentions, from token i down to
 * (not including) token lim, taking a step of *budget per token as step()
 * does: the first token at or before i that is in a mention, with the
 * steps of the tokens skipped taken; lim when there is none or the budget
 * runs out on the way.  With c->prev_mention the skip is one jump. */
static int32_t skip_to_mention(ctx *c, int32_t i, int32_t lim,
                               int64_t *budget) {
  if (!c->prev_mention && c->n > 0) {
    c->prev_mention =
        ws_arena_alloc(c->doc->arena, (size_t)c->n * sizeof *c->prev_mention);
    if (c->prev_mention) {
      const int32_t *tm = c->doc->tok_mention;
      int32_t last = -1;
      for (int32_t k = 0; k < c->n; k++)
        c->prev_mention[k] = last = tm[k] >= 0 ? k : last;
    }
  }
  if (i <= lim)
    return i;
  if (!c->prev_mention) {
    for (; i > lim && c->doc->tok_mention[i] < 0; i--)
      if ((*budget)-- <= 0)
        return lim;
    return i;
  }
  int32_t j = c->prev_mention[i];
  if (j < lim)
    j = lim;
  int64_t skipped = i - j;
  if (*budget >= skipped) {
    *budget -= skipped;
    return j;
  }
  *budget = *budget > 0 ? -1 : *budget - 1; /* as the failing step leaves it */
  return lim;
}

/* The entity of the latest mention before token `at` whose canonical
 * name ends with the word s[0..n): a surname written where the entity
 * layer found no mention (a name opening a sentence). */
static int32_t entity_by_word(ctx *c, int32_t at, const char *s, size_t n) {
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  int32_t lim = at - WORD_MAX < 0 ? -1 : at - WORD_MAX;
  for (int32_t i = at - 1;
       (i = skip_to_mention(c, i, lim, &c->budget)) > lim && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    const char *name = ents[ms[m].entity].name;
    size_t ln = strlen(name);
    if (ln >= n && memcmp(name + ln - n, s, n) == 0 &&
        (ln == n || name[ln - n - 1] == ' '))
      return ms[m].entity;
  }
  return -1;
}

static int ci_equal(const char *a, const char *b, size_t n);

/* The gender of text[s..e) as a given name or gendered noun. */
static int word_gender(const ctx *c, uint32_t s, uint32_t e) {
  const wentry *w = word_lookup(c->doc->text, s, e, c->doc->text + c->doc->len);
  return w ? w->gender : GENDER_NONE;
}

/* The gender of entity ent from its first given name, or GENDER_NONE. */
static int entity_gender(ctx *c, int32_t ent) {
  if (c->gender[ent])
    return c->gender[ent] - 1;
  const char *name = ((const ws_entity *)c->doc->entities.items)[ent].name;
  int g = GENDER_NONE;
  /* the first word that is no title ("Sens. Jeff Merkley"), if a name
   * follows it; word_lookup() reads the document text, the name lives in
   * the arena */
  for (int w = 0; w < 3 && g == GENDER_NONE; w++) {
    size_t n = 0;
    while (name[n] && name[n] != ' ')
      n++;
    if (name[n] != ' ')
      break;
    if (n <= wtab_longest) {
      const unsigned char *u = (const unsigned char *)name;
      uint64_t head;
      uint32_t h = word_hash(u, n, u + n, &head), tag = h >> 16;
      for (uint32_t s = h & (WIX_SIZE - 1); wix[s]; s = (s + 1) & (WIX_SIZE - 1)) {
        const wentry *e = &went[(wix[s] & 0xffff) - 1];
        if (wix[s] >> 16 == tag && e->n == n && ci_equal(e->w, name, n)) {
          g = e->gender;
          break;
        }
      }
    }
    if (g != GENDER_NONE || (ws_lex_title(name, n) == WS_TITLE_NONE &&
                             !(n > 1 && name[n - 1] == '.')))
      break;
    name += n + 1;
  }
  c->gender[ent] = (uint8_t)(g + 1);
  return g;
}

/* The gender a mention at token i shows: its honorific ("Mrs. X") or its
 * entity's given name. */
static int mention_gender(ctx *c, int32_t i, int32_t ent) {
  int32_t f = mention_first(c, i, i - NP_MAX < 0 ? 0 : i - NP_MAX);
  int32_t h = f - 1;
  if (is_punct(c, h, '.'))
    h--;
  if (is_word(c, h)) {
    int g = word_gender(c, c->tok[h].start, c->tok[h].core_end);
    if (g != GENDER_NONE)
      return g;
  }
  return entity_gender(c, ent);
}

/* he/she/I/we: the current speaker if attributed in this or the previous
 * paragraph, else the latest person mentioned outside quotes; for he and
 * she, one whose gender does not disagree. */
static int32_t resolve_person(ctx *c, int32_t at, int other);

/* A person (an organisation for it/they: kind) who opens the sentence
 * of token at, or the sentence before,
 * named after the latest attribution: the subject a pronoun continues
 * ('Anna Berg agreed. "...," she said.' is Berg's, whoever spoke
 * before).  Only the first words of a sentence are read (a subject, with
 * a title or a determiner before it), so the cost is bounded. */
static int32_t sentence_subject(ctx *c, int32_t at, int kind, int other) {
  const ws_tokens *tk = &c->doc->tokens;
  uint32_t si = c->tok[at].sent;
  for (int back = 0; back < 2; back++, si--) {
    int32_t first = (int32_t)tk->sent[si].first;
    if (first <= c->last_tok)
      return -1;
    int32_t i = first;
    while (i < at && i < first + 4 && c->tok[i].type == WS_TOK_QUOTE)
      i++;
    /* an opening phrase ("With a vote for Trump ruled out, Cross said
     * he", "In an interview, X said") is skipped to its comma */
    if ((inc(c, i, C_CAPSTOP) && !inc(c, i, C_DET)) ||
        inc2(c, i, C2_PREP | C2_SUBORD)) {
      int32_t j = i;
      while (j < at && j < i + 12 && !is_punct(c, j, ',') &&
             c->in_quote[j] < 0)
        j++;
      if (!is_punct(c, j, ','))
        goto next;
      i = j + 1;
    }
    for (int32_t j = i; j < at && j < i + 6; j++) {
      if (is_punct(c, j, ',') || c->in_quote[j] >= 0 ||
          c->tok[j].type != WS_TOK_WORD)
        break;
      int32_t m = c->doc->tok_mention[j];
      if (m < 0) {
        if (inc2(c, j, C2_PREP) || isw(c, j, W_OF))
          break; /* a name after a preposition is no subject */
        continue;
      }
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      if (entity_kind(c, ent) != kind || is_nationality(c, j))
        break;
      while (j + 1 < c->n && c->doc->tok_mention[j + 1] == m)
        j++;
      /* the subject is followed by its verb, not by "'s" or "and" */
      if ((c->tok[j].flags & WS_TF_POSS) || !is_word(c, j + 1) ||
          is_cap(c, j + 1) || isw(c, j + 1, W_AND))
        break;
      if (mention_gender(c, j, ent) == other)
        break;
      return ent;
    }
  next:
    if (si == 0)
      break;
  }
  return -1;
}

static int32_t resolve_pronoun(ctx *c, int32_t at) {
  const ws_token *t = &c->tok[at];
  const char *w = c->doc->text + t->start;
  size_t wn = t->end - t->start;
  int third = (wn >= 2 && (w[0] | 32) == 'h' && w[1] == 'e' &&
               (wn == 2 || w[2] == '\'' || (unsigned char)w[2] == 0xE2)) ||
              (wn >= 3 && (w[0] | 32) == 's' && w[1] == 'h' && w[2] == 'e' &&
               (wn == 3 || w[3] == '\'' || (unsigned char)w[3] == 0xE2));
  uint32_t para = c->doc->tokens.sent[t->sent].para;
  if (!third) {
    /* "it" and "they" name an organisation that is the current speaker
     * ("The ministry said ... It added"); otherwise they/you name no
     * single entity, and I/we outside quotes are the writer, who is no
     * entity of the text */
    if (!isw(c, at, W_IT) && !isw(c, at, W_THEY))
      return -1;
    int32_t subj = sentence_subject(c, at, WS_ENTITY_ORG, GENDER_NONE);
    if (subj >= 0)
      return subj; /* "The council met and pledged ... what it called" */
    if (c->last_ent >= 0 && entity_kind(c, c->last_ent) == WS_ENTITY_ORG &&
        para - c->doc->tokens.sent[c->tok[c->last_tok].sent].para <= 1)
      return c->last_ent;
    /* an organisation that was the subject of a verb of saying just
     * before, in this or the previous paragraph */
    for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
      int32_t m = c->doc->tok_mention[i];
      if (para - c->doc->tokens.sent[c->tok[i].sent].para > 1)
        break;
      if (m < 0 || c->in_quote[i] >= 0 || (i + 1 < c->n &&
                                           c->doc->tok_mention[i + 1] == m))
        continue;
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      if (entity_kind(c, ent) != WS_ENTITY_ORG)
        continue;
      int32_t v = i + 1;
      while (v < c->n && v < i + 4 && inc(c, v, C_FILLER))
        v++;
      int f;
      int32_t l;
      if (cue_at(c, v, &f, &l) && (f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)))
        return ent;
    }
    return -1;
  }
  int other = (w[0] | 32) == 'h' ? GENDER_FEMALE : GENDER_MALE;
  int32_t subj = sentence_subject(c, at, WS_ENTITY_PERSON, other);
  if (subj >= 0)
    return subj;
  if (c->last_ent >= 0) {
    uint32_t lp = c->doc->tokens.sent[c->tok[c->last_tok].sent].para;
    int k = entity_kind(c, c->last_ent);
    if (para - lp <= 1 &&
        (k == WS_ENTITY_PERSON ? entity_gender(c, c->last_ent) != other
                               : !c->persons || k == WS_ENTITY_OTHER))
      return c->last_ent; /* he and she name no place or organisation */
  }
  return resolve_person(c, at, other);
}

/* The latest person mentioned outside quotes before token at whose
 * gender is not `other`; without typed persons, the current speaker or
 * the latest untyped mention. */
/* A person of unknown gender at token i is the antecedent unless one
 * whose given name agrees is named just before, in the same sentence
 * ("Mary Holt met Dr. Osk. She said": Holt). */
static int32_t known_gender_near(ctx *c, int32_t i, int32_t ent, int other) {
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[i].sent].first;
  int want = other == GENDER_MALE ? GENDER_FEMALE : GENDER_MALE;
  for (int32_t j = mention_first(c, i, first) - 1; j >= first && j > i - 40;
       j--) {
    int32_t m = c->doc->tok_mention[j];
    if (m < 0 || c->in_quote[j] >= 0)
      continue;
    int32_t e = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, e) == WS_ENTITY_PERSON && mention_gender(c, j, e) == want)
      return e;
    j = mention_first(c, j, first);
  }
  return ent;
}

static int32_t resolve_person(ctx *c, int32_t at, int other) {
  int persons = c->persons;
  for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || c->in_quote[i] >= 0 || is_nationality(c, i))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, ent) != WS_ENTITY_PERSON)
      continue;
    int g = other != GENDER_NONE ? mention_gender(c, i, ent) : GENDER_NONE;
    if (other != GENDER_NONE && g == other) {
      i = mention_first(c, i, i - NP_MAX < 0 ? 0 : i - NP_MAX);
      continue;
    }
    if (other != GENDER_NONE && g == GENDER_NONE)
      return known_gender_near(c, i, ent, other);
    return ent;
  }
  if (persons)
    return -1;
  if (c->last_ent >= 0)
    return c->last_ent;
  /* no kinds known: the latest mention outside quotes */
  for (int32_t i = at - 1; i >= 0 && i > at - PRON_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || c->in_quote[i] >= 0 || is_nationality(c, i) ||
        inc(c, i, C_CAPSTOP))
      continue;
    int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
    if (entity_kind(c, ent) == WS_ENTITY_OTHER) /* untyped: may be a person */
      return ent;
  }
  return -1;
}

static int ci_contains(const char *hay, const char *needle, size_t n) {
  for (; *hay; hay++) {
    size_t k = 0;
    while (k < n && hay[k]) {
      char a = hay[k], b = needle[k];
      if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
      if (b >= 'A' && b <= 'Z')
        b = (char)(b + 32);
      if (a != b)
        break;
      k++;
    }
    if (k == n)
      return 1;
  }
  return 0;
}

/* 1 when a[0..n) and b[0..n) are equal ignoring ASCII case. */
static int ci_equal(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = (char)(x + 32);
    if (y >= 'A' && y <= 'Z')
      y = (char)(y + 32);
    if (x != y)
      return 0;
  }
  return 1;
}

/* 1 when the words around mention tokens [s, e) carry the head noun and
 * the nationality (adjective or country) of a description. */
static int context_fits(const ctx *c, int32_t s, int32_t e, span desc,
                        const char *head, size_t hn, const char *adj,
                        const char *country) {
  int has_head = 0, has_nat = adj == NULL;
  size_t an = adj ? strlen(adj) : 0, cn = country ? strlen(country) : 0;
  int32_t lo = s - 7 < 0 ? 0 : s - 7, hi = e + 8 > c->n ? c->n : e + 8;
  if (hi > desc.s)
    hi = desc.s; /* the description itself is no evidence */
  for (int32_t i = lo; i < hi; i++) {
    if (i >= s && i < e)
      continue;
    const ws_token *t = &c->tok[i];
    const char *w = c->doc->text + t->start;
    size_t wn = t->core_end - t->start;
    if (wn == hn && ci_equal(w, head, hn))
      has_head = 1;
    if (adj && ((wn == an && memcmp(w, adj, wn) == 0) ||
                (wn == cn && memcmp(w, country, wn) == 0)))
      has_nat = 1;
  }
  return has_head && has_nat;
}

/* 1 when token i is the nationality of a description, as context_fits()
 * tests it: the adjective adj[0..an) or the country[0..cn). */
static int fit_nat(const ctx *c, int32_t i, const char *adj, size_t an,
                   const char *country, size_t cn) {
  const ws_token *t = &c->tok[i];
  const char *w = c->doc->text + t->start;
  size_t wn = t->core_end - t->start;
  return (wn == an && memcmp(w, adj, wn) == 0) ||
         (wn == cn && memcmp(w, country, wn) == 0);
}

/* "the statement", "the letter": the person or organisation that opens
 * the sentence where the document was last named ("The museum issued a
 * statement ..."); a document is near whom it names or addresses ("sent
 * a letter to the board"), so the words around it say nothing. */
static int32_t document_source(ctx *c, span p) {
  const ws_token *h = &c->tok[p.e - 1];
  const char *head = c->doc->text + h->start;
  size_t hn = h->core_end - h->start;
  for (int32_t i = p.s - 1; i >= 0 && i > p.s - DESC_MAX && step(c); i--) {
    const ws_token *t = &c->tok[i];
    if (t->type != WS_TOK_WORD || t->core_end - t->start != hn ||
        !ci_equal(c->doc->text + t->start, head, hn) || c->in_quote[i] >= 0)
      continue;
    int32_t first = (int32_t)c->doc->tokens.sent[t->sent].first;
    if (first < i - 25)
      first = i - 25;
    /* the nearest person or organisation before it that is no object of
     * a preposition: "The Times said Cook provided a statement" is Cook's */
    for (int32_t j = i - 1; j >= first; j--) {
      int32_t m = c->doc->tok_mention[j];
      if (m < 0 || c->in_quote[j] >= 0 || is_nationality(c, j) ||
          adjective_name(c, j))
        continue;
      j = mention_first(c, j, first);
      int32_t ent = ((const ws_mention *)c->doc->mentions.items)[m].entity;
      int k = entity_kind(c, ent);
      int32_t b = inc(c, j - 1, C_DET) ? j - 2 : j - 1;
      if ((k == WS_ENTITY_PERSON || k == WS_ENTITY_ORG) &&
          !inc2(c, b, C2_PREP) && !isw(c, b, W_TO) && !isw(c, b, W_OF))
        return ent;
    }
    return -1;
  }
  return -1;
}

/* "the Qatari minister", "the spokesman": the entity whose role, or the
 * words around whose earlier mention, hold the head noun (and the
 * nationality when one is given). */
static int32_t resolve_description(ctx *c, span p) {
  const ws_token *h = &c->tok[p.e - 1];
  if (inc(c, p.e - 1, C_MEDIA) || inc2(c, p.e - 1, C2_DOC))
    return document_source(c, p); /* not whom it is near */
  const char *head = c->doc->text + h->start;
  size_t hn = h->core_end - h->start;
  const char *adj = NULL, *country = NULL;
  char adjbuf[64];
  for (int32_t i = p.s; i < p.e; i++) {
    const ws_token *t = &c->tok[i];
    const char *ct = ws_lex_nationality_country(c->doc->text + t->start,
                                                t->core_end - t->start);
    if (ct && t->core_end - t->start < sizeof adjbuf) {
      memcpy(adjbuf, c->doc->text + t->start, t->core_end - t->start);
      adjbuf[t->core_end - t->start] = 0;
      adj = adjbuf, country = ct;
    }
  }
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  /* context_fits() of every mention, without reading a token twice: the
   * windows only move back, so fit_head[j] / fit_nat[j] count the matching
   * tokens in [j, p.s), filled down to `low` as the search goes, and a
   * window's count is a difference of two (the same test, in O(1)). */
  if (!c->fit_head) {
    c->fit_head = ws_arena_alloc(c->doc->arena, 2 * ((size_t)c->n + 1) *
                                                    sizeof *c->fit_head);
    if (c->fit_head)
      c->fit_nat = c->fit_head + c->n + 1;
  }
  int32_t *fh = c->fit_head, *fn = c->fit_nat, low = p.s;
  size_t an = adj ? strlen(adj) : 0, cn = country ? strlen(country) : 0;
  if (fh)
    fh[low] = fn[low] = 0;
  /* step(c) on a local copy of the budget, and the mention index in a
   * local: the byte stores of is_nationality() might alias c's fields */
  int64_t budget = c->budget;
  const int32_t *tm = c->doc->tok_mention;
  int32_t lim = p.s - DESC_MAX < 0 ? -1 : p.s - DESC_MAX;
  for (int32_t i = p.s - 1;
       (i = skip_to_mention(c, i, lim, &budget)) > lim && budget-- > 0;
       i--) {
    int32_t m = tm[i];
    if (m < 0 || is_nationality(c, i))
      continue;
    int32_t s = mention_first(c, i, 0);
    const ws_entity *e = &ents[ms[m].entity];
    int fits = 0;
    for (uint32_t r = 0; r < e->n_roles && !fits; r++)
      fits = ci_contains(e->roles[r], head, hn) &&
             (!adj || strstr(e->roles[r], adj) || strstr(e->roles[r], country));
    if (!fits && fh) {
      /* the window of context_fits() */
      int32_t lo = s - 7 < 0 ? 0 : s - 7, hi = i + 9 > c->n ? c->n : i + 9;
      if (hi > p.s)
        hi = p.s;
      if (low > lo) {
        /* locals: the stores to fh might alias c's fields */
        const ws_token *tok = c->tok;
        const char *text = c->doc->text;
        int32_t run = fh[low], runn = fn[low];
        for (int32_t j = low; j > lo; j--) {
          const ws_token *t = &tok[j - 1];
          run += t->core_end - t->start == hn &&
                 ci_equal(text + t->start, head, hn);
          fh[j - 1] = run;
        }
        if (adj)
          for (int32_t j = low; j > lo; j--) {
            runn += fit_nat(c, j - 1, adj, an, country, cn);
            fn[j - 1] = runn;
          }
        low = lo;
      }
      fits = fh[lo] - fh[hi] - (fh[s] - fh[i + 1]) > 0 &&
             (!adj || fn[lo] - fn[hi] - (fn[s] - fn[i + 1]) > 0);
    } else if (!fits)
      fits = context_fits(c, s, i + 1, p, head, hn, adj, country);
    if (!fits && e->kind == WS_ENTITY_ORG && !adj)
      fits = ci_contains(e->name, head, hn);
    if (fits) {
      c->budget = budget;
      return ms[m].entity;
    }
    i = s;
  }
  c->budget = budget;
  return -1;
}

/* The latest person mentioned before description p (as far back as a
 * description's entity is looked for), of a gender other
 * than `other`, whose roles or the words around whose mention hold the
 * description's word at token w ("the Democratic candidate": a person
 * once called "Democratic candidate X"). */
static int32_t person_with_word(ctx *c, span p, int32_t w, int other) {
  const ws_token *t = &c->tok[w];
  const char *word = c->doc->text + t->start;
  size_t wn = t->core_end - t->start;
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  for (int32_t i = p.s - 1; i >= 0 && i > p.s - DESC_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || entity_kind(c, ms[m].entity) != WS_ENTITY_PERSON)
      continue;
    int32_t s = mention_first(c, i, 0);
    const ws_entity *e = &ents[ms[m].entity];
    int fits = other == GENDER_NONE || mention_gender(c, i, ms[m].entity) != other;
    int has = 0;
    for (uint32_t r = 0; r < e->n_roles && fits && !has; r++)
      has = ci_contains(e->roles[r], word, wn);
    if (fits && !has)
      has = context_fits(c, s, i + 1, p, word, wn, NULL, NULL);
    if (fits && has)
      return ms[m].entity;
    i = s;
  }
  return -1;
}

/* 1 when p is a definite description ("the former Republican
 * presidential nominee") whose head is a salient_heads noun. */
static int salient_description(const ctx *c, span p) {
  const ws_token *t = &c->tok[p.s];
  if (p.e - p.s < 2 || p.e - p.s > 6 || t->end - t->start != 3 ||
      !ci_equal(c->doc->text + t->start, "the", 3))
    return 0;
  const ws_token *h = &c->tok[p.e - 1];
  size_t n = h->core_end - h->start;
  for (const char *const *w = ws_words_salient_heads; *w; w++)
    if (strlen(*w) == n && ci_equal(c->doc->text + h->start, *w, n))
      return 1;
  return 0;
}

static int32_t resolve(ctx *c, span p) {
  if (p.s < 0)
    return -1;
  if (p.e - p.s == 1 && inc(c, p.s, C_REL)) {
    /* "X, who said": the phrase before the comma */
    if (is_punct(c, p.s - 1, ',')) {
      span q = np_ending(c, p.s - 2, p.s - NP_MAX < 0 ? 0 : p.s - NP_MAX);
      if (q.s >= 0 && !is_cap(c, q.e - 1) &&
          c->doc->tok_mention[q.e - 1] < 0) {
        /* "X, now the majority leader, who": the name before the
         * apposition */
        int32_t j = q.s - 1;
        if (is_word(c, j) && !is_cap(c, j) && is_punct(c, j - 1, ','))
          j--; /* "now", "also" */
        if (is_punct(c, j, ',')) {
          span n = np_ending(c, j - 1, j - NP_MAX < 0 ? 0 : j - NP_MAX);
          if (n.s >= 0 && is_cap(c, n.e - 1))
            q = n;
        }
      }
      if (q.s >= 0 && !inc(c, q.s, C_REL))
        return resolve(c, q);
    } else if (is_word(c, p.s - 1)) {
      /* "the senator who said": the phrase right before */
      span q = np_ending(c, p.s - 1, p.s - NP_MAX < 0 ? 0 : p.s - NP_MAX);
      if (q.s >= 0 && !inc(c, q.s, C_REL | C_SUBJ) &&
          (is_cap(c, q.e - 1) || c->doc->tok_mention[q.e - 1] >= 0))
        return resolve(c, q); /* a name, not "critics who say" */
    }
    return -1;
  }
  if (p.e - p.s == 1 && inc(c, p.s, C_SUBJ))
    return resolve_pronoun(c, p.s);
  /* "a Clinton aide", "Berg's campaign manager": a person named by a role
   * for someone else is not that someone */
  int role = !is_cap(c, p.e - 1) && c->doc->tok_mention[p.e - 1] < 0 &&
             (person_noun(c, p.e - 1) || inc2(c, p.e - 1, C2_AIDE));
  if (role && inc2(c, p.e - 1, C2_AIDE))
    return -1; /* an aide or a spokesman a story need not name */
  int32_t ent = role ? -1 : mention_entity(c, p);
  if (ent >= 0)
    return ent;
  for (int32_t i = p.e - 1; i >= p.s && !role; i--)
    if (is_cap(c, i) && !is_nationality(c, i) && !inc(c, i, C_CAPSTOP) &&
        !adjective_name(c, i)) {
      const ws_token *t = &c->tok[i];
      ent = entity_by_word(c, p.s, c->doc->text + t->start,
                           t->core_end - t->start);
      if (ent >= 0)
        return ent;
      break;
    }
  if (!is_cap(c, p.e - 1)) {
    ent = resolve_description(c, p);
    if (role && ent >= 0 && entity_kind(c, ent) != WS_ENTITY_PERSON)
      ent = -1; /* a senator is a person, not the Senate */
    if (ent < 0 && salient_description(c, p)) {
      /* "the Republican presidential nominee said": a definite
       * description of a public figure refers back to the person the
       * story is about, as he or she would */
      const ws_token *h = &c->tok[p.e - 1];
      int g = word_gender(c, h->start, h->core_end);
      int other = g == GENDER_MALE     ? GENDER_FEMALE
                  : g == GENDER_FEMALE ? GENDER_MALE
                                       : GENDER_NONE;
      int32_t adj = -1; /* "Democratic", "Mexican": must fit the person */
      for (int32_t i = p.s + 1; i < p.e; i++)
        if (is_cap(c, i) || (c->tok[i].flags & WS_TF_POSS))
          adj = i;
      if (adj >= 0)
        return person_with_word(c, p, adj, other);
      uint32_t para = c->doc->tokens.sent[c->tok[p.s].sent].para;
      if (c->last_ent >= 0 &&
          entity_kind(c, c->last_ent) == WS_ENTITY_PERSON &&
          para - c->doc->tokens.sent[c->tok[c->last_tok].sent].para <= 1 &&
          (other == GENDER_NONE || entity_gender(c, c->last_ent) != other))
        return c->last_ent;
      if (c->persons)
        ent = resolve_person(c, p.s, other);
    }
    return ent;
  }
  return -1;
}

/* ----------------------------------------------------- finding the cue */

static int is_dash(const ctx *c, int32_t i) {
  return i >= 0 && i < c->n && c->tok[i].type == WS_TOK_PUNCT &&
         (c->tok[i].cp == 0x2014 || c->tok[i].cp == 0x2013 ||
          c->tok[i].cp == 0x2015 || c->tok[i].cp == '-');
}

static int ends_in_ing(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return is_word(c, i) && n > 4 &&
         memcmp(c->doc->text + t->end - 3, "ing", 3) == 0;
}

/* "Quickly, ...": a sentence-opening adverb in -ly, capitalized. */
static int ends_in_ly(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  return is_word(c, i) && n > 4 && c->doc->text[t->end - 2] == 'l' &&
         c->doc->text[t->end - 1] == 'y';
}

/* A dateline opening the sentence ("WASHINGTON (AFP) -", "OSLO, Norway
 * --"): capitalized words, commas and a parenthesis before a dash, which
 * name the place of the report, not the subject (AP Stylebook,
 * datelines).  Returns the first token after it, or i. */
static int32_t skip_dateline(const ctx *c, int32_t i, int32_t v) {
  int agency = 0; /* "(AFP)", or a place in capitals: a dateline, not "Vik
                     - a teacher - said" */
  if (i >= v || !(c->tok[i].flags & WS_TF_PARA))
    return i;
  if (c->tok[i].flags & WS_TF_UPPER)
    agency = 1;
  for (int32_t j = i; j < v && j < i + 10; j++) {
    if (is_dash(c, j))
      return j > i && agency ? j + 1 : i;
    if (is_punct(c, j, '(')) {
      agency = 1;
      while (j < v && j < i + 10 && !is_punct(c, j, ')'))
        j++;
      continue;
    }
    if (!(is_cap(c, j) || is_punct(c, j, ',') || is_punct(c, j, '.')))
      return i;
  }
  return i;
}

/* The subject of a participle cue (saying, adding) at v: the speaker of a
 * finite cue earlier in the sentence, else the sentence's first phrase. */
static span clause_subject(const ctx *c, int32_t v, int32_t lo) {
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[v].sent].first;
  lo = first < v - 2 * BEFORE_MAX ? v - 2 * BEFORE_MAX : first;
  /* the main verb's subject: of the finite cues before v, the first in
   * the sentence ("X said he welcomed it and added ...": X) */
  span best = NO_SPAN;
  for (int32_t j = v - 1; j >= lo && j > v - BEFORE_MAX; j--) {
    int f;
    int32_t l;
    if (c->in_quote[j] >= 0 || !cue_at(c, j, &f, &l) || (f & WS_CUE_PART))
      continue;
    span s = NO_SPAN;
    if (isw(c, j, W_ACCORDING))
      s = source_of(c, j + 2, c->n);
    else
      s = subject_before(c, j, lo);
    if (c->descriptions && s.e - s.s == 1 && inc(c, s.s, C_REL) &&
        !is_punct(c, s.s - 1, ','))
      continue; /* "an architect who said ...": not the main verb */
    if (s.s < 0 && (f & WS_CUE_INVERT) &&
        (is_punct(c, j - 1, ',') || c->tok[j - 1].type == WS_TOK_QUOTE))
      s = np_starting(c, l + 1, c->n); /* '"...," said X, adding' */
    if (s.s >= 0)
      best = s;
  }
  if (best.s >= 0)
    return best;
  int32_t i = lo;
  while (i < v && (c->tok[i].type == WS_TOK_QUOTE || inc(c, i, C_CAPSTOP))) {
    if (is_cap(c, i) && inc(c, i, C_DET) && np_starting(c, i, v).s >= 0)
      break; /* "The billionaire businessman", "Her friends" */
    i++;
  }
  /* a leading adverbial ("Speaking in Salem, Trump ...", "On Monday, X")
   * is skipped to its comma */
  int lead = i > lo; /* a word such as "After" opened an adverbial */
  int32_t d = skip_dateline(c, i, v);
  if (d > i) {
    i = d, lead = 0;
    while (i < v && inc(c, i, C_CAPSTOP))
      i++, lead = 1;
  }
  if (i < v && (lead || ends_in_ing(c, i) || ends_in_ly(c, i)) &&
      (c->doc->tok_mention[i] < 0 ||
       (lead && place_at(c, i) && !place_modifies_person(c, i)))) {
    int32_t j = i;
    while (j < v && j < i + 25 && !is_punct(c, j, ','))
      j++;
    if (is_punct(c, j, ',')) {
      i = j + 1;
      while (i < v && c->tok[i].type == WS_TOK_QUOTE)
        i++; /* 'On "Harbour Talk," X said' */
      /* "in Salem, New Hampshire, Trump": the rest of a place name */
      for (int n = 0; n < 2; n++) {
        span p = np_starting(c, i, v);
        if (p.s < 0 || !is_punct(c, p.e, ',') || p.e + 1 >= v)
          break;
        int32_t ent = mention_entity(c, p);
        if (ent < 0 || entity_kind(c, ent) != WS_ENTITY_PLACE)
          break;
        i = p.e + 1;
      }
    } else if (c->descriptions && j == v && ends_in_ing(c, i) &&
               !is_punct(c, v - 1, ':')) {
      /* the quote sits inside the opening phrase ('Bemoaning the "phony
       * system," Trump accused ...'): the subject follows the phrase's
       * comma, wherever the quote ends */
      int32_t end = (int32_t)c->doc->tokens.sent[c->tok[v].sent].end;
      for (j = v; j < end && j < v + BEFORE_MAX && !is_punct(c, j, ','); j++)
        ;
      if (is_punct(c, j, ',')) {
        int32_t k = j + 1;
        while (k < end && c->tok[k].type == WS_TOK_QUOTE)
          k++;
        span r = np_starting(c, k, end);
        if (r.s >= 0 && c->in_quote[r.s] < 0 && is_word(c, r.e) &&
            !is_cap(c, r.e) && (is_cap(c, r.e - 1) || inc(c, r.s, C_SUBJ)))
          return r;
      }
      return NO_SPAN;
    }
  }
  /* a date opening the clause with no comma: "On September 27 they" */
  if (lead)
    while (i < v && (ws_lex_is_date_word(c->doc->text + c->tok[i].start,
                                         c->tok[i].core_end - c->tok[i].start) ||
                     c->tok[i].type == WS_TOK_NUMBER))
      i++;
  span r = np_starting(c, i, v);
  if (r.s >= 0 && c->in_quote[r.s] < 0) {
    /* "Another critic, Lena Vik, likened": the name in the apposition */
    if (c->descriptions && !is_cap(c, r.e - 1) && is_punct(c, r.e, ',')) {
      span n = np_starting(c, r.e + 1, v);
      if (n.s >= 0 && is_punct(c, n.e, ',') && is_cap(c, n.e - 1) &&
          c->doc->tok_mention[n.e - 1] >= 0)
        return n;
    }
    /* the phrase must be the subject: followed by its verb, not a comma
     * opening an adverbial */
    return r;
  }
  return NO_SPAN;
}

/* '"...," X shot back.' / '"...?" a staffer wondered aloud.': after a
 * quote that ends in a comma, question or exclamation mark, a subject and
 * a verb outside the lexicon that close the sentence are an attribution
 * too (the verb is the only thing that can follow the quote there). */
static int after_any_verb(const ctx *c, int32_t lo, int last_inner_stop,
                          attr *a) {
  if (last_inner_stop || lo >= c->n || (c->tok[lo].flags & WS_TF_PARA))
    return 0;
  /* a quote ending in '?' or '!' makes the next word open a sentence,
   * yet '"...?" Holm pressed.' is one: only the quote may end there */
  if ((c->tok[lo].flags & WS_TF_SENT) &&
      !(lo >= 2 && c->tok[lo - 1].type == WS_TOK_QUOTE &&
        (is_punct(c, lo - 2, '?') || is_punct(c, lo - 2, '!'))))
    return 0;
  span np = NO_SPAN;
  if (is_word(c, lo) && !is_cap(c, lo) && !inc(c, lo, C_NPSTOP) &&
      c->tok[lo].end - c->tok[lo].start > 3 &&
      memcmp(c->doc->text + c->tok[lo].end - 2, "ed", 2) == 0) {
    /* '"This is fantastic!" beamed X.' */
    span inv = np_starting(c, lo + 1, c->n);
    if (inv.s >= 0 && inv.e - inv.s <= 6 && is_cap(c, inv.e - 1) &&
        (ends_sentence(c, inv.e) || is_punct(c, inv.e, ',') || inv.e >= c->n)) {
      a->np = inv;
      a->cue.s = lo, a->cue.e = lo + 1;
      return 1;
    }
  }
  np = np_starting(c, lo, c->n);
  if (np.s < 0 || np.e - np.s > 6)
    return 0;
  int32_t v = np.e;
  if (!is_word(c, v) || is_cap(c, v) || inc(c, v, C_NPSTOP) ||
      inc(c, v, C_DET))
    return 0;
  int32_t e = v + 1;
  if (is_word(c, e) && !is_cap(c, e) && e < v + 3 &&
      (inc(c, e, C_FILLER) || isw(c, e, W_BACK) || isw(c, e, W_UP) ||
       isw(c, e, W_OUT) || isw(c, e, W_IN) || isw(c, e, W_ON)))
    e++;
  if (!(ends_sentence(c, e) || is_punct(c, e, ',') || e >= c->n ||
        (isw(c, e, W_AND) && !(c->tok[e].flags & WS_TF_CAP))))
    return 0;
  a->np = np;
  a->cue.s = v, a->cue.e = e;
  return 1;
}

/* Searches after the closing mark at ct. */
static int find_after(const ctx *c, int32_t ct, int last_inner_stop,
                      attr *a) {
  int32_t i = ct + 1;
  /* a trailing dash line: "..." — X, on the same line or the next */
  if (is_dash(c, i) && (is_cap(c, i + 1) || c->doc->tok_mention[i + 1] >= 0)) {
    a->np = np_starting(c, i + 1, c->n);
    a->cue.s = i, a->cue.e = i + 1;
    if (a->np.s >= 0 && (c->tok[i].flags & WS_TF_PARA)) {
      /* on a line of its own it must hold only the name */
      int32_t e = a->np.e;
      while (e < c->n && e < a->np.e + 8 && !(c->tok[e].flags & WS_TF_LINE) &&
             c->tok[e].type == WS_TOK_PUNCT)
        e++;
      if (e < c->n && !(c->tok[e].flags & WS_TF_LINE) &&
          !is_punct(c, e, ','))
        return 0;
    }
    return a->np.s >= 0;
  }
  if (i < c->n && (c->tok[i].flags & WS_TF_PARA))
    return 0;
  if (i < c->n && (c->tok[i].flags & WS_TF_SENT) && last_inner_stop) {
    /* '"... missing." Trump said.': a sentence of nothing but a name and
     * a verb of saying can only attribute the quote before it */
    span np = np_starting(c, i, c->n);
    int f;
    int32_t l;
    if (np.s < 0 || np.e - np.s > 4 || !cue_at(c, np.e, &f, &l) ||
        !(f & WS_CUE_SPEECH) || (f & (WS_CUE_PART | WS_CUE_PRESENT)) ||
        !ends_sentence(c, l + 1) || c->tok[np.e].type != WS_TOK_WORD)
      return 0;
    a->np = np;
    a->cue.s = np.e, a->cue.e = l + 1;
    return 1;
  }
  if (is_punct(c, i, ','))
    i++;
  int32_t lo = i;
  for (int32_t v = i; v < c->n && v < lo + AFTER_MAX; v++) {
    if (v > lo && c->tok[v].type == WS_TOK_QUOTE && !plural_possessive(c, v)) {
      /* '"...," X, wearing "Vik 2016" pins, said': a few quoted words
       * inside the phrase between the quote and its cue */
      int32_t e = quoted_words_end(c, v, lo + AFTER_MAX);
      if (e > v) {
        v = e;
        continue;
      }
    }
    if ((v > lo && (c->tok[v].flags & WS_TF_PARA)) || ends_sentence(c, v) ||
        (c->tok[v].type == WS_TOK_QUOTE && !plural_possessive(c, v)) ||
        c->in_quote[v] >= 0)
      break;
    int f;
    int32_t l;
    if (!cue_at(c, v, &f, &l) || !(f & WS_CUE_SPEECH))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (isw(c, v, W_ACCORDING)) {
      a->np = source_of(c, l + 1, c->n);
      return a->np.s >= 0;
    }
    if (f & WS_CUE_PART) {
      if (v == lo)
        return 0; /* '"...," saying' belongs to the sentence before */
      continue;
    }
    if (v == lo) {
      if (!(f & WS_CUE_INVERT))
        return 0;
      a->np = np_starting(c, l + 1, c->n);
      return a->np.s >= 0;
    }
    a->np = subject_before(c, v, lo);
    if (a->np.s >= 0 && a->np.s == lo)
      return 1;
    if (a->np.s >= 0 && a->np.s > lo) {
      /* only a title or an apposition may stand before the subject:
       * '"...," political scientist X said', '"...," his wife, X, said' */
      int ok = a->np.s - lo <= 12;
      for (int32_t j = lo; j < a->np.s; j++)
        if (!is_word(c, j) && !is_punct(c, j, ','))
          ok = 0;
      if (ok)
        return 1;
    }
    return 0;
  }
  return after_any_verb(c, lo, last_inner_stop, a);
}

/* The speaker of a cue at v (flags f, last token l) found before the
 * quote opening at ot; 1 when one is found. */
static int speaker_of_cue_before(const ctx *c, int32_t v, int32_t l, int f,
                                 int32_t ot, int32_t lo, attr *a) {
  a->cue.s = v, a->cue.e = l + 1;
  if (isw(c, v, W_ACCORDING)) {
    a->np = source_of(c, l + 1, ot);
    return a->np.s >= 0;
  }
  if (isw(c, v - 1, W_AS) && isw(c, v - 2, W_QUOTED)) {
    /* passive: "X was quoted as saying" */
    a->np = subject_before(c, v - 2, lo);
    return a->np.s >= 0;
  }
  if ((f & WS_CUE_PART) &&
      (is_cap(c, v - 1) || c->doc->tok_mention[v - 1] >= 0)) {
    /* "footage of X asking", "with Y saying": the name before it */
    span n = np_ending(c, v - 1, lo);
    if (n.s >= 0) {
      a->np = n;
      return 1;
    }
  }
  if ((f & WS_CUE_PART) || isw(c, v - 1, W_AND) ||
      isw(c, v - 1, W_BUT)) {
    /* "X welcomed it, saying", "X met Y and thanked Z for its" */
    a->np = clause_subject(c, v, lo);
    return a->np.s >= 0;
  }
  a->np = subject_before(c, v, lo);
  if (a->np.s < 0 && (f & WS_CUE_INVERT) &&
      ((c->tok[v].flags & WS_TF_SENT) || is_punct(c, v - 1, ',') ||
       inc(c, v - 1, C_CAPSTOP)))
    a->np = np_starting(c, l + 1, ot); /* 'But, said X, "..."' */
  return a->np.s >= 0;
}

/* The nearest cue of saying before token v (in [lo, v)) whose subject
 * is found and is no restrictive relative pronoun; 1 when found. */
static int find_before_outer(const ctx *c, int32_t ot, int32_t v, int32_t lo,
                             attr *a) {
  for (int32_t u = v - 1; u >= lo; u--) {
    int f;
    int32_t l;
    if (c->in_quote[u] >= 0 || c->tok[u].type == WS_TOK_QUOTE ||
        !cue_at(c, u, &f, &l) || !(f & WS_CUE_SPEECH))
      continue;
    attr b = {NO_SPAN, NO_SPAN, -1, 0};
    if (speaker_of_cue_before(c, u, l, f, ot, lo, &b) &&
        !(b.np.e - b.np.s == 1 && inc(c, b.np.s, C_REL))) {
      *a = b;
      return 1;
    }
  }
  return 0;
}

/* Searches the sentence before the opening mark at ot: the nearest cue
 * of saying or naming. */
static int find_before(const ctx *c, int32_t ot, attr *a) {
  int32_t lo = (int32_t)c->doc->tokens.sent[c->tok[ot].sent].first;
  if (ot - lo > BEFORE_MAX)
    lo = ot - BEFORE_MAX;
  for (int32_t v = ot - 1; v >= lo; v--) {
    if (c->in_quote[v] >= 0 || c->tok[v].type == WS_TOK_QUOTE)
      continue;
    int f;
    int32_t l;
    /* a cue whose subject cannot be found ("some have argued") may sit
     * inside the clause of an outer one ("He said that ..."): go on */
    if (cue_at(c, v, &f, &l) && (f & (WS_CUE_SPEECH | WS_CUE_NAMING)) &&
        speaker_of_cue_before(c, v, l, f, ot, lo, a)) {
      /* "saying anybody who complains "..."": a cue in a restrictive
       * relative clause (no comma before "who") of a common noun sits
       * inside an outer phrase; the quote's cue is further out */
      if (a->np.e - a->np.s == 1 && inc(c, a->np.s, C_REL) &&
          !is_punct(c, a->np.s - 1, ',') && v - 1 > lo &&
          !is_cap(c, a->np.s - 1) && c->doc->tok_mention[a->np.s - 1] < 0) {
        attr out = *a; /* kept unless an outer cue has a subject */
        if (find_before_outer(c, ot, v, lo, a))
          return 1;
        *a = out;
        return 1;
      }
      /* a cue inside a reported clause ("X said that Y described it as
       * "..."", "X said she recalled thinking "...""): the quote is part
       * of X's report */
      /* (a relative clause is no reported clause: "asked the agency
       * which said" is the agency's) */
      /* (nor is a participle's phrase: "footage of X saying "..."") */
      for (int32_t u = v - 1;
           u >= lo && !(a->np.e - a->np.s == 1 && inc(c, a->np.s, C_REL)) &&
           !((f & WS_CUE_PART) && a->np.e == v &&
             (isw(c, a->np.s - 1, W_OF) || isw(c, a->np.s - 1, W_WITH)));
           u--) {
        int g;
        int32_t m;
        if (c->in_quote[u] >= 0 || !cue_at(c, u, &g, &m))
          continue;
        attr b = {NO_SPAN, NO_SPAN, -1, 0};
        /* the inner cue must sit in the outer one's clause: no comma
         * between them (a comma closes "When I emailed him, he replied") */
        int comma = 0; /* also a dash, or "as"/"when" opening a clause */
        for (int32_t j = m + 1; j < v && !comma; j++)
          comma = is_punct(c, j, ',') ||
                  (is_dash(c, j) && c->tok[j].cp != '-') ||
                  (j == a->np.s - 1 && inc2(c, j, C2_SUBORD));
        if ((g & WS_CUE_SPEECH) && (g & WS_CUE_CLAUSE) && !(g & WS_CUE_PART) &&
            !is_punct(c, m + 1, ',') && !ends_sentence(c, m + 1) && !comma &&
            speaker_of_cue_before(c, u, m, g, ot, lo, &b))
          *a = b;
        break;
      }
      return 1;
    }
  }
  a->cue = a->np = NO_SPAN;
  return 0;
}

/* A paragraph that opens with the quote after a lead-in ending in ':'. */
static int find_leadin(const ctx *c, int32_t ot, attr *a) {
  if (!(c->tok[ot].flags & WS_TF_PARA) || ot == 0 ||
      !is_punct(c, ot - 1, ':'))
    return 0;
  int32_t colon = ot - 1;
  int32_t lo = (int32_t)c->doc->tokens.sent[c->tok[colon].sent].first;
  if (colon - lo > BEFORE_MAX)
    lo = colon - BEFORE_MAX;
  for (int32_t v = colon - 1; v >= lo; v--) {
    int f;
    int32_t l;
    if (c->in_quote[v] >= 0 || !cue_at(c, v, &f, &l) ||
        !(f & (WS_CUE_SPEECH | WS_CUE_NAMING)))
      continue;
    a->cue.s = v, a->cue.e = l + 1;
    if (isw(c, v, W_ACCORDING))
      a->np = source_of(c, l + 1, colon);
    else
      a->np = (f & WS_CUE_PART) ? clause_subject(c, v, lo)
                                : subject_before(c, v, lo);
    if (a->np.s < 0 && (f & WS_CUE_INVERT))
      a->np = np_starting(c, l + 1, colon); /* "Stated Stone:" */
    if (a->np.s >= 0)
      return 1;
    break;
  }
  /* "President X released the following statement:": the lead-in's
   * subject */
  a->cue = NO_SPAN;
  a->np = clause_subject(c, colon, lo);
  return a->np.s >= 0 && (is_cap(c, a->np.e - 1) ||
                          c->doc->tok_mention[a->np.e - 1] >= 0 ||
                          inc(c, a->np.s, C_SUBJ));
}

/* '"..." Vik said. Berg agreed. "Nothing will change."': a sentence of
 * only a subject and a verb of saying, with no quote of its own, in the
 * quote's paragraph, introduces the quote that follows it; so does a
 * report closed by its speaker ('The plan is late, Vik said. "..."'),
 * whose words the quote goes on with. */
static int find_lead_sentence(const ctx *c, int32_t ot, attr *a) {
  int32_t stop = ot - 1;
  if (!is_punct(c, stop, '.') || (c->tok[ot].flags & WS_TF_PARA))
    return 0;
  int32_t v = stop - 1;
  if (is_ly_adverb(c, v))
    v--;
  int f;
  int32_t l;
  /* '..., said Schiff. "..."': a report closed by an inverted cue (a
   * sentence with a quote of its own is a running quotation instead) */
  int32_t sfirst = (int32_t)c->doc->tokens.sent[c->tok[stop].sent].first;
  int quoted = stop - sfirst > 2 * BEFORE_MAX;
  for (int32_t i = sfirst; i < stop && !quoted; i++)
    quoted = c->tok[i].type == WS_TOK_QUOTE && !plural_possessive(c, i);
  for (int32_t k = v; !quoted && k > v - 6 && k > 0 && is_word(c, k); k--)
    if (cue_at(c, k, &f, &l) && (f & WS_CUE_SPEECH) && (f & WS_CUE_INVERT) &&
        !(f & (WS_CUE_PART | WS_CUE_OBJECT)) && is_punct(c, k - 1, ',')) {
      /* (not "..., X, told CNN.": that names a listener) */
      span np = np_starting(c, l + 1, stop);
      if (np.s < 0 || np.e != (is_ly_adverb(c, stop - 1) ? stop - 1 : stop) ||
          !(is_cap(c, np.e - 1) || c->doc->tok_mention[np.e - 1] >= 0))
        break;
      a->np = np;
      a->cue.s = k, a->cue.e = l + 1;
      return 1;
    }
  if (!cue_at(c, v, &f, &l) || l != v || !(f & WS_CUE_SPEECH) ||
      (f & WS_CUE_PART))
    return 0;
  {
    /* '..., Schiff said. "..."': a report closed by its speaker and cue */
    span np = subject_before(c, v, v - NP_MAX > 0 ? v - NP_MAX : 0);
    if (!quoted && np.s > 0 && is_punct(c, np.s - 1, ',') && np.e == v &&
        (is_cap(c, np.e - 1) || c->doc->tok_mention[np.e - 1] >= 0 ||
         inc(c, np.s, C_SUBJ))) {
      a->np = np;
      a->cue.s = v, a->cue.e = v + 1;
      return 1;
    }
  }
  int32_t first = (int32_t)c->doc->tokens.sent[c->tok[v].sent].first;
  if (v - first > NP_MAX + 2)
    return 0; /* a lead sentence is short; this also bounds the scan */
  for (int32_t i = first; i < v; i++)
    if (c->tok[i].type == WS_TOK_QUOTE && !plural_possessive(c, i))
      return 0;
  span np = subject_before(c, v, first);
  if (np.s != first && !(np.s > first && inc(c, first, C_CAPSTOP) &&
                         np.s - first <= 2))
    return 0; /* the sentence is the subject and its verb */
  if (!is_cap(c, np.e - 1) && c->doc->tok_mention[np.e - 1] < 0 &&
      !inc(c, np.s, C_SUBJ))
    return 0;
  a->np = np;
  a->cue.s = v, a->cue.e = v + 1;
  return 1;
}

/* ------------------------------------------------------------ the driver */

/* The first token starting at or after off (c->n when none): a lower
 * bound by halving, whose step is a conditional move rather than a branch
 * (Khuong and Morin, "Array layouts for comparison-based searching"):
 * its direction is a coin toss every step, and the branch mispredicted. */
static int32_t tok_at_or_after(const ctx *c, uint32_t off) {
  if (c->n <= 0)
    return 0;
  const ws_token *base = c->tok;
  size_t n = (size_t)c->n;
  while (n > 1) {
    size_t half = n / 2;
    base = base[half].start < off ? base + half : base;
    n -= half;
  }
  return (int32_t)(base - c->tok) + (base->start < off);
}

static void set_attr(ctx *c, ws_quote *q, const attr *a) {
  q->speaker = a->ent;
  q->speaker_start = c->tok[a->np.s].start;
  q->speaker_end = c->tok[a->np.e - 1].core_end;
  if (a->cue.s >= 0) {
    q->cue_start = c->tok[a->cue.s].start;
    q->cue_end = c->tok[a->cue.e - 1].end;
  }
  if (a->ent >= 0) {
    c->last_ent = a->ent;
    c->last_tok = a->np.s;
  }
}

/* 1 when the quote reads as a title: every word capitalized except small
 * words (Chicago Manual of Style 8.159 headline style). */
static int title_like(const ctx *c, int32_t s, int32_t e) {
  int words = 0;
  for (int32_t i = s; i < e; i++) {
    if (!is_word(c, i))
      continue;
    words++;
    if (!is_cap(c, i) && !inc(c, i, C_SMALL))
      return 0;
  }
  return words > 0 && words <= 6;
}

/* 1 when token i is one of the words in list (ASCII case ignored). */
static int word_in(const ctx *c, int32_t i, const char *const *list) {
  if (!is_word(c, i))
    return 0;
  const char *t = c->doc->text + c->tok[i].start;
  size_t n = c->tok[i].end - c->tok[i].start;
  for (; *list; list++)
    if (strlen(*list) == n && ci_equal(t, *list, n))
      return 1;
  return 0;
}

/* 1 when the short quote opening at token ot is a partial quotation
 * rather than a scare quote: the complement of "as" ("seen as a "lifeboat"",
 * "introduced him as "a fighter"") or of a verb of naming a few words back
 * ("calls the issue "a priority"").  A scare quote is the writer's own
 * distance from a word; these constructions report how someone put it
 * (the sense of partial quotation in the AP Stylebook, "quotation marks").
 * Returns 1 for "as" and naming verbs (attributed like any partial quote
 * inside a clause), 2 inside a that-clause (left to the reported statement
 * around it, which knows the speaker better than the clause subject),
 * 0 otherwise. */
static int partial_quotation(const ctx *c, int32_t ot) {
  int32_t i = ot - 1;
  int32_t lo = ot - 3;
  while (i > lo && i > 0 && word_in(c, i, ws_words_quote_determiners))
    i--;
  if (isw(c, i, W_AS))
    return 1;
  for (int32_t j = ot - 1; j >= 0 && j >= ot - 6; j--) {
    if (c->tok[j].type == WS_TOK_QUOTE || ends_sentence(c, j))
      break;
    if (word_in(c, j, ws_words_naming_verbs))
      return 1;
  }
  /* inside a that-clause ("the claim that there were "thousands" of
   * them", "a report that he "fabricated" it"): the content of a
   * statement, whose quoted words are the speaker's */
  for (int32_t j = ot - 1; j > 0 && j >= ot - 6; j--) {
    if (c->tok[j].type != WS_TOK_WORD)
      break;
    if (isw(c, j, W_THAT))
      return word_in(c, j - 1, ws_words_so_words) ? 0 : 2;
  }
  return 0;
}

/* Short quotes dropped as possible scare quotes are set aside here; one
 * that lies inside a reported statement is a partial quotation of that
 * statement's speaker ("Vik said the plan was "dead on arrival" for the
 * town"): the writer marks the speaker's own words inside the paraphrase
 * (AP Stylebook, "quotation marks": partial quotes).  Titles of works and
 * nicknames (title-cased) stay out even there. */
/* 1 when the title-cased quote opening a sentence, with its last content
 * token at inner and its closing mark at ct, is a name used as a word of
 * that sentence ("Harbour Nights" star Lena Vik, "Harbour Nights" is a
 * drama): no punctuation closes it and a lowercase word that is not a
 * pronoun follows, with no cue in the next few words.  A quotation opening
 * a sentence ends in punctuation or is followed by its cue ("Never Again"
 * the mayor said). */
static int title_in_sentence(const ctx *c, int32_t inner, int32_t ct) {
  if (ct + 1 >= c->n || c->tok[inner].type == WS_TOK_PUNCT ||
      !is_word(c, ct + 1) || is_cap(c, ct + 1) || inc(c, ct + 1, C_SUBJ))
    return 0;
  for (int32_t i = ct + 1; i < c->n && i <= ct + 4; i++) {
    int f;
    int32_t l;
    if (c->tok[i].type == WS_TOK_PUNCT || c->tok[i].type == WS_TOK_QUOTE)
      break;
    if (cue_at(c, i, &f, &l))
      return 0;
  }
  return 1;
}

static int by_start(const void *x, const void *y);

static int readmit_partials(ws_doc *doc, const ws_quote *held,
                            const uint8_t *held_that, size_t nh,
                            size_t n_direct) {
  if (!nh)
    return WS_OK;
  size_t nr = doc->quotes.len - n_direct;
  ws_quote *rep = ws_arena_alloc(doc->arena, (nr ? nr : 1) * sizeof *rep);
  if (!rep)
    return WS_ENOMEM;
  if (nr)
    memcpy(rep, (ws_quote *)doc->quotes.items + n_direct, nr * sizeof *rep);
  qsort(rep, nr, sizeof *rep, by_start);
  for (size_t h = 0; h < nh; h++) {
    int placed = 0;
    /* the last statement starting at or before the quote, and a few
     * before it (statements rarely nest deeper) */
    size_t lo = 0, hi = nr;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (rep[mid].start <= held[h].start)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t r = lo, tries = 0; r > 0 && tries < 4; r--, tries++) {
      const ws_quote *st = &rep[r - 1];
      if (st->kind != WS_QUOTE_REPORTED || st->end < held[h].end)
        continue;
      ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
      if (!q)
        return WS_ENOMEM;
      *q = held[h];
      q->speaker = st->speaker;
      q->speaker_start = st->speaker_start;
      q->speaker_end = st->speaker_end;
      q->cue_start = st->cue_start;
      q->cue_end = st->cue_end;
      placed = 1;
      break;
    }
    if (!placed && held_that[h]) {
      /* inside a that-clause no statement was found for: a partial
       * quotation with no speaker recovered */
      ws_quote *q = ws_vec_push(&doc->quotes, doc->arena);
      if (!q)
        return WS_ENOMEM;
      *q = held[h];
      q->speaker = -1;
      q->speaker_start = q->speaker_end = q->cue_start = q->cue_end = 0;
    }
  }
  return WS_OK;
}

static int by_start(const void *x, const void *y) {
  const ws_quote *a = x, *b = y;
  return (a->start > b->start) - (a->start < b->start);
}

static int reported(ctx *c, size_t n_direct);

/* 1 when q[a..b) is in text order. */
static int in_order(const ws_quote *q, size_t a, size_t b) {
  for (size_t i = a + 1; i < b; i++)
    if (q[i - 1].start > q[i].start)
      return 0;
  return 1;
}

/* Puts the quotes in text order: the n_direct direct quotes come first in
 * text order, the reported ones after them in the order found, most
 * often in text order too; two such runs are merged (in linear time, as a
 * stable sort orders them), anything else is sorted. */
static void sort_quotes(ws_doc *doc, size_t n_direct) {
  ws_quote *q = doc->quotes.items;
  size_t n = doc->quotes.len;
  if (n_direct > n || !in_order(q, 0, n_direct) || !in_order(q, n_direct, n)) {
    qsort(q, n, sizeof *q, by_start);
    return;
  }
  if (n_direct == 0 || n_direct == n || q[n_direct - 1].start <= q[n_direct].start)
    return; /* already in order */
  ws_quote *tmp = ws_arena_alloc(doc->arena, n * sizeof *tmp);
  if (!tmp) {
    qsort(q, n, sizeof *q, by_start);
    return;
  }
  size_t i = 0, j = n_direct, o = 0;
  while (i < n_direct && j < n)
    tmp[o++] = q[j].start < q[i].start ? q[j++] : q[i++];
  while (i < n_direct)
    tmp[o++] = q[i++];
  while (j < n)
    tmp[o++] = q[j++];
  memcpy(q, tmp, n * sizeof *q);
}

int ws_attrib_resolve(ws_doc *doc) {
  ctx c = {.doc = doc, .tok = doc->tokens.tok, .n = (int32_t)doc->tokens.n,
           .last_ent = -1, .last_tok = -1, .persons = any_person(doc),
           .budget = 64 * (int64_t)doc->tokens.n + 100000};
  if (doc->tokens.n > INT32_MAX / 2)
    return WS_ENOMEM;
  int rc0 = classify(&c);
  if (rc0)
    return rc0;
  c.gender = ws_arena_calloc(doc->arena, doc->entities.len ? doc->entities.len : 1, 1);
  if (!c.gender)
    return WS_ENOMEM;
  c.in_quote = ws_arena_alloc(doc->arena, (doc->tokens.n ? doc->tokens.n : 1) *
                                              sizeof(int32_t));
  if (!c.in_quote)
    return WS_ENOMEM;
  /* all bytes 0xff: -1 in every int32_t (two's complement, C11 7.20.1.1) */
  memset(c.in_quote, 0xff, (size_t)c.n * sizeof(int32_t));
  ws_quote *qs = doc->quotes.items;
  size_t nq = doc->quotes.len;
  int32_t *open_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *open_tok);
  int32_t *close_tok = ws_arena_calloc(doc->arena, nq ? nq : 1, sizeof *close_tok);
  uint8_t *keep = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  uint8_t *that_clause = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  /* the tokens at or after each quote's start and end, searched once */
  int32_t *start_tok = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *start_tok);
  int32_t *end_tok = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *end_tok);
  if (!open_tok || !close_tok || !keep || !that_clause || !start_tok || !end_tok)
    return WS_ENOMEM;
  for (size_t k = 0; k < nq; k++) {
    int32_t f = start_tok[k] = tok_at_or_after(&c, qs[k].start);
    int32_t e = end_tok[k] = tok_at_or_after(&c, qs[k].end);
    /* a doubled mark ('' for ") spans two tokens */
    if (f >= 2 && c.tok[f - 2].type == WS_TOK_QUOTE &&
        c.tok[f - 2].end == c.tok[f - 1].start)
      f--;
    if (e + 1 < c.n && c.tok[e + 1].type == WS_TOK_QUOTE &&
        c.tok[e + 1].start == c.tok[e].end && c.tok[e + 1].cp == c.tok[e].cp)
      e++;
    open_tok[k] = f - 1;
    close_tok[k] = e;
    for (int32_t i = f; i < e; i++)
      c.in_quote[i] = (int32_t)k;
    qs[k].speaker = -1;
  }
  int32_t prev = -1; /* the previous attributed quote */
  c.descriptions = 1;
  for (size_t k = 0; k < nq; k++) {
    ws_quote *q = &qs[k];
    int32_t ot = open_tok[k], ct = close_tok[k];
    int32_t inner = end_tok[k] - 1; /* last content token */
    int stop = ends_sentence(&c, inner) && !is_punct(&c, inner, ';') &&
               !is_punct(&c, inner, '?') && !is_punct(&c, inner, '!');
    attr a = {NO_SPAN, NO_SPAN, -1, 0};
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts_sentence = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    /* A quotation is long enough to be one, or ends its clause (partial
     * quotes close a sentence or clause: called it a "great meeting."),
     * or has a cue close by; a scare quote sits inside a phrase (the "sex
     * tape" reference) with no cue of its own. */
    int32_t words = 0;
    for (int32_t i = ot + 1; i < ct; i++)
      words += is_word(&c, i);
    int clause_final = c.tok[inner].type == WS_TOK_PUNCT ||
                       ct + 1 >= c.n || c.tok[ct + 1].type == WS_TOK_PUNCT ||
                       (c.tok[ct + 1].flags & WS_TF_SENT);
    int short_mid = words <= SCARE_WORDS && !clause_final && !starts_sentence;
    int cue_seen = 0; /* any cue in the sentence around the quote */
    if (short_mid) {
      int32_t s0 = sent_first > ot - BEFORE_MAX ? sent_first : ot - BEFORE_MAX;
      int32_t s1 =
          (int32_t)doc->tokens.sent[c.tok[ct < c.n ? ct : c.n - 1].sent].end;
      if (s1 > ct + AFTER_MAX)
        s1 = ct + AFTER_MAX;
      for (int32_t i = s0; i < s1 && !cue_seen; i++) {
        int f;
        int32_t l;
        cue_seen = c.in_quote[i] < 0 && cue_at(&c, i, &f, &l);
      }
      int pq = cue_seen ? 0 : partial_quotation(&c, ot);
      if (pq == 1)
        short_mid = 0; /* reads as someone's words, not a scare quote */
      that_clause[k] = pq == 2;
    }
    int found = 0;
    if (starts_sentence) {
      found = find_after(&c, ct, stop, &a) || find_before(&c, ot, &a);
    } else {
      /* '... because "...," she said': a cue right after the closing
       * mark is the quote's own, whatever came before */
      /* counted from the first word after the closing mark and its
       * comma, so that '..., ' and '...',' (American and British comma
       * placement, Chicago Manual 6.9) read alike */
      int32_t lo_after = ct + 1 + (ct + 1 < c.n && is_punct(&c, ct + 1, ','));
      found = find_after(&c, ct, stop, &a) && a.cue.s >= 0 &&
              a.cue.s <= lo_after + IMMEDIATE - 1;
      if (found && ends_sentence(&c, a.cue.e)) {
        /* 'X thanked Y for its "...," Z reported.': a partial quote in a
         * clause with its own subject and verb of saying is that
         * subject's words; the trailing source reports the whole
         * sentence (and is credited with it as a reported statement) */
        attr b = {NO_SPAN, NO_SPAN, -1, 0};
        /* (the quote continues that clause: no comma before its
         * opening mark, which would set it apart as the words of the
         * trailing speaker, 'When X offered it, "...," Z said'; and the
         * subject is a name or a personal pronoun, not 'who') */
        if (!is_punct(&c, ot - 1, ',') && find_before(&c, ot, &b) &&
            b.cue.s >= sent_first && b.np.s >= sent_first && b.np.e <= ot &&
            (is_cap(&c, b.np.e - 1) || inc(&c, b.np.s, C_SUBJ)) &&
            !inc(&c, b.np.s - 1, C_DET)) {
          /* (a name after an article modifies a noun, 'the March states
           * account for': no subject, and 'states' no verb) */
          /* (with no comma between the cue and the quote: a comma
           * closes the cue's clause, '... are asked to rank them, and
           * the group is "...," Z said') */
          /* (nor a subordinator or 'that': the quote then opens a clause
           * of its own, 'X said it was safe because "...," Z added') */
          int32_t j = b.cue.e;
          while (j < ot && !is_punct(&c, j, ',') && !ends_sentence(&c, j) &&
                 !inc2(&c, j, C2_SUBORD) && !isw(&c, j, W_THAT) &&
                 !word_in(&c, j, ws_words_clause_openers))
            j++;
          if (j == ot)
            a = b;
        }
      }
      if (!found)
        found = find_before(&c, ot, &a) || find_after(&c, ct, stop, &a);
    }
    if (!found) {
      a.np = a.cue = NO_SPAN; /* nothing half-found is kept */
      found = find_leadin(&c, ot, &a);
    }
    if (!found && ot > 0 && is_punct(&c, ot - 1, ':') &&
        !(c.tok[ot].flags & WS_TF_PARA)) {
      /* 'X boomed: "..."': the subject of the clause before the colon */
      a.cue = NO_SPAN;
      a.np = clause_subject(&c, ot - 1, 0);
      found = a.np.s >= 0;
    }
    if (!found && starts_sentence && words > SCARE_WORDS)
      found = find_lead_sentence(&c, ot, &a);
    if (!found && !starts_sentence && !short_mid) {
      /* a partial quote inside a clause: 'X accused Y of being "..."' is
       * attributed to the clause's subject (a few words inside a phrase
       * with no cue of their own are scare quotes: the "undercard"
       * debate) */
      a.cue = NO_SPAN;
      a.np = clause_subject(&c, ot, 0);
      found = a.np.s >= 0 && (is_cap(&c, a.np.e - 1) ||
                              inc(&c, a.np.s, C_SUBJ));
    }
    if (found) {
      a.ent = resolve(&c, a.np);
      set_attr(&c, q, &a);
      prev = (int32_t)k;
      keep[k] = 1;
      continue;
    }
    /* A running quotation: the quote opens its sentence and the previous
     * attributed quote is in this or the previous paragraph. */
    if (starts_sentence && prev >= 0) {
      uint32_t pp = doc->tokens.sent[c.tok[close_tok[prev]].sent].para;
      uint32_t p = doc->tokens.sent[c.tok[ot].sent].para;
      if (p - pp <= 1 && words > SCARE_WORDS) {
        const ws_quote *pq = &qs[prev];
        q->speaker = pq->speaker;
        q->speaker_start = pq->speaker_start;
        q->speaker_end = pq->speaker_end;
        keep[k] = 1;
        continue;
      }
    }
    /* a title-cased line of its own in quotation marks is a section
     * heading ('All Bets Are Off.'), not a quotation */
    int own_line = (c.tok[ot].flags & WS_TF_PARA) &&
                   (ct + 1 >= c.n || (c.tok[ct + 1].flags & WS_TF_PARA));
    keep[k] = (!short_mid || cue_seen) &&
              !(title_like(&c, ot + 1, ct) && (!starts_sentence || own_line));
  }
  /* titles of works with a cue nearby ("said on CBS's "Face the Nation"")
   * and nicknames are not quotes either */
  size_t w = 0, nh = 0;
  ws_quote *held = ws_arena_alloc(doc->arena, (nq ? nq : 1) * sizeof *held);
  uint8_t *held_that = ws_arena_calloc(doc->arena, nq ? nq : 1, 1);
  if (!held || !held_that)
    return WS_ENOMEM;
  for (size_t k = 0; k < nq; k++) {
    int32_t ot = open_tok[k];
    int32_t sent_first = (int32_t)doc->tokens.sent[c.tok[ot].sent].first;
    int starts = ot == sent_first || (c.tok[ot].flags & WS_TF_PARA);
    int title = title_like(&c, ot + 1, close_tok[k]);
    if (keep[k] && !starts && title)
      keep[k] = 0;
    if (keep[k] && starts && title &&
        title_in_sentence(&c, tok_at_or_after(&c, qs[k].end) - 1,
                          close_tok[k]))
      keep[k] = 0;
    if (keep[k]) {
      start_tok[w] = start_tok[k], end_tok[w] = end_tok[k];
      qs[w++] = qs[k];
    } else if (!title && !starts) {
      held_that[nh] = that_clause[k];
      held[nh++] = qs[k];
    }
  }
  doc->quotes.len = w;
  /* rebuild in_quote for the kept quotes */
  memset(c.in_quote, 0xff, (size_t)c.n * sizeof(int32_t));
  for (size_t k = 0; k < w; k++)
    for (int32_t i = start_tok[k]; i < end_tok[k]; i++)
      c.in_quote[i] = (int32_t)k;
  c.last_ent = c.last_tok = -1;
  c.descriptions = 0;
  int rc = reported(&c, w);
  if (!rc)
    rc = readmit_partials(doc, held, held_that, nh, w);
  if (rc)
    return rc;
  if (doc->quotes.len > 1)
    sort_quotes(doc, w);
  return WS_OK;
}

/* ------------------------------------------------------- reported speech */

/* The end of a short object phrase that starts at token s: the first
 * comma or sentence end, at most CLAUSE_MAX tokens on, never past s1
 * ("praising the candidate, ...", "talking about the budget."). */
static int32_t phrase_end(const ctx *c, int32_t s, int32_t s1) {
  int32_t e = s;
  while (e < s1 && e < s + CLAUSE_MAX && !is_punct(c, e, ',') &&
         !ends_sentence(c, e))
    e++;
  return e;
}

/* 1 when a new speaker starts at token i, before e: a short phrase and a
 * finite verb of saying ("A, former President X said this week"). */
static int next_speaker(const ctx *c, int32_t i, int32_t e) {
  for (int32_t j = i; j < e && j < i + 8; j++) {
    int f;
    int32_t l;
    if (j > i && cue_at(c, j, &f, &l) && !(f & WS_CUE_PART) &&
        (f & (WS_CUE_SPEECH | WS_CUE_CLAUSE)))
      return subject_before(c, j, i).s >= i;
    if (!is_word(c, j))
      return 0;
  }
  return 0;
}

/* A direct quote inside a reported statement, with no speaker of its
 * own, is the same speaker's words: 'X said the plan was "a disaster"',
 * 'X told them "the plan is dead"'. */
static void credit_partial(ctx *c, int32_t s, int32_t e, const attr *a) {
  if (a->np.s < 0)
    return;
  ws_quote *qs = c->doc->quotes.items;
  int32_t last = -1;
  for (int32_t i = s; i < e; i++) {
    int32_t k = c->in_quote[i];
    if (k < 0 || k == last)
      continue;
    last = k;
    if (qs[k].speaker_end == qs[k].speaker_start) {
      qs[k].speaker = a->ent;
      qs[k].speaker_start = c->tok[a->np.s].start;
      qs[k].speaker_end = c->tok[a->np.e - 1].core_end;
      qs[k].cue_start = c->tok[a->cue.s].start;
      qs[k].cue_end = c->tok[a->cue.e - 1].end;
    }
  }
}

/* The head noun right before a verb of saying whose subject phrase
 * subject_before() could not read: "police said", "expert says", "some
 * advocates for stem cell research said", "a court document filed
 * Thursday says".  The head alone is the speaker phrase; a function
 * word, a verb of saying or a quotation there is no subject. */
static span head_before(const ctx *c, int32_t v, int32_t s0) {
  const ws_token *vt = &c->tok[v];
  size_t vn = vt->end - vt->start;
  const char *vw = c->doc->text + vt->start;
  /* a past form in -ed is a verb; "reports", "comments", "notes" are as
   * often nouns ("user reports of", "took notes about") */
  if (!inc2(c, v, C2_FINSAY) &&
      !(vn > 4 && vw[vn - 2] == 'e' && vw[vn - 1] == 'd') &&
      !(vn > 3 && vw[vn - 1] != 's' && !(c->tok[v].flags & WS_TF_CAP)))
    return NO_SPAN;
  int32_t k = v - 1;
  for (int skip = 0; skip < 2 && k > s0 &&
                     (is_ly_adverb(c, k) || inc(c, k, C_FILLER));
       skip++)
    k--;
  if (k < s0 || !is_word(c, k) || c->in_quote[k] >= 0 || c->f[k].cue ||
      inc(c, k, C_DET | C_NPSTOP | C_FILLER | C_WH | C_PARTICLE |
                    C_NOTCL | C_OBJ | C_CAPSTOP | C_SMALL))
    return NO_SPAN;
  const ws_token *t = &c->tok[k];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (n < 3 || (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
      (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g'))
    return NO_SPAN; /* "rushed inside and said": a verb, not a noun */
  if (isw(c, k - 1, W_IN) || isw(c, k - 1, W_ON) || isw(c, k - 1, W_TO))
    return NO_SPAN; /* "in particular feared": no noun phrase */
  span r = {k, k + 1};
  return r;
}

/* The listener after "told" that starts with a determiner: "the AP",
 * "the crowd", "a local radio station".  A determiner phrase read by
 * np_starting() runs on into the reported clause ("told the AP his firm
 * worked ..."), so it stops here at the next determiner, pronoun,
 * preposition or verb of saying, after at most three words; a
 * capitalized name after the determiner is read as a name. */
static span listener(const ctx *c, int32_t k, int32_t hi) {
  if (!inc(c, k, C_DET) || isw(c, k, W_THAT) || c->in_quote[k] >= 0)
    return NO_SPAN;
  if (is_cap(c, k + 1)) {
    span r = np_starting(c, k + 1, hi);
    if (r.s >= 0)
      r.s = k;
    return r;
  }
  int32_t e = k + 1;
  while (e < hi && e < k + 4 && is_word(c, e) && !is_cap(c, e) &&
         !inc(c, e, C_DET | C_SUBJ | C_NPSTOP | C_REL) && !c->f[e].cue)
    e++;
  if (e == k + 1)
    return NO_SPAN;
  span r = {k, e};
  return r;
}

/* After "asked", the word that opens the question, past a short phrase
 * of place, time or medium: "asked whether", "asked on Fox News who",
 * "asked at a briefing Monday about"; -1 when none does before a comma
 * or a verb of saying. */
static int32_t asked_what(const ctx *c, int32_t i, int32_t hi) {
  for (int32_t j = i; j < hi && j < i + 8; j++) {
    if ((inc(c, j, C_WH) && !isw(c, j, W_WHEN)) || isw(c, j, W_ABOUT))
      return j > i && inc(c, j, C_REL) ? -1 : j; /* not "the man who" */
    if (!(is_word(c, j) || c->tok[j].type == WS_TOK_NUMBER) ||
        c->f[j].cue || c->in_quote[j] >= 0)
      return -1;
  }
  return -1;
}

/* 1 when token i is a negated auxiliary written as one word, which the
 * filler words between a subject and its verb do not list: "don't",
 * "wouldn't", "can't" ("we don't know how ...", "he wouldn't say
 * whether ..."). */
static int neg_aux(const ctx *c, int32_t i) {
  if (!is_word(c, i))
    return 0;
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  if (n >= 4 && w[n - 1] == 't' && w[n - 2] == '\'' && w[n - 3] == 'n')
    return 1; /* don't, didn't, wouldn't, can't */
  /* the same with a typographic apostrophe, U+2019 (E2 80 99) */
  return n >= 6 && w[n - 1] == 't' && (unsigned char)w[n - 2] == 0x99 &&
         (unsigned char)w[n - 3] == 0x80 && (unsigned char)w[n - 4] == 0xE2 &&
         w[n - 5] == 'n';
}

/* The complementizer "that" of a verb of saying whose clause begins at
 * token k: right there ("noted that"), after a parenthesis between
 * commas ("says, however, that"), or after a listener or setting that
 * starts with a preposition or a capital ("wrote to the senator's
 * office that", "told CNN that"); -1 when none, or when "that" is a
 * pronoun ("said that." / "said that, too"). */
static int32_t that_after(const ctx *c, int32_t k, int32_t hi) {
  int32_t j = k;
  if (is_punct(c, j, ',')) {
    int32_t p = j + 1;
    while (p < hi && p < j + 10 && !is_punct(c, p, ',') &&
           (is_word(c, p) || c->tok[p].type == WS_TOK_NUMBER) &&
           !c->f[p].cue && c->in_quote[p] < 0)
      p++;
    if (!is_punct(c, p, ','))
      return -1;
    j = p + 1;
  } else if (!isw(c, j, W_THAT)) {
    if (!(is_cap(c, j) || inc(c, j, C_NOTCL)) || isw(c, j, W_AND))
      return -1;
    int32_t p = j + 1;
    while (p < hi && p < j + 8 && !isw(c, p, W_THAT) &&
           (is_word(c, p) || c->tok[p].type == WS_TOK_NUMBER ||
            is_punct(c, p, ',')) &&
           !c->f[p].cue && !inc(c, p, C_SUBJ) && c->in_quote[p] < 0)
      p++;
    j = p;
  }
  if (!isw(c, j, W_THAT) || j + 1 >= hi)
    return -1;
  if (!is_word(c, j + 1) && c->tok[j + 1].type != WS_TOK_QUOTE &&
      c->tok[j + 1].type != WS_TOK_NUMBER)
    return -1;
  return j;
}

/* 1 when a finite verb of saying, stance or naming starts at token i,
 * perhaps after an adverb ("and later told", "and also urged"): the
 * second verb of a coordination whose subject is the first's. */
static int coordinated_cue(const ctx *c, int32_t i) {
  if (is_ly_adverb(c, i) || (inc(c, i, C_FILLER) && !c->f[i].cue))
    i++;
  int f;
  int32_t l;
  return cue_at(c, i, &f, &l) && !(f & WS_CUE_PART) &&
         (f & (WS_CUE_CLAUSE | WS_CUE_STANCE | WS_CUE_NAMING)) &&
         !inc(c, i, C_THATONLY);
}

static int push_reported(ctx *c, int32_t s, int32_t e, const attr *a) {
  /* a run-on "sentence" (a whole file without a full stop) is cut to a
   * window around the cue */
  if (s < a->cue.s - CLAUSE_MAX)
    s = a->cue.s - CLAUSE_MAX;
  if (e > a->cue.e + CLAUSE_MAX)
    e = a->cue.e + CLAUSE_MAX;
  /* A statement ends where the next begins: "X said A, saying B",
   * "X said A, but added B" hold two (PARC gives each its own content). */
  for (int32_t i = s + 1; i + 1 < e; i++) {
    int f;
    int32_t l;
    if (c->in_quote[i] >= 0)
      continue;
    /* (a comma inside the closing mark, American style, ends the
     * clause as one after it does: '... for its "...," Z reported') */
    if ((is_punct(c, i, ',') || (c->tok[i].type == WS_TOK_QUOTE &&
                                 c->in_quote[i - 1] >= 0 &&
                                 is_punct(c, i - 1, ','))) &&
        (isw(c, i + 1, W_BUT) || isw(c, i + 1, W_WHILE) ||
         (cue_at(c, i + 1, &f, &l) && (f & WS_CUE_PART)) ||
         (i + 1 != a->np.s && next_speaker(c, i + 1, e)))) {
      e = i;
      break;
    }
    /* "... computers and she accused X": a new subject starts a new
     * clause */
    if (isw(c, i, W_AND) && inc(c, i + 1, C_SUBJ) && i + 2 < e &&
        is_word(c, i + 2) && c->f[i + 2].cue) {
      e = i;
      break;
    }
    /* "X praised the plan and urged Y to act": a second verb of saying
     * or stance coordinated with the cue is a statement of its own */
    if (i > a->cue.e && (isw(c, i, W_AND) || isw(c, i, W_BUT)) &&
        coordinated_cue(c, i + 1)) {
      e = i;
      break;
    }
  }
  while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                   c->tok[e - 1].type == WS_TOK_QUOTE))
    e--;
  while (s < e && (c->tok[s].type == WS_TOK_PUNCT))
    s++;
  /* A direct quote that makes up most of the clause carries the statement
   * already; a partial one inside it ("X said the plan was "a disaster"
   * for farmers") leaves the clause a reported statement of its own. */
  int words = 0, quoted = 0;
  for (int32_t i = s; i < e; i++) {
    words += is_word(c, i);
    quoted += is_word(c, i) && c->in_quote[i] >= 0;
  }
  if (words < (a->min_words ? a->min_words : 3))
    return WS_OK;
  /* An elliptical question after its cue is no statement: "without
   * saying how many", "declined to say why", "would not say when".  (A
   * relative pronoun before the cue, "the plan, which he said ...", stands
   * for its antecedent and stays.) */
  if (words <= 2 && s >= a->cue.e && inc(c, s, C_WH))
    return WS_OK;
  int lead = 0;
  int32_t qm = s;
  while (qm < e && c->in_quote[qm] < 0 && c->tok[qm].type != WS_TOK_QUOTE)
    lead += is_word(c, qm++);
  if (qm > s && (inc2(c, qm - 1, C2_UNFIN | C2_DANGLING) ||
                 c->tok[qm - 1].type == WS_TOK_PUNCT))
    lead = 0; /* nor across a comma or a coordinator: "..., and then "..."" */
  if (quoted * 2 > words && lead < 1) {
    credit_partial(c, s, e, a); /* the quote carries the statement */
    /* but words of the reporter's own before it are a statement too:
     * 'he respects Berg and calls him "..."' */
    int32_t q0 = s;
    int before = 0;
    while (q0 < e && c->in_quote[q0] < 0 &&
           c->tok[q0].type != WS_TOK_QUOTE)
      before += is_word(c, q0++);
    if (before < 3 || q0 >= e)
      return WS_OK;
    e = q0;
    while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                     c->tok[e - 1].type == WS_TOK_QUOTE))
      e--;
  }
  /* A statement does not end on a word that asks for more.  A dangling
   * coordinator ("the first priority is the ceasefire, and then") is
   * trimmed; a clause cut after a determiner or preposition, where a
   * quotation or another clause takes over ("thanked Iran for its
   * \"pivotal role\""), is no statement of its own. */
  while (e > s && (c->tok[e - 1].type == WS_TOK_PUNCT ||
                   inc2(c, e - 1, C2_DANGLING)))
    e--;
  if (e <= s || inc2(c, e - 1, C2_UNFIN))
    return WS_OK;
  ws_quote *q = ws_vec_push(&c->doc->quotes, c->doc->arena);
  if (!q)
    return WS_ENOMEM;
  q->start = c->tok[s].start;
  q->end = c->tok[e - 1].end;
  q->kind = WS_QUOTE_REPORTED;
  q->speaker = a->ent;
  if (a->np.s >= 0) {
    q->speaker_start = c->tok[a->np.s].start;
    q->speaker_end = c->tok[a->np.e - 1].core_end;
  }
  q->cue_start = c->tok[a->cue.s].start;
  q->cue_end = c->tok[a->cue.e - 1].end;
  credit_partial(c, s, e, a);
  return WS_OK;
}

/* 'X's claim that ...', "Trump's support for the wall": the possessor
 * speaks. */
static int inside_reported(const ctx *c, size_t q0, int32_t v);

/* 1 when the lower-case word i ends like an English adjective or
 * participle (-al, -ic, -ive, -ous, -ful, -ing, -ed, -ent, -ant, -ong,
 * ...: "strong support", "growing opposition", "voiced support"), as
 * against a modifying noun ("storm attacks", "campaign plans"). */
static int adjective_like(const ctx *c, int32_t i) {
  const ws_token *t = &c->tok[i];
  size_t n = t->end - t->start;
  const char *w = c->doc->text + t->start;
  for (size_t k = 0; ws_words_adjective_suffixes[k]; k++) {
    size_t m = strlen(ws_words_adjective_suffixes[k]);
    if (n > m + 1 && memcmp(w + n - m, ws_words_adjective_suffixes[k], m) == 0)
      return 1;
  }
  return 0;
}

static int nominal(ctx *c, int32_t v, int32_t s1, size_t q0) {
  int32_t k0 = v + 1; /* the word that names the content */
  int that = isw(c, k0, W_THAT);
  if (!is_word(c, v) || (c->tok[v].flags & WS_TF_CAP))
    return WS_OK;
  int thought = that && k0 + 1 < s1 &&
                inc2(c, v, C2_THOUGHTN) &&
                (inc(c, k0 + 1, C_SUBJ | C_DET) || is_cap(c, k0 + 1) ||
                 c->tok[k0 + 1].type == WS_TOK_NUMBER ||
                 c->doc->tok_mention[k0 + 1] >= 0);
  if (!(inc(c, v, C_SAYN) && that) && !thought) {
    if (!(isw(c, k0, W_FOR) || isw(c, k0, W_OF) || isw(c, k0, W_TO) ||
          isw(c, k0, W_ABOUT) || isw(c, k0, W_ON) || isw(c, k0, W_AGAINST) ||
          that) ||
        !inc2(c, v, C2_STANCEN))
      return WS_OK;
  }
  attr a = {NO_SPAN, {v, v + 1}, -1, 0};
  int32_t k = v - 1;
  while (k >= 0 && k > v - 3 && is_word(c, k) && !is_cap(c, k) &&
         !(c->tok[k].flags & WS_TF_POSS) && !inc(c, k, C_DET) &&
         !c->f[k].cue)
    k--; /* "Trump's repeated claim" */
  if (k >= 0 && is_word(c, k) && (c->tok[k].flags & WS_TF_POSS) &&
      !inc(c, k, C_CONTR)) {
    a.np = np_ending(c, k, k - NP_MAX < 0 ? 0 : k - NP_MAX);
    if (a.np.s >= 0)
      a.ent = resolve(c, a.np);
  } else if (inc(c, k, C_DET) && (isw(c, k, W_HIS) || isw(c, k, W_HER) ||
                                  isw(c, k, W_THEIR) || isw(c, k, W_ITS))) {
    a.np.s = k, a.np.e = k + 1; /* "his claim": his names the speaker */
  }
  /* with no possessor the holder is not named ("voiced support for X",
   * "the claim that X"), but the content is still a stance's: reported
   * with no speaker.  Not when the phrase is the object of a statement
   * already reported ("endorsed the plan to build a pier": one
   * statement), nor after a modifying noun ("the storm attacks on the
   * pier": no one's stance) */
  if (a.np.s < 0) {
    int32_t p = v - 1;
    int open = p < 0 || !is_word(c, p) || is_cap(c, p) ||
               inc(c, p, C_DET | C_NOTCL) || c->f[p].cue ||
               adjective_like(c, p);
    if (!open || inside_reported(c, q0, v))
      return WS_OK;
  }
  int32_t b = k0 + 1;
  if (isw(c, k0, W_TO) && is_word(c, b) && !is_cap(c, b) &&
      !inc(c, b, C_DET))
    b = k0; /* "his plan to cut taxes": the infinitive */
  int32_t e = s1;
  if (!that) /* a noun phrase ends at the clause's next comma */
    for (int32_t j = b; j < s1 && j < b + CLAUSE_MAX; j++)
      if (is_punct(c, j, ',') && c->in_quote[j] < 0) {
        e = j;
        break;
      }
  a.min_words = that ? 0 : 1;
  if (!(inc(c, v, C_SAYN) && that) && !thought) {
    /* the holder of a stance is reliable only when the noun phrase is
     * no one's object: in "X criticised Y's decision to ..." the
     * statement is X's, and in "Bush pinned his hopes on ..." the
     * pronoun stands for the subject; a named possessor opening the
     * clause ("Trump's plan to ...") is kept */
    int clear = is_cap(c, a.np.e - 1) && !inc(c, a.np.s, C_SUBJ);
    for (int32_t j = a.np.s - 1; clear && j >= 0 && j > a.np.s - 12; j--) {
      if (ends_sentence(c, j) || is_punct(c, j, ','))
        break;
      if (c->f[j].cue || c->in_quote[j] >= 0 || is_word(c, j))
        clear = 0;
    }
    if (!clear)
      a.np = NO_SPAN, a.ent = -1;
  }
  return push_reported(c, b, e, &a);
}

/* Verbs of appearance and expectation: "The race appears closer", "The
 * plan seems to work", "The House is expected to pass the bill".  PARC
 * and PolNeAR annotate them as attributions with no source (the
 * reporter's or the public's impression), so the clause is reported
 * speech with no speaker; the content runs from the verb to the end of
 * the clause.  Not their physical senses: "appeared on Fox News",
 * "appeared at a rally", "seemed Monday". */
static int impression(ctx *c, int32_t v, int32_t s1) {
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD || (t->flags & WS_TF_CAP))
    return WS_OK;
  if (isw(c, v + 1, W_AS) && is_word(c, v + 2) &&
      inc2(c, v, C2_LABEL)) {
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && b > 0 &&
                       (is_ly_adverb(c, b) ||
                        (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
         skip++)
      b--;
    if (!inc(c, b, C_BE) || ws_tok_is(c->doc->text, &c->tok[v + 2], "well"))
      return WS_OK; /* "known as well" */
    attr l = {NO_SPAN, {v, v + 1}, -1, 2};
    return push_reported(c, v, s1, &l);
  }
  if (t->end - t->start < 4 || t->end - t->start > 11)
    return WS_OK;
  char c0 = c->doc->text[t->start];
  if (c0 != 's' && c0 != 'a' && c0 != 'e' && c0 != 'r' && c0 != 'p')
    return WS_OK; /* a cheap first test: most words are none of these */
  int32_t k = v + 1; /* the complement */
  if (inc2(c, v, C2_HEARSAY)) {
    if (!is_word(c, k) || is_cap(c, k))
      return WS_OK;
    attr h = {NO_SPAN, {v, v + 1}, -1, 2};
    return push_reported(c, v, s1, &h);
  }
  if (t->end - t->start > 8)
    return WS_OK;
  if (inc2(c, v, C2_EXPECTED)) {
    /* only the passive with an infinitive: "is (widely) expected to" */
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && (is_ly_adverb(c, b) ||
                                    (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
         skip++)
      b--; /* "is widely expected", "is also not expected" */
    if (!(inc(c, b, C_BE) || inc(c, b, C_CONTR)) || !isw(c, k, W_TO))
      return WS_OK;
  } else if (!inc2(c, v, C2_SEEM)) {
    return WS_OK;
  }
  if (k >= s1 || !(is_word(c, k) || is_punct(c, k, ',')))
    return WS_OK;
  if (isw(c, k, W_TO)) {
    if (!is_word(c, k + 1) || is_cap(c, k + 1) || inc(c, k + 1, C_DET))
      return WS_OK; /* "appeared to reporters", "appeared to the crowd" */
  } else if (is_cap(c, k) || (inc(c, k, C_NOTCL) && !isw(c, k, W_AS)) ||
             inc(c, k, C_TIMEW) || c->f[k].cue) {
    return WS_OK; /* "appeared on", "appeared Monday" */
  } else if (isw(c, k, W_AS)) {
    return WS_OK; /* "appeared as a guest" */
  }
  attr a = {NO_SPAN, {v, v + 1}, -1, 2};
  return push_reported(c, v, s1, &a);
}

/* 1 when token v lies inside the content of one of the last few
 * reported statements pushed since index q0 (this sentence's): "47
 * percent said they would vote for X" is one statement, the poll's, not
 * a second one of "they".  Only the latest eight are looked at, so the
 * test stays constant-time in a sentence of a million words. */
static int inside_reported(const ctx *c, size_t q0, int32_t v) {
  const ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  uint32_t at = c->tok[v].start;
  for (size_t i = n; i > q0 && i + 8 > n; i--)
    if (qs[i - 1].kind == WS_QUOTE_REPORTED && qs[i - 1].start <= at &&
        at < qs[i - 1].end)
      return 1;
  return 0;
}

/* Marks the reported statements pushed from index q on to lose their
 * speaker (their content stands, their source is another statement's);
 * unhide() clears them once split_statements() has used the speaker to
 * tell where each statement begins. */
enum { HIDDEN = -2 };

static void hide_speakers(ctx *c, size_t q) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t i = q; i < c->doc->quotes.len; i++)
    if (qs[i].kind == WS_QUOTE_REPORTED)
      qs[i].speaker = HIDDEN;
}

static void unhide(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t i = q0; i < c->doc->quotes.len; i++)
    if (qs[i].speaker == HIDDEN) {
      qs[i].speaker = -1;
      qs[i].speaker_start = qs[i].speaker_end = 0;
    }
}

/* Verbs of preference, attention and decision that PARC and PolNeAR
 * annotate as attributions of a stance, with the object as content:
 * "voters favored Clinton", "Trump discussed his tax plan", "the senator
 * voted against the bill", "Obama responded to the critics", "she sees
 * the deal as a mistake", "the governor signed the measure".  Only with a
 * subject noun phrase (the holder) and in a verb's context: a past form
 * not after a determiner ("the signed bill"), an -s form after a
 * third-person subject, a base form after a pronoun or modal.  Its verb
 * lists are with the other word lists (build_wtab() reads them). */
static int stance_verb(ctx *c, int32_t v, int32_t s0, int32_t s1,
                       size_t q0) {
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD ||
      ((t->flags & WS_TF_CAP) && !c->headline[t->sent]))
    return WS_OK;
  size_t n = t->end - t->start;
  if (n < 3 || n > 10)
    return WS_OK;
  int out = 0;
  if (is_word(c, v + 1) && isw(c, v + 1, W_OUT) && inc2(c, v, C2_OUTV)) {
    out = 1;
  } else if (c->f[v].cue &&
             !((isw(c, v + 1, W_TO) || isw(c, v + 1, W_ON)) &&
               (inc(c, v + 2, C_DET) || is_cap(c, v + 2)))) {
    /* a verb of saying ("responded") is the main loop's, except with a
     * preposition and a noun phrase ("responded to the critics"), which
     * there reads as no clause */
    return WS_OK;
  }
  const char *w = c->doc->text + t->start;
  int32_t k = v + 1; /* the content */
  int see = 0, irregular_inf = 0;
  int32_t hv = v; /* where the holder is looked for before */
  if (out) {
    k = v + 2; /* "spoke out against the bill", "lashed out at" */
    if (isw(c, k, W_AGAINST) || isw(c, k, W_ABOUT) || isw(c, k, W_FOR) ||
        isw(c, k, W_ON) ||
        (is_word(c, k) && ws_tok_is(c->doc->text, &c->tok[k], "at")))
      k++;
    irregular_inf = ws_tok_is(c->doc->text, t, "spoke") ||
                    ws_tok_is(c->doc->text, t, "laid") ||
                    ws_tok_is(c->doc->text, t, "lay");
  } else if (isw(c, k, W_FOR) && word_in(c, v, ws_words_for_verbs)) {
    /* a call for a thing: "pushed for a recount", "calling for new
     * rules" (the thing asked for is the content); a passive is no
     * call ("the seat was called for the challenger") */
    if (w[n - 2] == 'e' && w[n - 1] == 'd' && word_in(c, v - 1, ws_words_be_passive))
      return WS_OK;
    k++;
    irregular_inf = 1;
  } else if (isw(c, k, W_OF) && ws_tok_is(c->doc->text, t, "favor") &&
             isw(c, v - 1, W_IN)) {
    /* "is in favor of the plan", "voted in favor of it" */
    k++;
    hv = v - 1;
    irregular_inf = 1;
  } else if (isw(c, k, W_ABOUT) && word_in(c, v, ws_words_about_verbs)) {
    /* talk about a thing: its topic is the content ("talked about the
     * budget"); the -ing and strong forms read as verbs after a subject
     * or an auxiliary like the past tense */
    k++;
    irregular_inf = 1;
  } else if (inc2(c, v, C2_OBJV)) {
    /* a token other than a word holds no letter: none of the list */
    if (inc2(c, k, C2_OBJPART))
      return WS_OK;
  } else if (inc2(c, v, C2_TOV)) {
    if (!isw(c, k, W_TO))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_ONV)) {
    if (!isw(c, k, W_ON))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_VOTEV)) {
    if (!isw(c, k, W_FOR) && !isw(c, k, W_AGAINST))
      return WS_OK;
    k++;
  } else if (inc2(c, v, C2_INFV)) {
    if (!isw(c, k, W_TO) || !is_word(c, k + 1) || is_cap(c, k + 1) ||
        inc(c, k + 1, C_DET | C_SUBJ | C_OBJ))
      return WS_OK;
    if (ws_tok_is(c->doc->text, t, "like") &&
        !ws_tok_is(c->doc->text, &c->tok[v - 1], "would"))
      return WS_OK; /* only "would like to" */
    if (ws_tok_is(c->doc->text, t, "like"))
      irregular_inf = 1;
  } else if (inc2(c, v, C2_SEEV)) {
    int as = 0;
    for (int32_t j = k + 1; j < s1 && j < k + 8 && is_word(c, j); j++)
      if (isw(c, j, W_AS)) {
        as = 1;
        break;
      }
    if (!as)
      return WS_OK; /* "sees X as Y": a view, not a sight */
    see = 1;
  } else {
    return WS_OK;
  }
  (void)see;
  /* the verb's context */
  int past = n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd';
  int irregular = ws_tok_is(c->doc->text, t, "saw") || irregular_inf;
  int third = !past && !irregular && w[n - 1] == 's';
  if (inc(c, v - 1, C_DET) ||
      (is_word(c, v - 1) && (c->tok[v - 1].flags & WS_TF_POSS)))
    return WS_OK; /* "the signed bill", "his views" */
  if (third && !third_person_subject(c, v - 1))
    return WS_OK; /* "the comments on", "his points to" */
  if (!past && !irregular && !third && !present_verb_context(c, v))
    return WS_OK; /* "a vote for", "the favor"; but "voters favor" */
  if (k >= s1 || !(is_word(c, k) || c->tok[k].type == WS_TOK_NUMBER ||
                   c->tok[k].type == WS_TOK_QUOTE))
    return WS_OK;
  attr a = {subject_before(c, hv, s0), {v, v + 1}, -1, 1};
  if (inside_reported(c, q0, v))
    return WS_OK;
  if (a.np.s >= 0) /* else the holder is not read: no speaker */
    a.ent = resolve(c, a.np);
  int32_t e = s1;
  for (int32_t j = k; j < s1 && j < k + CLAUSE_MAX; j++)
    if ((is_punct(c, j, ',') || is_punct(c, j, ':')) && c->in_quote[j] < 0) {
      e = j;
      break;
    }
  return push_reported(c, k, e, &a);
}

/* Adjectives of certainty and feeling with a that-clause: "voters are
 * convinced that ...", "Cruz has been acutely aware that ...", "his
 * supporters are optimistic that ..." (PARC annotates the clause as the
 * holder's belief).  The holder is the subject of the copula. */
static int belief_adjective(ctx *c, int32_t v, int32_t s0, int32_t s1) {
  /* linking verbs besides "be": "remain confident that", "felt sure
   * that", "became clear that" */
  const ws_token *t = &c->tok[v];
  if (t->type != WS_TOK_WORD || (t->flags & WS_TF_CAP) ||
      !is_word(c, v + 2))
    return WS_OK;
  if ((isw(c, v + 1, W_THAT) || inc(c, v + 1, C_WH)) &&
      inc2(c, v, C2_CLEAR)) {
    /* "it is not clear whether ...", "it became clear that ...": the
     * clause is an impression with no holder named */
    int32_t b = v - 1;
    for (int skip = 0; skip < 2 && b > s0 &&
                       (is_ly_adverb(c, b) ||
                        ws_tok_in(c->doc->text, &c->tok[b], ws_words_clear_adverbs));
         skip++)
      b--;
    if (!(inc(c, b, C_BE) || ws_tok_in(c->doc->text, &c->tok[b], ws_words_linking_verbs) ||
          ws_tok_in(c->doc->text, &c->tok[b], ws_words_be_contracted)) ||
        !(isw(c, v + 1, W_THAT) || inc(c, v + 1, C_WH)))
      return WS_OK;
    attr a = {NO_SPAN, {v, v + 1}, -1, 2};
    return push_reported(c, isw(c, v + 1, W_THAT) ? v + 2 : v + 1, s1, &a);
  }
  int prep = (isw(c, v + 1, W_OF) || isw(c, v + 1, W_ABOUT) ||
              isw(c, v + 1, W_IN) || isw(c, v + 1, W_WITH)) &&
             inc2(c, v, C2_TOWARD) &&
             (inc(c, v + 2, C_DET) || is_cap(c, v + 2) ||
              c->doc->tok_mention[v + 2] >= 0 || inc(c, v + 2, C_WH) ||
              (is_word(c, v + 2) && !inc(c, v + 2, C_NOTCL)));
  int inf = 0;
  if (prep) {
    /* handled below, the content after the preposition */
  } else if (isw(c, v + 1, W_TO) && !is_cap(c, v + 2) &&
      !inc(c, v + 2, C_DET | C_SUBJ | C_OBJ) &&
      inc2(c, v, C2_WILLADJ))
    inf = 1;
  else if (!isw(c, v + 1, W_THAT) || !inc2(c, v, C2_BELIEFADJ))
    return WS_OK;
  int32_t b = v - 1; /* "is acutely aware", "are not sure" */
  for (int skip = 0; skip < 2 && b > s0 &&
                     (is_ly_adverb(c, b) ||
                      (inc(c, b, C_FILLER) && !inc(c, b, C_BE)));
       skip++)
    b--;
  int linked = inc(c, b, C_BE) || ws_tok_in(c->doc->text, &c->tok[b], ws_words_linking_verbs);
  if (!linked && !inf && !prep)
    return WS_OK;
  if (prep) {
    /* "voters critical of the plan": the holder is the noun before, not
     * read as a source */
    attr a = {linked ? subject_before(c, b, s0) : NO_SPAN, {v, v + 2}, -1, 1};
    if (a.np.s >= 0)
      a.ent = resolve(c, a.np);
    int32_t e = phrase_end(c, v + 2, s1);
    return push_reported(c, v + 2, e, &a);
  }
  /* "leaders willing to work hard": the will is the noun's, which is not
   * read as a source */
  attr a = {linked ? subject_before(c, b, s0) : NO_SPAN, {v, v + 1}, -1,
            inf ? 2 : 0};
  if (a.np.s >= 0)
    a.ent = resolve(c, a.np);
  return push_reported(c, inf ? v + 1 : v + 2, s1, &a);
}

/* An indirect question after a preposition of topic: "talks about how
 * she pushed for it", "split on whether the plan works", "a fight over
 * why the deal failed" (PARC annotates the question as the content of
 * the discussion, worry or dispute).  Its holder is not read: reported
 * with no speaker.  Not "what", which as often opens a plain noun phrase
 * ("about what happened"), nor "when" ("on when the vote is"). */
static int topic_question(ctx *c, int32_t v, int32_t s1) {
  if (!(isw(c, v, W_ABOUT) || isw(c, v, W_ON) ||
        inc2(c, v, C2_OVER)))
    return WS_OK;
  int32_t k = v + 1;
  if (k + 1 >= s1 || !is_word(c, k) || !is_word(c, k + 1) ||
      !inc2(c, k, C2_QWH))
    return WS_OK;
  /* a verb of saying before may have reported it already ("talked
   * about how ...", "asked about whether ..."): one statement, not two */
  const ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  for (size_t i = n; i > 0 && i + 8 > n; i--)
    if (qs[i - 1].kind == WS_QUOTE_REPORTED &&
        qs[i - 1].start == c->tok[k].start)
      return WS_OK;
  attr a = {NO_SPAN, {v, v + 1}, -1, 2};
  return push_reported(c, k, s1, &a);
}

/* "supporters of the plan", "a critic of the mayor", "an advocate for
 * farmers": a person named by a stance holds it toward the object of the
 * preposition. */
static int stance_person(ctx *c, int32_t v, int32_t s1) {
  const ws_token *t = &c->tok[v];
  /* the cheap tests on the neighbours first: this runs on every word */
  if (!(isw(c, v + 1, W_OF) || isw(c, v + 1, W_FOR)) || v + 2 >= s1 ||
      !is_word(c, v + 2) || inc(c, v + 2, C_NOTCL) ||
      t->type != WS_TOK_WORD ||
      ((t->flags & WS_TF_CAP) && !(t->flags & WS_TF_SENT)) ||
      !inc2(c, v, C2_SPERSON))
    return WS_OK;
  /* the noun is a role, not a mention to resolve: no speaker is named */
  attr a = {NO_SPAN, {v, v + 2}, -1, 1};
  int32_t e = v + 2;
  while (e < s1 && e < v + 2 + CLAUSE_MAX && !is_punct(c, e, ',') &&
         !ends_sentence(c, e) && !(e > v + 2 && c->f[e].cue) &&
         !inc(c, e, C_BE) && !inc2(c, e, C2_PSTOP))
    e++;
  return push_reported(c, v + 2, e, &a);
}

/* "Her main argument is that ...", "The question now is whether ...":
 * a noun of saying, thought or asking that is the subject of a copula
 * names a statement whose content is the clause after it (PARC's
 * nominal attributions); its holder is not read here. */
static int copula_content(ctx *c, int32_t v, int32_t s0, int32_t s1) {
  if (!inc2(c, v, C2_COPULA) || v + 2 >= s1 ||
      !(isw(c, v + 1, W_THAT) ||
        inc2(c, v + 1, C2_WHETHER)) ||
      !is_word(c, v + 2))
    return WS_OK;
  int found = 0;
  for (int32_t j = v - 1; j >= s0 && j >= v - 8 && !found; j--)
    found = is_word(c, j) && inc2(c, j, C2_CHEAD);
  if (!found)
    return WS_OK;
  attr a = {NO_SPAN, {v, v + 1}, -1, 3};
  return push_reported(c, isw(c, v + 1, W_THAT) ? v + 2 : v + 1, s1, &a);
}

/* "Caddell: Voters Are Worried", "PENCE: Well, look ...": a paragraph
 * that opens with a person's name and a colon (headlines, transcripts)
 * reports that person's words. */
static int name_colon(ctx *c, int32_t s0, int32_t s1) {
  if (!(c->tok[s0].flags & WS_TF_PARA))
    return WS_OK;
  span np = np_starting(c, s0, s1);
  if (np.s < 0 || np.e - np.s > 4)
    return WS_OK;
  int32_t colon = np.e;
  if (!is_punct(c, colon, ':') &&
      (isw(c, colon, W_TO) || isw(c, colon, W_ON) ||
       (is_word(c, colon) && ws_tok_is(c->doc->text, &c->tok[colon], "at")))) {
    /* "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": the
     * listener or the place in title case before the colon */
    span x = np_starting(c, colon + 1, s1);
    if (x.s >= 0 && x.e - x.s <= 4 && is_cap(c, x.s) &&
        is_punct(c, x.e, ':') && is_cap(c, np.e - 1))
      colon = x.e;
  }
  if (!is_punct(c, colon, ':'))
    return WS_OK;
  int32_t ent = mention_entity(c, np);
  if (ent < 0 || (entity_kind(c, ent) != WS_ENTITY_PERSON &&
                  entity_kind(c, ent) != WS_ENTITY_ORG)) {
    /* a headline's source in title case with no entity ("Poll: ...",
     * "Clinton Camp: ...", "Newspaper: ..."), but not a label of the
     * page ("Contributing:", "Twitter:", "BYLINE:", "Q:") */
    if (ent >= 0 && entity_kind(c, ent) == WS_ENTITY_PLACE)
      return WS_OK; /* a dateline or a section: "Iowa:" */
    for (int32_t j = np.s; j < np.e; j++)
      if (!is_cap(c, j) || ((c->tok[j].flags & WS_TF_UPPER) &&
                            np.e - np.s == 1))
        return WS_OK;
    if (ws_tok_in(c->doc->text, &c->tok[np.s], ws_words_page_labels))
      return WS_OK;
    int words = 0;
    for (int32_t j = colon + 1; j < s1 && words < 3; j++)
      words += is_word(c, j);
    if (words < 3)
      return WS_OK;
  }
  attr a = {np, {colon, colon + 1}, ent, 0};
  return push_reported(c, colon + 1, s1, &a);
}

/* A statement ends where the next one of the sentence begins: "X said
 * the plan is dead and Y warned that ..." or "X praised A, the actress
 * also pointed out that B" hold two (PARC gives each its own content).
 * Each reported quote pushed for the sentence (from index q0 on) is cut
 * before the speaker, or else the cue, of a later statement with a
 * speaker of its own that starts inside it, when at least three words of
 * its own remain. */
static void split_statements(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len;
  for (size_t i = q0; i < n; i++) {
    if (qs[i].kind != WS_QUOTE_REPORTED)
      continue;
    uint32_t cut = qs[i].end;
    /* quotes are pushed in the order of their cues, and a content spans
     * at most CLAUSE_MAX tokens from its cue, so the later statements
     * that can start inside this one are the next few: linear work even
     * in a sentence of a million words */
    for (size_t j = i + 1; j < n && qs[j].cue_start < qs[i].end; j++) {
      const ws_quote *b = &qs[j];
      if (b->kind != WS_QUOTE_REPORTED || b->cue_end == b->cue_start ||
          b->start < b->cue_end)
        continue;
      uint32_t at;
      if (b->speaker_end == b->speaker_start ||
          b->speaker_start == qs[i].speaker_start) {
        /* a second statement of the same holder, coordinated with the
         * first: "noted that X and added that Y", "hailed X, warning
         * that Y" are two statements, not one (a cue inside the content
         * without a comma or coordinator is nested: "said he wants X") */
        int32_t tb = tok_at_or_after(c, b->cue_start);
        if (!(is_punct(c, tb - 1, ',') || isw(c, tb - 1, W_AND) ||
              isw(c, tb - 1, W_BUT)))
          continue;
        at = b->cue_start;
      } else {
        at = b->speaker_start < b->cue_start ? b->speaker_start
                                             : b->cue_start;
      }
      if (at > qs[i].start && at < cut && b->cue_start > qs[i].cue_start)
        cut = at;
    }
    if (cut == qs[i].end)
      continue;
    int32_t s = tok_at_or_after(c, qs[i].start);
    int32_t e = tok_at_or_after(c, cut);
    /* the later speaker's phrase may begin before the mention found for
     * it ("and the mayor of the town replied"): back to a coordinator or
     * comma a few words before */
    for (int32_t j = e - 1; j > s && j >= e - 6; j--) {
      if (is_punct(c, j, ',') || ws_tok_in(c->doc->text, &c->tok[j], ws_words_statement_joins)) {
        e = j;
        break;
      }
      if (!is_word(c, j) || c->f[j].cue)
        break;
    }
    while (e > s && (c->tok[e - 1].type != WS_TOK_WORD ||
                     ws_tok_in(c->doc->text, &c->tok[e - 1], ws_words_statement_joins)))
      e--;
    int words = 0;
    for (int32_t k = s; k < e && words < 3; k++)
      words += is_word(c, k);
    if (words >= 3)
      qs[i].end = c->tok[e - 1].end;
  }
}

/* The entity of the latest mention before token `at` whose canonical
 * name ends with the word of token w, ignoring case: the speaker label of
 * a transcript is written in capitals ("PENCE" for Mike Pence). */
static int32_t entity_by_label(ctx *c, int32_t at, int32_t w) {
  const ws_entity *ents = c->doc->entities.items;
  const ws_mention *ms = c->doc->mentions.items;
  const char *s = c->doc->text + c->tok[w].start;
  size_t n = c->tok[w].core_end - c->tok[w].start;
  int32_t last = -1;
  for (int32_t i = at - 1; i >= 0 && i > at - WORD_MAX && step(c); i--) {
    int32_t m = c->doc->tok_mention[i];
    if (m < 0 || ms[m].entity == last)
      continue;
    last = ms[m].entity;
    const char *name = ents[last].name;
    size_t ln = strlen(name);
    if (ln < n || (ln > n && name[ln - n - 1] != ' '))
      continue;
    size_t k = 0;
    while (k < n && (name[ln - n + k] | 32) == (s[k] | 32))
      k++;
    if (k == n)
      return last;
  }
  return -1;
}

/* A direct quote that opens with a speaker's label in capitals and a
 * colon ('"WALLACE: Let's start ...'), the turn of a quoted transcript,
 * is that speaker's when no cue named one. */
static void transcript_speakers(ctx *c, size_t n_direct) {
  ws_quote *qs = c->doc->quotes.items;
  for (size_t k = 0; k < n_direct; k++) {
    if (qs[k].speaker_end != qs[k].speaker_start)
      continue;
    int32_t s = tok_at_or_after(c, qs[k].start), e = s;
    while (e < c->n && e < s + 4 && is_word(c, e) &&
           (c->tok[e].flags & WS_TF_UPPER))
      e++;
    if (e == s || !is_punct(c, e, ':') || c->tok[e].start >= qs[k].end)
      continue;
    qs[k].speaker = entity_by_label(c, s, e - 1);
    qs[k].speaker_start = c->tok[s].start;
    qs[k].speaker_end = c->tok[e - 1].core_end;
    qs[k].cue_start = c->tok[e].start;
    qs[k].cue_end = c->tok[e].end;
  }
}

/* Two patterns may read the same statement ("his plans for X" as a noun
 * of stance and as a verb): the sentence's reported quotes from index q0
 * on keep one of each span, the one that names a speaker.  Each is
 * compared with the few before it only (quotes come in the order of
 * their cues), so the work stays linear. */
static void dedupe(ctx *c, size_t q0) {
  ws_quote *qs = c->doc->quotes.items;
  size_t n = c->doc->quotes.len, w = q0;
  for (size_t i = q0; i < n; i++) {
    int dup = 0;
    if (qs[i].kind == WS_QUOTE_REPORTED)
      for (size_t j = w; j > q0 && j + 8 > w; j--) {
        ws_quote *p = &qs[j - 1];
        if (p->kind != WS_QUOTE_REPORTED || p->start != qs[i].start ||
            p->end != qs[i].end)
          continue;
        if (p->speaker_end == p->speaker_start &&
            qs[i].speaker_end != qs[i].speaker_start)
          *p = qs[i];
        dup = 1;
        break;
      }
    if (!dup)
      qs[w++] = qs[i];
  }
  c->doc->quotes.len = w;
}

/* 1 when token k is a whole answer closing its clause: "said yes.",
 * "said no,", "thought so.", "said nothing." */
static int answer_word(const ctx *c, int32_t k, int32_t s1) {
  return ws_tok_in(c->doc->text, &c->tok[k], ws_words_answer_words) &&
         (k + 1 >= s1 || ends_sentence(c, k + 1) || is_punct(c, k + 1, ','));
}

static int reported(ctx *c, size_t n_direct) {
  transcript_speakers(c, n_direct);
  const ws_tokens *tk = &c->doc->tokens;
  size_t dq = 0; /* direct quotes before the current sentence */
  for (size_t si = 0; si < tk->n_sent; si++) {
    int32_t s0 = (int32_t)tk->sent[si].first, s1 = (int32_t)tk->sent[si].end;
    /* the current speaker follows the direct quotes in text order */
    for (; dq < n_direct; dq++) {
      const ws_quote *d = (const ws_quote *)c->doc->quotes.items + dq;
      if (d->start >= c->tok[s0].start)
        break;
      if (d->speaker >= 0) {
        c->last_ent = d->speaker;
        c->last_tok = tok_at_or_after(c, d->speaker_start);
      }
    }
    size_t q0 = c->doc->quotes.len;
    int rc0 = name_colon(c, s0, s1);
    if (rc0)
      return rc0;
    size_t hide_from = (size_t)-1; /* statements to leave unattributed */
    for (int32_t v = s0; v < s1; v++) {
      if (hide_from != (size_t)-1) {
        hide_speakers(c, hide_from);
        hide_from = (size_t)-1;
      }
      if (c->in_quote[v] >= 0)
        continue;
      /* only words that can open one of these rules (C_RULE): a rule
       * added here must add the words it first tests to C_RULE in
       * build_wtab(), or it never runs */
      int rcn = WS_OK;
      if (c->f[v].cls & C_RULE) {
        rcn = nominal(c, v, s1, q0);
        if (!rcn)
          rcn = impression(c, v, s1);
        if (!rcn)
          rcn = stance_verb(c, v, s0, s1, q0);
        if (!rcn)
          rcn = belief_adjective(c, v, s0, s1);
        if (!rcn)
          rcn = topic_question(c, v, s1);
        if (!rcn)
          rcn = copula_content(c, v, s0, s1);
        if (!rcn)
          rcn = stance_person(c, v, s1);
      }
      if (rcn)
        return rcn;
      int f;
      int32_t l;
      if (!cue_at(c, v, &f, &l))
        continue;
      if (!(f & (WS_CUE_CLAUSE | WS_CUE_STANCE | WS_CUE_NAMING |
                 WS_CUE_TOPIC)))
        continue;
      /* "states", "maintained", "proved" report only a that-clause: not
       * "several states say", "maintained a lead", "proved popular" (after
       * a quote they still cue it: '"...," she maintained') */
      if (inc(c, v, C_THATONLY) && is_word(c, l + 1) &&
          !isw(c, l + 1, W_THAT))
        continue;
      if ((inc(c, v - 1, C_BE) || isw(c, v - 1, W_WHEN)) &&
          (f & WS_CUE_OBJECT) && !(f & WS_CUE_PRESENT) &&
          (inc(c, l + 1, C_WH) || isw(c, l + 1, W_ABOUT))) {
        /* "when asked about the pier", "voters were asked who ...": the
         * question is reported, its asker is not named */
        attr q = {NO_SPAN, {v, l + 1}, -1, 2};
        int32_t b = isw(c, l + 1, W_ABOUT) ? l + 2 : l + 1, e = b + 1;
        while (e < s1 && !is_punct(c, e, ',') && !ends_sentence(c, e))
          e++;
        int rc = push_reported(c, b, e, &q);
        if (rc)
          return rc;
        continue;
      }
      int32_t pb = v - 1; /* "is widely expected", "was also told" */
      for (int skip = 0; skip < 2 && pb > s0 &&
                         (is_ly_adverb(c, pb) ||
                          (inc(c, pb, C_FILLER) && !inc(c, pb, C_BE)));
           skip++)
        pb--;
      if (inc(c, pb, C_BE) && !(f & WS_CUE_PRESENT) &&
          !isw(c, v, W_ACCORDING) && !ends_in_ing(c, v)) {
        /* a passive: "Texas was called for X" is no statement; "it was
         * reported that ...", "voters were told to ..." report a clause
         * whose source is not named */
        if (ws_tok_is(c->doc->text, &c->tok[l + 1], "by")) {
          /* "was told by aides that ...", "was asked by the host
           * whether ...": the agent is the source */
          attr q = {source_of(c, l + 2, s1), {v, l + 1}, -1, 0};
          int32_t k = q.np.s >= 0 ? q.np.e : -1;
          if (k > 0 && (isw(c, k, W_THAT) || inc(c, k, C_WH)) &&
              is_word(c, k + 1)) {
            q.ent = resolve(c, q.np);
            int rc = push_reported(c, isw(c, k, W_THAT) ? k + 1 : k, s1, &q);
            if (rc)
              return rc;
          } else if (k > 0) {
            /* "The plan was rejected by the council", "The meeting was
             * first reported by the paper": the passive's subject is
             * what the agent said or took a stance on */
            span subj = subject_before(c, pb, s0);
            if (subj.s >= 0) {
              q.ent = resolve(c, q.np);
              q.min_words = 1;
              int rc = push_reported(c, subj.s, subj.e, &q);
              if (rc)
                return rc;
            }
          }
        } else if ((f & WS_CUE_CLAUSE) &&
            (isw(c, l + 1, W_THAT) ||
             (isw(c, l + 1, W_TO) && is_word(c, l + 2) &&
              !is_cap(c, l + 2) && !inc(c, l + 2, C_DET | C_SUBJ | C_OBJ)))) {
          attr q = {NO_SPAN, {v, l + 1}, -1, 0};
          int rc = push_reported(c, isw(c, l + 1, W_THAT) ? l + 2 : l + 1,
                                 s1, &q);
          if (rc)
            return rc;
        }
        continue;
      }
      attr a = {NO_SPAN, {v, l + 1}, -1, 0};
      if (isw(c, v, W_ACCORDING)) {
        a.np = source_of(c, l + 1, s1);
        if (a.np.s < 0)
          continue;
        a.ent = resolve(c, a.np);
        int rc;
        /* "According to X, ...", and after a short lead-in: "In
         * addition, according to the department, ...", "But, according
         * to the poll, ..." */
        int lead = 0;
        for (int32_t j = s0; j < v && j < s0 + 8 && lead < 4; j++)
          lead += is_word(c, j);
        if (v == s0 || (v == s0 + 1 && c->tok[s0].type == WS_TOK_QUOTE) ||
            (v - s0 <= 8 && lead < 4 && is_punct(c, v - 1, ',') &&
             is_punct(c, a.np.e, ','))) {
          int32_t k = a.np.e;
          while (k < s1 && !is_punct(c, k, ','))
            k++;
          rc = push_reported(c, k + 1, s1, &a);
        } else {
          rc = push_reported(c, s0, v, &a);
        }
        if (rc)
          return rc;
        v = l;
        continue;
      }
      if ((f & WS_CUE_PART) || isw(c, v - 1, W_AND) ||
      isw(c, v - 1, W_BUT)) {
        a.np = clause_subject(c, v, s0); /* "..., and says he will" */
        if (inc(c, pb, C_BE) && ends_in_ing(c, v)) {
          /* the progressive: "Obama is defending X" has the subject of
           * its auxiliary */
          span sb = subject_before(c, pb, s0);
          if (sb.s >= 0)
            a.np = sb;
        }
      } else {
        a.np = subject_before(c, v, s0);
        if ((f & WS_CUE_INVERT) && is_punct(c, v - 1, ',')) {
          /* "..., said Steve Grubbs, an operative": a name after the
           * verb, closing the sentence or followed by its apposition, is
           * the speaker, unless a name stands before ("Vik, the mayor,
           * said Berg was late") */
          span inv = np_starting(c, l + 1, s1);
          int named_before = a.np.s >= 0 &&
                             (is_cap(c, a.np.e - 1) ||
                              c->doc->tok_mention[a.np.e - 1] >= 0 ||
                              inc(c, a.np.s, C_SUBJ | C_REL));
          if (a.np.s < 0 ||
              (inv.s >= 0 && !named_before &&
               (is_cap(c, inv.e - 1) || c->doc->tok_mention[inv.e - 1] >= 0) &&
               (inv.e >= s1 || ends_sentence(c, inv.e) ||
                is_punct(c, inv.e, ','))))
            a.np = inv;
        }
      }
      int32_t wq = a.np.s < 0 && (f & WS_CUE_OBJECT) ? asked_what(c, l + 1, s1)
                                                      : -1;
      if (wq >= 0) {
        /* "Asked whether the pier is safe, the mayor said ...", "Asked
         * on the radio about the pier, ...": the question is reported,
         * its asker is not named */
        int32_t e = wq + 1;
        while (e < s1 && !is_punct(c, e, ',') && !ends_sentence(c, e))
          e++;
        a.min_words = 1; /* "Asked about the closure" */
        int rc = push_reported(c, isw(c, wq, W_ABOUT) ? wq + 1 : wq, e, &a);
        if (rc)
          return rc;
        continue;
      }
      if (a.np.s < 0 && isw(c, v - 1, W_AS) &&
          (ws_tok_is(c->doc->text, &c->tok[l + 1], "by") ||
           (isw(c, l + 1, W_IN) && inc(c, l + 2, C_DET | C_MEDIA)) ||
           (isw(c, l + 1, W_IN) && is_cap(c, l + 2)))) {
        /* "As reported by the paper, ...", "As stated in the letter,
         * ...", "As noted in Vik's column, ...": the agent, or the text
         * that states it, is the source */
        a.np = source_of(c, l + 2, s1);
        int32_t k = a.np.s >= 0 ? a.np.e : s1;
        if (is_punct(c, k, ',')) {
          a.ent = resolve(c, a.np);
          int rc = push_reported(c, k + 1, s1, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      if (a.np.s < 0 && neg_aux(c, v - 1))
        a.np = subject_before(c, v - 1, s0); /* "we don't know how" */
      if (a.np.s < 0 && (f & WS_CUE_CLAUSE) && !(f & WS_CUE_PART))
        a.np = head_before(c, v, s0);
      int unread = (f & WS_CUE_PRESENT) && !(f & WS_CUE_PART) &&
                   !present_verb_context(c, v) && !after_apposition(c, v);
      if (unread)
        a.np = NO_SPAN; /* a base form read as a verb only for the clause
                           after it ("critics of the plan say that", "nine
                           in ten polled say they"): the word before is not
                           its subject, and the subject is not read */
      if (a.np.s < 0) {
        /* no subject to read ("Having announced that ...", "Let me just
         * say that ...", "a court document filed Thursday says that"),
         * but a that-clause is still a statement: reported with no
         * speaker */
        int32_t th = (f & WS_CUE_CLAUSE) ? that_after(c, l + 1, s1) : -1;
        if (th < 0 && unread && inc(c, l + 1, C_SUBJ))
          th = l; /* the clause opens with its subject */
        if (th < 0 && (f & (WS_CUE_TOPIC | WS_CUE_CLAUSE)) &&
            isw(c, l + 1, W_ABOUT) && l + 2 < s1 &&
            (inc(c, l + 2, C_DET) || is_cap(c, l + 2) ||
             c->doc->tok_mention[l + 2] >= 0)) {
          /* "after talking about the budget": the topic, its speaker
           * unread */
          int32_t e = phrase_end(c, l + 2, s1);
          a.min_words = 1;
          int rc = push_reported(c, l + 2, e, &a);
          if (rc)
            return rc;
          continue;
        }
        if (th >= 0) {
          /* an opening participle clause ends at its comma: "Having
           * announced that the bridge would close, the council left" */
          int32_t e = s1;
          if (v - s0 <= 2)
            for (int32_t j = th + 1; j < s1 && j < th + CLAUSE_MAX; j++)
              if (is_punct(c, j, ',') && c->in_quote[j] < 0) {
                e = j;
                break;
              }
          int rc = push_reported(c, th + 1, e, &a);
          if (rc)
            return rc;
        } else if ((f & (WS_CUE_STANCE | WS_CUE_SPEECH)) &&
                   isw(c, l + 1, W_TO) && is_word(c, l + 2) &&
                   !is_cap(c, l + 2) &&
                   !inc(c, l + 2, C_DET | C_SUBJ | C_OBJ) &&
                   !inc(c, v, C_PLAINSAY)) {
          /* "have pledged to end the programs", "most in Miami want to
           * change the law": the undertaking, its holder unread */
          a.min_words = 2;
          int rc = push_reported(c, l + 1, s1, &a);
          if (rc)
            return rc;
        } else if ((f & (WS_CUE_STANCE | WS_CUE_NAMING)) &&
                   !(f & WS_CUE_CLAUSE) && l + 1 < s1 &&
                   (inc(c, l + 1, C_DET) || is_cap(c, l + 1) ||
                    c->doc->tok_mention[l + 1] >= 0)) {
          /* "praising the candidate", "backing Jeb Bush": the stance's
           * object, its holder unread */
          int32_t e = phrase_end(c, l + 1, s1);
          a.min_words = 1;
          int rc = push_reported(c, l + 1, e, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* a belief or stance inside another statement of the sentence
       * ("47 percent said they would support X") is part of that
       * statement: its content is reported, but "they" is not named as a
       * second source */
      if (!(f & WS_CUE_SPEECH) && inside_reported(c, q0, v))
        hide_from = c->doc->quotes.len;
      a.ent = resolve(c, a.np);
      if (a.ent >= 0) {
        c->last_ent = a.ent;
        c->last_tok = a.np.s;
      }
      int32_t k = l + 1;
      int skipped = 0;
      if (a.np.s == l + 1) {
        /* "The pier is too short, said Lena Vik, a teacher.": the
         * statement is what comes before the cue */
        if (v - 1 > s0) {
          int rc = push_reported(c, s0, v - 1, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* what the statement was about: "talked about the pier", "warned
       * against it", "complained of the noise" (PARC annotates the topic
       * of a statement as its content) */
      if (isw(c, k, W_ABOUT) || isw(c, k, W_AGAINST) ||
          (isw(c, k, W_OF) && (f & (WS_CUE_CLAUSE | WS_CUE_TOPIC)))) {
        int rc = push_reported(c, k + 1, s1, &a);
        if (rc)
          return rc;
        continue;
      }
      if (f & WS_CUE_TOPIC)
        continue; /* "spoke to reporters": no statement named */
      if (!(f & WS_CUE_CLAUSE)) {
        /* a position taken or a label given: "endorsed the plan",
         * "wants to cut taxes", "called for a recount" */
        if (isw(c, k, W_FOR) || isw(c, k, W_ON) ||
            (isw(c, k, W_TO) && isw(c, v, W_REFERRING)))
          k++;
        if (k < s1 && !ends_sentence(c, k) && !is_punct(c, k, ',')) {
          /* the object ends where a second predicate of the holder
           * begins: "hailed the streak, challenging rivals to ...",
           * "endorsed Vik and attacked Berg" */
          int32_t e = k + 1;
          for (; e < s1 && e < k + CLAUSE_MAX; e++)
            if ((is_punct(c, e, ',') &&
                 (ends_in_ing(c, e + 1) || c->f[e + 1].cue)) ||
                ((isw(c, e, W_AND) || isw(c, e, W_BUT)) && e + 1 < s1 &&
                 c->f[e + 1].cue))
              break;
          a.min_words = 1;
          int rc = push_reported(c, k, e >= k + CLAUSE_MAX ? s1 : e, &a);
          if (rc)
            return rc;
        }
        continue;
      }
      /* "told reporters that", "said in a statement Tuesday that" */
      if ((f & WS_CUE_OBJECT) && k < s1) {
        span o = listener(c, k, s1);
        if (o.s < 0)
          o = np_starting(c, k, s1);
        if (o.s < 0 && inc(c, k, C_DET))
          o = np_starting(c, k + 1, s1); /* "told The Atlantic's X" */
        if (o.s < 0 && is_word(c, k) && !inc(c, k, C_CLFILL))
          o.s = k, o.e = k + 1;
        if (o.s >= 0)
          k = o.e;
        /* "told The Star-Ledger of Newark": the listener's place */
        if (o.s >= 0 && isw(c, k, W_OF) && is_cap(c, k + 1)) {
          span pl = np_starting(c, k + 1, s1);
          if (pl.s >= 0)
            k = pl.e;
        }
      }
      /* what one undertakes or urges: "vowed to stay", "agreed to pay",
       * "urged the council to act" (the infinitive is the content), also
       * past a time: "vowed last month to stay", "promised Monday to" */
      {
        int32_t kt = k;
        for (int n = 0; n < 3 && inc(c, kt, C_CLFILL) && !isw(c, kt, W_THAT) &&
                        !isw(c, kt, W_ON);
             n++)
          kt++;
        if (kt > k && isw(c, kt, W_TO))
          k = kt;
      }
      if (isw(c, k, W_TO) && is_word(c, k + 1) && !is_cap(c, k + 1) &&
          !inc(c, k + 1, C_DET | C_SUBJ) && k + 1 < s1 &&
          !inc(c, v, C_PLAINSAY)) { /* not "said to cheers" */
        a.min_words = 2;
        int rc = push_reported(c, k, s1, &a);
        if (rc)
          return rc;
        continue;
      }
      /* "said in a statement", "wrote in a long Facebook post" */
      if (isw(c, k, W_IN) && inc(c, k + 1, C_DET)) {
        for (int32_t j = k + 2; j < s1 && j < k + 6; j++)
          if (inc(c, j, C_MEDIA)) {
            k = j + 1;
            break;
          }
      }
      while (k < s1 && skipped < 6 && inc(c, k, C_CLFILL) &&
             !isw(c, k, W_THAT) &&
             !(isw(c, k, W_ON) && !inc(c, k + 1, C_TIMEW | C_CLFILL)))
        k++, skipped++; /* "on Monday", but not "on NBC's show" */
      if (is_punct(c, k, ',')) {
        /* "He believes, for example, that ...": a parenthesis */
        int32_t th = that_after(c, k, s1);
        if (th >= 0)
          k = th;
      }
      /* "X says at a campaign stop in Toledo, Ohio, that ...": a phrase
       * of place or time before the complementizer */
      for (int32_t j = k; j < s1 && j < k + 12; j++) {
        if (isw(c, j, W_THAT)) {
          if (j > k && (is_word(c, k) && !is_cap(c, k) &&
                        inc(c, k, C_NOTCL)))
            k = j;
          break;
        }
        int g;
        int32_t m;
        if (!(is_word(c, j) || is_punct(c, j, ',') ||
              c->tok[j].type == WS_TOK_NUMBER) ||
            cue_at(c, j, &g, &m))
          break;
      }
      if (is_punct(c, k, ':') && k + 1 < c->n &&
          (c->tok[k + 1].flags & WS_TF_PARA) &&
          c->tok[k + 1].type != WS_TOK_QUOTE && c->in_quote[k + 1] < 0) {
        /* "The governor added:" closing its paragraph, and the words
         * follow in the next paragraph without quotation marks: that
         * paragraph is the statement */
        int32_t e = k + 2;
        while (e < c->n && e < k + 1 + CLAUSE_MAX &&
               !(c->tok[e].flags & WS_TF_PARA))
          e++;
        int rc = push_reported(c, k + 1, e, &a);
        if (rc)
          return rc;
        continue;
      }
      int introduced = isw(c, k, W_THAT) || is_punct(c, k, ':');
      if (introduced)
        k++; /* "X said that ...", "X said: ..." */
      if (introduced && isw(c, k - 1, W_THAT) && is_punct(c, k, ',') &&
          is_word(c, k + 1))
        k++; /* "said that, among voters, ..." */
      int rc = WS_OK;
      int32_t as = inc(c, a.np.s - 1, C_DET) ? a.np.s - 2 : a.np.s - 1;
      if (as == s0 && isw(c, as, W_AS) && is_punct(c, k, ',')) {
        /* "As the paper noted, trust is collapsing." */
        rc = push_reported(c, k + 1, s1, &a);
      } else if (as > s0 && isw(c, as, W_AS) && is_punct(c, as - 1, ',') &&
                 is_punct(c, k, ',')) {
        /* "..., as the paper reported on Monday, the mayor is leaving":
         * what follows is reported, or what precedes when little does */
        int after = 0;
        for (int32_t j = k + 1; j < s1 && j < k + 12 && after < 3; j++)
          after += is_word(c, j);
        rc = after >= 3 ? push_reported(c, k + 1, s1, &a)
                        : push_reported(c, s0, as - 1, &a);
      } else if (as > s0 && isw(c, as, W_AS) && is_punct(c, as - 1, ',') &&
                 (k >= s1 - 1 || ends_sentence(c, k))) {
        /* "The mayor is leaving, as the paper reported." */
        rc = push_reported(c, s0, as - 1, &a);
      } else if (a.np.s > s0 && is_punct(c, a.np.s - 1, ',') &&
                 is_punct(c, k, ',') && k + 1 < s1 &&
                 c->tok[k + 1].type != WS_TOK_QUOTE) {
        /* "The plan, he said, is dead.", but not "Still, he said,
         * "...": there the quotation is the statement */
        rc = push_reported(c, s0, s1, &a);
      } else if (as > s0 &&
                 (is_punct(c, as, ',') || (c->tok[as].type == WS_TOK_QUOTE &&
                                           is_punct(c, as - 1, ','))) &&
                 (k >= s1 - 1 || ends_sentence(c, k) || inc(c, k, C_TRAIL))) {
        /* "The plan is dead, he said in Oslo.", also with the comma inside
         * a closing mark: '... "a good plan," the paper reported.' */
        rc = push_reported(c, s0, as, &a);
      } else if (k < s1 &&
                 (introduced || !inc(c, k, C_NOTCL) ||
                  isw(c, k + 1, W_THAN) || /* "said more than ..." */
                  answer_word(c, k, s1)) &&
                 (skipped < 6) && !ends_sentence(c, k) &&
                 !is_punct(c, k, ',') && !is_punct(c, k, ':')) {
        /* a short answer is a statement too ("said yes", "said so",
         * "would not say when"), but not a phrase of time, place or
         * manner closing the sentence ("said this week", "said here",
         * "said sarcastically") */
        if (!ws_tok_in(c->doc->text, &c->tok[k], ws_words_closing_adjuncts) &&
            !is_ly_adverb(c, k) && !inc(c, k, C_TIMEW) &&
            !inc(c, k + 1, C_TIMEW))
          a.min_words = 1;
        rc = push_reported(c, k, s1, &a);
      }
      if (rc)
        return rc;
    }
    if (hide_from != (size_t)-1)
      hide_speakers(c, hide_from);
    split_statements(c, q0);
    unhide(c, q0);
    dedupe(c, q0);
  }
  return WS_OK;
}
