#include "server/backup_manifest.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace perkara::server {
namespace {

constexpr const char* format_name = "perkara-backup/1";

}  // namespace

std::string to_json(const backup_manifest& m) {
  boost::json::object counts;
  for (const auto& [table, rows] : m.counts) {
    counts[table] = rows;
  }
  boost::json::array files;
  for (const auto& [sha, size] : m.files) {
    files.push_back(boost::json::object{{"sha256", sha}, {"size", size}});
  }
  const boost::json::object o{
      {"format", format_name},
      {"created_at", m.created_at},
      {"backend", m.kind == persistence::backend::sqlite ? "sqlite" : "mysql"},
      {"schema_version", m.schema_version},
      {"database", {{"file", m.database_file}, {"sha256", m.database_sha256}, {"size", m.database_size}}},
      {"counts", std::move(counts)},
      {"files", std::move(files)},
  };
  return boost::json::serialize(o) + "\n";
}

backup_manifest read_manifest(const std::filesystem::path& dir) {
  const auto path = dir / manifest_name;
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("no backup here: " + path.string() + " is missing (an unfinished backup has none)");
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    const auto v = boost::json::parse(text.str());
    const auto& o = v.as_object();
    if (o.at("format").as_string() != format_name) {
      throw std::runtime_error("unknown backup format");
    }
    backup_manifest m;
    m.created_at = std::string{o.at("created_at").as_string()};
    m.kind = o.at("backend").as_string() == "sqlite" ? persistence::backend::sqlite : persistence::backend::mysql;
    m.schema_version = boost::json::value_to<int>(o.at("schema_version"));
    const auto& db = o.at("database").as_object();
    m.database_file = std::string{db.at("file").as_string()};
    m.database_sha256 = std::string{db.at("sha256").as_string()};
    m.database_size = boost::json::value_to<std::uint64_t>(db.at("size"));
    for (const auto& [table, rows] : o.at("counts").as_object()) {
      m.counts.emplace_back(std::string{table}, boost::json::value_to<long long>(rows));
    }
    for (const auto& f : o.at("files").as_array()) {
      m.files.emplace_back(std::string{f.at("sha256").as_string()}, boost::json::value_to<std::uint64_t>(f.at("size")));
    }
    if (m.database_file.find('/') != std::string::npos) {
      throw std::runtime_error("database file outside the backup");
    }
    return m;
  } catch (const std::exception& e) {
    throw std::runtime_error("unreadable backup manifest " + path.string() + ": " + e.what());
  }
}

}  // namespace perkara::server
