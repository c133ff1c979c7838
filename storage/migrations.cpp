#include "storage/migrations.hpp"

#include <array>

namespace cnscd {
namespace {

// Times are unix seconds (UTC). Local calendar days are stored as 'YYYY-MM-DD' text,
// computed in the configured zone when the row is written.
constexpr std::string_view infrastructure = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Update keys already handled, so a redelivered update produces nothing.
-- Telegram's update_id is stored as an integer, Zalo's ids as text.
CREATE TABLE processed_updates (
    channel      TEXT    NOT NULL,
    update_id            NOT NULL,
    processed_at INTEGER NOT NULL,
    PRIMARY KEY (channel, update_id)
) WITHOUT ROWID;
CREATE INDEX processed_updates_age ON processed_updates (processed_at);

-- Everything the bot sends. A row is delivered at least once; its id is the idempotency key.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    channel      TEXT    NOT NULL,
    chat_id      TEXT    NOT NULL,
    lane         INTEGER NOT NULL,
    payload      TEXT    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'pending', -- pending | sent | failed | merged
    attempts     INTEGER NOT NULL DEFAULT 0,
    not_before   INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER,
    message_ref  TEXT,        -- the platform's id of the sent message
    error        TEXT,
    campaign_id  INTEGER
);
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';
CREATE INDEX outbox_campaign ON outbox (campaign_id) WHERE campaign_id IS NOT NULL;

-- Chats the platform told us are gone (bot blocked or kicked); nothing more is sent there.
CREATE TABLE inactive_chats (
    channel  TEXT NOT NULL,
    chat_id  TEXT NOT NULL,
    reason   TEXT NOT NULL,
    since    INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id)
) WITHOUT ROWID;
)sql";

constexpr std::string_view registry = R"sql(
CREATE TABLE wards (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    join_policy TEXT NOT NULL DEFAULT 'roster', -- roster | open
    created_at  INTEGER NOT NULL
);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    ward_id    INTEGER NOT NULL REFERENCES wards(id),
    name       TEXT    NOT NULL,        -- "Tổ dân phố số 1"
    code       TEXT    NOT NULL,        -- short handle for commands: "to1"
    area       TEXT    NOT NULL DEFAULT '',
    households INTEGER,                 -- households in the area, for targets
    active     INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    UNIQUE (ward_id, name),
    UNIQUE (ward_id, code)
);

-- People on the roster, ward staff and admins. Ward staff have no team.
CREATE TABLE members (
    id           INTEGER PRIMARY KEY,
    ward_id      INTEGER NOT NULL REFERENCES wards(id),
    team_id      INTEGER REFERENCES teams(id),
    full_name    TEXT    NOT NULL,
    position     TEXT    NOT NULL DEFAULT '', -- Chức vụ tổ/xóm/đơn vị công tác
    role         TEXT    NOT NULL,            -- member | deputy | leader | ward_staff | admin
    role_title   TEXT    NOT NULL DEFAULT '', -- Chức vụ Tổ CNSCĐ as the ward wrote it
    phone        TEXT,                        -- +84..., normalised
    cccd_enc     BLOB,                        -- citizen id, AES-256-GCM
    cccd_hint    TEXT,                        -- last 3 digits, for masked display
    cccd_digest  TEXT,                        -- keyed hash, to find duplicates without decrypting
    area         TEXT    NOT NULL DEFAULT '', -- Khu vực phụ trách
    note         TEXT    NOT NULL DEFAULT '',
    roster_row   TEXT    NOT NULL DEFAULT '', -- TT as on the ward's roster
    language     TEXT,
    active       INTEGER NOT NULL DEFAULT 1,
    source       TEXT    NOT NULL DEFAULT 'roster', -- roster | open_join | staff
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX members_phone ON members (ward_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX members_team ON members (team_id);

-- Chat accounts linked to a member: one member may link Telegram and Zalo.
CREATE TABLE accounts (
    channel    TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES members(id),
    linked_at  INTEGER NOT NULL,
    how        TEXT    NOT NULL, -- contact | invite | open_join | console
    PRIMARY KEY (channel, user_id)
) WITHOUT ROWID;
CREATE INDEX accounts_member ON accounts (member_id);

-- Group chats bound to a team (or to the ward, for the ward-wide group).
CREATE TABLE group_bindings (
    channel   TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    ward_id   INTEGER NOT NULL REFERENCES wards(id),
    team_id   INTEGER REFERENCES teams(id), -- NULL: the ward group
    title     TEXT    NOT NULL DEFAULT '',
    bound_by  INTEGER REFERENCES members(id),
    bound_at  INTEGER NOT NULL,
    active    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (channel, chat_id)
) WITHOUT ROWID;
CREATE INDEX group_bindings_team ON group_bindings (team_id);

CREATE TABLE invites (
    code        TEXT PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    created_by  INTEGER REFERENCES members(id),
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    used_at     INTEGER,
    used_by     TEXT           -- channel:user_id
) WITHOUT ROWID;

-- Who changed roles, bindings and memberships, who broadcast and who exported data.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor_id  INTEGER,          -- members.id, NULL for the operator's command line
    actor     TEXT    NOT NULL, -- readable: "Nguyễn Văn A (leader)" or "operator"
    action    TEXT    NOT NULL, -- e.g. role.change, group.bind, export
    subject   TEXT    NOT NULL DEFAULT '',
    detail    TEXT    NOT NULL DEFAULT ''
);

-- Multi-step conversations waiting for the user's next message or button.
CREATE TABLE conversations (
    channel    TEXT    NOT NULL,
    chat_id    TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    state      TEXT    NOT NULL, -- JSON owned by the handler
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id, user_id)
) WITHOUT ROWID;
)sql";

// Finding a person by their CCCD digest (roster imports) must not scan the ward.
constexpr std::string_view registry_indexes = R"sql(
CREATE INDEX members_cccd ON members (ward_id, cccd_digest) WHERE cccd_digest IS NOT NULL;
)sql";

// Visits and sessions members log. The two *_days tables are running totals kept in step with
// every write (visit_store.cpp), so stats for a ward's year read thousands of rows, not millions.
constexpr std::string_view visits = R"sql(
CREATE TABLE visits (
    id           INTEGER PRIMARY KEY,  -- the number the member sees
    kind         TEXT    NOT NULL,     -- visit | session
    ward_id      INTEGER NOT NULL REFERENCES wards(id),
    team_id      INTEGER NOT NULL REFERENCES teams(id),
    member_id    INTEGER NOT NULL REFERENCES members(id),
    day          TEXT    NOT NULL,     -- local date it happened
    recorded_at  INTEGER NOT NULL,
    place        TEXT    NOT NULL DEFAULT '',
    topics       TEXT    NOT NULL DEFAULT '', -- topic codes separated by spaces
    people       INTEGER NOT NULL,     -- people helped, or attendees
    note         TEXT    NOT NULL DEFAULT '',
    cancelled_at INTEGER
);
CREATE INDEX visits_member ON visits (member_id, id);
CREATE INDEX visits_ward_day ON visits (ward_id, day);

-- Every change to a visit: what it was before.
CREATE TABLE visit_history (
    id        INTEGER PRIMARY KEY,
    visit_id  INTEGER NOT NULL REFERENCES visits(id),
    at        INTEGER NOT NULL,
    by_member INTEGER NOT NULL,
    action    TEXT    NOT NULL, -- edit | cancel
    day       TEXT    NOT NULL,
    place     TEXT    NOT NULL,
    topics    TEXT    NOT NULL,
    people    INTEGER NOT NULL,
    note      TEXT    NOT NULL
);
CREATE INDEX visit_history_visit ON visit_history (visit_id);

CREATE TABLE member_days (
    ward_id   INTEGER NOT NULL,
    day       TEXT    NOT NULL,
    member_id INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    team_id   INTEGER NOT NULL,
    records   INTEGER NOT NULL,
    people    INTEGER NOT NULL,
    PRIMARY KEY (ward_id, day, member_id, kind, team_id) -- a member may move teams
) WITHOUT ROWID;
CREATE INDEX member_days_team ON member_days (team_id, day);
CREATE INDEX member_days_member ON member_days (member_id, day);

CREATE TABLE topic_days (
    ward_id INTEGER NOT NULL,
    day     TEXT    NOT NULL,
    team_id INTEGER NOT NULL,
    topic   TEXT    NOT NULL,
    records INTEGER NOT NULL,
    people  INTEGER NOT NULL,
    PRIMARY KEY (ward_id, day, team_id, topic)
) WITHOUT ROWID;
CREATE INDEX topic_days_team ON topic_days (team_id, day);

-- The same totals by month, for a ward's quarter or year.
CREATE TABLE member_months (
    ward_id   INTEGER NOT NULL,
    month     TEXT    NOT NULL, -- YYYY-MM
    member_id INTEGER NOT NULL,
    kind      TEXT    NOT NULL,
    team_id   INTEGER NOT NULL,
    records   INTEGER NOT NULL,
    people    INTEGER NOT NULL,
    PRIMARY KEY (ward_id, month, member_id, kind, team_id)
) WITHOUT ROWID;
CREATE INDEX member_months_team ON member_months (team_id, month);

CREATE TABLE topic_months (
    ward_id INTEGER NOT NULL,
    month   TEXT    NOT NULL,
    team_id INTEGER NOT NULL,
    topic   TEXT    NOT NULL,
    records INTEGER NOT NULL,
    people  INTEGER NOT NULL,
    PRIMARY KEY (ward_id, month, team_id, topic)
) WITHOUT ROWID;
CREATE INDEX topic_months_team ON topic_months (team_id, month);

-- Stats list a ward's members.
CREATE INDEX members_ward ON members (ward_id);
)sql";

// Reports teams (or the ward) submit per deadline and period, the reminders planned for them
// (one row per recipient group, deadline, period and offset: planned exactly once), and
// one-off deadlines ward staff add from chat.
constexpr std::string_view reports = R"sql(
CREATE TABLE report_submissions (
    id            INTEGER PRIMARY KEY,
    ward_id       INTEGER NOT NULL REFERENCES wards(id),
    team_id       INTEGER REFERENCES teams(id), -- NULL: the ward's own report
    deadline_code TEXT    NOT NULL,
    period_key    TEXT    NOT NULL,             -- 2026-11 | 2026-Q4 | 2026 | 2026-04-22
    figures       TEXT    NOT NULL,             -- JSON, as computed when submitted
    comment       TEXT    NOT NULL DEFAULT '',
    submitted_by  INTEGER REFERENCES members(id),
    submitted_at  INTEGER NOT NULL,
    on_time       INTEGER NOT NULL,
    replaced_by   INTEGER REFERENCES report_submissions(id) -- NULL: the current one
);
CREATE INDEX report_submissions_current
    ON report_submissions (ward_id, deadline_code, period_key, team_id) WHERE replaced_by IS NULL;

-- team_id 0 stands for the ward itself (ward deadlines, staff summaries), so the UNIQUE
-- key holds (NULL would never collide).
CREATE TABLE planned_reminders (
    id            INTEGER PRIMARY KEY,
    ward_id       INTEGER NOT NULL REFERENCES wards(id),
    team_id       INTEGER NOT NULL,
    deadline_code TEXT    NOT NULL,
    period_key    TEXT    NOT NULL,
    offset_days   INTEGER NOT NULL,  -- negative before the deadline, positive overdue
    audience      TEXT    NOT NULL,  -- team | staff
    due_at        INTEGER NOT NULL,
    outcome       TEXT    NOT NULL,  -- sent | skipped_stale | not_needed
    planned_at    INTEGER NOT NULL,
    messages      INTEGER NOT NULL DEFAULT 0, -- outbox rows written
    -- Column order serves both "is this one planned" and "how many of this slot are".
    UNIQUE (ward_id, deadline_code, period_key, offset_days, audience, team_id)
);

CREATE TABLE extra_deadlines (
    id         INTEGER PRIMARY KEY,
    ward_id    INTEGER NOT NULL REFERENCES wards(id),
    code       TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    due_day    TEXT    NOT NULL, -- YYYY-MM-DD, local
    time       TEXT    NOT NULL, -- HH:MM, local
    created_by INTEGER REFERENCES members(id),
    created_at INTEGER NOT NULL,
    UNIQUE (ward_id, code)
);
)sql";

// Announcements to team groups, each group's delivery, and guides added from chat.
constexpr std::string_view broadcasts = R"sql(
CREATE TABLE campaigns (
    id            INTEGER PRIMARY KEY, -- the number staff see
    ward_id       INTEGER NOT NULL REFERENCES wards(id),
    created_by    INTEGER NOT NULL REFERENCES members(id),
    created_at    INTEGER NOT NULL,
    state         TEXT    NOT NULL,    -- draft | scheduled | sending | done | cancelled
    body          TEXT    NOT NULL,    -- HTML-lite parts separated by a form feed
    attachment    TEXT    NOT NULL DEFAULT '', -- JSON {kind, file_ref, file_name} or ''
    target_note   TEXT    NOT NULL DEFAULT '',
    send_at       INTEGER NOT NULL DEFAULT 0,
    origin_channel TEXT   NOT NULL,
    origin_chat   TEXT    NOT NULL,
    origin_group  INTEGER NOT NULL DEFAULT 0,
    progress_outbox_id INTEGER NOT NULL DEFAULT 0,
    total         INTEGER NOT NULL DEFAULT 0,
    delivered     INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    progress_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX campaigns_ward ON campaigns (ward_id, id);

CREATE TABLE campaign_targets (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id),
    channel     TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL,
    team_id     INTEGER,
    title       TEXT    NOT NULL DEFAULT '',
    parts       INTEGER NOT NULL,
    parts_done  INTEGER NOT NULL DEFAULT 0,
    state       TEXT    NOT NULL DEFAULT 'pending', -- (owing |) pending | skipped | delivered | failed
    error       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, channel, chat_id)
) WITHOUT ROWID;

-- Which outbox row carries which part to which target (the row follows a migrated chat).
CREATE TABLE campaign_parts (
    outbox_id   INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL,
    channel     TEXT    NOT NULL,
    chat_id     TEXT    NOT NULL
);

CREATE TABLE guides (
    slug       TEXT PRIMARY KEY,
    ward_id    INTEGER NOT NULL REFERENCES wards(id),
    title      TEXT NOT NULL,
    keywords   TEXT NOT NULL DEFAULT '',
    file_kind  TEXT NOT NULL,
    file_ref   TEXT NOT NULL,
    file_name  TEXT NOT NULL DEFAULT '',
    channel    TEXT NOT NULL,
    added_by   INTEGER REFERENCES members(id),
    added_at   INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// The Zalo OA token pair (one row). Stored before it is used: the refresh token is single-use.
constexpr std::string_view zalo_tokens = R"sql(
CREATE TABLE zalo_oa_tokens (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    access_token       TEXT    NOT NULL,
    refresh_token      TEXT    NOT NULL,
    expires_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    refresh_started_at INTEGER NOT NULL DEFAULT 0 -- a refresh call began; its answer is not stored yet
);
)sql";

// A member's own figures (/toi) read their records' topics; with these columns in the index
// that is one short range of the index, not one scattered table page per record (at 10
// million visits a year of /toi read ~330 cold pages). Still keyed by (member_id, id) for /huy.
constexpr std::string_view visits_member_covering = R"sql(
DROP INDEX visits_member;
CREATE INDEX visits_member ON visits (member_id, id, day, cancelled_at, people, topics);
)sql";

// Visits sent privately before the sender's account was linked (held_record_store.hpp).
constexpr std::string_view held_records = R"sql(
CREATE TABLE held_records (
    id         INTEGER PRIMARY KEY,
    channel    TEXT    NOT NULL,
    user_id    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    written_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX held_records_account ON held_records (channel, user_id);
)sql";

// The chat message a visit came from, so that editing that message edits the visit.
constexpr std::string_view visit_source = R"sql(
ALTER TABLE visits ADD COLUMN source TEXT;
)sql";

// Photos and files a member attached to a visit as evidence (visit_photo_store.hpp).
constexpr std::string_view visit_photos = R"sql(
CREATE TABLE visit_photos (
    id        INTEGER PRIMARY KEY,
    visit_id  INTEGER NOT NULL REFERENCES visits(id),
    channel   TEXT    NOT NULL, -- where file_ref can be sent again
    kind      TEXT    NOT NULL, -- photo | image | document | file
    file_ref  TEXT    NOT NULL, -- the platform's file id, or a URL
    file_name TEXT    NOT NULL DEFAULT '',
    album     TEXT    NOT NULL DEFAULT '', -- photos sent together: the rest follow the first
    added_by  INTEGER NOT NULL REFERENCES members(id),
    added_at  INTEGER NOT NULL
);
CREATE INDEX visit_photos_visit ON visit_photos (visit_id);
CREATE INDEX visit_photos_album ON visit_photos (added_by, album) WHERE album <> '';
-- A newcomer's /tham sent as a photo's caption before linking keeps its photo too.
ALTER TABLE held_records ADD COLUMN file_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE held_records ADD COLUMN file_ref  TEXT NOT NULL DEFAULT '';
ALTER TABLE held_records ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
)sql";

// When each person last wrote to the bot privately, on platforms that allow a bot to write to
// someone only for a while after that (Zalo OA: 7 days). Apart from accounts, so that noting a
// message does not look like a roster change to the roster cache.
constexpr std::string_view private_windows = R"sql(
CREATE TABLE private_messages_seen (
    channel TEXT    NOT NULL,
    user_id TEXT    NOT NULL,
    last_at INTEGER NOT NULL,
    PRIMARY KEY (channel, user_id)
) WITHOUT ROWID;
)sql";

// Records with photo evidence, counted with the topic totals (visit_store.cpp, evidence_topic).
constexpr std::string_view evidence_totals = R"sql(
INSERT INTO topic_days (ward_id, day, team_id, topic, records, people)
SELECT v.ward_id, v.day, v.team_id, '~evidence', count(*), 0 FROM visits v
WHERE v.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM visit_photos p WHERE p.visit_id = v.id)
GROUP BY v.ward_id, v.day, v.team_id;
INSERT INTO topic_months (ward_id, month, team_id, topic, records, people)
SELECT v.ward_id, substr(v.day, 1, 7), v.team_id, '~evidence', count(*), 0 FROM visits v
WHERE v.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM visit_photos p WHERE p.visit_id = v.id)
GROUP BY v.ward_id, substr(v.day, 1, 7), v.team_id;
)sql";

// Photos of an album that came before the part whose caption says which record they belong to:
// deliveries can overtake each other. Kept for minutes, then dropped.
constexpr std::string_view album_parts = R"sql(
CREATE TABLE album_parts_waiting (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members(id),
    album       TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    file_ref    TEXT    NOT NULL,
    file_name   TEXT    NOT NULL DEFAULT '',
    received_at INTEGER NOT NULL
);
CREATE INDEX album_parts_waiting_album ON album_parts_waiting (member_id, album);
)sql";

// When a member was taken off their team in chat (/xoa) and when their personal data was erased
// (forget-member): a roster re-import says the first and does not add the second back. Earlier
// removals are dated by the audit log, else by the member's last update.
constexpr std::string_view member_departures = R"sql(
ALTER TABLE members ADD COLUMN removed_at INTEGER;
ALTER TABLE members ADD COLUMN erased_at INTEGER;
UPDATE members SET erased_at = updated_at, removed_at = updated_at
WHERE active = 0 AND phone IS NULL
  AND full_name IN (SELECT subject FROM audit_log WHERE action = 'member.erase');
UPDATE members SET removed_at = coalesce(
    (SELECT max(a.at) FROM audit_log a WHERE a.action = 'member.deactivate' AND a.subject = members.full_name),
    updated_at)
WHERE active = 0 AND erased_at IS NULL;
)sql";

// Since when each member is on their team, so a period's "logged nothing" list leaves out who
// joined later. Members who came with their team's first roster have none (on it from the
// start); others get the day their row was created, the best an upgrade knows.
constexpr std::string_view member_team_since = R"sql(
ALTER TABLE members ADD COLUMN team_since INTEGER;
UPDATE members SET team_since = created_at
WHERE team_id IS NOT NULL AND created_at > (SELECT t.created_at FROM teams t WHERE t.id = members.team_id);
)sql";

// The forum topic a message goes to, part of its address like chat_id: a reply to a member
// who wrote in a topic of a Telegram group must land in that topic, also when it waits in the
// outbox across a restart. NULL for a chat without topics and for "General".
constexpr std::string_view outbox_thread = R"sql(
ALTER TABLE outbox ADD COLUMN thread_id TEXT;
)sql";

// A private /nhacnho (a team without a group) and the outcome of each of its messages: the one
// who asked hears who was not reached once every message has its outcome (team_nudge.cpp).
constexpr std::string_view private_nudges = R"sql(
CREATE TABLE nudges (
    id             INTEGER PRIMARY KEY,
    team_id        INTEGER NOT NULL REFERENCES teams(id),
    asked_by       INTEGER NOT NULL REFERENCES members(id),
    asked_at       INTEGER NOT NULL,
    origin_channel TEXT    NOT NULL,
    origin_chat    TEXT    NOT NULL,
    origin_group   INTEGER NOT NULL DEFAULT 0,
    origin_thread  TEXT
);
CREATE INDEX nudges_age ON nudges (asked_at);

-- In the order the members were reminded (rowid).
CREATE TABLE nudge_messages (
    nudge_id  INTEGER NOT NULL REFERENCES nudges(id),
    channel   TEXT    NOT NULL,
    chat_id   TEXT    NOT NULL,
    member_id INTEGER NOT NULL REFERENCES members(id),
    outcome   TEXT,   -- NULL on its way | delivered | gone | window | the platform's error
    PRIMARY KEY (nudge_id, channel, chat_id)
);
)sql";

// Open questions belong to the forum topic they were asked in, beside the chat and the person:
// in a Telegram group with "Topics" on, a number typed in another topic is that topic's chatter,
// not the answer. The key changes, so the table is rebuilt. Questions open during the upgrade
// (minutes old at most) count as asked outside topics.
constexpr std::string_view conversation_thread = R"sql(
CREATE TABLE conversations_by_topic (
    channel    TEXT    NOT NULL,
    chat_id    TEXT    NOT NULL,
    thread_id  TEXT    NOT NULL DEFAULT '', -- the forum topic; '' outside topics and in "General"
    user_id    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    state      TEXT    NOT NULL, -- JSON owned by the handler
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (channel, chat_id, thread_id, user_id)
) WITHOUT ROWID;
INSERT INTO conversations_by_topic (channel, chat_id, user_id, kind, state, expires_at)
SELECT channel, chat_id, user_id, kind, state, expires_at FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_by_topic RENAME TO conversations;
)sql";

// Where each group upgraded to a supergroup went. A button under a message sent before the
// upgrade is reported with the old group's id, and its answer belongs in the supergroup. The
// upgrades recorded so far are in the audit log.
constexpr std::string_view chat_migrations = R"sql(
CREATE TABLE chat_migrations (
    channel     TEXT NOT NULL,
    old_chat_id TEXT NOT NULL,
    new_chat_id TEXT NOT NULL,
    PRIMARY KEY (channel, old_chat_id)
) WITHOUT ROWID;
INSERT OR REPLACE INTO chat_migrations (channel, old_chat_id, new_chat_id)
SELECT 'telegram', subject, detail FROM audit_log WHERE action = 'group.migrated' ORDER BY id;
)sql";

// The language a chat account chose before it was linked to a member (account_language_store).
// Apart from accounts, which hold only linked ones, and so that a choice does not look like a
// roster change to the roster cache. IF NOT EXISTS: a file that has it but says it is older (the
// tests of earlier migrations wind a current file back) upgrades without failing.
constexpr std::string_view account_languages = R"sql(
CREATE TABLE IF NOT EXISTS account_languages (
    channel  TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    language TEXT NOT NULL,
    PRIMARY KEY (channel, user_id)
) WITHOUT ROWID;
)sql";

// The report an announcement to the teams behind is about: its targets are checked against it
// again when it goes out.
constexpr std::string_view campaign_owed_report = R"sql(
ALTER TABLE campaigns ADD COLUMN owed_report TEXT NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN owed_period TEXT NOT NULL DEFAULT '';
)sql";

constexpr std::array<migration, 22> migrations{{
    {1, "infrastructure: meta, processed updates, outbox", infrastructure},
    {2, "registry: wards, teams, members, accounts, groups, invites, audit", registry},
    {3, "registry: index members by CCCD digest", registry_indexes},
    {4, "visits and sessions, their history and daily totals", visits},
    {5, "reports: submissions, planned reminders, extra deadlines", reports},
    {6, "zalo: OA token pair", zalo_tokens},
    {7, "broadcast campaigns and guides added from chat", broadcasts},
    {8, "visits: member index covers the topic counts of /toi", visits_member_covering},
    {9, "visits held until the sender links their account", held_records},
    {10, "visits: the chat message each came from", visit_source},
    {11, "visits: photos and files attached as evidence", visit_photos},
    {12, "accounts: when each person last wrote privately (Zalo OA's window)", private_windows},
    {13, "visits: records with photo evidence in the topic totals", evidence_totals},
    {14, "visits: album photos waiting for their captioned part", album_parts},
    {15, "members: when removed in chat and when erased on request", member_departures},
    {16, "members: since when each is on their team", member_team_since},
    {17, "outbox: the forum topic each message goes to", outbox_thread},
    {18, "nudges: who was not reached by a private reminder", private_nudges},
    {19, "conversations: each open question belongs to its forum topic", conversation_thread},
    {20, "groups: where each group upgraded to a supergroup went", chat_migrations},
    {21, "accounts: the language chosen before linking", account_languages},
    {22, "campaigns: the report an announcement to the teams behind is about", campaign_owed_report},
}};

} // namespace

std::span<const migration> all_migrations() {
    return migrations;
}

} // namespace cnscd
