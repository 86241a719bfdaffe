/*
 * out.h - output helpers shared by the CLI commands.
 */
#ifndef WS_CLI_OUT_H
#define WS_CLI_OUT_H

#include <stddef.h>
#include <stdio.h>

/* Writes s[0..n) as a JSON string literal (with quotes), escaping
 * control characters, quotes and backslashes.  s must be valid UTF-8. */
void out_json_string(FILE *f, const char *s, size_t n);

#endif
