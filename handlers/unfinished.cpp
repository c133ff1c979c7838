// Scaffolding while the features land: each handler here moves to its feature's file.

#include "handlers/handlers.hpp"

namespace cnscd {

namespace {
void later(handler_context& ctx) {
    ctx.reply("Tính năng này đang được hoàn thiện.");
}
} // namespace

void handle(const cmd_broadcast&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_broadcast_list&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_guides&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_add_guide&, handler_context& ctx) {
    later(ctx);
}

} // namespace cnscd
