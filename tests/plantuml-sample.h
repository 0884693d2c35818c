/* plantuml-sample.h — projects and texts the PlantUML tests share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-model.h"

G_BEGIN_DECLS

/* A project with one use-case diagram of @n_use_cases use cases (at least
 * 12) that holds every construct the PlantUML export writes: plain and
 * punctuated names, quotes, keywords as names, duplicate names, actors of
 * every kind and with stereotypes, a subject with a stereotype holding
 * nested packages, extension points, associations with multiplicities,
 * include, extend with condition and extension point, generalization of
 * actors and of use cases, notes anchored to none, one or two elements and
 * a note whose text holds "end note". */
WmProject *plantuml_sample_project (guint n_use_cases);

/* PlantUML text of one diagram with @n_use_cases use cases in a system
 * rectangle, grouped in packages of 20, used by n_use_cases / 10 actors,
 * with includes and extends between neighbours. */
char      *plantuml_sample_text    (guint n_use_cases);

G_END_DECLS
