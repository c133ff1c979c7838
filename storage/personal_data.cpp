#include "storage/personal_data.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace cnscd {
namespace {

std::string from_hex(std::string_view hex) {
    std::string out;
    if (hex.size() % 2)
        return out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        };
        int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return {};
        out += static_cast<char>(hi * 16 + lo);
    }
    return out;
}

std::string to_hex(const unsigned char* data, std::size_t n) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

using ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

constexpr int nonce_size = 12;
constexpr int tag_size = 16;

} // namespace

personal_data::personal_data(std::string_view hex_key) : key_(from_hex(hex_key)) {
    if (key_.size() != 32) {
        key_.clear();
        return;
    }
    // A separate key for digests, so the digest reveals nothing about the cipher key.
    std::string material = "cnscd-cccd-digest:" + key_;
    unsigned char out[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(material.data()), material.size(), out);
    digest_key_.assign(reinterpret_cast<char*>(out), sizeof out);
}

std::string personal_data::seal(std::string_view plain) const {
    if (!has_key())
        throw std::logic_error("no data key: citizen ID numbers cannot be stored");
    unsigned char nonce[nonce_size];
    if (RAND_bytes(nonce, nonce_size) != 1)
        throw std::runtime_error("no randomness for the nonce");
    ctx_ptr ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    std::string out(reinterpret_cast<char*>(nonce), nonce_size);
    out.resize(nonce_size + plain.size() + tag_size);
    int len = 0, total = 0;
    auto* dst = reinterpret_cast<unsigned char*>(out.data()) + nonce_size;
    if (EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonce_size, nullptr) != 1 ||
        EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key_.data()),
                           nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), dst, &len, reinterpret_cast<const unsigned char*>(plain.data()),
                          static_cast<int>(plain.size())) != 1)
        throw std::runtime_error("encryption failed");
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), dst + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tag_size, dst + total + len) != 1)
        throw std::runtime_error("encryption failed");
    return out;
}

std::optional<std::string> personal_data::open(std::string_view sealed) const {
    if (!has_key() || sealed.size() < nonce_size + tag_size)
        return std::nullopt;
    auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
    int body = static_cast<int>(sealed.size()) - nonce_size - tag_size;
    std::string out(static_cast<std::size_t>(body), '\0');
    ctx_ptr ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    unsigned char tag[tag_size];
    std::copy(in + nonce_size + body, in + nonce_size + body + tag_size, tag);
    if (EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, nonce_size, nullptr) != 1 ||
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key_.data()),
                           in) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, in + nonce_size,
                          body) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tag_size, tag) != 1)
        return std::nullopt;
    int final_len = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &final_len) != 1)
        return std::nullopt; // wrong key or tampered
    return out;
}

std::string personal_data::seal_hex(std::string_view plain) const {
    auto sealed = seal(plain);
    return to_hex(reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size());
}

std::optional<std::string> personal_data::open_hex(std::string_view hex) const {
    auto sealed = from_hex(hex);
    if (sealed.empty())
        return std::nullopt;
    return open(sealed);
}

std::string personal_data::digest(std::string_view cccd) const {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    HMAC(EVP_sha256(), digest_key_.data(), static_cast<int>(digest_key_.size()),
         reinterpret_cast<const unsigned char*>(cccd.data()), cccd.size(), out, &n);
    return to_hex(out, n);
}

std::string mask_cccd(std::string_view cccd) {
    if (cccd.size() <= 3)
        return std::string(cccd.size(), '*');
    return std::string(cccd.size() - 3, '*') + std::string(cccd.substr(cccd.size() - 3));
}

bool valid_cccd(std::string_view cccd) {
    return cccd.size() == 12 &&
           std::all_of(cccd.begin(), cccd.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace cnscd
