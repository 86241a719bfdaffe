/*
 * main.c - the whosaid command line.  A thin layer over libwhosaid: it
 * parses arguments, prints, and maps ws_status values to exit codes.
 *
 * Exit codes: 0 found, 1 nothing found, 2 usage error, 3 some input files
 * could not be read or indexed, 4 database error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out.h"
#include "whosaid.h"

enum { EXIT_FOUND = 0, EXIT_NONE = 1, EXIT_USAGE = 2, EXIT_INPUT = 3,
       EXIT_DB = 4 };

static void print_doc_json(FILE *f, const char *path, const ws_doc *doc) {
  ws_doc_view v;
  ws_doc_get(doc, &v);
  fputs("{\"path\":", f);
  out_json_string(f, path, strlen(path));
  fputs(",\"quotes\":[", f);
  for (size_t i = 0; i < v.n_quotes; i++) {
    const ws_quote *q = &v.quotes[i];
    fprintf(f, "%s{\"start\":%u,\"end\":%u,\"line\":%u,\"text\":", i ? "," : "",
            q->start, q->end, ws_doc_line(doc, q->start));
    out_json_string(f, v.text + q->start, q->end - q->start);
    fprintf(f, ",\"kind\":\"%s\",\"speaker\":", ws_quote_kind_name(q->kind));
    if (q->speaker >= 0) {
      const char *name = v.entities[q->speaker].name;
      out_json_string(f, name, strlen(name));
    } else {
      fputs("null", f);
    }
    if (q->speaker_end > q->speaker_start)
      fprintf(f, ",\"speaker_start\":%u,\"speaker_end\":%u", q->speaker_start,
              q->speaker_end);
    else
      fputs(",\"speaker_start\":null,\"speaker_end\":null", f);
    fputs(",\"cue\":", f);
    if (q->cue_end > q->cue_start)
      out_json_string(f, v.text + q->cue_start, q->cue_end - q->cue_start);
    else
      fputs("null", f);
    putc('}', f);
  }
  fputs("],\"entities\":[", f);
  for (size_t i = 0; i < v.n_mentions; i++) {
    const ws_mention *m = &v.mentions[i];
    const ws_entity *e = &v.entities[m->entity];
    fprintf(f, "%s{\"start\":%u,\"end\":%u,\"text\":", i ? "," : "", m->start,
            m->end);
    out_json_string(f, v.text + m->start, m->end - m->start);
    fputs(",\"canonical\":", f);
    out_json_string(f, e->name, strlen(e->name));
    fprintf(f, ",\"kind\":\"%s\"}", ws_entity_kind_name(e->kind));
  }
  fputs("]}\n", f);
}

static int cmd_extract(int argc, char **argv) {
  int status = EXIT_FOUND;
  int first = 1;
  for (; first < argc; first++) {
    if (strcmp(argv[first], "--format") == 0 && first + 1 < argc)
      first++;
    else if (strncmp(argv[first], "--format=", 9) == 0)
      ;
    else
      break;
  }
  for (int i = first; i < argc; i++) {
    char *buf;
    size_t len;
    ws_error err = {0};
    if (ws_file_read(argv[i], &buf, &len, &err)) {
      fprintf(stderr, "whosaid: %s: %s\n", argv[i], err.msg);
      status = EXIT_INPUT;
      continue;
    }
    ws_doc *doc;
    if (ws_doc_extract(buf, len, &doc, &err)) {
      fprintf(stderr, "whosaid: %s: %s\n", argv[i], err.msg);
      status = EXIT_INPUT;
      free(buf);
      continue;
    }
    print_doc_json(stdout, argv[i], doc);
    ws_doc_free(doc);
    free(buf);
  }
  return status;
}

int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "extract") == 0)
    return cmd_extract(argc - 1, argv + 1);
  if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
    printf("whosaid %s\n", WS_VERSION);
    return 0;
  }
  fprintf(stderr, "whosaid: usage: whosaid COMMAND ...\n");
  return EXIT_USAGE;
}
