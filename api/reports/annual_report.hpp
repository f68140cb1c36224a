#pragma once
// The annual report tables a PPID and a KI publish (issue 18, docs/open-data.md "Annual report
// tables"), in Bahasa Indonesia, from the same measures as the reports: one list of tables rendered as
// a print-ready HTML page and as CSV.

#include "api/reports/report_service.hpp"

#include <string>
#include <vector>

namespace perkara::api {

struct report_table {
  std::string title;
  std::vector<std::pair<std::string, std::string>> rows;  // label, value as people read it
};

std::vector<report_table> ppid_annual_tables(const domain::reports::ppid_report& r);
std::vector<report_table> ki_annual_tables(const domain::reports::ki_report& r);

/// A print-ready page: the heading (scope and period) and each table.
std::string annual_report_html(const std::string& heading, const report_scope& scope, const domain::reports::period& p,
                               const std::vector<report_table>& tables);
/// `tabel,uraian,jumlah` rows (RFC 4180, CRLF).
std::string annual_report_csv(const std::vector<report_table>& tables);

/// The Content-Security-Policy of the print page: no scripts, no fetches, its inline style only.
std::string annual_report_content_security_policy();

}  // namespace perkara::api
