#include "bot/webhook_url.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace cnscd {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// The "host[:port]" of an absolute URL, without scheme, user info or path.
std::string_view authority_of(std::string_view url) {
    auto scheme = url.find("://");
    if (scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (auto at = url.rfind('@'); at != std::string_view::npos)
        url.remove_prefix(at + 1);
    return url;
}

// The host of an absolute URL, without user info or port.
std::string host_of(std::string_view url) {
    auto host = authority_of(url);
    if (!host.starts_with('['))
        host = host.substr(0, host.find(':'));
    return lower(host);
}

// The port written in an absolute URL, if any ("" without one).
std::string port_of(std::string_view url) {
    auto rest = authority_of(url);
    if (rest.starts_with('[')) // [::1]:8443
        rest.remove_prefix(std::min(rest.size(), rest.find(']') + 1));
    auto colon = rest.find(':');
    return colon == std::string_view::npos ? "" : std::string(rest.substr(colon + 1));
}

bool is_or_under(const std::string& host, std::string_view domain) {
    return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                              host[host.size() - domain.size() - 1] == '.');
}

// The documentation's own example domain, and the ones reserved for examples (RFC 2606).
bool example_host(const std::string& host) {
    static constexpr std::array<std::string_view, 6> examples{"example.vn",  "example.com", "example.org",
                                                              "example.net", "your.host",   "your.domain"};
    return std::ranges::any_of(examples, [&](std::string_view d) { return is_or_under(host, d); });
}

} // namespace

std::optional<std::string> webhook_url_problem(std::string_view url, const webhook_target& target) {
    auto example = "https://YOUR.DOMAIN" + std::string(target.route);
    if (url.empty())
        return "need the public HTTPS URL of " + std::string(target.route) + ". Fix: --url " + example +
               std::string(target.also);
    if (!lower(url).starts_with("https://"))
        return "\"" + std::string(url) + "\" is not an HTTPS URL, and " + std::string(target.platform) +
               " calls webhooks over HTTPS only. Fix: put the bot behind the reverse proxy with a "
               "certificate (docs/OPERATIONS.md, \"HTTPS reverse proxy\") and give its address, --url " +
               example + std::string(target.also);
    if (auto host = host_of(url); host.empty() || example_host(host))
        return "\"" + std::string(url) + "\" is the example address from the documentation " +
               "(config/example.json, deploy/secrets.env.example), not this server's: " +
               std::string(target.platform) + " would send the members' messages there. Fix: give the " +
               "domain of your own reverse proxy, --url " + example + std::string(target.also);
    // setWebhook: "Ports currently supported for webhooks: 443, 80, 88, 8443" (Bot API).
    if (auto port = port_of(url); target.telegram_ports && !port.empty() && port != "443" && port != "80" &&
                                  port != "88" && port != "8443")
        return "\"" + std::string(url) + "\" uses port " + port + ", and " + std::string(target.platform) +
               " calls webhooks only on ports 443, 80, 88 or 8443. Fix: let the reverse proxy take HTTPS on "
               "port 443 and forward to the bot's own address (CNSCD_LISTEN or \"http.listen\"; "
               "docs/OPERATIONS.md, \"HTTPS reverse proxy\"), and give the proxy's address, --url " +
               example + std::string(target.also);
    return std::nullopt;
}

} // namespace cnscd
