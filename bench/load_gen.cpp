// Open-loop load generator for the Telegram webhook: sends updates at a fixed offered rate over
// N keep-alive connections and measures each answer from the moment the update was *due*, not
// from when a connection was free, so a slow bot cannot slow the load down and hide its own
// queueing (no coordinated omission). Driven by bench/ingest_bench.sh; see docs/PERFORMANCE.md.
//
//   load_gen [--host 127.0.0.1] [--port 18080] [--path /telegram/webhook] [--secret S]
//            [--rate 1000] [--duration 20] [--drain 15] [--connections 40]
//            [--mix visit=70,session=10,stats=10,press=8,dup=1] [--private 20] [--bot bench_bot]
//            [--press-records N] [--first-update ID] [--users 1000] [--teams 100] [--seed 1]
//
// --rate is updates per second, --duration seconds of load, --drain how long answers still in
// flight may take afterwards. --mix gives percents (what it leaves to 100 is chatter); --private
// the percent of visits, sessions and stats requests sent in a private chat.
//
// The senders are the roster bench/peer_bench_seed.sh makes: users 700000001.. linked to members
// 1..1000, member i+1 in team (i % 100) + 1, members 1..100 leading teams 1..100, and team t's
// group chat -1001000000000 - t. Button presses ("t:<record>:<topic>", the topic buttons of a
// visit confirmation in a private chat) name records 1..N, which bench/ingest_bench.sh seeds as
// fresh unfiled visits of member ((record - 1) % users) + 1; with N = 0 they name no record and
// are answered "not found". The rest of the mix (to 100%) is group chatter without a command.
// Prints a readable summary and one line "LOADGEN_JSON {...}".

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;

namespace {

enum class kind { visit, session, stats, press, chatter };
constexpr std::array kind_names{"visit", "session", "stats", "press", "chatter"};
constexpr std::size_t kind_count = kind_names.size();

struct options {
    std::string host = "127.0.0.1";
    std::string port = "18080";
    std::string path = "/telegram/webhook";
    std::string secret = "benchsecret";
    std::string bot = "bench_bot";
    double rate = 1000;
    double duration = 20;
    double drain = 15;    // seconds to wait for answers still in flight when the load ends
    int connections = 40; // Telegram's default max_connections for a webhook
    std::array<double, kind_count> mix{70, 10, 10, 8, 1};
    double dup_pct = 1;
    double private_pct = 20; // of visits, sessions and stats requests
    std::int64_t press_records = 0;
    std::int64_t first_update = 1'000'000;
    int users = 1000;
    int teams = 100;
    unsigned seed = 1;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr, "load_gen: %s\nsee the comment at the top of bench/load_gen.cpp for the options\n",
                 why);
    std::exit(2);
}

void parse_mix(std::string_view s, options& o) {
    while (!s.empty()) {
        auto comma = s.find(',');
        auto item = s.substr(0, comma);
        s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
        auto eq = item.find('=');
        if (eq == std::string_view::npos)
            usage("--mix takes name=percent items, e.g. visit=70,session=10,stats=10,press=8,dup=1");
        auto name = item.substr(0, eq);
        double pct = std::atof(std::string(item.substr(eq + 1)).c_str());
        if (name == "dup") {
            o.dup_pct = pct;
            continue;
        }
        auto it = std::find(kind_names.begin(), kind_names.end(), name);
        if (it == kind_names.end())
            usage("--mix names visit, session, stats, press, chatter or dup");
        o.mix[static_cast<std::size_t>(it - kind_names.begin())] = pct;
    }
}

options parse_options(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (i + 1 >= argc)
            usage("each option takes a value");
        std::string v = argv[++i];
        if (a == "--host")
            o.host = v;
        else if (a == "--port")
            o.port = v;
        else if (a == "--path")
            o.path = v;
        else if (a == "--secret")
            o.secret = v;
        else if (a == "--bot")
            o.bot = v;
        else if (a == "--rate")
            o.rate = std::atof(v.c_str());
        else if (a == "--duration")
            o.duration = std::atof(v.c_str());
        else if (a == "--drain")
            o.drain = std::atof(v.c_str());
        else if (a == "--connections")
            o.connections = std::atoi(v.c_str());
        else if (a == "--mix")
            parse_mix(v, o);
        else if (a == "--private")
            o.private_pct = std::atof(v.c_str());
        else if (a == "--press-records")
            o.press_records = std::atoll(v.c_str());
        else if (a == "--first-update")
            o.first_update = std::atoll(v.c_str());
        else if (a == "--users")
            o.users = std::atoi(v.c_str());
        else if (a == "--teams")
            o.teams = std::atoi(v.c_str());
        else if (a == "--seed")
            o.seed = static_cast<unsigned>(std::atoi(v.c_str()));
        else
            usage(("unknown option " + std::string(a)).c_str());
    }
    if (o.rate <= 0 || o.duration <= 0 || o.connections <= 0 || o.users <= 0 || o.teams <= 0)
        usage("--rate, --duration, --connections, --users and --teams must be positive");
    return o;
}

// ------------------------------------------------------------------ realistic texts

constexpr std::array streets{"Lê Lợi",        "Trần Hưng Đạo",  "Nguyễn Trãi",     "Hai Bà Trưng",
                             "Điện Biên Phủ", "Lý Thường Kiệt", "Phan Đình Phùng", "Hoàng Diệu",
                             "Trần Phú",      "Nguyễn Huệ"};
constexpr std::array streets_plain{"Le Loi",        "Tran Hung Dao",  "Nguyen Trai",     "Hai Ba Trung",
                                   "Dien Bien Phu", "Ly Thuong Kiet", "Phan Dinh Phung", "Hoang Dieu",
                                   "Tran Phu",      "Nguyen Hue"};
constexpr std::array people_names{"Tư", "Năm", "Lan", "Hoa", "Bảy", "Sáu", "Mai", "Hùng"};
constexpr std::array people_names_plain{"Tu", "Nam", "Lan", "Hoa", "Bay", "Sau", "Mai", "Hung"};
constexpr std::array markets{"Hòa Xuân", "Đông Ba", "Bến Thành", "Cồn", "Hàn"};
// Topic phrases the parser knows, and a few it does not (recorded as "other", and in a
// private chat asked about with the topic buttons).
constexpr std::array topics{"hướng dẫn cài VNeID",
                            "kích hoạt định danh mức 2",
                            "nộp hồ sơ dịch vụ công",
                            "cài ví điện tử",
                            "thanh toán QR",
                            "cảnh báo lừa đảo qua điện thoại",
                            "mở gian hàng Postmart",
                            "đặt lịch khám bệnh",
                            "bảo vệ dữ liệu cá nhân trên zalo",
                            "chỉ dùng AI để tra cứu",
                            "huong dan cai vneid",
                            "canh bao lua dao",
                            "nop ho so dich vu cong",
                            "",
                            "",
                            "hẹn hôm sau quay lại"};
constexpr std::array topic_codes{"vneid", "dvc",    "thanhtoan", "luadao", "tmdt",
                                 "yte",   "dulieu", "ai",        "khac"};
constexpr std::array chatter{"Cảm ơn anh chị, mai em đi tiếp nhé",
                             "ok a",
                             "Tổ mình họp lúc 7h tối nay nha",
                             "Da em nhan duoc roi",
                             "👍",
                             "Hôm nay trời mưa to quá, chiều em đi"};
constexpr std::array number_words{"hai", "ba", "bốn", "năm"};

struct text_maker {
    std::mt19937_64& rng;
    int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
    template <class A> const char* of(const A& a) {
        return a[static_cast<std::size_t>(pick(static_cast<int>(a.size())))];
    }
    std::string num(int lo, int hi) { return std::to_string(lo + pick(hi - lo + 1)); }

    std::string place(bool plain) {
        switch (pick(5)) {
        case 0:
            return (plain ? "so " : "số ") + num(1, 120) + (plain ? " ngo " : " ngõ ") + num(1, 30) + " " +
                   of(plain ? streets_plain : streets);
        case 1:
            return (plain ? "nha ba " : "nhà bà ") +
                   std::string(of(plain ? people_names_plain : people_names));
        case 2:
            return (plain ? "ho ong " : "hộ ông ") +
                   std::string(of(plain ? people_names_plain : people_names));
        case 3:
            return std::string(plain ? "kiot cho " : "kiot chợ ") + of(markets);
        default:
            return num(1, 200) + " " + of(plain ? streets_plain : streets);
        }
    }
    std::string people() {
        switch (pick(5)) {
        case 0:
            return "";
        case 1:
            return ", " + num(1, 6) + " người";
        case 2:
            return " cho " + num(1, 4) + " người";
        case 3:
            return ", " + std::string(of(number_words)) + " người";
        default:
            return " " + num(1, 3) + " nguoi";
        }
    }
    std::string when() {
        switch (pick(8)) {
        case 0:
            return ", hôm qua";
        case 1:
            return " hôm kia";
        case 2:
            return ", hom qua";
        default:
            return "";
        }
    }
    std::string visit() {
        bool plain = pick(4) == 0; // typed without diacritics
        std::string topic = of(topics);
        return place(plain) + when() + (topic.empty() ? "" : ", " + topic) + people();
    }
    std::string session() {
        std::string topic = of(topics);
        return (pick(3) == 0 ? "nha van hoa to " : "nhà văn hóa tổ ") + num(1, 12) + ", " + num(10, 60) +
               " người" + (topic.empty() ? "" : ", " + topic) + when();
    }
};

// ------------------------------------------------------------------ update bodies

struct update {
    std::shared_ptr<const std::string> body;
    kind k = kind::chatter;
    bool duplicate = false;
    int attempt = 0; // a failed delivery is retried, as Telegram does
    steady::time_point due;
};

class update_maker {
public:
    explicit update_maker(const options& o) : o_(o), rng_(o.seed), text_{rng_} {}

    update next(steady::time_point due, std::int64_t unix_now) {
        double total = 0;
        for (double p : o_.mix)
            total += p;
        double r = std::uniform_real_distribution<double>(0, 100)(rng_);
        if (r < o_.dup_pct && !sent_.empty()) {
            auto u = sent_[rng_() % sent_.size()];
            u.duplicate = true;
            u.due = due;
            return u;
        }
        double x = std::uniform_real_distribution<double>(0, std::max(total, 1e-9))(rng_);
        std::size_t k = 0;
        for (; k + 1 < kind_count; ++k) {
            if (x < o_.mix[k])
                break;
            x -= o_.mix[k];
        }
        update u;
        u.k = static_cast<kind>(k);
        u.due = due;
        u.body = std::make_shared<const std::string>(body_for(u.k, unix_now));
        return u;
    }

    // Only what was actually sent may come back as a duplicate.
    void sent(const update& u) {
        if (u.duplicate)
            return;
        if (sent_.size() < 4096)
            sent_.push_back(u);
        else
            sent_[rng_() % sent_.size()] = u;
    }

private:
    std::string sender(int user) {
        return R"("from":{"id":)" + std::to_string(700000001 + user) +
               R"(,"is_bot":false,"first_name":"Cán bộ )" + std::to_string(user + 1) +
               R"(","language_code":"vi"})";
    }
    std::string private_chat(int user) {
        return R"("chat":{"id":)" + std::to_string(700000001 + user) + R"(,"first_name":"Cán bộ )" +
               std::to_string(user + 1) + R"(","type":"private"})";
    }
    std::string group_chat(int user) {
        int team = user % o_.teams + 1;
        return R"("chat":{"id":)" + std::to_string(-1001000000000LL - team) + R"(,"title":"Tổ dân phố số )" +
               std::to_string(team) + R"(","type":"supergroup"})";
    }
    std::string message(int user, bool in_private, const std::string& command, const std::string& args,
                        std::int64_t unix_now) {
        std::string cmd = command;
        if (!in_private && !cmd.empty() && text_.pick(2) == 0)
            cmd += "@" + o_.bot; // what clients send in a group with several bots
        std::string text = cmd.empty() ? args : args.empty() ? cmd : cmd + " " + args;
        std::string s = R"({"update_id":)" + std::to_string(update_id_) + R"(,"message":{"message_id":)" +
                        std::to_string(update_id_ % 1000000 + 1) + "," + sender(user) + "," +
                        (in_private ? private_chat(user) : group_chat(user)) + R"(,"date":)" +
                        std::to_string(unix_now) + R"(,"text":")" + text + '"';
        if (!cmd.empty())
            s += R"(,"entities":[{"offset":0,"length":)" + std::to_string(cmd.size()) +
                 R"(,"type":"bot_command"}])";
        return s + "}}";
    }

    std::string body_for(kind k, std::int64_t unix_now) {
        ++update_id_;
        int user = text_.pick(o_.users);
        bool in_private = text_.pick(10000) < static_cast<int>(o_.private_pct * 100);
        switch (k) {
        case kind::visit:
            return message(user, in_private, "/tham", text_.visit(), unix_now);
        case kind::session:
            return message(user, in_private, "/buoi", text_.session(), unix_now);
        case kind::stats: {
            switch (text_.pick(4)) {
            case 0: // a leader asks for the team's month
                return message(text_.pick(std::min(o_.teams, o_.users)), in_private, "/thongke", "",
                               unix_now);
            case 1:
                return message(user, in_private, "/toi", "tháng", unix_now);
            case 2:
                return message(user, in_private, "/toi", "", unix_now);
            default:
                return message(user, in_private, "/xephang", "", unix_now);
            }
        }
        case kind::press: {
            std::int64_t record = 0;
            int owner = user;
            if (o_.press_records > 0) {
                record = 1 + (press_next_++ % o_.press_records);
                owner = static_cast<int>((record - 1) % o_.users);
            } else {
                record = 1'000'000'000 + update_id_; // no such record: answered "not found"
            }
            std::string data = "t:" + std::to_string(record) + ":" + text_.of(topic_codes);
            return R"({"update_id":)" + std::to_string(update_id_) + R"(,"callback_query":{"id":"cb)" +
                   std::to_string(update_id_) + R"(",)" + sender(owner) + R"(,"message":{"message_id":)" +
                   std::to_string(record % 1000000 + 1) +
                   R"(,"from":{"id":7000000001,"is_bot":true,"first_name":"Bench","username":")" + o_.bot +
                   R"("},)" + private_chat(owner) + R"(,"date":)" + std::to_string(unix_now - 60) +
                   R"(,"text":"Đã ghi lượt thăm"},"chat_instance":"42","data":")" + data + R"("}})";
        }
        case kind::chatter:
            return message(user, false, "", text_.of(chatter), unix_now);
        }
        return {};
    }

    const options& o_;
    std::mt19937_64 rng_;
    text_maker text_;
    std::int64_t update_id_ = o_.first_update;
    std::int64_t press_next_ = 0;
    std::vector<update> sent_;
};

// ------------------------------------------------------------------ the run

struct tally {
    std::array<std::vector<double>, kind_count> ms; // latency of 200 answers, from the due time
    std::array<std::int64_t, kind_count> ok{}, ok_unique{};
    std::int64_t sent = 0, duplicates = 0, non200 = 0, errors = 0, retries = 0, not_sent = 0, unanswered = 0;
};

struct connection {
    explicit connection(asio::io_context& io) : stream(io) {}
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    http::response<http::string_body> res;
    update current;
    bool busy = false;
};

class runner {
public:
    runner(const options& o, asio::io_context& io) : o_(o), io_(io), timer_(io), maker_(o) {}

    void start() {
        tcp::resolver resolver(io_);
        auto endpoints = resolver.resolve(o_.host, o_.port);
        for (int i = 0; i < o_.connections; ++i) {
            auto c = std::make_unique<connection>(io_);
            c->stream.connect(endpoints);
            c->stream.socket().set_option(tcp::no_delay(true));
            idle_.push_back(c.get());
            conns_.push_back(std::move(c));
        }
        endpoints_ = endpoints;
        interval_ = std::chrono::duration<double>(1.0 / o_.rate);
        total_ = static_cast<std::int64_t>(o_.rate * o_.duration);
        start_ = steady::now() + std::chrono::milliseconds(50);
        timer_.expires_at(start_);
        timer_.async_wait([this](beast::error_code) { tick(); });
    }

    const tally& result() const { return t_; }
    double elapsed_s() const { return std::chrono::duration<double>(end_ - start_).count(); }

private:
    steady::time_point due(std::int64_t i) const {
        return start_ + std::chrono::duration_cast<steady::duration>(interval_ * static_cast<double>(i));
    }

    void tick() {
        auto now = steady::now();
        auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
        while (next_ < total_ && due(next_) <= now)
            pending_.push_back(maker_.next(due(next_++), unix_now));
        pump();
        if (next_ < total_) {
            timer_.expires_at(due(next_));
            timer_.async_wait([this](beast::error_code) { tick(); });
            return;
        }
        // The load is over: what never found a free connection is not sent; answers still
        // in flight get `drain` seconds.
        end_ = steady::now();
        t_.not_sent = static_cast<std::int64_t>(pending_.size());
        pending_.clear();
        finished_ = true;
        timer_.expires_after(
            std::chrono::duration_cast<steady::duration>(std::chrono::duration<double>(o_.drain)));
        timer_.async_wait([this](beast::error_code ec) {
            if (ec)
                return;
            for (auto& c : conns_)
                if (c->busy)
                    ++t_.unanswered;
            io_.stop();
        });
        maybe_stop();
    }

    void maybe_stop() {
        if (!finished_)
            return;
        for (auto& c : conns_)
            if (c->busy)
                return;
        timer_.cancel();
        io_.stop();
    }

    // The connection idle longest goes first, so none sits idle past the server's keep-alive
    // timeout while others carry the load.
    void pump() {
        while (!pending_.empty() && !idle_.empty()) {
            auto* c = idle_.front();
            idle_.pop_front();
            send(*c, std::move(pending_.front()));
            pending_.pop_front();
        }
    }

    void send(connection& c, update u) {
        c.busy = true;
        if (u.attempt == 0)
            maker_.sent(u);
        ++t_.sent;
        if (u.duplicate)
            ++t_.duplicates;
        c.req = {http::verb::post, o_.path, 11};
        c.req.set(http::field::host, o_.host);
        c.req.set(http::field::content_type, "application/json");
        c.req.set("X-Telegram-Bot-Api-Secret-Token", o_.secret);
        c.req.body() = *u.body;
        c.req.prepare_payload();
        c.current = std::move(u);
        http::async_write(c.stream, c.req, [this, &c](beast::error_code ec, std::size_t) {
            if (ec)
                return failed(c, ec);
            c.res = {};
            http::async_read(c.stream, c.buffer, c.res, [this, &c](beast::error_code ec2, std::size_t) {
                if (ec2)
                    return failed(c, ec2);
                answered(c);
            });
        });
    }

    void answered(connection& c) {
        auto now = steady::now();
        auto k = static_cast<std::size_t>(c.current.k);
        if (c.res.result() == http::status::ok) {
            t_.ms[k].push_back(std::chrono::duration<double, std::milli>(now - c.current.due).count());
            ++t_.ok[k];
            if (!c.current.duplicate)
                ++t_.ok_unique[k];
        } else {
            ++t_.non200;
        }
        c.busy = false;
        if (c.res.keep_alive() || reconnect(c))
            idle_.push_back(&c);
        pump();
        maybe_stop();
    }

    void failed(connection& c, const beast::error_code& ec) {
        if (t_.errors++ < 5)
            std::fprintf(stderr, "load_gen: connection error (%s); reconnecting\n", ec.message().c_str());
        c.busy = false;
        if (c.current.attempt < 3) {
            ++c.current.attempt;
            ++t_.retries;
            pending_.push_front(std::move(c.current));
        }
        if (reconnect(c))
            idle_.push_back(&c);
        pump();
        maybe_stop();
    }

    bool reconnect(connection& c) {
        beast::error_code ec;
        c.stream.socket().close(ec);
        c.buffer.clear();
        c.stream.connect(endpoints_, ec);
        if (!ec)
            c.stream.socket().set_option(tcp::no_delay(true), ec);
        return !ec;
    }

    const options& o_;
    asio::io_context& io_;
    asio::steady_timer timer_;
    update_maker maker_;
    std::vector<std::unique_ptr<connection>> conns_;
    std::deque<connection*> idle_;
    tcp::resolver::results_type endpoints_;
    std::deque<update> pending_;
    std::chrono::duration<double> interval_{};
    std::int64_t total_ = 0, next_ = 0;
    steady::time_point start_, end_;
    bool finished_ = false;
    tally t_;
};

double at(const std::vector<double>& sorted, double q) {
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1,
                           static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
}

} // namespace

int main(int argc, char** argv) {
    auto o = parse_options(argc, argv);
    asio::io_context io;
    runner r(o, io);
    try {
        r.start();
        io.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "load_gen: %s\n", e.what());
        return 1;
    }
    auto& t = r.result();
    std::vector<double> all;
    std::int64_t ok = 0;
    for (std::size_t k = 0; k < kind_count; ++k) {
        all.insert(all.end(), t.ms[k].begin(), t.ms[k].end());
        ok += t.ok[k];
    }
    std::sort(all.begin(), all.end());
    double secs = r.elapsed_s();
    double achieved = secs > 0 ? static_cast<double>(ok) / secs : 0;
    std::printf("offered %.0f/s for %.1f s over %d connections: %lld sent, %lld answered 200 (%.0f/s), "
                "%lld other status, %lld errors (%lld retried), %lld not sent, %lld unanswered\n",
                o.rate, secs, o.connections, static_cast<long long>(t.sent), static_cast<long long>(ok),
                achieved, static_cast<long long>(t.non200), static_cast<long long>(t.errors),
                static_cast<long long>(t.retries), static_cast<long long>(t.not_sent),
                static_cast<long long>(t.unanswered));
    std::printf("latency from due time: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n", at(all, 0.5),
                at(all, 0.99), at(all, 0.999), all.empty() ? 0 : all.back());
    std::string per_kind;
    for (std::size_t k = 0; k < kind_count; ++k) {
        auto v = t.ms[k];
        std::sort(v.begin(), v.end());
        std::printf("  %-8s %7lld answered (%lld unique)  p50 %.2f ms  p99 %.2f ms\n", kind_names[k],
                    static_cast<long long>(t.ok[k]), static_cast<long long>(t.ok_unique[k]), at(v, 0.5),
                    at(v, 0.99));
        char buf[200];
        std::snprintf(buf, sizeof buf, R"(%s"%s":{"ok":%lld,"ok_unique":%lld,"p50_ms":%.3f,"p99_ms":%.3f})",
                      k ? "," : "", kind_names[k], static_cast<long long>(t.ok[k]),
                      static_cast<long long>(t.ok_unique[k]), at(v, 0.5), at(v, 0.99));
        per_kind += buf;
    }
    std::printf(
        "LOADGEN_JSON {\"offered_per_s\":%.1f,\"duration_s\":%.3f,\"connections\":%d,\"sent\":%lld,"
        "\"ok\":%lld,\"achieved_per_s\":%.1f,\"non200\":%lld,\"errors\":%lld,\"retries\":%lld,\"not_sent\":%"
        "lld,"
        "\"unanswered\":%lld,\"duplicates_sent\":%lld,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f,"
        "\"max_ms\":%.3f,\"kinds\":{%s}}\n",
        o.rate, secs, o.connections, static_cast<long long>(t.sent), static_cast<long long>(ok), achieved,
        static_cast<long long>(t.non200), static_cast<long long>(t.errors), static_cast<long long>(t.retries),
        static_cast<long long>(t.not_sent), static_cast<long long>(t.unanswered),
        static_cast<long long>(t.duplicates), at(all, 0.5), at(all, 0.99), at(all, 0.999),
        all.empty() ? 0 : all.back(), per_kind.c_str());
    return t.sent > 0 && t.non200 == 0 ? 0 : 1;
}
