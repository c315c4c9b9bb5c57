//! errcodes' integration tests, one binary (as cargo's own suite is): a
//! module for each thing users rely on, a file for each topic in it. Every
//! link on a 2-core machine costs seconds, so only the tests of process-wide
//! state (a counting allocator, the panic hook, the panic log's counters)
//! and the compile-fail cases stay binaries of their own, beside this one.

// Topics include the examples they exercise by path (`tour.rs`, the two
// services, which both include `examples/shared/orders.rs`), as each was a
// binary of its own before; a file can stand in more than one module.
#![allow(clippy::duplicate_mod)]

#[path = "../support/mod.rs"]
mod support;

mod collect;
mod declare;
mod decode;
mod document;
mod localize;
mod render;
mod serve;
