#include "handlers/delivery_hooks.hpp"

namespace cnscd {

void on_delivery(database&, const dispatch_env&, const delivery_report&) {
    // Broadcast campaigns follow their deliveries here (broadcast issue).
}

} // namespace cnscd
