#include "storage/command_failure.hpp"

#include "storage/storage_fault.hpp"

#include <SQLiteCpp/Exception.h>

namespace cnscd {

std::string database_failure_text(const std::exception& e, const std::string& db_path) {
    auto* refused = dynamic_cast<const SQLite::Exception*>(&e);
    if (!refused)
        return e.what();
    auto fault = classify_sqlite_error(refused->getErrorCode(), refused->getExtendedErrorCode(), 0);
    // SQLite's I/O errors hide the cause: look at the disk and the folder, as serve does.
    if (fault == storage_fault::io_error && storage_looks_full(db_path))
        fault = storage_fault::disk_full;
    else if (fault == storage_fault::io_error && folder_refuses_writes(db_path))
        fault = storage_fault::read_only;
    return "the database " + db_path + " refused the command (" + e.what() + "): " + fault_advice(fault) +
           ". A change the command had begun was not stored; what was stored before is kept";
}

} // namespace cnscd
