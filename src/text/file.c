/*
 * file.c - reading input files.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "whosaid.h"

static int io_fail(ws_error *err, const char *what) {
  if (err) {
    err->code = WS_EIO;
    err->offset = -1;
    snprintf(err->msg, sizeof err->msg, "%s", what);
  }
  return WS_EIO;
}

int ws_file_read(const char *path, char **buf, size_t *len, ws_error *err) {
  *buf = NULL;
  *len = 0;
  /* O_NONBLOCK: a path that became a FIFO since the caller looked at it
   * must not block the open; it is refused below (no effect on a
   * regular file). */
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return io_fail(err, strerror(errno));
  int rc = WS_OK;
  char *data = NULL;
  struct stat st;
  if (fstat(fd, &st) != 0) {
    rc = io_fail(err, strerror(errno));
    goto out;
  }
  if (S_ISDIR(st.st_mode)) {
    rc = io_fail(err, "is a directory");
    goto out;
  }
  if (!S_ISREG(st.st_mode)) {
    rc = io_fail(err, "not a regular file");
    goto out;
  }
  /* Read to EOF rather than trusting st_size: the file may grow or shrink
   * while we read it. */
  size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
  data = malloc(cap);
  if (!data) {
    rc = io_fail(err, "out of memory");
    goto out;
  }
  for (;;) {
    if (n == cap) {
      if (cap > SIZE_MAX / 2) {
        rc = io_fail(err, "file too large");
        goto out;
      }
      char *nd = realloc(data, cap * 2);
      if (!nd) {
        rc = io_fail(err, "out of memory");
        goto out;
      }
      data = nd;
      cap *= 2;
    }
    ssize_t r = read(fd, data + n, cap - n);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      rc = io_fail(err, strerror(errno));
      goto out;
    }
    if (r == 0)
      break;
    n += (size_t)r;
  }
  *buf = data;
  *len = n;
  data = NULL;
out:
  free(data);
  close(fd);
  return rc;
}
