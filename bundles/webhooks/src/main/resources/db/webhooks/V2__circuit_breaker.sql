-- Each endpoint's circuit breaker, shared by every node of the database and kept across restarts: consecutive failed
-- attempts, and until when its deliveries are held back once they reached the threshold. Portable H2 / PostgreSQL SQL.
ALTER TABLE webhook_endpoint ADD COLUMN consecutive_failures INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhook_endpoint ADD COLUMN circuit_open_until TIMESTAMP WITH TIME ZONE;
