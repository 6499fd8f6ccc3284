/* kj-store-schema.h — the SQL of each schema version, applied in order by kj-store-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step migrates from version N to N + 1 inside the migration transaction.
 * Never edit a step that has shipped: add a new one and raise KJ_STORE_SCHEMA_VERSION.
 * The CHECK constraints mirror the value ranges of doc/data-model.md so that not even a
 * buggy caller can store an impossible value.
 */
#pragma once

#define KJ_SQL_DATE_CHECK(col) "(" col " IS NULL OR (typeof(" col ") = 'text' AND length(" col ") = 10 AND date(julianday(" col ")) IS " col "))"

#define KJ_SQL_REGIONS \
  "'quadriceps-tendon','patella','medial-patella','lateral-patella','patellar-tendon','tibial-tuberosity'," \
  "'medial-joint-line','pes-anserine','mcl','lateral-joint-line','it-band','fibular-head','popliteal'," \
  "'medial-hamstring','lateral-hamstring','calf'"

static const char * const kj_store_migrations[] = {
  /* 0 → 1: the journal */
  "CREATE TABLE profile ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),"
  "  affected_side TEXT NOT NULL DEFAULT 'right' CHECK (affected_side IN ('left','right','both')),"
  "  injury_date TEXT CHECK " KJ_SQL_DATE_CHECK ("injury_date") ","
  "  treatment_start TEXT CHECK " KJ_SQL_DATE_CHECK ("treatment_start") ","
  "  units TEXT NOT NULL DEFAULT 'km' CHECK (units IN ('km','mi')),"
  "  review_weeks INTEGER NOT NULL DEFAULT 3 CHECK (review_weeks BETWEEN 2 AND 12)"
  ") STRICT;"
  "INSERT INTO profile (id) VALUES (1);"
  "CREATE TABLE days ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  date TEXT NOT NULL UNIQUE CHECK " KJ_SQL_DATE_CHECK ("date") ","
  "  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),"
  "  pain_worst INTEGER CHECK (pain_worst IS NULL OR (pain_worst BETWEEN 0 AND 10 AND pain_worst >= pain)),"
  "  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000)"
  ") STRICT;"
  "CREATE TABLE day_locations ("
  "  day_id TEXT NOT NULL REFERENCES days (id) ON DELETE CASCADE,"
  "  side TEXT NOT NULL CHECK (side IN ('left','right')),"
  "  region TEXT NOT NULL CHECK (region IN (" KJ_SQL_REGIONS ")),"
  "  UNIQUE (day_id, side, region)"
  ") STRICT;"
  "CREATE TABLE day_symptoms ("
  "  day_id TEXT NOT NULL REFERENCES days (id) ON DELETE CASCADE,"
  "  symptom TEXT NOT NULL CHECK (symptom IN ('swelling','stiffness','clicking','grinding','locking',"
  "    'giving-way','night-pain','fever','cant-bear-weight','injury')),"
  "  UNIQUE (day_id, symptom)"
  ") STRICT;"
  "CREATE TABLE day_aggravators ("
  "  day_id TEXT NOT NULL REFERENCES days (id) ON DELETE CASCADE,"
  "  aggravator TEXT NOT NULL CHECK (aggravator IN ('running','downhill','stairs-up','stairs-down',"
  "    'squatting','kneeling','sitting','walking','cycling')),"
  "  UNIQUE (day_id, aggravator)"
  ") STRICT;"
  "CREATE TABLE treatments ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  date TEXT NOT NULL CHECK " KJ_SQL_DATE_CHECK ("date") ","
  "  kind TEXT NOT NULL CHECK (kind IN ('ice','heat','medication','exercise','stretching','foam-rolling',"
  "    'massage','rest','compression','elevation','physio','insoles','brace','injection','other')),"
  "  minutes INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 240),"
  "  drug TEXT CHECK (drug IS NULL OR (kind = 'medication' AND drug IN ('ibuprofen','naproxen',"
  "    'diclofenac','diclofenac-gel','aspirin','paracetamol','other'))),"
  "  dose_mg INTEGER CHECK (dose_mg IS NULL OR (kind = 'medication' AND dose_mg BETWEEN 1 AND 2000)),"
  "  exercise TEXT CHECK (exercise IS NULL OR (kind IN ('exercise','stretching') AND exercise IN ("
  "    'single-leg-bridge','hamstring-bridge','split-squat','clamshell','side-leg-raise',"
  "    'straight-leg-raise','wall-sit','step-down','calf-raise','quad-stretch','hamstring-stretch',"
  "    'hip-flexor-stretch','it-band-stretch','other'))),"
  "  sets INTEGER CHECK (sets IS NULL OR (kind IN ('exercise','stretching') AND sets BETWEEN 1 AND 20)),"
  "  reps INTEGER CHECK (reps IS NULL OR (kind IN ('exercise','stretching') AND reps BETWEEN 1 AND 500)),"
  "  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 1000)"
  ") STRICT;"
  "CREATE INDEX treatments_by_date ON treatments (date);"
  "CREATE TABLE runs ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  date TEXT NOT NULL CHECK " KJ_SQL_DATE_CHECK ("date") ","
  "  distance_km REAL NOT NULL CHECK (distance_km BETWEEN 0.01 AND 500),"
  "  duration_s INTEGER CHECK (duration_s IS NULL OR duration_s BETWEEN 1 AND 172800),"
  "  descent_m REAL CHECK (descent_m IS NULL OR descent_m BETWEEN 0 AND 20000),"
  "  pain_during INTEGER CHECK (pain_during IS NULL OR pain_during BETWEEN 0 AND 10),"
  "  pain_after INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),"
  "  stopped_early INTEGER NOT NULL DEFAULT 0 CHECK (stopped_early IN (0, 1)),"
  "  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 1000)"
  ") STRICT;"
  "CREATE INDEX runs_by_date ON runs (date);",

  /* 1 → 2: remember where an imported run came from (a hash of the GPS track),
   * so that importing the same file twice is recognised. */
  "ALTER TABLE runs ADD COLUMN source_hash TEXT CHECK (source_hash IS NULL OR length(source_hash) = 64);"
  "CREATE UNIQUE INDEX runs_by_source_hash ON runs (source_hash) WHERE source_hash IS NOT NULL;",

  /* 2 → 3: the time of day a treatment was taken (“400 mg at 08:00”), HH:MM or NULL */
  "ALTER TABLE treatments ADD COLUMN time TEXT CHECK (time IS NULL OR (typeof(time) = 'text' AND length(time) = 5"
  " AND time GLOB '[0-2][0-9]:[0-5][0-9]' AND time <= '23:59'));",

  /* 3 → 4: shoes, and the pair each run was run in. Deleting a pair keeps its
   * runs, without a shoe (ON DELETE SET NULL); at most one pair is the default,
   * and a retired pair is not. */
  "CREATE TABLE shoes ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND length(trim(name)) > 0),"
  "  model TEXT CHECK (model IS NULL OR length(model) <= 200),"
  "  start_date TEXT CHECK " KJ_SQL_DATE_CHECK ("start_date") ","
  "  retired_date TEXT CHECK " KJ_SQL_DATE_CHECK ("retired_date") ","
  "  start_km REAL NOT NULL DEFAULT 0 CHECK (start_km BETWEEN 0 AND 100000),"
  "  alert_km REAL NOT NULL DEFAULT 700 CHECK (alert_km > 0 AND alert_km <= 100000),"
  "  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),"
  "  CHECK (retired_date IS NULL OR start_date IS NULL OR retired_date >= start_date),"
  "  CHECK (is_default = 0 OR retired_date IS NULL)"
  ") STRICT;"
  "CREATE UNIQUE INDEX shoes_one_default ON shoes (is_default) WHERE is_default = 1;"
  "ALTER TABLE runs ADD COLUMN shoe_id TEXT REFERENCES shoes (id) ON DELETE SET NULL;"
  "CREATE INDEX runs_by_shoe ON runs (shoe_id) WHERE shoe_id IS NOT NULL;",

  /* 4 → 5: episodes (doc/data-model.md, “Episodes”). The profile's side, dates
   * and review weeks become the first episode, with a new random (version 4)
   * UUID, and leave the profile: one home for each fact. A journal whose
   * profile has none of them set, or has no profile row, still gets its
   * episode; a value another program stored past the CHECKs is left out (the
   * default takes its place; kj-store-open.c says so in words). */
  "CREATE TABLE episodes ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),"
  "  side TEXT NOT NULL DEFAULT 'right' CHECK (side IN ('left','right','both')),"
  "  injury_date TEXT CHECK " KJ_SQL_DATE_CHECK ("injury_date") ","
  "  treatment_start TEXT CHECK " KJ_SQL_DATE_CHECK ("treatment_start") ","
  "  review_weeks INTEGER NOT NULL DEFAULT 3 CHECK (review_weeks BETWEEN 2 AND 12),"
  "  end_date TEXT CHECK " KJ_SQL_DATE_CHECK ("end_date") ","
  "  notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),"
  "  CHECK (end_date IS NULL OR injury_date IS NULL OR end_date >= injury_date),"
  "  CHECK (end_date IS NULL OR treatment_start IS NULL OR end_date >= treatment_start)"
  ") STRICT;"
  "INSERT INTO episodes (id, side, injury_date, treatment_start, review_weeks)"
  "  SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'"
  "    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),"
  "    CASE WHEN p.affected_side IN ('left','right','both') THEN p.affected_side ELSE 'right' END,"
  "    CASE WHEN " KJ_SQL_DATE_CHECK ("p.injury_date") " THEN p.injury_date END,"
  "    CASE WHEN " KJ_SQL_DATE_CHECK ("p.treatment_start") " THEN p.treatment_start END,"
  "    CASE WHEN typeof(p.review_weeks) = 'integer' AND p.review_weeks BETWEEN 2 AND 12 THEN p.review_weeks ELSE 3 END"
  "  FROM (SELECT 1) LEFT JOIN profile AS p ON p.id = 1;"
  "ALTER TABLE profile DROP COLUMN affected_side;"
  "ALTER TABLE profile DROP COLUMN injury_date;"
  "ALTER TABLE profile DROP COLUMN treatment_start;"
  "ALTER TABLE profile DROP COLUMN review_weeks;",
  /* 5 → 6: the weekly knee questionnaire (doc/data-model.md, “Questionnaires”), stored item by item: the
   * index of the answer chosen for each item, never points. The CHECKs hold each answer to the number of
   * answers of its item of the Kujala scale (kj-questionnaire.c); that every item is answered once is checked
   * when a questionnaire is read (kj-store-questionnaires.c). */
  "CREATE TABLE questionnaires ("
  "  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),"
  "  date TEXT NOT NULL CHECK " KJ_SQL_DATE_CHECK ("date") ","
  "  instrument TEXT NOT NULL CHECK (instrument IN ('kujala')),"
  "  UNIQUE (date, instrument)"
  ") STRICT;"
  "CREATE TABLE questionnaire_answers ("
  "  questionnaire_id TEXT NOT NULL REFERENCES questionnaires (id) ON DELETE CASCADE,"
  "  item INTEGER NOT NULL CHECK (item BETWEEN 0 AND 12),"
  "  answer INTEGER NOT NULL CHECK (answer >= 0 AND answer < CASE item WHEN 0 THEN 3 WHEN 1 THEN 3 WHEN 2 THEN 4"
  "    WHEN 3 THEN 4 WHEN 4 THEN 5 WHEN 5 THEN 5 WHEN 6 THEN 4 WHEN 7 THEN 5 WHEN 8 THEN 5 WHEN 9 THEN 5"
  "    WHEN 10 THEN 5 WHEN 11 THEN 3 WHEN 12 THEN 3 ELSE 0 END),"
  "  UNIQUE (questionnaire_id, item)"
  ") STRICT;",

  /* 6 → 7: run files recognised before they are read (doc/data-model.md, “Runs from files”). A run's
   * fingerprint becomes the SHA-256 of its points as numbers (track_hash); source_hash keeps the
   * fingerprint of the points as text that runs imported before got, and the import still compares it.
   * run_files holds the SHA-256 of the bytes of each file a run came from (or was found again in): a file
   * whose hash is there is skipped unread. Deleting the run forgets its files. */
  "ALTER TABLE runs ADD COLUMN track_hash TEXT CHECK (track_hash IS NULL OR length(track_hash) = 64);"
  "CREATE UNIQUE INDEX runs_by_track_hash ON runs (track_hash) WHERE track_hash IS NOT NULL;"
  "CREATE TABLE run_files ("
  "  hash TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),"
  "  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX run_files_by_run ON run_files (run_id);",
};
