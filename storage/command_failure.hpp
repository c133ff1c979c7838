#pragma once

// What a one-shot command (chat, import-roster, export...) says when the database refuses it
// midway: locked by another process, full, read-only. The fault in the operator's terms and its
// fix, where the command used to abort with "terminate called ... database is locked".

#include <exception>
#include <string>

namespace cnscd {

std::string database_failure_text(const std::exception& e, const std::string& db_path);

} // namespace cnscd
