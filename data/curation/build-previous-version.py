#!/usr/bin/env python3
"""Rebuilds data/ptc-2022-2025.2023-10.json, the PTC programme as it stood in October 2023 (before the revision the
seed shows), from the current file and the previous wording read from the tracked changes.

Run from the repository root: python3 data/curation/build-previous-version.py
The rules are in data/README.md ("The previous version").
"""
import copy
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
current = json.loads((ROOT / "data/ptc-2022-2025.json").read_text(encoding="utf-8"))
previous = json.loads((ROOT / "data/curation/ptc-2022-2025-previous-wording.json").read_text(encoding="utf-8"))
wording = {a["id"]: a for a in previous["activities"]}

SESSION = "ctp-241-242"

# Rows whose status changed in the revision but whose old text the dump does not let us read (the curator's notes say
# so): the October 2023 version gives no status for them rather than a guess. Keyed by section and new number.
STATUS_NOT_LEGIBLE = {
    ("time-bound", 12), ("time-bound", 15),
    ("permanent", 9), ("permanent", 16), ("permanent", 19), ("permanent", 25), ("permanent", 28),
    ("permanent", 40), ("permanent", 41),
}


def season(year, name, *bodies):
    return {"kind": "season", "year": year, "month": None, "season": name, "body": None, "ordinals": None, "bodies": list(bodies)}


def month(year, number, *bodies):
    return {"kind": "month", "year": year, "month": number, "season": None, "body": None, "ordinals": None, "bodies": list(bodies)}


# The six deadlines the revision rewrote, parsed as the current file parses its own.
MILESTONES = {
    "Automne 2023 (CTP) / Juin 2024 (Conseil)": [season(2023, "autumn", "CTP"), month(2024, 6, "Conseil")],
    "Automne 2024 (CTP)": [season(2024, "autumn", "CTP")],
    "CTP printemps 2023 / Juin 2024 (Conseil)": [season(2023, "spring", "CTP"), month(2024, 6, "Conseil")],
    "Printemps 2024 (CTP) / Juin 2024 (CPG et Conseil)": [season(2024, "spring", "CTP"), month(2024, 6, "CPG", "Conseil")],
    "Juin 2023": [month(2023, 6)],
}


def keyword_for(old_text, row_status):
    """The keyword the old text shows: completed when it says so, otherwise the current keyword unless that is
    'completed' (reached since), in which case the work was still ongoing."""
    if re.match(r"\s*Achev", old_text):
        return "completed", False
    kept = row_status.get("keyword")
    if kept is None or kept == "completed":
        return "ongoing", True
    return kept, True


rows = []
for row in current["activities"]:
    if row["revision"] == "new":
        continue
    old = copy.deepcopy(row)
    old["number"] = row["previousNumber"]
    old["previousNumber"] = None
    old["revision"] = "unchanged"
    before = wording[row["id"]].get("previous") or {}
    for field in ("title", "resources", "kpi"):
        if field in before:
            old[field] = {"fr": before[field]["fr"], "en": None}
    if "deadline" in before:
        text = before["deadline"]["fr"]
        old["deadline"] = {"text": {"fr": text, "en": None}, "continuous": False, "milestones": MILESTONES[text]}

    status = row.get("status")
    if status is not None:
        status = copy.deepcopy(status)
        status["session"] = SESSION
        if "status" in before:
            text = before["status"]["fr"]
            status["keyword"], status["keywordInferred"] = keyword_for(text, row["status"])
            status["executionLevel"] = None
            status["text"] = {"fr": text, "en": None}
            status["milestonesReached"] = []
        elif (row["section"], row["number"]) in STATUS_NOT_LEGIBLE:
            status = None
        # Otherwise the dump shows no change in the status: it read the same in October 2023.
    old["status"] = status
    rows.append(old)

result = {
    "format": current["format"],
    "slug": current["slug"],
    "title": current["title"],
    "body": current["body"],
    "period": current["period"],
    "version": {"label": "2023-10", "documentSymbol": None, "state": "approved", "session": SESSION},
    "activities": rows,
    "reference": current["reference"],
}
out = ROOT / "data/ptc-2022-2025.2023-10.json"
out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{out.relative_to(ROOT)}: {len(rows)} rows")
