/* reported.h - reported speech (private to the attribution files).  */
#ifndef WS_REPORTED_H
#define WS_REPORTED_H

#include "extract/attrib_ctx.h"

/* Finds the reported statements of the document and appends them to
 * doc->quotes after its n_direct direct quotes (which it may credit with
 * a speaker); WS_OK, or WS_ENOMEM when the arena is out of memory. */
int at_reported(ctx *c, size_t n_direct);
/* Appends a reported statement with content [s, e) and attribution a
 * (cut where the next statement begins); WS_OK also when the content is
 * too short to keep, WS_ENOMEM when the arena is out of memory. */
int at_push_reported(ctx *c, int32_t s, int32_t e, const attr *a);
/* The end of a short object phrase from token s: the first comma or
 * sentence end, at most CLAUSE_MAX tokens on, never past s1. */
int32_t at_phrase_end(const ctx *c, int32_t s, int32_t s1);
/* 1 when token v lies inside a statement found since quote q0. */
int at_inside_reported(const ctx *c, size_t q0, int32_t v);


#endif
