/* kj-associations.c — what seems to help: next-day pain after days with and without each factor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are doc/associations.md's. A day pair is a date D and D+1, both
 * with a day entry and both in the range; the exposure is what happened on D,
 * the outcome the pain of D+1. For each factor the pairs fall on the side
 * “with” (D had it) or “without” (D had not; for runs: D had no run at all).
 *
 * The interval is a bootstrap percentile interval: each side resampled with
 * replacement 2000 times, independently. Pain is an integer 0–10, so a
 * resample is fully described by how often it drew each value: a multinomial
 * draw of the side's size over the side's own frequencies, made as a chain
 * of binomial draws (largest value class first). The binomials are exact:
 * inversion when the mean is small, else BTPE (Kachitvichyanukul and Schmeiser
 * 1988) with its acceptance test made exact by a table of log-factorials. That is ten binomial
 * draws a resample instead of one draw a day. The random numbers are
 * xoshiro256** seeded by splitmix64 from a fixed seed and the factor's place
 * in the table (each side a stream of its own; the days without a run, the
 * other side of every run factor, are resampled once), so every factor gets
 * the same figures whichever other factors are shown; the differences are
 * exact fractions of integer sums, compared as integers.
 */
#define G_LOG_DOMAIN "knee-journal-associations"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kj-associations.h"
#include "kj-series.h"

#define SEED                  G_GUINT64_CONSTANT (0x4b6e65654a726e6c)  /* "KneeJrnl" */
#define SEED_STEP             G_GUINT64_CONSTANT (0x100000001b3)
#define PAIN_VALUES           11
#define BAND_SHORT_KM         5.0
#define BAND_MEDIUM_KM        10.0
#define BAND_LONG_KM          20.0
#define DOWNHILL_M_PER_KM     15.0
#define DOWNHILL_MIN_M        100.0

typedef enum
{
  EXPOSURE_TREATMENT,   /* a treatment of the kind */
  EXPOSURE_NSAID,       /* medication with an NSAID */
  EXPOSURE_RUN,         /* a run day in the band, against days without a run */
  EXPOSURE_DOWNHILL,    /* a downhill run day, against days without a run */
  EXPOSURE_AGGRAVATOR,  /* the day's entry names the aggravator */
} Exposure;

typedef struct
{
  const char *factor;
  const char *group;
  Exposure    exposure;
  const char *code;        /* treatment kind or aggravator code */
  double      km_min;      /* a run band: total km of the day in [km_min, km_max) */
  double      km_max;
  const char *label;       /* what the list calls it (not the run bands: band_text()) */
  const char *after;       /* “On days after you iced” */
  const char *noun;        /* “… not proof that ice helped” */
} Factor;

static const Factor factors[] = {
  { "ice", "treatment", EXPOSURE_TREATMENT, "ice", 0, 0,
    N_("Ice"), N_("On days after you iced"), N_("ice") },
  { "heat", "treatment", EXPOSURE_TREATMENT, "heat", 0, 0,
    N_("Heat"), N_("On days after you used heat"), N_("heat") },
  { "nsaid", "treatment", EXPOSURE_NSAID, "medication", 0, 0,
    N_("Anti-inflammatory medicine (NSAID)"), N_("On days after you took an anti-inflammatory medicine"),
    N_("the medicine") },
  { "exercise", "treatment", EXPOSURE_TREATMENT, "exercise", 0, 0,
    N_("Exercises"), N_("On days after you did your exercises"), N_("the exercises") },
  { "stretching", "treatment", EXPOSURE_TREATMENT, "stretching", 0, 0,
    N_("Stretching"), N_("On days after you stretched"), N_("stretching") },
  { "foam-rolling", "treatment", EXPOSURE_TREATMENT, "foam-rolling", 0, 0,
    N_("Foam rolling"), N_("On days after you used a foam roller"), N_("foam rolling") },
  { "rest", "treatment", EXPOSURE_TREATMENT, "rest", 0, 0,
    N_("Rest"), N_("On days after you rested"), N_("rest") },
  { "run-short", "run", EXPOSURE_RUN, NULL, 0, BAND_SHORT_KM, NULL, NULL, NULL },
  { "run-medium", "run", EXPOSURE_RUN, NULL, BAND_SHORT_KM, BAND_MEDIUM_KM, NULL, NULL, NULL },
  { "run-long", "run", EXPOSURE_RUN, NULL, BAND_MEDIUM_KM, BAND_LONG_KM, NULL, NULL, NULL },
  { "run-very-long", "run", EXPOSURE_RUN, NULL, BAND_LONG_KM, INFINITY, NULL, NULL, NULL },
  { "run-downhill", "run", EXPOSURE_DOWNHILL, NULL, 0, 0,
    N_("Downhill runs"), N_("On days after a downhill run"), N_("running downhill") },
  { "running", "aggravator", EXPOSURE_AGGRAVATOR, "running", 0, 0,
    N_("Running made it worse"), N_("On days when running made it worse"), N_("running") },
  { "downhill", "aggravator", EXPOSURE_AGGRAVATOR, "downhill", 0, 0,
    N_("Running downhill made it worse"), N_("On days when running downhill made it worse"),
    N_("running downhill") },
  { "stairs-up", "aggravator", EXPOSURE_AGGRAVATOR, "stairs-up", 0, 0,
    N_("Climbing stairs made it worse"), N_("On days when climbing stairs made it worse"),
    N_("climbing stairs") },
  { "stairs-down", "aggravator", EXPOSURE_AGGRAVATOR, "stairs-down", 0, 0,
    N_("Going down stairs made it worse"), N_("On days when going down stairs made it worse"),
    N_("going down stairs") },
  { "squatting", "aggravator", EXPOSURE_AGGRAVATOR, "squatting", 0, 0,
    N_("Squatting made it worse"), N_("On days when squatting made it worse"), N_("squatting") },
  { "kneeling", "aggravator", EXPOSURE_AGGRAVATOR, "kneeling", 0, 0,
    N_("Kneeling made it worse"), N_("On days when kneeling made it worse"), N_("kneeling") },
  { "sitting", "aggravator", EXPOSURE_AGGRAVATOR, "sitting", 0, 0,
    N_("Sitting for long made it worse"), N_("On days when sitting for long made it worse"),
    N_("sitting for long") },
  { "walking", "aggravator", EXPOSURE_AGGRAVATOR, "walking", 0, 0,
    N_("Walking made it worse"), N_("On days when walking made it worse"), N_("walking") },
  { "cycling", "aggravator", EXPOSURE_AGGRAVATOR, "cycling", 0, 0,
    N_("Cycling made it worse"), N_("On days when cycling made it worse"), N_("cycling") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (factors) <= 32);

/* Random numbers: xoshiro256** (Blackman and Vigna), seeded by splitmix64 */

typedef struct
{
  guint64 s[4];
} Rng;

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_seed (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* A double in [0, 1) with 53 random bits */
static inline double
rng_uniform (Rng *rng)
{
  return (double) (rng_next (rng) >> 11) * 0x1.0p-53;
}

/* Binomial draws.  A stage of the chain draws Binomial(n, p) with p fixed and
 * n what the stages before left; the set-up for each n (BTPE's hat, or the
 * start of inversion) is kept in a small cache, since the same n comes back
 * often over 2000 resamples. */

#define HAT_CACHE 256
#define RECIPROCALS 128

typedef struct
{
  int     n;            /* −1: empty */
  gboolean btpe;
  /* BTPE */
  int     m;
  double  p1, xm, xl, xr, c, lambda_l, lambda_r, p2, p3, p4;
  /* inversion */
  double  q_n;
  int     bound;
} Hat;

typedef struct
{
  double  p;            /* the stage's probability */
  double  r, q;         /* min (p, 1 − p) and 1 − r */
  double  log_odds;     /* log (r / q) */
  Hat     hats[HAT_CACHE];
} Stage;

static void
stage_init (Stage  *stage,
            double  p)
{
  stage->p = p;
  stage->r = MIN (p, 1.0 - p);
  stage->q = 1.0 - stage->r;
  stage->log_odds = stage->r > 0.0 ? log (stage->r / stage->q) : 0.0;
  for (guint i = 0; i < HAT_CACHE; i++)
    stage->hats[i].n = -1;
}

static const Hat *
stage_hat (Stage *stage,
           int    n)
{
  Hat *h = &stage->hats[n % HAT_CACHE];
  double r = stage->r, q = stage->q;

  if (h->n == n)
    return h;

  h->n = n;
  h->btpe = n * r >= 30.0;
  if (!h->btpe)
    {
      h->q_n = pow (q, n);
      h->bound = (int) MIN ((double) n, n * r + 10.0 * sqrt (n * r * q + 1.0));
      h->bound = MIN (h->bound, RECIPROCALS - 1);
    }
  else
    {
      double fm = n * r + r;
      double a_l, a_r;

      h->m = (int) floor (fm);
      h->p1 = floor (2.195 * sqrt (n * r * q) - 4.6 * q) + 0.5;
      h->xm = h->m + 0.5;
      h->xl = h->xm - h->p1;
      h->xr = h->xm + h->p1;
      h->c = 0.134 + 20.5 / (15.3 + h->m);
      a_l = (fm - h->xl) / (fm - h->xl * r);
      a_r = (h->xr - fm) / (h->xr * q);
      h->lambda_l = a_l * (1.0 + a_l / 2.0);
      h->lambda_r = a_r * (1.0 + a_r / 2.0);
      h->p2 = h->p1 * (1.0 + 2.0 * h->c);
      h->p3 = h->p2 + h->c / h->lambda_l;
      h->p4 = h->p3 + h->c / h->lambda_r;
    }

  return h;
}

/* 1/x for inversion's steps, which never pass x = 86 (30 + 10·√31) */

static const double *
reciprocals (void)
{
  static double table[RECIPROCALS];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      table[0] = 0.0;
      for (guint x = 1; x < RECIPROCALS; x++)
        table[x] = 1.0 / x;
      g_once_init_leave (&done, 1);
    }

  return table;
}

/* Inversion, for n·r < 30: walk up the probabilities from 0 */
static int
binomial_inversion (Rng          *rng,
                    const Stage  *stage,
                    const Hat    *h,
                    int           n)
{
  const double *inverse = reciprocals ();
  double s = stage->r / stage->q, a = s * (n + 1);

  for (;;)
    {
      double u = rng_uniform (rng);
      double px = h->q_n;
      int x = 0;

      while (u > px && x <= h->bound)
        {
          u -= px;
          x++;
          px *= a * inverse[x] - s;   /* f(x)/f(x−1) = (n − x + 1)/x · r/q */
        }
      if (x <= h->bound)
        return x;
      /* past the bound only by rounding: draw again */
    }
}

/* BTPE (Kachitvichyanukul and Schmeiser 1988), for n·r ≥ 30: a triangle, two
 * parallelograms and two exponential tails over the distribution; a point
 * under the hat is accepted when it is under f(y)/f(m), which is computed
 * exactly from the table of log-factorials (the paper's squeezes and Stirling
 * series are only faster ways to the same answer). */
static int
binomial_btpe (Rng          *rng,
               const Stage  *stage,
               const Hat    *h,
               const double *log_factorial,
               int           n)
{
  for (;;)
    {
      double u = rng_uniform (rng) * h->p4;
      double v = rng_uniform (rng);
      double x;
      int y;

      if (u <= h->p1)
        return (int) floor (h->xm - h->p1 * v + u);   /* the triangle: always under the distribution */

      if (u <= h->p2)
        {
          x = h->xl + (u - h->p1) / h->c;
          v = v * h->c + 1.0 - fabs (h->m - x + 0.5) / h->p1;
          if (v > 1.0 || v <= 0.0)
            continue;
          y = (int) floor (x);
        }
      else if (u <= h->p3)
        {
          if (v <= 0.0)
            continue;
          x = floor (h->xl + log (v) / h->lambda_l);
          if (x < 0.0)
            continue;
          y = (int) x;
          v = v * (u - h->p2) * h->lambda_l;
        }
      else
        {
          if (v <= 0.0)
            continue;
          x = floor (h->xr - log (v) / h->lambda_r);
          if (x > n)
            continue;
          y = (int) x;
          v = v * (u - h->p3) * h->lambda_r;
        }

      if (log (v) <= log_factorial[h->m] + log_factorial[n - h->m] - log_factorial[y] - log_factorial[n - y] +
                     (y - h->m) * stage->log_odds)
        return y;
    }
}

static int
stage_draw (Stage        *stage,
            Rng          *rng,
            const double *log_factorial,
            int           n)
{
  const Hat *h;
  int x;

  if (n <= 0 || stage->p <= 0.0)
    return 0;
  if (stage->p >= 1.0)
    return n;

  h = stage_hat (stage, n);
  x = h->btpe ? binomial_btpe (rng, stage, h, log_factorial, n) : binomial_inversion (rng, stage, h, n);

  return stage->p > 0.5 ? n - x : x;
}

/* One side of a factor: how many pairs had each next-day pain */
typedef struct
{
  guint counts[PAIN_VALUES];
  guint n;
  guint sum;
} Side;

/* The chain of a side: the value classes drawn, largest first (ties: the lower
 * value first), each with its probability given the classes before */
typedef struct
{
  int    order[PAIN_VALUES];
  guint  classes;
  Stage  stages[PAIN_VALUES];
} Chain;

static void
chain_init (Chain      *chain,
            const Side *side)
{
  guint left = side->n;

  chain->classes = 0;
  for (int v = 0; v < PAIN_VALUES; v++)
    if (side->counts[v] > 0)
      chain->order[chain->classes++] = v;

  for (guint i = 1; i < chain->classes; i++)
    for (guint j = i; j > 0 && side->counts[chain->order[j]] > side->counts[chain->order[j - 1]]; j--)
      {
        int t = chain->order[j];

        chain->order[j] = chain->order[j - 1];
        chain->order[j - 1] = t;
      }

  for (guint i = 0; i < chain->classes; i++)
    {
      stage_init (&chain->stages[i], (double) side->counts[chain->order[i]] / left);
      left -= side->counts[chain->order[i]];
    }
}

/* The sum of the pain values of one resample of the side */
static gint64
chain_resample_sum (Chain        *chain,
                    int           n,
                    Rng          *rng,
                    const double *log_factorial)
{
  int left = n;
  gint64 sum = 0;

  for (guint i = 0; i + 1 < chain->classes && left > 0; i++)
    {
      int drawn = stage_draw (&chain->stages[i], rng, log_factorial, left);

      sum += (gint64) drawn * chain->order[i];
      left -= drawn;
    }
  if (left > 0 && chain->classes > 0)
    sum += (gint64) left * chain->order[chain->classes - 1];

  return sum;
}

/* The sums of KJ_ASSOCIATION_RESAMPLES resamples of a side */
static gint64 *
resample_sums (const Side   *side,
               const double *log_factorial,
               guint64       seed)
{
  gint64 *sums = g_new (gint64, KJ_ASSOCIATION_RESAMPLES);
  g_autofree Chain *chain = g_new (Chain, 1);
  Rng rng;

  rng_seed (&rng, seed);
  chain_init (chain, side);
  for (guint b = 0; b < KJ_ASSOCIATION_RESAMPLES; b++)
    sums[b] = chain_resample_sum (chain, (int) side->n, &rng, log_factorial);

  return sums;
}

/* The k-th smallest of @keys (0-based), which it reorders: Hoare's selection */
static gint64
select_kth (gint64 *keys,
            int     n,
            int     k)
{
  int lo = 0, hi = n - 1;

  while (hi > lo)
    {
      gint64 pivot = keys[lo + (hi - lo) / 2];
      int i = lo, j = hi;

      while (i <= j)
        {
          while (keys[i] < pivot)
            i++;
          while (keys[j] > pivot)
            j--;
          if (i <= j)
            {
              gint64 t = keys[i];

              keys[i++] = keys[j];
              keys[j--] = t;
            }
        }
      /* keys[lo..j] ≤ pivot ≤ keys[i..hi], and what lies between equals the pivot */
      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        break;
    }

  return keys[k];
}

/* The bootstrap percentile interval of mean(with) − mean(without), from each side's resample sums */
static void
bootstrap (const Side   *with,
           const gint64 *with_sums,
           const Side   *without,
           const gint64 *without_sums,
           double       *low,
           double       *high)
{
  g_autofree gint64 *keys = g_new (gint64, KJ_ASSOCIATION_RESAMPLES);
  double scale = (double) with->n * without->n;
  int tail = KJ_ASSOCIATION_RESAMPLES / 40;   /* 2.5 % of the resamples on each side */

  /* mean_w − mean_wo = (S_w · n_wo − S_wo · n_w) / (n_w · n_wo): compared as integers */
  for (guint b = 0; b < KJ_ASSOCIATION_RESAMPLES; b++)
    keys[b] = with_sums[b] * (gint64) without->n - without_sums[b] * (gint64) with->n;

  /* the 50th smallest and the 50th largest of 2000 */
  *low = select_kth (keys, KJ_ASSOCIATION_RESAMPLES, tail - 1) / scale;
  *high = select_kth (keys, KJ_ASSOCIATION_RESAMPLES, KJ_ASSOCIATION_RESAMPLES - tail) / scale;
}

/* Days of the range as an array from its first date */

typedef struct
{
  int     first;           /* Julian day of index 0 */
  guint   len;
  gint8  *pain;            /* −1: no entry */
  guint32 *exposed;        /* factor bits */
  gboolean *ran;           /* a run that day */
  double *km;
  double *descent_km;      /* km of the runs whose descent is known */
  double *descent_m;
} DayIndex;

static void
day_index_clear (DayIndex *index)
{
  g_free (index->pain);
  g_free (index->exposed);
  g_free (index->ran);
  g_free (index->km);
  g_free (index->descent_km);
  g_free (index->descent_m);
}

static gboolean
in_range (const char *date,
          const char *from,
          const char *to)
{
  return (from == NULL || from[0] == '\0' || strcmp (date, from) >= 0) &&
         (to == NULL || to[0] == '\0' || strcmp (date, to) <= 0);
}

/* The index spans the day entries in the range; NULL-free and empty when there are none */
static void
day_index_build (DayIndex   *index,
                 GPtrArray  *days,
                 const char *from,
                 const char *to)
{
  const char *first = NULL, *last = NULL;

  memset (index, 0, sizeof *index);
  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = days->pdata[i];

      if (!in_range (day->date, from, to))
        continue;
      if (first == NULL || strcmp (day->date, first) < 0)
        first = day->date;
      if (last == NULL || strcmp (day->date, last) > 0)
        last = day->date;
    }
  if (first == NULL)
    return;

  index->first = kj_series_julian (first);
  index->len = (guint) (kj_series_julian (last) - index->first + 1);
  index->pain = g_new (gint8, index->len);
  memset (index->pain, -1, index->len);
  index->exposed = g_new0 (guint32, index->len);
  index->ran = g_new0 (gboolean, index->len);
  index->km = g_new0 (double, index->len);
  index->descent_km = g_new0 (double, index->len);
  index->descent_m = g_new0 (double, index->len);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = days->pdata[i];
      int at;

      if (!in_range (day->date, from, to))
        continue;
      at = kj_series_julian (day->date) - index->first;
      index->pain[at] = (gint8) CLAMP (day->pain, 0, 10);
      /* each aggravator the entry names, to its factor (most days name none) */
      for (guint k = 0; k < day->aggravators->len; k++)
        for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
          if (factors[f].exposure == EXPOSURE_AGGRAVATOR &&
              g_strcmp0 (g_ptr_array_index (day->aggravators, k), factors[f].code) == 0)
            index->exposed[at] |= 1u << f;
    }
}

/* The offset of @date in the index, or −1 when it is outside */
static int
day_index_at (const DayIndex *index,
              const char     *date)
{
  int at;

  if (index->len == 0)
    return -1;
  at = kj_series_julian (date) - index->first;

  return at >= 0 && (guint) at < index->len ? at : -1;
}

/* The factor bits of a treatment */
static guint32
treatment_factors (const KjTreatment *t)
{
  guint32 bits = 0;

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      if ((factors[f].exposure == EXPOSURE_TREATMENT && g_strcmp0 (t->kind, factors[f].code) == 0) ||
          (factors[f].exposure == EXPOSURE_NSAID && g_strcmp0 (t->kind, "medication") == 0 &&
           kj_drug_is_nsaid (t->drug)))
        bits |= 1u << f;
    }

  return bits;
}

/* A treatment's factor bits, remembered for the strings of its kind and
 * drug: a journal read from the store shares its codes' strings, so a few
 * pairs of pointers cover every treatment */
#define KIND_CACHE 16

typedef struct
{
  const char *kind;
  const char *drug;
  guint32     bits;
} KindBits;

static void
day_index_add_treatments (DayIndex  *index,
                          GPtrArray *treatments)
{
  KindBits cache[KIND_CACHE];
  guint cached = 0, next = 0;

  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = treatments->pdata[i];
      int at = day_index_at (index, t->date);
      guint k;

      if (at < 0)
        continue;
      for (k = 0; k < cached && (cache[k].kind != t->kind || cache[k].drug != t->drug); k++)
        ;
      if (k == cached)
        {
          /* a new pair: into a free place, else over the oldest */
          k = cached < KIND_CACHE ? cached++ : next++ % KIND_CACHE;
          cache[k].kind = t->kind;
          cache[k].drug = t->drug;
          cache[k].bits = treatment_factors (t);
        }
      index->exposed[at] |= cache[k].bits;
    }
}

static void
day_index_add_runs (DayIndex  *index,
                    GPtrArray *runs)
{
  for (guint i = 0; i < runs->len; i++)
    {
      const KjRun *run = runs->pdata[i];
      int at = day_index_at (index, run->date);

      if (at < 0)
        continue;
      index->ran[at] = TRUE;
      index->km[at] += run->distance_km;
      if (!isnan (run->descent_m))
        {
          index->descent_km[at] += run->distance_km;
          index->descent_m[at] += run->descent_m;
        }
    }

  for (guint at = 0; at < index->len; at++)
    {
      if (!index->ran[at])
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
        {
          if (factors[f].exposure == EXPOSURE_RUN && index->km[at] >= factors[f].km_min &&
              index->km[at] < factors[f].km_max)
            index->exposed[at] |= 1u << f;
          if (factors[f].exposure == EXPOSURE_DOWNHILL && index->descent_km[at] > 0 &&
              index->descent_m[at] >= DOWNHILL_MIN_M &&
              index->descent_m[at] >= DOWNHILL_M_PER_KM * index->descent_km[at])
            index->exposed[at] |= 1u << f;
        }
    }
}

static gboolean
is_run_factor (const Factor *f)
{
  return f->exposure == EXPOSURE_RUN || f->exposure == EXPOSURE_DOWNHILL;
}

static int
compare_associations (gconstpointer a,
                      gconstpointer b)
{
  const KjAssociation *x = a, *y = b;
  double dx = fabs (x->difference), dy = fabs (y->difference);

  if (dx != dy)
    return dx < dy ? 1 : -1;
  if (x->difference != y->difference)
    return x->difference < y->difference ? -1 : 1;   /* lower pain first */

  return 0;
}

/**
 * kj_associations_compute:
 * @days: (element-type KjDay): the day entries
 * @treatments: (element-type KjTreatment)
 * @runs: (element-type KjRun)
 * @from: (nullable): the first date of the range, or "" for no limit
 * @to: (nullable): the last date, or ""
 *
 * Returns: (transfer full) (element-type KjAssociation): the factors with at least
 *   %KJ_ASSOCIATION_MIN_DAYS day pairs on each side, the largest difference first
 */
GArray *
kj_associations_compute (GPtrArray  *days,
                         GPtrArray  *treatments,
                         GPtrArray  *runs,
                         const char *from,
                         const char *to)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (KjAssociation));
  Side with[G_N_ELEMENTS (factors)], without[G_N_ELEMENTS (factors)];
  g_autofree double *log_factorial = NULL;
  g_autofree gint64 *no_run_sums = NULL;   /* the days without a run: one side of every run factor */
  guint most = 0;
  DayIndex index;

  g_return_val_if_fail (days != NULL && treatments != NULL && runs != NULL, result);

  day_index_build (&index, days, from, to);
  day_index_add_treatments (&index, treatments);
  day_index_add_runs (&index, runs);

  memset (with, 0, sizeof with);
  memset (without, 0, sizeof without);
  for (guint at = 0; at + 1 < index.len; at++)
    {
      int outcome = index.pain[at + 1];

      if (index.pain[at] < 0 || outcome < 0)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
        {
          Side *side;

          if (index.exposed[at] & (1u << f))
            side = &with[f];
          else if (is_run_factor (&factors[f]) && index.ran[at])
            continue;   /* run factors are compared with days without a run */
          else
            side = &without[f];
          side->counts[outcome]++;
          side->n++;
          side->sum += outcome;
        }
    }
  day_index_clear (&index);

  /* log(k!) for every side's size, once */
  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    most = MAX (most, MAX (with[f].n, without[f].n));
  log_factorial = g_new (double, most + 1);
  for (guint k = 0; k <= most; k++)
    log_factorial[k] = lgamma (k + 1.0);

  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    {
      KjAssociation a = { 0 };
      g_autofree gint64 *with_sums = NULL;
      g_autofree gint64 *without_sums = NULL;

      if (with[f].n < KJ_ASSOCIATION_MIN_DAYS || without[f].n < KJ_ASSOCIATION_MIN_DAYS)
        continue;

      a.factor = factors[f].factor;
      a.group = factors[f].group;
      a.days_with = with[f].n;
      a.days_without = without[f].n;
      a.mean_with = (double) with[f].sum / with[f].n;
      a.mean_without = (double) without[f].sum / without[f].n;
      a.difference = ((double) with[f].sum * without[f].n - (double) without[f].sum * with[f].n) /
                     ((double) with[f].n * without[f].n);
      with_sums = resample_sums (&with[f], log_factorial, SEED ^ (SEED_STEP * (2 * f + 1)));
      if (!is_run_factor (&factors[f]))
        without_sums = resample_sums (&without[f], log_factorial, SEED ^ (SEED_STEP * (2 * f + 2)));
      else if (no_run_sums == NULL)
        no_run_sums = resample_sums (&without[f], log_factorial, SEED ^ (SEED_STEP * (2 * G_N_ELEMENTS (factors) + 1)));
      bootstrap (&with[f], with_sums, &without[f], without_sums != NULL ? without_sums : no_run_sums,
                 &a.ci_low, &a.ci_high);
      g_array_append_val (result, a);
    }

  g_array_sort (result, compare_associations);

  return result;
}

/* Words */

static const Factor *
find_factor (const char *code)
{
  for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
    if (g_strcmp0 (factors[f].factor, code) == 0)
      return &factors[f];

  return NULL;
}

/* A run band's distances in the journal's unit: whole kilometres, or miles with a decimal */
static char *
band_distance (double   km,
               KjUnits  units)
{
  return units == KJ_UNITS_MI ? kj_format_distance (km, units) : kj_format_distance_whole (km, units);
}

typedef enum
{
  TEXT_LABEL,
  TEXT_AFTER,
  TEXT_NOUN,
} Text;

/* The words of a run band; the other factors' are in the table */
static char *
band_text (const Factor *f,
           Text          which,
           KjUnits       units)
{
  g_autofree char *low = band_distance (f->km_min, units);
  g_autofree char *high = band_distance (f->km_max, units);

  if (f->km_min == 0)
    {
      if (which == TEXT_LABEL)
        /* Translators: a run band, “Runs under 5 km” */
        return g_strdup_printf (_("Runs under %s"), high);
      if (which == TEXT_AFTER)
        return g_strdup_printf (_("On days after a run of under %s"), high);
      /* Translators: in “not proof that runs under 5 km helped” */
      return g_strdup_printf (_("runs under %s"), high);
    }
  if (isinf (f->km_max))
    {
      if (which == TEXT_LABEL)
        /* Translators: a run band, “Runs of 20 km or more” */
        return g_strdup_printf (_("Runs of %s or more"), low);
      if (which == TEXT_AFTER)
        return g_strdup_printf (_("On days after a run of %s or more"), low);
      return g_strdup_printf (_("runs of %s or more"), low);
    }

  if (which == TEXT_LABEL)
    /* Translators: a run band, “Runs of 5 to 10 km”: at least the first, less than the second */
    return g_strdup_printf (_("Runs of %s to %s"), low, high);
  if (which == TEXT_AFTER)
    return g_strdup_printf (_("On days after a run of %s to %s"), low, high);
  return g_strdup_printf (_("runs of %s to %s"), low, high);
}

static char *
factor_text (const char *code,
             Text        which,
             KjUnits     units)
{
  const Factor *f = find_factor (code);

  if (f == NULL)
    return g_strdup (code);
  if (f->exposure == EXPOSURE_RUN)
    return band_text (f, which, units);

  switch (which)
    {
    case TEXT_LABEL:
      return g_strdup (_(f->label));
    case TEXT_AFTER:
      return g_strdup (_(f->after));
    case TEXT_NOUN:
    default:
      return g_strdup (_(f->noun));
    }
}

/**
 * kj_association_label:
 *
 * Returns: (transfer full): what the factor is called in a list: “Ice”, “Runs of 5 to 10 km”
 */
char *
kj_association_label (const KjAssociation *a,
                      KjUnits              units)
{
  return factor_text (a->factor, TEXT_LABEL, units);
}

/* Tenths, so that what is compared is what is shown */
static int
tenths (double value)
{
  return (int) lround (value * 10.0);
}

static char *
one_decimal (int tenth)
{
  return g_strdup_printf ("%.1f", abs (tenth) / 10.0);
}

/**
 * kj_association_change:
 *
 * Returns: (transfer full): the difference and its interval in words:
 *   “0.8 lower (0.3 to 1.3)”, “0.2 lower (0.5 lower to 0.1 higher)”, or
 *   “exactly the same” when the interval is no wider than the difference, 0
 */
char *
kj_association_change (const KjAssociation *a)
{
  int d = tenths (a->difference), low = tenths (a->ci_low), high = tenths (a->ci_high);
  g_autofree char *ds = one_decimal (d);
  g_autofree char *ls = one_decimal (low);
  g_autofree char *hs = one_decimal (high);

  /* the wording follows the interval itself, not its rounded ends: one that
   * includes no difference says so even when an end rounds to 0.0 */
  if (d < 0 && a->ci_high < 0)
    /* Translators: next-day pain “0.8 lower (0.3 to 1.3)”: the difference, then its interval */
    return g_strdup_printf (_("%s lower (%s to %s)"), ds, hs, ls);
  if (d > 0 && a->ci_low > 0)
    /* Translators: next-day pain “0.8 higher (0.3 to 1.3)”: the difference, then its interval */
    return g_strdup_printf (_("%s higher (%s to %s)"), ds, ls, hs);
  if (d < 0)
    /* Translators: “0.2 lower (0.5 lower to 0.1 higher)”: an interval that includes no difference */
    return g_strdup_printf (_("%s lower (%s lower to %s higher)"), ds, ls, hs);
  if (d > 0)
    return g_strdup_printf (_("%s higher (%s lower to %s higher)"), ds, ls, hs);

  if (low == 0 && high == 0)
    /* Translators: next-day pain that was the same on both sides, in every resample too */
    return g_strdup (_("exactly the same"));

  /* Translators: next-day pain “the same (0.3 lower to 0.4 higher)” */
  return g_strdup_printf (_("the same (%s lower to %s higher)"), ls, hs);
}

/**
 * kj_association_sentence:
 *
 * Returns: (transfer full): the finding in two sentences, in the user's language and unit:
 *   “On days after you iced, your pain the next day was on average 0.8 lower (0.3 to 1.3) — 21 vs 19 days.
 *   This is a pattern in your records, not proof that ice helped.”
 */
char *
kj_association_sentence (const KjAssociation *a,
                         KjUnits              units)
{
  g_autofree char *after = factor_text (a->factor, TEXT_AFTER, units);
  g_autofree char *noun = factor_text (a->factor, TEXT_NOUN, units);
  g_autofree char *change = kj_association_change (a);
  g_autofree char *count = NULL;
  g_autofree char *caveat = NULL;
  int d = tenths (a->difference);

  /* Translators: the day pairs on each side, with the factor and without it: “21 vs 19 days” */
  count = g_strdup_printf (ngettext ("%u vs %u day", "%u vs %u days", a->days_without), a->days_with,
                           a->days_without);
  if (d < 0)
    /* Translators: %s is a noun phrase such as “ice”, “the exercises”, “runs under 5 km” */
    caveat = g_strdup_printf (_("This is a pattern in your records, not proof that %s helped."), noun);
  else if (d > 0)
    caveat = g_strdup_printf (_("This is a pattern in your records, not proof that %s made it worse."), noun);
  else
    caveat = g_strdup (_("This is a pattern in your records, not proof either way."));

  /* Translators: “On days after you iced” “, your pain the next day was on average ” “0.8 lower (0.3 to 1.3)”
   * “ — ” “21 vs 19 days”; then the caveat */
  return g_strdup_printf (_("%s, your pain the next day was on average %s — %s. %s"), after, change, count, caveat);
}

const char *
kj_associations_why_none (void)
{
  return _("Nothing to compare yet. A treatment, a kind of run or something that made it worse is compared "
           "once at least 8 days with it and 8 days without it are each followed by a logged day.");
}

/**
 * kj_associations_add_json:
 *
 * Adds the member "associations" of doc/journal-format.md, “Summary JSON”, to the object being built.
 */
void
kj_associations_add_json (JsonBuilder *builder,
                          GArray      *associations)
{
  json_builder_set_member_name (builder, "associations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < associations->len; i++)
    {
      const KjAssociation *a = &g_array_index (associations, KjAssociation, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "factor");
      json_builder_add_string_value (builder, a->factor);
      json_builder_set_member_name (builder, "group");
      json_builder_add_string_value (builder, a->group);
      json_builder_set_member_name (builder, "difference");
      json_builder_add_double_value (builder, (a->difference));
      json_builder_set_member_name (builder, "ci_low");
      json_builder_add_double_value (builder, (a->ci_low));
      json_builder_set_member_name (builder, "ci_high");
      json_builder_add_double_value (builder, (a->ci_high));
      json_builder_set_member_name (builder, "mean_with");
      json_builder_add_double_value (builder, (a->mean_with));
      json_builder_set_member_name (builder, "mean_without");
      json_builder_add_double_value (builder, (a->mean_without));
      json_builder_set_member_name (builder, "days_with");
      json_builder_add_int_value (builder, a->days_with);
      json_builder_set_member_name (builder, "days_without");
      json_builder_add_int_value (builder, a->days_without);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Exercise adherence */

/**
 * kj_adherence_weeks:
 *
 * The ISO weeks from the first to the last day entry or exercise in the range; days_in_range counts the days
 * of each week inside the range (from/to), so a week cut by the range's ends shows it.
 *
 * Returns: (transfer full) (element-type KjAdherenceWeek): the weeks, oldest first; empty without records
 */
GArray *
kj_adherence_weeks (GPtrArray  *days,
                    GPtrArray  *treatments,
                    const char *from,
                    const char *to)
{
  GArray *weeks = g_array_new (FALSE, TRUE, sizeof (KjAdherenceWeek));
  g_autofree guint8 *exercised = NULL;
  g_autofree gint8 *pain = NULL;
  int first = G_MAXINT, last = G_MININT, start;
  int from_j = from != NULL && from[0] != '\0' ? kj_series_julian (from) : G_MININT;
  int to_j = to != NULL && to[0] != '\0' ? kj_series_julian (to) : G_MAXINT;
  guint len;

  g_return_val_if_fail (days != NULL && treatments != NULL, weeks);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = days->pdata[i];

      if (in_range (day->date, from, to))
        {
          int j = kj_series_julian (day->date);

          first = MIN (first, j);
          last = MAX (last, j);
        }
    }
  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = treatments->pdata[i];

      if (g_strcmp0 (t->kind, "exercise") == 0 && in_range (t->date, from, to))
        {
          int j = kj_series_julian (t->date);

          first = MIN (first, j);
          last = MAX (last, j);
        }
    }
  if (first > last)
    return weeks;

  start = kj_series_week_start (first);
  len = (guint) (last - start + 1);
  exercised = g_new0 (guint8, len);
  pain = g_new (gint8, len);
  memset (pain, -1, len);

  for (guint i = 0; i < days->len; i++)
    {
      const KjDay *day = days->pdata[i];

      if (in_range (day->date, from, to))
        pain[kj_series_julian (day->date) - start] = (gint8) CLAMP (day->pain, 0, 10);
    }
  for (guint i = 0; i < treatments->len; i++)
    {
      const KjTreatment *t = treatments->pdata[i];

      if (g_strcmp0 (t->kind, "exercise") == 0 && in_range (t->date, from, to))
        exercised[kj_series_julian (t->date) - start] = 1;
    }

  for (guint w = 0; w < len; w += 7)
    {
      KjAdherenceWeek week = { .mean_pain = NAN };
      guint pain_sum = 0;

      kj_series_date_of_julian (start + (int) w, week.monday);
      for (guint d = w; d < w + 7; d++)
        {
          int j = start + (int) d;

          if (j < from_j || j > to_j)
            continue;
          week.days_in_range++;
          if (d >= len)
            continue;
          week.exercise_days += exercised[d];
          if (pain[d] >= 0)
            {
              week.logged_days++;
              pain_sum += pain[d];
            }
        }
      if (week.logged_days > 0)
        week.mean_pain = (double) pain_sum / week.logged_days;
      g_array_append_val (weeks, week);
    }

  return weeks;
}
