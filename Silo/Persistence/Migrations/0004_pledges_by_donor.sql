-- Finding a donor's pledges without reading every pledge: the donor is in the pledge's first event.
create index events_pledge_donor on events ((data ->> 'donor')) where type = 'PledgeAnnounced';
