#pragma once

// Citizen ID numbers (CCCD) at rest: sealed with AES-256-GCM under the data key
// (CNSCD_DATA_KEY / CNSCD_DATA_KEY_FILE), found again through a keyed digest, shown masked.
// Personal data protection (Decree 13/2023/NĐ-CP): never logged, never shown in full in chat.

#include <optional>
#include <string>
#include <string_view>

namespace cnscd {

class personal_data {
public:
    // `hex_key`: 64 hexadecimal characters; empty = no key (sealing refused).
    explicit personal_data(std::string_view hex_key);

    bool has_key() const { return !key_.empty(); }
    // nonce (12) || ciphertext || tag (16). Throws if there is no key.
    std::string seal(std::string_view cccd) const;
    // nullopt if the value was tampered with or sealed under another key.
    std::optional<std::string> open(std::string_view sealed) const;
    // The same sealing as hex text, for secrets kept in TEXT columns (platform tokens).
    std::string seal_hex(std::string_view plain) const;
    std::optional<std::string> open_hex(std::string_view hex) const;
    // Hex HMAC-SHA-256 under a key derived from the data key: equal CCCDs, equal digests.
    std::string digest(std::string_view cccd) const;

private:
    std::string key_;        // 32 bytes
    std::string digest_key_; // 32 bytes
};

// "012345678901" -> "*********901"
std::string mask_cccd(std::string_view cccd);

// True for exactly 12 digits.
bool valid_cccd(std::string_view cccd);

// How to create a key, for messages that refuse to store CCCDs without one.
inline constexpr std::string_view data_key_howto =
    "openssl rand -hex 32 > data/key && chmod 600 data/key && export CNSCD_DATA_KEY_FILE=data/key";

} // namespace cnscd
