#!/usr/bin/env bash
# Seeds the roster the shared peer benchmark's load uses (../shared/peer-bench/load/update.lua):
# one ward, 100 teams whose groups are the load's 100 supergroups, and 1,000 members linked to
# the load's Telegram user ids, so every /tham in the run is recorded as a real visit.
#   bench/peer_bench_seed.sh DB_FILE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
db="${1:?usage: peer_bench_seed.sh DB_FILE}"
bin="${CNSCD_BOT:-$here/../build/cnscd-bot}"
CNSCD_DB="$db" "$bin" migrate >/dev/null
sqlite3 "$db" <<'SQL'
PRAGMA journal_mode = WAL;
BEGIN;
INSERT OR IGNORE INTO wards (id, name, join_policy, created_at) VALUES (1, 'Phường Bench', 'roster', 0);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT OR IGNORE INTO teams (id, ward_id, name, code, created_at)
SELECT i, 1, 'Tổ dân phố số ' || i, 'to' || i, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT OR IGNORE INTO group_bindings (channel, chat_id, ward_id, team_id, title, bound_at)
SELECT 'telegram', CAST(-1001000000000 - i AS TEXT), 1, i, 'Tổ dân phố số ' || i, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
INSERT OR IGNORE INTO members (id, ward_id, team_id, full_name, role, phone, created_at, updated_at)
SELECT i + 1, 1, (i % 100) + 1, 'Cán bộ ' || (i + 1), CASE WHEN i < 100 THEN 'leader' ELSE 'member' END,
       '+849' || printf('%08d', i + 1), 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
INSERT OR IGNORE INTO accounts (channel, user_id, member_id, linked_at, how)
SELECT 'telegram', CAST(700000001 + i AS TEXT), i + 1, 0, 'contact' FROM n;
COMMIT;
SQL
echo "seeded $db: 1 ward, 100 teams and groups, 1000 linked members"
