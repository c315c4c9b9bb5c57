//! The bytes of every envelope: goldens from the specifications, strict
//! schemas, headers, redaction, AIP-193, hostile and generated inputs.

mod aip193;
mod fuzz_corpus;
mod golden;
mod headers;
mod hostile;
mod props;
mod redaction;
mod schema;
mod seeds;
mod spec;
