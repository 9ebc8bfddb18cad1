// Why a playbook is outdated: one badge per flag (deleted, stale, dead link...), its reason on hover, and the
// reasons in full for the playbook page.

import { badge, h } from './dom.js';

const LABELS = {
  deleted: 'deleted', archived: 'archived', moved: 'moved', not_playbook: 'no longer a playbook',
  stale: 'stale', newer_version: 'newer version', dead_link: 'dead link',
};

function flagsOf(p) {
  const flags = p.outdated_flags || [];
  return flags.length ? flags : [{ kind: 'outdated', reason: p.outdated_reason || '' }];
}

/** The badges of a playbook's state: "current", or one per reason it is outdated. */
export function stateBadges(p) {
  if (!p.outdated) return badge('current', 'ok');
  return h('span', { class: 'badges' }, flagsOf(p).map((f) =>
    h('span', { title: f.reason, dataset: { flag: f.kind } }, badge(LABELS[f.kind] || f.kind, 'warn'))));
}

/** The reasons in words, one line each, for the warning of the playbook page. */
export function reasonList(p) {
  return h('ul', { class: 'flag-reasons' }, flagsOf(p).map((f) =>
    h('li', { dataset: { flag: f.kind } }, h('strong', {}, LABELS[f.kind] || f.kind), ': ', f.reason)));
}
