// English: the second catalog, for staff who prefer it (/ngonngu en).

#include "messages/catalog.hpp"

namespace cnscd {

std::string_view catalog_en(text key) {
    switch (key) {
    case text::welcome:
        // {name} brings its own leading space; a Zalo OA follower has no name to give.
        return "Hello{name}! I am the assistant of the <b>Community Digital Technology Team</b>.\n"
               "I help the team log the help given to residents, see statistics, submit periodic reports and "
               "receive guidance from the ward.\n\n{help}";
    case text::help_member:
        return "<b>Member commands</b>\n"
               "/visit <i>address, what you did</i> — log help given to a household\n"
               "   Example: /visit 12 alley 5, helped 2 people install VNeID\n"
               "/session <i>place, attendees, topic</i> — log a help session\n"
               "/undo [no.] — undo your last record, or the one with that number (within {hours} hours)\n"
               "/edit <i>number</i> <i>new text</i> — edit a record\n"
               "/photo [no.] — send with a photo to keep it as evidence for a record; /photo <i>no.</i> to "
               "see them\n"
               "/me [week|month|quarter|year] — your results (\"/me last month\", \"/me month 10\")\n"
               "/stats [week|month|quarter|year] — team statistics\n"
               "/top — ranking\n"
               "/guide [topic] — guides\n"
               "/deadlines — report deadlines\n"
               "/help [command] — this help again, or one command in detail (\"/help visit\")";
    case text::help_leader:
        return "\n\n<b>For team leaders and deputies</b>\n"
               "/report [month|quarter|year] — view and submit the team report\n"
               "/bind — bind this group chat to your team (type it in the group)\n"
               "/members — list members\n"
               "/addmember <i>full name, phone</i> — add a newcomer to the team\n"
               "/nudge — remind, in the team's group, those who logged nothing this month\n"
               "/invite <i>name or row</i> — create an invite code for a member\n"
               "/remove <i>name</i> — deactivate a member (history kept)\n"
               "/role <i>name</i> <i>role</i> — change a role";
    case text::help_staff:
        return "\n\n<b>For ward staff</b>\n"
               "/broadcast <i>text</i> — send an announcement to team groups\n"
               "/broadcasts — recent announcements\n"
               "/addguide <i>title</i> — add a guide (attach the file)\n"
               "/report ward [month|quarter] — ward report summary\n"
               "/export [month|quarter|year] [last] [xlsx|csv] — export a spreadsheet (\"/export quarter "
               "3\")\n"
               "/adddeadline — add a reporting deadline";
    case text::help_tham:
        return "📝 <b>/visit</b> <i>address, what you did</i> — log help given to a household.\n"
               "• <b>Address</b>: what comes before the first comma (or line break): \"no. 12 lane 5\", \"house 45, alley "
               "12/5, lane 8\".\n"
               "• <b>What</b>: topics are found by keywords (VNeID, public services, QR, transfer, scam, "
               "doctor...). If none is clear, I ask.\n"
               "• <b>People</b>: \"2 people\", \"a couple\", \"3 households\"; without one, 1 person.\n"
               "• <b>Day</b>: today unless you write \"yesterday\", \"20/11\", \"on Saturday\" (within "
               "{days} days, not in a closed report period).\n"
               "Example: /visit no. 12 lane 5 yesterday, helped 2 people install VNeID and pay by QR\n"
               "Fix a mistake with /edit, cancel with /undo (type /help edit, /help undo).";
    case text::help_buoi:
        return "👥 <b>/session</b> <i>place, attendees, what</i> — log a talk or training session.\n"
               "• <b>Attendees</b> in digits or words: \"30 people\", \"twenty-five parents\"; \"20-30 "
               "people\" counts 20.\n"
               "• Topics and day as for /visit (type /help visit).\n"
               "Example: /session community hall, 30 people, online scams";
    case text::help_sua:
        return "✏️ <b>/edit</b> <i>no. new text</i> — correct one of your records; the old content is "
               "kept.\n"
               "• Write only what changes: \"/edit 125 3 people\", \"/edit 125 yesterday\", \"/edit 125 QR "
               "payment\". The address changes only when you write a new one before a comma.\n"
               "• \"/edit 125 add 1 person\" adds to the number of people recorded; \"/edit 125 add scams\" "
               "adds a topic.\n"
               "• The number is in the confirmation and at the end of /me.\n"
               "• On Telegram, editing the /visit message itself edits its record.";
    case text::help_huy:
        return "↩️ <b>/undo</b> — cancel your latest record; <b>/undo</b> <i>no.</i> — cancel that "
               "one.\n"
               "Only within {hours} hours of logging it, and only your own; the history is kept. After that, "
               "fix it with /edit.";
    case text::help_toi:
        return "📊 <b>/me</b> [period] — your results: visits, people helped, sessions, topics, and your "
               "latest records with their numbers.";
    case text::help_thongke:
        return "📊 <b>/stats</b> [period] — the team's figures: totals, topics, members, who logged nothing. "
               "Ward staff: the whole ward, or one team (\"/stats month Team 3\").";
    case text::help_xephang:
        return "🏆 <b>/top</b> [period] — ranking of the team's members; ward staff: ranking of the teams, or "
               "of one team's members (\"/top Team 3 last month\").";
    case text::help_periods:
        return "\n<b>Period</b>: week, month (default), quarter, year. Add \"last\" for the whole period "
               "before (\"last month\"), or name one: \"October\", \"October 2025\", \"Q3\", \"Q3 2025\", \"year "
               "2025\". The current period is compared with the same span before it; a past one with the "
               "whole period before.";
    case text::help_baocao:
        return "📋 <b>/report</b> [month|quarter|year] — the team's report figures, computed from what was "
               "logged, submitted with the \"Submit report\" button (leaders and deputies).\n"
               "• \"/report\" alone opens the team's unsubmitted report due first, with a button for each "
               "other one not yet submitted.\n"
               "• \"/report last month\", \"/report month 10\" open that period's report; a closed one is "
               "read only.\n"
               "• Deadlines and a button for each report: /deadlines. Ward staff: /report ward.";
    case text::help_xuat:
        return "📎 <b>/export</b> [month|quarter|year] [last|number] [xlsx|csv] — ward staff, privately: the "
               "ward's spreadsheet of teams, members and every record.\n"
               "Examples: /export quarter last, /export month 10 csv, /export year 2025";
    case text::help_thanhvien_them:
        return "👥 <b>/addmember</b> <i>full name, phone</i> [, role] [, area in charge] — add a newcomer to "
               "the team's list without waiting for the ward to import its roster again.\n"
               "Example: /addmember Nguyễn Văn Mới, 0905 123 456, deputy, Ngõ 7\n"
               "• The role is member unless given; deputies can only add members.\n"
               "• The newcomer messages the bot privately and shares their phone number to link; without a "
               "phone, use an invite code (/invite).\n"
               "• Ward staff name the team before a colon: /addmember Tổ dân phố số 2: Lê Văn Tư, 0905 123 "
               "456\n"
               "• Someone who was removed (/remove) is added back with this same command.";
    case text::help_thongbao:
        return "📣 <b>/broadcast</b> <i>text</i> — ward staff send an announcement to the teams' groups. I show a "
               "preview first; nothing goes out until you press «Send».\n"
               "• Some teams only: /broadcast @to1,to3 <i>text</i> (team codes: «Tổ 1» is to1).\n"
               "• Teams that have not submitted the current report: /broadcast not-reported <i>text</i>\n"
               "• With a guide: /broadcast guide vneid <i>text</i> (guide codes are listed by /guide).\n"
               "• Scheduled: /broadcast at 07:30 25/12 <i>text</i> (a time with its day at the start needs no \"at\": "
               "/broadcast 7:30am tomorrow <i>text</i>); to cancel it before then: /broadcast cancel <i>no.</i>\n"
               "• Send a photo or file with /broadcast <i>text</i> as its caption to attach it.\n"
               "Progress shows in the confirmation; groups that failed get a resend button. Past "
               "announcements: /broadcasts.";
    case text::help_thongbao_quiet:
        return "\nFrom {from}:00 to {to}:00 I send nothing to groups; an announcement waits until {to}:00.";
    case text::help_nhacnho:
        return "📣 <b>/nudge</b> [week|month] — team leaders and deputies: name in the team's group who has logged "
               "nothing yet this period (this month unless given), with a line they can copy to log.\n"
               "• Ward staff name the team: /nudge Tổ 3 week\n"
               "• A team without a bound group: I message each of them privately, where I can.\n"
               "• At most once per team every 12 hours. The 📣 button under a team's /stats does the same.";
    case text::help_anh:
        return "📷 <b>/photo</b> [number] — keep photo evidence for a record.\n"
               "• Send a photo (or file) with the caption /photo: it is kept for your latest record; /photo 125 "
               "for record 125.\n"
               "• A /visit or /session written as a photo's caption keeps its photo. Privately, a photo sent "
               "within 1 hour of logging goes to the record just logged.\n"
               "• /photo 125 without a photo shows that record's photos (privately; to whoever logged it, "
               "their team's leader and deputies, and ward staff).\n"
               "• At most {photos} photos per record.";
    case text::help_more:
        return "<b>Other commands</b>\n"
               "/start — greeting and how to begin\n"
               "/code <i>invite code</i> — link your account with the code your team leader sent you\n"
               "/lang vi — switch to Vietnamese (/lang en to come back)\n"
               "/cancel — stop what is in progress when I am asking you something";
    case text::help_see_all:
        return "\n\nType /help to see all the commands.";
    case text::help_not_a_command:
        return "There is no command \"{name}\". The commands:\n\n";
    case text::help_did_you_mean:
        return "There is no command \"{name}\". Did you mean /{suggestion}?\n\n";
    case text::help_unlinked:
        return "\n\n<b>Your account is not linked yet.</b> Message me privately and press <i>Share my phone "
               "number</i> (if your number is on the team roster), or type /code <i>invite code</i> from your "
               "team leader.";
    case text::help_unlinked_no_button:
        return "\n\n<b>Your account is not linked yet.</b> Message me privately and type /code <i>invite "
               "code</i> from your team leader.";
    case text::help_unlinked_here:
        return "\n\n<b>Your account is not linked yet.</b> Press <i>Share my phone number</i> below (if your "
               "number is on the team roster), or type /code <i>invite code</i> from your team leader.";
    case text::help_unlinked_here_no_button:
        return "\n\n<b>Your account is not linked yet.</b> Type /code <i>invite code</i> from your team "
               "leader.";
    case text::unknown_command:
        return "I do not know the command /{name}. Did you mean /{suggestion}?\nType /help to see the "
               "commands.";
    case text::unknown_command_no_suggestion:
        return "I do not know the command /{name}. Type /help to see the commands.";
    case text::internal_error:
        return "Sorry, something went wrong while handling this message. Please try again in a few minutes.";
    case text::not_allowed:
        return "The command /{command} is only for {roles}. If you need it, ask {ask}.";
    case text::ask_leader_or_ward:
        return "your team leader or the ward staff";
    case text::ask_ward:
        return "the ward staff";
    case text::list_and:
        return " and ";
    case text::not_allowed_in_group:
        return "The command /{command} cannot be used in this group.";
    case text::only_in_group:
        return "Type /{command} in your team's group chat.";
    case text::only_in_private:
        return "The command /{command} only works in a private chat with me, to keep the data private.";
    case text::not_linked:
        return "I do not know which team you belong to yet. Message me privately to link your account: press "
               "<i>Share my phone number</i>, or type /code <i>invite code</i> from your team leader.";
    case text::not_linked_no_button:
        return "I do not know which team you belong to yet. Message me privately and type /code <i>invite "
               "code</i> from your team leader to link your account.";
    case text::not_linked_here:
        return "I do not know which team you belong to yet. To link your account, press <i>Share my phone "
               "number</i> below (if your number is on the team roster), or type /code <i>invite code</i> from "
               "your team leader.";
    case text::not_linked_here_no_button:
        return "I do not know which team you belong to yet. To link your account, type /code <i>invite "
               "code</i> from your team leader.";
    case text::held_until_linked:
        return "📥 I am keeping what you just sent and will record it as soon as you link your account "
               "(within {hours} hours); no need to type it again.";
    case text::sender_anonymous_admin:
        return "You are writing as an <i>anonymous admin</i>, so I cannot tell who you are and recorded "
               "nothing. Turn anonymity off: open the group's info → <i>Administrators</i> → your name → switch "
               "off <i>Remain anonymous</i>, then send the command again.";
    case text::sender_channel:
        return "You are writing as a <i>channel</i>, so I cannot tell who you are and recorded nothing. "
               "Switch to writing as yourself (tap the picture next to the message box and choose your own "
               "name), then send the command again.";
    case text::forwarded_not_logged:
        return "↪️ This message was forwarded from someone else, so I recorded nothing. If it is your own "
               "visit, type it yourself, e.g. /visit house 12 lane 5, VNeID for 2 people. If it is another "
               "member's, ask them to send it.";
    case text::choose_by_number:
        return "\nType the number or the name of your choice.";
    case text::not_understood:
        return "I did not understand that. Type /help to see the commands.";
    case text::not_understood_member:
        return "I did not understand that. To log help you gave, type /visit, then the address and what "
               "you did, e.g.:\n/visit 12 lane 5, helped 2 people install VNeID\nType /help to see the commands.";
    case text::question_for_people:
        return "I am the bot that records the team's help to residents, so I cannot answer this question. For "
               "meetings, announcements or the ward's business, ask your team leader in the team's group chat "
               "or the staff of {ward}.\nType /help to see what the bot can do.";
    case text::nothing_to_cancel:
        return "There is nothing waiting to cancel.";
    case text::cancelled:
        return "The open question is cancelled.";
    case text::cancelled_not_undone:
        return "The open question is cancelled. No record was undone: to undo your last record, type /undo "
               "once more.";
    case text::language_set:
        return "Switched to English.";
    case text::question_expired:
        return "This question has expired. {detail}";
    case text::button_unknown:
        return "This button no longer works. Send the command again for new buttons.";
    case text::cannot_read_content:
        return "I can only read text messages (and photos sent with a record), not voice messages, stickers or "
               "videos. Nothing was recorded.\nType, for example: <code>/visit no. 12 lane 5, helped 2 people install "
               "VNeID</code>. Type /help to see the commands.";
    case text::ask_again_hint:
        return "Send the command again and the bot will ask again.";
    case text::choice_invalid:
        return "That choice is not valid. Type a number from 1 to {max}.";
    case text::bot_added_to_group:
        return "Hello everyone! I am the assistant of the Community Digital Technology Team.\n"
               "Team leader: type /bind to bind this group to your team. Type /help to see the commands.";
    case text::topic_closed_questions:
        return "🔒 A topic of this group was closed while the bot was still waiting for {names} to answer a "
               "question there. Please answer here instead: reply to this message with the number of your choice "
               "(or your answer).";
    case text::topic_closed_questions_nameless:
        return "🔒 A topic of this group was closed while the bot was still waiting for an answer to a question "
               "there. Whoever was asked, please answer here instead: reply to this message with the number of "
               "your choice (or your answer).";
    case text::language_hint:
        return "\n\n🌐 Tiếng Việt: /lang vi";
    case text::share_phone_button:
        return "📱 Share my phone number";
    case text::role_member:
        return "member";
    case text::role_deputy:
        return "deputy leader";
    case text::role_leader:
        return "team leader";
    case text::role_ward_staff:
        return "ward staff";
    case text::role_admin:
        return "administrator";
    case text::period_week:
        return "week";
    case text::period_month:
        return "month";
    case text::period_quarter:
        return "quarter";
    case text::period_year:
        return "year";
    case text::error_bad_number:
        return "The number \"{detail}\" is not valid. Write it in digits, e.g. 2 people.";
    case text::error_bad_record_number:
        return "\"{detail}\" is not the number of a record. Use the number in the confirmation, e.g. "
               "/{command} 125 no. 12 lane 5, 3 people VNeID";
    case text::error_bad_undo_number:
        return "\"{detail}\" is not the number of a record. Send /undo to cancel your last record, or /undo "
               "125 to cancel record 125 (the number is in the confirmation).";
    case text::error_bad_photo_number:
        return "\"{detail}\" is not the number of a record. Type /photo 125 (the number in the confirmation) "
               "to see that record's photos, or send a photo with the caption /photo 125 to keep it.";
    case text::error_bad_date:
        return "The date \"{detail}\" is not valid. Write it like 20/11, yesterday or Saturday.";
    case text::error_missing_argument:
        return "The command /{command} needs more information. Example: {detail}";
    case text::error_bad_period:
        return "Unknown period \"{detail}\". Choose week, month, quarter or year; add \"last\" for the whole "
               "period before, or name one, for example: /{command} month 11, /{command} quarter 3, "
               "/{command} year 2025.";
    case text::error_export_period:
        return "Spreadsheets are exported by month, quarter or year (not by week), for example: /export "
               "month, /export quarter last, /export year 2025.";
    case text::error_period_number:
        return "There is no \"{detail}\": months run from 1 to 12 and quarters from 1 to 4 (or I to IV), for "
               "example: /{command} month 11, /{command} quarter 3.";
    case text::error_future_period:
        return "The period \"{detail}\" has not started yet, so it has no figures. Send /{command} for the "
               "current one.";
    case text::error_staff_role:
        return "\"{detail}\" cannot be given in chat: ward staff accounts are created by the bot's "
               "administrator (the add-staff command). A team's roles are member, deputy and leader.";
    case text::error_bad_role:
        return "Role \"{detail}\" is not valid. Choose member, deputy or leader.";
    case text::error_bad_language:
        return "I do not speak \"{detail}\" yet. Type /lang en for English, or /lang vi for Vietnamese.";
    case text::error_bad_time:
        return "The time \"{detail}\" is not valid. Write it like: at 07:30 25/12, or at 2pm tomorrow.";
    case text::error_time_without_hour:
        return "\"at {detail}\" gives the day but not the hour to send it. Put the hour before the day, e.g.: "
               "/broadcast at 07:30 {detail} Team leaders' meeting…";
    case text::error_bad_format:
        return "The format \"{detail}\" is not supported. Choose xlsx or csv.";
    case text::error_bad_name:
        return "\"{detail}\" does not look like a person's name (names have no digits). Write the full name "
               "first, then the phone number, for example: /addmember Nguyễn Văn Mới, 0905 123 456";
    case text::error_bad_phone:
        return "The phone number \"{detail}\" is not valid: it must be a Vietnamese mobile or landline "
               "number, for example 0905 123 456 or +84 905 123 456.";
    case text::count_:
        break;
    }
    return {};
}

} // namespace cnscd
