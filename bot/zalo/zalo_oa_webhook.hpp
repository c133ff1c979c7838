#pragma once

// POST /zalo/webhook: checks X-ZEvent-Signature and the replay window (401 and nothing
// stored when wrong), maps the event, and answers 200 only after it is committed. Events the
// bot does not act on are counted and answered 200 at once.

namespace cnscd {

class http_server;
class ingest;
class metrics;
struct zalo_oa_config;

void add_zalo_oa_webhook(http_server& server, ingest& in, const zalo_oa_config& cfg, metrics& m);

} // namespace cnscd
