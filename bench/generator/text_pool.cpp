#include "bench/generator/text_pool.hpp"

#include <fmt/format.h>

#include <cctype>

namespace perkara::bench {
namespace {

constexpr const char* first_names[] = {
    "Budi", "Siti", "Agus", "Dewi", "Rahmat", "Nurhayati", "Hendra", "Sri", "Andi", "Rina", "Yusuf", "Fitri",
    "Eko", "Wulan", "Fajar", "Indah", "Taufik", "Maya", "Rudi", "Lestari", "Dedi", "Ayu", "Bayu", "Putri",
    "Irfan", "Ratna", "Joko", "Mega", "Arif", "Novi", "Hadi", "Yuliana", "Made", "Ketut", "Gede", "Komang",
    "Ahmad", "Fatimah", "Muhammad", "Aisyah", "Ikhsan", "Rizky", "Dian", "Sinta", "Yohanes", "Maria", "Petrus",
    "Theresia", "Samuel", "Grace"};
constexpr const char* last_names[] = {
    "Santoso", "Wijaya", "Hidayat", "Saputra", "Lestari", "Nugroho", "Pratama", "Kusuma", "Setiawan", "Rahmawati",
    "Hasibuan", "Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sembiring", "Ginting", "Tanjung",
    "Daulay", "Wibowo", "Purnomo", "Susanto", "Kurniawan", "Permana", "Suryadi", "Hakim", "Syahputra", "Ramadhan",
    "Maulana", "Pangaribuan", "Sitompul", "Manurung", "Tambunan", "Mandagi", "Lumentut", "Rumbiak", "Wenda",
    "Latuconsina", "Pattimura", "Daeng", "Rusdi", "Amir", "Yamin", "Salim", "Halim", "Gunawan", "Hartono"};
constexpr const char* institution_prefixes[] = {"Yayasan", "Perkumpulan", "Lembaga Bantuan Hukum", "Lembaga Kajian",
                                                "Pusat Studi", "Indonesia Corruption Watch Wilayah"};
constexpr const char* institution_topics[] = {"Demokrasi", "Keterbukaan Informasi", "Pemilu Bersih", "Hak Pilih",
                                              "Tata Kelola Pemerintahan", "Pemantau Pemilu", "Suara Rakyat",
                                              "Advokasi Publik", "Integritas Pemilu", "Kebijakan Publik"};
constexpr const char* group_prefixes[] = {"Koalisi Masyarakat Sipil", "Forum Jurnalis", "Komunitas Pemilih Muda",
                                          "Forum Warga", "Aliansi Mahasiswa", "Jaringan Pemantau"};
constexpr const char* streets[] = {"Jl. Jenderal Sudirman", "Jl. Ahmad Yani", "Jl. Diponegoro", "Jl. Gajah Mada",
                                   "Jl. Pahlawan", "Jl. Merdeka", "Jl. Imam Bonjol", "Jl. Hasanuddin",
                                   "Jl. Pattimura", "Jl. Teuku Umar", "Jl. Kartini", "Jl. Veteran",
                                   "Jl. Gatot Subroto", "Jl. Sisingamangaraja", "Jl. Cut Nyak Dhien"};
constexpr const char* mail_domains[] = {"gmail.com", "yahoo.co.id", "example.id", "mail.id", "outlook.co.id"};

constexpr const char* kpu_documents[] = {
    "Salinan formulir Model C.Hasil TPS {tps:03} Kelurahan {kel}",
    "Salinan formulir Model D.Hasil Kecamatan {kec}",
    "Daftar Pemilih Tetap (rekapitulasi) Kecamatan {kec}",
    "Berita acara rekapitulasi hasil penghitungan suara tingkat {area}",
    "Dokumen anggaran pengadaan logistik pemilu {area} tahun {year}",
    "Daftar anggota KPPS Kelurahan {kel}",
    "Surat keputusan pembentukan PPK dan PPS se-{area}",
    "Laporan dana kampanye peserta pemilu di {area}",
    "Data jumlah pemilih disabilitas per kecamatan di {area}",
    "Notulen rapat pleno penetapan calon terpilih {area}",
    "Dokumen verifikasi faktual syarat dukungan calon perseorangan {area}",
    "Rincian honorarium badan ad hoc {area} tahun {year}",
};
constexpr const char* bawaslu_documents[] = {
    "Laporan hasil pengawasan tahapan kampanye di {area}",
    "Rekapitulasi temuan dan laporan dugaan pelanggaran pemilu di {area}",
    "Putusan penyelesaian sengketa proses pemilu nomor {tps:03}/PS.REG/{year}",
    "Laporan hasil pengawasan masa tenang Kecamatan {kec}",
    "Daftar pengawas TPS Kecamatan {kec}",
    "Dokumen penanganan pelanggaran netralitas ASN di {area}",
    "Laporan penggunaan dana hibah pengawasan pemilihan {area} tahun {year}",
    "Hasil pengawasan pemutakhiran data pemilih Kelurahan {kel}",
};
constexpr const char* places[] = {"Sukamaju", "Sukajadi", "Mekarsari", "Sumbersari", "Karanganyar", "Tanjungsari",
                                  "Sidomulyo", "Margajaya", "Kebonsari", "Purwodadi", "Wonosari", "Cempaka",
                                  "Bukit Indah", "Kampung Baru", "Pasar Lama", "Tegalrejo", "Banjarsari", "Ngemplak"};
constexpr const char* purposes[] = {"Pemantauan pemilu", "Penelitian skripsi", "Kajian kebijakan publik",
                                    "Liputan media", "Advokasi hak pilih", "Bahan laporan pemantauan",
                                    "Informasi bagi warga", "Pengawasan penggunaan anggaran"};

std::string lower_word(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == ' ' && !out.empty() && out.back() != '.') {
      out += '.';
    }
  }
  return out;
}

}  // namespace

std::string person_name(random_source& r) { return fmt::format("{} {}", r.pick(first_names), r.pick(last_names)); }

std::string institution_name(random_source& r) {
  return fmt::format("{} {}", r.pick(institution_prefixes), r.pick(institution_topics));
}

std::string group_name(random_source& r) { return fmt::format("{} {}", r.pick(group_prefixes), r.pick(places)); }

std::string nik(random_source& r, std::string_view region_code) {
  std::string digits;
  for (char c : region_code) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    }
  }
  while (digits.size() < 4) {
    digits += '0';
  }
  return fmt::format("{}{:02}{:02}{:02}{:02}{:04}", digits.substr(0, 4), r.between(1, 30), r.between(1, 71),
                     r.between(1, 12), r.between(60, 99), r.between(1, 9999));
}

std::string street_address(random_source& r, std::string_view area) {
  return fmt::format("{} No. {}, {}", r.pick(streets), r.between(1, 250), area);
}

std::string email_address(random_source& r, std::string_view name) {
  return fmt::format("{}{}@{}", lower_word(name), r.between(1, 999), r.pick(mail_domains));
}

std::string phone_number(random_source& r) {
  return fmt::format("+628{}{:08}", r.between(11, 59), r.between(0, 99999999));
}

std::string information_requested(random_source& r, domain::organisation_kind kind, std::string_view area) {
  const std::string_view pattern =
      kind == domain::organisation_kind::bawaslu ? r.pick(bawaslu_documents) : r.pick(kpu_documents);
  return fmt::format(fmt::runtime(pattern), fmt::arg("tps", r.between(1, 120)), fmt::arg("kel", r.pick(places)),
                     fmt::arg("kec", r.pick(places)), fmt::arg("area", area), fmt::arg("year", r.between(2023, 2025)));
}

std::string request_purpose(random_source& r) { return r.pick(purposes); }

std::string area_of(const domain::organisation& org) {
  std::string_view name = org.name;
  for (std::string_view prefix : {"KPU ", "Bawaslu ", "Komisi Informasi "}) {
    if (name.starts_with(prefix)) {
      return std::string(name.substr(prefix.size()));
    }
  }
  return std::string(name);
}

}  // namespace perkara::bench
