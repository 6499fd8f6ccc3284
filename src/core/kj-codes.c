/* kj-codes.c — the code lists of doc/data-model.md: the codes, their labels, and what they mean to the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records keep codes as pointers into these static tables (kj_code_lookup()),
 * so they never need to be freed. What the rules need to know of a code is
 * here too: which symptoms are urgent, which drugs are oral NSAIDs and their
 * over-the-counter daily maxima (doc/data-model.md, “Red flags” and “Medication”).
 */
#define G_LOG_DOMAIN "knee-journal-codes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kj-types.h"

static const KjCode side_codes[] = {
  { "left",  N_("Left") },
  { "right", N_("Right") },
};

static const KjCode affected_side_codes[] = {
  { "left",  N_("Left") },
  { "right", N_("Right") },
  { "both",  N_("Both") },
};

static const KjCode unit_codes[] = {
  { "km", N_("Kilometres") },
  { "mi", N_("Miles") },
};

static const KjCode symptom_codes[] = {
  { "swelling",         N_("Swelling") },
  { "stiffness",        N_("Stiffness") },
  { "clicking",         N_("Clicking") },
  { "grinding",         N_("Grinding") },
  { "locking",          N_("Locking") },
  { "giving-way",       N_("Giving way") },
  { "night-pain",       N_("Pain at night") },
  { "fever",            N_("Fever") },
  { "cant-bear-weight", N_("Can’t bear weight") },
  { "injury",           N_("Started with a fall, twist or blow") },
};

static const KjCode aggravator_codes[] = {
  { "running",     N_("Running") },
  { "downhill",    N_("Running downhill") },
  { "stairs-up",   N_("Climbing stairs") },
  { "stairs-down", N_("Going down stairs") },
  { "squatting",   N_("Squatting") },
  { "kneeling",    N_("Kneeling") },
  { "sitting",     N_("Sitting for long") },
  { "walking",     N_("Walking") },
  { "cycling",     N_("Cycling") },
};

static const KjCode treatment_kind_codes[] = {
  { "ice",          N_("Ice") },
  { "heat",         N_("Heat") },
  { "medication",   N_("Medication") },
  { "exercise",     N_("Exercise") },
  { "stretching",   N_("Stretching") },
  { "foam-rolling", N_("Foam rolling") },
  { "massage",      N_("Massage") },
  { "rest",         N_("Rest") },
  { "compression",  N_("Compression") },
  { "elevation",    N_("Elevation") },
  { "physio",       N_("Physiotherapy") },
  { "insoles",      N_("Insoles") },
  { "brace",        N_("Brace or tape") },
  { "injection",    N_("Injection") },
  { "other",        N_("Other") },
};

static const KjCode drug_codes[] = {
  { "ibuprofen",     N_("Ibuprofen") },
  { "naproxen",      N_("Naproxen") },
  { "diclofenac",    N_("Diclofenac") },
  { "diclofenac-gel", N_("Diclofenac gel") },
  { "aspirin",       N_("Aspirin") },
  { "paracetamol",   N_("Paracetamol") },
  { "other",         N_("Other medicine") },
};

static const KjCode exercise_codes[] = {
  { "single-leg-bridge",  N_("Single-leg bridge") },
  { "hamstring-bridge",   N_("Hamstring bridge") },
  { "split-squat",        N_("Split squat") },
  { "clamshell",          N_("Clamshell") },
  { "side-leg-raise",     N_("Side-lying leg raise") },
  { "straight-leg-raise", N_("Straight-leg raise") },
  { "wall-sit",           N_("Wall sit") },
  { "step-down",          N_("Step-down") },
  { "calf-raise",         N_("Calf raise") },
  { "quad-stretch",       N_("Quadriceps stretch") },
  { "hamstring-stretch",  N_("Hamstring stretch") },
  { "hip-flexor-stretch", N_("Hip flexor stretch") },
  { "it-band-stretch",    N_("IT band stretch") },
  { "other",              N_("Other exercise") },
};

static const KjCode region_codes[] = {
  { "quadriceps-tendon",  N_("Above the kneecap") },
  { "patella",            N_("Kneecap") },
  { "medial-patella",     N_("Inner edge of the kneecap") },
  { "lateral-patella",    N_("Outer edge of the kneecap") },
  { "patellar-tendon",    N_("Below the kneecap") },
  { "tibial-tuberosity",  N_("Bump below the knee") },
  { "medial-joint-line",  N_("Inner joint line") },
  { "pes-anserine",       N_("Inner shin below the joint") },
  { "mcl",                N_("Inner side ligament") },
  { "lateral-joint-line", N_("Outer joint line") },
  { "it-band",            N_("Outer side above the joint (IT band)") },
  { "fibular-head",       N_("Outer side below the joint") },
  { "popliteal",          N_("Back of the knee") },
  { "medial-hamstring",   N_("Inner hamstring tendons") },
  { "lateral-hamstring",  N_("Outer hamstring tendon") },
  { "calf",               N_("Top of the calf") },
};

static const struct {
  const KjCode *codes;
  guint         n_codes;
} code_lists[KJ_N_CODE_LISTS] = {
  [KJ_CODE_SIDE]           = { side_codes, G_N_ELEMENTS (side_codes) },
  [KJ_CODE_AFFECTED_SIDE]  = { affected_side_codes, G_N_ELEMENTS (affected_side_codes) },
  [KJ_CODE_UNITS]          = { unit_codes, G_N_ELEMENTS (unit_codes) },
  [KJ_CODE_SYMPTOM]        = { symptom_codes, G_N_ELEMENTS (symptom_codes) },
  [KJ_CODE_AGGRAVATOR]     = { aggravator_codes, G_N_ELEMENTS (aggravator_codes) },
  [KJ_CODE_TREATMENT_KIND] = { treatment_kind_codes, G_N_ELEMENTS (treatment_kind_codes) },
  [KJ_CODE_DRUG]           = { drug_codes, G_N_ELEMENTS (drug_codes) },
  [KJ_CODE_EXERCISE]       = { exercise_codes, G_N_ELEMENTS (exercise_codes) },
  [KJ_CODE_REGION]         = { region_codes, G_N_ELEMENTS (region_codes) },
};

const KjCode *
kj_code_list (KjCodeList  list,
              guint      *n_codes)
{
  g_return_val_if_fail (list < KJ_N_CODE_LISTS, NULL);

  if (n_codes != NULL)
    *n_codes = code_lists[list].n_codes;

  return code_lists[list].codes;
}

/* Returns the table's own copy of @code, or NULL when it is not in @list. */
const char *
kj_code_lookup (KjCodeList  list,
                const char *code)
{
  g_return_val_if_fail (list < KJ_N_CODE_LISTS, NULL);

  if (code == NULL)
    return NULL;

  /* a record's code is most often the table's own (the first test); the
   * first letters tell most others apart without a call */
  for (guint i = 0; i < code_lists[list].n_codes; i++)
    {
      const char *own = code_lists[list].codes[i].code;

      if (own == code || (own[0] == code[0] && strcmp (own, code) == 0))
        return own;
    }

  return NULL;
}

/* The translated label of @code, or @code itself when it is unknown. */
const char *
kj_code_label (KjCodeList  list,
               const char *code)
{
  g_return_val_if_fail (list < KJ_N_CODE_LISTS, NULL);

  for (guint i = 0; code != NULL && i < code_lists[list].n_codes; i++)
    {
      if (strcmp (code_lists[list].codes[i].code, code) == 0)
        return _(code_lists[list].codes[i].label);
    }

  return code;
}

gboolean
kj_symptom_is_urgent (const char *symptom)
{
  return g_strcmp0 (symptom, "locking") == 0 ||
         g_strcmp0 (symptom, "fever") == 0 ||
         g_strcmp0 (symptom, "cant-bear-weight") == 0;
}

gboolean
kj_drug_is_nsaid (const char *drug)
{
  return g_strcmp0 (drug, "ibuprofen") == 0 ||
         g_strcmp0 (drug, "naproxen") == 0 ||
         g_strcmp0 (drug, "diclofenac") == 0 ||
         g_strcmp0 (drug, "diclofenac-gel") == 0 ||
         g_strcmp0 (drug, "aspirin") == 0;
}

gboolean
kj_drug_is_oral (const char *drug)
{
  return drug != NULL && g_strcmp0 (drug, "diclofenac-gel") != 0;
}

/* The over-the-counter daily maximum of doc/data-model.md, “Medication”, or 0 when there is none. */
int
kj_drug_daily_max_mg (const char *drug)
{
  if (g_strcmp0 (drug, "ibuprofen") == 0)
    return 1200;
  if (g_strcmp0 (drug, "naproxen") == 0)
    return 660;
  if (g_strcmp0 (drug, "aspirin") == 0)
    return 4000;
  if (g_strcmp0 (drug, "paracetamol") == 0)
    return 4000;
  return 0;
}

/* Whether a treatment of @kind is part of a daily routine that “Same as
 * Yesterday” repeats (doc/data-model.md, “Routine treatments”): what is
 * done again the same way, such as ice or exercises. A medicine is not: a
 * dose is taken, not repeated by a click; nor are an injection, a physio
 * appointment or “other”, which are occasions. */
gboolean
kj_treatment_kind_is_routine (const char *kind)
{
  static const char * const routine[] = {
    "ice", "heat", "exercise", "stretching", "foam-rolling", "massage", "compression", "elevation",
    "brace", "insoles", "rest",
  };

  for (guint i = 0; i < G_N_ELEMENTS (routine); i++)
    {
      if (g_strcmp0 (kind, routine[i]) == 0)
        return TRUE;
    }

  return FALSE;
}
