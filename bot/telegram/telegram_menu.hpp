#pragma once

// Publishes the bot's command menu on Telegram (setMyCommands), so that typing "/" in a chat
// lists the commands in the user's language: Vietnamese by default, English for users whose
// app is in English; one list for private chats and one for groups.

namespace cnscd {

class telegram_client;
class writer;

// Sends the menu unless the same one was already published (remembered in the database);
// asynchronous: a failure is logged and the bot serves anyway.
void publish_command_menu(telegram_client& tg, writer& w);

} // namespace cnscd
