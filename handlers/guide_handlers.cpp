// The guide library in chat: /tailieu lists and sends guides, /tailieu_them adds a file.

#include "handlers/handlers.hpp"
#include "messages/broadcast_texts.hpp"
#include "messages/guide_library.hpp"
#include "messages/markup.hpp"
#include "messages/text_fold.hpp"
#include "storage/campaign_store.hpp"
#include "storage/database.hpp"
#include "storage/registry.hpp"

namespace cnscd {
namespace {

// Built-in guides and those the sender's ward added, as one list. Added guides have no
// body; `files` holds their attachment by slug.
struct library {
    std::vector<guide> guides;
    std::vector<added_guide> files;

    const added_guide* file_of(const std::string& slug) const {
        for (auto& f : files)
            if (f.slug == slug)
                return &f;
        return nullptr;
    }
};

library load_library(handler_context& ctx) {
    library lib{builtin_guides(), {}};
    if (ctx.member) {
        lib.files = guide_store(ctx.db).of_ward(ctx.member->ward_id);
        for (auto& f : lib.files)
            lib.guides.push_back({f.slug, f.title, {}, f.keywords, ""});
    }
    return lib;
}

std::string slug_from_title(const std::string& title) {
    std::string out;
    for (char c : fold(title)) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
        if (out.size() >= 40)
            break;
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out.empty() ? "tai-lieu" : out;
}

} // namespace

// The messages that deliver guide `slug` to `to`; empty if there is no such guide.
std::vector<outgoing> guide_messages(handler_context& ctx, const std::string& slug, const chat_address& to,
                                     chat_kind type) {
    auto lib = load_library(ctx);
    std::vector<outgoing> out;
    for (auto& g : lib.guides) {
        if (g.slug != slug)
            continue;
        if (auto* f = lib.file_of(slug)) {
            outgoing doc = text_to(to, type, ctx.say(guide_text::file_caption, {{"title", f->title}}));
            doc.kind = outgoing_kind::document;
            doc.document = f->file;
            out.push_back(std::move(doc));
        } else {
            out.push_back(text_to(to, type, guide_to_markup(g)));
        }
    }
    return out;
}

namespace {

void list_guides(handler_context& ctx, const std::vector<const guide*>& items, std::string header) {
    std::string text = std::move(header);
    for (auto* g : items)
        text += "\n" + ctx.say(guide_text::list_line, {{"slug", g->slug}, {"title", g->title}});
    text += "\n" + ctx.say(guide_text::list_footer);
    ctx.reply(std::move(text));
}

} // namespace

// The guide a name or keywords mean ("vneid" for "vneid-muc-2" when it is the only match);
// otherwise replies with the matches or that there are none.
std::optional<std::string> pick_guide(handler_context& ctx, const std::string& query) {
    auto lib = load_library(ctx);
    auto hits = search_guides(lib.guides, query);
    if (hits.empty()) {
        ctx.reply(guide_text::not_found, {{"query", query}});
        return std::nullopt;
    }
    bool exact = fold(hits.front()->slug) == fold(query);
    if (hits.size() > 1 && !exact) {
        list_guides(
            ctx, hits,
            ctx.say(guide_text::several, {{"count", static_cast<int>(hits.size())}, {"query", query}}));
        return std::nullopt;
    }
    return hits.front()->slug;
}

void handle(const cmd_guides& c, handler_context& ctx) {
    if (c.query.empty()) {
        auto lib = load_library(ctx);
        std::vector<const guide*> all;
        for (auto& g : lib.guides)
            all.push_back(&g);
        list_guides(ctx, all, ctx.say(guide_text::list_header, {{"count", static_cast<int>(all.size())}}));
        return;
    }
    auto slug = pick_guide(ctx, c.query);
    if (!slug)
        return;
    for (auto& m : guide_messages(ctx, *slug, ctx.in.chat, ctx.in.chat_type))
        ctx.out.push_back(std::move(m));
}

void handle(const cmd_add_guide& c, handler_context& ctx) {
    if (!ctx.in.file) {
        ctx.reply(guide_text::needs_file);
        return;
    }
    guide_store store(ctx.db);
    auto base = slug_from_title(c.title);
    auto slug = base;
    auto builtin = builtin_guides();
    auto taken = [&](const std::string& candidate) {
        if (store.slug_taken(candidate))
            return true;
        for (auto& g : builtin)
            if (g.slug == candidate)
                return true;
        return false;
    };
    for (int n = 2; taken(slug); ++n)
        slug = base + "-" + std::to_string(n);
    added_guide g{slug, ctx.member->ward_id, c.title, fold(c.title), *ctx.in.file, ctx.in.chat.platform};
    store.add(g, ctx.member->id, ctx.now());
    audit_log(ctx.db).record(ctx.member->id, ctx.member->full_name, "guide.add", slug, c.title, ctx.now());
    ctx.reply(guide_text::added, {{"title", c.title}, {"slug", slug}});
}

} // namespace cnscd
