/* wm-json.h — a small JSON writer for the command line's reports
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes one JSON value (RFC 8259) into a string, indented by two spaces.
 * Every call takes @key: the member's name inside an object, NULL inside
 * an array and for the outermost value. The caller pairs each begin with
 * its end. */
typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  empty;  /* the innermost object or array has no member yet */
} WmJsonWriter;

void wm_json_writer_init  (WmJsonWriter *writer,
                           GString      *out);
void wm_json_begin_object (WmJsonWriter *writer,
                           const char   *key);
void wm_json_end_object   (WmJsonWriter *writer);
void wm_json_begin_array  (WmJsonWriter *writer,
                           const char   *key);
void wm_json_end_array    (WmJsonWriter *writer);
/* A NULL @value is written as null. */
void wm_json_string       (WmJsonWriter *writer,
                           const char   *key,
                           const char   *value);
/* The shortest text that reads back as @value, in the C locale; NaN and
 * infinities, which JSON cannot write, as null. */
void wm_json_number       (WmJsonWriter *writer,
                           const char   *key,
                           double        value);
void wm_json_uint         (WmJsonWriter *writer,
                           const char   *key,
                           guint         value);
void wm_json_boolean      (WmJsonWriter *writer,
                           const char   *key,
                           gboolean      value);
void wm_json_null         (WmJsonWriter *writer,
                           const char   *key);

G_END_DECLS
