#include "messages/topics.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <tuple>
#include <unordered_map>

namespace cnscd {
namespace {

constexpr std::array<topic, 12> topics{{
    {"dvc", "Dịch vụ công trực tuyến", "Online public services", "Dịch vụ công",
     "dich vu cong|dvc|dvctt|cong dich vu cong|ho so truc tuyen|nop ho so|ho so online|thu tuc hanh "
     "chinh|dang ky khai sinh|khai sinh|nop phat|phat nguoi|vi pham giao thong|dang ky ket hon|cu tru|tam tru|thuong tru|luu tru|ho khau|nhan "
     "khau|cap doi|lam cccd|lam lai cccd|cap lai cccd|cap doi cccd|doi cccd|lam can cuoc|lam lai can cuoc|cap lai can "
     "cuoc|cap doi can cuoc|doi can cuoc|giay phep lai xe|gplx|nop thue|thue dien tu|etax|public service|public services|online "
     "service|"
     "online services|birth registration|residence registration|driving licence|driver's license|tax return"},
    {"vneid", "Định danh điện tử VNeID", "VNeID e-identity", "VNeID",
     "vneid|vn eid|dinh danh|dinh danh dien tu|muc 2|muc do 2|can cuoc dien tu|cccd dien tu|tai khoan dinh danh|"
     "e-id|eid|can cuoc|cccd|cccd gan chip|kich hoat tai khoan|de an 06|da 06|level 2|sinh trac|biometric|biometrics"},
    {"thanhtoan", "Thanh toán không dùng tiền mặt", "Cashless payment", "Thanh toán số",
     "thanh toan|ttkdtm|tt khong dung tien mat|qr|ma qr|quet ma|chuyen khoan|vi dien tu|momo|zalopay|zalo pay|vnpay|viettel money|viettelpay|ngan "
     "hang so|app ngan hang|ung dung ngan hang|mobile banking|tai khoan ngan hang|tk ngan hang|khong dung tien mat|tien "
     "dien|tien nuoc|chuyen tien|payment|payments|cashless|e-wallet|e-wallets|pay bills|bill payment|"
     "banking app|bank app|bill|bills|electricity bill|water bill"},
    {"tmdt", "Thương mại điện tử", "E-commerce", "Thương mại điện tử",
     "thuong mai dien tu|tmdt|ban hang online|ban hang truc tuyen|ban hang tren|mua hang online|gian "
     "hang|postmart|voso|sendo|shopee|lazada|"
     "tiki|ocop|san thuong mai|livestream ban hang|e-commerce|online shop"},
    {"yte", "Y tế số", "Digital health", "Y tế số",
     "y te|so suc khoe|ho so suc khoe|benh an dien tu|dat lich kham|dat kham|kham benh|bao hiem y te|bhyt|vssid|"
     "vien phi|benh vien|bhxh|bao hiem xa hoi|health|doctor|hospital|health insurance|medical"},
    {"giaoduc", "Giáo dục số", "Digital education", "Giáo dục số",
     "giao duc|hoc phi|hoc ba|so lien lac|lien lac dien tu|vnedu|app hoc tap|ung dung hoc tap|diem so|xem diem|ung dung truong|nha truong|hoc truc tuyen|"
     "education|school|schools"},
    {"luadao", "Phòng chống lừa đảo", "Scam prevention", "Chống lừa đảo",
     "lua dao|chong lua dao|phong chong lua dao|phong lua dao|canh bao lua dao|gia mao|link la|duong link "
     "la|otp|ma otp|cuoc goi la|tin nhan la|chiem doat|gia danh|mao danh|canh giac|lua gat|an toan tren mang|"
     "an toan mang|scam|scams|scammer|scammers|fraud|phishing"},
    {"dulieu", "Bảo vệ dữ liệu cá nhân", "Personal data protection", "Bảo vệ dữ liệu",
     "du lieu ca nhan|bao ve du lieu|bao mat|quyen rieng tu|mat khau|cai dat rieng tu|lo thong tin|"
     "thong tin ca nhan|privacy|personal data|password|passwords"},
    {"chuky", "Chữ ký số", "Digital signature", "Chữ ký số",
     "chu ky so|chu ky dien tu|ky so|ky dien tu|usb token|digital signature|digital signatures|e-signature"},
    {"ai", "Trí tuệ nhân tạo", "Artificial intelligence", "AI",
     "tri tue nhan tao|chatgpt|chat gpt|gemini|tro ly ao|artificial intelligence"},
    {"baucu", "Bầu cử", "Elections", "Bầu cử",
     "bau cu|cu tri|danh sach cu tri|hoi dong nhan dan|hdnd|quoc hoi|bau dai bieu|ung "
     "cu|election|elections|voter|"
     "voters"},
    // Zalo and social networks as such (installing, making an account) are in no topic the ward
    // counts: «Khác», said outright so the member is not asked. Their privacy settings, scams
    // on them and Zalo Pay are read by the topics above, which win over this one.
    {"khac", "Khác", "Other", "Khác", "khac|other|zalo|mxh|mang xa hoi|facebook|social media"},
}};

static_assert(topics.back().code == "khac", "find_topics reads the last topic as the remainder");

bool word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
}

std::string_view first_word(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && word_char(s[n]))
        ++n;
    return s.substr(0, n);
}

struct keyword {
    std::string_view phrase;
    std::size_t topic; // index into `topics`
    std::size_t id;    // the phrase's own number
};

// Every keyword phrase by its first word. Every message is read against ~160 phrases: one pass
// over its words with this index replaces a substring search of the whole text per phrase.
struct keyword_index {
    std::unordered_map<std::string_view, std::vector<keyword>> by_first_word;
    std::size_t count = 0;

    keyword_index() {
        for (std::size_t t = 0; t < topics.size(); ++t) {
            std::string_view list = topics[t].keywords;
            while (!list.empty()) {
                auto bar = list.find('|');
                auto phrase = list.substr(0, bar);
                // Phrases start with a letter (the table above), so each begins a word.
                if (auto head = first_word(phrase); !head.empty())
                    by_first_word[head].push_back({phrase, t, count++});
                if (bar == std::string_view::npos)
                    break;
                list.remove_prefix(bar + 1);
            }
        }
    }

    // Calls fn(keyword, position) for each phrase at each word start of `text`, left to right.
    template <class F> void scan(std::string_view text, F fn) const {
        for (std::size_t pos = 0; pos < text.size();) {
            if (!word_char(text[pos])) {
                ++pos;
                continue;
            }
            auto word = first_word(text.substr(pos));
            if (auto it = by_first_word.find(word); it != by_first_word.end())
                for (auto& k : it->second) {
                    auto end = pos + k.phrase.size();
                    if (text.compare(pos, k.phrase.size(), k.phrase) == 0 &&
                        (end >= text.size() || !word_char(text[end])))
                        fn(k, pos);
                }
            pos += word.size();
        }
    }
};

const keyword_index& keywords() {
    static const keyword_index index;
    return index;
}

} // namespace

std::span<const topic> all_topics() {
    return topics;
}

const topic* find_topic(std::string_view code) {
    for (auto& t : topics)
        if (t.code == code)
            return &t;
    return nullptr;
}

std::vector<std::pair<std::size_t, std::size_t>> topic_phrase_spans(std::string_view folded) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    // A phrase's occurrences do not overlap each other: the next one starts after the last ends.
    std::vector<std::size_t> next_allowed(keywords().count, 0);
    keywords().scan(folded, [&](const keyword& k, std::size_t pos) {
        if (pos < next_allowed[k.id])
            return;
        spans.emplace_back(pos, pos + k.phrase.size());
        next_allowed[k.id] = pos + k.phrase.size();
    });
    return spans;
}

namespace {

constexpr std::size_t topic_index(std::string_view code) {
    for (std::size_t t = 0; t < topics.size(); ++t)
        if (topics[t].code == code)
            return t;
    return topics.size();
}

bool biometric(std::string_view phrase) {
    return phrase == "sinh trac" || phrase == "biometric" || phrase == "biometrics";
}

} // namespace

// Does the text name a bank, a bank account or a transfer? Biometric authentication there is the
// bank's: since 1/7/2024 banks ask for it in their app before transfers over 10 million đồng.
bool about_a_bank(std::string_view folded) {
    static constexpr std::string_view words[] = {
        "ngan hang", "tai khoan", "chuyen tien", "chuyen khoan", "bank",    "banking", "vietcombank",
        "vcb",       "agribank",  "bidv",        "vietinbank",   "mb",      "mbbank",  "techcombank",
        "sacombank", "acb",       "vpbank",      "tpbank",       "hdbank",  "shb",     "vib",
        "seabank",   "ocb",       "lpbank",      "msb",          "eximbank"};
    for (auto w : words)
        for (auto at = folded.find(w); at != std::string_view::npos; at = folded.find(w, at + 1))
            if ((at == 0 || !word_char(folded[at - 1])) &&
                (at + w.size() == folded.size() || !word_char(folded[at + w.size()])))
                return true;
    return false;
}

std::vector<std::string> find_topics(std::string_view folded) {
    // The first mention of each topic; "khac" (other) only counts when nothing else does.
    std::array<std::size_t, topics.size()> first;
    first.fill(std::string_view::npos);
    constexpr auto vneid = topic_index("vneid"), payment = topic_index("thanhtoan");
    static_assert(vneid < topics.size() && payment < topics.size());
    auto biometric_at = std::string_view::npos;
    bool vneid_named = false; // by a keyword other than biometric authentication
    // A phrase inside a longer one of another topic is that one's word: "căn cước" (the card,
    // VNeID's) in "cấp lại căn cước" (a procedure, online public services).
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> spans; // start, end, topic
    keywords().scan(folded, [&](const keyword& k, std::size_t pos) {
        spans.emplace_back(pos, pos + k.phrase.size(), k.topic);
    });
    auto inside_another = [&](const keyword& k, std::size_t pos) {
        auto end = pos + k.phrase.size();
        return std::any_of(spans.begin(), spans.end(), [&](auto& o) {
            auto [b, e, t] = o;
            return t != k.topic && b <= pos && end <= e && e - b > end - pos;
        });
    };
    keywords().scan(folded, [&](const keyword& k, std::size_t pos) {
        if (inside_another(k, pos))
            return;
        if (first[k.topic] == std::string_view::npos)
            first[k.topic] = pos;
        if (k.topic == vneid && biometric(k.phrase))
            biometric_at = std::min(biometric_at, pos);
        else if (k.topic == vneid)
            vneid_named = true;
    });
    // "xác thực sinh trắc học" is VNeID's, unless it is for a bank and VNeID is not named.
    if (biometric_at != std::string_view::npos && !vneid_named && about_a_bank(folded)) {
        first[vneid] = std::string_view::npos;
        first[payment] = std::min(first[payment], biometric_at);
    }
    std::vector<std::pair<std::size_t, std::string_view>> hits;
    constexpr std::size_t other = topics.size() - 1; // "khac"
    for (std::size_t t = 0; t < other; ++t)
        if (first[t] != std::string_view::npos)
            hits.emplace_back(first[t], topics[t].code);
    std::sort(hits.begin(), hits.end());
    std::vector<std::string> out;
    for (auto& h : hits)
        out.emplace_back(h.second);
    if (out.empty() && first[other] != std::string_view::npos)
        out.push_back("khac");
    return out;
}

} // namespace cnscd
