#include "storage/chat_migrations.hpp"

#include "storage/database.hpp"
#include "storage/sqlite_connection.hpp"

namespace cnscd {

std::optional<std::string> migrated_to(database& db, const chat_address& chat) {
    auto& st =
        db.native().query("SELECT new_chat_id FROM chat_migrations WHERE channel = ? AND old_chat_id = ?",
                          std::string(channel_name(chat.platform)), chat.chat_id);
    if (!st.executeStep())
        return std::nullopt;
    return st.getColumn(0).getString();
}

} // namespace cnscd
