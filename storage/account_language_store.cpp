#include "storage/account_language_store.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

std::string account_language_store::find(channel platform, const std::string& user_id) {
    auto& st = db_.native().query("SELECT language FROM account_languages WHERE channel = ? AND user_id = ?",
                                  std::string(channel_name(platform)), user_id);
    if (!st.executeStep())
        return "";
    return st.getColumn(0).getString();
}

void account_language_store::set(channel platform, const std::string& user_id, const std::string& language) {
    db_.native().exec("INSERT INTO account_languages (channel, user_id, language) VALUES (?, ?, ?) "
                      "ON CONFLICT (channel, user_id) DO UPDATE SET language = excluded.language",
                      std::string(channel_name(platform)), user_id, language);
}

} // namespace cnscd
