#include "domain/disputes/completeness.hpp"

#include <algorithm>

namespace perkara::domain::disputes {

namespace {

bool contains(const std::vector<attachment>& items, attachment a) {
  return std::find(items.begin(), items.end(), a) != items.end();
}

}  // namespace

std::vector<attachment> required_attachments(const dispute& d) {
  std::vector<attachment> wanted;
  if (!d.request_id) {
    // Untracked request: the applicant proves the PPID stage with the letters and receipts.
    wanted.push_back(attachment::request_letter);
    wanted.push_back(attachment::request_receipt);
    if (d.chronology && d.chronology->ppid_response_date) {
      wanted.push_back(attachment::ppid_response);
    }
    wanted.push_back(attachment::objection_letter);
    wanted.push_back(attachment::objection_receipt);
    if (d.chronology && d.chronology->objection_response_date) {
      wanted.push_back(attachment::atasan_response);
    }
  }
  if (d.applicant.kind == applicant_kind::legal_entity) {
    wanted.push_back(attachment::articles_of_association);
  } else {
    wanted.push_back(attachment::identity_document);
  }
  if (d.representative || d.applicant.kind == applicant_kind::group) {
    wanted.push_back(attachment::power_of_attorney);
    wanted.push_back(attachment::grantor_identity);
  }
  return wanted;
}

checklist check_completeness(const dispute& d) {
  checklist result;
  result.required = required_attachments(d);
  for (auto a : result.required) {
    if (!contains(d.completeness.present, a)) {
      result.missing.push_back(a);
    }
  }
  return result;
}

}  // namespace perkara::domain::disputes
