#pragma once

// Where each group upgraded to a supergroup went (group_store::migrate records it). A button under
// a message sent before the upgrade is reported with the old group's id.

#include "messages/incoming.hpp"

#include <optional>
#include <string>

namespace cnscd {

class database;

// The supergroup `chat` was upgraded to, if it was.
std::optional<std::string> migrated_to(database& db, const chat_address& chat);

} // namespace cnscd
