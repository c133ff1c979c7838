#include "tests/support/test_bot.hpp"

#include "handlers/dispatch.hpp"
#include "handlers/scheduled_work.hpp"
#include "messages/markup.hpp"
#include "storage/outbox.hpp"
#include "storage/registry.hpp"
#include "storage/report_store.hpp"

#include <regex>

namespace cnscd::test {

test_bot::test_bot(config c, std::string db_path)
    : cfg(std::move(c)), db(database::open(db_path)), env{cfg, clk, "ToCNSBot"} {}

std::int64_t test_bot::ward(const std::string& name) {
    return ward_store(*db).ensure(name, clk.now());
}

std::int64_t test_bot::team(std::int64_t ward_id, const std::string& name, std::int64_t created_at) {
    return team_store(*db).ensure(ward_id, name, created_at ? created_at : clk.now());
}

std::int64_t test_bot::member(std::int64_t ward_id, std::int64_t team_id, const std::string& name,
                              const std::string& role, const std::string& user_id, const std::string& phone) {
    member_record m;
    m.ward_id = ward_id;
    if (team_id)
        m.team_id = team_id;
    m.full_name = name;
    m.role = role;
    m.phone = phone;
    auto id = member_store(*db).insert(m, clk.now());
    if (!user_id.empty())
        member_store(*db).link_account(platform, user_id, id, "test", clk.now());
    return id;
}

void test_bot::bind_group(const std::string& chat_id, std::int64_t ward_id, std::int64_t team_id) {
    group_binding b;
    b.chat = {platform, chat_id};
    b.ward_id = ward_id;
    if (team_id)
        b.team_id = team_id;
    b.title = "Nhóm " + chat_id;
    group_store(*db).bind(b, std::nullopt, clk.now());
}

void test_bot::submit_report(std::int64_t ward_id, std::int64_t team_id, const std::string& code,
                             const std::string& period_key, std::int64_t at) {
    report_submission s;
    s.ward_id = ward_id;
    s.team_id = team_id;
    s.deadline_code = code;
    s.period_key = period_key;
    s.figures_json = "{}";
    s.submitted_at = at ? at : clk.now();
    s.on_time = true;
    report_store(*db).submit(s);
}

std::vector<outgoing> test_bot::deliver(incoming in) {
    if (in.update_key.empty())
        in.update_key = std::to_string(next_update++);
    if (in.sent_at == 0)
        in.sent_at = clk.now();
    return queued_by([&] { dispatch(in, *db, env); });
}

std::vector<outgoing> test_bot::report_delivery(const delivery_report& report) {
    return queued_by([&] { on_delivery(*db, env, report); });
}

std::vector<outgoing> test_bot::run_scheduled() {
    return queued_by([&] { run_scheduled_work(*db, env); });
}

std::vector<outgoing> test_bot::queued_by(const std::function<void()>& work) {
    std::vector<outgoing> out;
    db->in_transaction([&] {
        std::int64_t before = 0;
        for (auto& r : outbox(*db).pending())
            before = std::max(before, r.id);
        work();
        for (auto& r : outbox(*db).pending())
            if (r.id > before) {
                out.push_back(r.message);
                outbox(*db).mark_sent(r.id, "m" + std::to_string(r.id), clk.now());
            }
    });
    return out;
}

std::vector<outgoing> test_bot::say(const std::string& user_id, const std::string& text) {
    incoming in;
    in.kind = incoming_kind::message;
    in.chat = {platform, user_id};
    in.chat_type = chat_kind::private_chat;
    in.user_id = user_id;
    in.user_name = "User " + user_id;
    in.message_ref = std::to_string(next_update + 1000);
    in.text = text;
    return deliver(std::move(in));
}

std::vector<outgoing> test_bot::say_in_group(const std::string& group_chat_id, const std::string& user_id,
                                             const std::string& text) {
    incoming in;
    in.kind = incoming_kind::message;
    in.chat = {platform, group_chat_id};
    in.chat_type = chat_kind::group;
    in.chat_title = "Nhóm " + group_chat_id;
    in.user_id = user_id;
    in.user_name = "User " + user_id;
    in.message_ref = std::to_string(next_update + 1000);
    in.text = text;
    return deliver(std::move(in));
}

std::vector<outgoing> test_bot::press(const std::string& user_id, const std::string& data,
                                      const std::string& chat_id) {
    incoming in;
    in.kind = incoming_kind::choice;
    in.chat = {platform, chat_id.empty() ? user_id : chat_id};
    in.chat_type = chat_id.empty() || chat_id == user_id ? chat_kind::private_chat : chat_kind::group;
    in.user_id = user_id;
    in.choice_data = data;
    in.choice_ref = "cb" + std::to_string(next_update);
    in.message_ref = "500";
    return deliver(std::move(in));
}

std::vector<std::string> test_bot::texts(const std::vector<outgoing>& out) {
    std::vector<std::string> t;
    for (auto& o : out)
        if (o.kind != outgoing_kind::answer_choice || !o.text.empty())
            t.push_back(markup::to_plain(o.text));
    return t;
}

std::string test_bot::joined(const std::vector<outgoing>& out) {
    std::string s;
    for (auto& t : texts(out))
        s += t + "\n";
    return s;
}

std::string test_bot::button(const std::vector<outgoing>& out, const std::string& label) {
    for (auto& o : out)
        for (auto& row : o.choices)
            for (auto& b : row)
                if (b.label.find(label) != std::string::npos)
                    return b.data;
    return "";
}

bool has(const std::vector<outgoing>& out, const std::string& needle) {
    return test_bot::joined(out).find(needle) != std::string::npos;
}

std::vector<outgoing> to_chat(const std::vector<outgoing>& out, const std::string& chat) {
    std::vector<outgoing> r;
    for (auto& o : out)
        if (o.to.chat_id == chat)
            r.push_back(o);
    return r;
}

std::int64_t record_no(const std::vector<outgoing>& out) {
    std::smatch m;
    auto text = test_bot::joined(out);
    if (!std::regex_search(text, m, std::regex("số (\\d+)")))
        return 0;
    return std::stoll(m[1].str());
}

config ward_with_year_end_report(const std::string& ward_name, std::vector<target_config> targets) {
    config c;
    ward_config w;
    w.name = ward_name;
    w.targets = std::move(targets);
    deadline_config year_end;
    year_end.code = "nam";
    year_end.name = "Báo cáo năm";
    year_end.kind = "yearly";
    year_end.month = 12;
    year_end.day = 31;
    w.deadlines.push_back(year_end);
    c.wards.push_back(w);
    return c;
}

} // namespace cnscd::test
