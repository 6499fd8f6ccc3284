/* test-questionnaire.c — the Kujala scale scored item by item against the published points, the weekly due
 * day, the change against the MIC, the schema step, the store's round trip and hostile rows, the journal JSON
 * and --summary-json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "kj-exchange.h"
#include "kj-gen.h"
#include "kj-json.h"
#include "kj-report.h"
#include "kj-questionnaire.h"
#include "kj-store.h"
#include "kj-store-schema.h"
#include "kj-test-util.h"

/* the schema version that added the questionnaires (a later step must not move these tests) */
#define QUESTIONNAIRES_VERSION 6

/* The points of Kujala et al. 1993 (Arthroscopy 9:159–163), typed again here from the paper's form, item by
 * item and answer by answer, so that a slip in the table of kj-questionnaire.c shows */
static const int published[13][6] = {
  { 5, 3, 0, -1 },          /*  1 limp: none, slight or periodical, constant */
  { 5, 3, 0, -1 },          /*  2 support */
  { 5, 3, 2, 0, -1 },       /*  3 walking: unlimited, > 2 km, 1–2 km, unable */
  { 10, 8, 5, 0, -1 },      /*  4 stairs */
  { 5, 4, 3, 2, 0, -1 },    /*  5 squatting: …, partial weight bearing 2, unable */
  { 10, 8, 6, 3, 0, -1 },   /*  6 running */
  { 10, 7, 2, 0, -1 },      /*  7 jumping */
  { 10, 8, 6, 4, 0, -1 },   /*  8 prolonged sitting */
  { 10, 8, 6, 3, 0, -1 },   /*  9 pain */
  { 10, 8, 6, 4, 0, -1 },   /* 10 swelling */
  { 10, 6, 4, 2, 0, -1 },   /* 11 abnormal patellar movements */
  { 5, 3, 0, -1 },          /* 12 atrophy of thigh */
  { 5, 3, 0, -1 },          /* 13 flexion deficiency */
};

static KjQuestionnaire *
make_form (const char *date,
           const int   answers[13])
{
  KjQuestionnaire *q = kj_questionnaire_new (date, kj_instrument_lookup ("kujala"));

  for (guint i = 0; i < 13; i++)
    q->answers[i] = answers[i];

  return q;
}

static void
test_table (void)
{
  const KjInstrument *kujala = kj_instrument_lookup ("kujala");
  guint n;

  g_assert_nonnull (kujala);
  g_assert_true (kj_instrument_list (&n) == kujala);
  g_assert_cmpuint (n, >=, 1);
  g_assert_true (kj_instrument_default () == kujala);
  g_assert_null (kj_instrument_lookup ("koos"));
  g_assert_null (kj_instrument_lookup (NULL));
  g_assert_cmpuint (kujala->n_items, ==, 13);
  g_assert_cmpint (kujala->max_score, ==, 100);
  g_assert_cmpfloat (kujala->mic, ==, 10.0);

  for (guint item = 0; item < 13; item++)
    {
      guint n_published = 0;

      while (published[item][n_published] >= 0)
        n_published++;

      g_assert_cmpuint (kujala->items[item].n_options, ==, n_published);
      for (guint option = 0; option < n_published; option++)
        {
          g_assert_cmpint (kj_questionnaire_item_points (kujala, item, option), ==, published[item][option]);
          g_assert_nonnull (kj_questionnaire_option_text (kujala, item, option));
        }
      g_assert_cmpint (kj_questionnaire_item_points (kujala, item, n_published), ==, -1);
      g_assert_cmpint (kj_questionnaire_item_points (kujala, item, -1), ==, -1);
      g_assert_nonnull (kj_questionnaire_item_text (kujala, item));
    }
  g_assert_cmpint (kj_questionnaire_item_points (kujala, 13, 0), ==, -1);

  /* the disputed answers: constant limp 0 (not 2), squatting with partial weight bearing 2 (not 1) */
  g_assert_cmpint (kj_questionnaire_item_points (kujala, 0, 2), ==, 0);
  g_assert_cmpint (kj_questionnaire_item_points (kujala, 4, 3), ==, 2);
}

/* Each item alone: the best answer everywhere else, one item's answer changed, the score drops by exactly the
 * published points */
static void
test_score_item_by_item (void)
{
  static const int best[13] = { 0 };
  g_autoptr(KjQuestionnaire) full = make_form ("2026-03-02", best);

  g_assert_cmpint (kj_questionnaire_score (full), ==, 100);

  for (guint item = 0; item < 13; item++)
    for (guint option = 0; published[item][option] >= 0; option++)
      {
        g_autoptr(KjQuestionnaire) q = kj_questionnaire_copy (full);

        q->answers[item] = option;
        g_assert_true (kj_questionnaire_is_complete (q));
        g_assert_cmpint (kj_questionnaire_score (q), ==, 100 - published[item][0] + published[item][option]);
      }
}

static void
test_score_forms (void)
{
  static const int worst[13] = { 2, 2, 3, 3, 4, 4, 3, 4, 4, 4, 4, 2, 2 };
  /* hand-scored: slight limp 3, painful support 3, > 2 km 3, pain descending 8, repeated squatting 4,
   * pain after 2 km 8, slight difficulty jumping 7, pain after exercise sitting 8, slight pain 8,
   * swelling after severe exertion 8, no patellar movements 10, slight atrophy 3, no flexion deficit 5 = 78 */
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };
  /* constant limp 0, full support 5, 1–2 km 2, stairs unable 0, partial weight squatting 2, severe pain
   * running 3, constant pain jumping 2, forced to extend 4, interferes with sleep 6, every evening 4,
   * one dislocation 2, severe atrophy 0, slight flexion deficit 3 = 33 */
  static const int mixed2[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };
  g_autoptr(KjQuestionnaire) q0 = make_form ("2026-03-02", worst);
  g_autoptr(KjQuestionnaire) q1 = make_form ("2026-03-09", mixed1);
  g_autoptr(KjQuestionnaire) q2 = make_form ("2026-03-16", mixed2);

  g_assert_cmpint (kj_questionnaire_score (q0), ==, 0);
  g_assert_cmpint (kj_questionnaire_score (q1), ==, 78);
  g_assert_cmpint (kj_questionnaire_score (q2), ==, 33);

  /* an unanswered item: no score, not complete */
  q2->answers[7] = -1;
  g_assert_false (kj_questionnaire_is_complete (q2));
  g_assert_cmpint (kj_questionnaire_score (q2), ==, -1);
}

static void
test_validate (void)
{
  static const int best[13] = { 0 };
  g_autoptr(KjQuestionnaire) q = make_form ("2026-03-02", best);
  g_autoptr(GError) error = NULL;

  g_assert_false (kj_questionnaire_validate (q, &error));
  g_assert_cmpstr (error->message, ==, "id: a record needs an id");
  g_clear_error (&error);

  q->id = g_strdup ("q1");
  g_assert_true (kj_questionnaire_validate (q, &error));
  g_assert_no_error (error);

  q->answers[4] = 7;
  g_assert_false (kj_questionnaire_validate (q, &error));
  g_assert_cmpstr (error->message, ==, "answers[4]: 7 is not an answer of item 5 (0–4)");
  g_clear_error (&error);

  q->answers[4] = 0;
  q->n_answers = 12;
  g_assert_false (kj_questionnaire_validate (q, &error));
  g_assert_cmpstr (error->message, ==, "answers: kujala needs 13 answers, one for each item; found 12");
  g_clear_error (&error);

  q->n_answers = 13;
  g_strlcpy (q->date, "2026-02-30", sizeof q->date);
  g_assert_false (kj_questionnaire_validate (q, &error));
  g_assert_cmpstr (error->message, ==, "date: “2026-02-30” is not a real date (YYYY-MM-DD)");
}

static void
test_due (void)
{
  static const int best[13] = { 0 };
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_free);

  g_assert_true (kj_questionnaire_is_due (qs, "", "", "2026-03-02"));
  g_assert_true (kj_questionnaire_is_due (NULL, NULL, NULL, "2026-03-02"));

  g_ptr_array_add (qs, make_form ("2026-03-02", best));
  g_assert_false (kj_questionnaire_is_due (qs, "", "", "2026-03-02"));
  g_assert_false (kj_questionnaire_is_due (qs, "", "", "2026-03-08"));   /* 6 days */
  g_assert_true (kj_questionnaire_is_due (qs, "", "", "2026-03-09"));    /* 7 days */
  g_assert_true (kj_questionnaire_is_due (qs, "", "", "2026-04-30"));

  /* the range: a day outside it is never due; one before the range does not count */
  g_assert_false (kj_questionnaire_is_due (qs, "2026-03-10", "2026-03-31", "2026-04-01"));
  g_assert_false (kj_questionnaire_is_due (qs, "2026-03-10", "", "2026-03-09"));
  g_assert_true (kj_questionnaire_is_due (qs, "2026-03-05", "", "2026-03-05"));

  /* a later questionnaire (viewing a past day) does not make an earlier day not due */
  g_ptr_array_add (qs, make_form ("2026-03-20", best));
  g_assert_true (kj_questionnaire_is_due (qs, "", "", "2026-03-12"));
  g_assert_false (kj_questionnaire_is_due (qs, "", "", "2026-03-21"));
  g_assert_false (kj_questionnaire_is_due (qs, "", "", "not a date"));
}

static void
test_change (void)
{
  static const int worst[13] = { 2, 2, 3, 3, 4, 4, 3, 4, 4, 4, 4, 2, 2 };
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };     /* 78 */
  static const int mixed2[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };     /* 33 */
  static const int near[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 1, 2, 1 };       /* 37: +4 */
  static const int ten[13] = { 2, 0, 0, 3, 3, 3, 2, 3, 2, 1, 3, 2, 1 };        /* 33 + 3 + 4 = 40 */
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func ((GDestroyNotify) kj_questionnaire_free);
  g_autoptr(GPtrArray) summaries = NULL;
  KjQuestionnaireSummary *s;
  g_autofree char *text = NULL;

  summaries = kj_questionnaire_summarize (qs, "", "");
  g_assert_cmpuint (summaries->len, ==, 0);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  g_ptr_array_add (qs, make_form ("2026-03-16", mixed2));
  summaries = kj_questionnaire_summarize (qs, "", "");
  s = summaries->pdata[0];
  g_assert_cmpint (s->verdict, ==, KJ_QUESTIONNAIRE_CHANGE_UNKNOWN);
  g_assert_cmpint (s->first_score, ==, 33);
  text = kj_questionnaire_change_text (s);
  g_assert_cmpstr (text, ==, "Scored 33 on 16 March 2026. Fill it in again next week to see the change.");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  g_ptr_array_add (qs, make_form ("2026-03-23", near));
  summaries = kj_questionnaire_summarize (qs, "", "");
  s = summaries->pdata[0];
  g_assert_cmpint (s->change, ==, 4);
  g_assert_cmpint (s->verdict, ==, KJ_QUESTIONNAIRE_CHANGE_SAME);
  text = kj_questionnaire_change_text (s);
  g_assert_cmpstr (text, ==, "A change of 4 points since 16 March 2026 (33 → 37): less than the 10 points that "
                             "matter to patients.");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  /* exactly the MIC counts */
  g_ptr_array_add (qs, make_form ("2026-03-30", ten));
  g_assert_cmpint (kj_questionnaire_score (qs->pdata[2]), ==, 40);
  summaries = kj_questionnaire_summarize (qs, "", "");
  s = summaries->pdata[0];
  g_assert_cmpuint (s->questionnaires->len, ==, 3);
  g_assert_cmpint (s->change, ==, 7);
  g_assert_cmpint (s->verdict, ==, KJ_QUESTIONNAIRE_CHANGE_SAME);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  g_ptr_array_add (qs, make_form ("2026-04-06", mixed1));
  summaries = kj_questionnaire_summarize (qs, "", "");
  s = summaries->pdata[0];
  g_assert_cmpint (s->change, ==, 45);
  g_assert_cmpint (s->verdict, ==, KJ_QUESTIONNAIRE_CHANGE_BETTER);
  text = kj_questionnaire_change_text (s);
  g_assert_cmpstr (text, ==, "Up 45 points since 16 March 2026 (33 → 78): at least the 10 points that matter to "
                             "patients.");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  /* the range: from the 30th, 40 → 78; to the 23rd, 33 → 37 */
  summaries = kj_questionnaire_summarize (qs, "2026-03-30", "");
  s = summaries->pdata[0];
  g_assert_cmpint (s->first_score, ==, 40);
  g_assert_cmpint (s->change, ==, 38);
  g_clear_pointer (&summaries, g_ptr_array_unref);

  g_ptr_array_add (qs, make_form ("2026-04-13", worst));
  summaries = kj_questionnaire_summarize (qs, "2026-04-06", "2026-04-13");
  s = summaries->pdata[0];
  g_assert_cmpint (s->change, ==, -78);
  g_assert_cmpint (s->verdict, ==, KJ_QUESTIONNAIRE_CHANGE_WORSE);
  g_assert_cmpstr (kj_questionnaire_change_to_string (s->verdict), ==, "worse");
  text = kj_questionnaire_change_text (s);
  g_assert_cmpstr (text, ==, "Down 78 points since 6 April 2026 (78 → 0): at least the 10 points that matter to "
                             "patients.");
}

/* The schema step: the answers' CHECKs follow each item's number of answers */
static void
test_schema (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-schema.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  const char *bad[] = {
    "INSERT INTO questionnaires (id, date, instrument) VALUES ('x', '2026-03-02', 'koos')",
    "INSERT INTO questionnaires (id, date, instrument) VALUES ('x', '2026-02-30', 'kujala')",
    "INSERT INTO questionnaire_answers VALUES ('ok', 0, 3)",     /* limp has 3 answers */
    "INSERT INTO questionnaire_answers VALUES ('ok', 4, 5)",     /* squatting 5 */
    "INSERT INTO questionnaire_answers VALUES ('ok', 13, 0)",
    "INSERT INTO questionnaire_answers VALUES ('ok', 2, -1)",
    "INSERT INTO questionnaire_answers VALUES ('ok', 2, 'x')",
    "INSERT INTO questionnaire_answers VALUES ('ok', 1, 0)",     /* twice */
    "INSERT INTO questionnaires (id, date, instrument) VALUES ('y', '2026-03-02', 'kujala')",   /* same date */
  };

  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_nonnull (strstr (kj_store_migrations[QUESTIONNAIRES_VERSION - 1], "CREATE TABLE questionnaires"));
  g_clear_object (&store);

  g_assert_true (kj_test_exec_sql (path, "INSERT INTO questionnaires (id, date, instrument)"
                                         " VALUES ('ok', '2026-03-02', 'kujala');"
                                         "INSERT INTO questionnaire_answers VALUES ('ok', 0, 2);"
                                         "INSERT INTO questionnaire_answers VALUES ('ok', 1, 0);"
                                         "INSERT INTO questionnaire_answers VALUES ('ok', 4, 4);"));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (kj_test_exec_sql (path, bad[i]));
    }

  /* deleting a questionnaire deletes its answers */
  g_assert_true (kj_test_exec_sql (path, "PRAGMA foreign_keys = ON; DELETE FROM questionnaires WHERE id = 'ok';"
                                         "INSERT INTO questionnaires (id, date, instrument)"
                                         " VALUES ('ok', '2026-03-09', 'kujala');"
                                         "INSERT INTO questionnaire_answers VALUES ('ok', 0, 2);"));
}

/* A journal one step before the questionnaires migrates with its backup and keeps its records */
static void
test_migration (void)
{
  g_autofree char *old = kj_test_tmp_path ("q-old.db");
  g_autofree char *backup = g_strdup_printf ("%s.bak-v%d", old, QUESTIONNAIRES_VERSION - 1);
  GString *sql = g_string_new (NULL);
  g_autoptr(KjStore) store = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (int v = 0; v < QUESTIONNAIRES_VERSION - 1; v++)
    g_string_append (sql, kj_store_migrations[v]);
  g_string_append_printf (sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;"
                          "INSERT INTO days (id, date, pain) VALUES ('d1', '2026-03-04', 6);",
                          (int) KJ_STORE_APPLICATION_ID, QUESTIONNAIRES_VERSION - 1);
  g_unlink (old);
  g_unlink (backup);
  text = g_string_free (sql, FALSE);
  g_assert_true (kj_test_exec_sql (old, text));

  store = kj_store_open (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kj_store_get_schema_version (store), ==, KJ_STORE_SCHEMA_VERSION);
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journal->days->len, ==, 1);
  g_assert_cmpuint (journal->questionnaires->len, ==, 0);
}

static void
test_store_round_trip (void)
{
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };
  static const int mixed2[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-store.db");
  g_autoptr(KjQuestionnaire) a = make_form ("2026-03-09", mixed1);
  g_autoptr(KjQuestionnaire) b = make_form ("2026-03-02", mixed2);
  g_autoptr(KjQuestionnaire) same_day = make_form ("2026-03-09", mixed2);
  g_autoptr(KjQuestionnaire) bad = make_form ("2026-03-16", mixed2);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (kj_store_save_questionnaire (store, a, &error));
  g_assert_no_error (error);
  g_assert_nonnull (a->id);
  g_assert_true (kj_store_save_questionnaire (store, b, &error));

  list = kj_store_list_questionnaires (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_true (kj_questionnaire_equal (list->pdata[0], b));   /* by date */
  g_assert_true (kj_questionnaire_equal (list->pdata[1], a));
  g_assert_cmpint (kj_questionnaire_score (list->pdata[1]), ==, 78);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = kj_store_list_questionnaires (store, "2026-03-05", "2026-03-31", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KjQuestionnaire *) list->pdata[0])->id, ==, a->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* editing: the same id, other answers */
  a->answers[0] = 2;
  g_assert_true (kj_store_save_questionnaire (store, a, &error));
  list = kj_store_list_questionnaires (store, "2026-03-09", "2026-03-09", &error);
  g_assert_cmpint (kj_questionnaire_score (list->pdata[0]), ==, 75);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* another questionnaire for the same date replaces it */
  g_assert_true (kj_store_save_questionnaire (store, same_day, &error));
  list = kj_store_list_questionnaires (store, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KjQuestionnaire *) list->pdata[1])->id, ==, same_day->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* incomplete or out of range: refused in words, nothing stored */
  bad->answers[12] = -1;
  g_assert_false (kj_store_save_questionnaire (store, bad, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "answers[12]: -1 is not an answer of item 13 (0–2)");
  g_clear_error (&error);
  bad->answers[12] = 0;
  bad->n_answers = 5;
  g_assert_false (kj_store_save_questionnaire (store, bad, &error));
  g_clear_error (&error);
  list = kj_store_list_questionnaires (store, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* delete */
  g_assert_true (kj_store_delete_questionnaire (store, b->id, &error));
  g_assert_false (kj_store_delete_questionnaire (store, b->id, &error));
  g_assert_error (error, KJ_STORE_ERROR, KJ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = kj_store_list_questionnaires (store, NULL, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (kj_store_get_damage (store)->len, ==, 0);
}

/* Rows written behind the store's back, with the CHECKs off: each damaged
 * questionnaire is left out with a sentence, the good one is read, and the
 * file is not changed by reading */
static void
test_store_hostile (void)
{
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-hostile.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) damage = NULL;
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GString *sql = g_string_new ("PRAGMA ignore_check_constraints = ON;");
  g_autofree char *text = NULL;
  const char *expected[] = {
    "questionnaire of 2026-03-02: answers: item 13 has no answer",
    "questionnaire of 2026-03-03: answers[4]: 7 is not an answer of item 5 (0–4)",
    "questionnaire of 2026-03-04: answers: item 14 is not an item of kujala (1–13)",
    "questionnaire of 2026-03-05: answers[0]: 3 is not an answer of item 1 (0–2)",
    "questionnaire of 2026-03-06: instrument: “koos” is not a known value",
    "questionnaire of 2026-03-07: answers[0]: -1 is not an answer of item 1 (0–2)",
  };

  g_clear_object (&store);

  /* complete forms, then each damaged one way */
  for (int d = 1; d <= 7; d++)
    {
      g_string_append_printf (sql, "INSERT INTO questionnaires VALUES ('q%d', '2026-03-%02d', '%s');", d, d + 1,
                              d == 5 ? "koos" : "kujala");
      for (int item = 0; item < 13; item++)
        {
          if (d == 1 && item == 12)
            continue;   /* an item missing */
          if (d == 2 && item == 4)
            g_string_append_printf (sql, "INSERT INTO questionnaire_answers VALUES ('q%d', 4, 7);", d);
          else if (d == 4 && item == 0)
            g_string_append_printf (sql, "INSERT INTO questionnaire_answers VALUES ('q%d', 0, 3);", d);
          else if (d == 6 && item == 0)
            g_string_append_printf (sql, "INSERT INTO questionnaire_answers VALUES ('q%d', 0, -1);", d);
          else
            g_string_append_printf (sql, "INSERT INTO questionnaire_answers VALUES ('q%d', %d, 1);", d, item);
        }
      if (d == 3)
        g_string_append_printf (sql, "INSERT INTO questionnaire_answers VALUES ('q%d', 13, 0);", d);
    }
  text = g_string_free (sql, FALSE);
  g_assert_true (kj_test_exec_sql (path, text));
  before = kj_test_sha256_file (path);

  store = kj_store_open (path, &error);
  g_assert_no_error (error);
  list = kj_store_list_questionnaires (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((KjQuestionnaire *) list->pdata[0])->id, ==, "q7");
  g_assert_cmpint (kj_questionnaire_score (list->pdata[0]), ==, 3 + 3 + 3 + 8 + 4 + 8 + 7 + 8 + 8 + 8 + 6 + 3 + 3);

  damage = kj_store_get_damage (store);
  for (guint i = 0; i < damage->len; i++)
    g_test_message ("%s", (char *) damage->pdata[i]);
  g_assert_cmpuint (damage->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (damage->pdata[i], ==, expected[i]);

  /* the whole journal reads, and its export imports */
  journal = kj_store_read_journal (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (journal->questionnaires->len, ==, 1);
  g_clear_object (&store);
  after = kj_test_sha256_file (path);
  g_assert_cmpstr (before, ==, after);
}

static const char *
json_with (const char *questionnaires)
{
  static char *text;

  g_free (text);
  text = g_strdup_printf ("{\"format\": \"knee-journal\", \"version\": 3, \"questionnaires\": [%s]}",
                          questionnaires);
  return text;
}

static void
test_json (void)
{
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-json.db");
  g_autoptr(KjStore) other = kj_test_open_new_store ("q-json-2.db");
  g_autoptr(KjQuestionnaire) q = make_form ("2026-03-09", mixed1);
  g_autoptr(KjJournal) journal = NULL;
  g_autoptr(KjJournal) parsed = NULL;
  g_autoptr(KjJournal) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KjImportStats stats;

  g_assert_cmpint (KJ_JSON_VERSION, ==, 3);
  g_assert_true (kj_store_save_questionnaire (store, q, &error));
  journal = kj_store_read_journal (store, &error);
  text = kj_json_generate (journal, NULL);
  g_assert_nonnull (strstr (text, "\"version\" : 3"));
  g_assert_nonnull (strstr (text, "\"instrument\" : \"kujala\""));

  parsed = kj_json_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->questionnaires->len, ==, 1);
  g_assert_true (kj_questionnaire_equal (parsed->questionnaires->pdata[0], q));

  g_assert_true (kj_store_import (other, parsed, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.questionnaires.added, ==, 1);
  g_assert_true (kj_store_import (other, parsed, &stats, &error));
  g_assert_cmpuint (stats.questionnaires.added, ==, 0);
  g_assert_cmpuint (stats.questionnaires.unchanged, ==, 1);
  reread = kj_store_read_journal (other, &error);
  g_assert_cmpuint (reread->questionnaires->len, ==, 1);
  g_assert_true (kj_questionnaire_equal (reread->questionnaires->pdata[0], q));

  /* an id is derived when missing, the same on every import */
  {
    g_autoptr(KjJournal) j1 = NULL;
    g_autoptr(KjJournal) j2 = NULL;
    const char *no_id = json_with ("{\"date\": \"2026-03-02\", \"instrument\": \"kujala\","
                                   " \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]}");

    j1 = kj_json_parse (no_id, strlen (no_id), &error);
    g_assert_no_error (error);
    j2 = kj_json_parse (no_id, strlen (no_id), &error);
    g_assert_cmpstr (((KjQuestionnaire *) j1->questionnaires->pdata[0])->id, ==,
                     ((KjQuestionnaire *) j2->questionnaires->pdata[0])->id);
    g_assert_cmpint (kj_questionnaire_score (j1->questionnaires->pdata[0]), ==, 100);
  }
}

static void
test_json_errors (void)
{
  static const char *const cases[][2] = {
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]},"
      "{\"date\": \"2026-03-09\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]},"
      "{\"date\": \"2026-03-16\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,7,0,0,0,0,0,0,0,0]}",
      "questionnaires[2].answers[4]: 7 is not an answer of item 5 (0–4)" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].answers: kujala has 13 items, one answer for each; found 12 answers" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].answers: kujala has 13 items, one answer for each; found 14 answers" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\"}",
      "questionnaires[0].answers: a value is required" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,-1]}",
      "questionnaires[0].answers[12]: -1 is not an answer of item 13 (0–2)" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,\"1\",0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].answers[2]: expected a whole number, found text" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,1.5,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].answers[2]: expected a whole number, found a number" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,null,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].answers[2]: expected a whole number, found null" },
    { "{\"date\": \"2026-03-02\", \"instrument\": \"koos\", \"answers\": []}",
      "questionnaires[0].instrument: “koos” is not a known value" },
    { "{\"date\": \"2026-13-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]}",
      NULL },
    { "{\"id\": \"a\", \"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]},"
      "{\"id\": \"b\", \"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [1,0,0,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[1].date: questionnaires[0] already holds a questionnaire of 2026-03-02: kujala" },
    { "{\"id\": \"a b\", \"date\": \"2026-03-02\", \"instrument\": \"kujala\", \"answers\": [0,0,0,0,0,0,0,0,0,0,0,0,0]}",
      "questionnaires[0].id: “a b” may only hold letters, digits and - _ . :" },
    { "7", "questionnaires[0]: expected an object, found a number" },
  };
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-json-errors.db");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *text = json_with (cases[i][0]);
      g_autoptr(KjJournal) journal = NULL;
      g_autoptr(GError) error = NULL;

      journal = kj_json_parse (text, strlen (text), &error);
      g_assert_null (journal);
      g_assert_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (cases[i][1] != NULL)
        g_assert_cmpstr (error->message, ==, cases[i][1]);
      else
        g_assert_true (g_str_has_prefix (error->message, "questionnaires[0].date: "));
    }

  /* imported from a file: refused naming the record, and the journal as it was (a good questionnaire before
   * the bad one is not stored either) */
  {
    static const int best[13] = { 0 };
    g_autoptr(KjQuestionnaire) kept = make_form ("2026-02-23", best);
    g_autofree char *file = kj_test_tmp_path ("q-bad.json");
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(KjJournal) j1 = NULL;
    g_autoptr(KjJournal) j2 = NULL;
    g_autoptr(GError) error = NULL;
    KjImportStats stats;

    g_assert_true (kj_store_save_questionnaire (store, kept, &error));
    j1 = kj_store_read_journal (store, &error);
    before = kj_json_generate (j1, NULL);
    kj_test_write_file (file, json_with (cases[0][0]), -1);
    g_assert_false (kj_exchange_import (store, file, NULL, &stats, &error));
    g_assert_nonnull (strstr (error->message, "questionnaires[2].answers[4]: 7 is not an answer of item 5 (0–4)"));
    j2 = kj_store_read_journal (store, NULL);
    after = kj_json_generate (j2, NULL);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpuint (j2->questionnaires->len, ==, 1);
  }

  /* a version-2 reader's limit: a version-4 file is refused by its number */
  {
    const char *newer = "{\"format\": \"knee-journal\", \"version\": 4}";
    g_autoptr(GError) error = NULL;

    g_assert_null (kj_json_parse (newer, strlen (newer), &error));
    g_assert_error (error, KJ_IMPORT_ERROR, KJ_IMPORT_ERROR_TOO_NEW);
  }
}

static void
test_summary_json (void)
{
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };   /* 78 */
  static const int mixed2[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };   /* 33 */
  g_autoptr(KjStore) store = kj_test_open_new_store ("q-summary.db");
  g_autofree char *path = g_strdup (kj_store_get_path (store));
  g_autoptr(KjQuestionnaire) a = make_form ("2026-03-02", mixed2);
  g_autoptr(KjQuestionnaire) b = make_form ("2026-03-09", mixed1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(KjTestRun) run = { 0 };
  JsonObject *root, *q;
  JsonArray *list, *scores;

  kj_test_save_pain (store, "2026-03-02", 5);
  g_assert_true (kj_store_save_questionnaire (store, a, &error));
  g_assert_true (kj_store_save_questionnaire (store, b, &error));
  g_clear_object (&store);

  kj_test_run_cli (&run, NULL, "--db", path, "--summary-json", "--as-of", "2026-03-10", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "as_of"), ==, "2026-03-10");
  list = json_object_get_array_member (root, "questionnaires");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  q = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (q, "instrument"), ==, "kujala");
  g_assert_cmpfloat (json_object_get_double_member (q, "mic"), ==, 10.0);
  g_assert_cmpint (json_object_get_int_member (q, "count"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (q, "first_date"), ==, "2026-03-02");
  g_assert_cmpint (json_object_get_int_member (q, "first_score"), ==, 33);
  g_assert_cmpint (json_object_get_int_member (q, "last_score"), ==, 78);
  g_assert_cmpint (json_object_get_int_member (q, "change"), ==, 45);
  g_assert_cmpstr (json_object_get_string_member (q, "meaningful"), ==, "better");
  scores = json_object_get_array_member (q, "scores");
  g_assert_cmpuint (json_array_get_length (scores), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (scores, 1), "score"), ==, 78);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (scores, 1), "id"), ==, b->id);

  /* exported and imported by the command line: counted on a line of their own */
  {
    g_autofree char *file = kj_test_tmp_path ("q-export.json");
    g_autofree char *other = kj_test_tmp_path ("q-import.db");
    g_auto(KjTestRun) export = { 0 };
    g_auto(KjTestRun) import = { 0 };
    g_auto(KjTestRun) again = { 0 };

    g_unlink (other);
    kj_test_run_cli (&export, NULL, "--db", path, "--export-json", file, NULL);
    g_assert_cmpint (export.status, ==, 0);
    kj_test_run_cli (&import, NULL, "--db", other, "--import-json", file, NULL);
    g_assert_cmpint (import.status, ==, 0);
    g_assert_nonnull (strstr (import.out, "questionnaires: 2 added, 0 updated, 0 unchanged"));
    kj_test_run_cli (&again, NULL, "--db", other, "--import-json", file, NULL);
    g_assert_nonnull (strstr (again.out, "questionnaires: 0 added, 0 updated, 2 unchanged"));
  }
}

static char *
run_text (const char *command)
{
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The report's section: the change against the MIC, the chart and a table of the scores; pages kept as PNG
 * (build/screenshots/questionnaire-report-N.png) to look at */
static void
test_report (void)
{
  static const int mixed1[13] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0 };   /* 78 */
  static const int mixed2[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 3, 2, 1 };   /* 33 */
  static const int near[13] = { 2, 0, 2, 3, 3, 3, 2, 3, 2, 3, 1, 2, 1 };     /* 37 */
  g_autoptr(KjJournal) journal = kj_gen_journal (3, 42, "improving", "2026-04-12", NULL);
  g_autofree char *pdf = kj_test_tmp_path ("q-report.pdf");
  g_autofree char *dir = g_build_filename (g_getenv ("KJ_BUILD_ROOT"), "screenshots", NULL);
  g_autofree char *prefix = g_build_filename (dir, "questionnaire-report", NULL);
  g_autofree char *text = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  KjReportOptions options = { .as_of = "2026-04-12", .made_on = "2026-04-12" };
  guint n_pages = 0, n_without = 0;
  const int *forms[] = { mixed2, near, mixed1 };
  const char *dates[] = { "2026-03-16", "2026-03-23", "2026-04-06" };

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");

  if (pdftotext == NULL || pdftoppm == NULL)
    {
      g_test_skip ("needs pdftotext and pdftoppm (poppler-utils)");
      return;
    }

  g_assert_true (kj_report_write (journal, &options, pdf, NULL, &n_without, &error));
  g_assert_no_error (error);
  text = run_text ((command = g_strdup_printf ("pdftotext -enc UTF-8 '%s' -", pdf)));
  g_assert_null (strstr (text, "Knee questionnaire"));   /* never filled in: no section */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&command, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      KjQuestionnaire *q = make_form (dates[i], forms[i]);

      q->id = g_strdup_printf ("q%u", i);
      g_ptr_array_add (journal->questionnaires, q);
    }

  g_assert_true (kj_report_write (journal, &options, pdf, NULL, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, n_without);
  text = run_text ((command = g_strdup_printf ("pdftotext -enc UTF-8 -nopgbrk '%s' -", pdf)));
  g_test_message ("%s", strstr (text, "Knee questionnaire") ? strstr (text, "Knee questionnaire") : text);
  g_assert_nonnull (strstr (text, "Knee questionnaire"));
  g_assert_nonnull (strstr (text, "Up 45 points since"));
  g_assert_nonnull (strstr (text, "(33 → 78): at least the 10 points that matter to patients."));
  g_assert_nonnull (strstr (text, "78 of 100"));
  g_assert_nonnull (strstr (text, "+45"));
  g_assert_nonnull (strstr (text, "+4"));

  /* a period after the last: the section says so */
  {
    KjReportOptions later = { .from = "2026-04-07", .to = "2026-04-12", .as_of = "2026-04-12",
                              .made_on = "2026-04-12" };
    g_autofree char *later_text = NULL;
    g_autofree char *later_command = NULL;

    g_assert_true (kj_report_write (journal, &later, pdf, NULL, &n_pages, &error));
    later_text = run_text ((later_command = g_strdup_printf ("pdftotext -enc UTF-8 -nopgbrk '%s' -", pdf)));
    g_assert_nonnull (strstr (later_text, "No questionnaire in this period."));
  }

  /* the whole period again, as pictures */
  g_assert_true (kj_report_write (journal, &options, pdf, NULL, &n_pages, &error));
  g_mkdir_with_parents (dir, 0755);
  g_free (run_text ((command = (g_free (command), g_strdup_printf ("pdftoppm -r 60 -png '%s' '%s'", pdf, prefix)))));
  g_test_message ("report pages: %s-N.png (%u pages)", prefix, n_pages);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/questionnaire/table", test_table);
  g_test_add_func ("/questionnaire/score-item-by-item", test_score_item_by_item);
  g_test_add_func ("/questionnaire/score-forms", test_score_forms);
  g_test_add_func ("/questionnaire/validate", test_validate);
  g_test_add_func ("/questionnaire/due", test_due);
  g_test_add_func ("/questionnaire/change", test_change);
  g_test_add_func ("/questionnaire/schema", test_schema);
  g_test_add_func ("/questionnaire/migration", test_migration);
  g_test_add_func ("/questionnaire/store", test_store_round_trip);
  g_test_add_func ("/questionnaire/store-hostile", test_store_hostile);
  g_test_add_func ("/questionnaire/json", test_json);
  g_test_add_func ("/questionnaire/json-errors", test_json_errors);
  g_test_add_func ("/questionnaire/summary-json", test_summary_json);
  g_test_add_func ("/questionnaire/report", test_report);

  return g_test_run ();
}
