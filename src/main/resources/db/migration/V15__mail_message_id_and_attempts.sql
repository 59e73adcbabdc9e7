-- Exactly-once mail: every mail gets a stable Message-ID before its first transmission, and each
-- transmission is counted, so a retry can tell "never reached the SMTP server" (failed_attempts)
-- from "the node stopped while the server may have accepted it" (an attempt without outcome).
alter table outgoing_mail add column message_id varchar(250);
alter table outgoing_mail add column attempts integer default 0 not null;
alter table outgoing_mail add column failed_attempts integer default 0 not null;
alter table outgoing_mail add column last_attempt_at timestamp;
create unique index uq_outgoing_mail_message_id on outgoing_mail (message_id);
