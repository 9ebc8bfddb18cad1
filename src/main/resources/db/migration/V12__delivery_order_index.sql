-- The dispatcher reads an endpoint's due deliveries a batch at a time, the longest due first (then by event). With the
-- event as the index's last column the database walks the due ones in that order and stops after the batch, however
-- many deliveries are pending or waiting out a back-off; V5's index without it made the database read and sort every
-- due delivery of the endpoint at each batch, so a backlog of N deliveries cost N squared row reads to drain.
DROP INDEX ix_playbook_event_deliveries_due;
CREATE INDEX ix_playbook_event_deliveries_due ON playbook_event_deliveries (state, endpoint_key, next_attempt_at, event_id);
