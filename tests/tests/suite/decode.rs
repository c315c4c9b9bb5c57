//! Clients decoding answers back into the variant that sent them.

mod client;
mod client_http;
mod decode_exact;
mod retry;
mod roundtrip;
mod rpc;
