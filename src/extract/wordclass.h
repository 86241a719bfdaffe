/*
 * wordclass.h - per-token word classes of attribution: which word lists
 * of src/words/ a token belongs to (C_*, C2_*), which single word it is
 * (W_*), and its cue in context (feat), filled once per document by
 * at_classify().  Private to src/extract/.
 */
#ifndef WS_WORDCLASS_H
#define WS_WORDCLASS_H

#include <stddef.h>
#include <stdint.h>

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
 * lists gathered at the end of build_wtab(); reported() skips the seven calls for
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

/* The grammatical gender a given name or title fixes (male_names,
 * female_names, male_nouns, female_nouns in src/words/), for matching
 * he/she to an antecedent (Quirk et al. 6.10: personal pronouns agree with
 * their antecedent in gender); names used for both sexes are in neither
 * list, so that an unknown gender never blocks a match. */
enum { GENDER_NONE = 0, GENDER_MALE = 1, GENDER_FEMALE = 2 };

/* ctx is defined in attrib_ctx.h (C11 allows the typedef twice). */
typedef struct ctx ctx;

/* Fills c->f (the classes and cue of every token) and c->headline (per
 * sentence, 1 in headline style) from the document arena; WS_OK, or
 * WS_ENOMEM when the arena is out of memory. */
int at_classify(ctx *c);
/* The GENDER_* of the document text [s, e) as a given name or gendered
 * noun; GENDER_NONE when it is neither. */
int at_word_gender(const ctx *c, uint32_t s, uint32_t e);
/* The GENDER_* of name[0..n) (any string, ASCII case ignored) as a given
 * name or gendered noun; GENDER_NONE when it is neither. */
int at_name_gender(const char *name, size_t n);
/* 1 when token i can be the subject right before a verb in -s: a name, a
 * singular pronoun, a relative pronoun, an adverb or a singular noun. */
int at_third_person_subject(const ctx *c, int32_t i);
/* 1 when the base form at token i reads as a verb (after a plural or
 * personal subject, a modal or an adverb), not as a noun. */
int at_present_verb_context(const ctx *c, int32_t i);
/* 1 when the base form at token i follows an apposition closing its
 * plural subject ("Officials, some of them new, say"). */
int at_after_apposition(const ctx *c, int32_t i);

#endif
