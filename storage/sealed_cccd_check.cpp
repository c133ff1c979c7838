#include "storage/sealed_cccd_check.hpp"

#include "storage/database.hpp"
#include "storage/personal_data.hpp"
#include "storage/sqlite_connection.hpp"

#include <string>

namespace cnscd {

sealed_cccd_check check_sealed_cccds(database& db, const personal_data& crypto) {
    sealed_cccd_check out;
    // Opening every one takes microseconds each; a ward has hundreds of members, not millions.
    auto& st = db.native().query("SELECT cccd_enc FROM members WHERE cccd_enc IS NOT NULL");
    while (st.executeStep()) {
        auto col = st.getColumn(0);
        std::string sealed(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
        ++out.sealed;
        if (!crypto.open(sealed))
            ++out.unreadable;
    }
    return out;
}

} // namespace cnscd
