#pragma once

// POST /telegram/webhook: checks X-Telegram-Bot-Api-Secret-Token (401 and nothing stored
// when wrong), reads the update, and answers 200 only after it is committed.

#include <string>

namespace cnscd {

class http_server;
class ingest;
class metrics;
struct telegram_config;

// `username` is read when each update arrives (it may be learned after start-up).
void add_telegram_webhook(http_server& server, ingest& in, const telegram_config& cfg,
                          const std::string& username, metrics& m);

} // namespace cnscd
