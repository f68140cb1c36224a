// Static files for the web UI: served from a temporary web root through a real http_server, plus the
// path and MIME rules on their own.
#include "server/static_files.hpp"

#include "e2e/support/http_client.hpp"
#include "e2e/support/running_server.hpp"
#include "e2e/transport_fakes.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace perkara;
namespace fs = std::filesystem;

namespace {

// A web root with a few assets next to a "secret" file outside it; removed on destruction.
class temp_web_root {
 public:
  temp_web_root() {
    base_ = fs::temp_directory_path() / ("perkara-web-" + std::to_string(std::random_device{}()));
    fs::create_directories(base_ / "web" / "assets");
    write("web/index.html", "<!doctype html><title>perkara</title>");
    write("web/assets/app.js", "console.log(1);");
    write("web/assets/style.css", "body{}");
    write("web/logo.svg", "<svg/>");
    write("web/data.json", "{}");
    write("web/.env", "SECRET=1");
    write("secret.txt", "root:x:0:0");
    fs::create_symlink(base_ / "secret.txt", base_ / "web" / "link.txt");
  }
  ~temp_web_root() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }
  temp_web_root(const temp_web_root&) = delete;
  temp_web_root& operator=(const temp_web_root&) = delete;

  [[nodiscard]] fs::path root() const { return base_ / "web"; }

 private:
  void write(const std::string& name, const std::string& text) { std::ofstream{base_ / name} << text; }
  fs::path base_;
};

api::request get(std::string path) {
  api::request req;
  req.method = "GET";
  req.path = std::move(path);
  req.target = req.path;
  return req;
}

}  // namespace

TEST_SUITE("static_files") {
  TEST_CASE("mime types by extension") {
    struct row {
      const char* name;
      const char* type;
    };
    for (const auto& r : {row{"index.html", "text/html; charset=utf-8"}, row{"a.js", "text/javascript; charset=utf-8"},
                          row{"a.css", "text/css; charset=utf-8"}, row{"a.svg", "image/svg+xml"},
                          row{"a.PNG", "image/png"}, row{"a.json", "application/json"},
                          row{"favicon.ico", "image/x-icon"}, row{"f.woff2", "font/woff2"},
                          row{"noext", "application/octet-stream"}, row{"a.exe", "application/octet-stream"}}) {
      CAPTURE(r.name);
      CHECK(server::mime_type(r.name) == r.type);
    }
  }

  TEST_CASE("which paths are static candidates") {
    struct row {
      const char* method;
      const char* path;
      bool expected;
    };
    for (const auto& r : {row{"GET", "/", true}, row{"HEAD", "/app.js", true}, row{"GET", "/cases/12", true},
                          row{"POST", "/", false}, row{"GET", "/api/v1/cases", false}, row{"GET", "/api", false},
                          row{"GET", "/healthz", false}, row{"GET", "/readyz", false}, row{"GET", "/metrics", false},
                          row{"GET", "/apis", true}, row{"GET", "/metricsx/y", true}}) {
      CAPTURE(r.method);
      CAPTURE(r.path);
      CHECK(server::is_static_candidate(r.method, r.path) == r.expected);
    }
  }

  TEST_CASE("serve: files, SPA fallback, traversal and escapes refused") {
    temp_web_root web;
    const server::static_files files{web.root()};
    struct row {
      const char* path;
      int status;
      const char* content_type;  // for 200
      const char* body_start;    // for 200
    };
    const std::vector<row> rows{
        {"/", 200, "text/html; charset=utf-8", "<!doctype"},
        {"/assets/app.js", 200, "text/javascript; charset=utf-8", "console"},
        {"/assets//style.css", 200, "text/css; charset=utf-8", "body"},
        {"/logo.svg", 200, "image/svg+xml", "<svg"},
        {"/cases/123/deadlines", 200, "text/html; charset=utf-8", "<!doctype"},  // SPA route
        {"/assets", 200, "text/html; charset=utf-8", "<!doctype"},               // a directory: SPA route
        {"/missing.js", 404, "", ""},
        {"/../secret.txt", 404, "", ""},
        {"/assets/../../secret.txt", 404, "", ""},
        {"/..", 404, "", ""},
        {"/.env", 404, "", ""},
        {"/link.txt", 404, "", ""},  // symlink out of the root
        {"/a\\..\\secret.txt", 404, "", ""},
    };
    for (const auto& r : rows) {
      CAPTURE(r.path);
      const auto res = files.serve(get(r.path));
      CHECK(res.status == r.status);
      CHECK(res.route == "static");
      CHECK(res.body.find("root:") == std::string::npos);
      if (r.status == 200) {
        CHECK(res.content_type == r.content_type);
        CHECK(res.body.rfind(r.body_start, 0) == 0);
        CHECK(res.header("Cache-Control") == "no-cache");
      } else {
        CHECK(res.content_type == "application/problem+json");
      }
    }
  }

  TEST_CASE("through the server: index with CSP, assets, SPA fallback, traversal refused, API untouched") {
    temp_web_root web;
    e2e::echo_app app;
    api::metrics metrics;
    auto config = e2e::test_http_config();
    config.web_root = web.root().string();
    e2e::running_server server{config, app, metrics};
    e2e::http_client client{server.port()};

    const auto index = client.request("GET", "/");
    CHECK(index.status == 200);
    CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(index.header("Cache-Control") == "no-cache");
    CHECK(index.header("Content-Security-Policy").value_or("").find("default-src 'self'") == 0);
    CHECK(index.header("X-Frame-Options") == "DENY");
    CHECK(index.body.find("<title>perkara</title>") != std::string::npos);

    const auto js = client.request("GET", "/assets/app.js");
    CHECK(js.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK_FALSE(js.header("Content-Security-Policy"));

    const auto head = client.request("HEAD", "/assets/app.js");
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("Content-Length") == std::to_string(js.body.size()));

    const auto spa = client.request("GET", "/cases/42?tab=deadlines");
    CHECK(spa.status == 200);
    CHECK(spa.body == index.body);

    for (const std::string target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt",
                                     "/..%2fsecret.txt", "/.env", "/link.txt", "/../../../../etc/passwd"}) {
      CAPTURE(target);
      e2e::http_client fresh{server.port()};
      const auto reply = fresh.request("GET", target);
      CHECK(reply.status != 200);
      CHECK(reply.body.find("root:") == std::string::npos);
      CHECK(reply.body.find("SECRET") == std::string::npos);
    }
    CHECK(app.calls.load() == 0);

    // API and health paths still reach the application.
    CHECK(client.request("GET", "/api/v1/things").body.find("\"path\":\"/api/v1/things\"") != std::string::npos);
    CHECK(client.request("GET", "/healthz").status == 200);
    CHECK(client.request("POST", "/").body.find("\"method\":\"POST\"") != std::string::npos);
    CHECK(app.calls.load() == 3);
    CHECK(metrics.render(0, 0).find(R"(route="static",status="200")") != std::string::npos);
  }

  TEST_CASE("validators, compression and versioned references") {
    temp_web_root web;
    const std::string css(4000, 'a');
    {
      std::ofstream{web.root() / "index.html"} << R"(<!doctype html><link href="/assets/style.css"><script src="/assets/app.js"></script>)";
      std::ofstream{web.root() / "assets" / "style.css"} << "body{}" << css;
      std::ofstream{web.root() / "assets" / "app.js"} << "import { x } from './dep.js';\nconst p = () => import('./dep.js');";
      std::ofstream{web.root() / "assets" / "dep.js"} << "export const x = 1;";
    }
    const server::static_files files{web.root()};
    const auto* dep = files.find("/assets/dep.js");
    const auto* app = files.find("/assets/app.js");
    REQUIRE(dep != nullptr);
    REQUIRE(app != nullptr);
    CHECK(dep->version.size() == 16);
    // Imports and page references carry the current version of what they name.
    CHECK(app->body == "import { x } from './dep.js?v=" + dep->version + "';\nconst p = () => import('./dep.js?v=" +
                           dep->version + "');");
    const auto index = files.serve(get("/"));
    CHECK(index.body.find("src=\"/assets/app.js?v=" + app->version + "\"") != std::string::npos);
    CHECK(index.body.find("href=\"/assets/style.css?v=" + files.find("/assets/style.css")->version + "\"") !=
          std::string::npos);
    CHECK(index.header("Cache-Control") == "no-cache");

    // A module's version covers what it imports: change the dependency, the importer's version changes.
    std::ofstream{web.root() / "assets" / "dep.js"} << "export const x = 2;";
    const server::static_files changed{web.root()};
    CHECK(changed.find("/assets/dep.js")->version != dep->version);
    CHECK(changed.find("/assets/app.js")->version != app->version);
    CHECK(changed.find("/assets/style.css")->version == files.find("/assets/style.css")->version);

    // Strong ETag; If-None-Match (also weak, also in a list) answers 304 without a body.
    auto req = get("/assets/app.js");
    const auto plain = files.serve(req);
    const std::string etag = "\"" + app->version + "\"";
    CHECK(plain.header("ETag") == etag);
    for (const std::string& condition : {etag, "W/" + etag, "\"other\", " + etag, std::string{"*"}}) {
      CAPTURE(condition);
      auto conditional = get("/assets/app.js");
      conditional.headers.emplace_back("if-none-match", condition);
      const auto res = files.serve(conditional);
      CHECK(res.status == 304);
      CHECK(res.body.empty());
      CHECK(res.header("ETag") == etag);
    }
    auto stale = get("/assets/app.js");
    stale.headers.emplace_back("if-none-match", "\"0000000000000000\"");
    CHECK(files.serve(stale).status == 200);

    // The current version is cacheable for a year; another or none is revalidated.
    auto versioned = get("/assets/app.js");
    versioned.query.emplace_back("v", app->version);
    CHECK(files.serve(versioned).header("Cache-Control") == "public, max-age=31536000, immutable");
    auto old = get("/assets/app.js");
    old.query.emplace_back("v", "0123456789abcdef");
    CHECK(files.serve(old).header("Cache-Control") == "no-cache");

    // gzip when accepted (Vary says so), identity otherwise; tiny files are not compressed.
    struct row {
      const char* accept;
      bool gzipped;
    };
    for (const auto& r : {row{"gzip, deflate, br", true}, row{"br;q=1.0, gzip;q=0.5", true}, row{"*", true},
                          row{"gzip;q=0", false}, row{"br", false}, row{"", false}}) {
      CAPTURE(r.accept);
      auto compressed = get("/assets/style.css");
      if (*r.accept != '\0') {
        compressed.headers.emplace_back("accept-encoding", r.accept);
      }
      const auto res = files.serve(compressed);
      CHECK(res.status == 200);
      CHECK(res.header("Vary") == "Accept-Encoding");
      CHECK(res.header("Content-Encoding").has_value() == r.gzipped);
      if (r.gzipped) {
        CHECK(res.body.rfind("\x1f\x8b", 0) == 0);
        CHECK(res.body.size() < 200);
        CHECK(res.header("ETag") != files.serve(get("/assets/style.css")).header("ETag"));
      } else {
        CHECK(res.body.size() == css.size() + 6);
      }
    }
    auto small = get("/assets/dep.js");
    small.headers.emplace_back("accept-encoding", "gzip");
    CHECK_FALSE(files.serve(small).header("Content-Encoding"));
    CHECK_FALSE(files.serve(small).header("Vary"));
  }
}
