-- ISA13/GS06 of the 999/TA1 acknowledgments the gateway sends back: unique, never reused.
create sequence ack_control_number start with 1 maxvalue 999999999 cycle;
