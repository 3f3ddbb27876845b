#!/usr/bin/env bash
# Peer for bench/run: what a colleague would script with xlsx2csv and sqlite3.
#
#   xlsx2csv_sqlite.sh [--from 2014] [--to 2023] [--db FILE] PATH...
#
# PATH is a workbook or a folder of *.xlsx. Each workbook's first sheet goes
# through `xlsx2csv` (one process per file, JOBS at once, default all cores),
# the CSVs are tagged with their file and row number and loaded with one
# `.import --csv` into a SQLite table of 40 text columns; SQL then finds each
# file's header (the first of the first 30 rows with a "Mã chỉ tiêu" cell),
# tells the long layout ("Năm" and "Giá trị" columns) from the wide one (year
# columns, unit code on the "Mã đơn vị:" line above), unpivots the figures
# into figures(unit, year, code, h) in hundredths, and prints one JSON line
# {code: total} for the period: `sum` indicators add the years, `last` ones
# add, over units, each unit's latest value in the period (FORMATS.md §5).
#
# No checks (rules, outliers, duplicates, audit, history), which tongket
# does. A CSV cannot tell a numeric cell 1.234 from the Vietnamese text
# "1.234" (one thousand two hundred thirty-four): every figure is read as a
# numeric cell's text. The database is a temporary file unless --db is given.
set -euo pipefail

from=2014 to=2023 db=
paths=()
while (($#)); do
	case $1 in
	--from) from=$2; shift 2 ;;
	--to) to=$2; shift 2 ;;
	--db) db=$2; shift 2 ;;
	-h | --help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) paths+=("$1"); shift ;;
	esac
done
if ((${#paths[@]} == 0)) || ! [[ $from =~ ^[0-9]{4}$ && $to =~ ^[0-9]{4}$ ]]; then
	echo "usage: xlsx2csv_sqlite.sh [--from YEAR] [--to YEAR] [--db FILE] FILE.xlsx|DIR..." >&2
	exit 2
fi
for tool in xlsx2csv sqlite3; do
	command -v "$tool" >/dev/null || { echo "xlsx2csv_sqlite.sh: $tool not found (apt-get install -y xlsx2csv sqlite3)" >&2; exit 2; }
done
JOBS=${JOBS:-$(nproc)}
NCOL=40

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/csv"
[[ -n $db ]] || db=$tmp/peer.db
rm -f "$db"

# 1. xlsx → csv, one xlsx2csv per file, JOBS at once. The CSV is named
# after the whole path so that equal names in two folders do not clash.
files=()
for p in "${paths[@]}"; do
	if [[ -d $p ]]; then
		shopt -s nullglob nocaseglob
		files+=("$p"/*.xlsx)
		shopt -u nullglob nocaseglob
	else
		files+=("$p")
	fi
done
# xargs appends the file as $1; $0 is the CSV folder.
printf '%s\0' "${files[@]}" | xargs -0 -P "$JOBS" -n 1 sh -c \
	'xlsx2csv --no-line-breaks "$1" "$0/$(printf %s "$1" | tr / _).csv"' "$tmp/csv"

# 2. One CSV of every row: file, row number, then the row's cells.
shopt -s nullglob
csvs=("$tmp"/csv/*.csv)
shopt -u nullglob
((${#csvs[@]} > 0)) || { echo "xlsx2csv_sqlite.sh: no workbook converted" >&2; exit 1; }
awk '{ f = FILENAME; sub(/.*\//, "", f); gsub(/"/, "\"\"", f); print "\"" f "\"," FNR "," $0 }' "${csvs[@]}" >"$tmp/all.csv"

# 3. SQLite: load, find headers, unpivot, total.
cols=$(seq -f 'c%g' 1 $NCOL | paste -sd,)
last_codes="'MH_HIEUQUA','XA_TUQUAN','XA_CAMERA','CAMERA_SO'" # agg last in the catalog (FORMATS.md §1)
# Rows shorter than $NCOL columns are filled with NULL; sqlite3 says so on
# stderr for each one, which is no news here.
sqlite3 -bail "$db" 2> >(grep -v 'columns but found' >&2) <<SQL
CREATE TABLE raw(file TEXT, r INTEGER, $cols);
.import --csv $tmp/all.csv raw
CREATE INDEX raw_file_r ON raw(file, r);
CREATE VIEW cells_row AS SELECT file, r, json_array($cols) AS a FROM raw;

-- The header: the first of the first 30 rows with a "Mã chỉ tiêu" cell.
CREATE TEMP TABLE hdr AS
	SELECT file, min(r) AS hr FROM cells_row, json_each(cells_row.a) j
	WHERE r <= 30 AND lower(trim(j.value)) = 'mã chỉ tiêu' GROUP BY file;
CREATE TEMP TABLE hcol AS
	SELECT h.file, j.key AS col, lower(trim(j.value)) AS label
	FROM hdr h JOIN cells_row c ON c.file = h.file AND c.r = h.hr, json_each(c.a) j
	WHERE trim(coalesce(j.value, '')) <> '';
CREATE TEMP TABLE layout AS
	SELECT file, hr,
		(SELECT min(col) FROM hcol c WHERE c.file = h.file AND label = 'mã chỉ tiêu') AS cc,
		(SELECT min(col) FROM hcol c WHERE c.file = h.file AND label = 'mã đơn vị') AS cu,
		(SELECT min(col) FROM hcol c WHERE c.file = h.file AND label = 'năm') AS cy,
		(SELECT min(col) FROM hcol c WHERE c.file = h.file AND label = 'giá trị') AS cv
	FROM hdr h;
-- Wide layout: year columns ("2014" or "Năm 2014") and the unit code above.
CREATE TEMP TABLE ycol AS
	SELECT file, col, CAST(replace(label, 'năm ', '') AS INTEGER) AS year FROM hcol
	WHERE replace(label, 'năm ', '') GLOB '[12][0-9][0-9][0-9]';
CREATE TEMP TABLE wunit AS
	SELECT c.file, max(CASE
		WHEN instr(j.value, ':') > 0 AND trim(substr(j.value, instr(j.value, ':') + 1)) <> ''
		THEN trim(substr(j.value, instr(j.value, ':') + 1))
		ELSE trim(c.a ->> (j.key + 1)) END) AS unit
	FROM layout l JOIN cells_row c ON c.file = l.file AND c.r < l.hr, json_each(c.a) j
	WHERE lower(trim(j.value)) LIKE 'mã đơn vị%'
	GROUP BY c.file;

CREATE TABLE figures(unit TEXT, year INTEGER, code TEXT, h INTEGER);
BEGIN;
INSERT INTO figures
	SELECT trim(c.a ->> l.cu), CAST(c.a ->> l.cy AS INTEGER), trim(c.a ->> l.cc),
		CAST(round(CAST(c.a ->> l.cv AS REAL) * 100) AS INTEGER)
	FROM layout l JOIN cells_row c ON c.file = l.file AND c.r > l.hr
	WHERE l.cy IS NOT NULL AND l.cv IS NOT NULL
		AND trim(coalesce(c.a ->> l.cc, '')) <> '' AND trim(coalesce(c.a ->> l.cv, '')) <> '';
INSERT INTO figures
	SELECT u.unit, y.year, trim(c.a ->> l.cc),
		CAST(round(CAST(c.a ->> y.col AS REAL) * 100) AS INTEGER)
	FROM layout l JOIN wunit u ON u.file = l.file
		JOIN cells_row c ON c.file = l.file AND c.r > l.hr
		JOIN ycol y ON y.file = l.file
	WHERE l.cy IS NULL
		AND trim(coalesce(c.a ->> l.cc, '')) <> '' AND trim(coalesce(c.a ->> y.col, '')) <> '';
COMMIT;

-- Totals for the period.
WITH p AS (SELECT * FROM figures WHERE year BETWEEN $from AND $to),
t AS (
	SELECT code, sum(h) AS h FROM p WHERE code NOT IN ($last_codes) GROUP BY code
	UNION ALL
	SELECT code, sum(h) FROM (
		SELECT code, h, row_number() OVER (PARTITION BY code, unit ORDER BY year DESC) AS rn
		FROM p WHERE code IN ($last_codes))
	WHERE rn = 1 GROUP BY code)
SELECT json_group_object(code, CASE WHEN h % 100 = 0 THEN h / 100 ELSE h / 100.0 END)
FROM (SELECT * FROM t ORDER BY code);
SQL
n=$(sqlite3 "$db" 'SELECT count(DISTINCT file) || " files, " || (SELECT count(*) FROM figures) || " figures" FROM raw')
echo "xlsx2csv+sqlite3: $n" >&2
