/* kj-trends-page.c — the Trends page: the verdict, the chart, where it hurt, warnings, week by week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal is read and assessed when the page is shown (and again after
 * it changed); the chart and the knee maps then draw from memory.
 */
#define G_LOG_DOMAIN "knee-journal-trends"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kj-a11y.h"
#include "kj-adherence-chart.h"
#include "kj-application.h"
#include "kj-assessment.h"
#include "kj-associations.h"
#include "kj-chart.h"
#include "kj-format.h"
#include "kj-gtk-util.h"
#include "kj-knee-render.h"
#include "kj-report.h"
#include "kj-theme.h"
#include "kj-trends-page.h"
#include "kj-questionnaire-section.h"
#include "kj-week-table.h"

typedef enum
{
  RANGE_4_WEEKS,
  RANGE_3_MONTHS,
  RANGE_1_YEAR,
  RANGE_ALL,
  RANGE_TREATMENT,
  N_RANGES
} Range;

static const char *range_labels[N_RANGES] = {
  N_("4 Weeks"), N_("3 Months"), N_("1 Year"), N_("All"), N_("Since Treatment Start"),
};

struct _KjTrendsPage
{
  GtkWidget        parent_instance;

  KjStore         *store;
  KjJournal       *full;           /* the whole journal, as read */
  KjJournal       *journal;        /* the records of the episode shown (borrowed from full) */
  char            *episode_id;     /* the episode chosen; NULL: the current one */
  gboolean         filling;        /* the episode list is being filled */
  KjAssessment    *assessment;
  KjUnits          units;
  Range            range;
  gboolean         loaded;
  char             today[11];
  char             until[11];     /* the last day shown: today, or a resolved episode's end */
  double           weights[2][KJ_N_REGIONS];

  GtkToggleButton *range_buttons[N_RANGES];

  /* template widgets */
  GtkWidget       *episode_box;
  GtkDropDown     *episode_dropdown;
  GtkWidget       *verdict_card;
  GtkImage        *verdict_icon;
  GtkLabel        *verdict_title;
  GtkLabel        *verdict_message;
  GtkLabel        *why_label;
  GtkLabel        *disclaimer_label;
  GtkBox          *range_box;
  GtkDropDown     *range_dropdown;
  KjChart         *chart;
  GtkFlowBox      *maps_box;
  GtkWidget       *warnings_group;
  GtkListBox      *warnings_list;
  KjWeekTable     *week_table;
  GtkWidget       *running_group;
  GtkListBox      *running_list;
  GtkWidget       *return_group;
  GtkWidget       *shoes_group;
  GtkListBox      *shoes_list;
  GtkListBox      *return_list;
  KjQuestionnaireSection *questionnaire_section;
  GtkWidget       *helps_group;
  GtkListBox      *helps_list;
  GtkWidget       *adherence_group;
  KjAdherenceChart *adherence_chart;
};

G_DEFINE_FINAL_TYPE (KjTrendsPage, kj_trends_page, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chart_day_activated (KjChart      *chart,
                     const char   *date,
                     KjTrendsPage *self)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, date);
}

/* The verdict card */

static void
update_verdict (KjTrendsPage *self)
{
  const char *css[] = { "kj-verdict-good", "kj-verdict-neutral", "kj-verdict-bad" };
  const char *title, *icon, *tone;

  switch (self->assessment->verdict)
    {
    case KJ_VERDICT_IMPROVING:
      title = _("Improving"), icon = "emblem-ok-symbolic", tone = css[0];
      break;
    case KJ_VERDICT_WORSENING:
      title = _("Getting Worse"), icon = "dialog-warning-symbolic", tone = css[2];
      break;
    case KJ_VERDICT_SEE_DOCTOR:
      title = _("See a Doctor"), icon = "dialog-warning-symbolic", tone = css[2];
      break;
    case KJ_VERDICT_TOO_EARLY:
      title = _("Too Early to Tell"), icon = "hourglass-symbolic", tone = css[1];
      break;
    case KJ_VERDICT_NOT_ENOUGH_DATA:
      title = _("Not Enough Data"), icon = "document-edit-symbolic", tone = css[1];
      break;
    case KJ_VERDICT_NO_CHANGE:
    default:
      title = _("No Clear Change Yet"), icon = "view-more-horizontal-symbolic", tone = css[1];
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (css); i++)
    gtk_widget_remove_css_class (self->verdict_card, css[i]);
  gtk_widget_add_css_class (self->verdict_card, tone);

  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_title, title);
  gtk_label_set_text (self->verdict_message, self->assessment->message);
  gtk_label_set_text (self->disclaimer_label, kj_assessment_disclaimer ());

  {
    g_auto(GStrv) why = kj_assessment_explain (self->assessment);
    g_autofree char *text = g_strjoinv ("\n\n", why);

    gtk_label_set_text (self->why_label, text);
  }
}

/* The rules behind the verdict, with their sources, in the manual */
static void
why_help_clicked (KjTrendsPage *self)
{
  kj_application_show_help (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), "assessment");
}

/* The knee maps */

static void
draw_map (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  KjTrendsPage *self = g_object_get_data (G_OBJECT (area), "page");
  KjView view = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "view"));
  KjSide side = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "side"));
  KjKneeModel model;
  KjKneeStyle style;

  kj_theme_knee_style (GTK_WIDGET (area), &style);
  kj_knee_model_init (&model, view, side);
  model.use_weights = TRUE;
  model.show_labels = height > 320;
  memcpy (model.weights, self->weights[side], sizeof model.weights);
  kj_knee_render (cr, &model, width, height - 20, &style);

  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
    g_autofree char *label = g_strdup_printf ("%s · %s", side == KJ_SIDE_LEFT ? _("Left knee") : _("Right knee"),
                                              view == KJ_VIEW_FRONT ? _("front") : _("back"));
    int tw, th;

    pango_layout_set_text (layout, label, -1);
    pango_layout_get_pixel_size (layout, &tw, &th);
    cairo_set_source_rgba (cr, style.foreground.red, style.foreground.green, style.foreground.blue, 0.8);
    cairo_move_to (cr, (width - tw) / 2.0, height - th);
    pango_cairo_show_layout (cr, layout);
  }
}

static void
update_maps (KjTrendsPage *self,
             const char   *from)
{
  double max = 0;
  gboolean sides[2] = { FALSE, FALSE };

  memset (self->weights, 0, sizeof self->weights);
  for (guint i = 0; i < self->journal->days->len; i++)
    {
      const KjDay *day = g_ptr_array_index (self->journal->days, i);

      if (strcmp (day->date, from) < 0 || strcmp (day->date, self->until) > 0)
        continue;

      for (guint l = 0; l < day->locations->len; l++)
        {
          const KjLocation *loc = &g_array_index (day->locations, KjLocation, l);
          KjSide side = g_str_equal (loc->side, "left") ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT;
          int region = kj_region_from_code (loc->region);

          self->weights[side][region] += 1;
          max = MAX (max, self->weights[side][region]);
          sides[side] = TRUE;
        }
    }

  for (int s = 0; s < 2; s++)
    for (int r = 0; r < KJ_N_REGIONS; r++)
      self->weights[s][r] = max > 0 ? self->weights[s][r] / max : 0;

  /* no marks at all: show the affected knee empty */
  if (!sides[0] && !sides[1])
    sides[g_strcmp0 (self->journal->profile->affected_side, "left") == 0 ? KJ_SIDE_LEFT : KJ_SIDE_RIGHT] = TRUE;

  kj_flow_box_clear (self->maps_box);
  /* as many in a row as there are maps, where they fit: each gets its share of the width */
  gtk_flow_box_set_max_children_per_line (self->maps_box, 2 * (sides[0] + sides[1]));

  for (int s = KJ_SIDE_RIGHT; s >= KJ_SIDE_LEFT; s--)
    for (int v = KJ_VIEW_FRONT; v <= KJ_VIEW_BACK; v++)
      {
        GtkWidget *area;

        if (!sides[s])
          continue;

        area = gtk_drawing_area_new ();
        gtk_widget_set_size_request (area, 140, 220);
        g_object_set_data (G_OBJECT (area), "page", self);
        g_object_set_data (G_OBJECT (area), "view", GINT_TO_POINTER (v));
        g_object_set_data (G_OBJECT (area), "side", GINT_TO_POINTER (s));
        gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_map, NULL, NULL);
        gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Map of how often each place of the knee was marked"), -1);
        gtk_flow_box_append (self->maps_box, area);
        /* a picture, not a place to stop on with Tab */
        gtk_widget_set_focusable (gtk_widget_get_parent (area), FALSE);
      }
}

/* Warnings */

static void
add_warning (KjTrendsPage *self,
             const char   *date,
             const char   *title,
             const char   *subtitle,
             const char   *icon)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *full = g_strdup_printf ("%s · %s", date, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->warnings_list, row);
}

static void
update_warnings (KjTrendsPage *self,
                 const char   *from)
{
  const KjAssessment *a = self->assessment;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))) != NULL)
    gtk_list_box_remove (self->warnings_list, child);

  for (guint i = 0; i < a->red_flags->len; i++)
    {
      const KjRedFlag *f = &g_array_index (a->red_flags, KjRedFlag, i);

      if (strcmp (f->date, from) < 0)
        continue;
      add_warning (self, f->date, kj_code_label (KJ_CODE_SYMPTOM, f->symptom),
                   f->urgent ? _("A warning sign: see a doctor now") : _("A warning sign: see a doctor or physiotherapist soon"),
                   "dialog-warning-symbolic");
      n++;
    }

  for (guint i = 0; i < a->load_warnings->len; i++)
    {
      const KjLoadWarning *w = &g_array_index (a->load_warnings, KjLoadWarning, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *km = kj_format_distance (w->km, self->units);
      g_autofree char *previous = kj_format_distance (w->previous_km, self->units);

      if (strcmp (w->date, from) < 0)
        continue;
      if (g_str_equal (w->type, "weekly-increase"))
        /* Translators: “12.0 km this week, 50 % more than the 8.0 km of the week before; …” */
        subtitle = g_strdup_printf (_("%s this week, %.0f %% more than the %s of the week before; "
                                      "more than 30 %% a week raises the risk of injury"),
                                    km, 100 * (w->km / w->previous_km - 1), previous);
      else
        /* Translators: “A run of 8.5 km, 21 % longer than …” */
        subtitle = g_strdup_printf (_("A run of %s, %.0f %% longer than the longest of the 30 days before (%s); "
                                      "more than 10 %% raises the risk of injury"),
                                    km, 100 * (w->km / w->previous_km - 1), previous);
      add_warning (self, w->date, g_str_equal (w->type, "weekly-increase") ? _("Sharp rise in weekly distance")
                                                                            : _("Long run much longer than before"),
                   subtitle, "kj-run-symbolic");
      n++;
    }

  for (guint i = 0; i < a->medication_warnings->len; i++)
    {
      const KjMedicationWarning *w = &g_array_index (a->medication_warnings, KjMedicationWarning, i);
      g_autofree char *subtitle = NULL;
      const char *title;

      if (strcmp (w->date, from) < 0)
        continue;
      title = kj_report_describe_medication_warning (w, &subtitle);
      add_warning (self, w->date, title, subtitle, "kj-medication-symbolic");
      n++;
    }

  gtk_widget_set_visible (self->warnings_group, n > 0);
}

/* Running and pain */

static void
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle,
         const char *icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (list, row);
}

static char *
describe_run (const KjRunPain *rp,
              KjUnits          units)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *km = kj_format_distance (rp->km, units);

  g_string_append (text, km);
  if (!isnan (rp->descent_m))
    {
      g_autofree char *descent = kj_format_descent (rp->descent_m, units);

      /* Translators: after the distance of a run, “8.2 km, 120 m downhill” */
      g_string_append_printf (text, _(", %s downhill"), descent);
    }
  if (rp->pain_during != KJ_UNSET)
    g_string_append_printf (text, _(" · pain during %d"), rp->pain_during);
  if (rp->pain_after != KJ_UNSET)
    g_string_append_printf (text, _(" · after %d"), rp->pain_after);
  if (rp->next_day != KJ_UNSET)
    g_string_append_printf (text, _(" · next day %d"), rp->next_day);
  if (!isnan (rp->usual))
    g_string_append_printf (text, _(" (usually %.1f)"), rp->usual);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Pain after runs by shoe, over the range shown: the pairs with enough run
 * days, else why there are none yet; hidden without runs in any pair */
static void
update_shoes (KjTrendsPage *self,
              const char   *from)
{
  g_autoptr(GArray) pairs = NULL;

  kj_list_box_clear (self->shoes_list);
  if (self->journal->shoes == NULL)
    {
      gtk_widget_set_visible (self->shoes_group, FALSE);
      return;
    }

  pairs = kj_series_shoe_pain (self->journal->days, self->journal->runs, self->journal->shoes, from, self->until);
  if (!kj_series_shoe_pain_any_enough (pairs))
    {
      g_autofree char *why = kj_shoe_pain_why_not (pairs);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not enough runs in each pair yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_list_box_append (self->shoes_list, row);
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const KjShoePain *sp = &g_array_index (pairs, KjShoePain, i);
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;

      if (!sp->enough)
        continue;
      title = kj_shoe_pain_title (sp);
      detail = kj_shoe_pain_detail (sp);
      add_row (self->shoes_list, title, detail, "kj-run-symbolic");
    }

  gtk_widget_set_visible (self->shoes_group, pairs->len > 0);
}

static void
update_running (KjTrendsPage *self,
                const char   *from)
{
  const KjAssessment *a = self->assessment;
  g_autoptr(GArray) runs = kj_series_run_pain (self->journal->days, self->journal->runs, from, self->until);
  g_autoptr(GArray) worst = kj_series_runs_by_next_day_rise (runs);
  char month_ago[11];
  guint shown = 0;

  kj_list_box_clear (self->running_list);
  kj_list_box_clear (self->return_list);

  if (!isnan (a->pain_after_run_days))
    {
      g_autofree char *title = g_strdup_printf (_("Pain the day after a run: %.1f; after a rest day: %.1f"),
                                                a->pain_after_run_days, a->pain_after_rest_days);

      add_row (self->running_list, title, _("The average pain of the days that follow each kind of day"), NULL);
    }

  for (guint i = 0; i < worst->len && shown < 5; i++)
    {
      const KjRunPain *rp = &g_array_index (worst, KjRunPain, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      subtitle = describe_run (rp, self->units);
      /* Translators: “2026-03-14: pain rose to 6 the next day” */
      title = g_strdup_printf (_("%s: pain rose to %d the next day"), rp->date, rp->next_day);
      add_row (self->running_list, title, subtitle, "kj-run-symbolic");
      shown++;
    }

  gtk_widget_set_visible (self->running_group, gtk_widget_get_first_child (GTK_WIDGET (self->running_list)) != NULL);

  /* when treatment works: how running back is going */
  kj_date_add_days (self->until, -27, month_ago);
  for (guint i = 0; a->verdict == KJ_VERDICT_IMPROVING && i < runs->len; i++)
    {
      const KjRunPain *rp = &g_array_index (runs, KjRunPain, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;

      if (strcmp (rp->date, month_ago) < 0)
        continue;

      subtitle = describe_run (rp, self->units);
      title = g_strdup_printf ("%s · %s", rp->date,
                               rp->broke_rule ? (rp->pain_during != KJ_UNSET && rp->pain_during > 5
                                                   ? _("too painful during the run")
                                                   : _("not back to the usual level the next day"))
                                              : _("within the rule"));
      add_row (self->return_list, title, subtitle, rp->broke_rule ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
    }

  gtk_widget_set_visible (self->return_group, gtk_widget_get_first_child (GTK_WIDGET (self->return_list)) != NULL);
  update_shoes (self, from);
}

/* What seems to help (doc/associations.md): over the episode shown up to
 * the date it is assessed on, whatever the range shown; each finding a row
 * whose accessible name is its sentence. The weeks of exercise under it. */
static void
update_associations (KjTrendsPage *self)
{
  const char *to = self->assessment->as_of;
  g_autoptr(GArray) associations = kj_associations_compute (self->journal->days, self->journal->treatments,
                                                            self->journal->runs, "", to);
  g_autoptr(GArray) weeks = kj_adherence_weeks (self->journal->days, self->journal->treatments, "", to);

  kj_list_box_clear (self->helps_list);
  if (associations->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not enough days yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kj_associations_why_none ());
      gtk_list_box_append (self->helps_list, row);
    }
  for (guint i = 0; i < associations->len; i++)
    {
      const KjAssociation *a = &g_array_index (associations, KjAssociation, i);
      g_autofree char *label = kj_association_label (a, self->units);
      g_autofree char *change = kj_association_change (a);
      g_autofree char *title = g_strdup_printf ("%s: %s", label, change);
      g_autofree char *sentence = kj_association_sentence (a, self->units);
      GtkWidget *row = adw_action_row_new ();
      int tenths = (int) lround (a->difference * 10);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sentence);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), tenths < 0 ? "go-down-symbolic"
                                                          : tenths > 0 ? "go-up-symbolic" : "view-more-horizontal-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
      gtk_list_box_append (self->helps_list, row);
    }
  gtk_widget_set_visible (self->helps_group, self->journal->days->len > 0);

  kj_adherence_chart_set_weeks (self->adherence_chart, weeks);
  gtk_widget_set_visible (self->adherence_group, weeks->len > 0);
}

/* Loading */

/* The journal of one episode: its records (kj_episode_get_range()), borrowed from the whole */
static KjJournal *
episode_journal (KjJournal       *full,
                 const KjEpisode *episode)
{
  KjJournal *journal = g_new0 (KjJournal, 1);
  char from[11] = "", to[11] = "";

  if (episode != NULL)
    kj_episode_get_range (full->episodes, episode, from, to);
  journal->profile = kj_profile_copy (full->profile);
  if (episode != NULL)
    {
      /* the maps' side and the chart's start are the episode's */
      journal->profile->affected_side = episode->side;
      g_free (journal->profile->treatment_start);
      journal->profile->treatment_start = episode->treatment_start[0] ? g_strdup (episode->treatment_start) : NULL;
      journal->profile->review_weeks = episode->review_weeks;
    }
  journal->days = kj_records_in_range (full->days, from, to);
  journal->treatments = kj_records_in_range (full->treatments, from, to);
  journal->runs = kj_records_in_range (full->runs, from, to);
  journal->questionnaires = kj_records_in_range (full->questionnaires, from, to);
  journal->shoes = full->shoes != NULL ? g_ptr_array_ref (full->shoes) : NULL;
  journal->episodes = full->episodes != NULL ? g_ptr_array_ref (full->episodes) : NULL;

  return journal;
}

static void update_verdict (KjTrendsPage *self);
static void show_range     (KjTrendsPage *self);

/* The episode chosen (or the current one): the switcher, the assessment and everything shown */
static void
show_episode (KjTrendsPage *self,
              gboolean      fill_list)
{
  GPtrArray *episodes = self->full->episodes;
  const KjEpisode *episode = NULL;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint selected = 0;

  if (self->episode_id != NULL)
    episode = kj_episodes_find (episodes, self->episode_id);
  if (episode == NULL)
    episode = kj_episodes_get_current (episodes, self->today);

  for (guint i = 0; episodes != NULL && i < episodes->len; i++)
    {
      const KjEpisode *e = g_ptr_array_index (episodes, i);
      g_autofree char *title = kj_episode_dup_title (e);
      g_autofree char *dates = kj_episode_dup_dates (e);
      g_autofree char *item = dates[0] != '\0' && strstr (title, dates) == NULL
                              /* Translators: an episode in Trends' list: “Left knee — ITB (since 2 March 2026)” */
                              ? g_strdup_printf (_("%s (%s)"), title, dates) : g_strdup (title);

      gtk_string_list_append (titles, item);
      if (e == episode)
        selected = i;
    }
  if (fill_list)
    {
      self->filling = TRUE;
      gtk_drop_down_set_model (self->episode_dropdown, G_LIST_MODEL (titles));
      gtk_drop_down_set_selected (self->episode_dropdown, selected);
      self->filling = FALSE;
    }
  gtk_widget_set_visible (self->episode_box, episodes != NULL && episodes->len > 1);

  g_clear_pointer (&self->journal, kj_journal_free);
  g_clear_pointer (&self->assessment, kj_assessment_free);
  self->journal = episode_journal (self->full, episode);
  if (episode != NULL)
    self->assessment = kj_assess_episode (self->full->profile, episodes, episode, self->full->days,
                                          self->full->treatments, self->full->runs, self->today);
  else
    self->assessment = kj_assess (self->full->profile, self->full->days, self->full->treatments, self->full->runs,
                                  self->today);
  update_verdict (self);
  update_associations (self);
  {
    char from[11] = "", to[11] = "";

    if (episode != NULL)
      kj_episode_get_range (episodes, episode, from, to);
    kj_questionnaire_section_update (self->questionnaire_section, self->store, self->journal->questionnaires, from, to,
                                     self->today);
  }
  show_range (self);
}

static void
episode_selected (KjTrendsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->episode_dropdown);

  if (self->filling || self->full == NULL || self->full->episodes == NULL || selected >= self->full->episodes->len)
    return;

  g_free (self->episode_id);
  self->episode_id = g_strdup (((KjEpisode *) g_ptr_array_index (self->full->episodes, selected))->id);
  show_episode (self, FALSE);
}

static void
range_start (KjTrendsPage *self,
             Range         range,
             char          from[11])
{
  const int back[] = { 27, 90, 364 };

  switch (range)
    {
    case RANGE_ALL:
      /* all of the journal, every episode */
      g_strlcpy (from, self->until, 11);
      if (self->full->days->len > 0)
        g_strlcpy (from, ((KjDay *) self->full->days->pdata[0])->date, 11);
      if (self->full->treatments->len > 0 && strcmp (((KjTreatment *) self->full->treatments->pdata[0])->date, from) < 0)
        g_strlcpy (from, ((KjTreatment *) self->full->treatments->pdata[0])->date, 11);
      if (self->full->runs->len > 0 && strcmp (((KjRun *) self->full->runs->pdata[0])->date, from) < 0)
        g_strlcpy (from, ((KjRun *) self->full->runs->pdata[0])->date, 11);
      break;

    case RANGE_TREATMENT:
      /* from T0 itself, however recent: the chart is never widened to before the start */
      if (self->assessment->t0[0] != '\0' && strcmp (self->assessment->t0, self->until) <= 0)
        {
          g_strlcpy (from, self->assessment->t0, 11);
          return;
        }
      G_GNUC_FALLTHROUGH;

    default:
      kj_date_add_days (self->until, -back[range < RANGE_ALL ? range : 0], from);
      break;
    }

  /* at least two weeks, so that a fresh journal still gets a readable chart */
  if (kj_date_diff (from, self->until) < 13)
    kj_date_add_days (self->until, -13, from);
}

static void
show_range (KjTrendsPage *self)
{
  char from[11];
  KjChartData *data;

  if (self->journal == NULL)
    return;

  /* the range shown ends where the episode's assessment does: today, or the
   * end of a resolved episode (“All” of several episodes runs on to today) */
  g_strlcpy (self->until, self->assessment->as_of, sizeof self->until);
  if (self->range == RANGE_ALL && self->full->episodes != NULL && self->full->episodes->len > 1)
    g_strlcpy (self->until, self->today, sizeof self->until);
  range_start (self, self->range, from);
  if (self->range == RANGE_ALL && self->full->episodes != NULL && self->full->episodes->len > 1)
    {
      /* “All”: every record, the episodes as labelled bands */
      data = kj_chart_data_new (self->full->days, self->full->treatments, self->full->runs, self->assessment,
                                from, self->today);
      kj_chart_data_set_episodes (data, self->full->episodes);
    }
  else
    data = kj_chart_data_new (self->journal->days, self->journal->treatments, self->journal->runs, self->assessment,
                              from, self->until);
  data->units = self->units;
  kj_chart_set_data (self->chart, data);
  update_maps (self, from);
  update_warnings (self, from);
  update_running (self, from);
  kj_week_table_update (self->week_table, self->journal, self->until, from, self->units);
}

void
kj_trends_page_load (KjTrendsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = kj_date_today ();

  g_return_if_fail (KJ_IS_TRENDS_PAGE (self));

  self->loaded = TRUE;
  if (self->store == NULL)
    return;

  g_clear_pointer (&self->journal, kj_journal_free);
  g_clear_pointer (&self->full, kj_journal_free);
  g_clear_pointer (&self->assessment, kj_assessment_free);

  if (!(self->full = kj_store_read_journal (self->store, &error)))
    {
      gtk_label_set_text (self->verdict_message, error->message);
      return;
    }

  g_strlcpy (self->today, today, sizeof self->today);
  self->units = kj_units_from_profile (self->full->profile);
  show_episode (self, TRUE);
}

static void
range_toggled (GtkToggleButton *button,
               KjTrendsPage    *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  self->range = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "range"));
  gtk_drop_down_set_selected (self->range_dropdown, self->range);
  show_range (self);
}

/* The drop-down shown instead of the buttons on a narrow window */
static void
range_dropdown_changed (KjTrendsPage *self)
{
  guint range = gtk_drop_down_get_selected (self->range_dropdown);

  if (range < N_RANGES && self->range_buttons[range] != NULL)
    gtk_toggle_button_set_active (self->range_buttons[range], TRUE);
}

static void
kj_trends_page_map (GtkWidget *widget)
{
  KjTrendsPage *self = KJ_TRENDS_PAGE (widget);

  GTK_WIDGET_CLASS (kj_trends_page_parent_class)->map (widget);

  if (!self->loaded)
    kj_trends_page_load (self);
}

static void
kj_trends_page_dispose (GObject *object)
{
  KjTrendsPage *self = KJ_TRENDS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KJ_TYPE_TRENDS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->journal, kj_journal_free);
  g_clear_pointer (&self->full, kj_journal_free);
  g_clear_pointer (&self->episode_id, g_free);
  g_clear_pointer (&self->assessment, kj_assessment_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kj_trends_page_parent_class)->dispose (object);
}

static void
kj_trends_page_class_init (KjTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kj_trends_page_dispose;
  widget_class->map = kj_trends_page_map;

  /**
   * KjTrendsPage::day-activated:
   * @date: the day chosen on the chart
   */
  signals[DAY_ACTIVATED] = g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (KJ_TYPE_CHART);
  g_type_ensure (KJ_TYPE_WEEK_TABLE);
  g_type_ensure (KJ_TYPE_QUESTIONNAIRE_SECTION);
  g_type_ensure (KJ_TYPE_ADHERENCE_CHART);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/kj-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, verdict_card);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, verdict_title);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, verdict_message);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, why_label);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, episode_box);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, episode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, range_box);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, maps_box);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, week_table);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, running_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, running_list);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, shoes_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, shoes_list);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, return_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, return_list);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, questionnaire_section);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, helps_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, helps_list);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, adherence_group);
  gtk_widget_class_bind_template_child (widget_class, KjTrendsPage, adherence_chart);
  gtk_widget_class_bind_template_callback (widget_class, chart_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, why_help_clicked);
  gtk_widget_class_bind_template_callback (widget_class, range_dropdown_changed);
  gtk_widget_class_bind_template_callback (widget_class, episode_selected);
  gtk_widget_class_bind_template_callback (widget_class, kj_trends_page_load);
}

static void
kj_trends_page_init (KjTrendsPage *self)
{
  g_autoptr(GtkStringList) ranges = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = kj_a11y_string_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  kj_a11y_name_buttons (GTK_WIDGET (self));

  for (int r = 0; r < N_RANGES; r++)
    gtk_string_list_append (ranges, _(range_labels[r]));
  gtk_drop_down_set_factory (self->range_dropdown, factory);
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (ranges));
  /* the drop-down's own button is what takes focus: it needs the name too */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->range_dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Range shown"), -1);

  for (int r = 0; r < N_RANGES; r++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(range_labels[r]));

      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->range_buttons[0]);
      g_object_set_data (G_OBJECT (button), "range", GINT_TO_POINTER (r));
      g_signal_connect (button, "toggled", G_CALLBACK (range_toggled), self);
      gtk_box_append (self->range_box, button);
      self->range_buttons[r] = GTK_TOGGLE_BUTTON (button);
    }

  self->range = RANGE_TREATMENT;
  gtk_toggle_button_set_active (self->range_buttons[RANGE_TREATMENT], TRUE);
}

/* Returns: (transfer none): the knee questionnaire's section */
GtkWidget *
kj_trends_page_get_questionnaire_section (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return GTK_WIDGET (self->questionnaire_section);
}

void
kj_trends_page_set_store (KjTrendsPage *self,
                          KjStore      *store)
{
  g_return_if_fail (KJ_IS_TRENDS_PAGE (self));

  g_set_object (&self->store, store);
  kj_trends_page_invalidate (self);
}

/* The journal changed: assess it again now if the page is shown, else when it is. */
void
kj_trends_page_invalidate (KjTrendsPage *self)
{
  g_return_if_fail (KJ_IS_TRENDS_PAGE (self));

  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kj_trends_page_load (self);
}

const KjAssessment *
kj_trends_page_get_assessment (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return self->assessment;
}

KjChart *
kj_trends_page_get_chart (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return self->chart;
}

/* The id of the episode shown (the report follows it), or NULL before a load */
const char *
kj_trends_page_get_episode_id (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return self->assessment != NULL && self->assessment->episode != NULL ? self->assessment->episode->id : NULL;
}

/* Shows the episode @id (NULL: the current one) */
void
kj_trends_page_set_episode (KjTrendsPage *self,
                            const char   *id)
{
  g_return_if_fail (KJ_IS_TRENDS_PAGE (self));

  g_free (self->episode_id);
  self->episode_id = g_strdup (id);
  if (self->full != NULL)
    show_episode (self, TRUE);
}

/* Shows one of the ranges: 0 four weeks, 1 three months, 2 a year, 3 all, 4 since treatment start. */
void
kj_trends_page_set_range (KjTrendsPage *self,
                          guint         range)
{
  g_return_if_fail (KJ_IS_TRENDS_PAGE (self));
  g_return_if_fail (range < N_RANGES);

  gtk_toggle_button_set_active (self->range_buttons[range], TRUE);
}

/* The text of "Why This Verdict?" */
const char *
kj_trends_page_get_why (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return gtk_label_get_text (self->why_label);
}

const char *
kj_trends_page_get_verdict_title (KjTrendsPage *self)
{
  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  return gtk_label_get_text (self->verdict_title);
}

/* How many runs the Return to Running list shows. */
guint
kj_trends_page_count_return_runs (KjTrendsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->return_list)); row;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return gtk_widget_get_visible (self->return_group) ? n : 0;
}

/* What Seems to Help, row by row: each row's title and sentence, “title\nsentence”.
 * Returns: (transfer full): a NULL-terminated array */
char **
kj_trends_page_get_helps (KjTrendsPage *self)
{
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();

  g_return_val_if_fail (KJ_IS_TRENDS_PAGE (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->helps_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      {
        g_autofree char *text = g_strdup_printf ("%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

        g_strv_builder_add (rows, text);
      }

  return g_strv_builder_end (rows);
}
