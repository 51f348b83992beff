-- Issue 14 (learning scrub rules from denials): the day each 837 claim was created (BHT04), so a
-- timely filing denial (CARC 29) tells how late the claim was filed: created_on less the claim's
-- first service day. Null in rows stored before this version (the learning then counts from the
-- day the gateway received the file).
alter table claim add column created_on date;
