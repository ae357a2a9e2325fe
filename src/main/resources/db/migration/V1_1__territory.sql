-- territory: Lombardy's provinces and comuni (ISTAT reference data), optional ambiti and
-- third-country residents per comune. Loaded by V1_2 (Java migration) from reference/lombardia/.

create table territory_province (
    code            char(3) primary key,
    sigla           char(2) not null unique,
    name            text    not null,
    uts_code        char(3) not null,
    uts_type        text    not null,
    nuts3           text    not null,
    capital_istat   char(6) not null,
    geometry        jsonb   not null
);

create table territory_ambito (
    code  text primary key,
    name  text not null
);

create table territory_comune (
    istat_code          char(6)  primary key,
    name                text     not null,
    province_code       char(3)  not null references territory_province,
    cadastral_code      char(4)  not null unique,
    is_province_capital boolean  not null,
    population          integer  not null check (population >= 0),
    population_ref      text     not null,
    centroid_lat        numeric(8, 5) not null,
    centroid_lon        numeric(8, 5) not null,
    geometry            jsonb    not null,
    ambito_code         text     references territory_ambito,
    tcn_residents       integer  check (tcn_residents >= 0),
    tcn_year            smallint check (tcn_year between 2000 and 2100)
);

create index territory_comune_province_idx on territory_comune (province_code);
create index territory_comune_ambito_idx on territory_comune (ambito_code);
create index territory_comune_name_idx on territory_comune (lower(name) text_pattern_ops);
