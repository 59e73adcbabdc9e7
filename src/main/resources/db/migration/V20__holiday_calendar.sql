-- National holidays are maintained by administrators (/staff/admin/holidays) beside the bundled
-- reference-data/holidays.csv: where a row came from, who changed it last, and removals kept as
-- tombstones so that a bundled date an administrator removed does not come back at the next start.
alter table public_holiday add column origin varchar(10) default 'BUNDLED' not null;
alter table public_holiday add column removed boolean default false not null;
alter table public_holiday add column changed_by varchar(64);
alter table public_holiday add column changed_at timestamp;
