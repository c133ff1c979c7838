#include "bot/ingest.hpp"

#include "bot/metrics.hpp"
#include "handlers/dispatch.hpp"

#include <spdlog/spdlog.h>

namespace cnscd {

ingest::ingest(writer& w, const dispatch_env& env, metrics& m) : writer_(w), env_(env), metrics_(m) {}

void ingest::submit(incoming in, std::function<void(ingest_outcome)> done,
                    std::function<void(database&)> extra) {
    ++in_flight_;
    auto result = std::make_shared<dispatch_result>();
    auto started = std::chrono::steady_clock::now();
    auto platform = in.chat.platform;
    auto shared_in = std::make_shared<incoming>(std::move(in));
    // Read here, on the network thread: the writer is the serial part of every update.
    auto cmd = std::make_shared<std::optional<command>>(read_command(*shared_in, env_));
    writer_.submit(
        [this, shared_in, cmd, result, extra = std::move(extra)](database& db) {
            *result = dispatch(*shared_in, db, env_, std::move(*cmd));
            if (extra)
                extra(db);
        },
        [this, shared_in, result, started, platform, done = std::move(done)](job_outcome outcome,
                                                                             const std::string& error) {
            metrics_.commit_latency.observe(
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
            ingest_outcome answer = ingest_outcome::stored;
            if (outcome == job_outcome::committed) {
                if (result->duplicate) {
                    ++metrics_.of(platform).duplicates;
                    answer = ingest_outcome::duplicate;
                } else {
                    ++metrics_.of(platform).updates;
                }
                // What someone asking "why did the bot not answer me?" needs, without the text
                // (phones, CCCDs). Only a level check when debug is off: no string is built per update.
                if (spdlog::should_log(spdlog::level::debug))
                    spdlog::debug("{}: update {} in chat {} from user {}: {}{}, {} repl{} queued",
                                  channel_name(platform), shared_in->update_key, shared_in->chat.chat_id,
                                  shared_in->user_id,
                                  result->command.empty() ? std::string("no command") : "/" + result->command,
                                  result->duplicate ? " (seen before, skipped)" : "", result->replies,
                                  result->replies == 1 ? "y" : "ies");
                if (result->handler_failed) {
                    ++metrics_.handler_errors;
                    spdlog::error("handler for /{} failed on update {} in {}:{}: {}", result->command,
                                  shared_in->update_key, channel_name(platform), shared_in->chat.chat_id,
                                  result->error);
                }
            } else {
                // Not stored: the platform will redeliver it (we answer 503).
                ++metrics_.storage_errors;
                spdlog::error("storage: update {} from {} not stored: {}", shared_in->update_key,
                              channel_name(platform), error);
                answer = ingest_outcome::storage_failed;
            }
            --in_flight_;
            done(answer);
        });
}

} // namespace cnscd
