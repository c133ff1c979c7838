// `export` and `remind`: the ward's report as a spreadsheet, and what the reminder planner
// would send at a given instant. The work is in handlers/report_export and
// handlers/reminder_planning; this file reads flags, writes files and prints.

#include "bot/app.hpp"
#include "bot/cli_wards.hpp"
#include "bot/command_database.hpp"
#include "bot/system_clock.hpp"
#include "config/load_config.hpp"
#include "handlers/period.hpp"
#include "handlers/reminder_planning.hpp"
#include "handlers/report_export.hpp"
#include "handlers/report_format.hpp"
#include "messages/command_parser.hpp"
#include "messages/dates.hpp"
#include "messages/markup.hpp"
#include "messages/registry_texts.hpp"
#include "messages/report_texts.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace cnscd {

namespace {

language cli_language(const config& cfg) {
    return language_from_code(cfg.default_language).value_or(language::vi);
}

std::string plain(const std::string& s) {
    return markup::to_plain(s);
}

std::optional<ward_record> find_ward(database& db, language l, const std::string& name) {
    if (auto w = ward_store(db).by_name(name))
        return w;
    print_unknown_ward(l, db, name, false);
    return std::nullopt;
}

} // namespace

std::optional<std::int64_t> parse_iso_instant(const std::string& text, int default_offset_minutes) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, n = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5)
        return std::nullopt;
    std::string_view rest = std::string_view(text).substr(static_cast<std::size_t>(n));
    if (rest.starts_with(":")) { // seconds are allowed and ignored when 00
        if (rest.size() < 3 || rest.substr(1, 2) != "00")
            return std::nullopt;
        rest.remove_prefix(3);
    }
    int offset = default_offset_minutes;
    if (rest == "Z") {
        offset = 0;
    } else if (!rest.empty()) {
        auto parsed = parse_utc_offset(rest);
        if (!parsed)
            return std::nullopt;
        offset = *parsed;
    }
    std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!day.ok() || h > 23 || mi > 59)
        return std::nullopt;
    return local_time{offset}.at(day, h, mi);
}

int run_export(const config& cfg, const std::string& ward_name, const std::string& period,
               const std::string& requested_format, const std::string& out) {
    auto l = cli_language(cfg);
    auto opened = open_for_command(cfg, "export", missing_database::refuse);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    auto ward = find_ward(*db, l, ward_name);
    if (!ward)
        return 2;
    system_clock wall;
    auto today = local_time{cfg.utc_offset_minutes}.date_of(wall.now());
    auto d = instance_for_key(*db, cfg, *ward, period);
    // "tháng 12", "quý 3 năm 2025", "năm trước": read as the chat reads "/xuat tháng 12".
    if (!d) {
        auto asked = parse_command("/xuat " + period, parse_context{"", today, true, false});
        if (auto* e = std::get_if<command_error>(&asked); e && e->reason == "error_future_period") {
            std::cerr << plain(say(l, report_text::export_future_period, {{"period", period}})) << "\n";
            return 2;
        }
        if (auto* c = std::get_if<cmd_export>(&asked))
            d = instance_for_key(
                *db, cfg, *ward,
                period_key(c->period, period_asked(c->period, c->previous, c->named, today).start));
    }
    if (!d) {
        std::cerr << plain(say(l, report_text::export_bad_period, {{"period", period}})) << "\n";
        return 2;
    }
    if (std::chrono::sys_days{d->period.first} > std::chrono::sys_days{today}) {
        std::cerr << plain(say(l, report_text::export_future_period, {{"period", period}})) << "\n";
        return 2;
    }
    // Checked here: the spreadsheet library would only print its own error, in English.
    if (auto folder = std::filesystem::path(out).parent_path();
        !folder.empty() && !std::filesystem::is_directory(folder)) {
        std::cerr << plain(say(l, report_text::export_no_folder, {{"folder", folder.string()}})) << "\n";
        return 2;
    }
    // "-o tong-hop.csv" means CSV; a --format that contradicts the name is refused, since a CSV
    // named .xlsx (or the reverse) will not open in the program the name promises.
    auto extension = std::filesystem::path(out).extension().string();
    std::ranges::transform(extension, extension.begin(), [](unsigned char c) { return std::tolower(c); });
    std::string by_name = extension == ".csv" ? "csv" : extension == ".xlsx" ? "xlsx" : "";
    if (!requested_format.empty() && !by_name.empty() && by_name != requested_format) {
        auto suggested = std::filesystem::path(out).replace_extension("." + requested_format).string();
        std::cerr << plain(say(l, report_text::export_format_mismatch,
                               {{"file", out},
                                {"extension", extension},
                                {"format", requested_format},
                                {"suggested", suggested}}))
                  << "\n";
        return 2;
    }
    auto format = !requested_format.empty() ? requested_format : !by_name.empty() ? by_name : "xlsx";
    auto data = build_ward_export(*db, cfg, l, *ward, *d);
    std::vector<std::string> written;
    if (format == "csv") {
        // One file per sheet: FILE, FILE-thanh-vien.csv, FILE-luot-ho-tro.csv.
        auto base = std::filesystem::path(out);
        auto stem = (base.parent_path() / base.stem()).string();
        std::array<std::string, 3> paths{out, stem + "-thanh-vien.csv", stem + "-luot-ho-tro.csv"};
        for (std::size_t i = 0; i < paths.size(); ++i) {
            std::ofstream f(paths[i], std::ios::binary | std::ios::trunc);
            f << to_csv(data.sheets[i]);
            if (!f) {
                std::cerr << plain(say(l, registry_text::file_unreadable, {{"file", paths[i]}})) << "\n";
                return 2;
            }
            written.push_back(paths[i]);
        }
    } else {
        if (auto error = write_xlsx(out, data.sheets); !error.empty()) {
            std::cerr << plain(say(l, report_text::export_failed, {{"detail", error}})) << "\n";
            return 2;
        }
        written.push_back(out);
    }
    db->in_transaction([&] {
        audit_log(*db).record(std::nullopt, "operator", "report.export", ward->name,
                              d->period.key + " " + format, wall.now());
    });
    // For the operator at a terminal: where the file(s) went and what is in them, on one line
    // (the chat's caption, with its 📎, is for the chat).
    std::string files;
    for (auto& file : written)
        files += (files.empty() ? "" : ", ") + file;
    std::cout << plain(say(l, report_text::export_written,
                           {{"ward", ward->name},
                            arg::markup("period", period_label(l, *d)),
                            {"file", files},
                            {"teams", static_cast<std::int64_t>(data.teams)},
                            {"members", static_cast<std::int64_t>(data.members)},
                            {"records", static_cast<std::int64_t>(data.records)}}))
              << "\n";
    return 0;
}

int run_remind(const config& cfg, const std::string& at, bool dry_run) {
    auto l = cli_language(cfg);
    auto when = parse_iso_instant(at, cfg.utc_offset_minutes);
    if (!when) {
        std::cerr << plain(say(l, report_text::remind_bad_time, {{"at", at}})) << "\n";
        return 2;
    }
    auto opened = open_for_command(cfg, "remind", missing_database::refuse);
    if (!opened.db)
        return opened.exit_code;
    auto& db = opened.db;
    reminder_run run;
    db->begin();
    try {
        run = plan_reminders(*db, cfg, *when);
        // Name each recipient while the rows are visible.
        for (auto& m : run.messages) {
            std::string who = std::string(channel_name(m.to.platform)) + ":" + m.to.chat_id;
            if (m.chat_type == chat_kind::group) {
                if (auto g = group_store(*db).find(m.to))
                    who = g->title + " (" + who + ")";
            } else if (auto member = member_store(*db).by_account(m.to.platform, m.to.chat_id)) {
                who = member->full_name + " (" + who + ")";
            }
            std::cout << plain(say(l, report_text::remind_to, {{"to", who}})) << "\n"
                      << plain(m.text) << "\n\n";
        }
    } catch (...) {
        db->rollback();
        throw;
    }
    if (dry_run)
        db->rollback();
    else
        db->commit();
    for (auto& line : run.log)
        std::cerr << line << "\n";
    for (auto& line : run.missed)
        std::cerr << line << "\n";
    // Due reminders that reached nobody are not "nothing to send": someone has to phone.
    if (!run.unreached.empty()) {
        std::cout << plain(say(l, report_text::remind_unreached,
                               {{"count", static_cast<std::int64_t>(run.unreached.size())}}))
                  << "\n";
        for (auto& u : run.unreached)
            std::cout << plain(say(l,
                                   u.team.empty() ? report_text::remind_unreached_staff
                                                  : report_text::remind_unreached_team,
                                   {{"team", u.team},
                                    {"deadline", deadline_name(l, u.deadline)},
                                    arg::markup("period", period_label(l, u.deadline))}))
                      << "\n";
    }
    if (run.messages.empty() && run.unreached.empty())
        std::cout << plain(say(l, report_text::remind_none,
                               {{"at", format_instant(l, *when, cfg.utc_offset_minutes)}}))
                  << "\n";
    if (dry_run)
        std::cout << plain(say(l, report_text::remind_dry_run)) << "\n";
    return 0;
}

} // namespace cnscd
