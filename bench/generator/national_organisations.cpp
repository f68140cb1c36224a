#include "bench/generator/national_organisations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace perkara::bench {
namespace {

constexpr int wib = 7 * 60;
constexpr int wita = 8 * 60;
constexpr int wit = 9 * 60;

struct regency_info {
  const char* province;  // province slug
  const char* slug;      // organisation codes kpu-<slug>, bawaslu-<slug>
  const char* name;      // "Kota Surabaya", "Kabupaten Sidoarjo"
  const char* region;    // Kemendagri code
};

// Capitals and the larger regencies of every province; a Kabupaten sharing its name with a Kota gets
// the "kab-" prefix (kpu-kab-bogor beside kpu-bogor).
// clang-format off
constexpr regency_info regencies[] = {
    {"aceh", "banda-aceh", "Kota Banda Aceh", "11.71"}, {"aceh", "aceh-besar", "Kabupaten Aceh Besar", "11.06"},
    {"aceh", "pidie", "Kabupaten Pidie", "11.07"}, {"aceh", "aceh-utara", "Kabupaten Aceh Utara", "11.08"},
    {"aceh", "lhokseumawe", "Kota Lhokseumawe", "11.73"}, {"aceh", "aceh-tengah", "Kabupaten Aceh Tengah", "11.04"},
    {"sumut", "medan", "Kota Medan", "12.71"}, {"sumut", "deli-serdang", "Kabupaten Deli Serdang", "12.07"},
    {"sumut", "langkat", "Kabupaten Langkat", "12.05"}, {"sumut", "simalungun", "Kabupaten Simalungun", "12.08"},
    {"sumut", "asahan", "Kabupaten Asahan", "12.09"}, {"sumut", "pematangsiantar", "Kota Pematangsiantar", "12.72"},
    {"sumut", "karo", "Kabupaten Karo", "12.06"}, {"sumut", "binjai", "Kota Binjai", "12.75"},
    {"sumut", "serdang-bedagai", "Kabupaten Serdang Bedagai", "12.18"}, {"sumut", "labuhanbatu", "Kabupaten Labuhanbatu", "12.10"},
    {"sumbar", "padang", "Kota Padang", "13.71"}, {"sumbar", "agam", "Kabupaten Agam", "13.06"},
    {"sumbar", "padang-pariaman", "Kabupaten Padang Pariaman", "13.05"}, {"sumbar", "pesisir-selatan", "Kabupaten Pesisir Selatan", "13.01"},
    {"sumbar", "bukittinggi", "Kota Bukittinggi", "13.75"}, {"sumbar", "tanah-datar", "Kabupaten Tanah Datar", "13.04"},
    {"riau", "pekanbaru", "Kota Pekanbaru", "14.71"}, {"riau", "kampar", "Kabupaten Kampar", "14.06"},
    {"riau", "indragiri-hilir", "Kabupaten Indragiri Hilir", "14.03"}, {"riau", "bengkalis", "Kabupaten Bengkalis", "14.08"},
    {"riau", "rokan-hilir", "Kabupaten Rokan Hilir", "14.07"}, {"riau", "dumai", "Kota Dumai", "14.72"},
    {"jambi", "kota-jambi", "Kota Jambi", "15.71"}, {"jambi", "muaro-jambi", "Kabupaten Muaro Jambi", "15.05"},
    {"jambi", "merangin", "Kabupaten Merangin", "15.02"}, {"jambi", "bungo", "Kabupaten Bungo", "15.09"},
    {"jambi", "kerinci", "Kabupaten Kerinci", "15.01"},
    {"sumsel", "palembang", "Kota Palembang", "16.71"}, {"sumsel", "banyuasin", "Kabupaten Banyuasin", "16.07"},
    {"sumsel", "ogan-komering-ilir", "Kabupaten Ogan Komering Ilir", "16.02"}, {"sumsel", "muara-enim", "Kabupaten Muara Enim", "16.03"},
    {"sumsel", "musi-banyuasin", "Kabupaten Musi Banyuasin", "16.06"}, {"sumsel", "lubuklinggau", "Kota Lubuklinggau", "16.73"},
    {"sumsel", "lahat", "Kabupaten Lahat", "16.04"},
    {"bengkulu", "kota-bengkulu", "Kota Bengkulu", "17.71"}, {"bengkulu", "rejang-lebong", "Kabupaten Rejang Lebong", "17.02"},
    {"bengkulu", "bengkulu-utara", "Kabupaten Bengkulu Utara", "17.03"}, {"bengkulu", "seluma", "Kabupaten Seluma", "17.05"},
    {"bengkulu", "kaur", "Kabupaten Kaur", "17.04"},
    {"lampung", "bandar-lampung", "Kota Bandar Lampung", "18.71"}, {"lampung", "lampung-tengah", "Kabupaten Lampung Tengah", "18.02"},
    {"lampung", "lampung-selatan", "Kabupaten Lampung Selatan", "18.01"}, {"lampung", "lampung-timur", "Kabupaten Lampung Timur", "18.07"},
    {"lampung", "tanggamus", "Kabupaten Tanggamus", "18.06"}, {"lampung", "metro", "Kota Metro", "18.72"},
    {"lampung", "pringsewu", "Kabupaten Pringsewu", "18.10"}, {"lampung", "lampung-utara", "Kabupaten Lampung Utara", "18.03"},
    {"kepri", "batam", "Kota Batam", "21.71"}, {"kepri", "tanjungpinang", "Kota Tanjungpinang", "21.72"},
    {"kepri", "bintan", "Kabupaten Bintan", "21.01"}, {"kepri", "karimun", "Kabupaten Karimun", "21.02"},
    {"kepri", "lingga", "Kabupaten Lingga", "21.04"},
    {"dki", "jakarta-pusat", "Kota Jakarta Pusat", "31.73"}, {"dki", "jakarta-utara", "Kota Jakarta Utara", "31.75"},
    {"dki", "jakarta-barat", "Kota Jakarta Barat", "31.74"}, {"dki", "jakarta-selatan", "Kota Jakarta Selatan", "31.71"},
    {"dki", "jakarta-timur", "Kota Jakarta Timur", "31.72"}, {"dki", "kepulauan-seribu", "Kabupaten Kepulauan Seribu", "31.01"},
    {"jabar", "bandung", "Kota Bandung", "32.73"}, {"jabar", "kab-bandung", "Kabupaten Bandung", "32.04"},
    {"jabar", "bogor", "Kota Bogor", "32.71"}, {"jabar", "kab-bogor", "Kabupaten Bogor", "32.01"},
    {"jabar", "bekasi", "Kota Bekasi", "32.75"}, {"jabar", "kab-bekasi", "Kabupaten Bekasi", "32.16"},
    {"jabar", "karawang", "Kabupaten Karawang", "32.15"}, {"jabar", "garut", "Kabupaten Garut", "32.05"},
    {"jabar", "cirebon", "Kota Cirebon", "32.74"}, {"jabar", "kab-cirebon", "Kabupaten Cirebon", "32.09"},
    {"jabar", "depok", "Kota Depok", "32.76"}, {"jabar", "sukabumi", "Kabupaten Sukabumi", "32.02"},
    {"jabar", "tasikmalaya", "Kabupaten Tasikmalaya", "32.06"}, {"jabar", "cianjur", "Kabupaten Cianjur", "32.03"},
    {"jabar", "indramayu", "Kabupaten Indramayu", "32.12"}, {"jabar", "subang", "Kabupaten Subang", "32.13"},
    {"jabar", "purwakarta", "Kabupaten Purwakarta", "32.14"}, {"jabar", "cimahi", "Kota Cimahi", "32.77"},
    {"jateng", "semarang", "Kota Semarang", "33.74"}, {"jateng", "kab-semarang", "Kabupaten Semarang", "33.22"},
    {"jateng", "banyumas", "Kabupaten Banyumas", "33.02"}, {"jateng", "cilacap", "Kabupaten Cilacap", "33.01"},
    {"jateng", "brebes", "Kabupaten Brebes", "33.29"}, {"jateng", "tegal", "Kota Tegal", "33.76"},
    {"jateng", "kab-tegal", "Kabupaten Tegal", "33.28"}, {"jateng", "surakarta", "Kota Surakarta", "33.72"},
    {"jateng", "klaten", "Kabupaten Klaten", "33.10"}, {"jateng", "grobogan", "Kabupaten Grobogan", "33.15"},
    {"jateng", "pati", "Kabupaten Pati", "33.18"}, {"jateng", "kudus", "Kabupaten Kudus", "33.19"},
    {"jateng", "magelang", "Kota Magelang", "33.71"}, {"jateng", "kab-magelang", "Kabupaten Magelang", "33.08"},
    {"jateng", "kebumen", "Kabupaten Kebumen", "33.05"}, {"jateng", "pekalongan", "Kota Pekalongan", "33.75"},
    {"diy", "yogyakarta", "Kota Yogyakarta", "34.71"}, {"diy", "sleman", "Kabupaten Sleman", "34.04"},
    {"diy", "bantul", "Kabupaten Bantul", "34.02"}, {"diy", "kulon-progo", "Kabupaten Kulon Progo", "34.01"},
    {"diy", "gunungkidul", "Kabupaten Gunungkidul", "34.03"},
    {"jatim", "surabaya", "Kota Surabaya", "35.78"}, {"jatim", "sidoarjo", "Kabupaten Sidoarjo", "35.15"},
    {"jatim", "malang", "Kota Malang", "35.73"}, {"jatim", "kab-malang", "Kabupaten Malang", "35.07"},
    {"jatim", "jember", "Kabupaten Jember", "35.09"}, {"jatim", "gresik", "Kabupaten Gresik", "35.25"},
    {"jatim", "banyuwangi", "Kabupaten Banyuwangi", "35.10"}, {"jatim", "pasuruan", "Kota Pasuruan", "35.75"},
    {"jatim", "kab-pasuruan", "Kabupaten Pasuruan", "35.14"}, {"jatim", "kediri", "Kota Kediri", "35.71"},
    {"jatim", "kab-kediri", "Kabupaten Kediri", "35.06"}, {"jatim", "mojokerto", "Kota Mojokerto", "35.76"},
    {"jatim", "kab-mojokerto", "Kabupaten Mojokerto", "35.16"}, {"jatim", "jombang", "Kabupaten Jombang", "35.17"},
    {"jatim", "lamongan", "Kabupaten Lamongan", "35.24"}, {"jatim", "tuban", "Kabupaten Tuban", "35.23"},
    {"jatim", "bojonegoro", "Kabupaten Bojonegoro", "35.22"}, {"jatim", "madiun", "Kota Madiun", "35.77"},
    {"jatim", "kab-madiun", "Kabupaten Madiun", "35.19"}, {"jatim", "probolinggo", "Kota Probolinggo", "35.74"},
    {"jatim", "kab-probolinggo", "Kabupaten Probolinggo", "35.13"}, {"jatim", "sumenep", "Kabupaten Sumenep", "35.29"},
    {"jatim", "bangkalan", "Kabupaten Bangkalan", "35.26"}, {"jatim", "tulungagung", "Kabupaten Tulungagung", "35.04"},
    {"jatim", "blitar", "Kota Blitar", "35.72"}, {"jatim", "kab-blitar", "Kabupaten Blitar", "35.05"},
    {"jatim", "ponorogo", "Kabupaten Ponorogo", "35.02"}, {"jatim", "batu", "Kota Batu", "35.79"},
    {"banten", "kota-serang", "Kota Serang", "36.73"}, {"banten", "serang", "Kabupaten Serang", "36.04"},
    {"banten", "kab-tangerang", "Kabupaten Tangerang", "36.03"}, {"banten", "tangerang", "Kota Tangerang", "36.71"},
    {"banten", "tangerang-selatan", "Kota Tangerang Selatan", "36.74"}, {"banten", "pandeglang", "Kabupaten Pandeglang", "36.01"},
    {"banten", "lebak", "Kabupaten Lebak", "36.02"}, {"banten", "cilegon", "Kota Cilegon", "36.72"},
    {"bali", "denpasar", "Kota Denpasar", "51.71"}, {"bali", "badung", "Kabupaten Badung", "51.03"},
    {"bali", "gianyar", "Kabupaten Gianyar", "51.04"}, {"bali", "tabanan", "Kabupaten Tabanan", "51.02"},
    {"bali", "buleleng", "Kabupaten Buleleng", "51.08"}, {"bali", "karangasem", "Kabupaten Karangasem", "51.07"},
    {"ntb", "mataram", "Kota Mataram", "52.71"}, {"ntb", "lombok-barat", "Kabupaten Lombok Barat", "52.01"},
    {"ntb", "lombok-tengah", "Kabupaten Lombok Tengah", "52.02"}, {"ntb", "lombok-timur", "Kabupaten Lombok Timur", "52.03"},
    {"ntb", "sumbawa", "Kabupaten Sumbawa", "52.04"}, {"ntb", "bima", "Kota Bima", "52.72"},
    {"ntb", "kab-bima", "Kabupaten Bima", "52.06"},
    {"ntt", "kupang", "Kota Kupang", "53.71"}, {"ntt", "kab-kupang", "Kabupaten Kupang", "53.01"},
    {"ntt", "timor-tengah-selatan", "Kabupaten Timor Tengah Selatan", "53.02"}, {"ntt", "belu", "Kabupaten Belu", "53.04"},
    {"ntt", "sikka", "Kabupaten Sikka", "53.07"}, {"ntt", "manggarai", "Kabupaten Manggarai", "53.10"},
    {"ntt", "sumba-timur", "Kabupaten Sumba Timur", "53.11"},
    {"kalbar", "pontianak", "Kota Pontianak", "61.71"}, {"kalbar", "kubu-raya", "Kabupaten Kubu Raya", "61.12"},
    {"kalbar", "sambas", "Kabupaten Sambas", "61.01"}, {"kalbar", "ketapang", "Kabupaten Ketapang", "61.06"},
    {"kalbar", "sanggau", "Kabupaten Sanggau", "61.03"}, {"kalbar", "singkawang", "Kota Singkawang", "61.72"},
    {"kalteng", "palangka-raya", "Kota Palangka Raya", "62.71"}, {"kalteng", "kotawaringin-timur", "Kabupaten Kotawaringin Timur", "62.02"},
    {"kalteng", "kotawaringin-barat", "Kabupaten Kotawaringin Barat", "62.01"}, {"kalteng", "kapuas", "Kabupaten Kapuas", "62.03"},
    {"kalteng", "barito-selatan", "Kabupaten Barito Selatan", "62.04"},
    {"kalsel", "banjarmasin", "Kota Banjarmasin", "63.71"}, {"kalsel", "banjar", "Kabupaten Banjar", "63.03"},
    {"kalsel", "banjarbaru", "Kota Banjarbaru", "63.72"}, {"kalsel", "tanah-laut", "Kabupaten Tanah Laut", "63.01"},
    {"kalsel", "hulu-sungai-selatan", "Kabupaten Hulu Sungai Selatan", "63.06"}, {"kalsel", "tabalong", "Kabupaten Tabalong", "63.09"},
    {"kaltim", "samarinda", "Kota Samarinda", "64.72"}, {"kaltim", "balikpapan", "Kota Balikpapan", "64.71"},
    {"kaltim", "kutai-kartanegara", "Kabupaten Kutai Kartanegara", "64.02"}, {"kaltim", "kutai-timur", "Kabupaten Kutai Timur", "64.08"},
    {"kaltim", "berau", "Kabupaten Berau", "64.05"}, {"kaltim", "paser", "Kabupaten Paser", "64.01"},
    {"kaltara", "bulungan", "Kabupaten Bulungan", "65.01"}, {"kaltara", "tarakan", "Kota Tarakan", "65.71"},
    {"kaltara", "nunukan", "Kabupaten Nunukan", "65.03"}, {"kaltara", "malinau", "Kabupaten Malinau", "65.02"},
    {"sulut", "manado", "Kota Manado", "71.71"}, {"sulut", "minahasa", "Kabupaten Minahasa", "71.02"},
    {"sulut", "bitung", "Kota Bitung", "71.72"}, {"sulut", "bolaang-mongondow", "Kabupaten Bolaang Mongondow", "71.01"},
    {"sulut", "minahasa-utara", "Kabupaten Minahasa Utara", "71.06"},
    {"sulteng", "palu", "Kota Palu", "72.71"}, {"sulteng", "donggala", "Kabupaten Donggala", "72.03"},
    {"sulteng", "parigi-moutong", "Kabupaten Parigi Moutong", "72.08"}, {"sulteng", "banggai", "Kabupaten Banggai", "72.01"},
    {"sulteng", "poso", "Kabupaten Poso", "72.02"}, {"sulteng", "sigi", "Kabupaten Sigi", "72.10"},
    {"sulsel", "makassar", "Kota Makassar", "73.71"}, {"sulsel", "gowa", "Kabupaten Gowa", "73.06"},
    {"sulsel", "bone", "Kabupaten Bone", "73.08"}, {"sulsel", "maros", "Kabupaten Maros", "73.09"},
    {"sulsel", "parepare", "Kota Parepare", "73.72"}, {"sulsel", "bulukumba", "Kabupaten Bulukumba", "73.02"},
    {"sulsel", "sidenreng-rappang", "Kabupaten Sidenreng Rappang", "73.14"}, {"sulsel", "luwu", "Kabupaten Luwu", "73.17"},
    {"sultra", "kendari", "Kota Kendari", "74.71"}, {"sultra", "konawe", "Kabupaten Konawe", "74.02"},
    {"sultra", "kolaka", "Kabupaten Kolaka", "74.04"}, {"sultra", "muna", "Kabupaten Muna", "74.01"},
    {"sultra", "baubau", "Kota Baubau", "74.72"},
    {"gorontalo", "kota-gorontalo", "Kota Gorontalo", "75.71"}, {"gorontalo", "kab-gorontalo", "Kabupaten Gorontalo", "75.01"},
    {"gorontalo", "boalemo", "Kabupaten Boalemo", "75.02"}, {"gorontalo", "pohuwato", "Kabupaten Pohuwato", "75.04"},
    {"sulbar", "mamuju", "Kabupaten Mamuju", "76.04"}, {"sulbar", "polewali-mandar", "Kabupaten Polewali Mandar", "76.03"},
    {"sulbar", "majene", "Kabupaten Majene", "76.05"}, {"sulbar", "mamasa", "Kabupaten Mamasa", "76.02"},
    {"maluku", "ambon", "Kota Ambon", "81.71"}, {"maluku", "maluku-tengah", "Kabupaten Maluku Tengah", "81.01"},
    {"maluku", "seram-bagian-barat", "Kabupaten Seram Bagian Barat", "81.06"}, {"maluku", "buru", "Kabupaten Buru", "81.04"},
    {"maluku", "tual", "Kota Tual", "81.72"},
    {"malut", "ternate", "Kota Ternate", "82.71"}, {"malut", "halmahera-utara", "Kabupaten Halmahera Utara", "82.03"},
    {"malut", "tidore-kepulauan", "Kota Tidore Kepulauan", "82.72"}, {"malut", "halmahera-selatan", "Kabupaten Halmahera Selatan", "82.04"},
    {"papua", "jayapura", "Kota Jayapura", "91.71"}, {"papua", "kab-jayapura", "Kabupaten Jayapura", "91.03"},
    {"papua", "keerom", "Kabupaten Keerom", "91.20"}, {"papua", "biak-numfor", "Kabupaten Biak Numfor", "91.06"},
    {"papua-barat", "manokwari", "Kabupaten Manokwari", "92.02"}, {"papua-barat", "teluk-bintuni", "Kabupaten Teluk Bintuni", "92.06"},
    {"papua-barat", "fakfak", "Kabupaten Fakfak", "92.03"},
    {"papua-selatan", "merauke", "Kabupaten Merauke", "93.01"}, {"papua-selatan", "mappi", "Kabupaten Mappi", "93.03"},
    {"papua-selatan", "asmat", "Kabupaten Asmat", "93.04"},
    {"papua-tengah", "nabire", "Kabupaten Nabire", "94.01"}, {"papua-tengah", "mimika", "Kabupaten Mimika", "94.04"},
    {"papua-tengah", "paniai", "Kabupaten Paniai", "94.02"},
    {"papua-pegunungan", "jayawijaya", "Kabupaten Jayawijaya", "95.01"}, {"papua-pegunungan", "lanny-jaya", "Kabupaten Lanny Jaya", "95.03"},
    {"papua-pegunungan", "yahukimo", "Kabupaten Yahukimo", "95.04"},
    {"papua-barat-daya", "sorong", "Kota Sorong", "96.71"}, {"papua-barat-daya", "kab-sorong", "Kabupaten Sorong", "96.01"},
    {"papua-barat-daya", "raja-ampat", "Kabupaten Raja Ampat", "96.05"},
};
// clang-format on

domain::organisation make(std::string code, std::string name, domain::organisation_kind kind,
                          domain::organisation_level level, std::optional<std::string> parent, std::string region,
                          int offset) {
  domain::organisation o;
  o.code = std::move(code);
  o.name = std::move(name);
  o.kind = kind;
  o.level = level;
  o.parent = std::move(parent);
  o.region_code = std::move(region);
  o.utc_offset_minutes = offset;
  return o;
}

}  // namespace

const std::vector<province_info>& provinces() {
  // clang-format off
  static const std::vector<province_info> all = {
      {"aceh", "Aceh", "11", wib, 5.4}, {"sumut", "Sumatera Utara", "12", wib, 15.4},
      {"sumbar", "Sumatera Barat", "13", wib, 5.6}, {"riau", "Riau", "14", wib, 6.6},
      {"jambi", "Jambi", "15", wib, 3.6}, {"sumsel", "Sumatera Selatan", "16", wib, 8.7},
      {"bengkulu", "Bengkulu", "17", wib, 2.1}, {"lampung", "Lampung", "18", wib, 9.2},
      {"babel", "Kepulauan Bangka Belitung", "19", wib, 1.5}, {"kepri", "Kepulauan Riau", "21", wib, 2.1},
      {"dki", "DKI Jakarta", "31", wib, 10.7}, {"jabar", "Jawa Barat", "32", wib, 49.9},
      {"jateng", "Jawa Tengah", "33", wib, 37.5}, {"diy", "Daerah Istimewa Yogyakarta", "34", wib, 3.7},
      {"jatim", "Jawa Timur", "35", wib, 41.4}, {"banten", "Banten", "36", wib, 12.3},
      {"bali", "Bali", "51", wita, 4.4}, {"ntb", "Nusa Tenggara Barat", "52", wita, 5.6},
      {"ntt", "Nusa Tenggara Timur", "53", wita, 5.6}, {"kalbar", "Kalimantan Barat", "61", wib, 5.5},
      {"kalteng", "Kalimantan Tengah", "62", wib, 2.7}, {"kalsel", "Kalimantan Selatan", "63", wita, 4.2},
      {"kaltim", "Kalimantan Timur", "64", wita, 3.9}, {"kaltara", "Kalimantan Utara", "65", wita, 0.7},
      {"sulut", "Sulawesi Utara", "71", wita, 2.7}, {"sulteng", "Sulawesi Tengah", "72", wita, 3.1},
      {"sulsel", "Sulawesi Selatan", "73", wita, 9.4}, {"sultra", "Sulawesi Tenggara", "74", wita, 2.7},
      {"gorontalo", "Gorontalo", "75", wita, 1.2}, {"sulbar", "Sulawesi Barat", "76", wita, 1.5},
      {"maluku", "Maluku", "81", wit, 1.9}, {"malut", "Maluku Utara", "82", wit, 1.3},
      {"papua", "Papua", "91", wit, 1.0}, {"papua-barat", "Papua Barat", "92", wit, 0.6},
      {"papua-selatan", "Papua Selatan", "93", wit, 0.5}, {"papua-tengah", "Papua Tengah", "94", wit, 1.4},
      {"papua-pegunungan", "Papua Pegunungan", "95", wit, 1.4}, {"papua-barat-daya", "Papua Barat Daya", "96", wit, 0.6},
  };
  // clang-format on
  return all;
}

std::vector<domain::organisation> synthetic_organisations() {
  using domain::organisation_kind;
  using domain::organisation_level;
  std::vector<domain::organisation> out;
  std::set<std::string> shipped_province = {"babel"};  // data/organisations.csv has them
  for (const auto& p : provinces()) {
    if (shipped_province.contains(p.slug)) {
      continue;
    }
    out.push_back(make("ki-" + p.slug, "Komisi Informasi Provinsi " + p.name, organisation_kind::ki,
                       organisation_level::province, "ki-pusat", p.region, p.utc_offset_minutes));
  }
  for (const auto& p : provinces()) {
    if (shipped_province.contains(p.slug)) {
      continue;
    }
    out.push_back(make("kpu-" + p.slug, "KPU Provinsi " + p.name, organisation_kind::kpu, organisation_level::province,
                       "kpu-ri", p.region, p.utc_offset_minutes));
    out.push_back(make("bawaslu-" + p.slug, "Bawaslu Provinsi " + p.name, organisation_kind::bawaslu,
                       organisation_level::province, "bawaslu-ri", p.region, p.utc_offset_minutes));
  }
  for (const auto& r : regencies) {
    const auto& p = *std::find_if(provinces().begin(), provinces().end(),
                                  [&](const province_info& x) { return x.slug == r.province; });
    out.push_back(make(fmt::format("kpu-{}", r.slug), fmt::format("KPU {}", r.name), organisation_kind::kpu,
                       organisation_level::regency, "kpu-" + p.slug, r.region, p.utc_offset_minutes));
    out.push_back(make(fmt::format("bawaslu-{}", r.slug), fmt::format("Bawaslu {}", r.name),
                       organisation_kind::bawaslu, organisation_level::regency, "bawaslu-" + p.slug, r.region,
                       p.utc_offset_minutes));
  }
  return out;
}

}  // namespace perkara::bench
