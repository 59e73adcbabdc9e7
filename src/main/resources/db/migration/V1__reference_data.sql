-- Reference data shared by all processes (loaded from reference-data/*.csv at first start).
create table municipality (
    code            varchar(6)   not null primary key,
    prefecture_code varchar(2)   not null,
    prefecture      varchar(10)  not null,
    name            varchar(40)  not null,
    name_kana       varchar(80)  not null,
    name_en         varchar(80)  not null
);
create index idx_municipality_prefecture on municipality (prefecture_code);

create table overseas_office (
    code     varchar(8)   not null primary key,
    owner    varchar(40)  not null,
    name_ja  varchar(80)  not null,
    name_en  varchar(200) not null,
    city     varchar(80)  not null,
    country  varchar(2)   not null,
    address  varchar(300) not null,
    phone    varchar(40),
    fax      varchar(40)
);

create table public_holiday (
    holiday_date date        not null primary key,
    name         varchar(40) not null
);
