// `import-roster`, `export-roster` and `add-staff`: the ward's roster from and to the table
// it already keeps. The work is in storage/roster_*; this file reads files and prints.

#include "bot/app.hpp"
#include "bot/cli_wards.hpp"
#include "bot/command_database.hpp"
#include "bot/system_clock.hpp"
#include "handlers/role.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/phone.hpp"
#include "messages/registry_texts.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"
#include "storage/roster_import.hpp"
#include "storage/sealed_cccd_check.hpp"
#include "storage/visit_store.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace cnscd {

namespace {

language cli_language(const config& cfg) {
    return language_from_code(cfg.default_language).value_or(language::vi);
}

std::string row_of(language l, const std::string& label, std::size_t line) {
    // Plain: it is filled into another template, which escapes it.
    return markup::to_plain(
        label.empty() ? say(l, registry_text::import_row_line, {{"line", static_cast<std::int64_t>(line)}})
                      : say(l, registry_text::import_row_tt, {{"row", label}}));
}

std::string reason(language l, const roster_problem& p) {
    switch (p.issue) {
    case roster_issue::missing_name:
        return say(l, registry_text::reason_missing_name);
    case roster_issue::bad_phone:
        return say(l, registry_text::reason_bad_phone, {{"detail", p.detail}});
    case roster_issue::bad_cccd:
        return p.detail.empty() ? say(l, registry_text::reason_bad_cccd_not_digits)
                                : say(l, registry_text::reason_bad_cccd, {{"detail", p.detail}});
    case roster_issue::unknown_role:
        return say(l, registry_text::reason_unknown_role, {{"detail", p.detail}});
    case roster_issue::missing_team:
        return say(l, registry_text::reason_missing_team);
    case roster_issue::duplicate_phone:
        return say(l, registry_text::reason_duplicate_phone, {{"detail", p.detail}});
    case roster_issue::duplicate_cccd:
        return say(l, registry_text::reason_duplicate_cccd, {{"detail", p.detail}});
    case roster_issue::phone_of_other_person: {
        auto where = p.other_row.empty() ? p.other_team : row_of(l, p.other_row, 0) + ", " + p.other_team;
        return say(l, registry_text::reason_phone_of_other_person, {{"name", p.detail}, {"where", where}});
    }
    case roster_issue::two_leaders:
        return say(
            l, registry_text::reason_two_leaders,
            {{"name", p.detail}, {"where", row_of(l, p.other_row, p.other_line)}, {"team", p.other_team}});
    }
    return {};
}

// The CLI prints plain text: the catalog escapes for chat markup.
std::string plain(std::string s) {
    return markup::to_plain(s);
}

} // namespace

int run_import_roster(const config& cfg, const roster_import_request& r) {
    auto l = cli_language(cfg);
    std::ifstream in(r.file, std::ios::binary);
    if (!in) {
        std::cerr << plain(say(l, registry_text::file_unreadable, {{"file", r.file}})) << "\n";
        return 2;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto file = read_roster(bytes.str(), r.team);
    if (!file) {
        auto key = file.error().error == roster_file_error::empty       ? registry_text::file_empty
                   : file.error().error == roster_file_error::no_header ? registry_text::file_no_header
                   : file.error().error == roster_file_error::not_utf8  ? registry_text::file_not_utf8
                                                                        : registry_text::file_missing_columns;
        std::cerr << plain(say(l, key, {{"file", r.file}, {"detail", file.error().detail}})) << "\n";
        return 2;
    }
    // A dry run on a new installation reads the file against an empty roster and creates no
    // database: it promises to change nothing.
    auto where = cfg;
    std::error_code ec;
    if (r.dry_run && !std::filesystem::exists(cfg.storage.db_path, ec))
        where.storage.db_path = ":memory:";
    auto opened = open_for_command(where, "import-roster", missing_database::create);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    personal_data crypto(cfg.data_key);
    system_clock wall;
    auto report = import_roster(*db, *file,
                                {r.ward, r.dry_run, r.no_cccd, r.new_ward, r.include_erased, r.keep_removed},
                                crypto, wall.now());
    if (!report && report.error() == roster_import_error::unknown_ward) {
        print_unknown_ward(l, *db, r.ward, true);
        return 2;
    }
    if (!report && report.error() == roster_import_error::key_mismatch) {
        auto stored = check_sealed_cccds(*db, crypto);
        std::cerr << plain(say(l, registry_text::import_key_mismatch,
                               {{"unreadable", stored.unreadable}, {"sealed", stored.sealed}}))
                  << "\n";
        return 2;
    }
    if (!report) {
        std::cerr << plain(say(l, registry_text::no_data_key, {{"howto", std::string(data_key_howto)}}))
                  << "\n";
        return 2;
    }
    std::cout << plain(say(l, registry_text::import_header,
                           {{"ward", report->ward},
                            {"dry", r.dry_run ? say(l, registry_text::import_dry_run) : std::string()}}))
              << "\n";
    std::cout
        << plain(
               say(l, registry_text::import_counts,
                   {{"added", static_cast<int>(report->added.size())},
                    {"changed", static_cast<int>(report->changed.size())},
                    {"unchanged", static_cast<int>(report->unchanged)},
                    {"rejected", static_cast<int>(rejected_rows(report->rejected))},
                    arg::markup("skipped", report->skipped.empty()
                                               ? std::string()
                                               : say(l, registry_text::import_skipped_count,
                                                     {{"count", static_cast<int>(report->skipped.size())}})),
                    arg::markup("absent", report->absent.empty()
                                              ? std::string()
                                              : say(l, registry_text::import_absent_count,
                                                    {{"count", static_cast<int>(report->absent.size())}}))}))
        << "\n";
    if (report->ward_created)
        std::cout << plain(say(l, registry_text::import_ward_created, {{"ward", report->ward}})) << "\n";
    if (!report->teams_created.empty()) {
        std::string teams;
        for (auto& t : report->teams_created)
            teams += (teams.empty() ? "" : ", ") + t;
        std::cout << plain(say(l, registry_text::import_teams_created, {{"teams", teams}})) << "\n";
    }
    for (auto& e : report->added)
        std::cout << plain(say(
                         l, registry_text::import_added_line,
                         {{"row", row_of(l, e.row_label, e.line)}, {"name", e.full_name}, {"team", e.team}}))
                  << "\n";
    auto day = [&](std::int64_t at) { return format_day_of(at, cfg.utc_offset_minutes); };
    for (auto& c : report->changed) {
        std::string fields;
        for (auto& f : c.fields)
            fields += (fields.empty() ? "" : ", ") + f;
        if (c.reactivated) {
            auto also = fields.empty() ? std::string()
                                       : say(l, registry_text::import_also_changed, {{"fields", fields}});
            std::cout << plain(say(l, registry_text::import_readded_line,
                                   {{"row", row_of(l, c.row_label, c.line)},
                                    {"name", c.name},
                                    {"date", day(c.removed_at)},
                                    {"team", c.team},
                                    arg::markup("also", also)}))
                      << "\n";
            continue;
        }
        if (!c.stepped_down_for.empty()) {
            std::cout << plain(say(l, registry_text::import_stepped_down_line,
                                   {{"row", row_of(l, c.row_label, c.line)},
                                    {"name", c.name},
                                    {"team", c.team},
                                    {"leader", c.stepped_down_for}}))
                      << "\n";
            continue;
        }
        auto key =
            c.previous_name.empty() ? registry_text::import_changed_line : registry_text::import_renamed_line;
        std::cout << plain(say(l, key,
                               {{"row", row_of(l, c.row_label, c.line)},
                                {"name", c.name},
                                {"previous", c.previous_name},
                                {"fields", fields}}))
                  << "\n";
        if (c.chat_role_changed_at)
            std::cout << plain(say(l, registry_text::import_reverts_chat_role,
                                   {{"name", c.name},
                                    {"role", c.chat_role},
                                    {"date", day(c.chat_role_changed_at)}}))
                      << "\n";
    }
    for (auto& k : report->skipped) {
        auto row = row_of(l, k.row_label, k.line);
        if (k.removed_at)
            std::cout << plain(say(l, registry_text::import_kept_removed_line,
                                   {{"row", row}, {"name", k.name}, {"date", day(k.removed_at)}}))
                      << "\n";
        else
            std::cout << plain(say(l, registry_text::import_erased_line, {{"row", row}, {"team", k.team}}))
                      << "\n";
    }
    for (auto& a : report->absent)
        std::cout << plain(
                         say(l, registry_text::import_absent_line,
                             {{"row", a.row_label.empty() ? std::string() : row_of(l, a.row_label, 0) + " "},
                              {"name", a.name},
                              {"team", a.team}}))
                  << "\n";
    for (auto& t : report->leaderless)
        std::cout << plain(say(l, registry_text::import_leaderless_line, {{"team", t}})) << "\n";
    for (auto& p : report->rejected)
        std::cout << plain(say(l, registry_text::import_rejected_line,
                               {{"row", row_of(l, p.row_label, p.line)}, {"reason", reason(l, p)}}))
                  << "\n";
    // How to get the rest in: the same command again after fixing the file.
    if (!report->rejected.empty())
        std::cout << "\n" << plain(say(l, registry_text::import_rejected_howto)) << "\n";
    // Rejected rows do not fail the import (the rest is in), but scripts can tell.
    return report->rejected.empty() ? 0 : 3;
}

int run_export_roster(const config& cfg, const std::string& ward_name, const std::string& out,
                      bool full_cccd) {
    auto l = cli_language(cfg);
    auto opened = open_for_command(cfg, "export-roster", missing_database::refuse);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    auto ward = ward_store(*db).by_name(ward_name);
    if (!ward) {
        print_unknown_ward(l, *db, ward_name, false);
        return 2;
    }
    personal_data crypto(cfg.data_key);
    // A newly made key (the bot moved) opens none of the stored CCCDs: the file would hold them
    // masked where the operator asked for them in full.
    if (full_cccd && (!crypto.has_key() || check_sealed_cccds(*db, crypto).unreadable > 0)) {
        std::cerr << plain(say(l, registry_text::export_no_data_key)) << "\n";
        return 2;
    }
    auto entries = roster_of_ward(*db, ward->id, crypto, full_cccd);
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) {
        std::cerr << plain(say(l, registry_text::file_unreadable, {{"file", out}})) << "\n";
        return 2;
    }
    file << write_roster(entries);
    system_clock wall;
    db->in_transaction([&] {
        audit_log(*db).record(std::nullopt, "operator",
                              full_cccd ? "roster.export_full_cccd" : "roster.export", ward->name, out,
                              wall.now());
    });
    std::cout << plain(
                     say(l, registry_text::export_done,
                         {{"count", static_cast<int>(entries.size())}, {"ward", ward->name}, {"file", out}}))
              << "\n";
    if (full_cccd)
        std::cout << plain(say(l, registry_text::export_full_cccd)) << "\n";
    return 0;
}

namespace {

bool is_staff_code(const std::string& role) {
    return role == "ward_staff" || role == "admin";
}

// "tổ phó" for "deputy".
std::string role_words(language l, const std::string& code) {
    auto r = role_from_code(code);
    return r ? say(l, role_text(*r)) : code;
}

} // namespace

int run_add_staff(const config& cfg, const add_staff_request& request) {
    auto l = cli_language(cfg);
    auto phone = normalize_phone(request.phone);
    if (!phone) {
        std::cerr << plain(say(l, registry_text::reason_bad_phone, {{"detail", request.phone}})) << "\n";
        return 2;
    }
    auto opened = open_for_command(cfg, "add-staff", missing_database::create);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    if (!ward_store(*db).by_name(request.ward) && !request.new_ward && !ward_store(*db).all().empty()) {
        print_unknown_ward(l, *db, request.ward, true);
        return 2;
    }
    system_clock wall;
    std::optional<member_record> existing;
    std::string ward_display;
    std::string team;
    bool refused = false;
    db->in_transaction([&] {
        auto ward_id = ward_store(*db).ensure(request.ward, wall.now());
        ward_display = ward_store(*db).by_id(ward_id)->name;
        member_store members(*db);
        existing = members.by_phone(ward_id, *phone);
        if (existing && existing->team_id)
            if (auto t = team_store(*db).by_id(*existing->team_id))
                team = t->name;
        // A phone links one person: a member's number would silently turn that member into staff.
        if (existing && !is_staff_code(existing->role) && !request.same_person) {
            refused = true;
            return;
        }
        member_record m = existing ? *existing : member_record{};
        m.ward_id = ward_id;
        m.team_id.reset();
        m.full_name = request.name;
        m.role = request.role;
        m.role_title.clear(); // the roster title was for their team role
        m.phone = *phone;
        m.active = true;
        m.source = "staff";
        if (existing)
            members.update(m, wall.now());
        else
            members.insert(m, wall.now());
        auto action = !existing                       ? "staff.add"
                      : is_staff_code(existing->role) ? "staff.update"
                                                      : "staff.from_member";
        audit_log(*db).record(std::nullopt, "operator", action, request.name,
                              ward_display + " " + request.role, wall.now());
    });
    if (refused) {
        std::cerr << plain(say(l, registry_text::staff_phone_taken,
                               {{"phone", mask_phone(*phone)},
                                {"name", existing->full_name},
                                {"role", role_words(l, existing->role)},
                                {"team", team},
                                {"staff", request.name}}))
                  << "\n";
        return 2;
    }
    auto key = !existing                       ? registry_text::staff_added
               : is_staff_code(existing->role) ? registry_text::staff_updated
                                               : registry_text::staff_from_member;
    std::cout << plain(say(l, key,
                           {{"name", request.name},
                            {"phone", mask_phone(*phone)},
                            {"ward", ward_display},
                            {"member", existing ? existing->full_name : std::string()},
                            {"team", team}}))
              << "\n";
    return 0;
}

int run_forget_member(const config& cfg, const forget_member_request& request) {
    auto l = cli_language(cfg);
    if (request.phone.empty() == request.row.empty()) {
        std::cerr << plain(say(l, registry_text::forget_which)) << "\n";
        return 2;
    }
    std::optional<std::string> phone;
    if (!request.phone.empty() && !(phone = normalize_phone(request.phone))) {
        std::cerr << plain(say(l, registry_text::reason_bad_phone, {{"detail", request.phone}})) << "\n";
        return 2;
    }
    auto opened = open_for_command(cfg, "forget-member", missing_database::refuse);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    auto ward = ward_store(*db).by_name(request.ward);
    std::optional<member_record> m;
    member_store members(*db);
    if (ward && phone)
        m = members.by_phone(ward->id, *phone);
    else if (ward)
        for (auto& each : members.in_ward(ward->id, false))
            if (each.roster_row == request.row)
                m = each;
    if (!m) {
        auto what = phone ? mask_phone(*phone) : "TT " + request.row;
        std::cerr << plain(say(l, registry_text::forget_not_found, {{"what", what}, {"ward", request.ward}}))
                  << "\n";
        return 1;
    }
    auto placeholder = plain(say(l, registry_text::forget_placeholder, {{"id", m->id}}));
    auto records = visit_store(*db).count_of_member(m->id);
    if (!request.yes) {
        auto team = m->team_id ? team_store(*db).by_id(*m->team_id) : std::nullopt;
        std::cout << plain(say(l, registry_text::forget_preview,
                               {{"name", m->full_name},
                                {"team", team ? team->name : ward->name},
                                {"phone", m->phone.empty() ? std::string("-") : mask_phone(m->phone)},
                                {"accounts", static_cast<std::int64_t>(members.accounts_of(m->id).size())},
                                {"records", records},
                                {"placeholder", placeholder}}))
                  << "\n";
        return 0;
    }
    system_clock wall;
    db->in_transaction([&] {
        members.erase_personal_data(m->id, placeholder, wall.now());
        // Who was erased is recorded by id only.
        audit_log(*db).record(std::nullopt, "operator", "member.erase", placeholder, "", wall.now());
    });
    std::cout << plain(
                     say(l, registry_text::forget_done, {{"placeholder", placeholder}, {"records", records}}))
              << "\n";
    return 0;
}

} // namespace cnscd
