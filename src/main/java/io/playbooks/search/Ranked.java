package io.playbooks.search;

/** A playbook found by one way of searching, with that way's score (BM25, or cosine similarity). */
record Ranked(long playbookId, float score) {
}
