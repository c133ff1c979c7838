#include "storage/database.hpp"
#include "storage/zalo_token_store.hpp"
#include "tests/support/fixtures.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace cnscd;

namespace {

const std::string key(64, '7');

struct token_file : ::testing::Test {
    // One file per test: ctest runs them in parallel.
    std::string path =
        (std::filesystem::temp_directory_path() /
         ("cnscd_zalo_tokens_" +
          std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db"))
            .string();
    void SetUp() override {
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path + ext);
    }
    void TearDown() override { SetUp(); }
};

} // namespace

TEST_F(token_file, with_a_data_key_the_file_holds_no_token_in_clear) {
    {
        auto db = database::open(path);
        zalo_token_store(*db, key).put("access-TOKEN-1234", "refresh-TOKEN-5678", 2000, 1000);
        auto pair = zalo_token_store(*db, key).get();
        ASSERT_TRUE(pair);
        EXPECT_EQ(pair->access_token, "access-TOKEN-1234");
        EXPECT_EQ(pair->refresh_token, "refresh-TOKEN-5678");
        EXPECT_EQ(pair->expires_at, 2000);
    }
    auto bytes = test::database_bytes(path);
    EXPECT_EQ(bytes.find("access-TOKEN-1234"), std::string::npos);
    EXPECT_EQ(bytes.find("refresh-TOKEN-5678"), std::string::npos);
    EXPECT_NE(bytes.find("sealed:"), std::string::npos) << "the file was really read";
}

TEST_F(token_file, tokens_stored_before_a_key_was_set_are_read_then_sealed_at_the_next_refresh) {
    auto db = database::open(path);
    zalo_token_store(*db).put("old-access", "old-refresh", 2000, 1000);
    EXPECT_EQ(zalo_token_store(*db, key).get()->refresh_token, "old-refresh");
    zalo_token_store(*db, key).put("new-access", "new-refresh", 3000, 1500);
    EXPECT_EQ(zalo_token_store(*db, key).get()->access_token, "new-access");
    db.reset();
    EXPECT_EQ(test::database_bytes(path).find("new-refresh"), std::string::npos);
}

TEST_F(token_file, another_key_or_no_key_is_refused_with_what_to_do) {
    auto db = database::open(path);
    zalo_token_store(*db, key).put("access", "refresh", 2000, 1000);
    for (std::string wrong : {std::string(64, 'a'), std::string()}) {
        try {
            zalo_token_store(*db, wrong).get();
            ADD_FAILURE() << "sealed tokens read without their key";
        } catch (const database_error& e) {
            EXPECT_NE(std::string(e.what()).find("CNSCD_DATA_KEY"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find("zalo-auth"), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(zalo_token_store(*db, key).get()->access_token, "access") << "nothing was lost";
}
