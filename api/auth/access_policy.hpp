#pragma once
// Who may call a route (docs/security.md "How it is enforced"). Every route names one of the policies
// below when it is registered (router::add cannot be called without one), and authenticate() refuses a
// caller outside the matched route's policy with 403 before the handler reads anything. Organisation
// scope (own KI, own respondent body, the KI holding a dispute) stays with the handlers and services,
// which need the case to decide it, and answers 404 so that other organisations' cases stay invisible.

#include "domain/org/user.hpp"

#include <initializer_list>
#include <span>
#include <string>
#include <vector>

namespace perkara::api {

enum class audience {
  everyone,   // public: no credentials needed (and none checked)
  signed_in,  // any active user with a valid session
  roles,      // a signed-in user holding at least one of the policy's roles
};

class access_policy {
 public:
  static constexpr access_policy open() { return access_policy{audience::everyone, 0}; }
  static constexpr access_policy any_signed_in() { return access_policy{audience::signed_in, 0}; }
  static constexpr access_policy any_of(std::initializer_list<domain::role> roles) {
    unsigned bits = 0;
    for (const auto r : roles) {
      bits |= bit(r);
    }
    return access_policy{audience::roles, bits};
  }

  [[nodiscard]] constexpr audience who() const { return who_; }
  [[nodiscard]] constexpr bool admits(domain::role r) const { return who_ != audience::roles || (roles_ & bit(r)) != 0; }
  [[nodiscard]] bool admits(std::span<const domain::role> roles) const;
  /// The roles of an `audience::roles` policy, in domain::all_roles order (empty otherwise).
  [[nodiscard]] std::vector<domain::role> roles() const;
  /// "public", "signed_in" or the role names joined by ", " (for tests, logs and docs).
  [[nodiscard]] std::string describe() const;

  friend constexpr bool operator==(const access_policy&, const access_policy&) = default;

 private:
  constexpr access_policy(audience who, unsigned roles) : who_(who), roles_(roles) {}
  static constexpr unsigned bit(domain::role r) { return 1U << static_cast<unsigned>(r); }

  audience who_;
  unsigned roles_;  // one bit per domain::role
};

/// The model: one named policy per kind of route (docs/security.md has the table).
namespace policy {
using domain::role;

/// Reference data, the calculator, the public dispute pages, health, login.
inline constexpr auto public_route = access_policy::open();
/// The caller's own account and session (GET /me, log out).
inline constexpr auto signed_in = access_policy::any_signed_in();
/// User administration: a sysadmin everywhere, a ki_admin in its own KI (checked per user).
inline constexpr auto user_admins = access_policy::any_of({role::sysadmin, role::ki_admin});
/// Calendar changes: national days the sysadmin, a KI's local closures its ki_admin (checked per day).
inline constexpr auto calendar_admins = access_policy::any_of({role::sysadmin, role::ki_admin});
/// Reading the audit log: a sysadmin everywhere, a ki_admin its own organisation's entries.
inline constexpr auto audit_readers = access_policy::any_of({role::sysadmin, role::ki_admin});
/// National rule sets (statutory periods) apply everywhere: the sysadmin's alone.
inline constexpr auto national_rules = access_policy::any_of({role::sysadmin});
/// Registering an information request: the respondent body's PPID.
inline constexpr auto request_intake = access_policy::any_of({role::ppid});
/// Reading requests: the respondent's PPID and PPID superior; the staff of the KI where it is disputed.
inline constexpr auto request_readers =
    access_policy::any_of({role::ppid, role::ppid_superior, role::ki_admin, role::registrar, role::commissioner});
/// Acting on a request: the respondent's PPID (answer_objection: its PPID superior).
inline constexpr auto request_actors = access_policy::any_of({role::ppid, role::ppid_superior});
/// Registering a dispute application: the KI's registrar or ki_admin.
inline constexpr auto dispute_intake = access_policy::any_of({role::registrar, role::ki_admin});
/// Reading disputes: the handling KI's staff; the respondent's PPID and PPID superior.
inline constexpr auto dispute_readers =
    access_policy::any_of({role::ki_admin, role::registrar, role::commissioner, role::ppid, role::ppid_superior});
/// Acting on a dispute: the handling KI's staff, each role its own actions.
inline constexpr auto dispute_actors = access_policy::any_of({role::ki_admin, role::registrar, role::commissioner});
/// The KI's own commissioners and registrars for the case forms' pickers: its staff.
inline constexpr auto ki_staff = dispute_actors;
/// Letterheads (issue 15): a sysadmin everywhere, a KI's ki_admin, a respondent body's PPID superior
/// (checked per organisation).
inline constexpr auto letterhead_admins = access_policy::any_of({role::sysadmin, role::ki_admin, role::ppid_superior});
/// The PPID report (issue 18): an office's PPID and PPID superior, its KI's staff, a sysadmin nationally
/// (scope checked per organisation, api/reports/report_service.hpp).
inline constexpr auto ppid_report_readers = access_policy::any_of(
    {role::sysadmin, role::ki_admin, role::registrar, role::commissioner, role::ppid, role::ppid_superior});
/// The KI report: the KI's staff, a sysadmin nationally.
inline constexpr auto ki_report_readers =
    access_policy::any_of({role::sysadmin, role::ki_admin, role::registrar, role::commissioner});
/// Notice webhooks and the notice status page (issue 16): a sysadmin everywhere, a KI's ki_admin, a
/// respondent body's PPID superior (checked per organisation).
inline constexpr auto notice_admins = access_policy::any_of({role::sysadmin, role::ki_admin, role::ppid_superior});
}  // namespace policy

}  // namespace perkara::api
