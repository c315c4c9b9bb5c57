//! errcodes' integration tests, one binary (as cargo's own suite is): a
//! module for each thing users rely on, a file for each topic in it. Every
//! link on a 2-core machine costs seconds, so only the tests of process-wide
//! state (a counting allocator, the panic hook, the panic log's counters)
//! and the compile-fail cases stay binaries of their own, beside this one.

// The examples and shared fixtures are compiled once, here, and the topics
// that exercise them `use` them. (`examples/openapi.rs` includes the tour
// itself, as its example binary needs, and the two services both include
// `examples/shared/orders.rs`: those files stand in two modules.)
#![allow(clippy::duplicate_mod)]

#[path = "../support/mod.rs"]
mod support;

// A module loaded by `path` reads the paths inside it from this folder.
#[path = "examples.rs"]
mod examples;

mod collect;
mod contract;
mod declare;
mod decode;
mod document;
mod localize;
mod render;
mod serve;
