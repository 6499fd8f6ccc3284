#!/usr/bin/python3
# floor-import.py — the floor of the JSON import benchmark (bench-io.c): a
# journal JSON file into an empty journal with Python's json and sqlite3.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: floor-import.py FILE DB
# DB is an empty journal that knee-journal made (the benchmark copies one
# before each run), so the schema, its CHECK constraints and the write-ahead
# log are the journal's own. The same rows as `knee-journal --import-json`
# writes go in with prepared statements (sqlite3 keeps them) in one
# transaction, without any validation of ours: what a short script needs.

import json
import sqlite3
import sys


def main():
    path, db_path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)

    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("BEGIN")

    profile = doc.get("profile") or {}
    db.execute("INSERT INTO profile (id, name, units) VALUES (1, ?, ?)"
               " ON CONFLICT (id) DO UPDATE SET name = excluded.name, units = excluded.units",
               (profile.get("name", ""), profile.get("units", "km")))

    db.execute("DELETE FROM episodes")
    db.executemany("INSERT INTO episodes (id, name, side, injury_date, treatment_start, review_weeks, end_date, notes)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   ((e["id"], e.get("name") or "", e["side"], e.get("injury_date"), e.get("treatment_start"),
                     e.get("review_weeks") or 3, e.get("end_date"), e.get("notes") or "")
                    for e in doc.get("episodes") or []))

    days = doc.get("days") or []
    db.executemany("INSERT INTO days (id, date, pain, pain_worst, notes) VALUES (?, ?, ?, ?, ?)",
                   ((d["id"], d["date"], d["pain"], d.get("pain_worst"), d.get("notes") or "") for d in days))
    db.executemany("INSERT INTO day_locations (day_id, side, region) VALUES (?, ?, ?)",
                   ((d["id"], l["side"], l["region"]) for d in days for l in d.get("locations") or []))
    db.executemany("INSERT INTO day_symptoms (day_id, symptom) VALUES (?, ?)",
                   ((d["id"], s) for d in days for s in d.get("symptoms") or []))
    db.executemany("INSERT INTO day_aggravators (day_id, aggravator) VALUES (?, ?)",
                   ((d["id"], a) for d in days for a in d.get("aggravators") or []))

    db.executemany("INSERT INTO shoes (id, name, model, start_date, retired_date, start_km, alert_km, is_default)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   ((s["id"], s["name"], s.get("model"), s.get("start_date"), s.get("retired_date"),
                     s.get("start_km") or 0, s.get("alert_km") or 700, 1 if s.get("is_default") else 0)
                    for s in doc.get("shoes") or []))

    db.executemany("INSERT INTO treatments (id, date, kind, minutes, drug, dose_mg, exercise, sets, reps, notes, time)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ((t["id"], t["date"], t["kind"], t.get("minutes"), t.get("drug"), t.get("dose_mg"),
                     t.get("exercise"), t.get("sets"), t.get("reps"), t.get("notes") or "", t.get("time"))
                    for t in doc.get("treatments") or []))

    db.executemany("INSERT INTO runs (id, date, distance_km, duration_s, descent_m, pain_during, pain_after,"
                   " stopped_early, notes, shoe_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   ((r["id"], r["date"], r["distance_km"], r.get("duration_s"), r.get("descent_m"),
                     r.get("pain_during"), r.get("pain_after"), 1 if r.get("stopped_early") else 0,
                     r.get("notes") or "", r.get("shoe_id"))
                    for r in doc.get("runs") or []))

    for q in doc.get("questionnaires") or []:
        db.execute("INSERT INTO questionnaires (id, date, instrument) VALUES (?, ?, ?)",
                   (q["id"], q["date"], q["instrument"]))
        db.executemany("INSERT INTO questionnaire_answers (questionnaire_id, item, answer) VALUES (?, ?, ?)",
                       ((q["id"], i, a) for i, a in enumerate(q["answers"])))

    db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
