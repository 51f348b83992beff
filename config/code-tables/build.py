#!/usr/bin/env python3
"""Builds the dated X12 code tables of this folder from the collected source lists.

Usage: python3 config/code-tables/build.py [path-to-shared-codes]

The default input folder is ../../../shared/codes relative to this script (the shared folder
beside the repository). Writes carc__, rarc__, group__ and plb__<date>.csv next to this script,
all with the header code,start_date,stop_date,last_modified,description,source.

Merge rule: the X12 list is authoritative for every code it has; a code found only in the VistA
snapshot is added with source vista-2016 (historical). A row of the X12 file that the collector
restored from VistA (its notes say so) counts as a VistA row.

Fails (exit status 1, message on stderr) on a malformed input row or a duplicate code.
Python 3 standard library only.
"""

import csv
import datetime
import os
import re
import sys

HEADER = ["code", "start_date", "stop_date", "last_modified", "description", "source"]

X12_COLUMNS = ["code", "status", "description", "start_date", "last_modified", "stop_date", "notes"]
VISTA_COLUMNS = ["code", "start_date", "stop_date", "last_modified", "description", "notes"]
PLB_COLUMNS = ["code", "start_date", "stop_date", "last_modified", "description"]
GROUP_COLUMNS = ["code", "description"]

X12_CARC = "carc__x12org_2025-11-01.csv"
X12_RARC = "rarc__x12org_2026-03.csv"
X12_GROUP = "claim_adjustment_group_codes__x12org.csv"
VISTA_CARC = "carc__vista_2016.csv"
VISTA_RARC = "rarc__vista_2016.csv"
VISTA_PLB = "plb_adjustment_reason__vista.csv"

# Publication dates of the lists: the X12 CARC page (and its group-code table) as saved on
# 2025-11-01; the X12 RARC list of March 2026 (latest start date 2026-03-01); the VistA
# snapshot of 2016 (the day is unknown, the first of the year stands for it).
CARC_DATE = "2025-11-01"
RARC_DATE = "2026-03-01"
GROUP_DATE = CARC_DATE
VISTA_DATE = "2016-01-01"

SOURCE_X12_CARC = "x12org-" + CARC_DATE
SOURCE_X12_RARC = "x12org-" + RARC_DATE
SOURCE_X12_GROUP = "x12org-" + GROUP_DATE
SOURCE_VISTA = "vista-2016"

# The group-code list says CR "is not to be used with 005010 and up"; 5010 was mandatory
# from 2012-01-01, so CR stops that day.
GROUP_STOPS = {"CR": "2012-01-01"}

CODE = re.compile(r"[A-Z0-9]{1,5}")
RESTORED_FROM_VISTA = re.compile(r"restored from vista", re.IGNORECASE)


class InputError(Exception):
    """A malformed input file or row."""


def iso_date(value, where, column):
    """The value as yyyy-mm-dd ('' when blank); accepts yyyy-mm-dd, yyyymmdd and m/d/yyyy."""
    text = value.strip()
    if not text:
        return ""
    patterns = [
        (r"(\d{4})-(\d{2})-(\d{2})", (1, 2, 3)),
        (r"(\d{4})(\d{2})(\d{2})", (1, 2, 3)),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", (3, 1, 2)),
    ]
    for pattern, (y, m, d) in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            try:
                day = datetime.date(int(match[y]), int(match[m]), int(match[d]))
            except ValueError:
                break
            return day.isoformat()
    raise InputError(f"{where}: {column} {value!r} is not a date")


def read_rows(path, columns):
    """(line, dict) for each data row; the header must be exactly `columns`."""
    rows = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f, strict=True)
            try:
                header = next(reader, None)
                if header != columns:
                    raise InputError(f"{path}:1: header {header} is not {columns}")
                line = reader.line_num + 1
                for fields in reader:
                    if not fields or all(not v.strip() for v in fields):
                        line = reader.line_num + 1
                        continue
                    if len(fields) != len(columns):
                        raise InputError(
                            f"{path}:{line}: {len(fields)} fields, expected {len(columns)}"
                        )
                    rows.append((line, dict(zip(columns, fields))))
                    line = reader.line_num + 1
            except csv.Error as e:
                raise InputError(f"{path}:{reader.line_num}: {e}") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e}") from e
    return rows


def entry(path, line, row, source):
    """The normalised output row of one input row, validated."""
    where = f"{path}:{line}"
    code = row["code"].strip().upper()
    if not CODE.fullmatch(code):
        raise InputError(f"{where}: code {row['code']!r} is not 1-5 letters or digits")
    start = iso_date(row.get("start_date", ""), where, "start_date")
    stop = iso_date(row.get("stop_date", ""), where, "stop_date")
    modified = iso_date(row.get("last_modified", ""), where, "last_modified")
    if start and stop and stop <= start:
        raise InputError(f"{where}: stop_date {stop} is not after start_date {start}")
    description = " ".join(re.sub(r"<br\s*/?>", " ", row["description"]).split())
    if not description:
        raise InputError(f"{where}: code {code} has no description")
    return {
        "code": code,
        "start_date": start,
        "stop_date": stop,
        "last_modified": modified,
        "description": description,
        "source": source,
    }


def by_code(path, rows, source, check=None):
    """Output rows keyed by code; a duplicate code fails."""
    out = {}
    first_line = {}
    for line, row in rows:
        if check:
            check(path, line, row)
        e = entry(path, line, row, source)
        if e["code"] in out:
            raise InputError(
                f"{path}:{line}: duplicate code {e['code']} (first on line {first_line[e['code']]})"
            )
        out[e["code"]] = e
        first_line[e["code"]] = line
    return out


def check_status(path, line, row):
    status = row["status"].strip().lower()
    if status not in ("current", "deactivated"):
        raise InputError(f"{path}:{line}: status {row['status']!r} is not current/deactivated")
    if (status == "deactivated") != bool(row["stop_date"].strip()):
        raise InputError(
            f"{path}:{line}: status {status} does not agree with stop_date {row['stop_date']!r}"
        )


def merge(kind, x12_path, vista_path, x12_source, report):
    """X12 rows (authoritative) plus the codes only the VistA snapshot has."""
    x12_rows = read_rows(x12_path, X12_COLUMNS)
    restored = [(l, r) for l, r in x12_rows if RESTORED_FROM_VISTA.search(r["notes"])]
    x12 = by_code(
        x12_path,
        [(l, r) for l, r in x12_rows if not RESTORED_FROM_VISTA.search(r["notes"])],
        x12_source,
        check_status,
    )
    vista = by_code(vista_path, read_rows(vista_path, VISTA_COLUMNS), SOURCE_VISTA)
    for line, row in restored:
        code = row["code"].strip().upper()
        if code not in vista:
            raise InputError(
                f"{x12_path}:{line}: {code} says it was restored from VistA but VistA lacks it"
            )
        report.append(f"{kind} {code}: X12 row restored from VistA by the collector; source vista")
    merged = dict(x12)
    for code, row in vista.items():
        if code not in x12:
            merged[code] = row
            continue
        for column in ("start_date", "stop_date"):
            if row[column] != x12[code][column]:
                report.append(
                    f"{kind} {code}: {column} X12 {x12[code][column] or '(none)'}"
                    f" vs VistA {row[column] or '(none)'}; X12 kept"
                )
    return merged


def natural(code):
    """Sort key: letter prefix, then number, then the rest (1 < 2 < 10 < A1 < MA01 < N1)."""
    match = re.fullmatch(r"([A-Z]*)(\d*)(.*)", code)
    return (match[1], int(match[2]) if match[2] else -1, match[3])


def write(folder, name, rows):
    path = os.path.join(folder, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        for code in sorted(rows, key=natural):
            writer.writerow([rows[code][c] for c in HEADER])
    return path


def build(source_dir, out_dir):
    report = []
    src = lambda name: os.path.join(source_dir, name)  # noqa: E731
    carc = merge("CARC", src(X12_CARC), src(VISTA_CARC), SOURCE_X12_CARC, report)
    rarc = merge("RARC", src(X12_RARC), src(VISTA_RARC), SOURCE_X12_RARC, report)
    groups = by_code(src(X12_GROUP), read_rows(src(X12_GROUP), GROUP_COLUMNS), SOURCE_X12_GROUP)
    for code, stop in GROUP_STOPS.items():
        if code not in groups:
            raise InputError(f"{src(X12_GROUP)}: group code {code} missing")
        groups[code]["stop_date"] = stop
    plb = by_code(src(VISTA_PLB), read_rows(src(VISTA_PLB), PLB_COLUMNS), SOURCE_VISTA)
    tables = [
        ("carc__" + CARC_DATE + ".csv", carc),
        ("rarc__" + RARC_DATE + ".csv", rarc),
        ("group__" + GROUP_DATE + ".csv", groups),
        ("plb__" + VISTA_DATE + ".csv", plb),
    ]
    for name, rows in tables:
        write(out_dir, name, rows)
        sources = {}
        for row in rows.values():
            sources[row["source"]] = sources.get(row["source"], 0) + 1
        detail = ", ".join(f"{n} {s}" for s, n in sorted(sources.items()))
        print(f"{name}: {len(rows)} codes ({detail})")
    for line in report:
        print("  " + line)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if len(argv) > 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    source_dir = argv[1] if len(argv) == 2 else os.path.join(here, "..", "..", "..", "shared", "codes")
    source_dir = os.path.normpath(source_dir)
    if not os.path.isdir(source_dir):
        print(f"build.py: input folder {source_dir} not found", file=sys.stderr)
        return 1
    try:
        build(source_dir, here)
    except InputError as e:
        print(f"build.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
