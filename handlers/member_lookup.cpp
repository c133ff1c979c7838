#include "handlers/member_lookup.hpp"

#include "messages/markup.hpp"
#include "messages/registry_texts.hpp"
#include "messages/text_fold.hpp"

#include <algorithm>
#include <charconv>

namespace cnscd {

std::vector<member_record> managed_members(handler_context& ctx, bool include_inactive) {
    member_store members(ctx.db);
    if (ctx.who == role::ward_staff || ctx.who == role::admin)
        return members.in_ward(ctx.member->ward_id, !include_inactive);
    if (!ctx.member->team_id)
        return {};
    return members.in_team(*ctx.member->team_id, !include_inactive);
}

std::string member_name(language lang, const member_record& m) {
    return m.erased_at ? markup::to_plain(say(lang, registry_text::forget_placeholder, {{"id", m.id}}))
                       : m.full_name;
}

std::string team_name(handler_context& ctx, std::optional<std::int64_t> team_id) {
    if (!team_id)
        return {};
    auto t = team_store(ctx.db).by_id(*team_id);
    return t ? t->name : std::string();
}

std::string next_roster_row(handler_context& ctx) {
    long long top = 0;
    auto ward = ctx.member ? ctx.member->ward_id : ctx.group ? ctx.group->ward_id : 0;
    for (auto& m : member_store(ctx.db).in_ward(ward, false)) {
        long long row = 0;
        auto& r = m.roster_row;
        if (std::from_chars(r.data(), r.data() + r.size(), row).ec == std::errc() && row > top)
            top = row;
    }
    return std::to_string(top + 1);
}

std::string role_label(const handler_context& ctx, const std::string& code) {
    return ctx.say(role_text(role_from_code(code).value_or(role::member)));
}

std::string teams_list(handler_context& ctx) {
    std::string out;
    for (auto& t : team_store(ctx.db).in_ward(ctx.member->ward_id))
        out += (out.empty() ? "" : ", ") + t.name;
    return out;
}

void ask_which_team(handler_context& ctx, registry_text question) {
    auto teams = team_store(ctx.db).in_ward(ctx.member->ward_id);
    std::string list;
    for (auto& t : teams)
        list += "• " + markup::escape(t.name) + "\n";
    auto ward = ward_store(ctx.db).by_id(ctx.member->ward_id);
    ctx.reply(question, {{"example", teams.empty() ? "Tổ 1" : teams.front().name},
                         {"ward", ward ? ward->name : ""},
                         arg::markup("teams", list)});
}

std::optional<team_record> team_named(handler_context& ctx, const std::string& name) {
    team_store teams(ctx.db);
    if (auto t = teams.by_name(ctx.member->ward_id, name))
        return t;
    if (auto t = teams.by_code(ctx.member->ward_id, fold(name)))
        return t;
    // "Tổ 3" for "Tổ dân phố số 3": the same short code.
    if (auto t = teams.by_code(ctx.member->ward_id, team_code_from_name(name)))
        return t;
    return std::nullopt;
}

std::optional<member_record> find_managed_member(handler_context& ctx, const std::string& raw,
                                                 registry_text not_found) {
    std::string who = raw;
    while (!who.empty() && (who.front() == ' ' || who.front() == '#'))
        who.erase(who.begin());
    while (!who.empty() && who.back() == ' ')
        who.pop_back();
    auto pool = managed_members(ctx, true);
    std::vector<member_record> hits;
    bool number =
        !who.empty() && std::all_of(who.begin(), who.end(), [](char c) { return c >= '0' && c <= '9'; });
    auto wanted = fold(who);
    for (auto& m : pool) {
        if (number ? m.roster_row == who : fold(m.full_name) == wanted)
            hits.push_back(m);
    }
    if (hits.empty() && !number) {
        // "Lan" finds "Nguyễn Thị Lan": every written word must start a word of the name.
        for (auto& m : pool) {
            auto name = " " + fold(m.full_name);
            bool all = !wanted.empty();
            std::size_t pos = 0;
            while (all && pos < wanted.size()) {
                auto end = wanted.find(' ', pos);
                auto word = wanted.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
                all = word.empty() || name.find(" " + word) != std::string::npos;
                pos = end == std::string::npos ? wanted.size() : end + 1;
            }
            if (all)
                hits.push_back(m);
        }
    }
    // Prefer active members when a name matches both an active and a retired one.
    if (hits.size() > 1) {
        std::vector<member_record> active;
        for (auto& m : hits)
            if (m.active)
                active.push_back(m);
        if (!active.empty())
            hits = std::move(active);
    }
    if (hits.size() == 1)
        return hits.front();
    if (hits.empty()) {
        // A number is a TT not on the list: "/thanhvien_them 99" would be no help.
        ctx.reply(number ? registry_text::member_not_found : not_found, {{"who", who}});
        return std::nullopt;
    }
    std::string list;
    for (auto& m : hits) {
        if (!list.empty())
            list += "\n";
        list += ctx.say(registry_text::member_candidate, {{"row", m.roster_row.empty() ? "?" : m.roster_row},
                                                          {"name", m.full_name},
                                                          {"team", team_name(ctx, m.team_id)}});
    }
    ctx.reply(registry_text::member_ambiguous, {{"who", who}, arg::markup("list", list)});
    return std::nullopt;
}

} // namespace cnscd
