#!/usr/bin/env python3
"""Peer for bench/run: what a colleague would script with pandas + openpyxl.

    pandas_ingest.py [--from 2014] [--to 2023] [--jobs N] [--db FILE] PATH...

PATH is a workbook or a folder of *.xlsx. Each workbook's first sheet is read
with pd.read_excel(engine="openpyxl", header=None); the header is the first
of the first 30 rows with a "Mã chỉ tiêu" cell. A header with "Năm" and
"Giá trị" is the long layout (FORMATS.md §3), one with year columns (2014 or
"Năm 2014") the wide layout (§2), whose unit code is the "Mã đơn vị:" line
above the table. The figures go into one DataFrame (unit, year, code,
hundredths), and into SQLite with to_sql when --db is given. Prints one JSON
line {code: total} for the period: `sum` indicators add the years, `last`
ones add, over units, each unit's latest value in the period (FORMATS.md §5).

No checks: no rules, outliers, duplicates, audit or history, which tongket
does. Folders are read by --jobs processes (default: all cores); a single
file has one reader.
"""

import argparse
import json
import math
import os
import re
import sqlite3
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

# agg of the built-in catalog (FORMATS.md §1); every other code is `sum`.
LAST = {"MH_HIEUQUA", "XA_TUQUAN", "XA_CAMERA", "CAMERA_SO"}


def norm(v):
    """A label folded for matching: NFC, case, spaces."""
    if not isinstance(v, str):
        return ""
    return " ".join(unicodedata.normalize("NFC", v).casefold().split())


def year_of(v):
    """The year a header cell names (2014, "2014", "Năm 2014"), or None."""
    if isinstance(v, (int, float)) and not isinstance(v, bool) and not (isinstance(v, float) and math.isnan(v)):
        y = int(v)
        return y if y == v and 1900 <= y <= 2200 else None
    m = re.fullmatch(r"(?:năm )?(\d{4})", norm(v))
    return int(m.group(1)) if m else None


VN_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?")


def hundredths(v):
    """A cell as an integer number of hundredths, or None when empty.
    Numeric cells as they are; text the Vietnamese way (1.234,5), "-" is 0."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        if s == "":
            return None
        if s in ("-", "–"):
            return 0
        if not VN_NUMBER.fullmatch(s):
            raise ValueError(f"not a number: {v!r}")
        v = float(s.replace(".", "").replace(",", "."))
    v = float(v)
    if math.isnan(v):
        return None
    return round(v * 100)


def header_row(df):
    for i in range(min(30, len(df))):
        if "mã chỉ tiêu" in {norm(x) for x in df.iloc[i].tolist()}:
            return i
    return None


def read_long(df, h, path):
    labels = {norm(x): j for j, x in enumerate(df.iloc[h].tolist())}
    try:
        cu, cy, cc, cv = (labels[k] for k in ("mã đơn vị", "năm", "mã chỉ tiêu", "giá trị"))
    except KeyError as e:
        raise SystemExit(f"{path}: long layout without column {e}")
    body = df.iloc[h + 1:, [cu, cy, cc, cv]]
    body.columns = ["unit", "year", "code", "value"]
    body = body[body["code"].notna()]
    out = pd.DataFrame({
        "unit": body["unit"].map(lambda u: str(int(u)) if isinstance(u, float) else str(u).strip()),
        "year": pd.to_numeric(body["year"]).astype("int64"),
        "code": body["code"].astype(str).str.strip(),
        "h": body["value"].map(hundredths),
    })
    return out[out["h"].notna()]


def read_wide(df, h, path):
    unit = None
    for i in range(h):
        row = df.iloc[i].tolist()
        for j, x in enumerate(row):
            n = norm(x)
            if n.startswith("mã đơn vị"):
                rest = str(x).split(":", 1)[1].strip() if ":" in str(x) else ""
                if not rest and j + 1 < len(row) and isinstance(row[j + 1], str):
                    rest = row[j + 1].strip()
                unit = rest or unit
    if unit is None:
        raise SystemExit(f"{path}: no 'Mã đơn vị:' line above the table")
    head = df.iloc[h].tolist()
    cc = next(j for j, x in enumerate(head) if norm(x) == "mã chỉ tiêu")
    years = {j: y for j, x in enumerate(head) if (y := year_of(x)) is not None}
    if not years:
        raise SystemExit(f"{path}: header row {h + 1} has no year column")
    body = df.iloc[h + 1:, [cc, *years]]
    body.columns = ["code", *years.values()]
    body = body[body["code"].map(lambda c: isinstance(c, str) and c.strip() != "")]
    long = body.melt(id_vars="code", var_name="year", value_name="value")
    long["h"] = long["value"].map(hundredths)
    long = long[long["h"].notna()]
    return pd.DataFrame({
        "unit": unit,
        "year": long["year"].astype("int64"),
        "code": long["code"].str.strip(),
        "h": long["h"],
    })


def read_book(path):
    df = pd.read_excel(path, sheet_name=0, engine="openpyxl", header=None)
    h = header_row(df)
    if h is None:
        raise SystemExit(f"{path}: no header row with 'Mã chỉ tiêu' in the first 30 rows")
    labels = {norm(x) for x in df.iloc[h].tolist()}
    if "năm" in labels and "giá trị" in labels:
        return read_long(df, h, path)
    return read_wide(df, h, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="first", type=int, default=2014)
    ap.add_argument("--to", dest="last", type=int, default=2023)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--db", help="also store the figures in this SQLite file (to_sql)")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()

    files = []
    for p in a.paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, n) for n in os.listdir(p) if n.lower().endswith(".xlsx"))
        else:
            files.append(p)
    if a.jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(a.jobs) as ex:
            parts = list(ex.map(read_book, files, chunksize=16))
    else:
        parts = [read_book(f) for f in files]
    facts = pd.concat(parts, ignore_index=True)
    facts["h"] = facts["h"].astype("int64")

    if a.db:
        with sqlite3.connect(a.db) as con:
            facts.to_sql("figures", con, if_exists="replace", index=False)

    p = facts[(facts["year"] >= a.first) & (facts["year"] <= a.last)]
    is_last = p["code"].isin(LAST)
    totals = p[~is_last].groupby("code")["h"].sum()
    latest = p[is_last].sort_values("year").groupby(["code", "unit"])["h"].last()
    totals = pd.concat([totals, latest.groupby(level="code").sum()])
    out = {c: (int(v) // 100 if v % 100 == 0 else int(v) / 100) for c, v in totals.items()}
    print(json.dumps(out, ensure_ascii=False, sort_keys=True))
    print(f"pandas: {len(files)} files, {len(facts)} figures", file=sys.stderr)


if __name__ == "__main__":
    main()
