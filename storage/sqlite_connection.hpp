#pragma once

// Private to storage/: the SQLiteCpp connection with a prepared-statement cache.
// Never include this from a header outside storage/.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <any>
#include <cstdint>
#include <memory>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace cnscd::storage_detail {

class sqlite_connection {
public:
    sqlite_connection(const std::string& path, int flags, const char* vfs = nullptr)
        : db(path.c_str(), flags, 0, vfs) {}

    // A prepared statement for `sql`, reset and with bindings cleared, ready to bind.
    // `sql` must be a string literal (its address is the cache key).
    SQLite::Statement& statement(const char* sql) {
        auto it = cache_.find(sql);
        if (it == cache_.end())
            it = cache_.emplace(sql, std::make_unique<SQLite::Statement>(db, sql)).first;
        auto& st = *it->second;
        // Not reset(): after a failed step (disk full, busy) it would throw that old error again,
        // failing the first use of the statement after the fault cleared.
        st.tryReset();
        st.clearBindings();
        return st;
    }

    // Same for SQL built at run time (savepoint names): cached by its text.
    SQLite::Statement& statement(const std::string& sql) {
        auto it = built_.find(sql);
        if (it == built_.end())
            it = built_.emplace(sql, std::make_unique<SQLite::Statement>(db, sql)).first;
        auto& st = *it->second;
        st.tryReset(); // as above
        return st;
    }

    // Executes one statement that returns no rows; returns the number of changed rows.
    template <class... Args> int exec(const char* sql, const Args&... args) {
        auto& st = statement(sql);
        int i = 1;
        (bind_one(st, i++, args), ...);
        return st.exec();
    }

    static void bind_one(SQLite::Statement& st, int i, const std::string& v) { st.bind(i, v); }
    static void bind_one(SQLite::Statement& st, int i, std::string_view v) { st.bind(i, std::string(v)); }
    static void bind_one(SQLite::Statement& st, int i, const char* v) { st.bind(i, v); }
    template <class Int>
    requires std::is_integral_v<Int>
    static void bind_one(SQLite::Statement& st, int i, Int v) {
        if constexpr (std::is_same_v<Int, bool>)
            st.bind(i, v ? 1 : 0);
        else
            st.bind(i, static_cast<std::int64_t>(v));
    }
    static void bind_one(SQLite::Statement& st, int i, double v) { st.bind(i, v); }
    static void bind_one(SQLite::Statement& st, int i, std::nullptr_t) { st.bind(i); }
    template <class T> static void bind_one(SQLite::Statement& st, int i, const std::optional<T>& v) {
        if (v)
            bind_one(st, i, *v);
        else
            st.bind(i);
    }

    // Binds all arguments to a cached statement and returns it, ready for executeStep().
    template <class... Args> SQLite::Statement& query(const char* sql, const Args&... args) {
        auto& st = statement(sql);
        int i = 1;
        (bind_one(st, i++, args), ...);
        return st;
    }

    // Resets every statement of this connection that is still between rows. A single-row read
    // that stops at its row leaves its statement open, and an open statement keeps its read
    // snapshot after COMMIT: the next BEGIN IMMEDIATE would then fail with SQLITE_BUSY_SNAPSHOT
    // as soon as another connection or process had written. Run before COMMIT and ROLLBACK.
    void close_open_reads() {
        for (sqlite3_stmt* st = sqlite3_next_stmt(db.getHandle(), nullptr); st;
             st = sqlite3_next_stmt(db.getHandle(), st))
            if (sqlite3_stmt_busy(st))
                sqlite3_reset(st);
    }

    SQLite::Database db;

    // Who is who (members, their accounts, group bindings) is read for every update and changes
    // rarely. A connection that tracks it counts its own changes to those tables (TEMP triggers)
    // and its rollbacks here; registry.cpp keeps what it read in `roster_cache` while this count
    // and the data version stay the same.
    bool roster_tracked = false;
    std::uint64_t roster_changes = 0;
    std::any roster_cache;

    // Moves when another connection (or process) commits, not on this connection's commits.
    std::int64_t data_version() {
        auto& st = statement("PRAGMA data_version");
        std::int64_t version = st.executeStep() ? st.getColumn(0).getInt64() : 0;
        st.tryReset(); // an open statement would pin this snapshot and fail the next BEGIN IMMEDIATE
        return version;
    }

private:
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> cache_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> built_;
};

} // namespace cnscd::storage_detail
