#include "bot/telegram/telegram_menu.hpp"

#include "bot/telegram/telegram_adapter.hpp"
#include "bot/telegram/telegram_client.hpp"
#include "messages/command_menu.hpp"
#include "storage/database.hpp"
#include "storage/meta_store.hpp"
#include "storage/writer.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <memory>

namespace cnscd {

namespace {

constexpr const char* published_key = "telegram.command_menu";

std::vector<nlohmann::json> menu_calls() {
    std::vector<nlohmann::json> calls;
    for (auto lang : {language::vi, language::en})
        for (bool group : {false, true}) {
            nlohmann::json commands = nlohmann::json::array();
            for (auto& e : command_menu(lang, group))
                commands.push_back({{"command", e.command}, {"description", e.description}});
            nlohmann::json body{{"commands", commands},
                                {"scope", {{"type", group ? "all_group_chats" : "all_private_chats"}}}};
            // Vietnamese is the default list; English users' apps send language_code "en".
            if (lang == language::en)
                body["language_code"] = "en";
            calls.push_back(std::move(body));
        }
    return calls;
}

} // namespace

void publish_command_menu(telegram_client& tg, writer& w) {
    auto calls = menu_calls();
    std::string all;
    for (auto& c : calls)
        all += c.dump();
    std::string published;
    w.run_sync([&](database& db) { published = meta_store(db).get(published_key).value_or(""); });
    if (published == all)
        return;
    struct progress {
        std::size_t left;
        bool failed = false;
    };
    auto state = std::make_shared<progress>(progress{calls.size()});
    for (auto& body : calls)
        tg.call("setMyCommands", body.dump(), std::chrono::seconds(20), [state, all, &w](http_result r) {
            auto a = telegram::read_answer(r.status, r.body);
            if (!r.ok() || !a.ok) {
                if (!state->failed)
                    spdlog::warn(
                        "telegram: setMyCommands failed ({}); the command menu is not updated, commands "
                        "still work. It is tried again at the next start",
                        r.ok() ? a.description : r.error);
                state->failed = true;
            }
            if (--state->left == 0 && !state->failed)
                w.submit([all](database& db) { meta_store(db).set(published_key, all); }, {});
        });
}

} // namespace cnscd
