// Scaffolding while the features land: each handler here moves to its feature's file.

#include "handlers/handlers.hpp"

namespace cnscd {

namespace {
void later(handler_context& ctx) {
    ctx.reply("Tính năng này đang được hoàn thiện.");
}
} // namespace

void handle(const cmd_deadlines&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_add_deadline&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_report&, handler_context& ctx) {
    later(ctx);
}
void handle(const cmd_export&, handler_context& ctx) {
    later(ctx);
}

} // namespace cnscd
