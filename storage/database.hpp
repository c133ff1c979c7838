#pragma once

// An open SQLite database: the file, its pragmas and its migrations. Stores
// (update_log, outbox, member_store, ...) are thin views over one of these; they are cheap
// to construct because prepared statements are cached here.
// Not thread-safe: one thread uses a database at a time (the writer's thread while serving).

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cnscd {

namespace storage_detail {
class sqlite_connection;
}
struct outbox_row;
struct migration;

struct database_options {
    bool create = true;         // create the file (and its folder) if missing
    bool run_migrations = true; // bring the schema up to date on open
    std::string synchronous = "full";
    int busy_timeout_ms = 5000;
    // Run PRAGMA quick_check before anything else touches the file, and refuse a damaged one.
    bool check_integrity = false;
};

// Thrown when the database cannot be opened or migrated; `what()` says what to do.
struct database_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class database {
public:
    // Opens (and by default migrates) the SQLite file; ":memory:" for tests.
    static std::unique_ptr<database> open(const std::string& path, const database_options& options = {});
    ~database();
    database(const database&) = delete;
    database& operator=(const database&) = delete;

    int schema_version() const;
    int latest_schema_version() const;
    // Applies pending migrations; returns how many ran. `applied` hears of each as it commits,
    // so that the operator's log says what an upgrade did.
    int migrate(const std::function<void(const migration&)>& applied = {});

    // Runs `fn` in one transaction (BEGIN IMMEDIATE ... COMMIT); rolls back if it throws.
    template <class F> void in_transaction(F&& fn) {
        begin();
        try {
            fn();
        } catch (...) {
            rollback();
            throw;
        }
        commit();
    }
    void begin();
    // A read transaction: one consistent snapshot for several queries, without the write lock.
    void begin_read();
    void commit();
    void rollback();
    void savepoint(const char* name);
    void release(const char* name);
    void rollback_to(const char* name);
    // Lets the stores keep the roster they read (members by account, group bindings) in memory
    // until it changes: for the writer, which reads it for every update (registry.cpp).
    void track_roster();

    // Copies the live database to `path` with SQLite's online backup (consistent while serving).
    void backup_to(const std::string& path);
    // True when the file passes PRAGMA quick_check.
    bool quick_check();
    // What PRAGMA quick_check found wrong (its first lines), or "" when the file is sound.
    std::string quick_check_problems();
    // The OS error (errno) behind the last failed SQLite call, 0 if none.
    int last_system_errno();

    // Work to run after the current transaction commits (e.g. hand new outbox rows to the
    // sender). Dropped if the transaction or the savepoint it was added in rolls back.
    void after_commit(std::function<void()> fn) { after_commit_.push_back(std::move(fn)); }
    std::size_t after_commit_mark() const { return after_commit_.size(); }
    void drop_after_commit_from(std::size_t mark) { after_commit_.resize(mark); }
    std::vector<std::function<void()>> take_after_commit() { return std::exchange(after_commit_, {}); }

    // Receives every outbox row once its transaction has committed (see outbox.hpp).
    void set_outbox_listener(std::function<void(const outbox_row&)> fn) { outbox_listener_ = std::move(fn); }
    const std::function<void(const outbox_row&)>& outbox_listener() const { return outbox_listener_; }
    // Hears of pending rows withdrawn (a cancelled broadcast) once that has committed.
    void set_withdrawn_listener(std::function<void(const std::vector<std::int64_t>&)> fn) {
        withdrawn_listener_ = std::move(fn);
    }
    const std::function<void(const std::vector<std::int64_t>&)>& withdrawn_listener() const {
        return withdrawn_listener_;
    }

    const std::string& path() const { return path_; }
    storage_detail::sqlite_connection& native() { return *conn_; }

private:
    database(std::string path, std::unique_ptr<storage_detail::sqlite_connection> conn);
    std::string path_;
    std::unique_ptr<storage_detail::sqlite_connection> conn_;
    std::vector<std::function<void()>> after_commit_;
    std::function<void(const outbox_row&)> outbox_listener_;
    std::function<void(const std::vector<std::int64_t>&)> withdrawn_listener_;
};

} // namespace cnscd
