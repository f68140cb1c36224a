// The action codes of the audit trail (docs/security.md "Audit"), in one module without browser
// dependencies so the tests can check that each has a label in both dictionaries.
/** Every action code the server records; each has a label in web/i18n/id.js and en.js. */
export const auditActions = [
  'session.create', 'session.revoke', 'session.login_failed',
  'user.create', 'user.update',
  'holiday.create', 'holiday.replace', 'holiday.delete',
  'ruleset.version.create',
  'organisation.import',
  'request.create', 'request.extend', 'request.respond', 'request.file_objection', 'request.answer_objection', 'request.close', 'request.mark_disputed', 'request.record_delivery',
  'dispute.submit', 'dispute.request_completion', 'dispute.complete', 'dispute.register', 'dispute.reject_registration',
  'dispute.open_preliminary_examination', 'dispute.start_mediation', 'dispute.mediation_failed', 'dispute.start_adjudication',
  'dispute.schedule_hearing', 'dispute.decide', 'dispute.serve_copy', 'dispute.record_court_objection',
  'dispute.record_court_decision', 'dispute.mark_final', 'dispute.record_compliance', 'dispute.withdraw', 'dispute.lapse',
  'dispute.record_delivery',
  'dispute.attach_request_documents',
  'webhook.create', 'webhook.update', 'webhook.delete', 'webhook.rotate_secret', 'webhook.test',
  'notice.preferences.update', 'notice.opt_out',
];
export const actionGroups = ['session.', 'user.', 'holiday.', 'ruleset.', 'organisation.', 'request.', 'dispute.', 'webhook.', 'notice.'];
