-- The dispatcher reads an endpoint's next pending deliveries in event order, a batch at a time. With this index the
-- database walks them in that order and stops after the batch; before it, every pending delivery of the endpoint was
-- read and sorted at each batch, which made a backlog of N deliveries cost N squared row reads to drain.
CREATE INDEX ix_playbook_event_deliveries_next ON playbook_event_deliveries (endpoint_key, state, event_id);
