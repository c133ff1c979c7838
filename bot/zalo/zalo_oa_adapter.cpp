#include "bot/zalo/zalo_oa_adapter.hpp"

#include "bot/secure_compare.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <cctype>
#include <charconv>
#include <memory>

namespace cnscd::zalo_oa {

using json = nlohmann::json;

namespace {

std::string text_of(const json& v) {
    if (v.is_string())
        return v.get<std::string>();
    // Ids are strings on the wire; a number here would already have lost digits past 2^53,
    // but an integer that fits is kept exactly.
    if (v.is_number_integer())
        return std::to_string(v.get<std::int64_t>());
    if (v.is_number_unsigned())
        return std::to_string(v.get<std::uint64_t>());
    return {};
}

std::string field(const json& obj, const char* key) {
    if (!obj.is_object())
        return {};
    auto it = obj.find(key);
    return it == obj.end() ? std::string() : text_of(*it);
}

const json& child(const json& obj, const char* key) {
    static const json empty = json::object();
    if (!obj.is_object())
        return empty;
    auto it = obj.find(key);
    return it == obj.end() || !it->is_object() ? empty : *it;
}

std::int64_t to_int(std::string_view s) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() ? v : 0;
}

// The events the bot acts on; everything else is counted and ignored.
enum class event_type { text, image, file, location, submit_info, follow, unfollow, unreadable, ignored };

struct mapping {
    std::string_view suffix; // after "user_send_" or "user_send_group_"
    event_type type;
};

event_type classify(std::string_view name, bool& group) {
    group = false;
    if (name == "follow")
        return event_type::follow;
    if (name == "unfollow")
        return event_type::unfollow;
    if (name == "user_submit_info")
        return event_type::submit_info;
    std::string_view rest;
    if (name.starts_with("user_send_group_")) {
        group = true;
        rest = name.substr(16);
    } else if (name.starts_with("user_send_")) {
        rest = name.substr(10);
    } else {
        return event_type::ignored;
    }
    static constexpr mapping known[] = {{"text", event_type::text},
                                        {"image", event_type::image},
                                        {"file", event_type::file},
                                        {"location", event_type::location}};
    for (auto& m : known)
        if (rest == m.suffix)
            return m.type;
    // Sent privately, a sticker or a voice note gets told that nothing was recorded; in a group
    // it is chatter among members.
    if (!group && (rest == "sticker" || rest == "gif" || rest == "audio" || rest == "video"))
        return event_type::unreadable;
    return event_type::ignored; // links, business cards, and the above in groups
}

// The group of a GMF event. Where Zalo puts it is not documented in what we could check
// (reference/platforms.md 2.5): probe the places integrations use, most specific first.
std::string group_id_of(const json& j) {
    auto& recipient = child(j, "recipient");
    if (auto g = field(recipient, "group_id"); !g.empty())
        return g;
    if (auto g = field(child(j, "message"), "conversation_id"); !g.empty())
        return g;
    return field(recipient, "id");
}

void read_attachment(const json& message, event_type type, incoming& in) {
    auto it = message.find("attachments");
    if (it == message.end() || !it->is_array() || it->empty() || !(*it)[0].is_object())
        return;
    auto& payload = child((*it)[0], "payload");
    switch (type) {
    case event_type::image:
        // Several photos sent at once come as one event with one attachment each.
        for (auto& a : *it) {
            auto url = a.is_object() ? field(child(a, "payload"), "url") : std::string();
            if (url.empty())
                continue;
            if (!in.file)
                in.file = attachment{"image", url, ""};
            else
                in.more_files.push_back(attachment{"image", url, ""});
        }
        break;
    case event_type::file:
        in.file = attachment{"file", field(payload, "url"), field(payload, "name")};
        break;
    case event_type::location: {
        // "coordinates": {"latitude": "16.05", "longitude": "108.2"} (strings or numbers).
        auto& c = child(payload, "coordinates");
        auto coord = [&](const char* key) {
            auto it = c.find(key);
            if (it == c.end())
                return std::string();
            return it->is_string() ? it->get<std::string>() : it->dump();
        };
        if (!c.empty())
            in.file = attachment{"location", coord("latitude") + "," + coord("longitude"), ""};
        break;
    }
    default:
        break;
    }
}

} // namespace

std::string_view describe(signature_verdict v) {
    switch (v) {
    case signature_verdict::ok:
        return "ok";
    case signature_verdict::missing:
        return "no X-ZEvent-Signature header";
    case signature_verdict::repeated:
        return "the X-ZEvent-Signature header was sent more than once";
    case signature_verdict::bad_body:
        return "the body has no app_id or timestamp to check the signature with";
    case signature_verdict::wrong_app:
        return "the event is for another Zalo app";
    case signature_verdict::mismatch:
        return "the signature does not match";
    case signature_verdict::stale:
        return "the event's timestamp is outside the replay window";
    }
    return "?";
}

std::string compute_mac(std::string_view app_id, std::string_view raw_body, std::string_view timestamp,
                        std::string_view oa_secret_key) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    for (auto part : {app_id, raw_body, timestamp, oa_secret_key})
        EVP_DigestUpdate(ctx.get(), part.data(), part.size());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &size);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        auto b = digest[i];
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

signature_verdict verify(std::string_view header, std::string_view raw_body, const signature_check& check) {
    while (!header.empty() && header.front() == ' ')
        header.remove_prefix(1);
    if (header.empty())
        return signature_verdict::missing;
    if (header.starts_with("mac="))
        header.remove_prefix(4);
    auto j = json::parse(raw_body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return signature_verdict::bad_body;
    auto app = j.find("app_id");
    auto ts = j.find("timestamp");
    if (app == j.end() || ts == j.end() || !app->is_string() || !ts->is_string())
        return signature_verdict::bad_body;
    auto app_id = app->get<std::string>();
    auto timestamp = ts->get<std::string>();
    // Zalo may send the hex digest in either case.
    std::string given(header);
    for (auto& c : given)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto expected = compute_mac(app_id, raw_body, timestamp, check.oa_secret_key);
    bool mac_ok = secure_equals(given, expected);
    if (!mac_ok)
        return signature_verdict::mismatch;
    if (app_id != check.app_id)
        return signature_verdict::wrong_app;
    auto sent_ms = to_int(timestamp);
    auto window_ms = check.window_seconds * 1000;
    if (sent_ms <= 0 || sent_ms < check.now_ms - window_ms || sent_ms > check.now_ms + window_ms)
        return signature_verdict::stale;
    return signature_verdict::ok;
}

std::expected<event, std::string> parse_event(std::string_view body) {
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded())
        return std::unexpected("the body is not valid JSON");
    if (!j.is_object())
        return std::unexpected("the body is not a JSON object");
    auto name = field(j, "event_name");
    if (name.empty())
        return std::unexpected("the event has no event_name");
    event ev{name, std::nullopt};
    bool group = false;
    auto type = classify(name, group);
    if (type == event_type::ignored)
        return ev;

    incoming in;
    in.chat.platform = channel::zalo_oa;
    in.sent_at = to_int(field(j, "timestamp")) / 1000;
    auto& message = child(j, "message");
    in.message_ref = field(message, "msg_id");
    in.update_key = in.message_ref;

    if (type == event_type::follow || type == event_type::unfollow) {
        // {"follower":{"id":..}, "oa_id":..}; some payloads use sender instead.
        auto who = field(child(j, "follower"), "id");
        if (who.empty())
            who = field(child(j, "sender"), "id");
        if (who.empty())
            return std::unexpected("the " + name + " event names no follower.id");
        in.kind = type == event_type::follow ? incoming_kind::follow : incoming_kind::unfollow;
        in.user_id = who;
        in.chat.chat_id = who;
        // No msg_id: the follower and the moment identify the event.
        in.update_key = name + ":" + who + ":" + field(j, "timestamp");
        ev.in = std::move(in);
        return ev;
    }

    in.user_id = field(child(j, "sender"), "id");
    if (in.user_id.empty())
        return std::unexpected("the " + name + " event names no sender.id");
    if (in.update_key.empty())
        return std::unexpected("the " + name + " event has no message.msg_id");
    if (group) {
        in.chat_type = chat_kind::group;
        in.chat.chat_id = group_id_of(j);
        if (in.chat.chat_id.empty())
            return std::unexpected("the " + name + " event names no group");
    } else {
        in.chat_type = chat_kind::private_chat;
        in.chat.chat_id = in.user_id;
    }
    in.user_name = field(child(j, "sender"), "display_name");

    if (type == event_type::submit_info) {
        // The user filled in the OA's "share your information" form: the Zalo way of
        // sharing one's own phone number.
        auto& info = child(j, "info");
        in.kind = incoming_kind::contact;
        in.contact_phone = field(info, "phone");
        in.contact_user_id = in.user_id;
        if (auto n = field(info, "name"); !n.empty())
            in.user_name = n;
        if (in.update_key.empty())
            in.update_key = "submit_info:" + in.user_id + ":" + field(j, "timestamp");
        ev.in = std::move(in);
        return ev;
    }

    in.kind = incoming_kind::message;
    if (auto t = field(message, "text"); !t.empty())
        in.text = sanitize_utf8(t);
    read_attachment(message, type, in);
    in.unreadable = type == event_type::unreadable && in.text.empty();
    ev.in = std::move(in);
    return ev;
}

std::string numbered_choices(const outgoing& m) {
    std::string out;
    int n = 0;
    for (auto& row : m.choices)
        for (auto& b : row) {
            if (!out.empty())
                out += '\n';
            out += std::to_string(++n) + ". " + b.label;
        }
    return out;
}

std::vector<api_call> api_calls_for(const outgoing& m) {
    std::vector<api_call> calls;
    if (m.kind == outgoing_kind::answer_choice)
        return calls; // Zalo has no buttons to acknowledge
    std::string html = m.text;
    if (m.kind == outgoing_kind::document && upload_for(m)) {
        // A local file: its caption here; the client uploads the file and sends it after.
        if (html.empty() && m.choices.empty())
            return calls;
    } else if (m.kind == outgoing_kind::document && m.document && !undeliverable_file(m)) {
        // A link: say what it is and where.
        if (!html.empty())
            html += "\n";
        if (!m.document->file_name.empty())
            html += markup::escape(m.document->file_name) + "\n";
        html += markup::escape(m.document->file_ref);
    } else if (m.kind == outgoing_kind::document && html.empty() && m.choices.empty()) {
        return calls; // nothing but a file Zalo cannot carry: the client reports it
    }
    if (auto list = numbered_choices(m); !list.empty())
        html += "\n\n" + markup::escape(list);
    bool group = m.chat_type == chat_kind::group;
    auto parts = markup::split(html, max_text_chars);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        json message{{"text", markup::to_plain(parts[i])}};
        if (i == 0 && !m.reply_to.empty() && !group)
            message["quote_message_id"] = m.reply_to;
        json body{{"recipient", group ? json{{"group_id", m.to.chat_id}} : json{{"user_id", m.to.chat_id}}},
                  {"message", std::move(message)}};
        calls.push_back({group ? "/v3.0/oa/group/message" : "/v3.0/oa/message/cs",
                         body.dump(-1, ' ', false, json::error_handler_t::replace)});
    }
    return calls;
}

std::optional<std::string> undeliverable_file(const outgoing& m) {
    if (m.kind != outgoing_kind::document || !m.document)
        return std::nullopt;
    auto& ref = m.document->file_ref;
    if (ref.starts_with("file:") || ref.starts_with("https://") || ref.starts_with("http://"))
        return std::nullopt;
    return "the file " + (m.document->file_name.empty() ? std::string("(no name)") : m.document->file_name) +
           " is stored on another platform (e.g. a Telegram file id) and cannot be sent through Zalo; attach "
           "it "
           "again as a link or from the server";
}

std::optional<upload_plan> upload_for(const outgoing& m) {
    if (m.kind != outgoing_kind::document || !m.document || !m.document->file_ref.starts_with("file:"))
        return std::nullopt;
    upload_plan plan;
    plan.local_path = m.document->file_ref.substr(5);
    auto dot = plan.local_path.find_last_of('.');
    std::string ext = dot == std::string::npos ? "" : plan.local_path.substr(dot + 1);
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    plan.image = m.document->kind == "photo" || m.document->kind == "image" || ext == "jpg" ||
                 ext == "jpeg" || ext == "png" || ext == "gif";
    plan.path = plan.image ? "/v2.0/oa/upload/image" : "/v2.0/oa/upload/file";
    plan.file_name = m.document->file_name.empty()
                         ? plan.local_path.substr(plan.local_path.find_last_of('/') + 1)
                         : m.document->file_name;
    return plan;
}

std::expected<api_call, std::string> attachment_call(const outgoing& m, const upload_plan& plan,
                                                     std::string_view upload_answer) {
    auto j = json::parse(upload_answer, nullptr, false);
    auto& data = child(j, "data");
    // Images come back as data.attachment_id, files as data.token.
    auto ref = field(data, plan.image ? "attachment_id" : "token");
    if (ref.empty())
        return std::unexpected("Zalo's upload answer has no data." +
                               std::string(plan.image ? "attachment_id" : "token"));
    json attachment =
        plan.image ? json{{"type", "template"},
                          {"payload",
                           {{"template_type", "media"},
                            {"elements", json::array({{{"media_type", "image"}, {"attachment_id", ref}}})}}}}
                   : json{{"type", "file"}, {"payload", {{"token", ref}}}};
    bool group = m.chat_type == chat_kind::group;
    json body{{"recipient", group ? json{{"group_id", m.to.chat_id}} : json{{"user_id", m.to.chat_id}}},
              {"message", {{"attachment", std::move(attachment)}}}};
    return api_call{group ? "/v3.0/oa/group/message" : "/v3.0/oa/message/cs", body.dump()};
}

bool is_token_error(int error) {
    // -216: access token invalid; -124: access token expired (both as integrations report them).
    return error == -216 || error == -124;
}

api_answer read_answer(int http_status, std::string_view body) {
    api_answer a;
    auto j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("error")) {
        a.kind = http_status == 401 ? answer_kind::token
                 : http_status >= 400 && http_status < 500 && http_status != 408 && http_status != 429
                     ? answer_kind::permanent
                     : answer_kind::retry;
        a.error = http_status;
        a.message = "HTTP " + std::to_string(http_status) + ": " + std::string(body.substr(0, 200));
        return a;
    }
    auto& e = j["error"];
    a.error = e.is_number_integer() ? e.get<int>() : static_cast<int>(to_int(text_of(e)));
    a.message = field(j, "message");
    a.message_id = field(child(j, "data"), "message_id");
    if (a.error == 0) {
        a.kind = answer_kind::sent;
        return a;
    }
    if (is_token_error(a.error))
        a.kind = answer_kind::token;
    else if (a.error == -32 || a.error == -100)
        a.kind = answer_kind::retry;
    else if (a.error == -234)
        a.kind = answer_kind::curfew;
    else if (a.error == -230 || a.error == -232)
        a.kind = answer_kind::window;
    else if (a.error == -213)
        a.kind = answer_kind::gone;
    else
        a.kind = answer_kind::permanent;
    return a;
}

std::int64_t next_morning(std::int64_t now, int utc_offset_minutes, int hour) {
    auto offset = static_cast<std::int64_t>(utc_offset_minutes) * 60;
    auto local = now + offset;
    auto day_start = local - ((local % 86400) + 86400) % 86400;
    auto at = day_start + hour * 3600LL;
    if (at <= local)
        at += 86400;
    return at - offset;
}

delivery_result to_delivery(const api_answer& a, std::int64_t now, int utc_offset_minutes) {
    delivery_result d;
    d.message_ref = a.message_id;
    if (a.kind != answer_kind::sent)
        d.error = "Zalo error " + std::to_string(a.error) + (a.message.empty() ? "" : ": " + a.message);
    using o = delivery_result::outcome;
    switch (a.kind) {
    case answer_kind::sent:
        d.what = o::sent;
        break;
    case answer_kind::retry:
    case answer_kind::token:
        d.what = o::retry;
        break;
    case answer_kind::curfew: {
        d.what = o::reschedule;
        // Refused while our clock says it is day (06:00-22:00): Zalo's clock is a little
        // behind or ahead of ours. Tomorrow's 06:00 would hold the message a whole day; a few
        // minutes settle it.
        auto local = now + static_cast<std::int64_t>(utc_offset_minutes) * 60;
        auto hour = ((local % 86400) + 86400) % 86400 / 3600;
        d.not_before =
            hour >= 6 && hour < 22 ? now + curfew_skew_seconds : next_morning(now, utc_offset_minutes);
        break;
    }
    case answer_kind::window:
        d.what = o::permanent;
        d.outside_window = true;
        d.error += " (the person has not written to the OA recently; Zalo allows no free message now)";
        break;
    case answer_kind::gone:
        d.what = o::chat_gone;
        break;
    case answer_kind::permanent:
        d.what = o::permanent;
        break;
    }
    return d;
}

} // namespace cnscd::zalo_oa
