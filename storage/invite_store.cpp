#include "storage/invite_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

#include <openssl/rand.h>

#include <stdexcept>

namespace cnscd {

std::string invite_store::normalize(const std::string& code) {
    std::string out;
    for (char c : code) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

invite invite_store::create(std::int64_t member_id, std::optional<std::int64_t> created_by, std::int64_t now,
                            std::int64_t ttl_seconds) {
    // No 0/O, 1/I/L: codes are read aloud and typed on phones.
    static const char alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    for (int attempt = 0; attempt < 10; ++attempt) {
        unsigned char random[8];
        if (RAND_bytes(random, sizeof random) != 1)
            throw std::runtime_error("no randomness for an invite code");
        std::string code;
        for (auto b : random)
            code += alphabet[b % (sizeof alphabet - 1)];
        if (find(code))
            continue;
        db_.native().exec("INSERT INTO invites (code, member_id, created_by, created_at, expires_at) "
                          "VALUES (?, ?, ?, ?, ?)",
                          code, member_id, created_by, now, now + ttl_seconds);
        return {code, member_id, now + ttl_seconds, std::nullopt, ""};
    }
    throw std::runtime_error("could not find a free invite code");
}

std::optional<invite> invite_store::find(const std::string& raw) {
    auto code = normalize(raw);
    // Replaced: expire_open_of ended it one second before the newer code was created.
    auto& st = db_.native().query(
        "SELECT i.code, i.member_id, i.expires_at, i.used_at, coalesce(i.used_by, ''), "
        "EXISTS (SELECT 1 FROM invites n WHERE n.member_id = i.member_id AND n.code <> i.code "
        "AND n.created_at >= i.created_at AND n.created_at = i.expires_at + 1) "
        "FROM invites i WHERE i.code = ?",
        code);
    if (!st.executeStep())
        return std::nullopt;
    invite i;
    i.code = st.getColumn(0).getString();
    i.member_id = st.getColumn(1).getInt64();
    i.expires_at = st.getColumn(2).getInt64();
    if (!st.getColumn(3).isNull())
        i.used_at = st.getColumn(3).getInt64();
    i.used_by = st.getColumn(4).getString();
    i.replaced = st.getColumn(5).getInt() != 0;
    return i;
}

void invite_store::mark_used(const std::string& code, channel platform, const std::string& user_id,
                             std::int64_t now) {
    db_.native().exec("UPDATE invites SET used_at = ?, used_by = ? WHERE code = ?", now,
                      std::string(channel_name(platform)) + ":" + user_id, normalize(code));
}

std::vector<std::string> invite_store::expire_open_of(std::int64_t member_id, std::int64_t now) {
    std::vector<std::string> codes;
    {
        auto& st = db_.native().query("SELECT code FROM invites WHERE member_id = ? AND used_at IS NULL AND "
                                      "expires_at >= ? ORDER BY created_at, code",
                                      member_id, now);
        while (st.executeStep())
            codes.push_back(st.getColumn(0).getString());
    }
    // One second before now: a code is refused once its expiry is in the past.
    db_.native().exec("UPDATE invites SET expires_at = ? WHERE member_id = ? AND used_at IS NULL AND "
                      "expires_at >= ?",
                      now - 1, member_id, now);
    return codes;
}

} // namespace cnscd
