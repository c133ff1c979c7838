#include "handlers/visit_photos.hpp"

#include "handlers/handlers.hpp"
#include "handlers/visit_rules.hpp"
#include "messages/visit_texts.hpp"
#include "storage/database.hpp"
#include "storage/visit_photo_store.hpp"
#include "storage/visit_store.hpp"

namespace cnscd {

namespace {

// How long after logging a record a photo sent on its own is taken to belong to it.
constexpr std::int64_t loose_photo_seconds = 3600;

std::string place_of(const visit_record& v) {
    return v.place.empty() ? v.note : v.place;
}

void attach(handler_context& ctx, const visit_record& v) {
    visit_photo_store photos(ctx.db);
    if (!keep_evidence(ctx, v.id)) {
        ctx.reply(visit_text::photo_too_many, {{"no", v.id}, {"count", max_photos_per_record}});
        return;
    }
    ctx.reply(visit_text::photo_added,
              {{"no", v.id}, {"place", place_of(v)}, {"count", photos.count_of(v.id)}});
}

// The owner, the record's team leaders and deputies, and the ward's staff.
bool may_see(const handler_context& ctx, const visit_record& v) {
    if (v.member_id == ctx.member->id)
        return true;
    if (is_staff(ctx.who))
        return v.ward_id == ctx.member->ward_id;
    return (ctx.who == role::leader || ctx.who == role::deputy) && ctx.member->team_id == v.team_id;
}

void show(handler_context& ctx, std::int64_t no) {
    auto v = visit_store(ctx.db).by_id(no);
    if (!v) {
        ctx.reply(visit_text::record_not_found, {{"no", no}});
        return;
    }
    if (!may_see(ctx, *v)) {
        ctx.reply(visit_text::photo_not_allowed, {{"no", no}});
        return;
    }
    // Residents are in these pictures: never in a group.
    if (ctx.in_group()) {
        ctx.reply(visit_text::photo_view_private, {{"no", no}});
        return;
    }
    auto photos = visit_photo_store(ctx.db).of_visit(no);
    if (photos.empty()) {
        ctx.reply(visit_text::photo_none, {{"no", no}});
        return;
    }
    int i = 0, elsewhere = 0;
    std::string where;
    for (auto& p : photos) {
        ++i;
        // A platform's file id means nothing to another platform; a URL can be sent anywhere.
        if (p.platform != ctx.in.chat.platform && !p.file.file_ref.starts_with("http")) {
            ++elsewhere;
            where = std::string(channel_display_name(p.platform));
            continue;
        }
        auto& o = ctx.reply(
            visit_text::photo_caption,
            {{"no", no}, {"place", place_of(*v)}, {"i", i}, {"n", static_cast<std::int64_t>(photos.size())}});
        o.kind = outgoing_kind::document;
        o.document = p.file;
    }
    if (elsewhere > 0)
        ctx.reply(visit_text::photo_other_platform, {{"count", elsewhere}, {"no", no}, {"platform", where}});
}

} // namespace

bool carries_evidence(const incoming& in) {
    return in.file && !in.file->file_ref.empty() && in.file->kind != "location";
}

bool keep_evidence(handler_context& ctx, std::int64_t visit_id) {
    visit_photo_store photos(ctx.db);
    if (photos.count_of(visit_id) >= max_photos_per_record)
        return false;
    photos.add({visit_id, ctx.in.chat.platform, *ctx.in.file, ctx.in.album, ctx.member->id, ctx.now()});
    for (auto& more : ctx.in.more_files)
        if (photos.count_of(visit_id) < max_photos_per_record)
            photos.add({visit_id, ctx.in.chat.platform, more, ctx.in.album, ctx.member->id, ctx.now()});
    if (!ctx.in.album.empty()) {
        // Parts of the album that overtook this one: held, or put on the member's previous record
        // by a private chat before this part said which record they belong to.
        int room = max_photos_per_record - photos.count_of(visit_id);
        for (auto& p :
             photos.take_album_parts(ctx.member->id, ctx.in.album, ctx.now() - album_seconds, room)) {
            p.visit_id = visit_id;
            photos.add(p);
            --room;
        }
        photos.move_album(ctx.member->id, ctx.in.album, ctx.now() - album_seconds, visit_id, room);
    }
    return true;
}

namespace {

// Returns how many of the part's album are now waiting.
int hold_album_part(handler_context& ctx) {
    return visit_photo_store(ctx.db).hold_album_part(ctx.member->id, ctx.in.album, ctx.in.chat.platform,
                                                     *ctx.in.file, ctx.now(), ctx.now() - album_seconds);
}

} // namespace

bool on_loose_photo(handler_context& ctx) {
    if (!ctx.member || !carries_evidence(ctx.in))
        return false;
    // The rest of an album whose first photo went to a record follow it, without a reply each.
    if (!ctx.in.album.empty())
        if (auto v = visit_photo_store(ctx.db).visit_of_album(ctx.member->id, ctx.in.album,
                                                              ctx.now() - album_seconds)) {
            keep_evidence(ctx, *v);
            return true;
        }
    if (ctx.in_group()) {
        // A photo without a caption in a group is evidence only as part of a captioned album.
        if (ctx.in.album.empty())
            return false;
        hold_album_part(ctx);
        return true;
    }
    auto last = visit_store(ctx.db).last_of_member(ctx.member->id);
    if (!last || ctx.now() - last->recorded_at > loose_photo_seconds) {
        // Kept a while in case its album's captioned part follows; the hint once per album.
        if (ctx.in.album.empty() || hold_album_part(ctx) == 1)
            ctx.reply(visit_text::photo_loose_hint);
        return true;
    }
    attach(ctx, *last);
    return true;
}

void handle(const cmd_photo& c, handler_context& ctx) {
    if (!carries_evidence(ctx.in)) {
        if (c.record_no == 0)
            ctx.reply(visit_text::photo_usage);
        else
            show(ctx, c.record_no);
        return;
    }
    visit_store visits(ctx.db);
    if (c.record_no != 0) {
        if (auto v = own_record(ctx, visits, c.record_no, visit_text::not_your_record))
            attach(ctx, *v);
        return;
    }
    if (auto v = visits.last_of_member(ctx.member->id))
        attach(ctx, *v);
    else
        ctx.reply(visit_text::photo_no_record);
}

} // namespace cnscd
