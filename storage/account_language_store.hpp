#pragma once

// The language a chat account chose with /ngonngu before it was linked to a member: a resident,
// a new volunteer or ward staff on first contact, someone whose roster is not imported yet.
// Once the account is linked, the member's own setting is the one used
// (member_store::link_account carries this choice over when the member has none).

#include "messages/incoming.hpp"

#include <string>

namespace cnscd {

class database;

class account_language_store {
public:
    explicit account_language_store(database& db) : db_(db) {}

    // "vi" or "en"; "" when this account chose none.
    std::string find(channel platform, const std::string& user_id);
    void set(channel platform, const std::string& user_id, const std::string& language);

private:
    database& db_;
};

} // namespace cnscd
