#include "bot/http/http_client.hpp"

#include <gtest/gtest.h>

// A platform's API may sit behind a path (a proxy, the emulator): its calls go below that path.
TEST(base_path, the_path_of_a_base_url_is_kept_without_trailing_slashes) {
    EXPECT_EQ(cnscd::base_path("https://api.telegram.org"), "");
    EXPECT_EQ(cnscd::base_path("https://api.telegram.org/"), "");
    EXPECT_EQ(cnscd::base_path("http://127.0.0.1:9000/tg/api//"), "/tg/api");
    EXPECT_EQ(cnscd::base_path("https://openapi.zalo.me/v3.0"), "/v3.0");
    EXPECT_EQ(cnscd::base_path("localhost:8081/proxy"), "/proxy");
}
