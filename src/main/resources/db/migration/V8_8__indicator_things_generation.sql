-- indicator: the generation of the things and cooperation facts (activities, organisations, membership, coverage,
-- comuni, meetings, agreements, referrals, trainings). A reader that finds rows in the owners' write feeds
-- (activity_, partnership_, territory_, cooperation_fact_write) takes them and moves the generation to a new value
-- of the sequence, in its own transaction; values computed from those facts are kept per period, network and
-- indicator while the generation stays the same (IndicatorEngine, ThingsCache). Values from a sequence are never
-- reused, so a generation raised by a transaction that rolled back can never be mistaken for a later one.

create sequence indicator_things_generation;

create table indicator_things_state (
    id         int    primary key check (id = 1),
    generation bigint not null
);

insert into indicator_things_state values (1, nextval('indicator_things_generation'));
