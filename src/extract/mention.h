/* mention.h - resolution of a speaker phrase to an entity (private to
 * the attribution files).  */
#ifndef WS_MENTION_H
#define WS_MENTION_H

#include "extract/attrib_ctx.h"

/* The entity the speaker phrase p names, or -1 (p.s < 0, no
 * antecedent, or a phrase such as they/we that names no single entity).
 * May allocate lookup tables in the document arena; on failure to
 * allocate it falls back to slower searches, never fails. */
int32_t at_resolve(ctx *c, span p);
/* The entity of the last fitting mention in p: a person if kinds are
 * known, else the last that is no nationality; -1 when none. */
int32_t at_mention_entity(const ctx *c, span p);
/* 1 when token i is a one-word name used as an adjective of party or
 * nation ("Republican", "Qatari"). */
int at_adjective_name(const ctx *c, int32_t i);
/* 1 when the entity layer typed any entity of doc as a person. */
int at_any_person(const ws_doc *doc);


#endif
