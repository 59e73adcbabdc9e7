-- One row every node locks (SELECT ... FOR UPDATE) while it creates schema, models, groups,
-- authorizations, filters and demo data at start, so two nodes starting together never
-- create them twice.
create table startup_lock (
    name varchar(40) not null primary key
);
insert into startup_lock (name) values ('startup');
