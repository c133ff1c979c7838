#!/usr/bin/env bash
# Generates a database with many visits for the stats and export benchmarks:
# 100 wards x 40 teams (4,000 teams), 30,000 members, N visits (default 10,000,000) spread over
# 2026-01-01..2026-11-24, 1-2 topics each, 10% help sessions. The daily totals are built the way
# visit_store keeps them, then checked against the raw rows.
#   bench/gen_visits.sh DB_FILE [N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
db="${1:?usage: gen_visits.sh DB_FILE [N]}"
n="${2:-10000000}"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
rm -f "$db" "$db-wal" "$db-shm"
CNSCD_DB="$db" "$bin" migrate >/dev/null
start=$(date +%s)
sqlite3 "$db" <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
BEGIN;
WITH RECURSIVE w(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM w WHERE i < 100)
INSERT INTO wards (id, name, created_at) SELECT i, 'Phường ' || i, 0 FROM w;
WITH RECURSIVE t(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM t WHERE i < 3999)
INSERT INTO teams (id, ward_id, name, code, households, created_at)
SELECT i + 1, i / 40 + 1, 'Tổ dân phố số ' || (i % 40 + 1), 'to' || (i % 40 + 1), 300 + i % 200, 0 FROM t;
WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 29999)
INSERT INTO members (id, ward_id, team_id, full_name, role, phone, created_at, updated_at)
SELECT i + 1, (i % 4000) / 40 + 1, i % 4000 + 1, 'Thành viên ' || (i + 1),
       CASE WHEN i < 4000 THEN 'leader' ELSE 'member' END, '+849' || printf('%08d', i + 1), 0, 0 FROM m;
CREATE TEMP TABLE topic_codes (k INTEGER PRIMARY KEY, code TEXT);
INSERT INTO topic_codes VALUES (0,'vneid'),(1,'dvc'),(2,'thanhtoan'),(3,'luadao'),(4,'tmdt'),(5,'yte'),
  (6,'giaoduc'),(7,'dulieu'),(8,'chuky'),(9,'ai'),(10,'baucu'),(11,'khac');
WITH RECURSIVE v(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM v WHERE i < $n - 1),
-- Deterministic hashes of i (random() would be re-evaluated at each use of a column).
r AS (SELECT i, (i * 2654435761 + 97) % 4294967291 AS a, ((i * 40503 + 12345) * 7919) % 1000000007 AS b FROM v)
INSERT INTO visits (id, kind, ward_id, team_id, member_id, day, recorded_at, place, topics, people, note)
SELECT i + 1,
       CASE WHEN a % 10 = 0 THEN 'session' ELSE 'visit' END,
       ((a % 30000) % 4000) / 40 + 1, (a % 30000) % 4000 + 1, a % 30000 + 1,
       date('2026-01-01', '+' || (b % 328) || ' days'), 1767225600 + (b % 328) * 86400,
       'số ' || (i % 97 + 1) || ' ngõ ' || (i % 13 + 1),
       (SELECT code FROM topic_codes WHERE k = (b / 7) % 12) ||
         CASE WHEN b % 3 = 0 THEN ' ' || (SELECT code FROM topic_codes WHERE k = ((b / 7) % 12 + 1 + (b / 97) % 10) % 12) ELSE '' END,
       CASE WHEN a % 10 = 0 THEN 10 + (b % 40) ELSE 1 + (b % 4) END,
       'hướng dẫn cài VNeID'
FROM r;
INSERT INTO member_days (ward_id, day, member_id, kind, team_id, records, people)
SELECT ward_id, day, member_id, kind, team_id, count(*), sum(people) FROM visits
GROUP BY ward_id, day, member_id, kind;
INSERT INTO member_months (ward_id, month, member_id, kind, team_id, records, people)
SELECT ward_id, substr(day, 1, 7), member_id, kind, team_id, sum(records), sum(people) FROM member_days
GROUP BY ward_id, substr(day, 1, 7), member_id, kind;
INSERT INTO topic_days (ward_id, day, team_id, topic, records, people)
SELECT ward_id, day, team_id, topic, count(*), sum(people) FROM (
  SELECT ward_id, day, team_id, CASE WHEN instr(topics, ' ') > 0 THEN substr(topics, 1, instr(topics, ' ') - 1) ELSE topics END AS topic, people FROM visits
  UNION ALL
  SELECT ward_id, day, team_id, substr(topics, instr(topics, ' ') + 1), people FROM visits WHERE instr(topics, ' ') > 0)
GROUP BY ward_id, day, team_id, topic;
INSERT INTO topic_months (ward_id, month, team_id, topic, records, people)
SELECT ward_id, substr(day, 1, 7), team_id, topic, sum(records), sum(people) FROM topic_days
GROUP BY ward_id, substr(day, 1, 7), team_id, topic;
COMMIT;
PRAGMA journal_mode = WAL;
ANALYZE;
SQL
echo "generated $n visits in $(( $(date +%s) - start )) s: $(du -h "$db" | cut -f1)"
