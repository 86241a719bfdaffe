/* stance.h - the rules of reported speech that read a stance
 * (private to the attribution files).  Each looks at token v (s0, s1:
 * the sentence; q0: the first statement of the sentence) and returns WS_OK,
 * also when it finds nothing, or WS_ENOMEM.  */
#ifndef WS_STANCE_H
#define WS_STANCE_H

#include "extract/attrib_ctx.h"

/* A noun of saying or stance with its possessor at v ("Trump's claim
 * that ...", "her support for the wall"). */
int at_nominal(ctx *c, int32_t v, int32_t s1, size_t q0);
/* An impression with no holder named at v ("is seen as", "reportedly"). */
int at_impression(ctx *c, int32_t v, int32_t s1);
/* A verb of stance and its object at v ("endorsed the plan", "called
 * for a recount", "vowed to stay"). */
int at_stance_verb(ctx *c, int32_t v, int32_t s0, int32_t s1, size_t q0);
/* An adjective of belief or will at v ("is confident that", "is eager
 * to run", "is critical of"). */
int at_belief_adjective(ctx *c, int32_t v, int32_t s0, int32_t s1);
/* The topic of a dispute at v ("clashed over how ..."). */
int at_topic_question(ctx *c, int32_t v, int32_t s1);
/* A person named by a stance at v ("critics of the plan"). */
int at_stance_person(ctx *c, int32_t v, int32_t s1);
/* The content a copula gives at v ("the argument is that ..."). */
int at_copula_content(ctx *c, int32_t v, int32_t s0, int32_t s1);

#endif
