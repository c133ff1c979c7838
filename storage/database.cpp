#include "storage/database.hpp"

#include "storage/database_damaged.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite_connection.hpp"
#include "storage/storage_fault.hpp"
#include "storage/wal_write_buffer.hpp"

#include <SQLiteCpp/Backup.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <sqlite3.h>
#include <thread>

namespace cnscd {

// What PRAGMA quick_check reports (its first five problems), "" when the file is sound.
static std::string quick_check_of(SQLite::Database& db);

database::database(std::string path, std::unique_ptr<storage_detail::sqlite_connection> conn)
    : path_(std::move(path)), conn_(std::move(conn)) {}

database::~database() = default;

std::unique_ptr<database> database::open(const std::string& path, const database_options& options) {
    // Nothing reads SQLite's memory statistics, and keeping them takes a global lock on every
    // allocation. Only possible before SQLite starts; harmless (SQLITE_MISUSE) after.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    bool memory = path == ":memory:" || path.starts_with("file::memory:");
    if (!memory && options.create) {
        auto dir = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!dir.empty())
            std::filesystem::create_directories(dir, ec);
        if (ec)
            throw database_error("cannot create the folder " + dir.string() +
                                 " for the database: " + ec.message() +
                                 ". Fix: create it or choose another path with CNSCD_DB (or "
                                 "\"storage.path\" in the config file)");
    }
    // Each connection is used by one thread at a time (docs/ARCHITECTURE.md, "Threads"), so
    // SQLite's per-call connection lock is pure cost.
    int flags = SQLite::OPEN_READWRITE | (options.create ? SQLite::OPEN_CREATE : 0) | SQLite::OPEN_NOMUTEX;
    std::unique_ptr<storage_detail::sqlite_connection> conn;
    try {
        // A connection that syncs every commit can leave the log's writes to one call per commit.
        const char* vfs =
            memory || options.synchronous == "normal" ? nullptr : storage_detail::wal_write_buffer_vfs();
        conn = std::make_unique<storage_detail::sqlite_connection>(path, flags, vfs);
        conn->db.setBusyTimeout(options.busy_timeout_ms);
    } catch (const SQLite::Exception& e) {
        throw database_error(
            "cannot open the database " + path + ": " + e.what() +
            ". Fix: check the path (CNSCD_DB, or \"storage.path\" in the config file), free disk "
            "space and file permissions");
    }
    if (options.check_integrity && !memory) {
        // Before any pragma or migration writes to it: a damaged file is left as it was found.
        std::string problems;
        try {
            problems = quick_check_of(conn->db);
        } catch (const SQLite::Exception& e) {
            // No SQLite header at all: more often CNSCD_DB naming another file (the config,
            // a CSV) than damage, and "restore a backup" would put the backup over that file.
            if (e.getErrorCode() == SQLITE_NOTADB)
                throw database_damaged(
                    "the file " + path + " is not a SQLite database (" + e.what() +
                    "). Nothing was changed in it. Fix: check that CNSCD_DB (or "
                    "\"storage.path\" in the config file) names the bot's database; if it does, the file is "
                    "damaged: keep it for analysis and restore the latest backup in its place "
                    "(docs/OPERATIONS.md, \"Faults\")");
            // Locked by another process or not writable is not damage: restoring a backup over
            // a sound file would lose what was logged since.
            auto fault = classify_sqlite_error(e.getErrorCode(), e.getExtendedErrorCode(),
                                               sqlite3_system_errno(conn->db.getHandle()));
            if (fault == storage_fault::io_error && folder_refuses_writes(path))
                fault = storage_fault::read_only;
            if (fault != storage_fault::corrupt)
                throw database_error("cannot open the database " + path + ": " + e.what() + ": " +
                                     fault_advice(fault) + ". Nothing was changed");
            problems = e.what();
        }
        if (!problems.empty())
            throw database_damaged("the database " + path + " is damaged (PRAGMA quick_check: " + problems +
                                   "). Nothing was changed in it. Fix: keep this file for "
                                   "analysis, restore the latest backup in its place (docs/OPERATIONS.md, "
                                   "\"Faults\"), then start the bot (or run the command) again");
    }
    try {
        if (!memory)
            conn->db.exec("PRAGMA journal_mode=WAL");
        conn->db.exec(options.synchronous == "normal" ? "PRAGMA synchronous=NORMAL"
                                                      : "PRAGMA synchronous=FULL");
        conn->db.exec("PRAGMA foreign_keys=ON");
        conn->db.exec("PRAGMA temp_store=MEMORY");
        // Keep the page cache small: the bot's working set is small and memory is a target.
        conn->db.exec("PRAGMA cache_size=-4000");
    } catch (const SQLite::Exception& e) {
        throw database_error(
            "cannot open the database " + path + ": " + e.what() +
            ". Fix: check the path (CNSCD_DB, or \"storage.path\" in the config file), free disk "
            "space and file permissions");
    }
    std::unique_ptr<database> db(new database(path, std::move(conn)));
    if (options.run_migrations)
        db->migrate();
    return db;
}

int database::schema_version() const {
    return conn_->db.execAndGet("PRAGMA user_version").getInt();
}

int database::latest_schema_version() const {
    return all_migrations().back().version;
}

int database::migrate(const std::function<void(const migration&)>& applied) {
    int current = schema_version();
    if (current > latest_schema_version())
        throw database_error("the database " + path_ + " has schema version " + std::to_string(current) +
                             ", newer than this program knows (" + std::to_string(latest_schema_version()) +
                             "). Fix: run the newer cnscd-bot that wrote it, or restore a backup");
    int ran = 0;
    for (auto& m : all_migrations()) {
        if (m.version <= current)
            continue;
        try {
            in_transaction([&] {
                conn_->db.exec(std::string(m.sql));
                conn_->db.exec("PRAGMA user_version=" + std::to_string(m.version));
            });
        } catch (const SQLite::Exception& e) {
            throw database_error("migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                                 ") failed on " + path_ + ": " + e.what() + ". Nothing was changed by it");
        }
        ++ran;
        if (applied)
            applied(m);
    }
    return ran;
}

void database::begin() {
    conn_->exec("BEGIN IMMEDIATE");
}
void database::begin_read() {
    conn_->exec("BEGIN DEFERRED");
}
void database::commit() {
    conn_->close_open_reads();
    conn_->exec("COMMIT");
}
void database::rollback() {
    after_commit_.clear();
    conn_->close_open_reads();
    try {
        conn_->db.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
        // Already rolled back by SQLite (e.g. after SQLITE_FULL); nothing left to undo.
    }
}
// Two savepoints wrap every update (the writer's and the handler's): prepared once, not
// parsed again for each update.
void database::savepoint(const char* name) {
    conn_->statement(std::string("SAVEPOINT ") + name).exec();
}
void database::release(const char* name) {
    conn_->statement(std::string("RELEASE ") + name).exec();
}
void database::rollback_to(const char* name) {
    ++conn_->roster_changes; // what was read since the savepoint may be undone now
    conn_->statement(std::string("ROLLBACK TO ") + name).exec();
    conn_->statement(std::string("RELEASE ") + name).exec();
}

void database::track_roster() {
    auto& c = *conn_;
    if (c.roster_tracked)
        return;
    auto* handle = c.db.getHandle();
    auto bump = [](sqlite3_context* ctx, int, sqlite3_value**) {
        ++*static_cast<std::uint64_t*>(sqlite3_user_data(ctx));
        sqlite3_result_null(ctx);
    };
    if (sqlite3_create_function_v2(handle, "cnscd_roster_changed", 0, SQLITE_UTF8, &c.roster_changes, bump,
                                   nullptr, nullptr, nullptr) != SQLITE_OK)
        throw database_error(std::string("cannot track roster changes: ") + sqlite3_errmsg(handle));
    // Every way a row of these tables changes on this connection, cascades included.
    for (const char* table : {"wards", "teams", "members", "accounts", "group_bindings"})
        for (const char* op : {"INSERT", "UPDATE", "DELETE"})
            c.db.exec(std::string("CREATE TEMP TRIGGER IF NOT EXISTS roster_") + table + "_" + op +
                      " AFTER " + op + " ON main." + table + " BEGIN SELECT cnscd_roster_changed(); END");
    // A rolled-back transaction may have changed what was read inside it.
    sqlite3_rollback_hook(
        handle, [](void* changes) { ++*static_cast<std::uint64_t*>(changes); }, &c.roster_changes);
    c.roster_tracked = true;
}

void database::backup_to(const std::string& path) {
    SQLite::Database target(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(target, conn_->db);
    // All pages in one step: one read transaction, so one consistent snapshot; in WAL mode the
    // writer goes on meanwhile. BUSY/LOCKED (a checkpoint holding the file) are retried.
    for (int attempt = 0;; ++attempt) {
        int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE)
            return;
        if (attempt >= 100)
            throw database_error("the database stayed busy for 10 s during the backup. Fix: run it again");
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

std::string database::quick_check_problems() {
    return quick_check_of(conn_->db);
}

static std::string quick_check_of(SQLite::Database& db) {
    SQLite::Statement st(db, "PRAGMA quick_check(5)");
    std::string out;
    while (st.executeStep()) {
        auto line = st.getColumn(0).getString();
        if (line == "ok")
            return "";
        out += (out.empty() ? "" : "; ") + line;
    }
    return out;
}

int database::last_system_errno() {
    return sqlite3_system_errno(conn_->db.getHandle());
}

bool database::quick_check() {
    return conn_->db.execAndGet("PRAGMA quick_check").getString() == "ok";
}

} // namespace cnscd
