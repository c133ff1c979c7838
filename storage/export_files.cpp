#include "storage/export_files.hpp"

#include <chrono>
#include <filesystem>

namespace cnscd {

std::string exports_dir(const std::string& db_path) {
    return (std::filesystem::path(db_path).parent_path() / "exports").string();
}

int prune_exports(const std::string& db_path, std::int64_t before) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::directory_iterator it(exports_dir(db_path), ec);
    if (ec)
        return 0;
    int removed = 0;
    for (auto& entry : it) {
        if (!entry.is_regular_file(ec))
            continue;
        auto written = std::chrono::file_clock::to_sys(entry.last_write_time(ec));
        if (ec)
            continue;
        if (std::chrono::duration_cast<std::chrono::seconds>(written.time_since_epoch()).count() < before &&
            fs::remove(entry.path(), ec))
            ++removed;
    }
    return removed;
}

} // namespace cnscd
