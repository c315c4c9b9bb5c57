//! The examples of errcodes live beside this crate; run `cargo run --example tour`.
